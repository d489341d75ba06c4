"""Where generated pages live, and links between pages.

Layouts are the pages' source paths, relative to the docs folder, as format strings; MkDocs
turns `fields/<field>/index.md` into the URL `fields/<field>/`. Links in generated Markdown
point at source paths (MkDocs resolves and checks them); links in raw HTML, which MkDocs does
not touch, are URLs computed here the way MkDocs computes them.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import Markup

from .model import MARKDOWN_SUFFIXES, Field, Question, WriteUp

if TYPE_CHECKING:
    from .asks import Ask

INTERVIEWS = "interviews/index.md"
INTERVIEWS_YEAR = "interviews/{year}/index.md"
FIELDS = "fields/index.md"
FIELD = "fields/{field}/index.md"
QUESTIONS = "questions/index.md"
QUESTION = "questions/{question}/index.md"
QUESTION_FIELD = "questions/{question}/{field}/index.md"
MATRIX = "questions/matrix/index.md"
"""The coverage matrix: fields x questions (`questions/matrix/`)."""
ASK = "ask/index.md"
QUEUED_ASK = "ask-{ask}"
"""The anchor of a reader's question in the ask page's queue (`ask/#ask-<ask id>`)."""
NETWORK = "network/index.md"
FEEDS = "feeds/index.md"
FEED = "feed.xml"
FIELD_FEED = "fields/{field}/feed.xml"
API_INTERVIEWS = "api/interviews.json"
API_FIELDS = "api/fields.json"
API_QUESTIONS = "api/questions.json"
API_ASKS = "api/asks.json"
"""Readers' questions and where each stands, for the notifier (`notify`) and other tools."""
STYLESHEET = "assets/stylesheets/interviews.css"
COMPARE_SCRIPT = "assets/javascripts/interviews-compare.js"
SEARCH_SCRIPT = "assets/javascripts/interviews-search.js"
"""Puts chosen fields of a question's page side by side."""

FEED_STYLESHEET = "assets/stylesheets/feed.css"

RESERVED_QUESTION_IDS = {"matrix": (MATRIX, "the coverage matrix")}
"""Question ids whose page would be at the address of another generated page (that page's
path and name, by id): `questions.yml` may not use them."""


def interviews_year_path(year: int) -> str:
    """The archive's page of one year's interviews."""
    return INTERVIEWS_YEAR.format(year=year)


def field_path(item: Field) -> str:
    return FIELD.format(field=item.slug)


def field_feed_path(item: Field) -> str:
    return FIELD_FEED.format(field=item.slug)


def feed_anchor(item: Field | None = None) -> str:
    """The anchor of the site's feed, or of a field's, on the page of the feeds (FEEDS): no
    field's can be the site's, nor a heading's of that page."""
    return "all-interviews" if item is None else f"feed-{item.slug}"


def question_path(question: Question) -> str:
    return QUESTION.format(question=question.id)


def question_field_path(question: Question, item: Field) -> str:
    return QUESTION_FIELD.format(question=question.id, field=item.slug)


def queued_anchor(ask: Ask) -> str:
    """The id of a reader's question on the ask page."""
    return QUEUED_ASK.format(ask=ask.id)


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page at `path` (relative to the site's root).

    A file that is not a page (`feed.xml`) keeps its path.
    """
    stem, extension = posixpath.splitext(path)
    if extension not in MARKDOWN_SUFFIXES:
        return path
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if directory_urls:
            return f"{folder}/" if folder else "./"
        return posixpath.join(folder, "index.html")
    if directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def relative_url(target: str, base: str) -> str:
    """The URL `target` relative to the page at URL `base` (both relative to the site root)."""
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    base_dir = "" if base_dir in ("./", ".") else base_dir
    target_path = "" if target in ("./", ".") else target
    relative = posixpath.relpath("/" + target_path, "/" + base_dir)
    if target.endswith("/") and relative != ".":
        relative += "/"
    return "./" if relative == "." else relative


_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]*")


def _relpath(path: str, start: str) -> str:
    """`path` relative to the folder `start`; both clean relative paths of the docs folder.

    (posixpath.relpath makes both absolute first, which costs more than all the rest of a
    link, and pages hold thousands of links.)
    """
    target = path.split("/")
    base = [] if start in ("", ".") else start.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


@dataclass(frozen=True)
class Links:
    """Links from one page (`page`, a source path) to the others, for templates.

    In Markdown (`html=False`) a link is the relative source path of its target, which
    MkDocs resolves and checks; in raw HTML (`html=True`) it is the relative URL.
    """

    page: str
    directory_urls: bool = True
    html: bool = False
    root: str | None = None
    """For raw HTML, where the site is served (`/interviews/`): links then start there."""

    def to(self, path: str, anchor: str | None = None) -> Markup:
        if self.html and self.root is not None:
            link = self.root + page_url(path, self.directory_urls).removeprefix("./")
        elif self.html:
            link = relative_url(
                page_url(path, self.directory_urls), page_url(self.page, self.directory_urls)
            )
        else:
            link = _relpath(path, posixpath.dirname(self.page))
        if not _PLAIN_PATH.fullmatch(link):
            link = quote(link, safe="/.")
        return Markup(f"{link}#{quote(anchor, safe='')}" if anchor else link)

    def interviews(self, year: int | None = None) -> Markup:
        """The archive of every interview, or its page of one year."""
        return self.to(INTERVIEWS if year is None else interviews_year_path(year))

    def fields(self) -> Markup:
        return self.to(FIELDS)

    def field(self, item: Field) -> Markup:
        return self.to(field_path(item))

    def questions(self, anchor: str | None = None) -> Markup:
        return self.to(QUESTIONS, anchor)

    def question(self, question: Question) -> Markup:
        return self.to(question_path(question))

    def question_field(self, question: Question, item: Field) -> Markup:
        return self.to(question_field_path(question, item))

    def writeup(self, writeup: WriteUp, anchor: str | None = None) -> Markup:
        return self.to(writeup.path, anchor)

    def ask(self) -> Markup:
        return self.to(ASK)

    def matrix(self) -> Markup:
        return self.to(MATRIX)

    def queued(self, ask: Ask) -> Markup:
        """A reader's question in the ask page's queue."""
        return self.to(ASK, queued_anchor(ask))

    def queued_anchor(self, ask: Ask) -> str:
        """The id of a reader's question on the ask page, which `queued` links."""
        return queued_anchor(ask)

    def network(self, anchor: str | None = None) -> Markup:
        return self.to(NETWORK, anchor)

    def feed(self, item: Field | None = None) -> Markup:
        """The site's feed, or a field's."""
        return self.to(FEED if item is None else field_feed_path(item))

    def feeds(self, item: Field | None = None) -> Markup:
        """The page of the feeds, at the site's feed or a field's (how to follow them)."""
        return self.to(FEEDS, feed_anchor(item))

    def asset(self, path: str) -> Markup:
        """A file the build adds (`assets/...`), as a URL from this page."""
        return Markup(relative_url(path, page_url(self.page, self.directory_urls)))

    def as_html(self) -> Links:
        """The same links, as URLs for raw HTML."""
        return Links(self.page, self.directory_urls, html=True, root=self.root)
