"""Turning a file's bytes into text, and the wording of common messages."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Iterable

from .problems import FileProblems

BOM = b"\xef\xbb\xbf"


def decode(data: bytes, problems: FileProblems) -> str:
    """The file's text: UTF-8 with an optional BOM, newlines made `\\n`.

    Bytes that are not UTF-8 are reported (with their line) and replaced by U+FFFD, so the
    rest of the file can still be checked and published.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.error(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line} is not "
            "valid UTF-8; save the file with UTF-8 encoding)",
            line=line,
        )
        text = data.decode("utf-8", errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def closest(
    word: str, choices: Iterable[str], normalize: Callable[[str], str] = str.casefold
) -> str | None:
    """The choice most like `word` (compared after `normalize`), if any is close enough."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(normalize(choice), choice)
    key = normalize(word)
    match = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.6)
    if match:
        return by_key[match[0]]
    # A word of a longer name ('Music' for 'Music production') is close too, when only one
    # choice has it.
    containing = [choice for k, choice in by_key.items() if key and key in k.split()]
    return containing[0] if len(set(containing)) == 1 else None


def did_you_mean(
    word: str, choices: Iterable[str], normalize: Callable[[str], str] = str.casefold
) -> str:
    """' (did you mean 'x'?)' when a choice is close to `word`, else ''."""
    match = closest(word, choices, normalize)
    return f" (did you mean '{match}'?)" if match else ""


def as_date(value: object) -> datetime.date | None:
    """A YAML date, or an ISO date (or date and time) written as text; None otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None
