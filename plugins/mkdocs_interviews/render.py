"""The Jinja environment of the generated pages: Markdown out, front-matter text escaped.

Every `{{ value }}` that is a plain string is escaped for Markdown and HTML at once (its
significant characters become numeric character references, which Python-Markdown passes
through untouched), so a field named `R&D *Labs*` or a role holding `<script>` is shown as
text. Values the plugin made itself (links, excerpts of answers) are `Markup` and pass as
they are; a template can mark its own with `|safe`.

A template that cannot be used (not valid Jinja, a name it is not given, a file that is not
UTF-8) raises `SiteTemplateError`, naming the file and the line, instead of Jinja's own errors.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn

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


def attribute(value: object) -> Markup:
    """A value for an HTML attribute between double quotes, such as a URL: `&` and `"` as
    character references, as Python-Markdown writes them (the templates' `attribute`)."""
    return Markup(str(value).replace("&", "&amp;").replace('"', "&quot;"))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 answer', '3 answers'."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


DRAFT_MARK = Markup(' <span class="interviews-draft">Draft</span>')
"""How a listing marks a draft (listed only in a preview, `mkdocs serve`): in words."""


def draft_mark(writeup: Any) -> Markup:
    """' Draft', marked up, after a draft's title in a listing; nothing for any other (the
    templates' `draft_mark`)."""
    return DRAFT_MARK if getattr(writeup, "draft", False) else Markup("")


class _Compiled(jinja2.BytecodeCache):
    """The templates compiled by this process, for its next builds (each rebuild of a
    preview makes its environment anew). Jinja compares each with its template's source
    and compiles a template that changed again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = _Compiled()
"""Every environment's compiled templates (they are all made alike: see `environment`)."""


def environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The templates shipped with the plugin, overridden by those in `templates_dir`."""
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        loaders.append(_SiteLoader(templates_dir))
    loaders.append(jinja2.PackageLoader("mkdocs_interviews", "templates"))
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        finalize=_finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        # A build renders thousands of pages from a dozen templates that do not change
        # during it: don't look at the template files again for each one.
        auto_reload=False,
        bytecode_cache=COMPILED,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = format_date
    env.filters["plural"] = plural
    env.filters["text"] = escape_text
    env.filters["attribute"] = attribute
    env.filters["draft_mark"] = draft_mark
    return env


# -- templates that cannot be used --------------------------------------------------------

OWN_TEMPLATES = Path(__file__).parent / "templates"
"""The plugin's own templates; a site's `templates_dir` overrides them one by one."""

_FIX = "fix the template, or delete it to use the plugin's own"


class SiteTemplateError(Exception):
    """A template cannot be used: it is not valid Jinja, uses a name it is not given, cannot
    be read, or fails while rendering.

    `file` is the template's path, `line` its 1-based line when known, and `reason` says what
    is wrong and how to fix it; `str()` gives all three, file first.
    """

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file, self.line, self.reason = file, line, reason
        super().__init__(f"{file if line is None else f'{file}:{line}'}: {reason}")


class _SiteLoader(jinja2.FileSystemLoader):
    """The site's templates folder: a file that cannot be read is a `SiteTemplateError`."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except jinja2.TemplateNotFound:
            raise  # the plugin's own template is used instead
        except UnicodeDecodeError as error:
            path = os.path.join(self.searchpath[0], template)
            line = error.object.count(b"\n", 0, error.start) + 1
            raise SiteTemplateError(
                path, line, "the template is not UTF-8 text (save it with UTF-8 encoding)"
            ) from error
        except OSError as error:
            path = os.path.join(self.searchpath[0], template)
            reason = f"the template cannot be read ({error.strerror}; {_FIX})"
            raise SiteTemplateError(path, None, reason) from error


class _Environment(jinja2.Environment):
    """Jinja's environment, raising `SiteTemplateError` for what a template's author got
    wrong. Jinja sends every error of compiling and of rendering through `handle_exception`."""

    def handle_exception(self, source: str | None = None) -> NoReturn:
        _kind, error, traceback = sys.exc_info()
        if isinstance(error, SiteTemplateError):
            raise error  # from a template included by another: it already says where
        problem = template_problem(error, traceback)
        if problem is None:
            super().handle_exception(source)  # a bug of the plugin: keep Jinja's traceback
        raise problem from error


def template_problem(
    error: BaseException | None, traceback: TracebackType | None
) -> SiteTemplateError | None:
    """What went wrong in which template, at which line; None for an error of the plugin's
    own code under its own templates (a bug, best shown with its traceback)."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        file = error.filename or error.name or "<template>"
        return SiteTemplateError(
            file, error.lineno, f"the template is not valid Jinja: {error.message} ({_FIX})"
        )
    frames = _template_frames(traceback)
    # The line to fix is in the site's template, even when it includes one of the plugin's.
    site_frames = [frame for frame in frames if not _is_own(frame[0])]
    if (
        error is None
        or not frames
        or (not site_frames and not isinstance(error, jinja2.TemplateError))
    ):
        return None
    file, line = (site_frames or frames)[-1]
    if isinstance(error, jinja2.UndefinedError):
        reason = (
            f"{error.message} (the plugin's copy of the template lists, in its first lines, "
            f"what it is given; {_FIX})"
        )
    elif isinstance(error, jinja2.TemplateNotFound):
        reason = f"there is no template '{error.name}' (give the name of one; {_FIX})"
    elif isinstance(error, jinja2.TemplateError):
        reason = f"{error.message} ({_FIX})"
    else:
        reason = f"the template failed: {type(error).__name__}: {error} ({_FIX})"
    return SiteTemplateError(file, line, reason)


def _template_frames(traceback: TracebackType | None) -> list[tuple[str, int]]:
    """The template file and line of each frame of template code, outermost first."""
    frames = []
    while traceback is not None:
        template = traceback.tb_frame.f_globals.get("__jinja_template__")
        if isinstance(template, jinja2.Template):
            line = template.get_corresponding_lineno(traceback.tb_lineno)
            frames.append((template.filename or template.name or "<template>", line))
        traceback = traceback.tb_next
    return frames


def _is_own(file: str) -> bool:
    return Path(file).resolve().is_relative_to(OWN_TEMPLATES.resolve())
