"""Excerpts of answers as Markdown (for a site's own Markdown templates): the pull quote or the
first paragraph that informs, cut at a word boundary.

An excerpt is Markdown that is rendered on another page than its write-up, so reference-style
links become inline links (their definitions stay behind in the write-up) and relative links
are re-pointed from the write-up's folder to the listing page's. What the author hid in an
HTML comment never reaches it, and its raw HTML is balanced (see `balance_html`): a tag left
open at the cut is closed there, so that nothing of an excerpt spills over the listing
around it.

Every pattern here takes time linear in the length of its text: no repetition is followed by
another that could match the same characters, unless it takes its characters whole (`++`),
and what plain string code does better (a table's rule, an attribute list) is done so. A
hostile answer (a line of spaces, a run of backticks, thousands of link definitions or
lines) costs what its length costs.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from collections import deque
from collections.abc import Iterator
from urllib.parse import urlsplit

ELLIPSIS = "…"

# Raw HTML, as a browser reads a tag: a name, then attributes whose quoted values may hold
# anything but their quote (`>` included). Each part is taken whole (`++`), so a tag never
# backtracks.
_ATTRIBUTES = (
    r"(?:\s++[^\s\"'<>/=]++(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s\"'=<>`]++))?+)*+\s*+/?>"
)
# Inline constructs that must not be cut in two, then plain words.
_ATOMS = re.compile(
    r"[^\s`\[!*_<]\S*"  # a plain word, the commonest case, first
    # A code span, of any number of backticks: each run of backticks is taken whole, so that
    # a run of thousands is looked at once, not once per length it could have.
    r"|(?P<ticks>`++)(?:[^`\n]++|(?!(?P=ticks)(?!`))`++)*?(?P=ticks)(?!`)"
    r"|!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]"  # link or image text...
    r"(?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])?"  # ...and target
    r"|\*\*\*.+?\*\*\*|___.+?___"  # strong emphasis
    r"|\*\*(?:[^*]|\*[^*]+\*)+?\*\*|__(?:[^_]|_[^_]+_)+?__"  # strong, maybe holding emphasis
    r"|\*[^*\s](?:[^*]|\*\*[^*]+\*\*)*?\*|_[^_\s](?:[^_]|__[^_]+__)*?_"  # emphasis
    rf"|</?[A-Za-z][A-Za-z0-9-]*+{_ATTRIBUTES}"  # a tag, even with a `>` in a quoted value
    r"|<[^<>]+>"  # an autolink, or what Python-Markdown may take for inline HTML
    r"|\S+"
)
# A label stops at the next bracket and a title at the end of its line, as Python-Markdown
# reads them: a label or title left open is then looked at up to there, not to the end of
# the text once per line.
_REFERENCE = re.compile(
    r"^ {0,3}\[(?P<label>[^\[\]]+)\]:[ \t]*<?(?P<url>[^\s>]+)>?"
    r"(?:[ \t]+(?P<title>\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$",
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
_BLOCK_START = re.compile(r"^ {0,3}(?:#|```|~~~|<|\||\[[^\]]+\]:|!!!|\?\?\?|-{3,}\s*$|\*{3,}\s*$)")
_BACKTICKS = re.compile(r"`+")
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*+)" + _ATTRIBUTES)
_TAG_LIKE = re.compile(r"<[A-Za-z/!?]")
"""What Python-Markdown may pass on as raw HTML: a tag, an end tag, a comment, `<?...?>`."""
# Python-Markdown's own autolinks, which it reads before raw HTML: `<https://...>`, `<a@b>`.
_AUTOLINK = re.compile(r"<(?:(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*|[^<> !]+@[^@<> ]+)>")
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
"""Elements that have no end tag."""
_NEVER_CLOSED = frozenset({"plaintext"})
"""Elements that no end tag closes: kept as text, never as a tag."""


def references(markdown: str) -> dict[str, tuple[str, str | None]]:
    """The reference-style link definitions of a Markdown text: label -> (url, title)."""
    found: dict[str, tuple[str, str | None]] = {}
    for match in _REFERENCE.finditer(_uncommented(markdown)):
        title = match["title"][1:-1] if match["title"] else None
        found.setdefault(_label(match["label"]), (match["url"], title))
    return found


LEAD_IN_WORDS = 12
"""A paragraph that shows fewer words is a lead-in ("It depends."): an excerpt starts after
it when running text follows."""
PULL_QUOTE = ".pull-quote"
"""The attribute list class an author gives the paragraph to quote (`{: .pull-quote }`)."""


def first_paragraph(markdown: str) -> str:
    """The passage of an answer its excerpt shows, on one line.

    The paragraph the author marked as the pull quote (`{: .pull-quote }` on the line after
    it) is that passage. Else it is the first block of running text: headings, code, HTML,
    tables, admonitions and link definitions are skipped; a list's items are joined into one
    line, separated by ' · '. A paragraph that ends with a colon introduces what follows, so
    the list after it is joined to it. A lead-in (a paragraph of fewer than LEAD_IN_WORDS
    words) is skipped when running text follows it. HTML comments are left out; one that is
    never closed hides the rest of the answer.
    """
    blocks = list(_blocks(_uncommented(markdown)))
    marked = _pull_quote(blocks)
    if marked is not None:
        return marked
    first = ""
    start = 0
    while start < len(blocks):
        text, start, informs = _running_text(blocks, start)
        if informs:
            return text
        first = first or text
    return first


def _pull_quote(blocks: list[list[str]]) -> str | None:
    """The text of the paragraph marked as the pull quote, if any."""
    for block in blocks:
        if len(block) < 2 or _skipped(block) or _LIST_MARKER.match(block[0]):
            continue
        if PULL_QUOTE in (_attribute_list(block[-1]) or ()):
            lines = block[:-1]
            if lines[0].lstrip().startswith(">"):
                lines = [line.lstrip().lstrip(">").strip() for line in lines]
            return _join_lines(lines)
    return None


def _attribute_list(line: str) -> list[str] | None:
    """The parts of a line that is an attribute list (`{: .pull-quote #id }`), or None."""
    stripped = line.strip().lstrip(">").strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return None
    return stripped[1:-1].removeprefix(":").split()


def _running_text(blocks: list[list[str]], start: int) -> tuple[str, int, bool]:
    """The first block of running text from `blocks[start]` on (see `first_paragraph`), the
    index of the block after it, and whether it informs (a list, or not a lead-in)."""
    parts: list[str] = []
    in_list = False
    index = start
    for index in range(start, len(blocks)):
        block = blocks[index]
        is_item = _LIST_MARKER.match(block[0]) is not None
        if parts:
            # Only the items of the list being joined may follow (a loose list has blank
            # lines between its items); anything else ends the excerpt.
            if not is_item or (not in_list and not parts[-1].endswith(":")):
                text = " ".join(parts)
                return text, index, in_list or _shown_words(text) >= LEAD_IN_WORDS
            parts.append(("· " if in_list else "") + _join_lines(block))
            in_list = True
            continue
        if _skipped(block):
            continue
        if block[0].lstrip().startswith(">"):
            block = [line.lstrip().lstrip(">").strip() for line in block]
        if len(block) > 1 and _attribute_list(block[-1]) is not None:
            block = block[:-1]  # the paragraph's attributes, not its text
        text = _join_lines(block)
        if not text:
            continue
        parts.append(text)
        in_list = is_item
        if not in_list and not text.endswith(":"):
            return text, index + 1, _shown_words(text) >= LEAD_IN_WORDS
    informs = in_list or len(parts) > 1 or _shown_words(" ".join(parts)) >= LEAD_IN_WORDS
    return " ".join(parts), len(blocks), informs


def _shown_words(text: str) -> int:
    """How many words of a paragraph's Markdown a reader sees: tags are none."""
    if "<" not in text:
        return len(text.split())
    return sum(
        len(atom.split())
        for atom in (match.group() for match in _ATOMS.finditer(text))
        if atom[0] != "<" or _TAG.fullmatch(atom) is None
    )


def _blocks(markdown: str) -> Iterator[list[str]]:
    """The blocks of a Markdown text: runs of lines between blank lines, except that a fenced
    code block is one block, blank lines and all."""
    block: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        if fence is not None:
            block.append(line)
            if _closes(line, fence):
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


def _closes(line: str, fence: str) -> bool:
    """Whether `line` closes the code fenced by `fence`."""
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def _uncommented(markdown: str) -> str:
    """A Markdown text without its HTML comments (fenced code and code spans aside).

    A comment that opens a line is a block, as Python-Markdown reads it: the paragraph before
    it ends there, and its lines become blank. One inside a paragraph is taken out, lines and
    all. A comment never closed hides the rest of the text.
    """
    if "<!--" not in markdown:
        return markdown
    lines: list[str] = []
    fence: str | None = None
    inside: str | None = None  # "block" or "inline", in a comment
    for line in markdown.split("\n"):
        if inside is not None:
            kind, end = inside, line.find("-->")
            if end >= 0:
                line, inside = line[end + 3 :], None
            if inside is not None or not line.strip():
                lines += [""] if kind == "block" else []
                continue
        elif fence is not None:
            fence = None if _closes(line, fence) else fence
            lines.append(line)
            continue
        elif (opening := _FENCE.match(line)) is not None:
            fence = opening["fence"]
            lines.append(line)
            continue
        line, left_open = _without_comments(line)
        if left_open:
            inside = "inline" if line.strip() else "block"
        lines.append(line)
    return "\n".join(lines)


def _without_comments(line: str) -> tuple[str, bool]:
    """A line without its HTML comments (code spans aside), and whether its last comment goes
    on after it."""
    if "<!--" not in line:
        return line, False
    spans = _code_spans(line)
    pieces: list[str] = []
    position = 0
    for start in _outside(line, "<!--", spans):
        if start < position:
            continue
        end = next(_outside(line, "-->", spans, start + 4), -1)
        before = line[position:start]
        if end < 0:
            return "".join([*pieces, before]), True
        position = end + 3
        # One space between the words on either side of the comment, not two.
        pieces.append(before.rstrip() if line[position : position + 1].isspace() else before)
    return "".join([*pieces, line[position:]]), False


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Where the code spans of a line of Markdown are: (start, end) of each, in order.

    As Python-Markdown reads them: a run of backticks (whose first is not escaped by a
    backslash) opens a span closed by the next run of the same length; failing that, it
    opens with as many of its backticks as the longest later run it can be closed by.
    Computed from the runs, read once each, however many of them and of whatever lengths.
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    # For each run, the length it opens with: the longest later run no longer than itself.
    opens = [0] * len(runs)
    later_lengths: list[int] = []  # the lengths of the runs after, sorted, each once
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        own = end - start - int(_escaped(text, start))  # `\`` is a backtick, not code
        found = bisect.bisect_right(later_lengths, own)
        opens[index] = later_lengths[found - 1] if found else 0
        where = bisect.bisect_left(later_lengths, end - start)
        if where == len(later_lengths) or later_lengths[where] != end - start:
            later_lengths.insert(where, end - start)
    closers: dict[int, deque[int]] = {}
    for index, (start, end) in enumerate(runs):
        closers.setdefault(end - start, deque()).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        queue = closers.get(opens[index])
        while queue and queue[0] <= index:
            queue.popleft()
        if not queue:
            index += 1
            continue
        closing = queue.popleft()
        start = runs[index][0]
        spans.append((start + int(_escaped(text, start)), runs[closing][1]))
        index = closing + 1
    return spans


def _escaped(text: str, position: int) -> bool:
    """Whether the character at `position` follows an odd number of backslashes."""
    before = position
    while before > 0 and text[before - 1] == "\\":
        before -= 1
    return (position - before) % 2 == 1


def _outside(text: str, needle: str, spans: list[tuple[int, int]], start: int = 0) -> Iterator[int]:
    """Where `needle` is in `text` from `start` on, outside the code spans `spans`."""
    found = text.find(needle, start)
    span = bisect.bisect_right(spans, found, key=lambda each: each[1])
    while found >= 0:
        while span < len(spans) and spans[span][1] <= found:
            span += 1
        if span < len(spans) and spans[span][0] <= found:
            found = text.find(needle, spans[span][1])
            continue
        yield found
        found = text.find(needle, found + 1)


def _skipped(block: list[str]) -> bool:
    """Whether a block is not running text: code, a heading, HTML, a table, a definition..."""
    first = block[0]
    if _BLOCK_START.match(first) or first.startswith(("    ", "\t")):
        return True
    return len(block) > 1 and _is_table_rule(block[1])


def _is_table_rule(line: str) -> bool:
    """Whether a line is a table's delimiter row: cells of dashes, each maybe between colons,
    separated by pipes, with a pipe at either end or not (`| :--- | ---: |`)."""
    # Plain string code: the pattern it replaces, with spaces allowed on both sides of each
    # pipe, backtracked for seconds on a long line of spaces.
    cells = line.strip().removeprefix("|").removesuffix("|").split("|")
    for cell in cells:
        dashes = cell.strip().removeprefix(":").removesuffix(":")
        if not dashes or dashes.strip("-"):
            return False
    return True


def _join_lines(lines: list[str]) -> str:
    """A block's lines on one line; the items of a list separated by ' · '."""
    # Lists of lines joined once: adding each line to a string copies the string each time,
    # which a paragraph of thousands of lines makes quadratic.
    items: list[list[str]] = []
    for line in lines:
        marker = _LIST_MARKER.match(line)
        if marker is not None or not items:
            items.append([line[marker.end() if marker else 0 :].strip()])
        else:
            items[-1].append(line.strip())
    return " · ".join(" ".join(item) for item in items)


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
    return text[:end].rstrip(" ,;:-\N{EM DASH}\N{EN DASH}\N{MIDDLE DOT}") + ELLIPSIS


def _plain_cut(head: str) -> bool:
    """Whether cutting after `head` cuts no link, code span, emphasis or tag in two."""
    if "`" in head or "_" in head or "<" in head:
        return False
    if head.count("[") != head.count("]") or head.rfind("](") > head.rfind(")"):
        return False
    return head.count("**") % 2 == 0 and head.replace("**", "").count("*") % 2 == 0


def _atom_cut(text: str, words: int) -> int:
    # The slow way, atom by atom: a link, code span or emphasis counts its words but is never
    # cut in two. A tag counts none: cutting just after one would leave an empty element.
    count = 0
    end = 0
    for match in _ATOMS.finditer(text):
        atom = match.group()
        if atom[0] != "<" or _TAG.fullmatch(atom) is None:
            count += len(atom.split())
        end = match.end()
        if count >= words:
            break
    return end


def balance_html(text: str) -> str:
    """`text`, Markdown, with its raw HTML made whole, so that it closes every element it
    opens and no other: it can then be set among other text without changing it.

    A tag left open is closed at the end (before a final ellipsis), and one closed out of
    order closes the elements opened inside it first. An end tag whose element is not open
    is dropped: it would close an element of the page around the text. Anything else
    Python-Markdown may pass on as raw HTML that is not a whole tag (`<span title="x`, `<!x`)
    has its `<` escaped, so that it reads as text and takes nothing after it into a tag.
    Code spans, autolinks and `<...>` link destinations are left as they are.
    """
    if "<" not in text:
        return text
    was_cut = text.endswith(ELLIPSIS)
    body = text.removesuffix(ELLIPSIS)
    elements = _OpenElements()
    pieces: list[str] = []
    position = 0
    spaced = False  # whether what is kept so far ends with a space
    for start in _outside(body, "<", _code_spans(body)):
        if start < position or body[max(start - 2, 0) : start] == "](":
            continue
        tag = _TAG.match(body, start)
        before = body[position:start]
        spaced = before[-1:].isspace() if before else spaced
        if tag is not None and tag["name"].lower() not in _NEVER_CLOSED:
            # A tag with a quoted '<' or '>' is left out, its text kept: Python-Markdown 3.6
            # ends the tag at the '>', and the listing around it would change.
            inner = tag.group()[1:-1]
            kept = "" if "<" in inner or ">" in inner else elements.tag(tag)
            position = tag.end()
            if kept:
                spaced = False
            elif spaced:  # one space where dropped tags were, not two
                while body[position : position + 1].isspace():
                    position += 1
            pieces += [before, kept]
        elif _TAG_LIKE.match(body, start) and not _AUTOLINK.match(body, start):
            pieces += [before, "&lt;"]
            position, spaced = start + 1, False
    pieces += [body[position:], elements.closing(), ELLIPSIS if was_cut else ""]
    return "".join(pieces)


class _OpenElements:
    """The elements a text has opened and not closed yet, innermost last."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.counts: dict[str, int] = {}

    def tag(self, tag: re.Match[str]) -> str:
        """The text that stands for `tag`: the tag itself, maybe after the end tags of the
        elements it closes first, or nothing for an end tag with nothing to close."""
        name = tag["name"].lower()
        if not tag["close"]:
            # `<span/>` opens a span all the same: HTML has no empty-element syntax.
            if name not in VOID_ELEMENTS:
                self.names.append(name)
                self.counts[name] = self.counts.get(name, 0) + 1
            return tag.group()
        if not self.counts.get(name):
            return ""
        inner: list[str] = []
        while (last := self.names.pop()) != name:
            self.counts[last] -= 1
            inner.append(f"</{last}>")
        self.counts[name] -= 1
        return "".join(inner) + tag.group()

    def closing(self) -> str:
        """The end tags of the elements still open, innermost first."""
        return "".join(f"</{name}>" for name in reversed(self.names))


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
    text = balance_html(cut(first_paragraph(markdown), words))
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
