"""Unit tests of the page renderer: stable output, and write-up decoration (no build)."""

from __future__ import annotations

import posixpath
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import catalogs, writeup
from mkdocs_interviews import read_project
from mkdocs_interviews.ask import AskLink
from mkdocs_interviews.index import build_index
from mkdocs_interviews.pages import Renderer
from mkdocs_interviews.urls import _relpath

ASK = AskLink.from_config(None, "https://github.com/example/interviews")


def project(count: int = 6):
    sources = {name: text.encode() for name, text in catalogs().items()}
    fields = ["Book publishing", "Music production", "[Radio & podcasting, Music production]"]
    questions = [("getting-started", "typical-day"), ("typical-day", "skills", "who-else")]
    for i in range(count):
        text = writeup(
            title=f"Interview {i}",
            field=fields[i % 3],
            date=f"2025-0{1 + i % 3}-1{i % 2}",
            questions=questions[i % 2],
        )
        sources[f"interviews/w{i}.md"] = text.encode()
    return read_project(sources)


def render(writeups) -> list[tuple[str, str]]:
    result = project()
    index = build_index(result.fields.fields, result.questions.questions, writeups)
    return [(page.path, page.markdown) for page in Renderer(index, ASK).pages()]


def test_the_same_content_makes_the_same_pages_whatever_the_reading_order() -> None:
    writeups = list(project().writeups)
    first = render(writeups)
    random.Random(4).shuffle(writeups)
    assert render(writeups) == first
    paths = [path for path, _ in first]
    assert len(paths) == len(set(paths))
    assert paths[:2] == ["fields/index.md", "fields/book-publishing/index.md"]
    assert paths[-2:] == ["ask/index.md", "network/index.md"]


def test_every_pair_with_answers_gets_a_page_and_no_other() -> None:
    result = project()
    index = build_index(result.fields.fields, result.questions.questions, result.writeups)
    paths = {page.path for page in Renderer(index, ASK).pages()}
    for question in index.questions:
        for field in index.fields:
            path = f"questions/{question.id}/{field.slug}/index.md"
            assert (path in paths) == (index.count(question, field) > 0), path


def test_decorate_adds_header_links_and_footer_around_the_authors_text() -> None:
    result = project()
    index = build_index(result.fields.fields, result.questions.questions, result.writeups)
    item = next(w for w in result.writeups if len(w.fields) == 2)
    body = (
        "Intro.\n\n## How did you get started?\n\nAs an intern.\n\n"
        "## What does a typical day look like?\n\nMeetings.\n"
    )
    markdown = Renderer(index, ASK).decorate(body, item, result.questions)
    lines = markdown.split("\n")
    assert "[Radio &#38; podcasting](../fields/radio-podcasting/index.md)" in markdown
    assert "## How did you get started? { #getting-started }" in lines
    assert "## What does a typical day look like? { #typical-day }" in lines
    answer = lines.index("As an intern.")
    assert lines[answer + 2].startswith("[How 2 others answered this question →]")
    assert lines[answer + 2].endswith(
        "(../questions/getting-started/index.md){ .interviews-others }"
    )
    assert "Intro." in lines and "Meetings." in lines
    assert "field=Radio%20%26%20podcasting" in markdown  # the primary field's ask link


@settings(max_examples=200, deadline=None)
@given(
    folders=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    name=st.sampled_from(["index.md", "x.md", "feed.xml"]),
    start=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
)
def test_relative_links_are_those_of_posixpath(
    folders: list[str], name: str, start: list[str]
) -> None:
    # From the folder of one page to another file of the docs folder.
    target, base = "/".join([*folders, name]), "/".join(start)
    assert _relpath(target, base) == posixpath.relpath(target, base or ".")
