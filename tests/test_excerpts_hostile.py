"""What an author hid or left broken in an answer stays out of the listings that quote it.

Text in an HTML comment never reaches an excerpt, and an excerpt's raw HTML is balanced: a
tag open at the cut (or never closed by the author) is closed at the end of the excerpt, an
end tag with nothing to close is dropped, and what is not a whole tag has its `<` escaped.
The excerpts are checked as text, then rendered by Python-Markdown into a listing like a
question page's and read back with an HTML parser.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from bs4 import BeautifulSoup, Comment

from mkdocs_interviews.excerpts import ELLIPSIS, balance_html, excerpt, references

SECRET = "the interviewee asked me to cut this"

COMMENTED = [
    pytest.param(
        f"I started as an intern <!-- {SECRET} --> in a small press.",
        "I started as an intern in a small press.",
        id="inside a paragraph",
    ),
    pytest.param(
        f"I started as an intern <!--\n{SECRET}\n--> in a small press.",
        "I started as an intern in a small press.",
        id="over lines of a paragraph",
    ),
    pytest.param(
        f"<!-- {SECRET}\n\nstill hidden: {SECRET}\n-->\n\nI started as an intern.",
        "I started as an intern.",
        id="a block over blank lines, before the answer",
    ),
    pytest.param(
        f"I started as an intern.\n<!--\n{SECRET}\n-->",
        "I started as an intern.",
        id="a block right after a paragraph line",
    ),
    pytest.param(
        f"<!-- {SECRET} --> I started as an intern.",
        "I started as an intern.",
        id="opening the answer's first line",
    ),
    pytest.param(
        f"I started as an intern <!-- {SECRET}\n\nand {SECRET} too.",
        "I started as an intern",
        id="never closed: hides the rest",
    ),
    pytest.param(
        f"Two things:\n\n- reading <!-- {SECRET} -->\n- writing",
        "Two things: reading · writing",
        id="in a list joined to the paragraph",
    ),
    pytest.param(
        f"> Quoted <!-- {SECRET} --> words.",
        "Quoted words.",
        id="in a quote",
    ),
    pytest.param(
        "I started <!-- a --> as an <!-- b --> intern.",
        "I started as an intern.",
        id="two on one line",
    ),
]


@pytest.mark.parametrize(("answer", "expected"), COMMENTED)
def test_a_comment_never_reaches_an_excerpt(answer: str, expected: str) -> None:
    text = excerpt(answer, 60, refs=references(answer))
    assert text == expected
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html"])
    soup = BeautifulSoup(html, "html.parser")
    assert SECRET not in html
    assert soup.find_all(string=lambda s: isinstance(s, Comment)) == []


@pytest.mark.parametrize(("answer", "expected"), COMMENTED)
def test_a_comment_never_reaches_an_excerpt_when_cut(answer: str, expected: str) -> None:
    for words in range(1, 12):
        assert "cut this" not in excerpt(answer, words)


def test_a_link_defined_in_a_comment_is_not_used() -> None:
    answer = (
        f"See [the guide][g].\n\n<!--\n[g]: https://example.org/{SECRET.replace(' ', '-')}\n-->"
    )
    assert references(answer) == {}
    assert excerpt(answer, 60, refs=references(answer)) == "See [the guide][g]."


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "Hide notes with `<!-- like this -->` in Markdown.",
            "Hide notes with `<!-- like this -->` in Markdown.",
        ),
        (
            "A comment opens with `<!--` and closes later.",
            "A comment opens with `<!--` and closes later.",
        ),
        ("```html\n<!-- in code\n```\n\nAfter the code.", "After the code."),
    ],
)
def test_a_comment_in_code_is_code(answer: str, expected: str) -> None:
    """`<!--` in a code span or fenced code is text, as Python-Markdown shows it."""
    assert excerpt(answer, 60) == expected


# -- raw HTML -----------------------------------------------------------------------------

HTML = [
    pytest.param(
        "I was <b>in charge of the whole morning shift</b> for a year.",
        4,
        f"I was <b>in charge</b>{ELLIPSIS}",
        id="bold open at the cut",
    ),
    pytest.param(
        "Text <b>left open by the author",
        60,
        "Text <b>left open by the author</b>",
        id="bold never closed",
    ),
    pytest.param(
        'One <span class="note">two three four five</span> six',
        3,
        f'One <span class="note">two three</span>{ELLIPSIS}',
        id="span open at the cut",
    ),
    pytest.param(
        'One <span title="a > b">two three four</span>',
        2,
        f"One two{ELLIPSIS}",
        id="a quoted '>' in the tag cut at",
    ),
    pytest.param(
        'One two <span class="x three four five',
        3,
        f"One two &lt;span{ELLIPSIS}",
        id="cut within a tag never ended",
    ),
    pytest.param(
        'One <span title="a>b two three',
        60,
        'One &lt;span title="a>b two three',
        id="a quote never closed in a tag",
    ),
    pytest.param(
        "a <b><i>misnested</b> tags</i> here",
        60,
        "a <b><i>misnested</i></b> tags here",
        id="misnested",
    ),
    pytest.param(
        "closes the page </div></p> around it",
        60,
        "closes the page around it",
        id="end tags with nothing to close",
    ),
    pytest.param("a <B>loud</b> word", 60, "a <B>loud</b> word", id="names in any case"),
    pytest.param(
        'line<br>break and <img src="x.png" alt=""> image',
        60,
        'line<br>break and <img src="x.png" alt=""> image',
        id="void elements",
    ),
    pytest.param("an <em/>empty tag", 60, "an <em/>empty tag</em>", id="no empty tags in HTML"),
    pytest.param("a <script>never closed", 60, "a <script>never closed</script>", id="script"),
    pytest.param("a <!doctype html> b", 60, "a &lt;!doctype html> b", id="a declaration"),
    pytest.param("code `<b>` is text", 60, "code `<b>` is text", id="code span"),
    pytest.param(
        "see <https://example.org/a> or <me@example.org>",
        60,
        "see <https://example.org/a> or <me@example.org>",
        id="autolinks",
    ),
    pytest.param("1 < 2 and 3 > 2", 60, "1 < 2 and 3 > 2", id="comparisons"),
    pytest.param("x<y and y>z", 60, "x<y and y>z</y>", id="what Python-Markdown takes for a tag"),
]


@pytest.mark.parametrize(("answer", "words", "expected"), HTML)
def test_an_excerpt_closes_what_it_opens(answer: str, words: int, expected: str) -> None:
    """The author's HTML is kept, closed at the end of the excerpt when it was left open."""
    assert excerpt(answer, words) == expected


@pytest.mark.parametrize(("answer", "words", "expected"), HTML)
def test_a_listing_is_not_changed_by_an_excerpt(answer: str, words: int, expected: str) -> None:
    """Rendered among others, as on a question page, an excerpt leaves the next one alone:
    nothing of it is left open, nothing closes the page's elements, no tag swallows the
    attribution after it."""
    html = listing([excerpt(answer, words), "An innocent answer."])
    Nesting().check(html)
    soup = BeautifulSoup(html, "html.parser")
    links = soup.select("p.interviews-attribution > a")
    assert [a["href"] for a in links] == ["editor.md", "editor.md"]
    innocent = soup.find_all("p", class_="interviews-excerpt")[-1]
    assert innocent.get_text() == "An innocent answer."
    assert [parent.name for parent in innocent.parents] == ["[document]"]


def listing(excerpts: list[str]) -> str:
    """Excerpts as a question page lists them, each with its attribution, rendered."""
    text = "".join(
        f"{each}\n{{: .interviews-excerpt }}\n\n"
        "[Acquisitions editor](editor.md), 2 April 2025\n{: .interviews-attribution }\n\n"
        for each in excerpts
    )
    return markdown.markdown(text, extensions=["attr_list", "md_in_html"])


class Nesting(HTMLParser):
    """A strict reading of HTML: every element closed, in order, and no end tag extra."""

    VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        self.handle_starttag(tag, attrs)  # `<em/>` opens an em, as browsers read it

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()

    def check(self, html: str) -> None:
        self.feed(html)
        self.close()
        assert self.open == [], f"left open: {self.open}"


@pytest.mark.parametrize(
    "text",
    [
        "<b>" * 3 + "x",
        "</i>" * 3 + "x",
        "<b><i><u>x</b>",
        "<p>x<div>y",
        '<a href="x">y',
        "<b>x</b><b>y",
    ],
)
def test_balanced_html_is_well_nested(text: str) -> None:
    Nesting().check(markdown.markdown(balance_html(text)))


def test_balanced_html_keeps_the_ellipsis_last() -> None:
    assert balance_html(f"a <b>b{ELLIPSIS}") == f"a <b>b</b>{ELLIPSIS}"
