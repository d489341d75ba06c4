"""Reading entries key by key: an item of a catalog's or `asks.yml`'s list, or a front matter.

An `Entry` reads one YAML mapping's values as text, a flag, a date, an id or a slug, a list of
wordings, or a name looked up in a catalog, and reports each wrong one as a problem naming
the file, the line, the key, what is wrong and the fix; a wrong value is read as missing.
`read_entries` reads a file that is a list of such mappings.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Protocol, TypeVar

from .model import SLUG_PATTERN, slugify
from .problems import FileProblems
from .text import as_date, decode, did_you_mean, invisible
from .yamlfile import Lines, YamlDocument, YamlError, as_written, describe, load_yaml, quote

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Lookup(Protocol[T_co]):
    """A catalog as an entry looks names up in it (see `catalogs.Catalog`)."""

    @property
    def path(self) -> str: ...

    def get(self, key: str) -> T_co | None: ...

    def find(self, name: str) -> T_co | None: ...

    def suggest(self, name: str) -> str | None: ...


class Entry:
    """One YAML mapping, read key by key; every wrong value is reported and read as missing.

    `label` names the entry in messages ("entry 3", then "question 'typical-day'" once its id
    is read; "" for a front matter, where the file is the entry); `fixes` says, for each key
    an entry needs, how to fix it missing.
    """

    __slots__ = ("fixes", "label", "lines", "problems", "values")

    def __init__(
        self,
        values: Mapping[Any, Any],
        lines: Lines,
        problems: FileProblems,
        label: str = "",
        fixes: Mapping[str, str] | None = None,
    ) -> None:
        self.values = values
        self.lines = lines
        self.problems = problems
        self.label = label
        self.fixes: Mapping[str, str] = fixes or {}

    @property
    def prefix(self) -> str:
        """What a message about one of the entry's values starts with."""
        return f"{self.label}: " if self.label else ""

    def line(self, key: str) -> int:
        """The line of `key` (the entry's own, without the key)."""
        return self.lines.of(key)

    def item_line(self, key: str, index: int | None) -> int:
        """The line of item `index` of the list `key` holds (of `key`, without an index)."""
        # Lines are looked up only for messages: most entries have none.
        return self.line(key) if index is None else self.lines[key].of(index)

    def error(self, key: str, message: str, line: int | None = None) -> None:
        """Report an error about `key`, at its line unless told another."""
        self.problems.error(message, key=key, line=self.line(key) if line is None else line)

    def warning(self, key: str, message: str, line: int | None = None) -> None:
        """Report a warning about `key`, at its line unless told another."""
        self.problems.warning(message, key=key, line=self.line(key) if line is None else line)

    def missing(self, key: str) -> None:
        """Report that the entry has no value for `key`, with its fix."""
        self.error(key, f"{self.label} has no '{key}' ({self.fixes[key]})")

    def empty(self, key: str) -> None:
        """Report that the value of `key` is blank (for an entry, the same as missing)."""
        self.missing(key)

    def required(self, key: str) -> Any:
        """The value of `key`, or None after reporting it missing."""
        value = self.values.get(key)
        if value is None:
            self.missing(key)
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        """The value of `key` as text, stripped; None when it is missing, blank or not text."""
        value = self.required(key) if required else self.values.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            # A plain `yes`, `007` or `2025-04-02` is already text (`as_written`): this is a
            # list, a mapping, or a value with an explicit tag (`!!int "7"`).
            self.error(key, f"{self.prefix}'{key}' must be text, not {describe(value)}")
            return None
        text = value.strip()
        if not text and required:
            self.empty(key)
        return text or None

    def flag(self, key: str) -> bool:
        """The true/false value of `key` (false without one, or after reporting another)."""
        value = self.values.get(key, False)
        if isinstance(value, bool):
            return value
        self.error(key, f"{self.prefix}'{key}' must be true or false, not {describe(value)}")
        return False

    def date(self, key: str) -> datetime.date | None:
        """The date of `key` (a YAML date, or one written as text); reported missing or not
        a date."""
        value = self.required(key)
        if value is None:
            return None
        date = as_date(value)
        if date is None:
            self.error(
                key, f"{self.prefix}'{key}' must be a date like 2025-04-02, not {describe(value)}"
            )
        return date

    def kebab_id(self, kind: str, example: str) -> str | None:
        """The entry's kebab-case `id`, or None after reporting it missing or malformed.

        `kind` says what has the id ('question'); once the id is read, messages name the
        entry by both ("question 'typical-day'").
        """
        value = self.required("id")
        if value is None:
            return None
        if isinstance(value, str) and not value.strip():
            self.empty("id")
            return None
        if not isinstance(value, str) or not SLUG_PATTERN.match(value.strip()):
            shown = str(value)
            self.error(
                "id",
                f"{kind} id {quote(shown)} is not kebab-case (use lowercase words joined by "
                f"hyphens, like '{slugify(shown) or example}')",
            )
            return None
        self.label = f"{kind} '{value.strip()}'"
        return value.strip()

    def slug(self, key: str, default: str, example: str) -> str | None:
        """The slug `key` gives, else `default`; None after reporting one that is not a slug."""
        slug = self.text(key)
        if slug is None:
            return default
        if SLUG_PATTERN.match(slug):
            return slug
        self.error(
            key,
            f"{self.prefix}'{key}' {quote(slug)} is not a slug (use lowercase letters, digits "
            f"and hyphens, like '{slugify(slug) or example}')",
        )
        return None

    def wordings(self, key: str) -> tuple[str, ...]:
        """The list of text of `key`, each stripped; () without one, or after reporting it."""
        value = self.values.get(key)
        if value is None:
            return ()
        if isinstance(value, list):
            odd = first_odd(value)
            if odd is None:
                return tuple(item.strip() for item in value)
            shown, odd_item = f"a list holding {describe(value[odd])}", odd
        else:
            shown, odd_item = describe(value), None
        self.error(
            key,
            f"{self.prefix}'{key}' must be a list of wordings, like [First wording, Second "
            f"wording], not {shown}",
            self.item_line(key, odd_item),
        )
        return ()

    def unknown_keys(self, known: tuple[str, ...], others: frozenset[str] | None = None) -> None:
        """Warn of each key that is not `known`, with the known key it is close to, or else
        the keys there are. Where other tools read keys of their own (`others`, never
        reported), only a near-miss of a known key is."""
        for raw_key in self.values:
            key = str(raw_key)
            if key in known or (others is not None and key in others):
                continue
            hint = did_you_mean(key, known)
            if not hint and others is not None:
                continue
            hint = hint or f" (the keys are {', '.join(known)})"
            self.warning(key, f"{self.prefix}unknown key '{key}'{hint}")

    def look_up(
        self,
        key: str,
        name: str,
        what: str,
        catalog: Lookup[T],
        otherwise: str,
        *,
        by_key: bool = False,
        item: int | None = None,
    ) -> T | None:
        """What `catalog` has of `name` (by key or wording; only by key with `by_key`), or
        None after reporting `what` ("field 'X'") not in it, with the closest name there is,
        or else `otherwise` as the fix; `item` is the index of `name` in the list `key`
        holds, if it is one."""
        found = catalog.get(name) if by_key else catalog.find(name)
        if found is None:
            suggestion = catalog.suggest(name)
            hint = f"did you mean '{suggestion}'?" if suggestion else otherwise
            message = f"{self.prefix}{what} is not in {catalog.path} ({hint})"
            self.error(key, message, self.item_line(key, item))
        return found

    def unique_id(self, kind: str, value: str, seen: dict[str, int]) -> bool:
        """Whether no entry before this one has the id `value`; reported if one has. `seen`
        holds the line of each id read so far, this one's added."""
        line = self.line("id")
        if value in seen:
            self.error(
                "id",
                f"{kind} id '{value}' is used twice (lines {seen[value]} and {line}; ids must "
                "be unique)",
            )
            return False
        seen[value] = line
        return True


def first_odd(items: list[Any]) -> int | None:
    """The index of the first item that is not text, or is blank, if any."""
    return next(
        (i for i, item in enumerate(items) if not (isinstance(item, str) and item.strip())), None
    )


def read_entries(
    path: str,
    data: bytes | None,
    problems: FileProblems,
    what: str,
    example: str,
    typed: tuple[str, ...] = (),
    fixes: Mapping[str, str] | None = None,
) -> list[Entry] | None:
    """The entries of a file that is a list of mappings (the others reported); None if the
    file is missing, unreadable or not a list, reported. `what` and `example` say what the
    list holds, for messages; `fixes` are the entries' (see `Entry`).

    Every value but those of the `typed` keys (dates, true/false) is text, or a list of text:
    a plain scalar is read as written (`name: 1984` is '1984', `text: Yes` is 'Yes').
    """
    document = _read_list(path, data, problems, what, example)
    if document is None:
        return None
    report_read(document, problems, in_entry=True)
    entries = []
    for index, item in enumerate(document.data):
        number = index + 1
        if isinstance(item, dict):
            lines = document.lines[index]
            values = {
                key: value if key in typed else as_written(value, lines, key)
                for key, value in item.items()
            }
            entries.append(Entry(values, lines, problems, f"entry {number}", fixes))
        else:
            problems.error(
                f"entry {number} must be a mapping ({example}), not {describe(item)}",
                line=document.lines.of(index),
            )
    return entries


def _read_list(
    path: str, data: bytes | None, problems: FileProblems, what: str, example: str
) -> YamlDocument | None:
    """The file's YAML, when the file is there and holds a list; else None, reported."""
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
    """The YAML of a list file, or None after reporting where it is not valid."""
    try:
        return load_yaml(text)
    except YamlError as error:
        problems.error(
            f"the file is not valid YAML: {error.problem} (check the indentation and quoting "
            "near this line)",
            line=error.line,
        )
        return None


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
