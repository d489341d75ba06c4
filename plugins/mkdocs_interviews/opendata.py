"""The open data: the write-ups, fields and questions as JSON, for other tools to reuse."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .asks import Ask
from .index import Index
from .model import WriteUp


def interviews_data(index: Index, path_of: Callable[[WriteUp], str], base: str | None) -> list[Any]:
    """Every published write-up, newest first, with its metadata and answered questions."""
    return [
        {
            "slug": w.slug,
            "title": w.title,
            "path": path_of(w),
            "url": _absolute(base, path_of(w)),
            "fields": [f.slug for f in w.fields],
            "role": w.role,
            "date": w.date.isoformat(),
            "summary": w.summary,
            "interviewee": w.interviewee,
            "referred_by": w.referred_by if index.listings.writeup(w.referred_by) else None,
            "questions": [a.question.id for a in w.answers],
        }
        for w in index.listings.writeups
    ]


def fields_data(index: Index, path_of: Callable[[str], str], base: str | None) -> list[Any]:
    """Every field, by name, with its number of write-ups and answers per question."""
    result = []
    for field in index.fields:
        path = path_of(field.slug)
        result.append(
            {
                "slug": field.slug,
                "name": field.name,
                "description": field.description or None,
                "group": field.group,
                "aliases": list(field.aliases),
                "path": path,
                "url": _absolute(base, path),
                "interviews": len(index.listings.writeups_in(field)),
                "answers": {q.id: n for q, n in index.listings.questions_in(field)},
            }
        )
    return result


def questions_data(index: Index, path_of: Callable[[str], str], base: str | None) -> list[Any]:
    """Every question, in catalog order, with its answer counts in total and per field."""
    result = []
    for question in index.questions:
        path = path_of(question.id)
        fields = index.listings.fields_answering(question)
        result.append(
            {
                "id": question.id,
                "text": question.text,
                "aliases": list(question.aliases),
                "theme": question.theme,
                "retired": question.retired,
                "replaced_by": question.replaced_by,
                "path": path if fields or not question.retired else None,
                "url": _absolute(base, path) if fields or not question.retired else None,
                "answers": len(index.listings.answers_to(question)),
                "by_field": {f.slug: index.listings.count(question, f) for f in fields},
            }
        )
    return result


def asks_data(
    index: Index,
    path_of: Callable[[WriteUp], str],
    base: str | None,
    issue_url: Callable[[int | None], str | None],
) -> list[Any]:
    """Every reader's question, in the order of `asks.yml`, with where it stands: its issue,
    how many readers want it, and the address of the published write-up that answers it."""
    return [
        {
            "id": ask.id,
            "question": ask.question,
            "field": ask.field.name,
            "field_slug": ask.field.slug,
            "asked": ask.asked.isoformat(),
            "status": ask.status,
            "issue": ask.issue,
            "issue_url": issue_url(ask.issue),
            "readers": ask.readers,
            "merged_into": ask.merged_into,
            "answered_in": ask.answered_in,
            "answer_url": _answer_url(index, ask, path_of, base),
        }
        for ask in sorted(index.queue.asks, key=lambda a: a.line)
    ]


def _answer_url(
    index: Index, ask: Ask, path_of: Callable[[WriteUp], str], base: str | None
) -> str | None:
    """The absolute address of the published write-up that answers an ask, at the answer
    to the question it `matches` when the write-up answers that one; None if there is none."""
    answer = index.queue.answering(ask)
    if base is None or ask.status != "answered" or answer is None or answer.draft:
        return None
    url = absolute(base, path_of(answer))
    if ask.matches is not None and any(a.question.id == ask.matches.id for a in answer.answers):
        url += f"#{ask.matches.id}"
    return url


def dump(data: Any) -> bytes:
    """JSON text: indented, ASCII-only (so nothing depends on how a client decodes it), with
    `<`, `>` and `&` escaped, so that no page that embeds or sniffs it reads markup in it."""
    text = json.dumps(data, indent=2, ensure_ascii=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode()


def _absolute(base: str | None, path: str) -> str | None:
    return None if base is None else absolute(base, path)


def absolute(base: str, path: str) -> str:
    """A site-relative URL (`fields/music/`, `./` for the home page) made absolute."""
    path = path[2:] if path.startswith("./") else path.lstrip("/")
    return base.rstrip("/") + "/" + path
