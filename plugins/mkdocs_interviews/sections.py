"""Headings and sections of a write-up's Markdown body, read the way Python-Markdown reads them.

Only what matters for answers is recognised: `#` headings (Python-Markdown needs no space
after the hashes), setext headings (a line underlined with `===` or `---` at the start of a
block), a trailing attribute list (`{ #id .class }`), fenced code, whose lines are never
headings, and HTML comments that start a line: Python-Markdown hides everything up to their
`-->`, headings included. The scan looks only at candidate lines found by one regular
expression, so it stays cheap on long write-ups.

Every pattern here takes time linear in its line: none has two repetitions that could match
the same characters (a heading of 200,000 spaces costs what its length costs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that may open or close a fence or a comment, be a `#` heading, or underline a setext
# heading.
_CANDIDATE = re.compile(r"\n(?:#|[ \t]*(?:`{3}|~{3}|<!--)|(?:=+|-+)[ \t]*(?=\n|$))")
_ATX = re.compile(r"(?P<hashes>#{1,6})(?P<text>.*)")
_FENCE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})")
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_ATTR_ID = re.compile(r"(?:^|[ \t])#(?P<id>[^\s#.{}=]+)")
_COMMENT_START = re.compile(r" {0,3}<!--")
"""A line that opens an HTML comment as a block (indented by four, it would be code)."""


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
    """A heading's text without its attribute list, the id in the list, and the whole list.

    The list is the last `{...}` of the text, with nothing but spaces after it, and no braces
    or line breaks inside; a colon may follow its opening brace (`{: #id }`).
    """
    # Plain string search, not a pattern: a pattern with spaces on both sides of the list's
    # content backtracks for minutes on a heading of many spaces. (A final line break is
    # allowed, as `$` allowed it.)
    body = text.removesuffix("\n").rstrip(" \t")
    opening = body.rfind("{", 0, len(body) - 1)
    if not body.endswith("}") or opening < 0:
        return text.strip(), None, None
    inner = body[opening + 1 : -1]
    if "}" in inner or "\n" in inner:
        return text.strip(), None, None
    attrs = inner.removeprefix(":").strip(" \t")
    anchor = _ATTR_ID.search(attrs)
    return text[:opening].strip(), anchor["id"] if anchor else None, attrs


def scan_headings(body: str) -> list[Heading]:
    """Every heading of a Markdown body, outside fenced code and HTML comments, in order."""
    headings: list[Heading] = []
    fence: str | None = None
    text = "\n" + body  # so that the first line starts after a newline, like the others
    number = -1
    position = 0
    hidden = 0  # where the HTML comment being skipped ends
    # Where a comment opens that has no end after it: none opened later has one either, so
    # the text is searched for an end once, not once per comment.
    unclosed = len(text)
    # Only the lines that may matter are looked at: a regular expression that starts with a
    # newline finds them fast, and a long write-up has a handful.
    for match in _CANDIDATE.finditer(text):
        start = match.start() + 1
        if start < hidden:
            continue
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
            heading = _atx(line, number)
            if heading is not None:
                headings.append(heading)
            continue
        opening = _FENCE.match(line)
        if opening is not None:
            fence = opening["fence"]
        elif _COMMENT_START.match(line):
            # Unclosed, Python-Markdown shows the comment as text, headings and all.
            end = -1 if start > unclosed else text.find("-->", start + line.index("<!--") + 4)
            if end < 0:
                unclosed = min(unclosed, start)
            hidden = max(hidden, end + 3)
        elif number > 0 and _UNDERLINE.match(line):
            heading = _setext(text, start, number, line[0])
            if heading is not None:
                headings.append(heading)
    return headings


def _atx(line: str, number: int) -> Heading | None:
    """The `#` heading on line `number`, if its text is not empty."""
    atx = _ATX.match(line)
    if atx is None:
        return None
    heading_text = _CLOSING_HASHES.sub("", atx["text"]).strip()
    if not heading_text:
        return None
    heading_text, anchor, attrs = split_attrs(heading_text)
    return Heading(len(atx["hashes"]), heading_text, anchor, attrs, number, number)


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
