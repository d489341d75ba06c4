"""Unit tests of the page renderer: stable output, and write-up decoration (no build)."""

from __future__ import annotations

import datetime
import posixpath
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import catalogs, writeup
from mkdocs_interviews import read_project
from mkdocs_interviews.index import build_index
from mkdocs_interviews.model import Answer, Question, WriteUp
from mkdocs_interviews.pages import Renderer
from mkdocs_interviews.question_form import QuestionForm
from mkdocs_interviews.urls import _relpath

ASK = QuestionForm.from_config(None, "https://github.com/example/interviews")


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
            assert (path in paths) == (index.listings.count(question, field) > 0), path


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
    assert '<a href="../../fields/radio-podcasting/">Radio &#38; podcasting</a>' in markdown
    assert "## How did you get started? { #getting-started }" in lines
    assert "## What does a typical day look like? { #typical-day }" in lines
    answer = lines.index("As an intern.")
    # Each link after an answer kept out of the readers' search, as one block of HTML.
    assert lines[answer + 2 : answer + 5] == [
        '<div data-pagefind-ignore="all">',
        '<p><a class="interviews-others" href="../../questions/getting-started/">'
        "How 2 others answered this question →</a></p>",
        "</div>",
    ]
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


def typical_day(words: str, url: str) -> str:
    """A write-up's body answering 'typical-day' with `words` and a link by reference to `url`."""
    return (
        "Intro.\n\n## What does a typical day look like?\n\n"
        f"{words} with [authors][a].\n\n[a]: {url}\n"
    )


FIRST_BODY = typical_day("Meetings", "https://first.example/")
SECOND_BODY = typical_day("Proofs", "https://second.example/")


def shared_slug():
    """Two write-ups called `editor` in two folders; the agent was introduced by `editor`, and
    a reader's question is answered in `editor`."""
    sources = {name: text.encode() for name, text in catalogs().items()}
    texts = {
        "interviews/2024/editor.md": writeup(
            title="The first editor", role="Editor", date="2024-04-02", body=FIRST_BODY
        ),
        "interviews/editor.md": writeup(
            title="The second editor", role="Copy editor", date="2025-04-02", body=SECOND_BODY
        ),
        "interviews/agent.md": writeup(
            title="The agent",
            role="Agent",
            date="2025-05-02",
            questions=("typical-day",),
            extra="referred_by: editor\n",
        ),
    }
    sources.update((path, text.encode()) for path, text in texts.items())
    sources["asks.yml"] = (
        b"- id: editor-day\n  question: What do editors do all day?\n  field: Book publishing\n"
        b"  asked: 2025-01-10\n  status: answered\n  answered_in: editor\n"
    )
    result = read_project(sources)
    by_path = {w.path: w for w in result.writeups}
    return result, by_path["interviews/2024/editor.md"], by_path["interviews/editor.md"]


def listed(renderer: Renderer, page: str) -> list[tuple[str, str]]:
    """The excerpts and links of the answers to 'typical-day' in Book publishing on a page."""
    index = renderer.index
    question = index.question("typical-day")
    (field,) = [f for f in index.fields if f.slug == "book-publishing"]
    assert question is not None
    return [(str(v.excerpt), str(v.link)) for v in renderer.answers(question, field, page)]


FIRST_EXCERPT = "Meetings with [authors](https://first.example/)."
SECOND_EXCERPT = "Proofs with [authors](https://second.example/)."
FIRST_HTML = 'Meetings with <a href="https://first.example/">authors</a>.'
SECOND_HTML = 'Proofs with <a href="https://second.example/">authors</a>.'


def test_of_two_write_ups_with_one_slug_the_first_is_listed_and_each_is_decorated_as_itself():
    """Pages list the first file of a slug (the other is reported); the other's page still
    shows its own text, with no reader's question or introduction of the first's."""
    result, first, second = shared_slug()
    assert [w.path for w in result.listed] == ["interviews/2024/editor.md", "interviews/agent.md"]
    index = build_index(result.fields.fields, result.questions, result.listed, result.asks.asks)
    renderer = Renderer(index, ASK)
    page = {p.path: p.markdown for p in renderer.pages()}["questions/typical-day/index.md"]
    # The question's page is made from an HTML template: its excerpts and links are HTML.
    assert FIRST_HTML in page
    assert "Proofs" not in page and "interviews/editor/" not in page
    assert (FIRST_EXCERPT, "../../interviews/2024/editor.md#typical-day") in listed(
        renderer, "questions/typical-day/index.md"
    )
    shown = renderer.decorate(FIRST_BODY, first, result.questions)
    assert "<strong>Editor</strong>" in shown and "Meetings with [authors][a]." in shown
    assert "What do editors do all day?" in shown and 'href="../../agent/">The agent' in shown
    other = renderer.decorate(SECOND_BODY, second, result.questions)
    assert "<strong>Copy editor</strong>" in other and "Proofs with [authors][a]." in other
    assert "Meetings" not in other and "What do editors do all day?" not in other
    assert "Introduced" not in other and "chain of introductions" not in other


def test_answers_listed_from_two_write_ups_with_one_slug_keep_their_own_excerpts_and_links():
    """Given both write-ups of a slug, each answer is shown with its own excerpt, references
    and link: what the renderer keeps between pages is kept by path."""
    result, first, second = shared_slug()
    index = build_index(result.fields.fields, result.questions, result.writeups, result.asks.asks)
    renderer = Renderer(index, ASK)
    pages = {p.path: p.markdown for p in renderer.pages()}
    # The question's page and the question-by-field page are made from HTML templates: their
    # excerpts are HTML.
    for page, up in (
        ("questions/typical-day/index.md", "../../"),
        ("questions/typical-day/book-publishing/index.md", "../../../"),
    ):
        assert FIRST_HTML in pages[page] and SECOND_HTML in pages[page]
        views = listed(renderer, page)
        assert (FIRST_EXCERPT, f"{up}{first.path}#typical-day") in views
        assert (SECOND_EXCERPT, f"{up}{second.path}#typical-day") in views


def test_a_retired_question_s_page_links_its_replacement_if_the_catalog_has_it() -> None:
    result = project()
    item = result.fields.fields[0]
    new = Question("new-start", "How did you start?")
    moved = Question("old-start", "How did it begin?", retired=True, replaced_by="new-start")
    dropped = Question("old-day", "What was a day?", retired=True, replaced_by="never-written")
    answers = tuple(Answer(q, q.text, "An answer.", 9) for q in (moved, dropped))
    interview = WriteUp(
        "w", "interviews/w.md", "W", (item,), "Editor", datetime.date(2025, 1, 1), answers
    )
    index = build_index([item], [new, moved, dropped], [interview])
    pages = {page.path: page.markdown for page in Renderer(index, ASK).pages()}
    # The question's page is made from an HTML template: the note is an admonition's HTML.
    note = '<div class="admonition note">\n<p class="admonition-title">No longer asked</p>\n'
    assert (
        f'{note}<p>This question has been replaced by <a href="../new-start/">How did you '
        "start?</a>.</p>\n</div>\n"
    ) in pages["questions/old-start/index.md"]
    gone = f"{note}<p>This question is no longer asked in new interviews.</p>\n</div>\n"
    assert gone in pages["questions/old-day/index.md"]
