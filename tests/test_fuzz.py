"""Fuzzing a whole site: whatever an author writes, the build and `check` end without a
traceback, agree on every problem, and no planted markup becomes an element of any page or
feed.

Each example writes a tiny site (the test catalogs plus one or two write-ups made of hostile
parts: control characters, markup, values YAML reads as other types, broken front matter,
odd encodings, comments, odd file names and symbolic links), builds it in process without
`--strict` and runs `check` through the command line's `main`.
"""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Site, new_site
from mkdocs_interviews.cli import main

PLANTED = '<i class="planted" onclick="alert(1)">x</i>'
"""Markup planted in values: it must never become an element."""

CONTROL = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160))]
ODD = [*CONTROL, "\ufffe", "\uffff", "\u2028", "\u2029", "\r", "\ufeff", "\u200b"]

texts = st.lists(
    st.sampled_from([PLANTED, "Editor", "R&D *Labs*", "C#", "# x", "- y", "1. z", ":", "'", '"'])
    | st.sampled_from(ODD)
    | st.text(max_size=6),
    min_size=1,
    max_size=4,
).map("".join)

YAML_ODDITIES = ["yes", "no", "on", "1:30", "007", "1_000", "1e3", "~", "null", "[a, b]", "{a: 1}",
                 "!!binary PGk+eDwvaT4=", "2025-02-30", "2025-04-02", "''", "|\n  x"]  # fmt: skip


def scalar(text: str) -> str:
    """A value for a front-matter line: quoted so that YAML reads the text as written."""
    return json.dumps(text)


values = st.one_of(texts.map(scalar), st.sampled_from(YAML_ODDITIES))
KEYS = ["title", "field", "role", "date", "questions", "summary", "interviewee", "referred_by",
        "draft", "description", "subtitle", "interviews_head", "feild"]  # fmt: skip
GOOD = {
    "title": '"A title"',
    "field": "Book publishing",
    "role": "Editor",
    "date": "2025-04-02",
    "questions": "[typical-day]",
}


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    meta = dict(GOOD)
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=4, unique=True)):
        meta[key] = draw(values)
    if draw(st.booleans()):
        meta.pop(draw(st.sampled_from(list(GOOD))))
    return "".join(f"{key}: {value}\n" for key, value in meta.items())


bodies = st.lists(
    st.sampled_from(
        [
            "## What does a typical day look like?\n\nMeetings <!-- cut this --> all day.\n",
            "## What does a typical day look like? { #typical-dya }\n\nTypo.\n",
            "## What does a typical day look like?\n\n<b>Bold never closed and long " * 3 + "\n",
            "Before <!--\nhidden\n--> after.\n",
            "| a | b |\n|" + "-" * 300 + "|\n",
            "[r]: https://example.org\n" * 5,
            "#" + " " * 300 + "x\n",
            "Text <b>left open\n",
        ]
    )
    | st.text(st.sampled_from(["a", " ", "<", ">", "&", "*", "_", "[", "]", "(", ")", "\n", *ODD])),
    max_size=4,
).map("\n".join)
"""Answers: Markdown, whose own HTML is the author's to write (front matter and catalogs are
text, and their markup must never become an element)."""


@st.composite
def writeup_files(draw: st.DrawFn) -> tuple[str, bytes]:
    text = "---\n" + draw(front_matters()) + "---\n\n" + draw(bodies)
    form = draw(st.sampled_from(["plain", "crlf", "lone cr", "bom", "latin-1", "no end"]))
    if form == "crlf":
        text = text.replace("\n", "\r\n")
    elif form == "lone cr":
        text = text.replace("\n", "\r")
    elif form == "no end":
        text = text.rstrip("\n").removesuffix("---")
    data = text.encode("latin-1", "replace") if form == "latin-1" else text.encode("utf-8")
    if form == "bom":
        data = b"\xef\xbb\xbf" + data
    name = draw(st.sampled_from(["case", "first.last", "with space", "hash#", "Café", "x" * 90]))
    suffix = draw(st.sampled_from([".md", ".md", ".markdown", ".MD"]))
    return name + suffix, data


@st.composite
def sites(draw: st.DrawFn) -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = {}
    for _ in range(draw(st.integers(1, 2))):
        name, data = draw(writeup_files())
        files[f"interviews/{name}"] = data
    extra = draw(st.sampled_from(["", "dangling", "loop", "folder loop", "bad name"]))
    if extra:
        files[extra] = "link"
    return files


LINKS = ("dangling", "loop", "folder loop", "bad name")


def make(root: Path, files: dict[str, bytes | str]) -> Site:
    if root.exists():
        shutil.rmtree(root)
    site = new_site(root, {name: data for name, data in files.items() if name not in LINKS})
    interviews = site.docs / "interviews"
    interviews.mkdir(exist_ok=True)
    for name in files:
        if name == "dangling":
            os.symlink("gone.md", interviews / "gone-link.md")
        elif name == "loop":
            os.symlink("self.md", interviews / "self.md")
        elif name == "folder loop":
            os.symlink("..", interviews / "up")
        elif name == "bad name":
            (interviews / os.fsdecode(b"caf\xe9.md")).write_bytes(b"---\ntitle: x\n---\n")
    return site


def checked(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    status = main(["--config", str(root / "mkdocs.yml"), "check", "--format", "json"])
    out = capsys.readouterr().out
    assert status in (0, 1)
    return sorted(
        (f"{p['file']}:{p['line']}: " if p["line"] else f"{p['file']}: ") + p["message"]
        for p in json.loads(out)
    )


def assert_no_planted_markup(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert soup.find(class_="planted") is None, path
            live = [t for t in soup.find_all(True) if "onclick" in t.attrs]
            assert live == [], path
        elif path.suffix == ".xml" and path.name != "sitemap.xml":
            for element in ET.parse(path).iter():
                for text in (element.text, element.tail):
                    assert not text or "<i " not in text, (path, element.tag)
        elif path.suffix == ".json" and path.parent.name == "api":
            json.loads(path.read_text(encoding="utf-8"))
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            shown = (
                BeautifulSoup(text, "html.parser").get_text() if path.suffix == ".html" else text
            )
            # What an author hid in an HTML comment is never shown.
            assert "cut this" not in shown and "hidden" not in shown, path


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(files=sites())
def test_any_site_builds_checks_alike_and_plants_no_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files
) -> None:
    root = tmp_path / "fuzz"
    site = make(root, files)
    warnings = sorted(site.build().warnings)
    assert checked(root, capsys) == warnings
    assert_no_planted_markup(root / "site")
    # The same through `generate` and a builder that runs no plugin.
    assert main(["--config", str(root / "mkdocs.yml"), "generate", str(root / "gen")]) in (0, 1)
    capsys.readouterr()
    plain = root / "plain.yml"
    plain.write_text(PLAIN_YML, encoding="utf-8")
    site.build(config=plain.name)
    assert_no_planted_markup(root / "plain-site")


PLAIN_YML = """\
site_name: Test interviews
site_url: https://example.org/interviews/
docs_dir: gen
site_dir: plain-site
theme:
  name: material
  custom_dir: gen/.overrides
plugins:
  - search
markdown_extensions:
  - attr_list
  - md_in_html
extra_css:
  - assets/stylesheets/interviews.css
"""
"""The generated folder's configuration: no plugin, and the theme template of the pages'
head that generate writes (as `mkdocs.generated.yml`)."""
