"""Finding each answer's heading in a write-up's Markdown, and anchoring it by question id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .catalogs import QuestionCatalog
from .model import Answer, WriteUp
from .sections import Heading, scan_headings, set_anchor
from .writeups import question_of


@dataclass(frozen=True)
class AnswerHeading:
    """Where an answer is in a write-up's Markdown: its heading and the line its section ends."""

    answer: Answer
    heading: Heading
    end: int
    """The index of the first line after the section (the next `#`/`##` heading, or the end)."""


def answer_headings(
    markdown: str, writeup: WriteUp, questions: QuestionCatalog
) -> Iterator[AnswerHeading]:
    """Each answer's `##` heading in `markdown`, in order; the first, if a question has two."""
    headings = scan_headings(markdown)
    answers = {answer.question.id: answer for answer in writeup.answers}
    total = markdown.count("\n") + 1
    for position, heading in enumerate(headings):
        if heading.level != 2:
            continue
        question = question_of(heading, questions)
        if question is None or question.id not in answers:
            continue
        end = next((h.line for h in headings[position + 1 :] if h.level <= 2), total)
        yield AnswerHeading(answers.pop(question.id), heading, end)


def anchor_answers(markdown: str, writeup: WriteUp, questions: QuestionCatalog) -> str:
    """The write-up's Markdown with each answer's `##` heading anchored by its question id.

    Whatever wording the author used, the heading gets `{ #<question id> }` (other
    attributes of the heading are kept), so links to an answer never depend on wording.
    """
    lines: list[str] | None = None
    for found in answer_headings(markdown, writeup, questions):
        if found.heading.anchor == found.answer.question.id:
            continue
        if lines is None:
            lines = markdown.split("\n")
        set_anchor(lines, found.heading, found.answer.question.id)
    return markdown if lines is None else "\n".join(lines)
