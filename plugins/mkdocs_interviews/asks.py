"""Readers' questions waiting for an answer: `asks.yml`, the queue the author works through.

A reader asks (usually through the issue form); the author records the question here, takes
it to someone in the field, and marks it answered by the write-up that answers it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .catalogs import Catalog, FieldCatalog, QuestionCatalog
from .entries import Entry, read_entries
from .model import Field, Question, slugify
from .problems import FileProblems
from .text import did_you_mean
from .yamlfile import describe, quote

ASK_KEYS = (
    "id",
    "question",
    "field",
    "asked",
    "status",
    "answered_in",
    "matches",
    "merged_into",
    "issue",
    "readers",
)
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
    issue: int | None = None
    """The number of the GitHub issue the reader asked in, if they did."""
    readers: int = 0
    """How many readers want it answered: the issue's 👍 count at the last import."""
    line: int = 0
    """The line of the entry."""
    answered_in_line: int = 0
    """The line of `answered_in` (the entry's, without one), for messages about it."""
    merged_into_line: int = 0
    """The line of `merged_into` (the entry's, without one), for messages about it."""

    @property
    def waiting(self) -> bool:
        return self.status in WAITING and self.merged_into is None


class AskCatalog(Catalog[Ask]):
    """The asks of `asks.yml` (none when there is no such file), findable by id."""

    @property
    def asks(self) -> tuple[Ask, ...]:
        return self.items

    def key(self, item: Ask) -> str:
        return item.id


ASK_FIXES = {
    "id": "add a short kebab-case id, like 'id: typical-day-in-radio'",
    "question": "add the reader's question, in their words",
    "asked": "add the date the question came in, like 'asked: 2025-04-02'",
}
"""How to fix each key an ask needs, when it is missing (and 'field', which names the
fields' catalog: see `read_asks`)."""


def read_asks(
    path: str, data: bytes | None, fields: FieldCatalog, questions: QuestionCatalog
) -> tuple[AskCatalog, FileProblems]:
    """Read `asks.yml` (optional): its valid entries, and the problems of the others.

    Whether `answered_in` names a write-up is checked with the write-ups (`project`).
    """
    problems = FileProblems(path)
    if data is None:
        return AskCatalog(path), problems
    fix_field = f"add the field the reader asked about, as in {fields.path}"
    entries = read_entries(
        path,
        data,
        problems,
        "asks",
        "'- id: ...' entries with question, field and asked",
        typed=("asked", "issue", "readers"),
        fixes={**ASK_FIXES, "field": fix_field},
    )
    if entries is None:
        return AskCatalog(path), problems
    asks: list[Ask] = []
    seen: dict[str, int] = {}
    issues: dict[int, int] = {}
    for entry in entries:
        ask = _read_ask(entry, fields, questions)
        if ask is not None and entry.unique_id("ask", ask.id, seen):
            _check_issue(entry, ask, issues)
            asks.append(ask)
    _check_merges(asks, problems)
    return AskCatalog(path, tuple(asks)), problems


def _read_ask(entry: Entry, fields: FieldCatalog, questions: QuestionCatalog) -> Ask | None:
    """The ask of an entry of `asks.yml`, or None after reporting why it is none."""
    ask_id = entry.kebab_id("ask", "typical-day-in-radio")
    if ask_id is None:
        return None
    entry.unknown_keys(ASK_KEYS)
    question = entry.text("question", required=True)
    item = _ask_field(entry, fields)
    asked = entry.date("asked")
    status = _ask_status(entry)
    answered_in, unanswered = _ask_answered_in(entry, status)
    matches = _ask_matches(entry, questions)
    merged_into = entry.text("merged_into")
    issue = _count(entry, "issue", 1, "the number of the reader's issue, like 'issue: 123'")
    readers = _count(entry, "readers", 0, "how many readers want it answered, like 'readers: 4'")
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
        issue=issue,
        readers=readers or 0,
        line=entry.lines.line,
        answered_in_line=entry.line("answered_in"),
        merged_into_line=entry.line("merged_into"),
    )


def _count(entry: Entry, key: str, least: int, example: str) -> int | None:
    """The whole number `key` holds (None without one), `least` or more; reported otherwise."""
    value = entry.values.get(key)
    if value is None:
        return None
    # `true` is an int to Python, and no count.
    if isinstance(value, int) and not isinstance(value, bool) and value >= least:
        return value
    kind = "a whole number, 1 or more" if least else "a whole number, 0 or more"
    shown = str(value) if isinstance(value, int) and not isinstance(value, bool) else None
    entry.error(
        key, f"{entry.label}: '{key}' must be {kind} ({example}), not {shown or describe(value)}"
    )
    return None


def _check_issue(entry: Entry, ask: Ask, issues: dict[int, int]) -> None:
    """Report an issue an earlier entry names too (`issues`: the line of each issue so far)."""
    if ask.issue is None:
        return
    line = entry.line("issue")
    if ask.issue in issues:
        entry.error(
            "issue",
            f"{entry.label}: issue {ask.issue} is named twice (lines {issues[ask.issue]} and "
            f"{line}; one issue is one ask: keep one entry, or merge the other with "
            "'merged_into')",
        )
        return
    issues[ask.issue] = line


def _ask_answered_in(entry: Entry, status: str | None) -> tuple[str | None, bool]:
    """The write-up that answers the ask, and whether it is said answered without one."""
    answered_in = entry.text("answered_in")
    unanswered = status == "answered" and answered_in is None and "answered_in" not in entry.values
    if unanswered:
        entry.error(
            "answered_in",
            f"{entry.label} is answered but has no 'answered_in' (add the slug of the write-up "
            "that answers it)",
            entry.line("status"),
        )
    elif answered_in is not None and status in WAITING:
        entry.warning(
            "status",
            f"{entry.label} has 'answered_in' but its status is '{status}' (set 'status: "
            "answered')",
            entry.line("status" if "status" in entry.values else "answered_in"),
        )
    return answered_in, unanswered


def _ask_field(entry: Entry, fields: FieldCatalog) -> Field | None:
    """The field the ask is about, or None after reporting it missing or not in the catalog."""
    field_name = entry.text("field")
    if field_name is None:
        value = entry.values.get("field")
        # Text, but blank: the reader's question must not be dropped without a word.
        if value is None or (isinstance(value, str) and not value.strip()):
            entry.missing("field")
        return None
    if not fields.loaded:
        return Field(field_name, slugify(field_name))
    return entry.look_up(
        "field", field_name, f"field {quote(field_name)}", fields, f"use a field of {fields.path}"
    )


def _ask_status(entry: Entry) -> str | None:
    """The ask's status ('open' without one), or None after reporting another."""
    status = entry.values.get("status", "open")
    if status in STATUSES:
        return str(status)
    entry.error(
        "status",
        f"{entry.label}: status {describe(status)} is not one of {', '.join(STATUSES)}"
        f"{did_you_mean(str(status), STATUSES)}",
    )
    return None


def _ask_matches(entry: Entry, questions: QuestionCatalog) -> Question | None:
    """The catalog question the ask is, if it names one; reported if it names another."""
    match_id = entry.text("matches")
    if match_id is None or not questions.loaded:
        return None
    return entry.look_up(
        "matches",
        match_id,
        f"'matches' names {quote(match_id)}, which",
        questions,
        "use a question id there",
        by_key=True,
    )


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
