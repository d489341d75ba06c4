"""The domain types: fields, questions, write-ups and their answers.

Plain frozen dataclasses with no MkDocs in sight: the plugin, the command line and the
tests all work on these.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

from slugify import slugify as _slugify

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What a slug or a question id looks like: lowercase ASCII words joined by hyphens."""

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""The file name endings MkDocs builds as pages (`mkdocs.utils.markdown_extensions`), case and
all: MkDocs copies `x.MD` as a raw file."""

URL_SAFE_NAME = re.compile(r"[A-Za-z0-9._-]+")
"""A file name that makes a clean URL as it is (`first.last`, `Editor_2025`): nothing a URL
must escape (spaces, `#`, `?`, `%`, accents...)."""


def slugify(text: str) -> str:
    """A URL slug for a name: 'Música & Film' -> 'musica-film', 'R&D / Labs' -> 'r-d-labs'."""
    return _slugify(text, separator="-", lowercase=True)


_NOT_WORDING = re.compile(r"[^\w\s]|_")


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The form in which wordings are compared: case, punctuation and spacing ignored.

    'What's a typical day?' and 'whats a  typical day' compare equal. (Cached: the same
    headings come back in write-up after write-up.)
    """
    text = _NOT_WORDING.sub("", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(text.split())


@dataclass(frozen=True)
class Field:
    """A field (industry) from `fields.yml`."""

    name: str
    slug: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    group: str | None = None


@dataclass(frozen=True)
class Question:
    """A canonical question from `questions.yml`."""

    id: str
    text: str
    aliases: tuple[str, ...] = ()
    theme: str | None = None
    retired: bool = False
    replaced_by: str | None = None


@dataclass(frozen=True)
class Answer:
    """One question answered in a write-up: the Markdown under the question's `##` heading."""

    question: Question
    heading: str
    """The heading's text as the author wrote it (without `##` or an attribute list)."""
    markdown: str
    """The section's Markdown, up to the next heading of the same or a higher level."""
    line: int
    """The heading's line in the write-up's file."""


@dataclass(frozen=True)
class WriteUp:
    """One interview, as read from `interviews/<slug>.md`."""

    slug: str
    path: str
    """The file, relative to the docs folder: `interviews/<slug>.md`."""
    title: str
    fields: tuple[Field, ...]
    """The fields the interview belongs to; the first is the primary field."""
    role: str
    date: datetime.date
    answers: tuple[Answer, ...]
    """The answers, in the order the questions were asked."""
    summary: str | None = None
    interviewee: str | None = None
    referred_by: str | None = None
    """The slug of the write-up whose interviewee introduced this one."""
    draft: bool = False

    @property
    def field(self) -> Field:
        """The primary field."""
        return self.fields[0]

    @property
    def anonymous(self) -> bool:
        """Whether the author wrote that the interviewee is not named (`interviewee: anonymous`)."""
        return self.interviewee is not None and self.interviewee.strip().casefold() == "anonymous"

    def answer(self, question_id: str) -> Answer | None:
        """The answer to a question, if this interview asked it."""
        for answer in self.answers:
            if answer.question.id == question_id:
                return answer
        return None
