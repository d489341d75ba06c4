"""The Jinja environment of the generated pages: Markdown out, front-matter text escaped.

Every `{{ value }}` that is a plain string is escaped for Markdown and HTML at once (its
significant characters become numeric character references, which Python-Markdown passes
through untouched), so a field named `R&D *Labs*` or a role holding `<script>` is shown as
text. Values the plugin made itself (links, excerpts of answers) are `Markup` and pass as
they are; a template can mark its own with `|safe`.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

# Characters that open Markdown or HTML syntax anywhere in a line: emphasis, code, links and
# images, attribute lists, raw HTML and entities, and the mark, tilde and caret extensions;
# `"` for text a template puts in an attribute. Each becomes a numeric character reference,
# which Python-Markdown passes through. Punctuation that is syntax only after one of these
# (`(`, `)`, `!`) or only at the start of a line (see _LINE_START) is left as it is: prose
# is full of it, and every reference costs Python-Markdown an inline match.
_SIGNIFICANT = '\\`*_{}[]<&"~=^'
_ESCAPES = {ord(ch): f"&#{ord(ch)};" for ch in _SIGNIFICANT}
# Control characters have no place in text, and Python-Markdown uses two of them as markers.
_CONTROLS = dict.fromkeys(code for code in [*range(0x20), 0x7F] if chr(code) not in "\t\n\r")
# What makes a line a heading, a list item, a quote, a rule, an admonition or a table row.
_LINE_START = re.compile(r" *(?P<mark>[#>+\-=!?:|]|\d(?=\d*[.)]))")
_WHITESPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def escape_text(text: str) -> Markup:
    """Text shown as itself in Markdown and HTML, on one line, wherever in the line a
    template puts it.

    (Cached: names, roles and titles are printed on page after page.)
    """
    text = _WHITESPACE.sub(" ", str(text).translate(_CONTROLS))
    start = _LINE_START.match(text)
    if start is None:
        return Markup(text.translate(_ESCAPES))
    # The first character after any spaces would start a block: make it a reference.
    at = start.start("mark")
    head, mark, rest = text[:at], text[at], text[at + 1 :]
    return Markup(f"{head}&#{ord(mark)};{rest.translate(_ESCAPES)}")


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, whatever the machine's locale."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return "" if value is None else value
    return escape_text(value)


def format_date(value: datetime.date) -> str:
    """'2 April 2025', the same in every locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 answer', '3 answers'."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The templates shipped with the plugin, overridden by those in `templates_dir`."""
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        loaders.append(jinja2.FileSystemLoader(templates_dir))
    loaders.append(jinja2.PackageLoader("mkdocs_interviews", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        finalize=_finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        # A build renders thousands of pages from a dozen templates that do not change
        # during it: don't look at the template files again for each one.
        auto_reload=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = format_date
    env.filters["plural"] = plural
    env.filters["text"] = escape_text
    return env
