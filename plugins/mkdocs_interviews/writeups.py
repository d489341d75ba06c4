"""Reading one write-up: its front matter, its answer sections, and every problem in it."""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from frontmatter.default_handlers import YAMLHandler

from .catalogs import FieldCatalog, QuestionCatalog
from .entries import Entry, first_odd, report_read
from .model import URL_SAFE_NAME, Answer, Field, Question, WriteUp, slugify
from .problems import FileProblems, Problem
from .sections import Heading, scan_headings, section
from .text import closest, decode
from .yamlfile import Lines, YamlError, as_written, describe, load_yaml, quote

EXAMPLES = {
    "title": "title: From intern to managing editor",
    "field": "field: <a field name from fields.yml>",
    "role": "role: Managing editor, city magazine",
    "date": "date: 2025-04-02",
    "questions": "questions: [getting-started, typical-day]",
}
"""The keys every write-up needs, with an example of each for messages."""

KEYS = (*EXAMPLES, "summary", "interviewee", "referred_by", "draft")
"""Every key the plugin reads from a write-up's front matter."""

THEME_TEXT_KEYS = ("description", "subtitle")
"""Other tools' keys that the theme prints into the page: they must be text."""

TEXT_KEYS = (frozenset(KEYS) | frozenset(THEME_TEXT_KEYS)) - {"date", "draft"}
"""The keys whose values are text, or lists of text: read as the author wrote them, whatever
YAML 1.1 makes of a plain scalar (`title: 1:30` is '1:30', not 90)."""

OTHER_KEYS = frozenset(
    [
        "authors",
        "categories",
        "comments",
        "description",
        "hide",
        "icon",
        "links",
        "pin",
        "readtime",
        "robots",
        "search",
        "slug",
        "social",
        "status",
        "subtitle",
        "tags",
        "template",
    ]
)
"""Keys that MkDocs, Material and common plugins read; never reported as typos."""

INDEX_PAGES = frozenset({"index.md", "README.md"})
"""Pages of the write-ups' folder that introduce it and are not write-ups."""


class _FrontMatterHandler(YAMLHandler):
    """python-frontmatter's YAML handler, with the delimiters MkDocs itself accepts.

    MkDocs opens front matter with exactly `---` on the first line and closes it with `---`
    or `...`; using the same rule means we check exactly what MkDocs will render.
    """

    FM_BOUNDARY = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)

    def detect(self, text: str) -> bool:
        return re.match(r"---[ \t]*(?:\n|$)", text) is not None


_HANDLER = _FrontMatterHandler()


def split_front_matter(text: str) -> tuple[str, str]:
    """A write-up's front matter and body, split as MkDocs splits them.

    Raises ValueError when the text has no front matter or it is never closed.
    """
    if not _HANDLER.detect(text):
        raise ValueError("no front matter")
    front, body = _HANDLER.split(text)
    return front, body


@dataclass(frozen=True)
class Document:
    """A file of the write-ups' folder as read: the write-up, if it could be made, and problems."""

    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    """The front matter as YAML read it ({} when it could not be read)."""
    lines: Lines = field(default_factory=lambda: Lines(1))
    """Where each front-matter key starts."""
    writeup: WriteUp | None = None
    problems: tuple[Problem, ...] = ()
    utf8: bool = True
    """False when the file's text had to be mended to be read: bytes that are not UTF-8
    (published as U+FFFD) or invisible control characters (left out)."""
    held_back: bool = False
    """True when the site keeps the file out of `mkdocs build` (MkDocs' `draft_docs`)."""
    partial: WriteUp | None = None
    """When the write-up could not be made (`writeup` is None) but its answers could be
    read: a stand-in with those answers and its fields (when they are right), the wrong
    values standing in by placeholders. Never listed: a preview decorates its page with it
    as far as it can (anchors, links after answers, footer), without its header."""

    @property
    def draft(self) -> bool:
        """Whether the file is kept out of `mkdocs build`: `draft: true`, or `draft_docs`."""
        return self.held_back or self.meta.get("draft") is True

    @property
    def slug(self) -> str:
        return slug_of(self.path)


def slug_of(path: str) -> str:
    """A write-up's slug: its file name without `.md`."""
    return posixpath.splitext(posixpath.basename(path))[0]


def read_writeup(
    path: str, data: bytes, fields: FieldCatalog, questions: QuestionCatalog
) -> Document:
    """Read and check one write-up; `path` is relative to the docs folder."""
    problems = FileProblems(path)
    text = decode(data, problems)
    utf8 = not problems
    meta: dict[str, Any] = {}
    lines = Lines(1)
    writeup = partial = None
    if not text.strip():
        problems.error(
            "the file is empty (start it with front matter: title, field, role, date and "
            "questions between two '---' lines)"
        )
    elif not _HANDLER.detect(text):
        _no_front_matter(text, problems)
    else:
        try:
            yaml_text, body = _HANDLER.split(text)
        except ValueError:
            problems.error(
                "the front matter opened on line 1 is never closed (add a '---' line after "
                "the last key)",
                line=1,
            )
        else:
            # Line 0 of `yaml_text` is the rest of the opening `---` line.
            body_line = 1 + yaml_text.count("\n")
            read, lines = _read_front_matter(yaml_text, problems)
            if read is not None:
                meta = read
                writeup, partial = _read(
                    path, _Reader(meta, lines, problems), body, body_line, fields, questions
                )
    return Document(path, meta, lines, writeup, tuple(problems.items), utf8, partial=partial)


_LATE_OPENING = re.compile(r"(?P<blank>(?:[ \t]*\n)*)(?P<indent>[ \t]*)---[ \t]*(?:\n|$)")
"""A front matter's opening line after blank lines, or indented: MkDocs reads neither."""


def _no_front_matter(text: str, problems: FileProblems) -> None:
    late = _LATE_OPENING.match(text)
    if late is None:
        problems.error(
            "the file has no front matter (start it with a '---' line, then title, field, "
            "role, date and questions, then a closing '---' line)",
            line=1,
        )
        return
    line = 1 + late["blank"].count("\n")
    fixes = [
        *(["the blank lines above it"] if line > 1 else []),
        *(["the spaces before '---'"] if late["indent"] else []),
    ]
    problems.error(
        f"the front matter on line {line} is not read: it must open with '---' at the very "
        f"start of the file (delete {' and '.join(fixes)})",
        line=line,
    )


def _read_front_matter(
    yaml_text: str, problems: FileProblems
) -> tuple[dict[str, Any] | None, Lines]:
    try:
        document = load_yaml(yaml_text, first_line=1)
    except YamlError as error:
        problems.error(
            f"the front matter is not valid YAML: {error.problem} (check the indentation, and "
            "put quotes around values that contain ': ' or start with a special character)",
            line=error.line,
        )
        return None, Lines(1)
    data = document.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.error(
            f"the front matter must be 'key: value' lines, not {describe(data)}",
            line=document.lines.line,
        )
        return None, document.lines
    report_read(document, problems, in_entry=False)
    return {str(key): value for key, value in data.items()}, document.lines


class _Reader(Entry):
    """Reads the values of one front matter, reporting each problem with its key and line.

    The file is the entry: messages name no entry, and a key it needs is said missing or
    empty, with an example of it (`EXAMPLES`).
    """

    __slots__ = ("listed",)

    def __init__(self, meta: dict[str, Any], lines: Lines, problems: FileProblems) -> None:
        values = {
            key: as_written(value, lines, key) if key in TEXT_KEYS else value
            for key, value in meta.items()
        }
        super().__init__(values, lines, problems, fixes=EXAMPLES)
        self.listed: dict[str, int] = {}
        """The index in 'questions' of each question listed."""

    def missing(self, key: str) -> None:
        self.problems.error(
            f"'{key}' is missing (add '{self.fixes[key]}' to the front matter)", key=key
        )

    def empty(self, key: str) -> None:
        self.error(key, f"'{key}' is empty (give it a value, like '{self.fixes[key]}')")

    def required(self, key: str) -> Any:
        """The value, or None after reporting it missing or empty."""
        if key not in self.values:
            self.missing(key)
            return None
        value = self.values[key]
        if value is None or value == "" or value == []:
            self.empty(key)
            return None
        return value


def _read(
    path: str,
    reader: _Reader,
    body: str,
    body_line: int,
    fields: FieldCatalog,
    questions: QuestionCatalog,
) -> tuple[WriteUp | None, WriteUp | None]:
    """The write-up of a front matter and body, or None when a value it needs is wrong, and
    then its stand-in (`Document.partial`); every problem is reported."""
    # Read in this order, which is the order `check` prints the problems in.
    # Other plugins and the theme read their own keys; only near-misses of ours are reported.
    reader.unknown_keys(KEYS, OTHER_KEYS)
    title = reader.text("title", required=True)
    field_list = _read_fields(reader, fields)
    role = reader.text("role", required=True)
    date = reader.date("date")
    question_list = _read_questions(reader, questions)
    details = _read_details(reader)
    slug = _file_slug(path, reader.problems)
    answers: list[Answer] = []
    # Without the catalog, no heading can be matched to a question.
    if question_list is not None and questions.loaded:
        answers = _read_answers(body, body_line, question_list, reader, questions)
    made = WriteUp(
        slug=slug,
        path=path,
        title=title or slug,
        fields=tuple(field_list or ()),
        role=role or "",
        date=date or datetime.date.min,
        answers=tuple(answers),
        summary=details.summary,
        interviewee=details.interviewee,
        referred_by=details.referred_by,
        draft=details.draft,
    )
    if title is None or field_list is None or role is None or date is None:
        return None, made if answers else None
    return made, None


class _Details(NamedTuple):
    """The optional values of a write-up's front matter."""

    summary: str | None
    interviewee: str | None
    referred_by: str | None
    draft: bool


def _read_details(reader: _Reader) -> _Details:
    """The optional values, each wrong one reported (and read as missing, or not a draft)."""
    summary = reader.text("summary")
    interviewee = reader.text("interviewee")
    referred_by = reader.text("referred_by")
    for key in THEME_TEXT_KEYS:  # a list or binary would be printed as Python shows it
        reader.text(key)
    return _Details(summary, interviewee, referred_by, reader.flag("draft"))


def _file_slug(path: str, problems: FileProblems) -> str:
    """The write-up's slug, with a warning when its address would need escapes."""
    slug = slug_of(path)
    if not URL_SAFE_NAME.fullmatch(slug):
        problems.warning(
            f"the file name '{slug}' holds characters a URL must escape, so its address will be "
            f"awkward (rename the file to '{slugify(slug) or 'interview'}.md'; letters, digits, "
            "'.', '-' and '_' are fine)"
        )
    return slug


def _read_fields(reader: _Reader, fields: FieldCatalog) -> list[Field] | None:
    """The catalog's fields that 'field' names; None after reporting it missing, not names,
    or naming a field the catalog does not have."""
    value = reader.required("field")
    if value is None:
        return None
    listed = isinstance(value, list)
    items = value if listed else [value]
    odd = first_odd(items)
    if odd is not None:
        reader.error(
            "field",
            f"'field' must be a field name or a list of field names, not {describe(value)}"
            if not listed
            else "'field' must be a list of field names (text), like [Book publishing, "
            f"Magazine journalism], not a list holding {describe(items[odd])}",
            reader.item_line("field", odd if listed else None),
        )
        return None
    return _find_fields(reader, fields, items, listed)


def _find_fields(
    reader: _Reader, fields: FieldCatalog, names: list[str], listed: bool
) -> list[Field] | None:
    """The catalog's fields of these names, each listed once; None if one is not in it."""
    found: list[Field] = []
    ok = True
    for index, name in enumerate(names):
        item = index if listed else None
        if not fields.loaded:  # no catalog to check against: any name is a field
            found_field: Field | None = Field(name=name.strip(), slug=slugify(name))
        else:
            fix = f"add it to {fields.path}, or use a field listed there"
            found_field = reader.look_up(
                "field", name, f"field {quote(name)}", fields, fix, item=item
            )
        if found_field is None:
            ok = False
        elif found_field in found:
            reader.error(
                "field",
                f"field {quote(found_field.name)} is listed twice in 'field' (keep one)",
                reader.item_line("field", item),
            )
        else:
            found.append(found_field)
    return found if ok else None


def _read_questions(reader: _Reader, questions: QuestionCatalog) -> list[Question] | None:
    """The catalog's questions that 'questions' lists, each wrong item reported (and left
    out); None after reporting it missing or not a list."""
    value = reader.required("questions")
    if value is None:
        return None
    if not isinstance(value, list):
        reader.error(
            "questions",
            f"'questions' must be a list of question ids, like [getting-started, typical-day], "
            f"not {describe(value)}",
        )
        return None
    found: list[Question] = []
    for index, item in enumerate(value):
        question = _listed_question(reader, questions, index, item)
        if question is not None:
            reader.listed[question.id] = index
            found.append(question)
    return found


def _listed_question(
    reader: _Reader, questions: QuestionCatalog, index: int, item: object
) -> Question | None:
    """The question of item `index` of 'questions', or None after reporting it not an id, not
    in the catalog, or listed before."""
    if not isinstance(item, str) or not item.strip():
        reader.error(
            "questions",
            f"'questions' item {index + 1} must be a question id, not {describe(item)}",
            reader.item_line("questions", index),
        )
        return None
    if not questions.loaded:
        return Question(item, item)
    fix = f"add it to {questions.path}, or use an id listed there"
    question = reader.look_up(
        "questions", item, f"question {quote(item)}", questions, fix, item=index
    )
    if question is None or question.id not in reader.listed:
        return question
    also = "" if item.strip() == question.id else f", once as {quote(item)}"
    first = reader.item_line("questions", reader.listed[question.id])
    line = reader.item_line("questions", index)
    lines = f"lines {first} and {line}; " if first != line else ""
    reader.error(
        "questions",
        f"question '{question.id}' is listed twice in 'questions'{also} ({lines}keep one)",
        line,
    )
    return None


def _read_answers(
    body: str,
    body_line: int,
    listed: list[Question],
    reader: _Reader,
    questions: QuestionCatalog,
) -> list[Answer]:
    """The answers to the questions listed, in their order: each one's '##' section, every
    section missing, doubled or empty reported."""
    headings = scan_headings(body)
    lines = body.split("\n")
    found = _sort_headings(headings, body_line, listed, reader, questions)
    answers: list[Answer] = []
    for question in listed:
        indexes = found.sections[question.id]
        if not indexes:
            other = found.elsewhere.get(question.id) or _misspelled(question, found.unknown_ids)
            _no_section(question, other, body_line, reader)
            continue
        answers.append(_answer(question, indexes, headings, lines, body_line, reader))
    return answers


@dataclass
class _Headings:
    """A write-up's headings, sorted by the questions they stand for."""

    sections: dict[str, list[int]]
    """The index of each '##' heading of a listed question, by question id."""
    elsewhere: dict[str, Heading] = field(default_factory=dict)
    """The first heading of another level that stands for a question, by question id."""
    unknown_ids: list[Heading] = field(default_factory=list)
    """The '##' headings whose `{ #id }` is no question's."""


def _sort_headings(
    headings: list[Heading],
    body_line: int,
    listed: list[Question],
    reader: _Reader,
    questions: QuestionCatalog,
) -> _Headings:
    """Sort the headings by question, warning of a '##' heading of a question not listed."""
    listed_ids = {question.id for question in listed}
    found = _Headings({question.id: [] for question in listed})
    for index, heading in enumerate(headings):
        question = question_of(heading, questions)
        if question is None:
            if heading.level == 2 and heading.anchor is not None:
                found.unknown_ids.append(heading)
            continue
        if heading.level != 2:
            found.elsewhere.setdefault(question.id, heading)
        elif question.id in listed_ids:
            found.sections[question.id].append(index)
        else:
            reader.problems.warning(
                f"the heading '## {heading.text}' matches question '{question.id}', which is "
                f"not in 'questions' (add '{question.id}' to 'questions', or reword the heading)",
                key="questions",
                line=body_line + heading.line,
            )
    return found


def _answer(
    question: Question,
    indexes: list[int],
    headings: list[Heading],
    lines: list[str],
    body_line: int,
    reader: _Reader,
) -> Answer:
    """The answer under the first of a question's '##' headings (`indexes`), reporting more
    than one, or an empty answer."""
    heading = headings[indexes[0]]
    if len(indexes) > 1:
        where = " and ".join(str(body_line + headings[i].line) for i in indexes)
        reader.problems.error(
            f"question '{question.id}' has {len(indexes)} '##' sections (lines {where}; merge "
            "them into one)",
            key="questions",
            line=body_line + headings[indexes[1]].line,
        )
    markdown = section(lines, headings, indexes[0])
    if not markdown.strip():
        reader.problems.error(
            f"the answer to '{question.id}' is empty (write it under '## {heading.text}', "
            f"or remove '{question.id}' from 'questions')",
            key="questions",
            line=body_line + heading.line,
        )
    return Answer(question, heading.text, markdown, body_line + heading.line)


def _no_section(question: Question, other: Heading | None, body_line: int, reader: _Reader) -> None:
    """Report a listed question without a '##' section: at the heading meant for it (of
    another level, or whose id is misspelled), which is to be fixed, or else at the
    question's item in 'questions'."""
    if other is not None and other.level == 2:
        line = body_line + other.line
        hint = (
            f"; the heading on line {line} has the id '{{ #{other.anchor} }}': did you mean "
            f"'{{ #{question.id} }}'?"
        )
    elif other is not None:
        line = body_line + other.line
        hint = f"; the heading on line {line} is level {other.level}, make it '##'"
    else:
        line = reader.item_line("questions", reader.listed.get(question.id, 0))
        hint = (
            f"; add '## {question.text}' above the answer, or remove '{question.id}' from "
            "'questions'"
        )
    reader.problems.error(
        f"question '{question.id}' has no '##' section{hint}", key="questions", line=line
    )


def _misspelled(question: Question, headings: list[Heading]) -> Heading | None:
    """The '##' heading whose id is no question's but is close to this question's id."""
    for heading in headings:
        if heading.anchor is not None and closest(heading.anchor, [question.id]) is not None:
            return heading
    return None


def question_of(heading: Heading, questions: QuestionCatalog) -> Question | None:
    """The catalog question a heading stands for: by its `{ #id }`, else by its wording."""
    if heading.anchor is not None:
        question = questions.get(heading.anchor)
        if question is not None:
            return question
    return questions.find_wording(heading.text)


def check_field(
    path: str, value: object, fields: FieldCatalog
) -> tuple[list[Field] | None, list[Problem]]:
    """Check a value of 'field' as `check` checks a write-up's front matter, for tools that
    make write-ups (`new`): the fields it names, or None, and its problems (the same
    messages, naming `path`, without line numbers)."""
    reader = _Reader({"field": value}, Lines(0), FileProblems(path))
    return _read_fields(reader, fields), _without_lines(reader.problems)


def check_questions(
    path: str, value: object, questions: QuestionCatalog
) -> tuple[list[Question] | None, list[Problem]]:
    """Check a value of 'questions' as `check_field` checks 'field': the questions it lists
    (without the wrong ones), or None, and its problems."""
    reader = _Reader({"questions": value}, Lines(0), FileProblems(path))
    return _read_questions(reader, questions), _without_lines(reader.problems)


def _without_lines(problems: FileProblems) -> list[Problem]:
    return [Problem(p.file, p.message, p.key, None, p.severity) for p in problems.items]
