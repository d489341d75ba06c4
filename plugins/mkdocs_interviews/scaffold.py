"""A new write-up, scaffolded: valid front matter and one `##` heading per question."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import yaml

from .model import Field, Question, slugify


@dataclass(frozen=True)
class Scaffold:
    """What `new` writes: the file's path (relative to the docs folder) and its text."""

    path: str
    text: str


MAX_SLUG = 80
"""The most characters of the title's slug in a new write-up's file name: file systems take
255 bytes a name, and a slug is a URL that people read."""


def scaffold_path(interviews_dir: str, date: datetime.date, title: str, role: str) -> str:
    """`<interviews_dir>/<date>-<slug of the title>.md` (the role's slug if the title has none),
    the slug cut at a word to at most MAX_SLUG characters."""
    slug = short_slug(title) or short_slug(role) or "interview"
    return f"{interviews_dir}/{date.isoformat()}-{slug}.md"


def short_slug(text: str, limit: int = MAX_SLUG) -> str:
    """The slug of `text`, cut after its last whole word within `limit` characters (or, when
    its first word is longer, at `limit`)."""
    slug = slugify(text)
    if len(slug) <= limit:
        return slug
    # A hyphen just past the limit ends a whole word too.
    words, hyphen, _rest = slug[: limit + 1].rpartition("-")
    return words.strip("-") if hyphen and words.strip("-") else slug[:limit].strip("-")


def scaffold(
    *,
    interviews_dir: str,
    title: str,
    fields: list[Field],
    role: str,
    date: datetime.date,
    questions: list[Question],
    summary: str | None = None,
    interviewee: str | None = None,
    referred_by: str | None = None,
    draft: bool = False,
) -> Scaffold:
    """A write-up ready to be filled in: the answers are left empty for the author. The
    optional keys left out are written as comments, to be filled in later."""
    field_value: Any = fields[0].name if len(fields) == 1 else [f.name for f in fields]
    meta = [
        ("title", title),
        ("field", field_value),
        ("role", role),
        ("date", date),
        ("questions", [q.id for q in questions]),
    ]
    optional = [
        ("summary", summary, "One sentence for listings."),
        ("interviewee", interviewee, "Their name, or anonymous"),
        (
            "referred_by",
            referred_by,
            "<the slug of the write-up whose interviewee introduced them>",
        ),
    ]
    lines = ["---"]
    lines += [_yaml_line(key, value) for key, value in meta]
    lines += [
        _yaml_line(key, value) if value else f"# {key}: {hint}" for key, value, hint in optional
    ]
    if draft:
        lines.append("draft: true  # shown by 'mkdocs serve', left out of 'mkdocs build'")
    lines += [
        "---",
        "",
        "<!-- Introduce the conversation: who they are, how you met, why you asked. -->",
        "",
        "<!-- Question pages quote the start of each answer. To choose the passage they",
        "     quote, put {: .pull-quote } on the line right after its paragraph. -->",
        "",
    ]
    for question in questions:
        lines += [f"## {question.text}", "", ""]
    path = scaffold_path(interviews_dir, date, title, role)
    return Scaffold(path, "\n".join(lines).rstrip("\n") + "\n")


def _yaml_line(key: str, value: Any) -> str:
    # One key at a time, so lists stay on one line and strings get quotes only when needed.
    if isinstance(value, list):
        flow = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
        return f"{key}: {flow.strip()}"
    text = yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=False, width=10_000)
    return text.rstrip("\n")
