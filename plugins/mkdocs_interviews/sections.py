"""Headings and sections of a write-up's Markdown body, read the way Python-Markdown reads them.

Only what matters for answers is recognised: `#` headings (Python-Markdown needs no space
after the hashes), setext headings (a line underlined with `===` or `---` at the start of a
block), a trailing attribute list (`{ #id .class }`), and fenced code, whose lines are never
headings. The scan looks only at candidate lines found by one regular expression, so it
stays cheap on long write-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that may open or close a fence, be a `#` heading, or underline a setext heading.
_CANDIDATE = re.compile(r"\n(?:#|[ \t]*(?:`{3}|~{3})|(?:=+|-+)[ \t]*(?=\n|$))")
_ATX = re.compile(r"(?P<hashes>#{1,6})(?P<text>.*)")
_FENCE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})")
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^{}\n]*?)[ \t]*\}[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|[ \t])#(?P<id>[^\s#.{}=]+)")


@dataclass(frozen=True)
class Heading:
    """A heading of the body; line numbers are 0-based indexes into the body's lines."""

    level: int
    text: str
    """The heading's text: without hashes, closing hashes or attribute list."""
    anchor: str | None
    """The id given in its attribute list (`{ #typical-day }`), if any."""
    attrs: str | None
    """The whole attribute list's content, if any."""
    line: int
    """The line holding the text."""
    end: int
    """The heading's last line (the underline of a setext heading)."""
    setext: bool = False


def split_attrs(text: str) -> tuple[str, str | None, str | None]:
    """A heading's text without its attribute list, the id in the list, and the whole list."""
    match = _ATTR_LIST.search(text)
    if match is None:
        return text.strip(), None, None
    attrs = match["attrs"]
    anchor = _ATTR_ID.search(attrs)
    return text[: match.start()].strip(), anchor["id"] if anchor else None, attrs


def scan_headings(body: str) -> list[Heading]:
    """Every heading of a Markdown body, outside fenced code, in order."""
    headings: list[Heading] = []
    fence: str | None = None
    text = "\n" + body  # so that the first line starts after a newline, like the others
    number = -1
    position = 0
    # Only the lines that may matter are looked at: a regular expression that starts with a
    # newline finds them fast, and a long write-up has a handful.
    for match in _CANDIDATE.finditer(text):
        start = match.start() + 1
        number += text.count("\n", position, start)
        position = start
        stop = text.find("\n", start)
        line = text[start:] if stop < 0 else text[start:stop]
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.lstrip(fence[0]).strip():
                fence = None
            continue
        if line[0] == "#":
            atx = _ATX.match(line)
            if atx is not None:
                heading_text = _CLOSING_HASHES.sub("", atx["text"]).strip()
                if heading_text:
                    heading_text, anchor, attrs = split_attrs(heading_text)
                    level = len(atx["hashes"])
                    headings.append(Heading(level, heading_text, anchor, attrs, number, number))
            continue
        opening = _FENCE.match(line)
        if opening is not None:
            fence = opening["fence"]
        elif number > 0 and _UNDERLINE.match(line):
            heading = _setext(text, start, number, line[0])
            if heading is not None:
                headings.append(heading)
    return headings


def _setext(text: str, start: int, number: int, underline: str) -> Heading | None:
    # Python-Markdown reads a setext heading only from the first two lines of a block: the
    # text line must follow a blank line (or start the body) and not be indented as code.
    line_start = text.rfind("\n", 0, start - 1) + 1
    line = text[line_start : start - 1]
    if not line.strip() or line.startswith(("    ", "\t", "#")):
        return None
    if number > 1:
        before = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
        if before.strip():
            return None
    line, anchor, attrs = split_attrs(line)
    level = 1 if underline == "=" else 2
    return Heading(level, line, anchor, attrs, number - 1, number, setext=True)


def section(lines: list[str], headings: list[Heading], index: int) -> str:
    """The Markdown under `headings[index]`, up to the next heading of its level or higher."""
    heading = headings[index]
    stop = len(lines)
    for later in headings[index + 1 :]:
        if later.level <= heading.level:
            stop = later.line
            break
    return "\n".join(lines[heading.end + 1 : stop]).strip("\n")


def set_anchor(lines: list[str], heading: Heading, anchor: str) -> None:
    """Rewrite a heading's line in place so that its id is `anchor` (attribute list syntax)."""
    kept = _ATTR_ID.sub("", heading.attrs).strip() if heading.attrs else ""
    attrs = f"{{ #{anchor}{' ' + kept if kept else ''} }}"
    if heading.setext:
        lines[heading.line] = f"{heading.text} {attrs}"
    else:
        lines[heading.line] = f"{'#' * heading.level} {heading.text} {attrs}"
