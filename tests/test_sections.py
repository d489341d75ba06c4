"""Unit tests of the heading scanner and of anchoring answers (no build)."""

from __future__ import annotations

import pytest

from conftest import catalogs, dedent
from mkdocs_interviews import read_project
from mkdocs_interviews.anchors import anchor_answers
from mkdocs_interviews.sections import scan_headings


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("## A question?\n", [(2, "A question?", None, 0)], id="atx"),
        pytest.param(
            "##No space\n", [(2, "No space", None, 0)], id="python-markdown needs no space"
        ),
        pytest.param("## Closed ##\n", [(2, "Closed", None, 0)], id="closing hashes"),
        pytest.param(
            "## Day { #typical-day .big }\n",
            [(2, "Day", "typical-day", 0)],
            id="attribute list",
        ),
        pytest.param("## Day {: #typical-day }\n", [(2, "Day", "typical-day", 0)], id="colon attr"),
        pytest.param("Intro.\n\nA day\n-----\n\nText.\n", [(2, "A day", None, 2)], id="setext h2"),
        pytest.param("Title\n=====\n", [(1, "Title", None, 0)], id="setext h1"),
        pytest.param("Para line\nA day\n-----\n", [], id="underline inside a paragraph is a rule"),
        pytest.param("Text.\n\n---\n", [], id="thematic break"),
        pytest.param("```\n## Not a heading\n```\n## After\n", [(2, "After", None, 3)], id="fence"),
        pytest.param(
            "~~~~\n```\n## Still code\n~~~~\n## After\n", [(2, "After", None, 4)], id="tilde fence"
        ),
        pytest.param("    ## Indented code\n", [], id="indented"),
        pytest.param("> ## Quoted\n", [], id="blockquote"),
        pytest.param("#\n", [], id="empty heading"),
        pytest.param(
            "<!-- a note\n\n## Hidden\n\n-->\n## Shown\n",
            [(2, "Shown", None, 5)],
            id="a comment hides its headings",
        ),
        pytest.param(
            "Text.\n<!--\n## Hidden -->\n## Shown\n",
            [(2, "Shown", None, 3)],
            id="a comment after a paragraph line",
        ),
        pytest.param(
            "<!-- never closed\n## Shown\n", [(2, "Shown", None, 1)], id="a comment never closed"
        ),
        pytest.param(
            "    <!--\n## Shown\n-->\n", [(2, "Shown", None, 1)], id="a comment indented as code"
        ),
        pytest.param(
            "```\n<!--\n```\n## Shown\n-->\n", [(2, "Shown", None, 3)], id="a comment in code"
        ),
        pytest.param(
            "## Day {: #typical-day } \t\n", [(2, "Day", "typical-day", 0)], id="spaces after"
        ),
        pytest.param("## Day {a}{ #b }\n", [(2, "Day {a}", "b", 0)], id="the last list"),
        pytest.param("## Day {x} y}\n", [(2, "Day {x} y}", None, 0)], id="no list at the end"),
        pytest.param("## Day { #a\n", [(2, "Day { #a", None, 0)], id="a list never closed"),
        pytest.param(
            "## Day" + " " * 5_000 + "}\n",
            [(2, "Day" + " " * 5_000 + "}", None, 0)],
            id="many spaces before a brace",
        ),
    ],
)
def test_scan_headings(markdown: str, expected: list[tuple[object, ...]]) -> None:
    found = [(h.level, h.text, h.anchor, h.line) for h in scan_headings(markdown)]
    assert found == expected


BODY = dedent(
    """
    Intro.

    ## How did you get started?

    As an intern.

    ### A detail

    Still the same answer.

    What does a typical day look like
    ---------------------------------

    Meetings.

    ## Anything else { #skills .wide }

    Reading.

    ## A note on pay

    Not an answer.
    """
)


def project_with(body: str) -> object:
    text = (
        "---\ntitle: T\nfield: Book publishing\nrole: Editor\ndate: 2025-04-02\n"
        "questions: [getting-started, typical-day, skills]\n---\n\n" + body
    )
    sources = {name: data.encode() for name, data in catalogs().items()}
    return read_project({**sources, "interviews/editor.md": text.encode()})


def test_answers_are_the_sections_under_their_headings() -> None:
    project = project_with(BODY)
    assert project.problems == ()
    (writeup,) = project.writeups
    answers = {a.question.id: a for a in writeup.answers}
    assert list(answers) == ["getting-started", "typical-day", "skills"]
    assert answers["getting-started"].markdown == (
        "As an intern.\n\n### A detail\n\nStill the same answer."
    )
    assert answers["getting-started"].heading == "How did you get started?"
    assert answers["getting-started"].line == 11  # 9 lines of front matter and a blank line
    assert answers["typical-day"].markdown == "Meetings."
    assert answers["skills"].markdown == "Reading."
    assert answers["skills"].heading == "Anything else"


def test_anchor_answers_gives_each_heading_its_question_id() -> None:
    project = project_with(BODY)
    (writeup,) = project.writeups
    anchored = anchor_answers(BODY, writeup, project.questions)
    assert "## How did you get started? { #getting-started }" in anchored
    assert "What does a typical day look like { #typical-day }\n----" in anchored
    assert "## Anything else { #skills .wide }" in anchored
    assert "## A note on pay\n" in anchored
    assert "### A detail\n" in anchored


def test_anchor_answers_leaves_other_text_alone() -> None:
    project = project_with(BODY)
    (writeup,) = project.writeups
    anchored = anchor_answers(BODY, writeup, project.questions)
    added = (" { #getting-started }", " { #typical-day }")
    for attrs in added:
        assert anchored.count(attrs) == 1
        anchored = anchored.replace(attrs, "")
    assert anchored == BODY


def test_a_heading_hidden_in_a_comment_answers_nothing() -> None:
    """Python-Markdown hides a comment's headings: the question it names is not answered."""
    body = BODY.replace(
        "What does a typical day look like\n---------------------------------\n\nMeetings.\n",
        "<!-- not asked after all\n\n## What does a typical day look like?\n\nMeetings.\n-->\n",
    )
    assert body != BODY
    project = project_with(body)
    assert [(p.key, p.line) for p in project.problems] == [("questions", 6)]
    assert "has no '##' section" in project.problems[0].message
