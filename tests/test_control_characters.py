"""Invisible control characters in the content: reported with their file, line and name, left
out of what is read, and never a traceback, in `check` or in a build."""

from __future__ import annotations

import logging
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Site, catalogs, writeup
from mkdocs_interviews import read_project
from mkdocs_interviews.problems import FileProblems
from mkdocs_interviews.project import Project
from mkdocs_interviews.text import (
    CONTROL_NAMES,
    INVISIBLE,
    MAX_INVISIBLE_REPORTS,
    character_name,
    decode,
)
from mkdocs_interviews.yamlfile import YamlError, load_yaml

NAMED = {
    "\x00": "control character U+0000 NULL",
    "\x07": "control character U+0007 ALERT",
    "\x0b": "control character U+000B LINE TABULATION",
    "\x0c": "control character U+000C FORM FEED",
    "\x1b": "control character U+001B ESCAPE",
    "\x1f": "control character U+001F INFORMATION SEPARATOR ONE",
    "\x7f": "control character U+007F DELETE",
    "\x80": "control character U+0080 PADDING CHARACTER",
    "\x85": "control character U+0085 NEXT LINE",
    "\x9b": "control character U+009B CONTROL SEQUENCE INTRODUCER",
    "\x9f": "control character U+009F APPLICATION PROGRAM COMMAND",
    "\ufffe": "noncharacter U+FFFE",
    "\uffff": "noncharacter U+FFFF",
    "\u2028": "character U+2028 LINE SEPARATOR",
    "\u2029": "character U+2029 PARAGRAPH SEPARATOR",
}
"""One or more of each class of character: C0, DEL, C1, noncharacters, line separators."""

MARK = "§"
EDITOR = "interviews/editor.md"
ASKS = """\
- id: editor-day
  question: What do editors do all day?
  field: Book publishing
  asked: 2025-01-10
"""


def message(where: str, char: str, column: int) -> str:
    return (
        f"{where}: the file holds an invisible {NAMED.get(char, char)}, at column {column} "
        "(delete it; the build leaves it out)"
    )


def marked(text: str, char: str) -> tuple[bytes, int, int]:
    """`text` with its mark replaced by `char`, and the mark's line and column."""
    before = text[: text.index(MARK)]
    return (
        text.replace(MARK, char).encode(),
        before.count("\n") + 1,
        len(before) - before.rfind("\n"),
    )


def read(files: dict[str, str], path: str, char: str) -> tuple[Project, str]:
    """The project of `files` (on top of the catalogs) with `char` at the mark of `path`."""
    sources = {name: text.encode() for name, text in {**catalogs(), **files}.items()}
    sources[path], line, column = marked({**catalogs(), **files}[path], char)
    return read_project(sources), message(f"{path}:{line}", char, column) if char else ""


def writeup_of(project: Project) -> Any:
    document = project.document(EDITOR)
    assert document is not None and document.writeup is not None
    return document.writeup


PLACES: dict[str, tuple[dict[str, str], str, Callable[[Project], object], object]] = {
    # The files, the one with the mark, what is read from there, and what it must be.
    "title": (
        {EDITOR: writeup(title=f"From intern{MARK} to editor")},
        EDITOR,
        lambda p: writeup_of(p).title,
        "From intern to editor",
    ),
    "role": (
        {EDITOR: writeup(role=f"Acquisitions{MARK} editor")},
        EDITOR,
        lambda p: writeup_of(p).role,
        "Acquisitions editor",
    ),
    "summary": (
        {EDITOR: writeup(extra=f"summary: Reading{MARK} the slush pile.\n")},
        EDITOR,
        lambda p: writeup_of(p).summary,
        "Reading the slush pile.",
    ),
    "body": (
        {EDITOR: writeup().replace("The answer to typical-day.", f"Meetings{MARK}, then more.")},
        EDITOR,
        lambda p: writeup_of(p).answers[1].markdown.strip(),
        "Meetings, then more.",
    ),
    "field name": (
        {
            "fields.yml": catalogs()["fields.yml"].replace(
                "Music production", f"Music{MARK} production"
            )
        },
        "fields.yml",
        lambda p: [f.name for f in p.fields.fields],
        ["Book publishing", "Music production", "Radio & podcasting"],
    ),
    "question text": (
        {
            "questions.yml": catalogs()["questions.yml"].replace(
                "does a typical", f"does a{MARK} typical"
            )
        },
        "questions.yml",
        lambda p: p.questions.questions[1].text,
        "What does a typical day look like?",
    ),
    "reader's question": (
        {"asks.yml": ASKS.replace("editors do", f"editors{MARK} do")},
        "asks.yml",
        lambda p: [ask.question for ask in p.asks.asks],
        ["What do editors do all day?"],
    ),
}


@pytest.mark.parametrize("char", list(NAMED), ids=[f"U+{ord(c):04X}" for c in NAMED])
@pytest.mark.parametrize("place", list(PLACES))
def test_a_control_character_is_reported_and_left_out(place: str, char: str) -> None:
    files, path, value_of, expected = PLACES[place]
    project, problem = read(files, path, char)
    assert [str(p) for p in project.problems] == [problem]
    assert value_of(project) == expected


def test_the_same_character_many_times_on_a_line_is_one_message() -> None:
    project, _ = read({EDITOR: writeup(title=f"A{MARK}\x00\x00 title{MARK}")}, EDITOR, "\x00")
    assert [str(p) for p in project.problems] == [
        f"{EDITOR}:2: the file holds 4 invisible control characters U+0000 NULL, the first at "
        "column 9 (delete them; the build leaves them out)"
    ]
    assert writeup_of(project).title == "A title"


def test_each_kind_of_character_on_a_line_is_a_message_of_its_own() -> None:
    project, _ = read({EDITOR: writeup(title=f"A{MARK}\x1b[31m title\x00")}, EDITOR, "\x0b")
    assert [str(p) for p in project.problems] == [
        message(f"{EDITOR}:2", "\x0b", 9),
        message(f"{EDITOR}:2", "\x1b", 10),
        message(f"{EDITOR}:2", "\x00", 21),
    ]


def test_a_file_full_of_control_characters_does_not_flood() -> None:
    junk = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")
    body = "".join(f"Line {n} {junk}\n" for n in range(10))
    project, _ = read({EDITOR: writeup(title=f"Title{MARK}", body=body)}, EDITOR, "")
    problems = [str(p) for p in project.problems if "invisible" in p.message]
    assert len(problems) == MAX_INVISIBLE_REPORTS + 1
    assert problems[-1] == (
        f"{EDITOR}:9: the file holds {10 * len(junk) - MAX_INVISIBLE_REPORTS} more invisible "
        "characters from this line to line 18 (delete them; the build leaves them out)"
    )


def test_pyyaml_s_own_message_never_reaches_an_author() -> None:
    """With the characters left out in decoding, YAML never sees one, nor names one."""
    text = "".join(char for char in [*CONTROL_NAMES, *NAMED] if INVISIBLE.match(char))
    files = {EDITOR: writeup(title=f"T{MARK}", extra=f"summary: S{text}\n"), "asks.yml": ASKS}
    sources = {name: data.encode() for name, data in {**catalogs(), **files}.items()}
    sources[EDITOR] = sources[EDITOR].replace(MARK.encode(), text.encode())
    for name in ("fields.yml", "questions.yml", "asks.yml"):
        sources[name] = sources[name].replace(b"\n", text.encode() + b"\n", 1)
    problems = [str(p) for p in read_project(sources).problems]
    assert problems, "every file holds control characters"
    assert all("invisible" in p and "unacceptable" not in p for p in problems), problems
    assert {p.split(":")[0] for p in problems} == {
        EDITOR,
        "fields.yml",
        "questions.yml",
        "asks.yml",
    }


# -- the names -----------------------------------------------------------------------------


def test_every_invisible_character_has_a_name() -> None:
    invisible = [chr(code) for code in range(0x10000) if INVISIBLE.fullmatch(chr(code))]
    assert len(invisible) == 30 + 1 + 32 + 2 + 2  # C0 but tab and newline, DEL, C1, FFFE/F, 2028/9
    for char in invisible:
        name = character_name(char)
        assert re.fullmatch(r"U\+[0-9A-F]{4}( [A-Z ]+)?", name), name
        if char not in "\ufffe\uffff":
            assert " " in name, f"{name} has no name"


def test_the_control_names_are_unicode_s_aliases() -> None:
    for char, name in CONTROL_NAMES.items():
        assert unicodedata.lookup(name) == char, name


# -- decoding ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_decoded_text_holds_no_invisible_character(data: bytes) -> None:
    problems = FileProblems("x.md")
    text = decode(data, problems)
    assert INVISIBLE.search(text) is None
    lines = text.count("\n") + 1
    assert all(p.line is not None and 1 <= p.line <= lines for p in problems.items)


def test_tabs_newlines_and_other_invisible_but_harmless_characters_stay() -> None:
    problems = FileProblems("x.md")
    text = "a\tb\r\nc\rd\u00a0e\u200bf\ufeffg\ufffd"
    assert decode(text.encode(), problems) == text.replace("\r\n", "\n").replace("\r", "\n")
    assert not problems


# -- YAML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b", "\x9b", "\ufffe"])
def test_a_character_yaml_refuses_is_named_in_plain_words(char: str) -> None:
    """A defence: decoding leaves them out, but YAML's own message must never be shown."""
    with pytest.raises(YamlError) as raised:
        load_yaml(f"title: Été\nrole: Editor{char}\n", first_line=3)
    assert (
        raised.value.problem
        == f"it holds an invisible {NAMED[char]}, which YAML refuses; delete it"
    )
    assert raised.value.line == 4


def test_characters_written_as_yaml_escapes_are_left_out_and_noted() -> None:
    document = load_yaml('title: "A\\x0bB"\nrole: "\\e[2J\\0Editor"\nnote: "tab\\tand\\nnewline"\n')
    assert document.data == {"title": "AB", "role": "[2JEditor", "note": "tab\tand\nnewline"}
    assert [(e.char, e.line) for e in document.escaped] == [("\x0b", 1), ("\x1b", 2), ("\x00", 2)]


# -- a real build --------------------------------------------------------------------------

BUILT = {
    "title": ("From intern\x00 to editor", "From intern to editor"),
    "role": ("Acquisitions\x0b editor", "Acquisitions editor"),
    "summary": ("Reading\x1b[2J the slush pile.", "Reading[2J the slush pile."),
}


def test_a_build_with_control_characters_finishes_and_makes_valid_feeds(make_site) -> None:
    text = {key: value for key, (value, _) in BUILT.items()}
    fields = catalogs()["fields.yml"].replace("Book publishing", "Book\ufffe publishing", 1)
    site: Site = make_site(
        {
            "fields.yml": fields,
            EDITOR: writeup(
                title=text["title"], role=text["role"], extra=f"summary: {text['summary']}\n"
            ),
        }
    )
    # Every warning of the build, whoever logs it: the plugin's four and no other.
    assert site.build().messages(logging.WARNING, "mkdocs") == [
        message("fields.yml:1", chr(0xFFFE), 13),
        message(f"{EDITOR}:2", chr(0), 19),
        message(f"{EDITOR}:4", chr(0xB), 19),
        message(f"{EDITOR}:7", chr(0x1B), 17),
    ]
    for path in ("feed.xml", "fields/book-publishing/feed.xml"):
        raw = (site.root / "site" / path).read_bytes()
        ET.fromstring(raw)  # well-formed XML
        feed = feedparser.parse(raw)
        assert not feed.bozo, feed.get("bozo_exception")
        (entry,) = feed.entries
        assert entry.title == BUILT["title"][1]
        assert entry.summary == f"{BUILT['role'][1]}. {BUILT['summary'][1]}"
        assert [tag.term for tag in entry.tags] == ["Book publishing"]
        assert INVISIBLE.search(raw.decode()) is None
    page = site.page("interviews/editor")
    assert INVISIBLE.search(page) is None
    assert "From intern to editor" in page
