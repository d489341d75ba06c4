"""Excerpts of answers taken from the write-up page's own Markdown tree.

The write-up page is converted by Python-Markdown once; a tree processor gives each answer's
section (the block-level elements after its `<h2>`) to `section_excerpt`, which makes the
excerpt as new elements (a paragraph, a list, or both) with the rules of
`excerpts.first_paragraph` and `excerpts.cut` (but that a list stays a list), and
`excerpt_html` serializes it as Python-Markdown would, raw HTML included and balanced. No
excerpt's Markdown is then converted a second time. Where no write-up page was converted
(`generate`), the answer alone is, and its excerpt is cut from that tree by the same rules.

Inside the tree, Python-Markdown keeps each piece of raw inline HTML (a tag, a comment, an
entity) as a placeholder of its HTML stash (`md.htmlStash`), put back only after the tree is
serialized, by its raw HTML postprocessor. A word is what a reader sees between white
space: a tag or a comment is none, as `excerpts.cut` counts tags none, and the title of a
link is not seen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from xml.etree.ElementTree import Element

import markdown
from markdown import util

from .excerpts import _TAG, ELLIPSIS, VOID_ELEMENTS, balance_html

_LISTS = frozenset({"ul", "ol"})
_BLOCKS = frozenset(
    "address article aside blockquote details dd div dl dt fieldset figure footer form h1 h2 "
    "h3 h4 h5 h6 header hr li main nav ol p pre section table ul".split()
)
"""Block-level elements: in a list item, the first one ends the item's own text."""
_DROPPED = " ,;:-\N{EM DASH}\N{EN DASH}\N{MIDDLE DOT}"
"""What is dropped before the ellipsis at a cut."""
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"([0-9]+)")
_ESCAPED = re.compile(f"{util.STX}([0-9]+){util.ETX}")
"""A character escaped by a backslash, as Python-Markdown keeps it until its `unescape`
tree processor runs (the excerpts' tree processor may run before or after it)."""
_COMMENT_START = "<!--"
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_NEVER_CLOSED = frozenset({"plaintext"})
"""Elements that no end tag closes: kept as text, never as a tag."""
_SERIALIZED = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][^\s/>]*)[^>]*>|" + util.HTML_PLACEHOLDER % r"(?P<key>[0-9]+)"
)
"""A tag the serializer wrote (it escapes every other '<' and '>'), or a raw HTML placeholder."""

_Piece = str | Element
"""Inline content in reading order: a text, or an inline element (its tail apart)."""


LEAD_IN_WORDS = 12
"""A paragraph that shows fewer words is a lead-in ("It depends."): an excerpt starts after
it when running text follows (see `section_excerpt`)."""
PULL_QUOTE = "pull-quote"
"""The class an author gives the passage to quote (`{: .pull-quote }`, with `attr_list`)."""


@dataclass(frozen=True)
class _Choice:
    """What an excerpt is made from: a paragraph, and the lists whose items follow it."""

    paragraph: Element | None
    lists: list[Element]


def section_excerpt(
    section: Sequence[Element], words: int, raw_html: Sequence[str | Element] = ()
) -> Element | None:
    """The excerpt of one answer, as a new `<div>` of a `<p>`, a list, or both, from its
    section's block-level elements.

    A paragraph the author marked as the pull quote (class `pull-quote`) is the excerpt.
    Else the first block of running text is taken: headings, code, tables, rules, `<div>`s
    (admonitions, Markdown in HTML) and paragraphs of raw HTML only are skipped; a quote
    gives its first paragraph, a list its items (nested items as items), and a paragraph
    ending with ':' is followed by the list after it. A lead-in (a paragraph of fewer than
    LEAD_IN_WORDS words) is skipped when running text follows it. A paragraph is cut after
    `words` words, never inside an inline element, with '…' after it; a list keeps its
    items whole (its first one cut if it alone is too long), a last item '…' if some are
    left out. None when the excerpt would have no words. The section is not changed.

    `raw_html` is the page's stash of raw HTML (`md.htmlStash.rawHtmlBlocks`): with it, an
    entity or raw HTML shown as text counts as a word; without it, a word made of raw HTML
    placeholders only is no word, as a tag is none.
    """
    shown = _Shown(raw_html)
    marked = _pull_quote(section)
    choice = _Choice(marked, []) if marked is not None else _chosen(section, shown)
    if choice is None:
        return None
    excerpt = Element("div")
    left = words
    if choice.paragraph is not None:
        cutter = _Cutter(words, shown)
        for piece in _inline(choice.paragraph):
            if not cutter.add(piece):
                break
        paragraph = cutter.result()
        if paragraph is not None:
            excerpt.append(paragraph)
            if cutter.more:
                return excerpt
            left = cutter.left
    items = _items(choice.lists, "", shown)
    if items:
        _listed(excerpt, choice.lists[0], [item for _, item in items], left, shown)
    return excerpt if len(excerpt) else None


def _pull_quote(section: Sequence[Element]) -> Element | None:
    """The paragraph of `section` its author marked to quote, if any."""
    for block in section:
        for element in block.iter("p"):
            if PULL_QUOTE in (element.get("class") or "").split():
                return element
    return None


def _listed(
    excerpt: Element, first: Element, items: list[Element], left: int, shown: _Shown
) -> None:
    """Append to `excerpt` a list like `first` of the `items` that fit in `left` words,
    whole; or, when none fits after a paragraph, an ellipsis to that paragraph."""
    listing = Element(first.tag, {k: v for k, v in first.items() if k == "start"})
    listing.text = "\n"  # one item a line, as Python-Markdown writes a list
    more = False
    for item in items:
        count = _item_words(item, shown)
        if count > left and (len(listing) or len(excerpt)):
            more = True
            break
        cutter = _Cutter(left, shown)
        for piece in _inline(item):
            if not cutter.add(piece):
                break
        taken = cutter.result()
        if taken is None:
            continue
        taken.tag = "li"
        taken.tail = "\n"
        listing.append(taken)
        left -= count
        if cutter.more:
            break
    if len(listing):
        if more:
            listing.append(Element("li"))
            listing[-1].text = ELLIPSIS
            listing[-1].tail = "\n"
        if len(excerpt):
            excerpt[-1].tail = "\n"
        excerpt.append(listing)
    elif more:
        paragraph = excerpt[-1]
        last = paragraph[-1] if len(paragraph) else None
        if last is None:
            paragraph.text = (paragraph.text or "").rstrip(_DROPPED) + ELLIPSIS
        else:
            last.tail = (last.tail or "").rstrip(_DROPPED) + ELLIPSIS


def _item_words(item: Element, shown: _Shown) -> int:
    """How many words a list item's own inline content shows."""
    return sum(
        len(shown.text(piece).split()) if isinstance(piece, str) else shown.words(piece)
        for piece in _inline(item)
    )


class _Shown:
    """What of a text a reader sees: raw HTML that shows nothing (a tag, a comment) aside."""

    def __init__(self, raw_html: Sequence[str | Element]) -> None:
        self.raw_html = raw_html

    def text(self, text: str | None) -> str:
        """`text` without placeholders of raw HTML that shows nothing, stripped."""
        if not text:
            return ""
        if util.STX in text:
            text = _PLACEHOLDER.sub(self._shown, text)
        return text.strip()

    def _shown(self, match: re.Match[str]) -> str:
        key = int(match[1])
        if key >= len(self.raw_html):
            return ""
        raw = self.raw_html[key]
        if isinstance(raw, str) and (raw.startswith(_COMMENT_START) or _is_tag(raw)):
            return ""
        return match.group()

    def words(self, element: Element) -> int:
        """How many words an inline element shows: those of its text and its images' alt."""
        text = "".join(element.itertext())
        if util.STX in text:
            count = sum(1 for token in _WORD.findall(text) if self.text(token))
        else:
            count = len(text.split())
        for image in element.iter("img"):
            count += len(image.get("alt", "").split()) or 1
        return count

    def has_words(self, element: Element) -> bool:
        """Whether `element`'s own inline content holds a word (or an image)."""
        return any(
            self.text(piece) if isinstance(piece, str) else self.words(piece)
            for piece in _inline(element)
        )

    def ends_with_colon(self, element: Element) -> bool:
        """Whether what `element` shows ends with a colon (it introduces what follows)."""
        for piece in reversed(list(_inline(element))):
            text = self.text(piece if isinstance(piece, str) else "".join(piece.itertext()))
            if text:
                return text.endswith(":")
        return False


def _is_tag(raw: str) -> bool:
    """Whether a piece of raw HTML is one whole tag (which shows nothing)."""
    tag = _TAG.fullmatch(raw)
    return tag is not None and tag["name"].lower() not in _NEVER_CLOSED


def _chosen(section: Sequence[Element], shown: _Shown) -> _Choice | None:
    """The paragraph and lists an excerpt is made from: the first that informs, or else
    the first of all (see `section_excerpt`)."""
    first: _Choice | None = None
    for index, block in enumerate(section):
        lead = _lead(block, shown)
        if lead is None:
            continue
        if lead.tag in _LISTS:
            return _Choice(None, [lead, *_lists_after(section, index + 1)])
        lists = _lists_after(section, index + 1) if shown.ends_with_colon(lead) else []
        choice = _Choice(lead, lists)
        if lists or shown.words(lead) >= LEAD_IN_WORDS:
            return choice
        first = first or choice
    return first


def _lead(block: Element, shown: _Shown) -> Element | None:
    """The paragraph or list of `block` an excerpt starts from, or None if it is skipped."""
    if block.tag == "blockquote":
        block = next((child for child in block if child.tag in _LISTS or child.tag == "p"), block)
    if block.tag in _LISTS:
        return block if _items([block], "", shown) else None
    if block.tag != "p" or _only_raw_html(block) or not shown.has_words(block):
        return None
    return block


def _only_raw_html(paragraph: Element) -> bool:
    """Whether a paragraph is only raw HTML: a block of it (code of the fenced code
    extension, an HTML block, a comment), which Python-Markdown puts in for the paragraph."""
    return (
        len(paragraph) == 0 and _PLACEHOLDER.fullmatch((paragraph.text or "").strip()) is not None
    )


def _lists_after(section: Sequence[Element], start: int) -> list[Element]:
    """The lists that follow one another in `section` from `start` on."""
    lists: list[Element] = []
    for block in section[start:]:
        if block.tag not in _LISTS:
            break
        lists.append(block)
    return lists


def _items(lists: list[Element], first: str, shown: _Shown) -> list[tuple[str, Element]]:
    """The items of `lists` (and of lists nested in them), each with the text before it:
    `first` for the first, ' · ' for the others."""
    items: list[tuple[str, Element]] = []
    for each in lists:
        for item in each:
            if item.tag != "li":
                continue
            # A loose item holds its text in paragraphs: the first one is its text.
            loose = len(item) > 0 and item[0].tag == "p" and not shown.text(item.text)
            own = item[0] if loose else item
            if shown.has_words(own):
                items.append((" \N{MIDDLE DOT} " if items else first, own))
            nested = [child for child in item if child.tag in _LISTS]
            items += [
                (" \N{MIDDLE DOT} " if items or index else first, element)
                for index, (_, element) in enumerate(_items(nested, "", shown))
            ]
    return items


def _inline(element: Element) -> Iterator[_Piece]:
    """The inline content of `element`, up to its first block-level child."""
    if element.text:
        yield element.text
    for child in element:
        if child.tag in _BLOCKS:
            return
        yield child
        if child.tail:
            yield child.tail


def _stream(chosen: list[tuple[str, Element]]) -> Iterator[_Piece]:
    """The inline content of the chosen elements, with the text that goes between them."""
    for before, element in chosen:
        if before:
            yield before
        yield from _inline(element)


class _Cutter:
    """An excerpt being made: inline content copied into a new `<p>`, up to a word limit.

    A word is what white space separates, as `excerpts.cut` counts it: text glued to an
    inline element (`[link](x).`) belongs to the element's last word, not to a new one.
    The limit reached, the last word is taken to its end, then what follows is only looked
    at, for a word left out.
    """

    TAKING, FINISHING, AFTER = range(3)

    def __init__(self, words: int, shown: _Shown) -> None:
        self.shown = shown
        self.paragraph = Element("p")
        self.last: Element | None = None
        """The last element copied into the paragraph: text after it is its tail."""
        self.left = words
        """How many words may still be taken."""
        self.phase = self.TAKING if words > 0 else self.AFTER
        self.glued = False
        """Whether the content so far ends inside a word (no white space after it)."""
        self.counted = False
        """Whether the word being read (when glued) was counted."""
        self.taken = False
        """Whether any word was taken."""
        self.more = False
        """Whether a word was left out after the cut."""

    def add(self, piece: _Piece) -> bool:
        """Take `piece`, or the part of it within the limit; False once nothing more is."""
        if isinstance(piece, str):
            return self._add_text(piece)
        if self.phase == self.AFTER:
            self.more = self.shown.words(piece) > 0
            return not self.more
        text = "".join(piece.itertext())
        glued = self.glued and (piece.tag == "img" or text[:1].strip() != "")
        if self.phase == self.FINISHING and not glued:
            self.phase = self.AFTER
            return self.add(piece)
        count = self.shown.words(piece)
        if glued and self.counted and count:
            count -= 1  # its first word is the end of the word before
        self.counted = count > 0 or (glued and self.counted)
        self._count(count)
        self._append(piece)
        self.glued = piece.tag == "img" or text[-1:].strip() != ""
        if self.left < 0:
            # The limit fell inside the element, kept whole: the cut is right after it, as
            # `excerpts.cut` makes it, not after text glued to it.
            self.phase = self.AFTER
        return True

    def _add_text(self, text: str) -> bool:
        """Take the words of `text` within the limit, the last one to its end."""
        hidden = text.find(_COMMENT_START)
        if hidden >= 0:
            # A comment never closed: Python-Markdown shows it as text, the excerpt hides it
            # and all after it, as `excerpts.first_paragraph` does.
            self._add_text(text[:hidden])
            if self.phase == self.FINISHING:
                self.phase = self.AFTER
            return False
        if self.phase == self.AFTER:
            self.more = bool(self.shown.text(text))
            return not self.more
        if util.STX in text:
            return self._add_words(text)
        return self._add_plain(text)

    def _add_plain(self, text: str) -> bool:
        """Take the words of a text without raw HTML, counted at once: the common case."""
        if not text:
            return True
        glued = self.glued and not text[0].isspace()
        continuing = int(glued and self.counted)  # its first word ends the word before
        if self.phase == self.FINISHING:
            if not glued:
                self.phase = self.AFTER
                return self._add_text(text)
            index = 0
        else:
            words = len(text.split()) - continuing
            if words < self.left:
                self._count(words)
                self.counted = self.counted or words > 0 or continuing > 0
                self.glued = not text[-1].isspace()
                self._take(text)
                return True
            index = self.left - 1 + continuing
            self._count(self.left)
        last = next(islice(_WORD.finditer(text), index, None))
        if last.end() == len(text):  # the last word may go on in the next piece
            self.glued = self.counted = True
            self._take(text)
            return True
        end = _past_brackets(text, last.end())
        self._take(text[:end])
        self.phase = self.AFTER
        return self._add_text(text[end:])

    def _add_words(self, text: str) -> bool:
        """Take the words of a text with raw HTML in it, one by one: a word of placeholders
        of tags only is no word."""
        for match in _WORD.finditer(text):
            if match.start() > 0 or not self.glued:  # a new word
                if self.phase == self.FINISHING:
                    end = _past_brackets(text, match.start())
                    self._take(text[:end].rstrip())
                    self.phase = self.AFTER
                    return self._add_text(text[end:])
                self.counted = False
            if not self.counted and self.shown.text(match.group()):
                self.counted = True
                self._count(1)
        self.glued = text[-1:].strip() != ""
        if self.phase == self.FINISHING and not self.glued:
            self._take(text.rstrip())
            self.phase = self.AFTER
        else:
            self._take(text)
        return True

    def _count(self, words: int) -> None:
        """Count `words` taken."""
        self.left -= words
        self.taken = self.taken or words > 0
        if self.left <= 0:
            self.phase = self.FINISHING

    def _take(self, text: str) -> None:
        """Append `text` to the excerpt, its escaped characters restored."""
        if not text:
            return
        text = _unescaped(text) or ""
        if self.last is None:
            self.paragraph.text = (self.paragraph.text or "") + text
        else:
            self.last.tail = (self.last.tail or "") + text

    def _append(self, element: Element) -> None:
        """Append a copy of `element` (without its tail) to the excerpt."""
        copy = _copy(element)
        copy.tail = None
        self.paragraph.append(copy)
        self.last = copy

    def result(self) -> Element | None:
        """The excerpt, with '…' if words were left out; None if it has no words."""
        if not self.taken:
            return None
        if self.more:
            if self.last is None:
                self.paragraph.text = (self.paragraph.text or "").rstrip(_DROPPED) + ELLIPSIS
            else:
                self.last.tail = (self.last.tail or "").rstrip(_DROPPED) + ELLIPSIS
        return self.paragraph


def _past_brackets(text: str, cut: int) -> int:
    """Where to cut `text` at `cut` or after: after the bracket closing one left open before
    `cut` (and what is glued to it), as `excerpts.cut` keeps `[text][label]` whole."""
    opening = text.rfind("[", 0, cut)
    if opening < 0 or text.find("]", opening, cut) >= 0:
        return cut
    closing = text.find("]", cut)
    if closing < 0:
        return cut
    glued = _SPACE.search(text, closing)
    return len(text) if glued is None else glued.start()


def _copy(element: Element) -> Element:
    """A deep copy of `element`, its escaped characters restored as Python-Markdown's
    `unescape` tree processor does (not in the text of code)."""
    copy = Element(element.tag, {key: _unescaped(value) or "" for key, value in element.items()})
    copy.text = element.text if element.tag == "code" else _unescaped(element.text)
    copy.tail = _unescaped(element.tail)
    copy.extend(_copy(child) for child in element)
    return copy


def _unescaped(text: str | None) -> str | None:
    """`text` with the characters escaped by a backslash restored."""
    if text is None or util.STX not in text:
        return text
    return _ESCAPED.sub(lambda match: chr(int(match[1])), text)


def excerpt_html(element: Element, md: markdown.Markdown) -> str:
    """`element` as HTML, as `md` outputs it, its raw HTML restored from `md`'s stash and
    made whole: every element it opens is closed inside the element that holds it, an end
    tag with nothing to close is dropped, and comments are left out."""
    text = md.serializer(element)
    if util.STX in text:
        text = _balanced(text, md.htmlStash.rawHtmlBlocks)
    for processor in md.postprocessors:
        text = processor.run(text)
    return text


def _balanced(text: str, stash: Sequence[str | Element]) -> str:
    """Serialized HTML with its raw HTML tags put in: those left open are closed before the
    end tag of the element that holds them; other raw HTML stays for the postprocessors."""
    opened: list[tuple[str, bool]] = []  # (name, whether raw), innermost last
    pieces: list[str] = []
    position = 0
    for match in _SERIALIZED.finditer(text):
        pieces.append(text[position : match.start()])
        position = match.end()
        key = match["key"]
        if key is None:
            name = match["name"].lower()
            if match["close"]:
                _close_raw(opened, pieces)
                if opened:
                    opened.pop()
            elif name not in VOID_ELEMENTS:
                opened.append((name, False))
            pieces.append(match.group())
        elif int(key) < len(stash):
            pieces.append(_raw(stash[int(key)], match.group(), opened))
        else:
            pieces.append(match.group())
    pieces.append(text[position:])
    return "".join(pieces)


def _raw(raw: str | Element, placeholder: str, opened: list[tuple[str, bool]]) -> str:
    """What stands for one piece of raw HTML: a tag, kept if it closes what it opens; the
    placeholder, for the postprocessors to restore; or nothing (a comment, an end tag with
    nothing to close)."""
    if not isinstance(raw, str) or raw.startswith("&"):
        return placeholder  # an entity, or a tree of Markdown in HTML: whole already
    if raw.startswith(_COMMENT_START):
        return ""
    tag = _TAG.fullmatch(raw)
    if tag is None:
        # Not one whole tag (`<span title="a>`, a block): made whole, what is no tag as
        # text, without the comments it may hold.
        return balance_html(_COMMENT.sub("", raw))
    name = tag["name"].lower()
    if name in _NEVER_CLOSED:
        return html.escape(raw, quote=False)
    if not tag["close"]:
        # `<span/>` opens a span all the same: HTML has no empty-element syntax.
        if name not in VOID_ELEMENTS:
            opened.append((name, True))
        return raw
    inner: list[str] = []
    for index in range(len(opened) - 1, -1, -1):
        if not opened[index][1]:
            return ""  # only what was opened inside the same element may be closed
        if opened[index][0] == name:
            inner = [f"</{each}>" for each, _ in reversed(opened[index + 1 :])]
            del opened[index:]
            return "".join(inner) + raw
    return ""


def _close_raw(opened: list[tuple[str, bool]], pieces: list[str]) -> None:
    """Close the raw elements opened in the innermost element of the serializer, before a
    final ellipsis."""
    closing: list[str] = []
    while opened and opened[-1][1]:
        closing.append(f"</{opened.pop()[0]}>")
    if closing:
        last = pieces[-1]
        cut = len(last) - len(ELLIPSIS) if last.endswith(ELLIPSIS) else len(last)
        pieces[-1] = last[:cut] + "".join(closing) + last[cut:]
