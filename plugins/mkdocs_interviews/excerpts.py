"""Excerpts of answers for listings: the first paragraph, cut at a word boundary.

An excerpt is Markdown that is rendered on another page than its write-up, so reference-style
links become inline links (their definitions stay behind in the write-up) and relative links
are re-pointed from the write-up's folder to the listing page's.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

ELLIPSIS = "…"

# Inline constructs that must not be cut in two, then plain words.
_ATOMS = re.compile(
    r"[^\s`\[!*_<]\S*"  # a plain word, the commonest case, first
    r"|(?P<ticks>`+).+?(?P=ticks)(?!`)"  # code span, of any number of backticks
    r"|!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]"  # link or image text...
    r"(?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])?"  # ...and target
    r"|\*\*\*.+?\*\*\*|___.+?___"  # strong emphasis
    r"|\*\*(?:[^*]|\*[^*]+\*)+?\*\*|__(?:[^_]|_[^_]+_)+?__"  # strong, maybe holding emphasis
    r"|\*[^*\s](?:[^*]|\*\*[^*]+\*\*)*?\*|_[^_\s](?:[^_]|__[^_]+__)*?_"  # emphasis
    r"|<[^<>]+>"  # inline HTML or autolink
    r"|\S+"
)
_REFERENCE = re.compile(
    r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*<?(?P<url>[^\s>]+)>?"
    r"(?:[ \t]+(?P<title>\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$",
    re.MULTILINE,
)
_REFERENCE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\](?:\[(?P<label>[^\]]*)\])?(?!\(|:)"
)
REFERENCE_USE = re.compile(r"\](?!\()")
"""A closing bracket not followed by '(': the text may use a reference-style link."""
# The destination of an inline link or image: found from its "](", a literal, which regular
# expressions look for fast.
_INLINE_LINK = re.compile(r"(?P<head>\]\()(?P<url>(?:[^()\s]|\([^()\s]*\))+)")
_LIST_MARKER = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]+")
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_BLOCK_START = re.compile(r"^ {0,3}(?:#|```|~~~|<|\||\[[^\]]+\]:|!!!|\?\?\?|-{3,}\s*$|\*{3,}\s*$)")


def references(markdown: str) -> dict[str, tuple[str, str | None]]:
    """The reference-style link definitions of a Markdown text: label -> (url, title)."""
    found: dict[str, tuple[str, str | None]] = {}
    for match in _REFERENCE.finditer(markdown):
        title = match["title"][1:-1] if match["title"] else None
        found.setdefault(_label(match["label"]), (match["url"], title))
    return found


def first_paragraph(markdown: str) -> str:
    """The first block of running text of an answer, on one line.

    Headings, code, HTML, tables, admonitions and link definitions are skipped; a list's
    items are joined into one line, separated by ' · '. A paragraph that ends with a colon
    introduces what follows, so the list after it is joined to it.
    """
    parts: list[str] = []
    in_list = False
    for block in _blocks(markdown):
        is_item = _LIST_MARKER.match(block[0]) is not None
        if parts:
            # Only the items of the list being joined may follow (a loose list has blank
            # lines between its items); anything else ends the excerpt.
            if not is_item or (not in_list and not parts[-1].endswith(":")):
                break
            parts.append(("· " if in_list else "") + _join_lines(block))
            in_list = True
            continue
        if _skipped(block):
            continue
        if block[0].lstrip().startswith(">"):
            block = [line.lstrip().lstrip(">").strip() for line in block]
        text = _join_lines(block)
        if not text:
            continue
        parts.append(text)
        in_list = is_item
        if not in_list and not text.endswith(":"):
            break
    return " ".join(parts)


def _blocks(markdown: str) -> Iterator[list[str]]:
    """The blocks of a Markdown text: runs of lines between blank lines, except that a fenced
    code block is one block, blank lines and all."""
    block: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        if fence is not None:
            block.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
                yield block
                block = []
            continue
        opening = _FENCE.match(line)
        if opening is not None:
            if block:
                yield block
            fence, block = opening["fence"], [line]
        elif not line.strip():
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


def _skipped(block: list[str]) -> bool:
    """Whether a block is not running text: code, a heading, HTML, a table, a definition..."""
    first = block[0]
    if _BLOCK_START.match(first) or first.startswith(("    ", "\t")):
        return True
    return len(block) > 1 and _TABLE_RULE.match(block[1]) is not None


def _join_lines(lines: list[str]) -> str:
    """A block's lines on one line; the items of a list separated by ' · '."""
    items: list[str] = []
    for line in lines:
        marker = _LIST_MARKER.match(line)
        if marker is not None or not items:
            items.append(line[marker.end() if marker else 0 :].strip())
        else:
            items[-1] += " " + line.strip()
    return " · ".join(items)


def cut(text: str, words: int) -> str:
    """`text` cut after `words` words, at a word boundary and never inside a link or code span."""
    pieces = text.split(" ", words)
    if len(pieces) <= words or len(text.split()) <= words:
        return text
    head = " ".join(pieces[:words])
    plain = _plain_cut(head) and len(head.split()) == words
    end = len(head) if plain else _atom_cut(text, words)
    if not text[end:].strip():
        return text
    return text[:end].rstrip(" ,;:-\N{EM DASH}\N{EN DASH}") + ELLIPSIS


def _plain_cut(head: str) -> bool:
    """Whether cutting after `head` cuts no link, code span, emphasis or tag in two."""
    if "`" in head or "_" in head or "<" in head:
        return False
    if head.count("[") != head.count("]") or head.rfind("](") > head.rfind(")"):
        return False
    return head.count("**") % 2 == 0 and head.replace("**", "").count("*") % 2 == 0


def _atom_cut(text: str, words: int) -> int:
    # The slow way, atom by atom: a link, code span or emphasis counts its words but is never
    # cut in two.
    count = 0
    end = 0
    for match in _ATOMS.finditer(text):
        count += len(match.group().split())
        end = match.end()
        if count >= words:
            break
    return end


def excerpt(
    markdown: str,
    words: int,
    *,
    source: str | None = None,
    target: str | None = None,
    refs: dict[str, tuple[str, str | None]] | None = None,
) -> str:
    """The excerpt of an answer, ready to be rendered on the page at `target`.

    `markdown` is the answer, `source` the write-up's path and `target` the listing page's
    path (both relative to the docs folder); `refs` are the write-up's link definitions.
    Without `source` and `target`, relative links are left for `repoint_links`.
    """
    text = cut(first_paragraph(markdown), words)
    if refs and "[" in text:
        text = inline_references(text, refs)
    if source is not None and target is not None:
        text = repoint_links(text, source, target)
    return text


def inline_references(text: str, refs: dict[str, tuple[str, str | None]]) -> str:
    """`[text][label]`, `[text][]` and `[label]` as inline links, when their label is defined."""

    def replace(match: re.Match[str]) -> str:
        label = match["label"] or match["text"]
        found = refs.get(_label(label))
        if found is None:
            return match.group()
        url, title = found
        title_part = f' "{title}"' if title else ""
        return f"{match['bang']}[{match['text']}]({url}{title_part})"

    return _REFERENCE_LINK.sub(replace, text)


def repoint_links(text: str, source: str, target: str) -> str:
    """Relative link destinations in `text`, written for `source`, re-pointed for `target`.

    A re-pointed link climbs to the docs folder's root, then goes down to its file, so it
    depends on `target`'s depth only: pages of the same depth can share an excerpt.
    """
    up = "../" * target.count("/")

    def replace(match: re.Match[str]) -> str:
        url = match["url"]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("/"):
            return match.group()
        if not parts.path:  # `#anchor`: an anchor of the write-up itself
            path = source
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path))
        new = up + path
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        query = f"?{parts.query}" if parts.query else ""
        return f"{match['head']}{new}{query}{fragment}"

    return _INLINE_LINK.sub(replace, text)


def _label(label: str) -> str:
    return " ".join(label.casefold().split())
