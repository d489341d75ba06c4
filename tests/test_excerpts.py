"""Unit tests of excerpts: what a question page shows of each answer (no build)."""

from __future__ import annotations

import pytest

from conftest import dedent
from mkdocs_interviews.excerpts import (
    ELLIPSIS,
    cut,
    excerpt,
    first_paragraph,
    inline_references,
    references,
    repoint_links,
)

# -- the first paragraph ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("First.\n\nSecond.", "First.", id="the first paragraph only"),
        pytest.param("Line one\nline two.\n\nNext.", "Line one line two.", id="lines joined"),
        pytest.param("### A sub-heading\n\nAfter.", "After.", id="heading skipped"),
        pytest.param("```python\ncode()\n```\n\nAfter.", "After.", id="backtick fence"),
        pytest.param("~~~\ncode()\n~~~\n\nAfter.", "After.", id="tilde fence"),
        pytest.param(
            "```python\nfirst()\n\n\nsecond()\n```\n\nAfter.",
            "After.",
            id="fence with blank lines",
        ),
        pytest.param("<div>\n<p>Raw.</p>\n</div>\n\nAfter.", "After.", id="HTML skipped"),
        pytest.param("| a | b |\n| --- | --- |\n| 1 | 2 |\n\nAfter.", "After.", id="table skipped"),
        pytest.param(
            '[guide]: https://example.org "Guide"\n\nAfter.', "After.", id="link definition"
        ),
        pytest.param('!!! note "Aside"\n    Noted.\n\nAfter.', "After.", id="admonition"),
        pytest.param("---\n\nAfter.", "After.", id="rule skipped"),
        pytest.param("> Quoted\n> words.\n\nAfter.", "Quoted words.", id="quote unwrapped"),
        pytest.param(
            "Three things:\n\n- reading\n- writing\n- listening\n\nNot this.",
            "Three things: reading · writing · listening",
            id="colon joins the list",
        ),
        pytest.param(
            "Two steps:\n\n1. apply\n2. wait for\n   an answer\n\nNot this.",
            "Two steps: apply · wait for an answer",
            id="ordered list, continued item",
        ),
        pytest.param(
            "Three things:\n\n- reading\n\n- writing\n\n- listening\n\nNot this.",
            "Three things: reading · writing · listening",
            id="colon joins a loose list",
        ),
        pytest.param("- one\n- two\n\nAfter.", "one · two", id="a list first"),
        pytest.param(
            "Ends here, and says nothing yet.\n\n- a list\n- not joined",
            "a list · not joined",
            id="a lead-in is skipped",
        ),
        pytest.param(
            "It ends here, and says as much as a paragraph ought to say at least.\n\n- a list",
            "It ends here, and says as much as a paragraph ought to say at least.",
            id="no colon",
        ),
        pytest.param("", "", id="empty answer"),
        pytest.param("```\nonly code\n```", "", id="only code"),
    ],
)
def test_first_paragraph(markdown: str, expected: str) -> None:
    """The excerpt starts from the answer's running text, not from code or markup."""
    assert first_paragraph(markdown) == expected


# -- cutting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        pytest.param("one two three four", 2, "one two…", id="cut after two words"),
        pytest.param("one two three", 3, "one two three", id="exactly N words: no ellipsis"),
        pytest.param("one two", 5, "one two", id="shorter: no ellipsis"),
        pytest.param("one two   ", 2, "one two   ", id="trailing space is not cut text"),
        pytest.param("one two, three", 2, "one two…", id="punctuation before the cut dropped"),
        pytest.param("one two — three", 2, "one two…", id="dash before the cut dropped"),
        pytest.param(
            "one [a link of words](x.md) three",
            2,
            "one [a link of words](x.md)…",
            id="inline link kept whole",
        ),
        pytest.param(
            'one [a link](x.md "a long title") three',
            2,
            'one [a link](x.md "a long title")…',
            id="link with a title kept whole",
        ),
        pytest.param(
            "one [link text][ref] three", 2, "one [link text][ref]…", id="reference link whole"
        ),
        pytest.param(
            "one ![an image alt](x.png) three", 2, "one ![an image alt](x.png)…", id="image whole"
        ),
        pytest.param(
            "one [a [nested] label](x.md) three",
            2,
            "one [a [nested] label](x.md)…",
            id="brackets in a label",
        ),
        pytest.param(
            "[Paris](https://en.wikipedia.org/wiki/Paris_(France)) is where I started",
            1,
            "[Paris](https://en.wikipedia.org/wiki/Paris_(France))…",
            id="parentheses in a link's URL",
        ),
        pytest.param("one `a code span` three", 2, "one `a code span`…", id="code span whole"),
        pytest.param(
            "one ``a ` tick`` three", 2, "one ``a ` tick``…", id="double-backtick code span"
        ),
        pytest.param("one *some emphasis* three", 2, "one *some emphasis*…", id="emphasis"),
        pytest.param("one _some emphasis_ three", 2, "one _some emphasis_…", id="underscores"),
        pytest.param("one **strong words** three", 2, "one **strong words**…", id="strong"),
        pytest.param(
            "one ***strong emphasis*** three",
            2,
            "one ***strong emphasis***…",
            id="strong emphasis",
        ),
        pytest.param(
            "one **very *nested* words** three",
            2,
            "one **very *nested* words**…",
            id="emphasis nested in strong",
        ),
        pytest.param(
            "one <https://example.org> three", 2, "one <https://example.org>…", id="autolink"
        ),
    ],
)
def test_cut(text: str, words: int, expected: str) -> None:
    """An excerpt ends after N words, whole words and whole links, '…' only when text is cut."""
    assert cut(text, words) == expected


def test_cut_adds_the_ellipsis_only_when_text_was_cut() -> None:
    text = "a b c d e f"
    assert [cut(text, n).endswith(ELLIPSIS) for n in range(1, 8)] == [True] * 5 + [False] * 2


# -- reference-style links ----------------------------------------------------------------

REFS = dedent(
    """
    [guide]: https://example.org/guide "The Guide"
    [Union  Site]: <https://union.example.org>
    [notes]: notes.md 'Notes'
    """
)


def test_references_are_read_with_their_titles() -> None:
    assert references(REFS) == {
        "guide": ("https://example.org/guide", "The Guide"),
        "union site": ("https://union.example.org", None),
        "notes": ("notes.md", "Notes"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Read [the guide][guide].",
            'Read [the guide](https://example.org/guide "The Guide").',
            id="full reference with a title",
        ),
        pytest.param(
            "Read [Guide][] now.",
            'Read [Guide](https://example.org/guide "The Guide") now.',
            id="collapsed reference",
        ),
        pytest.param(
            "Read [guide] now.",
            'Read [guide](https://example.org/guide "The Guide") now.',
            id="shortcut reference",
        ),
        pytest.param(
            "Join [the union][union site].",
            "Join [the union](https://union.example.org).",
            id="label case and spacing ignored, no title",
        ),
        pytest.param("A [missing][nowhere] one.", "A [missing][nowhere] one.", id="undefined"),
        pytest.param("A [missing] one.", "A [missing] one.", id="undefined shortcut"),
        pytest.param("An [inline](x.md) one.", "An [inline](x.md) one.", id="inline untouched"),
    ],
)
def test_reference_links_become_inline(text: str, expected: str) -> None:
    """A reference link still works on a page that lacks its definition."""
    assert inline_references(text, references(REFS)) == expected


# -- links re-pointed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "target", "expected"),
    [
        ("other.md", "questions/q/index.md", "../../interviews/other.md"),
        ("../other.md", "questions/q/index.md", "../../other.md"),
        ("#anchor", "questions/q/index.md", "../../interviews/editor.md#anchor"),
        ("sub/x.md?y#z", "questions/q/index.md", "../../interviews/sub/x.md?y#z"),
        ("other.md", "questions/q/f/index.md", "../../../interviews/other.md"),
        ("pic.png", "fields/f/index.md", "../../interviews/pic.png"),
        ("other.md", "index.md", "interviews/other.md"),
    ],
)
def test_relative_links_are_repointed(link: str, target: str, expected: str) -> None:
    """A relative link in an answer still leads to the same file from the listing page."""
    text = f"See [this]({link}) and ![that]({link})."
    assert repoint_links(text, "interviews/editor.md", target) == (
        f"See [this]({expected}) and ![that]({expected})."
    )


@pytest.mark.parametrize(
    "link",
    [
        "https://example.org/a?b#c",
        "http://example.org",
        "mailto:someone@example.org",
        "//cdn.example.org/x.png",
        "/root/page/",
        '/root/page/ "With a title"',
    ],
)
def test_absolute_links_are_untouched(link: str) -> None:
    text = f"See [this]({link})."
    assert repoint_links(text, "interviews/editor.md", "questions/q/index.md") == text


def test_excerpt_inlines_then_repoints_references() -> None:
    """A relative reference link of the write-up leads to the right file from the listing."""
    answer = "Start with [my notes][notes] and [the guide][guide], then ask.\n\n" + REFS
    assert excerpt(
        answer,
        60,
        source="interviews/editor.md",
        target="questions/typical-day/index.md",
        refs=references(answer),
    ) == (
        'Start with [my notes](../../interviews/notes.md "Notes") and '
        '[the guide](https://example.org/guide "The Guide"), then ask.'
    )


def test_excerpt_cuts_the_first_paragraph() -> None:
    answer = "### Background\n\nI began as an intern in a small press, reading manuscripts.\n"
    assert (
        excerpt(answer, 5, source="interviews/a.md", target="questions/q/index.md")
        == "I began as an intern…"
    )
