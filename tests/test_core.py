"""Unit tests of the content core: domain objects, lookups and problems, without a build."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from conftest import ROOT, catalogs, writeup
from mkdocs_interviews import Problem, normalize, read_project, slugify
from mkdocs_interviews.catalogs import read_fields, read_questions


def project(files: dict[str, str | bytes]) -> object:
    sources = {name: text.encode() for name, text in catalogs().items()}
    sources.update({k: v.encode() if isinstance(v, str) else v for k, v in files.items()})
    return read_project(sources)


def test_a_writeup_becomes_a_domain_object() -> None:
    text = writeup(
        field="[Publishing, Music production]",
        questions=("typical-day", "getting-started"),
        extra="summary: Slush pile first.\ninterviewee: Ada Lin\ndraft: true\n",
    )
    result = project({"interviews/2025-04-02-editor.md": text})
    assert result.problems == ()
    (item,) = result.writeups
    assert item.slug == "2025-04-02-editor"
    assert item.path == "interviews/2025-04-02-editor.md"
    assert item.title == "From intern to editor"
    assert [f.name for f in item.fields] == ["Book publishing", "Music production"]
    assert item.field.slug == "book-publishing"
    assert item.role == "Acquisitions editor"
    assert item.date == datetime.date(2025, 4, 2)
    assert [a.question.id for a in item.answers] == ["typical-day", "getting-started"]
    assert item.answer("typical-day").markdown == "The answer to typical-day."
    assert item.answer("who-else") is None
    assert (item.summary, item.interviewee, item.draft) == ("Slush pile first.", "Ada Lin", True)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"\xef\xbb\xbf" + writeup().encode(), [], id="utf-8 with a BOM"),
        pytest.param(writeup().replace("\n", "\r\n").encode(), [], id="CRLF line endings"),
        pytest.param(
            writeup(title="Caf\xe9").encode("latin-1"),
            [
                "interviews/editor.md:2: the file is not UTF-8 text (byte 0xe9 on line 2 is not "
                "valid UTF-8; save the file with UTF-8 encoding)"
            ],
            id="latin-1",
        ),
    ],
)
def test_encodings(data: bytes, expected: list[str]) -> None:
    result = project({"interviews/editor.md": data})
    assert [str(p) for p in result.problems] == expected
    assert len(result.writeups) == 1  # still read: nothing an author wrote is dropped


def test_a_writeup_with_problems_is_still_a_document() -> None:
    result = project({"interviews/editor.md": writeup(field="Nowhere")})
    assert result.writeups == ()
    (doc,) = result.documents
    assert doc.meta["title"] == "From intern to editor"
    assert [p.key for p in doc.problems] == ["field"]


def test_index_pages_of_the_folder_are_not_writeups() -> None:
    result = project({"interviews/index.md": "# All interviews\n"})
    assert result.documents == ()
    assert result.problems == ()


def test_problem_formats() -> None:
    problem = Problem("interviews/a.md", "'title' is missing", key="title", line=None)
    assert str(problem) == "interviews/a.md: 'title' is missing"
    located = Problem("fields.yml", "bad", key="name", line=3, severity="warning")
    assert str(located) == "fields.yml:3: bad"
    assert located.to_dict() == {
        "file": "fields.yml",
        "line": 3,
        "key": "name",
        "message": "bad",
        "severity": "warning",
    }


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Book publishing", "book-publishing"),
        ("Música & Film", "musica-film"),
        ("R&D / Labs", "r-d-labs"),
        ("  Radio &   Podcasting ", "radio-podcasting"),
        ("Музыка", "muzyka"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_normalize_ignores_case_punctuation_and_spacing() -> None:
    assert normalize("What's a  typical day?") == normalize("whats a typical DAY")
    assert normalize("Who else should I talk to?") == "who else should i talk to"


def test_field_lookup_by_name_slug_or_alias() -> None:
    fields, problems = read_fields("fields.yml", catalogs()["fields.yml"].encode())
    assert not problems
    assert fields.find("book publishing").name == "Book publishing"
    assert fields.find("book-publishing").name == "Book publishing"
    assert fields.find("PUBLISHING").name == "Book publishing"
    assert fields.find("Radio & Podcasting").slug == "radio-podcasting"
    assert fields.find("Radio and podcasting") is None
    assert fields.suggest("Radio and podcasting") == "Radio & podcasting"


def test_question_lookup_by_id_text_or_alias() -> None:
    questions, problems = read_questions("questions.yml", catalogs()["questions.yml"].encode())
    assert not problems
    assert questions.find("typical-day").text == "What does a typical day look like?"
    assert questions.find("what does a typical day look like").id == "typical-day"
    assert questions.find("What is a typical day like?").id == "typical-day"
    assert questions.find_wording("typical-day") is None  # an id is not a wording
    assert questions.suggest("typcal day") == "typical-day"


def test_the_core_runs_without_mkdocs() -> None:
    # The core must stay free of MkDocs, so that the content can move to other builders:
    # every module but the adapter (plugin, config, site_files, rebuilds) and the command line
    # imports without it.
    package = ROOT / "plugins" / "mkdocs_interviews"
    adapter = {"plugin", "config", "site_files", "rebuilds", "cli", "__main__"}
    modules = sorted(p.stem for p in package.glob("*.py") if p.stem not in adapter)
    assert {"model", "writeups", "pages", "build", "generate", "preview"} <= set(modules)
    code = (
        "import importlib, sys; sys.modules['mkdocs'] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('mkdocs_interviews.' + name if name != '__init__' "
        "else 'mkdocs_interviews')\n"
        "print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
