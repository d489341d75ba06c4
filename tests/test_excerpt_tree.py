"""Excerpts taken from the write-up page's own Markdown tree show what today's excerpts show.

Each answer is converted as a write-up page converts it; a tree processor takes the excerpt
of its section (`section_excerpt`, `excerpt_html`). What a reader sees of it (its text, white
space aside, and where its links lead) is compared with the excerpt made from the answer's
Markdown (`excerpts.excerpt`) and converted again, as listing pages do today.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, tostring

import markdown
import pytest
import test_excerpts
import test_excerpts_hostile
from bs4 import BeautifulSoup
from markdown.treeprocessors import Treeprocessor

from mkdocs_interviews.cli import load_site
from mkdocs_interviews.excerpt_tree import excerpt_html, section_excerpt
from mkdocs_interviews.excerpts import excerpt, references
from mkdocs_interviews.listed_excerpts import ListedExcerpts, blocks_html, plain_markdown
from mkdocs_interviews.model import Answer, Field, Question, WriteUp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "toc", "tables", "fenced_code"]
HEADING = "## The question\n\n"


class SectionExcerpt(Treeprocessor):
    """Takes the excerpt of the section after the page's first `<h2>`, as HTML."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.words = 60
        self.html: str | None = None

    def run(self, root: Element) -> None:
        blocks = list(root)
        start = next(i for i, block in enumerate(blocks) if block.tag == "h2") + 1
        section: list[Element] = []
        for block in blocks[start:]:
            if block.tag in ("h1", "h2"):
                break
            section.append(block)
        excerpt_element = section_excerpt(section, self.words, self.md.htmlStash.rawHtmlBlocks)
        self.html = None if excerpt_element is None else excerpt_html(excerpt_element, self.md)


class Converter:
    """One Markdown instance, as a write-up page has, with the excerpt's tree processor."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=EXTENSIONS)
        self.processor = SectionExcerpt(self.md)
        # After inline processing (20), the unescaping of escaped characters and MkDocs' link
        # rewriting (both 0): the tree as it is when the page is serialized.
        self.md.treeprocessors.register(self.processor, "section_excerpt", -10)

    def excerpt(self, answer: str, words: int) -> str:
        """The excerpt of `answer` made from its tree, as HTML ('' if there is none)."""
        self.md.reset()
        self.processor.words = words
        self.processor.html = None
        self.md.convert(HEADING + answer)
        return self.processor.html or ""


@dataclass(frozen=True)
class Seen:
    """What a reader sees of an excerpt: its text and its links' destinations."""

    text: str
    links: list[str]

    @classmethod
    def of(cls, html: str) -> Seen:
        """A list's items apart, as a Markdown excerpt's ' · ' sets them apart on one line
        (the separators aside), the ellipsis after the last word."""
        soup = BeautifulSoup(html, "html.parser")
        links = [str(a.get("href")) for a in soup.find_all("a")]
        for item in soup.find_all("li"):
            item.insert(0, " ")
        words = [word for word in soup.get_text().split() if word != "\N{MIDDLE DOT}"]
        return cls(
            " ".join(words).replace(" \N{HORIZONTAL ELLIPSIS}", "\N{HORIZONTAL ELLIPSIS}"), links
        )


def markdown_excerpt(answer: str, words: int) -> str:
    """Today's excerpt: made from the answer's Markdown, then converted, as HTML."""
    text = excerpt(answer, words, refs=references(answer))
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.fixture(scope="module")
def converter() -> Converter:
    return Converter()


# -- the cases of the Markdown excerpts' tests ---------------------------------------------


def _cases(test: Any) -> Iterator[Any]:
    """The parameter sets of a parametrized test."""
    for mark in test.pytestmark:
        if mark.name == "parametrize":
            yield from mark.args[1]


def _all_cases() -> Iterator[Any]:
    """(answer, words) of every case about what an excerpt shows, with an id."""
    for case in _cases(test_excerpts.test_first_paragraph):
        yield pytest.param(case.values[0], 60, id=f"first paragraph: {case.id}")
    for case in _cases(test_excerpts.test_cut):
        yield pytest.param(case.values[0], case.values[1], id=f"cut: {case.id}")
    references_answer = "Start with [my notes][notes] and [the guide][guide], then ask.\n\n"
    yield pytest.param(references_answer + test_excerpts.REFS, 60, id="reference links")
    background = "### Background\n\nI began as an intern in a small press, reading manuscripts.\n"
    yield pytest.param(background, 5, id="after a heading, cut")
    for case in test_excerpts_hostile.COMMENTED:
        for words in (60, *range(1, 12)):
            yield pytest.param(case.values[0], words, id=f"comment {case.id}, {words} words")
    for case in _cases(test_excerpts_hostile.test_a_comment_in_code_is_code):
        yield pytest.param(case[0], 60, id=f"comment in code: {case[0][:20]}")
    for case in test_excerpts_hostile.HTML:
        yield pytest.param(case.values[0], case.values[1], id=f"raw HTML: {case.id}")


@pytest.mark.parametrize(("answer", "words"), list(_all_cases()))
def test_the_tree_excerpt_shows_what_the_markdown_excerpt_shows(
    converter: Converter, answer: str, words: int
) -> None:
    shown = Seen.of(converter.excerpt(answer, words))
    if _cut_at_items(converter, answer, words, shown):
        return
    if _tag_ends_early(answer):
        # Python-Markdown 3.6 to 3.8 at least ends a tag at a quoted `>`, showing the rest as text
        # on the interview's page too: the excerpt, cut from that page, shows it as text.
        assert shown.text.startswith('One <span title="a >'), shown
        return
    assert shown == Seen.of(markdown_excerpt(answer, words))


def _cut_at_items(converter: Converter, answer: str, words: int, shown: Seen) -> bool:
    """Whether the tree's excerpt is a list cut at whole items, where the Markdown excerpt
    cuts at a word: then it shows the start of the uncut Markdown excerpt (asserted)."""
    if "<li>" not in converter.excerpt(answer, 10_000):
        return False
    whole = Seen.of(markdown_excerpt(answer, 10_000))
    kept = shown.text.removesuffix("\N{HORIZONTAL ELLIPSIS}").rstrip(":")
    assert whole.text.startswith(kept), (shown, whole)
    return True


def _tag_ends_early(answer: str) -> bool:
    """Whether this Python-Markdown shows a tag with a quoted `>` in `answer` as text."""
    return 'title="a > b"' in answer and "&gt;two" in markdown.markdown(answer)


# -- where the tree shows better than the Markdown excerpt ------------------------------

BETTER = [
    pytest.param(
        "<https://example.org/guide> is where I started.\n\nSecond.",
        60,
        "https://example.org/guide is where I started.",
        "Second.",
        id="a paragraph opening with an autolink is running text",
    ),
    pytest.param(
        "<b>Note:</b> the first week is the hardest.\n\nSecond.",
        60,
        "Note: the first week is the hardest.",
        "Second.",
        id="a paragraph opening with inline HTML is running text",
    ),
    pytest.param(
        "- reading\n    - novels\n- writing",
        60,
        "reading novels writing",
        "reading - novels writing",
        id="a nested list's items are items",
    ),
    pytest.param(
        "- a first item\n\n    more of it\n\n- a second item",
        60,
        "a first item a second item",
        "a first item",
        id="a loose item's second paragraph does not end the list",
    ),
    pytest.param(
        "one `two` [three](x.md), four five six",
        4,
        "one two three, four…",
        "one two three…",
        id="punctuation glued to a link is no word",
    ),
    pytest.param(
        'See [the guide](https://example.org "The Guide for Beginners") first, then ask.',
        4,
        "See the guide first…",
        "See the guide…",
        id="a link's title is not seen, its words not counted",
    ),
    pytest.param(
        "Rock &amp; roll, jazz &amp; blues for ever",
        2,
        "Rock &…",
        "Rock &amp…",
        id="an entity is never cut in two",
    ),
    pytest.param(
        "A line that ends with a break <br>",
        7,
        "A line that ends with a break",
        "A line that ends with a break…",
        id="no ellipsis when only a tag is left out",
    ),
    pytest.param(
        "```\nnever closed\n\nText after.",
        60,
        "``` never closed",
        "",
        id="a fence never closed is text, as the write-up shows it",
    ),
    pytest.param(
        "> First.\n>\n> Second.",
        60,
        "First.",
        "First. Second.",
        id="a quote gives its first paragraph",
    ),
]


@pytest.mark.parametrize(("answer", "words", "tree", "markdown_text"), BETTER)
def test_where_the_tree_excerpt_differs(
    converter: Converter, answer: str, words: int, tree: str, markdown_text: str
) -> None:
    """What the tree gives where the Markdown excerpt got it wrong (both asserted, so that a
    change to either is seen)."""
    assert Seen.of(converter.excerpt(answer, words)).text == tree
    assert Seen.of(markdown_excerpt(answer, words)).text == markdown_text


# -- what the author hid or left broken -------------------------------------------------


@pytest.mark.parametrize(("answer", "expected"), test_excerpts_hostile.COMMENTED)
def test_a_comment_never_reaches_a_tree_excerpt(
    converter: Converter, answer: str, expected: str
) -> None:
    for words in range(1, 12):
        html = converter.excerpt(answer, words)
        assert test_excerpts_hostile.SECRET not in html
        assert "<!--" not in html
    assert Seen.of(converter.excerpt(answer, 60)).text == expected.replace(" \N{MIDDLE DOT}", "")


LEFT_OPEN = [
    *(case.values[:2] for case in test_excerpts_hostile.HTML),
    ("\\`<b>\\` is how bold starts", 60),
    ("\\`<b>\\` is how bold starts", 2),
    ("a *b <i>c d* e f", 3),
    ("a <i>*b c</i> d* e", 60),
    ("x <span>one</span></span></div> y", 60),
]


@pytest.mark.parametrize(("answer", "words"), LEFT_OPEN)
def test_a_listing_is_not_changed_by_a_tree_excerpt(
    converter: Converter, answer: str, words: int
) -> None:
    """An excerpt among others leaves the next one alone: nothing of it is left open, and
    nothing closes the page's elements."""
    html = converter.excerpt(answer, words) + "\n<p>An innocent answer.</p>"
    test_excerpts_hostile.Nesting().check(html)
    innocent = BeautifulSoup(html, "html.parser").find_all("p")[-1]
    assert innocent.get_text() == "An innocent answer."
    assert [parent.name for parent in innocent.parents] == ["[document]"]


class Unchanged(Treeprocessor):
    """Checks that making the excerpt changes nothing of the page's tree."""

    def run(self, root: Element) -> None:
        before = tostring(root, encoding="unicode")
        section = [block for block in root if block.tag != "h2"]
        found = section_excerpt(section, 3, self.md.htmlStash.rawHtmlBlocks)
        assert found is not None
        excerpt_html(found, self.md)
        assert tostring(root, encoding="unicode") == before


def test_the_page_is_not_changed() -> None:
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.treeprocessors.register(Unchanged(md), "unchanged", -10)
    md.convert(
        HEADING + "Three *of* <b>my [favourite](x.md) things</b> &amp; more:\n\n- a\n- b `c`"
    )


# -- the synthetic corpus -----------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_answers(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every answer of every write-up of the benchmark's corpus of 200."""
    root = tmp_path_factory.mktemp("corpus")
    make_corpus(200, root)
    project = load_site(root / "mkdocs.yml").read()
    return [answer.markdown for writeup in project.writeups for answer in writeup.answers]


def test_the_corpus_excerpts_are_the_same(converter: Converter, corpus_answers: list[str]) -> None:
    differ = [
        answer
        for answer in corpus_answers
        if Seen.of(converter.excerpt(answer, 60)) != Seen.of(markdown_excerpt(answer, 60))
        and not _cut_at_items(converter, answer, 60, Seen.of(converter.excerpt(answer, 60)))
    ]
    assert len(corpus_answers) > 1000
    assert differ == []


# -- the rules of an informative excerpt ------------------------------------------------

LONG = "I spend most of the week reading manuscripts and writing long reports for the board."
"""A paragraph that informs: more than a lead-in's words."""

INFORMATIVE = [
    pytest.param(f"It depends.\n\n{LONG}", 60, [("p", LONG)], id="a lead-in is skipped"),
    pytest.param(
        f"It depends.\n\nOn the day.\n\n{LONG}", 60, [("p", LONG)], id="lead-ins are skipped"
    ),
    pytest.param(
        "It depends.\n\nOn the day.", 60, [("p", "It depends.")], id="only lead-ins: the first"
    ),
    pytest.param(
        "It depends which of three modes I'm in.\n\n- selling\n- budgeting\n- firefighting",
        60,
        [("ul", "selling budgeting firefighting")],
        id="a lead-in before a list",
    ),
    pytest.param(
        "Three things:\n\n- reading\n- writing",
        60,
        [("p", "Three things:"), ("ul", "reading writing")],
        id="a colon keeps its list",
    ),
    pytest.param(
        "1. apply early\n2. wait for an answer\n3. ask again",
        6,
        [("ol", "apply early wait for an answer…")],
        id="a list is cut at whole items",
    ),
    pytest.param(
        "- one two three four five six\n- seven",
        3,
        [("ul", "one two three…")],
        id="a first item too long is cut at a word",
    ),
    pytest.param(
        "Three things matter to me:\n\n- reading manuscripts every day",
        4,
        [("p", "Three things matter to…")],
        id="a paragraph cut leaves its list out",
    ),
    pytest.param(
        "Two:\n\n- reading manuscripts\n- writing",
        1,
        [("p", "Two…")],
        id="no item fits after the paragraph",
    ),
    pytest.param(
        f"It depends.\n\n{LONG}\n\nThis is what I would tell anyone.\n{{: .pull-quote }}",
        60,
        [("p", "This is what I would tell anyone.")],
        id="the pull quote",
    ),
    pytest.param(
        f"{LONG}\n\n> Read everything, and then read it again.\n> {{: .pull-quote }}",
        4,
        [("p", "Read everything, and then…")],
        id="a pull quote in a quote, cut",
    ),
]


def _blocks(html: str) -> list[tuple[str, str]]:
    """The excerpt's blocks: each one's tag and the text a reader sees of it."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("div") or soup
    return [(block.name, Seen.of(str(block)).text) for block in root.find_all(recursive=False)]


@pytest.mark.parametrize(("answer", "words", "expected"), INFORMATIVE)
def test_an_excerpt_informs(
    converter: Converter, answer: str, words: int, expected: list[tuple[str, str]]
) -> None:
    """The excerpt cut from the interview's page, and the one `generate` cuts from the answer
    converted on its own, are the same HTML; the Markdown excerpt (a site's own Markdown
    template) shows the same words, a list on one line."""
    page = converter.excerpt(answer, words)
    assert _blocks(page) == expected
    question = Question("the-question", "The question")
    writeup = WriteUp(
        "a",
        "interviews/a.md",
        "A",
        (Field("F", "f"),),
        "Role",
        datetime.date(2025, 1, 1),
        (Answer(question, "The question", answer, 1),),
    )
    apart = ListedExcerpts(words, True, plain_markdown())
    assert apart.html(writeup, writeup.answers[0], "questions/the-question/") == blocks_html(page)
    if not any("…" in text for _, text in expected):
        assert Seen.of(markdown_excerpt(answer, words)) == Seen.of(page)
