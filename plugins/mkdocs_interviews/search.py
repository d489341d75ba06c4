"""The readers' search: what a built site's pages tell Pagefind, and Pagefind run on the folder.

Pagefind (https://pagefind.app) indexes a built site into a folder of small files beside the
pages (`pagefind/`); the reader's browser fetches only the parts a query needs, a few hundred
kB at 5,000 write-ups where Material's search fetches its whole index (BENCHMARKS.md). What it
reads is decided here, in the page's HTML:

- a write-up's body (its header and answers) is marked `data-pagefind-body`: once one page
  of a site has it, Pagefind indexes only the pages that do, so the listings that only repeat
  answers (question pages, the archive, the matrix...) stay out, and a search for an answer's
  words leads to the write-up;
- inside it, the trail back to the home page, the link after each answer and the footer
  ("More from", the introductions) are `data-pagefind-ignore`, and Pagefind is told to skip
  the headings' permalinks (`EXCLUDED`);
- each write-up tells Pagefind its title, role and fields as meta (shown with a result),
  and its fields and the questions it answers as the filters `field` and `question`, from
  attributes of empty elements, escaped like every front-matter text.

No MkDocs import: the plugin calls `index_site` after a build (or an `Indexer` in
`mkdocs serve`, in the background), and `generate`'s folder carries the same marks, which a
builder without Pagefind ignores. With `search: theme` the pages carry none
(`SiteSettings.search_marks`).
"""

from __future__ import annotations

import asyncio
import html
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Answer, WriteUp

BUNDLE = "pagefind"
"""Pagefind's folder in the built site (its own default): the script and the index."""

PLAIN_BODY = {"class": "interviews-body"}
"""The attributes of the element around a write-up's body with the theme's search."""
BODY = {**PLAIN_BODY, "data-pagefind-body": ""}
"""The attributes of the element around a write-up's body: what Pagefind indexes."""

EXCLUDED = (".headerlink",)
"""What Pagefind skips inside a body wherever it is: the heading's permalink ("¶"), which
Python-Markdown's `toc` adds and which would show in the excerpts between question and answer."""

FIELD_FILTER = "field"
QUESTION_FILTER = "question"

TIMEOUT = 600
"""Seconds Pagefind may take to index a site (5,000 write-ups take under a minute)."""


class SearchIndexError(Exception):
    """Pagefind could not index the site (not installed, or it failed)."""


def ignored(html_block: str) -> str:
    """A block of a write-up's page that Pagefind leaves out (the trail, a footer)."""
    if not html_block.strip():
        return html_block
    return f'<div data-pagefind-ignore="all">\n{html_block.strip()}\n</div>'


def writeup_marks(writeup: WriteUp) -> str:
    """The meta and filters of a write-up for Pagefind: empty elements whose attributes hold
    the values (escaped), placed inside its body."""
    marks = [_mark("data-pagefind-meta", "title", writeup.title)]
    marks.append(_mark("data-pagefind-meta", "role", writeup.role))
    marks.append(
        _mark("data-pagefind-meta", "fields", ", ".join(item.name for item in writeup.fields))
    )
    marks.extend(_mark("data-pagefind-filter", FIELD_FILTER, item.name) for item in writeup.fields)
    marks.extend(
        _mark("data-pagefind-filter", QUESTION_FILTER, answer.question.text)
        for answer in _unique(writeup)
    )
    return f'<div class="interviews-search-marks" hidden>{"".join(marks)}</div>'


def _mark(kind: str, key: str, value: str) -> str:
    # The value from an attribute (`key[data-value]`), never the element's text: a comma or a
    # colon in a field's name would split Pagefind's inline `key:value` syntax.
    return f'<span {kind}="{key}[data-value]" data-value="{html.escape(value, quote=True)}"></span>'


def _unique(writeup: WriteUp) -> Iterator[Answer]:
    """The write-up's answers, one per question (a question answered twice counts once)."""
    seen: set[str] = set()
    for answer in writeup.answers:
        if answer.question.id not in seen:
            seen.add(answer.question.id)
            yield answer


@dataclass(frozen=True)
class Indexed:
    """What one run of Pagefind indexed."""

    pages: int
    """The HTML files Pagefind read (those without a marked body are read, not indexed)."""
    folder: Path
    """The bundle's folder in the site."""
    seconds: float = 0.0
    """How long it took."""


def index_site(site_dir: Path, bundle: str = BUNDLE) -> Indexed:
    """Index the built site in `site_dir` with Pagefind into `site_dir/bundle`.

    The new index is written beside the old one and takes its place once whole: a reader
    searching meanwhile uses the old one. Raises SearchIndexError when Pagefind cannot run.
    """
    start = time.perf_counter()
    target = site_dir / bundle
    fresh = site_dir / f".{bundle}-{uuid.uuid4().hex[:8]}"
    try:
        pages = _run(lambda: asyncio.wait_for(_index(site_dir, fresh), TIMEOUT))
    except SearchIndexError:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    except (TimeoutError, Exception) as error:  # Pagefind's errors have no type of its own
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(f"Pagefind failed to index {site_dir}: {error}") from error
    try:
        _swap(fresh, target)
    except OSError as error:  # the folder changed meanwhile (a build cleaned it)
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(f"the index could not be put in {target}: {error}") from error
    return Indexed(pages, target, time.perf_counter() - start)


def _run(coroutine: Callable[[], Coroutine[Any, Any, int]]) -> int:
    """The result of a coroutine run to its end in an event loop of its own: in this thread,
    or in one of its own when this one runs a loop already (a build called from async code,
    or beside Playwright's synchronous API), where `asyncio.run` refuses to start another."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine())
    results: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(asyncio.run(coroutine()))
        except BaseException as error:  # handed to the caller's thread
            errors.append(error)

    thread = threading.Thread(target=run, name="interviews-search-loop")
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return results[0]


async def _index(site_dir: Path, output: Path) -> int:
    try:
        from pagefind.index import IndexConfig, PagefindIndex
        from pagefind.service import get_executable
    except ImportError as error:
        raise SearchIndexError(
            "the Python package pagefind is not installed (pip install 'pagefind[bin]')"
        ) from error
    if get_executable() is None:
        raise SearchIndexError(
            "the package pagefind finds no Pagefind binary (pip install 'pagefind[bin]')"
        )
    config = IndexConfig(output_path=str(output.resolve()), exclude_selectors=list(EXCLUDED))
    async with PagefindIndex(config=config) as index:
        added = await index.add_directory(str(site_dir.resolve()), glob="**/*.html")
    return int(added["page_count"])


def _swap(fresh: Path, target: Path) -> None:
    """Put the folder `fresh` where `target` is, the old one removed after."""
    old = target.with_name(f"{target.name}-old-{uuid.uuid4().hex[:8]}")
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


class Indexer:
    """Indexes a site in a background thread, one run at a time: a run asked for while one is
    going starts again once that one ends (the site changed under it). For `mkdocs serve`,
    whose reload must not wait for the index."""

    def __init__(
        self,
        done: Callable[[Indexed], None],
        failed: Callable[[SearchIndexError], None],
        index: Callable[[Path], Indexed] = index_site,
    ) -> None:
        self._done = done
        self._failed = failed
        self._index = index
        self._lock = threading.Lock()
        self._pending: Path | None = None
        self._thread: threading.Thread | None = None

    def request(self, site_dir: Path) -> None:
        """Index `site_dir` now, or once the run going ends."""
        with self._lock:
            self._pending = site_dir
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="interviews-search-index", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
                if site_dir is None:
                    self._thread = None
                    return
            try:
                indexed = self._index(site_dir)
            except Exception as error:  # never the end of the thread: the next build's runs
                with self._lock:
                    again = self._pending is not None
                if not again:  # a run that a newer build made moot says nothing
                    failure = error if isinstance(error, SearchIndexError) else None
                    self._failed(failure or SearchIndexError(f"Pagefind failed: {error}"))
            else:
                self._done(indexed)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the runs asked for to end."""
        with self._lock:
            thread = self._thread
        while thread is not None:
            thread.join(timeout)
            with self._lock:
                if self._thread is thread or self._thread is None:
                    return
                thread = self._thread
