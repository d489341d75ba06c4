"""A write-up's decoration (its header, the link after each answer, its footer) and the two
ways of placing it: inside the page's own Markdown conversion, or in its text. In the
conversion, the answers' excerpts for the listings are taken from the same tree.

The plugin registers `DecorationExtension`, a Python-Markdown extension whose tree processor
places the decoration's HTML in the converted page, where Python-Markdown keeps it as it is
(stashed HTML): no extra Markdown is parsed. Before each write-up's conversion the plugin hands
it that write-up's `Decoration`; other pages are left alone. `Decoration.in_text` places the
same HTML in the Markdown text as blocks, for builders that run no plugin (`generate`).

A site on a builder without plugins (Zensical) can add the extension to its Markdown
extensions, but nothing would hand it a page's decoration there: it leaves every page as it
is. Such a site builds `generate`'s folder, whose write-ups hold their decoration already.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

PRIORITY = -5
"""After Python-Markdown's own tree processors and MkDocs' link rewriting (priority 0): the
decoration's links are already URLs, and the page's are final when this runs."""

SECTION = ("h1", "h2")
"""The headings that end an answer's section."""


@dataclass(frozen=True)
class Decoration:
    """The HTML around one write-up's text."""

    header: str
    after: dict[str, str]
    """The link after each answer, by the question id its heading is anchored with."""
    footer: str
    ends: tuple[tuple[int, str], ...] = field(default=())
    """Where each answer's section ends in the anchored text (line index), with its id."""
    take: Callable[[str, Sequence[etree.Element], markdown.Markdown], None] | None = None
    """Given each answer's question id and converted section, keeps its excerpt for the
    listings (see `listed_excerpts`), in the conversion's one pass."""
    body: Mapping[str, str] = field(default_factory=dict)
    """The attributes of an element placed around the whole page in its conversion (the
    search's body, see `search.BODY`); none in the text, where an element around Markdown
    would keep it from being converted."""

    def in_text(self, anchored: str) -> str:
        """The anchored Markdown with the decoration in it, as blocks of HTML."""
        lines = anchored.split("\n")
        # From the end, so that inserting lines keeps the earlier indexes right.
        for end, question_id in reversed(self.ends):
            while end > 0 and not lines[end - 1].strip():
                end -= 1
            lines[end:end] = ["", self.after[question_id].strip("\n"), ""]
        body = "\n".join(lines).strip("\n")
        return f"{self.header}\n\n{body}\n\n{self.footer}\n"


class DecorationExtension(Extension):
    """Places the decoration of the write-up being converted (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.page: Decoration | None = None
        """The decoration of the next page to convert; None for a page that has none."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_PlaceDecoration(md, self), "interviews_decoration", PRIORITY)


class _PlaceDecoration(Treeprocessor):
    """Puts the header first, each answer's link at the end of its section, the footer last."""

    def __init__(self, md: markdown.Markdown, extension: DecorationExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        decoration, self.extension.page = self.extension.page, None
        if decoration is None:
            return
        children = list(root)
        # The answers' headings, anchored by question id in the text, end their sections at
        # the next heading of the same or a higher level (as the text is read).
        remaining = dict(decoration.after)
        placed: list[tuple[int, str]] = []
        for position, child in enumerate(children):
            question_id = child.get("id") if child.tag == "h2" else None
            if question_id in remaining:  # the first heading of a question, as in the text
                end = next(
                    (i for i in range(position + 1, len(children)) if children[i].tag in SECTION),
                    len(children),
                )
                placed.append((end, remaining.pop(question_id)))
                if decoration.take is not None:
                    decoration.take(question_id, children[position + 1 : end], self.md)
        for end, html in reversed(placed):
            root.insert(end, self._stashed(html))
        root.insert(0, self._stashed(decoration.header))
        root.append(self._stashed(decoration.footer))
        if decoration.body:
            wrapper = etree.Element("div", dict(decoration.body))
            wrapper.text = "\n"
            wrapper.extend(list(root))
            for child in list(root):
                root.remove(child)
            wrapper.tail = "\n"
            root.append(wrapper)

    def _stashed(self, html: str) -> etree.Element:
        """A block of HTML that Python-Markdown puts in the page as it is."""
        block = etree.Element("p")
        block.text = self.md.htmlStash.store(html.strip("\n"))
        block.tail = "\n"  # as Python-Markdown ends every block, before this ran
        return block
