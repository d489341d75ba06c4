"""Readers' questions waiting for an answer: `asks.yml`, the queue the author works through.

A reader asks (usually through the issue form); the author records the question here, takes
it to someone in the field, and marks it answered by the write-up that answers it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from .catalogs import (
    FieldCatalog,
    QuestionCatalog,
    entry_text,
    read_entries,
    read_id,
    warn_unknown_keys,
)
from .model import Field, Question, slugify
from .problems import FileProblems
from .text import as_date, did_you_mean
from .yamlfile import Lines, describe, quote

ASK_KEYS = ("id", "question", "field", "asked", "status", "answered_in", "matches", "merged_into")
STATUSES = ("open", "with-network", "answered", "declined")
"""An ask is open, then taken to someone in the field, then answered (or declined)."""
WAITING = ("open", "with-network")
"""The statuses of asks still waiting for an answer."""


@dataclass(frozen=True)
class Ask:
    """A reader's question, as the author recorded it in `asks.yml`."""

    id: str
    question: str
    """The reader's own words."""
    field: Field
    asked: datetime.date
    status: str = "open"
    answered_in: str | None = None
    """The slug of the write-up that answers it."""
    matches: Question | None = None
    """The catalog question it is, if it is one."""
    merged_into: str | None = None
    """The id of the ask it was merged into (the same question, asked again)."""
    line: int = 0
    """The line of the entry."""
    answered_in_line: int = 0
    """The line of `answered_in` (the entry's, without one), for messages about it."""
    merged_into_line: int = 0
    """The line of `merged_into` (the entry's, without one), for messages about it."""

    @property
    def waiting(self) -> bool:
        return self.status in WAITING and self.merged_into is None


@dataclass(frozen=True)
class AskCatalog:
    """The asks of `asks.yml` (none when there is no such file)."""

    path: str
    asks: tuple[Ask, ...] = ()
    _by_id: dict[str, Ask] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((ask.id, ask) for ask in self.asks)

    def get(self, ask_id: str) -> Ask | None:
        return self._by_id.get(ask_id)


def read_asks(
    path: str, data: bytes | None, fields: FieldCatalog, questions: QuestionCatalog
) -> tuple[AskCatalog, FileProblems]:
    """Read `asks.yml` (optional): its valid entries, and the problems of the others.

    Whether `answered_in` names a write-up is checked with the write-ups (`project`).
    """
    problems = FileProblems(path)
    if data is None:
        return AskCatalog(path), problems
    entries = read_entries(
        path,
        data,
        problems,
        "asks",
        "'- id: ...' entries with question, field and asked",
        typed=("asked",),
    )
    if entries is None:
        return AskCatalog(path), problems
    asks: list[Ask] = []
    seen: dict[str, int] = {}
    for number, entry, lines in entries:
        ask = _read_ask(number, entry, lines, fields, questions, problems)
        if ask is None:
            continue
        line = lines.of("id")
        if ask.id in seen:
            problems.error(
                f"ask id '{ask.id}' is used twice (lines {seen[ask.id]} and {line}; ids must be "
                "unique)",
                key="id",
                line=line,
            )
            continue
        seen[ask.id] = line
        asks.append(ask)
    _check_merges(asks, problems)
    return AskCatalog(path, tuple(asks)), problems


def _read_ask(
    number: int,
    entry: dict[str, Any],
    lines: Lines,
    fields: FieldCatalog,
    questions: QuestionCatalog,
    problems: FileProblems,
) -> Ask | None:
    ask_id = read_id(entry, number, lines, problems, "ask", "a short", "typical-day-in-radio")
    if ask_id is None:
        return None
    label = f"ask '{ask_id}'"
    warn_unknown_keys(entry, ASK_KEYS, label, lines, problems)
    question = entry_text(entry, "question", label, lines, problems)
    if question is None and isinstance(entry.get("question"), str | None):
        problems.error(
            f"{label} has no 'question' (add the reader's question, in their words)",
            key="question",
            line=lines.of("question"),
        )
    item = _ask_field(entry, label, lines, fields, problems)
    asked = _ask_date(entry, label, lines, problems)
    status = _ask_status(entry, label, lines, problems)
    answered_in, unanswered = _ask_answered_in(entry, label, lines, status, problems)
    matches = _ask_matches(entry, label, lines, questions, problems)
    merged_into = entry_text(entry, "merged_into", label, lines, problems)
    if question is None or item is None or asked is None or status is None or unanswered:
        return None
    return Ask(
        id=ask_id,
        question=question,
        field=item,
        asked=asked,
        status=status,
        answered_in=answered_in,
        matches=matches,
        merged_into=merged_into,
        line=lines.line,
        answered_in_line=lines.of("answered_in"),
        merged_into_line=lines.of("merged_into"),
    )


def _ask_answered_in(
    entry: dict[str, Any], label: str, lines: Lines, status: str | None, problems: FileProblems
) -> tuple[str | None, bool]:
    """The write-up that answers the ask, and whether it is said answered without one."""
    answered_in = entry_text(entry, "answered_in", label, lines, problems)
    unanswered = status == "answered" and answered_in is None and "answered_in" not in entry
    if unanswered:
        problems.error(
            f"{label} is answered but has no 'answered_in' (add the slug of the write-up that "
            "answers it)",
            key="answered_in",
            line=lines.of("status"),
        )
    elif answered_in is not None and status in WAITING:
        problems.warning(
            f"{label} has 'answered_in' but its status is '{status}' (set 'status: answered')",
            key="status",
            line=lines.of("status" if "status" in entry else "answered_in"),
        )
    return answered_in, unanswered


def _ask_field(
    entry: dict[str, Any], label: str, lines: Lines, fields: FieldCatalog, problems: FileProblems
) -> Field | None:
    field_name = entry_text(entry, "field", label, lines, problems)
    if field_name is None:
        if "field" not in entry or entry["field"] in (None, ""):
            problems.error(
                f"{label} has no 'field' (add the field the reader asked about, as in "
                f"{fields.path})",
                key="field",
                line=lines.of("field"),
            )
        return None
    if not fields.loaded:
        return Field(field_name, slugify(field_name))
    item = fields.find(field_name)
    if item is None:
        suggestion = fields.suggest(field_name)
        hint = f"did you mean '{suggestion}'?" if suggestion else f"use a field of {fields.path}"
        problems.error(
            f"{label}: field {quote(field_name)} is not in {fields.path} ({hint})",
            key="field",
            line=lines.of("field"),
        )
    return item


def _ask_date(
    entry: dict[str, Any], label: str, lines: Lines, problems: FileProblems
) -> datetime.date | None:
    asked = as_date(entry.get("asked"))
    if asked is None and entry.get("asked") is None:
        problems.error(
            f"{label} has no 'asked' (add the date the question came in, like 'asked: 2025-04-02')",
            key="asked",
            line=lines.of("asked"),
        )
    elif asked is None:
        problems.error(
            f"{label}: 'asked' must be a date like 2025-04-02, not {describe(entry.get('asked'))}",
            key="asked",
            line=lines.of("asked"),
        )
    return asked


def _ask_status(
    entry: dict[str, Any], label: str, lines: Lines, problems: FileProblems
) -> str | None:
    status = entry.get("status", "open")
    if status in STATUSES:
        return str(status)
    problems.error(
        f"{label}: status {describe(status)} is not one of {', '.join(STATUSES)}"
        f"{did_you_mean(str(status), STATUSES)}",
        key="status",
        line=lines.of("status"),
    )
    return None


def _ask_matches(
    entry: dict[str, Any],
    label: str,
    lines: Lines,
    questions: QuestionCatalog,
    problems: FileProblems,
) -> Question | None:
    match_id = entry_text(entry, "matches", label, lines, problems)
    if match_id is None or not questions.loaded:
        return None
    matches = questions.get(match_id)
    if matches is None:
        suggestion = questions.suggest(match_id)
        hint = f"did you mean '{suggestion}'?" if suggestion else "use a question id there"
        problems.error(
            f"{label}: 'matches' names {quote(match_id)}, which is not in {questions.path} "
            f"({hint})",
            key="matches",
            line=lines.of("matches"),
        )
    return matches


def _check_merges(asks: list[Ask], problems: FileProblems) -> None:
    by_id = {ask.id: ask for ask in asks}
    for ask in asks:
        if ask.merged_into is None:
            continue
        if ask.merged_into not in by_id:
            problems.error(
                f"ask '{ask.id}': 'merged_into' names '{ask.merged_into}', which is not an ask"
                f"{did_you_mean(ask.merged_into, by_id)}",
                key="merged_into",
                line=ask.merged_into_line,
            )
            continue
        # Follow the merges: they must end at an ask that is not merged itself.
        chain = [ask.id]
        target: Ask | None = by_id[ask.merged_into]
        while target is not None and target.merged_into is not None and target.id not in chain:
            chain.append(target.id)
            target = by_id.get(target.merged_into)
        # A circle is reported once, on its first ask in id order.
        if (
            target is not None
            and target.id in chain
            and ask.id == min(chain[chain.index(target.id) :])
        ):
            problems.error(
                f"ask '{ask.id}': 'merged_into' goes round in a circle: "
                f"{' -> '.join([*chain, target.id])} (one of them must be the ask the others "
                "merge into)",
                key="merged_into",
                line=ask.merged_into_line,
            )
