"""What a page shows of a write-up's own text, made safe for any builder and theme.

MkDocs and Material print front-matter values into pages without escaping them, render a
front matter they cannot read as page text, and Python-Markdown's `attr_list` takes quadratic
time on a heading with a long run of spaces. The plugin and `generate` both hand their pages
through these, so that every builder gets the same safe text.
"""

from __future__ import annotations

import html
from collections.abc import MutableMapping
from typing import Any

from .sections import scan_headings
from .writeups import split_front_matter

PRINTED_KEYS = ("title", "description", "subtitle", "status")
"""Front-matter keys that MkDocs or Material print into pages without escaping them."""


def safe_meta(meta: MutableMapping[str, Any], *, writeup_file: bool) -> None:
    """Make the printed front-matter values safe as HTML, in place.

    MkDocs and Material print a front-matter title into <title>, the header and <h1>, and a
    description into a <meta> attribute, without escaping them (a `title: <script>` runs).
    Text is escaped. A list, a mapping or binary would be printed as Python shows it: a
    write-up's is withheld (the core reports it), another page's is escaped too.
    """
    for key in PRINTED_KEYS:
        if key not in meta:
            continue
        value = meta[key]
        if writeup_file and isinstance(value, list | dict | bytes):
            del meta[key]
        else:
            meta[key] = html.escape(str(value), quote=True)


def unread_front_matter(markdown: str) -> str:
    """A page whose front matter MkDocs could not read, with that front matter shown as code.

    MkDocs then renders the front matter as Markdown, so any markup in it would be live
    (`title: <img onerror=...>`); as an indented code block it is shown as the author wrote
    it, escaped. The problem itself is reported by the core.
    """
    if not markdown.startswith("---"):
        return markdown
    try:
        front, body = split_front_matter(markdown)
    except ValueError:
        front, body = markdown, ""  # never closed: MkDocs shows the whole file as Markdown
    block = "\n".join(f"    {line}" for line in f"---{front}---".split("\n"))
    return f"{block}\n\n{body}"


LONG_SPACES = " " * 64
"""A run of spaces no author types in a heading (browsers show any run as one space)."""


def calm_headings(markdown: str) -> str:
    """The text with every run of spaces or tabs in a heading line made one space.

    Only when a heading holds a very long run: Python-Markdown's attribute lists take
    quadratic time on it (a heading of 200,000 spaces took 30 s to build). Text elsewhere,
    and code, is left as written.
    """
    if LONG_SPACES not in markdown:
        return markdown
    lines = markdown.split("\n")
    for heading in scan_headings(markdown):
        if LONG_SPACES in lines[heading.line]:
            lines[heading.line] = " ".join(lines[heading.line].split())
    return "\n".join(lines)
