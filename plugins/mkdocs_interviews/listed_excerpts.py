"""Answers' excerpts for the plugin's listings, as HTML taken from their write-ups' own
Markdown conversions: no excerpt is converted again on the pages that list it.

The listing pages are converted with a *token* where each excerpt goes (an excerpt's HTML is
known only once its write-up has been converted, and MkDocs converts pages in no promised
order); the plugin puts the HTML in place of the tokens once every page is converted, before
the theme and the search index see the page (`fill`). An excerpt's links are kept relative
to the site's root, and made relative to each listing page when it is filled in.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from . import urls
from .excerpt_tree import excerpt_html, section_excerpt
from .excerpts import REFERENCE_USE, references
from .model import Answer, WriteUp

TOKEN = "interviews_excerpt_{number}_"
"""Stands for an excerpt in a listing's Markdown: a word that Python-Markdown leaves as it is
(underscores inside a word are no emphasis) and that no text of the page can spell: the
templates write every `_` of a value as a character reference."""
_TOKEN = re.compile(r"(<p>)?interviews_excerpt_([0-9]+)_(</p>)?")
"""A token, with the paragraph a Markdown template's conversion may have put it alone in."""

ROOT = "interviews-site-root:/"
"""Where an excerpt's relative links start, until its listing page is known."""


class ListedExcerpts:
    """The excerpts of every listed answer, by write-up path and question id."""

    def __init__(
        self,
        words: int,
        directory_urls: bool,
        md: markdown.Markdown,
        from_conversions: bool = False,
    ) -> None:
        self.words = words
        self.directory_urls = directory_urls
        self._md = md
        """Python-Markdown with the site's extensions, for an excerpt no conversion gave."""
        self._own: _OwnConversion | None = None
        """Takes such an excerpt from the conversion of its answer (see `_converted`)."""
        self.from_conversions = from_conversions
        """Whether the write-ups' own conversions give the excerpts (`take`, the plugin's
        build); else each is converted on its own (`generate`)."""
        self._keys: list[tuple[WriteUp, Answer]] = []
        self._numbers: dict[tuple[str, str], int] = {}
        self._html: dict[tuple[str, str], str] = {}

    def token(self, writeup: WriteUp, answer: Answer) -> Markup:
        """What stands for an answer's excerpt on a listing page until `fill`."""
        key = (writeup.path, answer.question.id)
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self._keys)
            self._keys.append((writeup, answer))
        return Markup(TOKEN.format(number=number))

    def take(
        self, path: str, question_id: str, section: Sequence[Element], md: markdown.Markdown
    ) -> None:
        """Keep the excerpt of the answer whose section (its `<h2>`'s following siblings, up
        to the next) is in the converted page of the write-up at `path`."""
        element = section_excerpt(section, self.words, md.htmlStash.rawHtmlBlocks)
        if element is None:
            self._html[(path, question_id)] = ""
            return
        page = urls.page_url(path, self.directory_urls)
        for node in element.iter():
            for attribute in ("href", "src"):
                value = node.get(attribute)
                if value is not None:
                    node.set(attribute, _rooted(value, page))
        self._html[(path, question_id)] = blocks_html(excerpt_html(element, md))

    def kept(self) -> dict[tuple[str, str], str]:
        """Every excerpt known so far, by (write-up path, question id), links from the root."""
        return dict(self._html)

    def keep(self, excerpts: Mapping[tuple[str, str], str]) -> None:
        """Know these excerpts (an earlier build's) before any conversion gives them: those
        of write-ups that are not converted again are taken from here (see `preview`)."""
        self._html.update(excerpts)

    def html(self, writeup: WriteUp, answer: Answer, page_url: str) -> str:
        """An answer's excerpt as HTML, its links made for the page at `page_url`."""
        return self._rooted_html(writeup, answer).replace(ROOT, _up(page_url))

    def fill(self, content: str, page_url: str) -> str:
        """A converted listing page with each excerpt's HTML in place of its token."""
        if "interviews_excerpt_" not in content:
            return content
        up = _up(page_url)
        return _TOKEN.sub(lambda found: self._filled(found, up), content)

    def _filled(self, found: re.Match[str], up: str) -> str:
        """An excerpt's blocks in place of a paragraph of its token alone; inside other
        text, a paragraph's content (a list stays a list)."""
        writeup, answer = self._keys[int(found[2])]
        html = self._rooted_html(writeup, answer).replace(ROOT, up)
        if found[1] and found[3]:
            return html
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return (found[1] or "") + html + (found[3] or "")

    def _rooted_html(self, writeup: WriteUp, answer: Answer) -> str:
        """An answer's excerpt, its links from the site's root (see ROOT)."""
        key = (writeup.path, answer.question.id)
        html = self._html.get(key)
        if html is None:  # no conversion gave it: `generate`, or `serve --dirty`
            html = self._html[key] = self._converted(writeup, answer)
        return html

    def _converted(self, writeup: WriteUp, answer: Answer) -> str:
        """The excerpt cut from its answer converted on its own (with the write-up's link
        definitions), by the rules of the write-up page's conversion: links re-pointed from
        the write-up's file (`.md` targets made URLs) to the site's root."""
        text = answer.markdown
        if "[" in text and REFERENCE_USE.search(text):
            refs = references("\n\n".join(a.markdown for a in writeup.answers))
            text += "\n\n" + "\n".join(_definition(label, *ref) for label, ref in refs.items())
        if self._own is None:
            self._own = _OwnConversion(self._md)
        folder = posixpath.dirname(writeup.path)

        def rooted(link: str) -> str:
            return _rooted_file(link, folder, writeup.path, self.directory_urls)

        return self._own.excerpt(text, self.words, rooted)


class _OwnConversion(Treeprocessor):
    """Cuts an answer's excerpt from the tree of the answer's own conversion, as the write-up
    page's conversion would (`section_excerpt`), after every other tree processor."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.words = 0
        self.rooted: Callable[[str], str] = str
        self.html = ""
        md.treeprocessors.register(self, "interviews_own_excerpt", -20)

    def excerpt(self, text: str, words: int, rooted: Callable[[str], str]) -> str:
        """The excerpt of the answer `text` as HTML, its links passed through `rooted`."""
        self.words, self.rooted, self.html = words, rooted, ""
        assert self.md is not None
        self.md.reset().convert(text)
        return self.html

    def run(self, root: Element) -> None:
        section: list[Element] = []
        for block in root:
            if block.tag in ("h1", "h2"):
                break
            section.append(block)
        assert self.md is not None
        element = section_excerpt(section, self.words, self.md.htmlStash.rawHtmlBlocks)
        if element is None:
            return
        for node in element.iter():
            for attribute in ("href", "src"):
                value = node.get(attribute)
                if value is not None:
                    node.set(attribute, self.rooted(value))
        self.html = blocks_html(excerpt_html(element, self.md))


def _definition(label: str, url: str, title: str | None) -> str:
    """A link reference definition, as Markdown."""
    if title is None:
        return f"[{label}]: <{url}>"
    quoted = f'"{title}"' if '"' not in title else f"({title})"
    return f"[{label}]: <{url}> {quoted}"


def plain_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions the plugin switches on, for a site's excerpts
    when the site's own are not known."""
    return markdown.Markdown(extensions=["attr_list", "md_in_html"])


def _up(page_url: str) -> str:
    """The relative path from the page at `page_url` to the site's root."""
    return "../" * (page_url.count("/") if page_url not in ("./", "") else 0)


def blocks_html(html: str) -> str:
    """The blocks of an excerpt's HTML (`<div><p>...</p><ul>...</ul></div>`), without the
    `<div>` that holds them."""
    html = html.strip()
    if html.startswith("<div>") and html.endswith("</div>"):
        return html[5:-6].strip()
    return html


def _rooted(link: str, page: str) -> str:
    """A link of the write-up's page at URL `page`, made to start at the site's root."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("/"):
        return link
    base = page if page.endswith("/") else posixpath.dirname(page) + "/"
    if page in ("./", ""):
        base = ""
    path = posixpath.normpath(base + parts.path) if parts.path else page.rstrip("/")
    if parts.path.endswith("/") or (not parts.path and page.endswith("/")):
        path += "/"
    return _with_rest(ROOT + ("" if path in (".", "./") else path), parts.query, parts.fragment)


def _rooted_file(link: str, folder: str, source: str, directory_urls: bool) -> str:
    """A link written in the write-up's file (`../other.md#x`), made a URL from the root."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("/"):
        return link
    target = posixpath.normpath(posixpath.join(folder, parts.path)) if parts.path else source
    return _with_rest(
        ROOT + urls.page_url(target, directory_urls).removeprefix("./"), parts.query, parts.fragment
    )


def _with_rest(path: str, query: str, fragment: str) -> str:
    return path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")
