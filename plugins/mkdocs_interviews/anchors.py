"""Giving each answer's heading its question id as anchor: `interviews/<slug>/#typical-day`."""

from __future__ import annotations

from .catalogs import QuestionCatalog
from .model import WriteUp
from .sections import scan_headings, set_anchor
from .writeups import question_of


def anchor_answers(markdown: str, writeup: WriteUp, questions: QuestionCatalog) -> str:
    """The write-up's Markdown with each answer's `##` heading anchored by its question id.

    Whatever wording the author used, the heading gets `{ #<question id> }` (other
    attributes of the heading are kept), so links to an answer never depend on wording.
    """
    answered = {answer.question.id for answer in writeup.answers}
    lines: list[str] | None = None
    for heading in scan_headings(markdown):
        if heading.level != 2:
            continue
        question = question_of(heading, questions)
        if question is None or question.id not in answered:
            continue
        answered.discard(question.id)  # the first section is the answer; a second is reported
        if heading.anchor == question.id:
            continue
        if lines is None:
            lines = markdown.split("\n")
        set_anchor(lines, heading, question.id)
    return markdown if lines is None else "\n".join(lines)
