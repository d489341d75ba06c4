"""Coverage: which field has answered which question, for authors planning interviews."""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass

from .asks import Ask
from .index import Index
from .model import Field, Question

GAP = "·"
ASKED = "?"


@dataclass(frozen=True)
class Row:
    """A field's line of the matrix."""

    field: Field
    counts: tuple[int, ...]
    """Answers per question, in the order of `Coverage.questions`."""
    waiting: tuple[int, ...]
    """Readers' questions waiting per question, in the same order."""

    @property
    def gaps(self) -> int:
        return sum(1 for count in self.counts if count == 0)

    @property
    def total(self) -> int:
        """The field's answers to the questions of the matrix."""
        return sum(self.counts)


@dataclass(frozen=True)
class Coverage:
    """The field x question matrix, fields with the most gaps first."""

    questions: tuple[Question, ...]
    rows: tuple[Row, ...]
    asks: dict[str, list[Ask]]
    """Readers' questions still waiting, by field slug."""


@dataclass(frozen=True)
class Grid:
    """The matrix as its page shows it: the questions by theme, the fields by group, and the
    number of answers to each question."""

    themes: tuple[tuple[str | None, tuple[Question, ...]], ...]
    """The questions still asked, by theme (themes in catalog order, questions without one
    last)."""
    groups: tuple[tuple[str | None, tuple[Row, ...]], ...]
    """The fields' rows, by group (as on the fields page)."""
    totals: tuple[int, ...]
    """Answers to each question, in the order of `questions`: an interview in two fields
    is one answer, as on the questions page."""

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for _theme, questions in self.themes for q in questions)

    @property
    def total(self) -> int:
        """Answers to every question of the matrix."""
        return sum(self.totals)

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for _group, rows in self.groups for row in rows)

    @property
    def answered(self) -> int:
        """The cells with answers."""
        return sum(1 for row in self.rows for count in row.counts if count)

    @property
    def asked(self) -> int:
        """The cells without answers that readers are asking about."""
        return sum(
            1
            for row in self.rows
            for count, waiting in zip(row.counts, row.waiting, strict=True)
            if waiting and not count
        )

    @functools.cached_property
    def starts(self) -> frozenset[str]:
        """The ids of the questions that start a theme."""
        return frozenset(questions[0].id for _theme, questions in self.themes)


def grid(index: Index) -> Grid:
    """The matrix of the questions still asked, by theme, and of the fields, by group."""
    themes = tuple(
        (theme, live)
        for theme, questions in index.themes
        if (live := tuple(q for q in questions if not q.retired))
    )
    questions = tuple(q for _theme, live in themes for q in live)
    groups = tuple(
        (group, tuple(_row(index, item, questions) for item in fields))
        for group, fields in index.groups
    )
    totals = tuple(len(index.listings.answers_to(q)) for q in questions)
    return Grid(themes, groups, totals)


def _row(index: Index, item: Field, questions: tuple[Question, ...]) -> Row:
    return Row(
        item,
        tuple(index.listings.count(q, item) for q in questions),
        tuple(len(index.queue.waiting_for(q, item)) for q in questions),
    )


def coverage(index: Index) -> Coverage:
    """The matrix of the questions still asked (retired ones left out)."""
    questions = tuple(q for q in index.questions if not q.retired)
    rows = [_row(index, field, questions) for field in index.fields]
    rows.sort(key=lambda row: -row.gaps)  # stable: fields with as many gaps stay by name
    asks = {f.slug: waiting for f in index.fields if (waiting := index.queue.waiting_in(f))}
    return Coverage(questions, tuple(rows), asks)


def render_text(matrix: Coverage, name_width: int = 28) -> str:
    """The matrix for a terminal: numbered question columns, a legend, the open questions."""
    numbers = [str(i) for i in range(1, len(matrix.questions) + 1)]
    width = max([3, *(len(n) + 1 for n in numbers)])
    lines = [
        "Field".ljust(name_width) + "".join(n.rjust(width) for n in numbers) + "  gaps",
    ]
    for row in matrix.rows:
        cells = []
        for count, waiting in zip(row.counts, row.waiting, strict=True):
            cell = str(count) if count else (ASKED if waiting else GAP)
            cells.append(cell.rjust(width))
        name = row.field.name
        if len(name) > name_width - 1:
            name = name[: name_width - 2] + "…"
        lines.append(name.ljust(name_width) + "".join(cells) + f"  {row.gaps:4d}")
    lines += ["", f"{GAP} no answer yet   {ASKED} no answer yet, and readers are asking", ""]
    lines += [
        f"{n.rjust(3)}  {q.id}: {q.text}" for n, q in zip(numbers, matrix.questions, strict=True)
    ]
    lines += ["", "Open reader questions"]
    if not matrix.asks:
        lines.append("  none")
    for row in matrix.rows:
        for ask in matrix.asks.get(row.field.slug, []):
            match = f", {ask.matches.id}" if ask.matches else ""
            lines.append(
                f"  {row.field.name}: {ask.question} ({ask.status}, asked {ask.asked.isoformat()}"
                f"{match}) [{ask.id}]"
            )
    return "\n".join(lines) + "\n"


def render_csv(matrix: Coverage) -> str:
    """The matrix as CSV: a row per field, a column per question id, then gaps and open asks."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["field", "slug", *(q.id for q in matrix.questions), "gaps", "open_asks"])
    for row in matrix.rows:
        writer.writerow(
            [
                row.field.name,
                row.field.slug,
                *row.counts,
                row.gaps,
                len(matrix.asks.get(row.field.slug, [])),
            ]
        )
    return out.getvalue()
