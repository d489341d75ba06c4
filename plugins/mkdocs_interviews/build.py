"""One build of a site: the single place that decides every file the build adds and how each
source page is shaped.

`SiteBuild` is made from the content (`Project`) and the site's settings (`SiteSettings`).
Both adapters ask it and nothing else: the MkDocs plugin adds its files to MkDocs' own and
hands each page it shapes to the theme; `generate` writes the same files and shaped pages to
a folder for builders that run no plugins. So both make the same site, head included.

A page's *shape* is what the build makes of a page's Markdown and front matter: the front
matter's printed values escaped (and the theme template that prints the page's head chosen),
a front matter that could not be read shown as code, and, for a write-up, its header, answer
anchors, links after answers and footer. Its *head* (`Head`) is what the page tells other
sites: feed links, Open Graph and JSON-LD.

A *preview* (`SiteSettings.preview`, the plugin's `mkdocs serve`) shows the author what a
build hides: a write-up's problems in a box at the top of its page, and the drafts in the
listings; never in the feeds or the open data.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown

from . import urls
from .decoration import Decoration, DecorationExtension
from .headings import HeadingStyle
from .index import Index, build_index
from .listed_excerpts import ListedExcerpts, plain_markdown
from .metadata import Head, page_head
from .model import WriteUp
from .outputs import OutputFile, data_files, feed_files
from .pages import PageOptions, PagePlan, Renderer
from .problems import Problem
from .project import Project, taken_address
from .question_form import QuestionForm
from .safe_text import calm_headings, safe_meta, unread_front_matter
from .writeups import Document

THEME_DIR = Path(__file__).parent / "theme"
"""The plugin's theme folder: a theme's templates are looked for there last."""

MATERIAL_DIR = Path(__file__).parent / "overrides"
"""Three of Material's templates, replaced: `partials/search.html` gives the search dialog a
name, `partials/source.html` keeps the repository link from asking GitHub's API for its
stars and release, `partials/header.html` shows the plugin's own search dialog
(`partials/interviews-search.html`, the plugin's) when its search is on. Looked for before
the theme's own folder (after a site's `custom_dir`)."""

MATERIAL_CHANGES = {
    "partials/search.html": (
        'role="dialog">',
        """role="dialog" aria-label="{{ lang.t('search') }}">""",
    ),
    "partials/source.html": (' data-md-component="source">', ">"),
    "partials/header.html": (
        '    {% if "material/search" in config.plugins %}\n',
        '    {% if "interviews" in config.plugins and '
        '(config.plugins["interviews"] | attr("config")).search == "pagefind" %}\n'
        '      {% include "partials/interviews-search.html" %}\n'
        '    {% elif "material/search" in config.plugins %}\n',
    ),
}
"""The one change each of MATERIAL_DIR's templates makes to Material's: (before, after)."""

HEAD_TEMPLATE = "interviews/page.html"
"""The theme template of pages with a head: the theme's own page, plus the head."""

HEAD_KEY = "interviews_head"
"""The front-matter key that carries a page's head to a builder without the plugin (the
plugin hands it to the theme in the template's context instead, where no front matter can
replace it)."""


@dataclass(frozen=True)
class ShapedPage:
    """A page as the build shows it: its Markdown, its front matter and its head."""

    markdown: str
    meta: dict[str, Any]
    head: Head | None


@dataclass(frozen=True)
class GaveWay:
    """A file the build would add where the site has one of its own at the same address."""

    path: str
    """The generated file's path."""
    own: str
    """The site's file that is used instead."""
    problem: Problem | None = None
    """Why that is a mistake, when the site's file is a write-up: a write-up's address is its
    own, and no generated page should be lost to one without a word."""


class SiteBuild:
    """Every generated file of one build, and the shape of every source page."""

    def __init__(
        self,
        project: Project,
        settings: SiteSettings,
        md: markdown.Markdown | None = None,
        *,
        as_html: bool = False,
    ) -> None:
        """`md` is Python-Markdown with the site's extensions, for the excerpts that no
        conversion gives. With `as_html` (the plugin), the generated pages from HTML
        templates reach the theme as HTML (`page_html`), and the listings take each answer's
        excerpt from its write-up page's own conversion; without (`generate`), every page is
        a file of Markdown, and each excerpt is cut from its answer converted on its own."""
        self.project = project
        self.settings = settings
        self.as_html = as_html
        self.listed = ListedExcerpts(
            settings.excerpt_words,
            settings.directory_urls,
            md or plain_markdown(),
            from_conversions=as_html,
        )
        self.renderer = make_renderer(project, settings, self.listed)
        self.index = self.renderer.index
        # Feeds and open data are read by other sites and tools, which a preview does not
        # show to its author: never a draft in them, even there.
        self.published = index_of(project) if settings.preview else self.index
        self._problems: dict[str, list[Problem]] = {}
        if settings.preview:
            for problem in project.problems:
                self._problems.setdefault(problem.file, []).append(problem)
        self._field_pages = {urls.field_path(item): item for item in self.index.fields}
        self._generated: set[str] = set()
        self._heads: dict[str, Head | None] = {}
        self._html_pages: dict[str, PagePlan] = {}

    def files(self, taken: Iterable[str]) -> tuple[list[OutputFile], list[GaveWay]]:
        """The files the build adds to a site whose own files are at paths `taken`, and those
        that give way to one of the site's at the same address (a hand-written `ask.md` is
        the page `ask/` too)."""
        own = {self.address(path): path for path in taken}
        added: list[OutputFile] = []
        gave_way: list[GaveWay] = []
        for output in self._outputs():
            mine = own.get(self.address(output.path))
            if mine is None:
                added.append(output)
            else:
                gave_way.append(GaveWay(output.path, mine, self._collision(output.path, mine)))
                self._html_pages.pop(output.path, None)
        self._generated = {output.path for output in added}
        return added, gave_way

    def _collision(self, path: str, own: str) -> Problem | None:
        """The problem of a write-up at `own` that takes the address of the generated `path`
        (`interviews/2025.md` is where the archive's page of 2025 would be)."""
        if self.project.document(own) is None:
            return None
        return taken_address(own, self.address(own), path)

    def _outputs(self) -> Iterator[OutputFile]:
        renderer = self.renderer
        for plan in renderer.plans():
            if self.as_html and plan.as_html:
                self._html_pages[plan.path] = plan
                yield OutputFile(plan.path, renderer.stub(plan).encode())
            else:
                yield OutputFile(plan.path, renderer.markdown(plan).encode())
        yield from site_files(self.published, self.settings)

    def page_html(self, path: str) -> tuple[str, list[dict[str, Any]]] | None:
        """The HTML and table of contents of a generated page that reaches the theme as HTML
        (None for any other page). Asked once every page is converted: its excerpts are
        taken from the conversions of their write-ups."""
        plan = self._html_pages.get(path)
        return None if plan is None else self.renderer.html(plan)

    def scope_of(self, path: str) -> tuple[bool, tuple[str | None, str | None] | None]:
        """Whether the generated page at `path` reaches the theme as HTML, and which
        write-ups it shows (`PagePlan.scope`)."""
        plan = self._html_pages.get(path)
        return (False, None) if plan is None else (True, plan.scope)

    def address(self, path: str) -> str:
        """Where the file at `path` is published, relative to the site's root."""
        return urls.page_url(path, self.settings.directory_urls)

    def is_home(self, path: str) -> bool:
        """Whether the page at `path` is the site's home page."""
        return self.address(path) in ("./", "index.html")

    def is_generated(self, path: str) -> bool:
        """Whether `path` is a page or file this build added (after `files`)."""
        return path in self._generated

    def shape(
        self,
        path: str,
        markdown: str,
        meta: Mapping[str, Any],
        into: DecorationExtension | None = None,
    ) -> ShapedPage:
        """The page at `path` as the build shows it, from its Markdown (without the front
        matter) and its front matter as read (empty when it could not be read).

        A write-up's decoration is handed to `into`, which places it during the page's
        conversion, or without it placed in the text.
        """
        doc = self.project.document(path)
        writeup = None if doc is None else doc.writeup
        shaped = _meta(dict(meta), writeup)
        head = self.head(path, shaped, writeup)
        if head is not None:
            shaped.setdefault("template", HEAD_TEMPLATE)
        safe_meta(shaped, writeup_file=doc is not None)
        self._heads[path] = head
        if path in self._html_pages:  # its HTML reaches the theme instead (`page_html`)
            if into is not None:
                into.page = None
            return ShapedPage("", shaped, head)
        shown = self._markdown(markdown, doc, not meta, into)
        if doc is None and self.is_home(path):
            shown = with_latest(shown, self.renderer.home_latest(path))
        return ShapedPage(shown, shaped, head)

    def _markdown(
        self, markdown: str, doc: Document | None, unread: bool, into: DecorationExtension | None
    ) -> str:
        if doc is not None and unread:
            markdown = unread_front_matter(markdown)
        markdown = calm_headings(markdown)
        if into is not None:
            into.page = None
        if doc is None:
            return markdown
        problems = self._problems.get(doc.path)
        box = self.renderer.problems_box(problems) if problems else None
        if doc.writeup is None:
            if box is None:
                return markdown
            anchored, decoration = markdown, Decoration(box, {}, "")
            if doc.partial is not None:  # the rest of its decoration, as far as it goes
                anchored, partial = self.renderer.decoration(
                    markdown,
                    doc.partial,
                    self.project.questions,
                    in_text=into is None,
                    partial=True,
                )
                decoration = dataclasses.replace(partial, header=box)
        else:
            anchored, decoration = self.renderer.decoration(
                markdown, doc.writeup, self.project.questions, in_text=into is None
            )
            if box is not None:
                decoration = dataclasses.replace(decoration, header=f"{box}\n{decoration.header}")
        if into is None:
            return decoration.in_text(anchored)
        into.page = decoration
        return anchored

    def surroundings(self, path: str, text: str) -> str | None:
        """All that the build puts around the write-up at `path` (its header, the link
        after each answer, its footer, its problems), from its file's text, as one string:
        what tells a preview whether the page changed beside its text (see `preview`).
        None for a page that is not a write-up."""
        doc = self.project.document(path)
        if doc is None:
            return None
        capture = DecorationExtension()
        anchored = self._markdown(text, doc, False, capture)
        decoration = capture.page
        if decoration is None:
            return anchored
        after = "\0".join(f"{key}\0{html}" for key, html in sorted(decoration.after.items()))
        return "\0".join((anchored, decoration.header, after, decoration.footer))

    def decoration_inputs(self, path: str) -> list[object] | None:
        """All that the decoration of the write-up at `path` takes from the rest of the
        site (`Renderer.decoration_inputs`), with its problems; None for a page that is not
        a write-up, or when only making the decoration tells (`surroundings`)."""
        doc = self.project.document(path)
        if doc is None:
            return None
        problems: list[object] = [str(problem) for problem in self._problems.get(path, ())]
        writeup = doc.writeup or doc.partial
        if writeup is None:
            return problems
        inputs = self.renderer.decoration_inputs(writeup)
        return None if inputs is None else [*problems, *inputs]

    def head_of(self, path: str) -> Head | None:
        """The head of the page at `path`, as `shape` made it."""
        return self._heads.get(path)

    def head(self, path: str, meta: Mapping[str, Any], writeup: WriteUp | None) -> Head | None:
        """Feed links, Open Graph and JSON-LD of a generated page, a write-up or the home
        page, from its front matter before it is escaped; None for another page."""
        url = self.address(path)
        home = self.is_home(path)
        if writeup is None and not home and not self.is_generated(path):
            return None
        title, description = meta.get("title"), meta.get("description")
        settings = self.settings
        return page_head(
            site_name=settings.site_name,
            site_description=settings.site_description,
            site_url=settings.site_url,
            page_url=url,
            title=str(title) if title else None,
            description=str(description) if description else None,
            writeup=writeup,
            field=self._field_pages.get(path),
            home=home,
            feeds=True,
        )


HOME_MARKER = re.compile(r"^[ \t]*<!--[ \t]*interviews:[ \t]*latest[ \t]*-->[ \t]*$", re.MULTILINE)
"""The line of the home page where the latest interviews go: `<!-- interviews: latest -->`."""


def with_latest(markdown: str, latest: str) -> str:
    """The home page's Markdown with the latest interviews (`latest`, Markdown) in place of
    its first HOME_MARKER line, or else at its end."""
    block = latest.strip("\n")
    marker = HOME_MARKER.search(markdown)
    if marker is not None:
        placed = f"\n{block}\n" if block else ""
        return markdown[: marker.start()] + placed + markdown[marker.end() :]
    return f"{markdown.rstrip()}\n\n{block}\n" if block else markdown


def _meta(meta: dict[str, Any], writeup: WriteUp | None) -> dict[str, Any]:
    """A page's front matter with the write-up's title as written (`title: 1:30` is not 90)
    and its summary as the description; no page's own key may pass for a head."""
    meta.pop(HEAD_KEY, None)
    if writeup is not None:
        meta["title"] = writeup.title
        if writeup.summary and "description" not in meta:
            meta["description"] = writeup.summary
    return meta


def material_partials_fit(theme_folder: Path) -> bool:
    """Whether the theme's partials are those MATERIAL_DIR's copies were made from (Material
    9.7 and 9.8 have the same), so that the copies may replace them; another version's are
    left as they are."""
    for partial, (before, after) in MATERIAL_CHANGES.items():
        try:
            theirs = (theme_folder / partial).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        mine = (MATERIAL_DIR / partial).read_text(encoding="utf-8")
        if without_comment(theirs).replace(before, after, 1) != without_comment(mine):
            return False
    return True


def without_comment(template: str) -> str:
    """A Jinja template without the comment it opens with, if any."""
    if template.startswith("{#") and "#}\n" in template:
        return template.split("#}\n", 1)[1]
    return template


def head_data(head: Head) -> dict[str, Any]:
    """A head as plain data, for a front matter (see HEAD_KEY)."""
    return dataclasses.asdict(head)


# -- the parts of a build ------------------------------------------------------------


@dataclass(frozen=True)
class SiteSettings:
    """What the build needs from the site's configuration (mkdocs.yml)."""

    site_name: str
    question_form: QuestionForm
    site_url: str | None = None
    """Where the site is published; feeds and absolute links need it."""
    site_description: str | None = None
    directory_urls: bool = True
    answers_per_field: int = 3
    excerpt_words: int = 60
    templates_dir: Path | None = None
    headings: HeadingStyle = field(default_factory=HeadingStyle)
    """How the site's Markdown writes headings (its `toc` settings)."""
    search_marks: bool = True
    """Whether the write-ups' pages tell Pagefind what to index, and the site has the search
    dialog's script: the plugin's own search (`search: pagefind`). Without it (`search:
    theme`) the pages are as the theme's search had them."""
    preview: bool = False
    """A preview for the author (`mkdocs serve`), never a build to publish: each write-up's
    problems are shown at the top of its page, and drafts are listed (marked as drafts)
    where they will be, but in feeds and open data."""


def index_of(project: Project, *, drafts: bool = False) -> Index:
    """The published write-ups (and the drafts too, with `drafts`) and readers' questions
    indexed against the catalogs."""
    return build_index(
        project.fields.fields, project.questions, project.listed, project.asks.asks, drafts=drafts
    )


def make_renderer(
    project: Project, settings: SiteSettings, listed: ListedExcerpts | None = None
) -> Renderer:
    """The renderer of this build, over the content's index."""
    index = index_of(project, drafts=settings.preview)
    options = PageOptions(
        answers_per_field=settings.answers_per_field,
        excerpt_words=settings.excerpt_words,
        directory_urls=settings.directory_urls,
        templates_dir=settings.templates_dir,
        feeds=settings.site_url is not None,
        headings=settings.headings,
        site_root=None if settings.site_url is None else urlsplit(settings.site_url).path or "/",
        site_url=settings.site_url,
        search_marks=settings.search_marks,
    )
    return Renderer(index, settings.question_form, options, listed)


def stylesheet(name: str = "interviews.css") -> bytes:
    """The plugin's stylesheet (or the feeds', `feed.css`)."""
    return (package_files("mkdocs_interviews") / "assets" / name).read_bytes()


def compare_script() -> bytes:
    """The script that puts chosen fields of a question's page side by side."""
    return (package_files("mkdocs_interviews") / "assets" / "interviews-compare.js").read_bytes()


def search_script() -> bytes:
    """The script of the readers' search dialog (over Pagefind, see `search`)."""
    return (package_files("mkdocs_interviews") / "assets" / "interviews-search.js").read_bytes()


def site_files(index: Index, settings: SiteSettings) -> Iterator[OutputFile]:
    """The files the build adds beside the pages: the stylesheet, the compare script, the
    search dialog's (for the plugin's own search), open data and, with a `site_url`, the
    feeds and the stylesheet a browser shows them with."""
    yield OutputFile(urls.STYLESHEET, stylesheet())
    yield OutputFile(urls.COMPARE_SCRIPT, compare_script())
    if settings.search_marks:
        yield OutputFile(urls.SEARCH_SCRIPT, search_script())
    yield from data_files(
        index,
        base=settings.site_url,
        directory_urls=settings.directory_urls,
        issue_url=settings.question_form.issue_url,
    )
    if settings.site_url is not None:
        yield OutputFile(urls.FEED_STYLESHEET, stylesheet("feed.css"))
        yield from feed_files(
            index,
            base=settings.site_url,
            site_name=settings.site_name,
            directory_urls=settings.directory_urls,
        )
