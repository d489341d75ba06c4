"""Turning a file's bytes into text, and the wording of common messages."""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable

from .problems import FileProblems

BOM = b"\xef\xbb\xbf"


def decode(data: bytes, problems: FileProblems) -> str:
    """The file's text: UTF-8 with an optional BOM, newlines made `\\n`.

    Bytes that are not UTF-8 are reported (with their line) and replaced by U+FFFD, so the
    rest of the file can still be checked and published. Invisible control characters are
    reported (see `INVISIBLE`) and removed, so that nothing read from the text holds one.
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
    if INVISIBLE.search(text) is not None:
        text = drop_invisible(text, problems)
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


INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]")
"""Characters that belong in no text an author writes: the C0 controls but tab and newline
(a carriage return is a newline, made `\\n` first), DEL and the C1 controls, the
noncharacters U+FFFE and U+FFFF, and the line and paragraph separators U+2028 and U+2029.
They are invisible on a page; XML 1.0, and so a feed, cannot hold most of them; PyYAML refuses
most of them, and reads U+0085, U+2028 and U+2029 as line breaks where nothing else does."""

_C0_NAMES = (
    "NULL,START OF HEADING,START OF TEXT,END OF TEXT,END OF TRANSMISSION,ENQUIRY,ACKNOWLEDGE,"
    "ALERT,BACKSPACE,CHARACTER TABULATION,LINE FEED,LINE TABULATION,FORM FEED,CARRIAGE RETURN,"
    "SHIFT OUT,SHIFT IN,DATA LINK ESCAPE,DEVICE CONTROL ONE,DEVICE CONTROL TWO,"
    "DEVICE CONTROL THREE,DEVICE CONTROL FOUR,NEGATIVE ACKNOWLEDGE,SYNCHRONOUS IDLE,"
    "END OF TRANSMISSION BLOCK,CANCEL,END OF MEDIUM,SUBSTITUTE,ESCAPE,"
    "INFORMATION SEPARATOR FOUR,INFORMATION SEPARATOR THREE,INFORMATION SEPARATOR TWO,"
    "INFORMATION SEPARATOR ONE"
).split(",")
_C1_NAMES = (
    "PADDING CHARACTER,HIGH OCTET PRESET,BREAK PERMITTED HERE,NO BREAK HERE,INDEX,NEXT LINE,"
    "START OF SELECTED AREA,END OF SELECTED AREA,CHARACTER TABULATION SET,"
    "CHARACTER TABULATION WITH JUSTIFICATION,LINE TABULATION SET,PARTIAL LINE FORWARD,"
    "PARTIAL LINE BACKWARD,REVERSE LINE FEED,SINGLE SHIFT TWO,SINGLE SHIFT THREE,"
    "DEVICE CONTROL STRING,PRIVATE USE ONE,PRIVATE USE TWO,SET TRANSMIT STATE,CANCEL CHARACTER,"
    "MESSAGE WAITING,START OF GUARDED AREA,END OF GUARDED AREA,START OF STRING,"
    "SINGLE GRAPHIC CHARACTER INTRODUCER,SINGLE CHARACTER INTRODUCER,"
    "CONTROL SEQUENCE INTRODUCER,STRING TERMINATOR,OPERATING SYSTEM COMMAND,PRIVACY MESSAGE,"
    "APPLICATION PROGRAM COMMAND"
).split(",")
CONTROL_NAMES = {
    **{chr(code): name for code, name in enumerate(_C0_NAMES)},
    "\x7f": "DELETE",
    **{chr(0x80 + code): name for code, name in enumerate(_C1_NAMES)},
}
"""The names of the C0 and C1 controls and DEL, which `unicodedata.name` does not know:
Unicode's formal aliases (NameAliases.txt), which `unicodedata.lookup` accepts."""

MAX_INVISIBLE_REPORTS = 20
"""Messages about invisible characters in one file before the rest are counted in one."""


def character_name(char: str) -> str:
    """A character as messages name it: 'U+000B LINE TABULATION', or 'U+FFFE' unnamed."""
    name = CONTROL_NAMES.get(char) or unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} {name}" if name else code


def drop_invisible(text: str, problems: FileProblems) -> str:
    """`text` without its `INVISIBLE` characters, each kind reported once per line."""
    found: list[tuple[int, str, int, int]] = []  # line, character, first column, count
    for number, line in enumerate(text.split("\n"), start=1):
        if INVISIBLE.search(line) is None:
            continue
        on_line: dict[str, list[int]] = {}
        for match in INVISIBLE.finditer(line):
            on_line.setdefault(match.group(), [match.start() + 1, 0])[1] += 1
        found.extend((number, char, column, n) for char, (column, n) in on_line.items())
    shown = len(found) if len(found) <= MAX_INVISIBLE_REPORTS + 1 else MAX_INVISIBLE_REPORTS
    for number, char, column, count in found[:shown]:
        problems.error(_invisible_message(char, column, count), line=number)
    rest = found[shown:]
    if rest:
        first, last = rest[0][0], rest[-1][0]
        where = "on this line" if first == last else f"from this line to line {last}"
        problems.error(
            f"the file holds {sum(item[3] for item in rest)} more invisible characters {where} "
            "(delete them; the build leaves them out)",
            line=first,
        )
    return INVISIBLE.sub("", text)


def invisible(char: str, count: int = 1) -> str:
    """'an invisible control character U+000B LINE TABULATION', '3 invisible noncharacters
    U+FFFE', 'an invisible character U+2028 LINE SEPARATOR': an `INVISIBLE` one named."""
    category = unicodedata.category(char)
    kind = {"Cc": "control character", "Cn": "noncharacter"}.get(category, "character")
    if count == 1:
        return f"an invisible {kind} {character_name(char)}"
    return f"{count} invisible {kind}s {character_name(char)}"


def _invisible_message(char: str, column: int, count: int) -> str:
    if count == 1:
        return (
            f"the file holds {invisible(char)}, at column {column} (delete it; the build "
            "leaves it out)"
        )
    return (
        f"the file holds {invisible(char, count)}, the first at column {column} (delete them; "
        "the build leaves them out)"
    )
