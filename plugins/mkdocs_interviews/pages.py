"""The generated pages' Markdown, and the decoration of write-up pages, from Jinja templates."""

from __future__ import annotations

import dataclasses
import functools
import json
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import search, urls
from .anchors import AnswerHeading, answer_headings
from .bearings import Crumb, page_trail, writeup_trail
from .catalogs import QuestionCatalog
from .coverage import Grid
from .coverage import grid as coverage_grid
from .decoration import Decoration
from .excerpts import REFERENCE_USE, excerpt, inline_references, references, repoint_links
from .headings import HeadingStyle, PageHeadings
from .index import Answered, Index
from .listed_excerpts import ListedExcerpts, plain_markdown
from .model import Field, Question, WriteUp
from .outputs import feed_url
from .problems import Problem
from .question_form import QuestionForm
from .render import MONTHS, SiteTemplateError, environment, escape_text, plural
from .sections import set_anchor
from .urls import Links

HOME_LATEST = 5
"""How many of the latest interviews the home page shows."""

ARCHIVE_LATEST = 20
"""How many of the latest interviews the archive's first page shows, above the years."""

MORE_FROM_FIELD = 3
"""How many other interviews of its field a write-up's footer lists."""

SEARCH_BOOST = 2.0
"""How much higher a field's or a question's page ranks in search than an ordinary page."""


def heading_text(text: object) -> Markup:
    """Text that ends a Markdown heading, shown as written (the templates' `heading` filter).

    It is escaped as `{{ text }}` is, and a `#` at its end is a character reference too:
    Python-Markdown and `attr_list` read hashes at the end of a heading as closing hashes and
    drop them, so that a field called `C#` would be shown as 'C'.
    """
    shown = text if isinstance(text, Markup) else escape_text(str(text).strip())
    return Markup(f"{shown[:-1]}&#35;") if shown.endswith("#") else shown


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter, written as JSON values (JSON is YAML, and much faster to write)."""
    return "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()
    )


@dataclass(frozen=True)
class PageOptions:
    """How the generated pages look (the plugin's options)."""

    answers_per_field: int = 3
    excerpt_words: int = 60
    directory_urls: bool = True
    templates_dir: Path | None = None
    feeds: bool = False
    """Whether the site has feeds (it needs `site_url`), so pages may link them."""
    headings: HeadingStyle = field(default_factory=HeadingStyle)
    """How the site's Markdown writes headings (ids, permalinks), for HTML templates."""
    site_root: str | None = None
    """The path of the site's address (`/interviews/` for `https://host/interviews/`)."""
    site_url: str | None = None
    """The site's address, for the feeds' addresses shown on the page of the feeds."""
    search_marks: bool = True
    """Whether a write-up's page tells Pagefind what to index (see `search`)."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page the plugin adds to the site: its source path and its Markdown."""

    path: str
    markdown: str


@dataclass(frozen=True)
class PagePlan:
    """A generated page before it is rendered: its source path, its template, its front
    matter (title, description, search) and what the template is given."""

    path: str
    template: str
    meta: dict[str, Any]
    context: dict[str, Any]
    trail: tuple[Crumb, ...] = ()
    """Its breadcrumbs, from the home page to itself."""
    scope: tuple[str | None, str | None] | None = None
    """The write-ups it shows: those that answer the question of id `scope[0]` (any, if
    None) from the field of slug `scope[1]` (any, if None); None for a page that may show
    any write-up. A preview makes the page again only when one of those changed (see
    `preview`)."""

    @property
    def as_html(self) -> bool:
        """Whether its template makes HTML (`.html.j2`), which the plugin hands the theme
        without a conversion, rather than Markdown (`.md.j2`)."""
        return self.template.endswith(".html.j2")


@dataclass(frozen=True)
class AnswerView:
    """An answer as a listing shows it."""

    writeup: WriteUp
    question: Question
    excerpt: Markup
    link: Markup


@dataclass(frozen=True)
class QuotedView:
    """An answer on a question's page: quoted under the first of its fields the page shows
    it in (`quoted_in`), at `anchor`; under the others, a pointer to that quote."""

    view: AnswerView
    quoted_in: Field
    anchor: str


@dataclass(frozen=True)
class FieldAnswers:
    """One field's part of a question's page: its newest answers, and how many it has."""

    field: Field
    count: int
    answers: list[QuotedView]


class Renderer:
    """Renders every generated page, and decorates write-ups, for one build."""

    def __init__(
        self,
        index: Index,
        question_form: QuestionForm,
        options: PageOptions | None = None,
        listed: ListedExcerpts | None = None,
    ) -> None:
        self.index = index

        self.question_form = question_form
        self.options = options or PageOptions()
        self.listed = listed or ListedExcerpts(
            self.options.excerpt_words, self.options.directory_urls, plain_markdown()
        )
        """The answers' excerpts as HTML (taken from the pages' conversions in the plugin)."""
        self.env = environment(self.options.templates_dir)
        self.env.filters["heading"] = heading_text
        self.env.globals["feed_anchor"] = urls.feed_anchor
        # Write-ups are known here by their path: two may share a slug (the pages list only
        # one of them), never a path.
        self._references: dict[str, dict[str, tuple[str, str | None]]] = {}
        """Each write-up's link reference definitions, by its path."""
        self._views: dict[tuple[str, str, int], AnswerView] = {}
        """Answers as listed, by write-up path, question id and page depth."""
        self._excerpts: dict[tuple[str, str], str] = {}
        """Answers' excerpts, by write-up path and question id."""
        self._templates: dict[str, str] = {}
        """The template each page's name stands for (see `_template`)."""
        self._answer_links: dict[tuple[str, int, str, int, str | None], str] = {}
        """The link after an answer, by question id, other answers, folder and URL depth."""
        _refuse_markdown_decoration(self.options.templates_dir)
        self._answer_template = self.env.get_template("writeup_answer.html.j2")
        self._breadcrumbs = self.env.get_template("breadcrumbs.html.j2")
        own = Path(__file__).parent / "templates"
        self._own_answer_template = Path(self._answer_template.filename or "").parent == own

    # -- generated pages ------------------------------------------------------------------

    def pages(self) -> Iterator[GeneratedPage]:
        """Every generated page as a file of Markdown (see `markdown`), in a stable order."""
        for plan in self.plans():
            yield GeneratedPage(plan.path, self.markdown(plan))

    def plans(self) -> Iterator[PagePlan]:
        """Every generated page, in a stable order, before it is rendered."""
        index = self.index
        yield self._page(
            urls.FIELDS, "fields.html.j2", "Fields", "Every field, with its interviews."
        )
        for item in index.fields:
            plan = self._page(
                urls.field_path(item),
                "field.html.j2",
                item.name,
                item.description or f"Interviews with people who work in {item.name}.",
                field=item,
            )
            yield self._scoped(plan, None, item.slug)
        yield from self._archive()
        yield self._page(
            urls.QUESTIONS,
            "questions.html.j2",
            "Questions",
            "Every question asked, and which fields have answered it.",
            grid=self.grid,
        )
        yield from self._question_pages()
        yield self._matrix_page()
        yield self._page(
            urls.ASK, "ask.html.j2", "Ask a question", "Send in your question for a field."
        )
        yield self._page(
            urls.NETWORK,
            "network.html.j2",
            "Who introduced whom",
            "The chains of introductions between the people interviewed.",
        )
        if self.options.feeds and self.options.site_url is not None:
            yield self._page(
                urls.FEEDS,
                "feeds.html.j2",
                "Follow new interviews",
                "Feeds of the new interviews, in every field or in one, and how to follow them.",
                feed_urls=feed_addresses(index, self.options.site_url),
            )

    def _question_pages(self) -> Iterator[PagePlan]:
        """Each question's page across fields, and its page for each field that answered it
        (a retired question without answers has none)."""
        index = self.index
        for question in index.questions:
            answered = index.listings.fields_answering(question)
            if not answered and question.retired:
                continue
            unanswered = [item for item in index.fields if item not in answered]
            plan = self._page(
                urls.question_path(question),
                "question.html.j2",
                question.text,
                f"How people in {len(answered)} fields answer: {question.text}",
                search={"boost": SEARCH_BOOST},
                question=question,
                fields=answered,
                unanswered=unanswered,
                compare_script=urls.COMPARE_SCRIPT,
            )
            yield self._scoped(plan, question.id, None)
            for item in answered:
                plan = self._page(
                    urls.question_field_path(question, item),
                    "question_field.html.j2",
                    f"{question.text} ({item.name})",
                    f"How people in {item.name} answer: {question.text}",
                    search={"exclude": True},
                    question=question,
                    field=item,
                )
                yield self._scoped(plan, question.id, item.slug)

    def _scoped(self, plan: PagePlan, question: str | None, field: str | None) -> PagePlan:
        """The plan with the write-ups it shows, as the plugin's templates show them (a
        site's own template may show any: then any)."""
        if self._site_templates:
            return plan
        return dataclasses.replace(plan, scope=(question, field))

    @functools.cached_property
    def _site_templates(self) -> bool:
        """Whether the site has templates of its own."""
        folder = self.options.templates_dir
        return folder is not None and any(folder.glob("*.j2"))

    def _archive(self) -> Iterator[PagePlan]:
        """The archive of every interview: its page of the latest and the years, then a page
        for each year (one a year, so that none lists thousands, and none per write-up)."""
        listings = self.index.listings
        years = listings.years()
        yield self._page(
            urls.INTERVIEWS,
            "interviews.html.j2",
            "Interviews",
            "Every interview, newest first, by year.",
            latest=listings.writeups[:ARCHIVE_LATEST],
            years=years,
        )
        for year, count in years:
            by_month: dict[int, list[WriteUp]] = {}
            for writeup in listings.writeups_from(year):
                by_month.setdefault(writeup.date.month, []).append(writeup)
            yield self._page(
                urls.interviews_year_path(year),
                "interviews_year.html.j2",
                f"Interviews from {year}",
                f"The {plural(count, 'interview')} from {year}, newest first.",
                # It only lists what the archive and the field pages list too.
                search={"exclude": True},
                year=year,
                years=years,
                months=[
                    (f"{MONTHS[month - 1]} {year}", listed) for month, listed in by_month.items()
                ],
            )

    def home_latest(self, page: str) -> str:
        """The latest interviews as the site's own home page at `page` shows them (where
        `build.HOME_MARKER` is): a Markdown heading and HTML; empty when the template makes
        nothing."""
        links = Links(page, self.options.directory_urls, html=True)
        headings = PageHeadings(self.options.headings, as_html=False)
        return self.env.get_template("home.html.j2").render(
            index=self.index,
            latest=self.index.listings.writeups[:HOME_LATEST],
            links=links,
            html_links=links,
            options=self.options,
            h=headings,
        )

    @functools.cached_property
    def grid(self) -> Grid:
        """The coverage matrix of the questions still asked (the matrix page's, and the
        questions page's summary of it)."""
        return coverage_grid(self.index)

    def _matrix_page(self) -> PagePlan:
        plan = self._page(
            urls.MATRIX,
            "matrix.html.j2",
            "Coverage matrix",
            "Which fields have answered which question, and where readers are asking.",
            search={"exclude": True},
            grid=self.grid,
        )
        # The table needs the width: the page has no headings to list, and the header's
        # tabs, the drawer on a phone and the page's own links lead on.
        return dataclasses.replace(plan, meta={**plan.meta, "hide": ["navigation", "toc"]})

    def _page(
        self,
        path: str,
        template: str,
        title: str,
        description: str,
        search: dict[str, Any] | None = None,
        **context: Any,
    ) -> PagePlan:
        meta: dict[str, Any] = {"title": title, "description": description}
        if search is not None:
            # Material's search ranks by page: a question's own page comes before the
            # interviews that answer it. A question-by-field page holds only excerpts (kept
            # out of search everywhere, so that a search leads to the interview) and who gave
            # them: out of the index, which is a third smaller for it, readers lose nothing.
            meta["search"] = search
        item, question = context.get("field"), context.get("question")
        trail = page_trail(path, title, field=item, question=question)
        return PagePlan(path, self._template(template), meta, context, trail)

    def _template(self, name: str) -> str:
        """The template of a page: the site's own or the plugin's `name`, or the site's own
        Markdown one of the name the plugin's templates had before they made HTML
        (`field.md.j2` for `field.html.j2`), which MkDocs then converts."""
        chosen = self._templates.get(name)
        if chosen is None:
            chosen = self._templates[name] = _chosen_template(self.options.templates_dir, name)
        return chosen

    def markdown(self, plan: PagePlan) -> str:
        """A generated page as a file for a builder to convert: its front matter, and the
        template's Markdown, or for an HTML template its HTML with Markdown headings."""
        body, _headings = self._render(plan, as_html=False)
        return f"---\n{front_matter(plan.meta)}---\n\n{body}"

    def stub(self, plan: PagePlan) -> str:
        """The file MkDocs converts for a page whose HTML the plugin hands the theme (an HTML
        template's): its front matter alone; the Markdown of any other."""
        if not plan.as_html:
            return self.markdown(plan)
        return f"---\n{front_matter(plan.meta)}---\n"

    def html(self, plan: PagePlan) -> tuple[str, list[dict[str, Any]]]:
        """The HTML of a page from an HTML template, and its table of contents (as the `toc`
        extension's tokens)."""
        body, headings = self._render(plan, as_html=True)
        return body.strip("\n"), headings.tokens  # as Python-Markdown ends a page

    def _render(self, plan: PagePlan, *, as_html: bool) -> tuple[str, PageHeadings]:
        body, headings = self._rendered(plan, as_html, frozenset())
        if not headings.complete:  # an explicit id a heading before it took: keep it first
            body, headings = self._rendered(plan, as_html, frozenset(headings.explicit))
        return body, headings

    def _rendered(
        self, plan: PagePlan, as_html: bool, reserved: frozenset[str]
    ) -> tuple[str, PageHeadings]:
        links = Links(plan.path, self.options.directory_urls)
        headings = PageHeadings(self.options.headings, as_html and plan.as_html, reserved)
        body = self.env.get_template(plan.template).render(
            index=self.index,
            question_form=self.question_form,
            links=links.as_html() if plan.as_html else links,
            html_links=links.as_html(),
            options=self.options,
            answers=functools.partial(self.answers, as_html=plan.as_html),
            across=functools.partial(self.across, as_html=plan.as_html),
            h=headings,
            **plan.context,
        )
        return self.breadcrumbs(plan.trail, links.as_html()) + body, headings

    def breadcrumbs(self, trail: tuple[Crumb, ...], links: Links) -> str:
        """The trail of a page as HTML (`breadcrumbs.html.j2`), a block of its own; nothing
        for a page without one."""
        if not trail:
            return ""
        return self._breadcrumbs.render(trail=trail, links=links).strip("\n") + "\n\n"

    def answers(
        self,
        question: Question,
        item: Field,
        page: str,
        limit: int | None = None,
        *,
        as_html: bool = False,
    ) -> list[AnswerView]:
        """The answers to `question` from `item`, newest first, as shown on `page`: for an
        HTML template, with the excerpts' HTML and links as URLs."""
        listed = self.index.listings.answers_in(question, item)
        if limit is not None:
            listed = listed[:limit]
        if as_html:
            return [self._html_view(entry, page) for entry in listed]
        return [self._view(entry, page) for entry in listed]

    def across(
        self,
        question: Question,
        fields: list[Field],
        page: str,
        limit: int | None = None,
        *,
        as_html: bool = False,
    ) -> list[FieldAnswers]:
        """The answers to `question` from each of `fields` (see `answers`), each interview's
        quoted under the first of them that shows it, pointed to under the others."""
        quoted: dict[str, Field] = {}
        parts: list[FieldAnswers] = []
        for item in fields:
            shown = [
                QuotedView(
                    view,
                    quoted.setdefault(view.writeup.path, item),
                    f"interviews-quote-{view.writeup.slug}",
                )
                for view in self.answers(question, item, page, limit, as_html=as_html)
            ]
            parts.append(FieldAnswers(item, self.index.listings.count(question, item), shown))
        return parts

    def _html_view(self, entry: Answered, page: str) -> AnswerView:
        writeup, question = entry.writeup, entry.answer.question
        links = Links(page, self.options.directory_urls, html=True)
        url = urls.page_url(page, self.options.directory_urls)
        shown = Markup(self.listed.html(writeup, entry.answer, url))
        return AnswerView(writeup, question, shown, links.writeup(writeup, question.id))

    def _view(self, entry: Answered, page: str) -> AnswerView:
        # An answer is listed on its question's page and on its question-by-field page, and
        # the same excerpt and link serve every page of the same depth: make each once. By
        # path, which no two write-ups share (their slugs may be the same).
        writeup, question = entry.writeup, entry.answer.question
        key = (writeup.path, question.id, page.count("/"))
        view = self._views.get(key)
        if view is None and self.listed.from_conversions:
            link = Links(page, self.options.directory_urls).writeup(writeup, question.id)
            token = self.listed.token(writeup, entry.answer)
            view = self._views[key] = AnswerView(writeup, question, token, link)
        if view is None:
            text = self._excerpts.get(key[:2])
            if text is None:
                text = self._excerpts[key[:2]] = self._excerpt(entry)
            if "](" in text:
                text = repoint_links(text, writeup.path, page)
            link = Links(page, self.options.directory_urls).writeup(writeup, question.id)
            view = self._views[key] = AnswerView(writeup, question, Markup(text), link)
        return view

    def _excerpt(self, entry: Answered) -> str:
        writeup = entry.writeup
        text = excerpt(entry.answer.markdown, self.options.excerpt_words)
        if "[" in text and REFERENCE_USE.search(text):
            refs = self._references.get(writeup.path)
            if refs is None:
                refs = self._references[writeup.path] = references(
                    "\n\n".join(a.markdown for a in writeup.answers)
                )
            text = inline_references(text, refs)
        return text

    # -- write-up pages -------------------------------------------------------------------

    def decoration(
        self,
        markdown: str,
        writeup: WriteUp,
        questions: QuestionCatalog,
        *,
        in_text: bool = False,
        partial: bool = False,
    ) -> tuple[str, Decoration]:
        """A write-up's Markdown with its answers' headings anchored by question id, and the
        HTML that goes around it: header, the link after each answer, footer. For a
        write-up's stand-in (`partial`, see `Document.partial`), no header, and a footer only
        when it has its fields.

        The plugin places that HTML inside the page's own Markdown conversion
        (`DecorationExtension`); `decorate` places it in the text (`in_text`), for `generate`.
        """
        # In the text, builders disagree on raw HTML's relative links (Zensical reads them
        # from the file's folder, MkDocs from the page's address, and `interviews/x.md` is
        # `interviews/x/`): there they start at the site's root, when it is known.
        root = self.options.site_root if in_text else None
        links = Links(writeup.path, self.options.directory_urls, html=True, root=root)
        context: dict[str, Any] = {
            "writeup": writeup,
            "index": self.index,
            "question_form": self.question_form,
            "links": links,
            **self._surroundings(writeup),
        }
        lines = markdown.split("\n")
        after: dict[str, str] = {}
        ends: list[tuple[int, str]] = []
        # The headings are scanned again, not taken from the reading of the write-up: that
        # kept only each answer's line in the file, and this text is not the file's. MkDocs
        # drops the front matter and the blank lines after it (`generate` too), other
        # plugins may have changed the text before this one, and very long runs of spaces in
        # heading lines are made one space first (`calm_headings`); a heading rewritten from
        # the reading would sit on the wrong line, or bring those spaces back. The scan looks
        # only at candidate lines, so it costs little next to rendering.
        for found in answer_headings(markdown, writeup, questions):
            question_id = found.answer.question.id
            if found.heading.anchor != question_id:
                set_anchor(lines, found.heading, question_id)
            after[question_id] = self._unsearched(self._answer_link(context, writeup, found))
            ends.append((found.end, question_id))
        header, footer = self._header_and_footer(context, writeup, links, partial=partial)
        take = None
        if self.listed.from_conversions and self.index.listings.lists(writeup):
            take = functools.partial(self.listed.take, writeup.path)
        body = {} if partial else search.BODY if self.options.search_marks else search.PLAIN_BODY
        decoration = Decoration(header, after, footer, tuple(ends), take, body)
        return "\n".join(lines), decoration

    def _header_and_footer(
        self, context: dict[str, Any], writeup: WriteUp, links: Links, *, partial: bool
    ) -> tuple[str, str]:
        """The HTML above a write-up's answers (trail, the search's marks, header) and below
        them (footer), for `decoration`; a stand-in has no header, and a footer only when it
        has its fields."""
        header = footer = ""
        if not partial:
            trail = self._unsearched(self.breadcrumbs(writeup_trail(writeup), links))
            marks = search.writeup_marks(writeup) if self.options.search_marks else ""
            shown = self.env.get_template("writeup_header.html.j2").render(context)
            header = "\n".join(part for part in (trail, marks, shown) if part)
        if not partial or writeup.fields:
            footer = self._unsearched(
                self.env.get_template("writeup_footer.html.j2").render(context)
            )
        return header.strip(), footer.strip()

    def _unsearched(self, html_block: str) -> str:
        """A block of a write-up's page, left out of the search when the page tells Pagefind
        what to index."""
        return search.ignored(html_block) if self.options.search_marks else html_block

    def _surroundings(self, writeup: WriteUp) -> dict[str, Any]:
        """What the decoration of `writeup` shows of the other write-ups (its templates'
        context beside the write-up itself, the index and the question form)."""
        introductions = self.index.introductions
        return {
            "introduced_by": introductions.introduced_by(writeup),
            "introduced_next": introductions.introduced_next(writeup),
            # A stand-in without fields (a preview of a write-up with problems) has none.
            "more": self.index.listings.others_in(writeup.field, writeup, MORE_FROM_FIELD)
            if writeup.fields
            else [],
            "lineage": introductions.lineage(writeup),
            "chain_size": introductions.chain_size(writeup),
        }

    def decoration_inputs(self, writeup: WriteUp) -> list[object] | None:
        """All that the decoration of `writeup` takes from the rest of the site, beside the
        write-up itself and what every page shares (catalogs, settings, templates): the
        write-ups it names, the counts it shows, the readers' questions it answers. A
        preview compares them to tell whether the decoration changed without making it
        (see `preview`). None when the site has templates of its own, which may show
        anything."""
        if self._site_templates:
            return None
        listings = self.index.listings
        counts = [len(listings.answers_to(answer.question)) for answer in writeup.answers]
        asks = [ask.id for ask in self.index.queue.asks_answered_by(writeup)]
        return [*self._surroundings(writeup).items(), listings.lists(writeup), counts, asks]

    def problems_box(self, problems: Sequence[Problem]) -> str:
        """The box at the top of a write-up's page that lists its problems, file first, in a
        preview (`mkdocs serve`)."""
        return self.env.get_template("writeup_problems.html.j2").render(problems=problems).strip()

    def decorate(self, markdown: str, writeup: WriteUp, questions: QuestionCatalog) -> str:
        """A write-up's Markdown with its decoration placed in the text, as blocks of HTML:
        for builders that run no plugin (`generate`)."""
        anchored, decoration = self.decoration(markdown, writeup, questions, in_text=True)
        return decoration.in_text(anchored)

    def _answer_link(self, context: dict[str, Any], writeup: WriteUp, found: AnswerHeading) -> str:
        """The link after an answer of a write-up: to how the others answered its question."""
        question = found.answer.question
        published = self.index.listings.lists(writeup)
        others = len(self.index.listings.answers_to(question)) - (1 if published else 0)
        # The plugin's own template makes the same link for every write-up of a folder that
        # has as many others and an address as deep (its links are relative URLs): render it
        # once. A site's own may use anything.
        depth = urls.page_url(writeup.path, self.options.directory_urls).count("/")
        key = (question.id, others, posixpath.dirname(writeup.path), depth, context["links"].root)
        link = self._answer_links.get(key) if self._own_answer_template else None
        if link is None:
            link = self._answer_template.render(
                context, question=question, answer=found.answer, others=others
            )
            if self._own_answer_template:
                self._answer_links[key] = link
        return link


def feed_addresses(index: Index, site_url: str) -> dict[str, str]:
    """The absolute address of each feed, by field slug ("" for the site's)."""
    addresses = {"": feed_url(site_url)}
    addresses.update((item.slug, feed_url(site_url, item)) for item in index.fields)
    return addresses


def _chosen_template(site: Path | None, name: str) -> str:
    """`name`, or the site's Markdown template of its old name if the site has no `name`."""
    if site is None or (site / name).is_file() or not name.endswith(".html.j2"):
        return name
    markdown_name = name.removesuffix(".html.j2") + ".md.j2"
    return markdown_name if (site / markdown_name).is_file() else name


DECORATION_TEMPLATES = ("writeup_header", "writeup_answer", "writeup_footer")
"""The interview page's templates, which make HTML (`writeup_header.html.j2`...)."""


def _refuse_markdown_decoration(templates_dir: Path | None) -> None:
    """Raise SiteTemplateError for a site's interview template written as Markdown under the
    name the plugin's had (`writeup_header.md.j2`): left unused, it would be lost silently."""
    if templates_dir is None:
        return
    for name in DECORATION_TEMPLATES:
        old = templates_dir / f"{name}.md.j2"
        if old.is_file() and not (templates_dir / f"{name}.html.j2").is_file():
            raise SiteTemplateError(
                str(old),
                None,
                f"the interview page's templates make HTML now, placed inside the page's own "
                f"conversion: write it as HTML in {name}.html.j2 (start from the plugin's copy), "
                "and delete this one",
            )
