"""Turning a file's bytes into text, and the wording of common messages."""

from __future__ import annotations

import bisect
import collections
import datetime
import difflib
import functools
import itertools
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
    """The choice most like `word` (compared after `normalize`), if any is close enough.

    Close enough is what `difflib.get_close_matches` finds with its cutoff of 0.6, the best
    first. Among many choices only a few are compared with `word`: those that share the most
    three-letter pieces with it, and its neighbours in alphabetical order, forwards and
    backwards (a slug that names thousands of write-ups is then as quick to check as any).
    """
    known = _choices(tuple(choices), normalize)
    key = normalize(word)
    match = _most_like(key, known.keys if len(known.keys) <= _EVERY_CHOICE else known.near(key))
    if match is not None:
        return known.by_key[match]
    # A word of a longer name ('Music' for 'Music production') is close too, when only one
    # choice has it.
    containing = known.by_word.get(key, []) if key else []
    return known.by_key[containing[0]] if len(containing) == 1 else None


def did_you_mean(
    word: str, choices: Iterable[str], normalize: Callable[[str], str] = str.casefold
) -> str:
    """' (did you mean 'x'?)' when a choice is close to `word`, else ''."""
    match = closest(word, choices, normalize)
    return f" (did you mean '{match}'?)" if match else ""


_CUTOFF = 0.6
_EVERY_CHOICE = 100
"""Up to this many choices, `word` is compared with every one."""
_SHORTLIST = 24
"""Beyond, with this many that share the most three-letter pieces with it..."""
_NEIGHBOURS = 4
"""... and this many on either side of it in alphabetical order, forwards and backwards."""
_POSTINGS = 2048
"""How many occurrences of its pieces are counted for one word: its rarest pieces first."""


def _most_like(key: str, candidates: Iterable[str]) -> str | None:
    """The candidate `difflib.get_close_matches(key, candidates, n=1)` would give, found the
    same way, except that a candidate whose quick upper bounds cannot beat the best one so
    far is not compared in full."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    best: tuple[float, str] | None = None
    for candidate in candidates:
        matcher.set_seq1(candidate)
        floor = _CUTOFF if best is None else best[0]
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        score = matcher.ratio()
        if score >= _CUTOFF and (best is None or (score, candidate) > best):
            best = (score, candidate)
    return None if best is None else best[1]


class _Choices:
    """Choices indexed for `closest`: by their normalized form, by word and by piece."""

    def __init__(self, choices: tuple[str, ...], normalize: Callable[[str], str]) -> None:
        self.by_key: dict[str, str] = {}
        for choice in choices:
            self.by_key.setdefault(normalize(choice), choice)
        self.keys = list(self.by_key)
        self.by_word: dict[str, list[str]] = {}
        for key in self.keys:
            for part in dict.fromkeys(key.split()):
                self.by_word.setdefault(part, []).append(key)
        self._indexed: tuple[dict[str, list[int]], list[str], list[str]] | None = None

    def near(self, key: str) -> list[str]:
        """The keys worth comparing with `key`, likeliest first."""
        pieces, forwards, backwards = self._indexes()
        # The rarest pieces first, as long as the keys they hold stay few: a piece every key
        # has tells nothing, and counting its keys for every look-up is what takes time.
        lists: list[list[int]] = []
        budget = _POSTINGS
        for piece in sorted(_pieces(key), key=lambda p: len(pieces.get(p, ()))):
            found = pieces.get(piece, [])
            if len(found) > budget:
                break
            budget -= len(found)
            lists.append(found)
        shared = collections.Counter(itertools.chain.from_iterable(lists))
        best = [index for index, _ in shared.most_common(_SHORTLIST)]
        near = dict.fromkeys(self.keys[index] for index in best)
        for ordered, probe, turn in ((forwards, key, 1), (backwards, key[::-1], -1)):
            at = bisect.bisect_left(ordered, probe)
            for neighbour in ordered[max(at - _NEIGHBOURS, 0) : at + _NEIGHBOURS]:
                near.setdefault(neighbour[::turn])
        return list(near)

    def _indexes(self) -> tuple[dict[str, list[int]], list[str], list[str]]:
        # Made at the first look-up among many choices, not for the few of most look-ups.
        if self._indexed is None:
            pieces: dict[str, list[int]] = {}
            for index, known in enumerate(self.keys):
                for piece in _pieces(known):
                    pieces.setdefault(piece, []).append(index)
            forwards = sorted(self.keys)
            self._indexed = (pieces, forwards, sorted(key[::-1] for key in self.keys))
        return self._indexed


def _pieces(key: str) -> set[str]:
    """The three-letter pieces of a key, its ends marked."""
    padded = f"\0{key}\0"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@functools.lru_cache(maxsize=16)
def _choices(choices: tuple[str, ...], normalize: Callable[[str], str]) -> _Choices:
    # Cached: `check` looks up every misspelt slug among the same thousands of slugs.
    return _Choices(choices, normalize)


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
