"""The headings of the plugin's HTML pages: the ids, permalinks and table of contents that
Python-Markdown's `toc` extension gives the same headings written in Markdown."""

from __future__ import annotations

from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_interviews.headings import HeadingStyle, PageHeadings

STYLES: dict[str, dict[str, Any]] = {
    "plain": {},
    "permalink": {"permalink": True},
    "own symbol": {"permalink": "#", "permalink_title": "Link here", "separator": "_"},
}

HEADINGS = [
    (2, "Coverage", None),  # before the heading whose id is `coverage`, which keeps it
    (3, "R&D *Labs* & C#", None),
    (2, "Twice", None),
    (2, "Twice", None),
    (2, "Coverage", "coverage"),
    (2, "!!!", None),  # no letters: an id of its own all the same
]


def shown(html: str) -> list[tuple[str, str, str, list[tuple[str, str, str]]]]:
    """Each heading's tag, id, text and permalinks (href, title, text)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (
            tag.name,
            str(tag.get("id")),
            "".join(tag.find_all(string=True, recursive=False)),
            [(str(a["href"]), str(a.get("title")), a.get_text()) for a in tag.select("a")],
        )
        for tag in soup.find_all(["h2", "h3"])
    ]


def outline(tokens: list[dict[str, Any]]) -> list[Any]:
    return [(t["level"], t["id"], outline(t["children"])) for t in tokens]


@pytest.mark.parametrize("name", STYLES)
def test_ids_permalinks_and_table_of_contents_are_the_toc_extensions(name: str) -> None:
    settings = STYLES[name]
    md = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": settings})
    source = "\n\n".join(
        f"{'#' * level} {text.replace('*', chr(92) + '*').replace('#', chr(92) + '#')}"
        + (f" {{ #{anchor} }}" if anchor else "")
        for level, text, anchor in HEADINGS
    )
    expected = md.convert(source)
    for reserved in (frozenset(), frozenset({"coverage"})):
        headings = PageHeadings(HeadingStyle.from_toc(settings), True, reserved)
        made = "\n".join(headings(level, text, id=anchor) for level, text, anchor in HEADINGS)
        if not headings.complete:  # as the renderer does: again, the explicit ids kept
            assert reserved == frozenset()
            continue
        assert shown(made) == shown(expected)
        assert outline(headings.tokens) == outline(md.toc_tokens)


def test_in_markdown_the_headings_keep_their_ids_and_text() -> None:
    """As `generate` writes them: converted, the same headings as the HTML ones."""
    as_html = PageHeadings(HeadingStyle(), True, frozenset({"coverage"}))
    as_markdown = PageHeadings(HeadingStyle(), False, frozenset({"coverage"}))
    html = "\n".join(as_html(level, text, id=anchor) for level, text, anchor in HEADINGS)
    text = "".join(as_markdown(level, text, id=anchor) for level, text, anchor in HEADINGS)
    converted = markdown.markdown(text, extensions=["attr_list", "toc"])
    assert shown(converted) == shown(html)
