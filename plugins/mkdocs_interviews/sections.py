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

# One pass finds every line that may open or close a fence, be a `#` heading, or underline a
# setext heading.
_CANDIDATES = re.compile(
    r"^(?:(?P<hashes>#{1,6})(?P<text>[^\n]*)"
    r"|(?P<fence>[ \t]*(?:`{3,}|~{3,}))[^\n]*"
    r"|(?P<underline>=+|-+)[ \t]*)$",
    re.MULTILINE,
)
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
    line = 0
    position = 0
    for match in _CANDIDATES.finditer(body):
        line += body.count("\n", position, match.start())
        position = match.start()
        if fence is not None:
            marker = match["fence"]
            if marker is not None:
                marker = marker.strip()
                rest = body[match.end("fence") : match.end()].strip()
                if marker[0] == fence[0] and len(marker) >= len(fence) and not rest:
                    fence = None
            continue
        if match["fence"] is not None:
            fence = match["fence"].strip()
        elif match["hashes"] is not None:
            text = _CLOSING_HASHES.sub("", match["text"]).strip()
            if text:
                text, anchor, attrs = split_attrs(text)
                headings.append(Heading(len(match["hashes"]), text, anchor, attrs, line, line))
        elif line > 0:
            heading = _setext(body, match.start(), line, match["underline"])
            if heading is not None:
                headings.append(heading)
    return headings


def _setext(body: str, start: int, line: int, underline: str) -> Heading | None:
    # Python-Markdown reads a setext heading only from the first two lines of a block: the
    # text line must follow a blank line (or start the body) and not be indented as code.
    text_start = body.rfind("\n", 0, start - 1) + 1
    text = body[text_start : start - 1]
    if not text.strip() or text.startswith(("    ", "\t", "#")):
        return None
    if text_start > 0:
        before_start = body.rfind("\n", 0, text_start - 1) + 1
        if body[before_start : text_start - 1].strip():
            return None
    text, anchor, attrs = split_attrs(text)
    level = 1 if underline.startswith("=") else 2
    return Heading(level, text, anchor, attrs, line - 1, line, setext=True)


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
