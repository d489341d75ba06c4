"""Property-based tests: whatever an author writes, reading and rendering never crash, and
every problem names its file."""

from __future__ import annotations

import datetime
import re
import string

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import catalogs, new_site
from mkdocs_interviews import read_project
from mkdocs_interviews.catalogs import read_fields, read_questions
from mkdocs_interviews.index import build_index
from mkdocs_interviews.pages import Renderer
from mkdocs_interviews.question_form import QuestionForm
from mkdocs_interviews.writeups import KEYS, read_writeup

PATH = "interviews/case.md"
FIELDS, _ = read_fields("fields.yml", catalogs()["fields.yml"].encode())
QUESTIONS, _ = read_questions("questions.yml", catalogs()["questions.yml"].encode())
ASK = QuestionForm.from_config(None, "https://github.com/example/interviews")

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
long_texts = st.text(min_size=0, max_size=5000)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    texts,
    long_texts,
    st.dates(min_value=datetime.date(1, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(texts, children, max_size=5),
    max_leaves=20,
)
known_values = {
    "field": st.one_of(values, st.sampled_from(["Book publishing", "Publishing", "Music"])),
    "questions": st.one_of(
        values, st.lists(st.sampled_from(["typical-day", "skills", "nope", "Who else?"]))
    ),
    "date": st.one_of(values, st.just("2025-04-02"), st.just("2025-13-45")),
}
front_matters = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), texts),
    values,
    max_size=12,
).flatmap(
    lambda meta: st.fixed_dictionaries(
        {key: known_values.get(key, st.just(value)) for key, value in meta.items()}
    )
)
lines = st.one_of(
    texts,
    st.sampled_from(
        [
            "## What does a typical day look like?",
            "## Anything { #skills }",
            "### What skills matter most?",
            "```",
            "~~~~",
            "---",
            "===",
            "- a list item",
            "[ref]: https://example.org",
            "    indented code",
            "#",
            "## ",
            "{ #",
        ]
    ),
)
bodies = st.lists(lines, max_size=40).map("\n".join)


def assert_well_formed(doc) -> None:
    assert doc.writeup is not None or doc.problems, "no write-up and no problem"
    for problem in doc.problems:
        assert problem.file == PATH
        assert str(problem).startswith(PATH)
        assert problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta=front_matters, body=bodies)
def test_any_front_matter_and_body_is_read(meta, body) -> None:
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body
    assert_well_formed(read_writeup(PATH, text.encode(), FIELDS, QUESTIONS))


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000))
def test_any_bytes_are_read(data) -> None:
    assert_well_formed(read_writeup(PATH, data, FIELDS, QUESTIONS))


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=string.printable + "é—“”\t", max_size=600))
def test_any_text_after_an_opening_line_is_read(text) -> None:
    assert_well_formed(read_writeup(PATH, ("---\n" + text).encode(), FIELDS, QUESTIONS))


@settings(max_examples=150, deadline=None)
@given(fields=values, questions=values)
def test_any_catalogs_are_read(fields, questions) -> None:
    sources = {
        "fields.yml": yaml.safe_dump(fields, allow_unicode=True).encode(),
        "questions.yml": yaml.safe_dump(questions, allow_unicode=True).encode(),
        PATH: b"---\ntitle: T\nfield: x\nrole: r\ndate: 2025-01-01\nquestions: [a]\n---\n",
    }
    project = read_project(sources)
    for problem in project.problems:
        assert problem.file in sources
        assert str(problem).startswith(problem.file)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=long_texts,
    role=texts.filter(str.strip),
    summary=texts,
    interviewee=texts,
    body=bodies,
)
def test_any_valid_writeup_renders(title, role, summary, interviewee, body) -> None:
    # The pages and the decorated write-up are Markdown that Python-Markdown can render.
    meta = {
        "title": title or "T",
        "field": "Book publishing",
        "role": role,
        "date": datetime.date(2025, 4, 2),
        "questions": ["typical-day"],
        "summary": summary,
        "interviewee": interviewee,
    }
    body = "## What does a typical day look like?\n\nMeetings.\n\n" + body
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body
    sources = {name: data.encode() for name, data in catalogs().items()}
    sources[PATH] = text.encode()
    project = read_project(sources)
    if not project.writeups:
        return  # a title or role YAML could not keep as text; reported, not rendered
    index = build_index(project.fields.fields, project.questions.questions, project.writeups)
    renderer = Renderer(index, ASK)
    extensions = ["attr_list", "md_in_html", "toc", "tables"]
    for page in renderer.pages():
        markdown.markdown(page.markdown, extensions=extensions)
    decorated = renderer.decorate(body, project.writeups[0], project.questions)
    html = markdown.markdown(decorated, extensions=extensions)
    assert 'id="typical-day"' in html


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(meta=front_matters, body=bodies)
def test_any_writeup_builds(tmp_path_factory, meta, body) -> None:
    # A real MkDocs build (in process, without --strict): whatever the write-up holds, the
    # build finishes and publishes it.
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body
    root = tmp_path_factory.mktemp("any")
    new_site(root, {"interviews/case.md": text}).build()
    draft = meta.get("draft") is True
    assert (root / "site" / "interviews" / "case" / "index.html").is_file() != draft


markdownish = st.text(
    st.sampled_from(list("abc 12.-+#>*_`[]()!<>&\"'~=^{}:|\\/?xyz\n\t")) | st.characters(),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(text=markdownish, layout=st.sampled_from(["{}", "- {}", "Text: {}.", "1. {} and more"]))
def test_escaped_text_renders_as_itself(text: str, layout: str) -> None:
    # Whatever the text, wherever a template puts it in a line, Python-Markdown shows it as
    # typed (whitespace folded) and makes no element of it.
    from bs4 import BeautifulSoup

    from mkdocs_interviews.render import escape_text

    # As escape_text does: control characters dropped, then whitespace folded.
    kept = "".join(ch for ch in text if (ch >= " " and ch != "\x7f") or ch in "\t\n\r")
    shown = re.sub(r"\s+", " ", kept)
    html = markdown.markdown(
        layout.format(escape_text(text)), extensions=["attr_list", "md_in_html", "tables"]
    )
    soup = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} <= {"p", "ul", "ol", "li"}
    expected = layout.format(shown)
    assert " ".join(soup.get_text().split()) == " ".join(
        expected.removeprefix("- ").removeprefix("1. ").split()
    ) or " ".join(soup.get_text().split()) == " ".join(expected.split())
