"""The headings of a generated page, written by its template through one helper: as HTML with
the ids and permalinks the site's `toc` extension would give them (the plugin's pages, which
reach the theme as HTML), or as Markdown headings with those ids (`generate`'s files, which
a builder converts), and the page's table of contents from the same data.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from .render import escape_text

_TAGS = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class HeadingStyle:
    """How the site's Markdown writes headings: its `toc` extension's settings."""

    permalink: str | None = None
    """The permalink's text (`&para;` for `permalink: true`), or None for no permalink."""
    permalink_title: str = "Permanent link"
    permalink_class: str = "headerlink"
    slugify: Callable[[str, str], str] = slugify
    separator: str = "-"

    @classmethod
    def from_toc(cls, settings: dict[str, Any]) -> HeadingStyle:
        """The style of a `toc` extension with these settings (mkdocs.yml's)."""
        permalink = settings.get("permalink", False)
        return cls(
            permalink="&para;" if permalink is True else (str(permalink) if permalink else None),
            permalink_title=str(settings.get("permalink_title", "Permanent link")),
            permalink_class=str(settings.get("permalink_class", "headerlink")),
            slugify=settings.get("slugify", slugify),
            separator=str(settings.get("separator", "-")),
        )


@dataclass
class PageHeadings:
    """The headings of one page, as its template writes them (`{{ h(2, text) }}`)."""

    style: HeadingStyle
    as_html: bool
    reserved: frozenset[str] = frozenset()
    """Ids given explicitly on the page (`h(2, "Coverage", id="coverage")`): as the `toc`
    extension does, no heading without one takes them, wherever it comes."""
    ids: set[str] = field(default_factory=set)
    tokens: list[dict[str, Any]] = field(default_factory=list)
    """The table of contents, as Python-Markdown's `toc` extension makes it."""
    explicit: set[str] = field(default_factory=set)
    """The explicit ids asked for; when one is not in `reserved`, the page is made again
    with them reserved (see `Renderer.html`)."""
    _taken: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.ids.update(self.reserved)

    def __call__(
        self, level: int, text: object, id: str | None = None, link: object = None
    ) -> Markup:
        shown = text if isinstance(text, Markup) else escape_text(str(text).strip())
        plain = html.unescape(_TAGS.sub("", shown))
        if id is not None:
            self.explicit.add(id)
        if id is not None and id in self.reserved and id not in self._taken:
            anchor = id  # kept for it from the start
            self._taken.add(id)
        else:
            anchor = unique(id or self.style.slugify(plain, self.style.separator), self.ids)
        self._listed(level, anchor, shown)
        content = Markup(f'<a href="{link}">{shown}</a>') if link else shown
        if not self.as_html:
            if content.endswith("#"):  # not a closing hash: shown, as `C#` is
                content = Markup(f"{content[:-1]}&#35;")
            return Markup(f"\n{'#' * level} {content} {{ #{anchor} }}\n")
        permalink = ""
        if self.style.permalink is not None:
            permalink = (
                f'<a class="{self.style.permalink_class}" href="#{anchor}" '
                f'title="{self.style.permalink_title}">{self.style.permalink}</a>'
            )
        return Markup(f'<h{level} id="{anchor}">{content}{permalink}</h{level}>')

    def anchor(self, id: str) -> str:
        """The id `id` for an element that is not a heading (a reader's question in the ask
        page's queue), which links elsewhere name: kept from every heading, as an explicit
        heading id is."""
        self.explicit.add(id)
        if id in self.reserved and id not in self._taken:
            self._taken.add(id)
            return id
        return unique(id, self.ids)

    @property
    def complete(self) -> bool:
        """Whether every explicit id was reserved, so that none went to another heading."""
        return self.explicit <= self.reserved

    def _listed(self, level: int, anchor: str, name: str) -> None:
        token: dict[str, Any] = {"level": level, "id": anchor, "name": name, "children": []}
        siblings = self.tokens
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
