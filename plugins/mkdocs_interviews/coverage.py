"""Coverage: which field has answered which question, for authors planning interviews."""

from __future__ import annotations

import csv
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


@dataclass(frozen=True)
class Coverage:
    """The field x question matrix, fields with the most gaps first."""

    questions: tuple[Question, ...]
    rows: tuple[Row, ...]
    asks: dict[str, list[Ask]]
    """Readers' questions still waiting, by field slug."""


def coverage(index: Index) -> Coverage:
    """The matrix of the questions still asked (retired ones left out)."""
    questions = tuple(q for q in index.questions if not q.retired)
    rows = [
        Row(
            field,
            tuple(index.listings.count(q, field) for q in questions),
            tuple(len(index.queue.waiting_for(q, field)) for q in questions),
        )
        for field in index.fields
    ]
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
