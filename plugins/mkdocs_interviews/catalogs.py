"""Reading the catalogs, `fields.yml` and `questions.yml`, into lookups for the write-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import SLUG_PATTERN, Field, Question, normalize, slugify
from .problems import FileProblems
from .text import closest, decode, did_you_mean, invisible
from .yamlfile import Lines, YamlDocument, YamlError, as_written, describe, load_yaml, quote

FIELD_KEYS = ("name", "slug", "description", "aliases", "group")
QUESTION_KEYS = ("id", "text", "aliases", "theme", "retired", "replaced_by")


def fold(name: str) -> str:
    """How field names are compared: case and spacing ignored, punctuation kept ('C++' != 'C')."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class FieldCatalog:
    """The fields, findable by name, slug or alias."""

    path: str
    fields: tuple[Field, ...] = ()
    loaded: bool = True
    """False when the file is missing or unreadable: write-ups' fields are then not checked."""
    _by_wording: dict[str, Field] = field(default_factory=dict, repr=False, compare=False)
    _wordings: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, path: str, fields: list[Field], loaded: bool = True) -> FieldCatalog:
        by_wording: dict[str, Field] = {}
        wordings: dict[str, str] = {}
        for item in fields:
            for wording in (item.name, item.slug, *item.aliases):
                by_wording.setdefault(fold(wording), item)
                wordings.setdefault(fold(wording), wording)
        return cls(path, tuple(fields), loaded, by_wording, wordings)

    def find(self, name: str) -> Field | None:
        """The field with this name, slug or alias."""
        return self._by_wording.get(fold(name))

    def suggest(self, name: str) -> str | None:
        """The field name, slug or alias closest to `name`, as the catalog writes it."""
        match = closest(name, self._wordings, fold)
        return None if match is None else self._wordings[match]


@dataclass(frozen=True)
class QuestionCatalog:
    """The questions, findable by id, wording or alias."""

    path: str
    questions: tuple[Question, ...] = ()
    loaded: bool = True
    """False when the file is missing or unreadable: write-ups' questions are then not checked."""
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False, compare=False)
    _by_wording: dict[str, Question] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, path: str, questions: list[Question], loaded: bool = True) -> QuestionCatalog:
        by_wording: dict[str, Question] = {}
        for item in questions:
            for wording in (item.text, *item.aliases):
                by_wording.setdefault(normalize(wording), item)
        by_id = {item.id: item for item in questions}
        return cls(path, tuple(questions), loaded, by_id, by_wording)

    def get(self, question_id: str) -> Question | None:
        """The question with this id."""
        return self._by_id.get(question_id)

    def find(self, id_or_wording: str) -> Question | None:
        """The question with this id, or whose text or an alias reads like this."""
        return self._by_id.get(id_or_wording.strip()) or self.find_wording(id_or_wording)

    def find_wording(self, wording: str) -> Question | None:
        """The question whose text or an alias reads like `wording` (case and punctuation aside)."""
        return self._by_wording.get(normalize(wording))

    def suggest(self, id_or_wording: str) -> str | None:
        """The id of the question whose id, text or alias is closest to `id_or_wording`."""
        by_id = closest(id_or_wording, self._by_id)
        if by_id is not None:
            return by_id
        match = closest(id_or_wording, self._by_wording, normalize)
        return None if match is None else self._by_wording[match].id


def read_fields(path: str, data: bytes | None) -> tuple[FieldCatalog, FileProblems]:
    """Read `fields.yml`: the catalog of its valid entries, and the problems of the others."""
    problems = FileProblems(path)
    entries = read_entries(
        path, data, problems, "fields", "'- name: Book publishing' entries with a description"
    )
    if entries is None:
        return FieldCatalog.of(path, [], loaded=False), problems
    fields: list[Field] = []
    taken: dict[str, tuple[Field, int]] = {}  # folded name, slug or alias -> (field, its line)
    for number, entry, lines in entries:
        item = _read_field(number, entry, lines, problems)
        if item is None or _name_taken(item, entry, lines, taken, problems):
            continue
        wordings = _field_wordings(item, entry, lines)
        for alias, line in wordings[2:]:
            other = taken.get(fold(alias))
            if other is not None:
                problems.error(
                    f"field {quote(item.name)}: alias {quote(alias)} is already a name, slug or "
                    f"alias of field {quote(other[0].name)} (line {other[1]}; an alias must "
                    "lead to one field)",
                    key="aliases",
                    line=line,
                )
        for wording, line in wordings:
            taken.setdefault(fold(wording), (item, line))
        fields.append(item)
    return FieldCatalog.of(path, fields), problems


def _field_wordings(item: Field, entry: dict[str, Any], lines: Lines) -> list[tuple[str, int]]:
    """A field's name, slug and aliases, each with the line that gives it."""
    name_line = lines.of("name")
    return [
        (item.name, name_line),
        (item.slug, lines.of("slug") if "slug" in entry else name_line),
        *((alias, lines["aliases"].of(index)) for index, alias in enumerate(item.aliases)),
    ]


def _name_taken(
    item: Field,
    entry: dict[str, Any],
    lines: Lines,
    taken: dict[str, tuple[Field, int]],
    problems: FileProblems,
) -> bool:
    """Whether the field's name or slug already leads to another field (reported if so)."""
    line = lines.of("name")
    clash = taken.get(fold(item.name))
    if clash is not None and fold(clash[0].name) == fold(item.name):
        problems.error(
            f"field name {quote(item.name)} is used twice (lines {clash[1]} and {line}; "
            "names must be unique)",
            key="name",
            line=line,
        )
        return True
    if clash is not None:
        problems.error(
            f"field {quote(item.name)}: its name is already an alias or slug of field "
            f"{quote(clash[0].name)} (line {clash[1]}; a name must lead to one field)",
            key="name",
            line=line,
        )
        return True
    slug_clash = taken.get(item.slug)
    if slug_clash is not None:
        problems.error(
            f"field {quote(item.name)} has the slug '{item.slug}', which field "
            f"{quote(slug_clash[0].name)} (line {slug_clash[1]}) already has (set a "
            "different 'slug' for one of them)",
            key="slug",
            line=lines.of("slug") if "slug" in entry else line,
        )
        return True
    return False


def read_questions(path: str, data: bytes | None) -> tuple[QuestionCatalog, FileProblems]:
    """Read `questions.yml`: the catalog of its valid entries, and the problems of the others."""
    problems = FileProblems(path)
    entries = read_entries(
        path,
        data,
        problems,
        "questions",
        "'- id: typical-day' entries with a text and a theme",
        typed=("retired",),
    )
    if entries is None:
        return QuestionCatalog.of(path, [], loaded=False), problems
    questions: list[Question] = []
    ids: dict[str, int] = {}
    wordings: dict[str, tuple[Question, int]] = {}
    replacements: list[tuple[Question, int]] = []
    for number, entry, lines in entries:
        item = _read_question(number, entry, lines, problems)
        if item is None:
            continue
        line = lines.of("id")
        if item.id in ids:
            problems.error(
                f"question id '{item.id}' is used twice (lines {ids[item.id]} and {line}; "
                "ids must be unique)",
                key="id",
                line=line,
            )
            continue
        ids[item.id] = line
        _check_wordings(item, lines, wordings, problems)
        if item.replaced_by is not None:
            replacements.append((item, lines.of("replaced_by")))
        questions.append(item)
    for item, line in replacements:
        if item.replaced_by not in ids:
            problems.error(
                f"question '{item.id}': 'replaced_by' names '{item.replaced_by}', which is not a "
                f"question id{did_you_mean(str(item.replaced_by), ids)}",
                key="replaced_by",
                line=line,
            )
    return QuestionCatalog.of(path, questions), problems


def _check_wordings(
    item: Question,
    lines: Lines,
    wordings: dict[str, tuple[Question, int]],
    problems: FileProblems,
) -> None:
    """Report a text or alias that is already another question's, at its own line; note the
    others in `wordings` (normalized wording -> question and line)."""
    aliases = lines["aliases"]
    for key, wording, line in [("text", item.text, lines.of("text"))] + [
        ("aliases", alias, aliases.of(index)) for index, alias in enumerate(item.aliases)
    ]:
        other = wordings.get(normalize(wording))
        if other is not None and other[0].id != item.id:
            problems.error(
                f"question '{item.id}': the wording {quote(wording)} is already a text or alias "
                f"of question '{other[0].id}' (line {other[1]}; a wording must lead to one "
                "question)",
                key=key,
                line=line,
            )
        else:
            wordings.setdefault(normalize(wording), (item, line))


def read_entries(
    path: str,
    data: bytes | None,
    problems: FileProblems,
    what: str,
    example: str,
    typed: tuple[str, ...] = (),
) -> list[tuple[int, dict[str, Any], Lines]] | None:
    """The catalog's entries that are mappings, as (number, entry, lines); None if unreadable.

    Every value but those of the `typed` keys (dates, true/false) is text, or a list of text:
    a plain scalar is read as written (`name: 1984` is '1984', `text: Yes` is 'Yes').
    """
    document = _read_list(path, data, problems, what, example)
    if document is None:
        return None
    report_read(document, problems, in_entry=True)
    return _mappings(document, problems, example, typed)


def _read_list(
    path: str, data: bytes | None, problems: FileProblems, what: str, example: str
) -> YamlDocument | None:
    """The catalog's YAML, when the file is there and holds a list; else None, reported."""
    if data is None:
        problems.error(
            f"the file is missing (create {path} in the docs folder: a list of {what}, {example})"
        )
        return None
    empty = f"the file is empty (it must be a list of {what}: {example})"
    text = decode(data, problems)
    if not text.strip():
        problems.error(empty)
        return None
    document = _parse(text, problems)
    if document is None:
        return None
    if document.data is None:  # comments only, or 'null': empty as well
        problems.error(empty)
        return None
    if not isinstance(document.data, list):
        problems.error(
            f"the file must be a list of {what} ({example}), not {describe(document.data)}",
            line=document.lines.line,
        )
        return None
    return document


def _parse(text: str, problems: FileProblems) -> YamlDocument | None:
    """The YAML of a catalog, or None after reporting where it is not valid."""
    try:
        return load_yaml(text)
    except YamlError as error:
        problems.error(
            f"the file is not valid YAML: {error.problem} (check the indentation and quoting "
            "near this line)",
            line=error.line,
        )
        return None


def _mappings(
    document: YamlDocument, problems: FileProblems, example: str, typed: tuple[str, ...]
) -> list[tuple[int, dict[str, Any], Lines]]:
    """The list's entries that are mappings, numbered from 1; each other one is reported."""
    entries = []
    for index, entry in enumerate(document.data):
        if isinstance(entry, dict):
            lines = document.lines[index]
            entries.append((index + 1, _as_written(entry, lines, typed), lines))
        else:
            problems.error(
                f"entry {index + 1} must be a mapping ({example}), not {describe(entry)}",
                line=document.lines.of(index),
            )
    return entries


def _as_written(entry: dict[str, Any], lines: Lines, typed: tuple[str, ...]) -> dict[str, Any]:
    """An entry with the values of its text keys as written (see `read_entries`)."""
    return {
        key: value if key in typed else as_written(value, lines, key)
        for key, value in entry.items()
    }


def entry_text(
    entry: dict[str, Any], key: str, label: str, lines: Lines, problems: FileProblems
) -> str | None:
    """An optional text value; a wrong type is reported and read as missing."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    problems.error(
        f"{label}: '{key}' must be text, not {describe(value)}", key=key, line=lines.of(key)
    )
    return None


def read_id(
    entry: dict[str, Any],
    number: int,
    lines: Lines,
    problems: FileProblems,
    kind: str,
    adjective: str,
    example: str,
) -> str | None:
    """An entry's kebab-case `id`, or None after reporting it missing or malformed."""
    raw_id = entry.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        problems.error(
            f"entry {number} has no 'id' (add {adjective} kebab-case id, like 'id: {example}')",
            key="id",
            line=lines.of("id"),
        )
        return None
    if not isinstance(raw_id, str) or not SLUG_PATTERN.match(raw_id.strip()):
        shown = str(raw_id)
        problems.error(
            f"{kind} id {quote(shown)} is not kebab-case (use lowercase words joined by "
            f"hyphens, like '{slugify(shown) or example}')",
            key="id",
            line=lines.of("id"),
        )
        return None
    return raw_id.strip()


def _aliases(
    entry: dict[str, Any], label: str, lines: Lines, problems: FileProblems
) -> tuple[str, ...]:
    value = entry.get("aliases")
    if value is None:
        return ()
    if isinstance(value, list):
        odd = next((i for i, a in enumerate(value) if not (isinstance(a, str) and a.strip())), -1)
        if odd < 0:
            return tuple(alias.strip() for alias in value)
        shown, line = f"a list holding {describe(value[odd])}", lines["aliases"].of(odd)
    else:
        shown, line = describe(value), lines.of("aliases")
    problems.error(
        f"{label}: 'aliases' must be a list of wordings, like [First wording, Second wording], "
        f"not {shown}",
        key="aliases",
        line=line,
    )
    return ()


def warn_unknown_keys(
    entry: dict[str, Any], known: tuple[str, ...], label: str, lines: Lines, problems: FileProblems
) -> None:
    for key in entry:
        if key not in known:
            hint = did_you_mean(str(key), known) or f" (the keys are {', '.join(known)})"
            problems.warning(
                f"{label}: unknown key '{key}'{hint}", key=str(key), line=lines.of(str(key))
            )


def _read_field(
    number: int, entry: dict[str, Any], lines: Lines, problems: FileProblems
) -> Field | None:
    raw_name = entry.get("name")
    if raw_name is None or (isinstance(raw_name, str) and not raw_name.strip()):
        problems.error(
            f"entry {number} has no 'name' (add the field's name, like 'name: Book publishing')",
            key="name",
            line=lines.of("name"),
        )
        return None
    name = entry_text(entry, "name", f"entry {number}", lines, problems)
    if name is None:
        return None
    label = f"field {quote(name)}"
    warn_unknown_keys(entry, FIELD_KEYS, label, lines, problems)
    slug = entry_text(entry, "slug", label, lines, problems)
    if slug is not None and not SLUG_PATTERN.match(slug):
        problems.error(
            f"{label}: 'slug' {quote(slug)} is not a slug (use lowercase letters, digits and "
            f"hyphens, like '{slugify(slug) or 'book-publishing'}')",
            key="slug",
            line=lines.of("slug"),
        )
        return None
    slug = slug or slugify(name)
    if not slug:
        problems.error(
            f"{label}: the name has no letters or digits to make a URL from (add a 'slug', "
            "like 'slug: book-publishing')",
            key="slug",
            line=lines.of("name"),
        )
        return None
    return Field(
        name=name,
        slug=slug,
        description=entry_text(entry, "description", label, lines, problems) or "",
        aliases=_aliases(entry, label, lines, problems),
        group=entry_text(entry, "group", label, lines, problems),
    )


def _read_question(
    number: int, entry: dict[str, Any], lines: Lines, problems: FileProblems
) -> Question | None:
    question_id = read_id(entry, number, lines, problems, "question", "a stable", "typical-day")
    if question_id is None:
        return None
    label = f"question '{question_id}'"
    warn_unknown_keys(entry, QUESTION_KEYS, label, lines, problems)
    text = entry_text(entry, "text", label, lines, problems)
    if text is None:
        if entry.get("text") is None or isinstance(entry.get("text"), str):
            problems.error(
                f"{label} has no 'text' (add its wording, like 'text: What does a typical day "
                "look like?')",
                key="text",
                line=lines.of("text"),
            )
        return None
    retired = entry.get("retired", False)
    if not isinstance(retired, bool):
        problems.error(
            f"{label}: 'retired' must be true or false, not {describe(retired)}",
            key="retired",
            line=lines.of("retired"),
        )
        retired = False
    replaced_by = entry_text(entry, "replaced_by", label, lines, problems)
    return Question(
        id=question_id,
        text=text,
        aliases=_aliases(entry, label, lines, problems),
        theme=entry_text(entry, "theme", label, lines, problems),
        retired=retired,
        replaced_by=replaced_by,
    )


def report_read(document: YamlDocument, problems: FileProblems, *, in_entry: bool) -> None:
    """Report what reading the YAML noticed: keys given twice (`in_entry`: in one entry of a
    list, as in the catalogs), and the invisible characters a quoted value wrote as escapes
    (`"\\v"`), which the reader left out of the value, as decoding leaves out those typed."""
    where = " in one entry" if in_entry else ""
    for duplicate in document.duplicates:
        problems.error(
            f"{'key ' if in_entry else ''}'{duplicate.key}' is given twice{where} (lines "
            f"{duplicate.first_line} and {duplicate.line}; keep one)",
            key=duplicate.key,
            line=duplicate.line,
        )
    for escaped in document.escaped:
        problems.error(
            f"a quoted value writes {invisible(escaped.char)} as an escape (delete the escape; "
            "the build leaves the character out)",
            line=escaped.line,
        )
