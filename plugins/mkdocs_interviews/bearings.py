"""Where a page sits in the site: the section of the navigation it belongs to, and its trail
of breadcrumbs back up to the home page.

Write-ups and the per-field and per-question pages are not in the navigation (it is rendered
into every page, and at thousands of pages that is far too slow); each belongs to the section
of the page that lists it, which its source path says: `fields/...` to Fields, `questions/...`
to Questions, a write-up to Interviews (the archive) or, in a site without one in its
navigation, to Fields, where its field lists it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .model import Field, Question, WriteUp

HOME = "index.md"
"""The home page's source path."""

ARCHIVE = urls.INTERVIEWS
"""The interviews archive's source path: the section of every write-up."""

SECTION_TITLES = {
    urls.FIELDS: "Fields",
    urls.QUESTIONS: "Questions",
    ARCHIVE: "Interviews",
    urls.NETWORK: "Network",
    urls.ASK: "Ask",
}
"""How a trail names each section's page (a page's own crumb is its title)."""

_BY_FOLDER = {path.split("/")[0] + "/": path for path in SECTION_TITLES}
# The feeds' page is where a field's "Follow this field" leads: it is part of Fields.
_BY_FOLDER[urls.FEEDS.split("/")[0] + "/"] = urls.FIELDS


@dataclass(frozen=True)
class Crumb:
    """One step of a trail: a page's title and its source path."""

    title: str
    path: str


def section_pages(path: str, *, writeup: bool = False) -> tuple[str, ...]:
    """The source paths of the navigation pages whose section holds the page at `path`, the
    preferred first; the builder marks the first of them its navigation has. Empty for a page
    outside every section (the home page, a page of the site's own)."""
    if writeup:
        return (ARCHIVE, urls.FIELDS)
    section = _BY_FOLDER.get(path.split("/")[0] + "/")
    return () if section is None else (section,)


def page_trail(
    path: str, title: str, *, field: Field | None = None, question: Question | None = None
) -> tuple[Crumb, ...]:
    """The breadcrumbs of a generated page: home, its section's page, the question of a
    question-by-field page, and the page itself (a question-by-field page by its field)."""
    crumbs = [Crumb("Home", HOME)]
    sections = section_pages(path)
    if sections and sections[0] != path:
        crumbs.append(Crumb(SECTION_TITLES[sections[0]], sections[0]))
    if question is not None and field is not None:
        crumbs.append(Crumb(question.text, urls.question_path(question)))
        title = field.name
    crumbs.append(Crumb(title, path))
    return tuple(crumbs)


def writeup_trail(writeup: WriteUp) -> tuple[Crumb, ...]:
    """The breadcrumbs of a write-up: home, the interviews archive (which every build makes,
    or a page of the site's own at its address), and the write-up itself."""
    archive = Crumb(SECTION_TITLES[ARCHIVE], ARCHIVE)
    return (Crumb("Home", HOME), archive, Crumb(writeup.title, writeup.path))
