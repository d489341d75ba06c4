"""Reading a whole site's content: the catalogs, every write-up, and the links between them."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import posixpath
import sys
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .asks import AskCatalog, read_asks
from .catalogs import FieldCatalog, QuestionCatalog, read_fields, read_questions
from .model import MARKDOWN_SUFFIXES, WriteUp
from .problems import FileProblems, Problem
from .text import did_you_mean
from .urls import interviews_year_path, page_url
from .writeups import INDEX_PAGES, Document, read_writeup, slug_of


@dataclass(frozen=True)
class Options:
    """Where the content lives, relative to the docs folder (the plugin's options)."""

    interviews_dir: str = "interviews"
    fields_file: str = "fields.yml"
    questions_file: str = "questions.yml"
    asks_file: str = "asks.yml"

    def is_writeup(self, path: str) -> bool:
        """Whether a file of the docs folder is a write-up (or would be, were it valid)."""
        return self.in_interviews(path) and path.endswith(MARKDOWN_SUFFIXES)

    def in_interviews(self, path: str) -> bool:
        """Whether a file is in the write-ups' folder and not its index page."""
        folder = self.interviews_dir.strip("/") + "/"
        return path.startswith(folder) and posixpath.basename(path) not in INDEX_PAGES

    def is_catalog(self, path: str) -> bool:
        """Whether a file of the docs folder is data for the plugin (not a page of the site)."""
        return path in (self.fields_file, self.questions_file, self.asks_file)


@dataclass(frozen=True)
class Project:
    """Everything read from the content: catalogs, write-ups (valid or not) and problems."""

    fields: FieldCatalog
    questions: QuestionCatalog
    asks: AskCatalog
    documents: tuple[Document, ...]
    """Every file of the write-ups' folder, in path order, whether or not it is valid."""
    problems: tuple[Problem, ...]
    """Every problem: the catalogs' first, then each write-up's, in path and line order."""
    _by_path: dict[str, Document] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_path.update((doc.path, doc) for doc in self.documents)

    @property
    def writeups(self) -> tuple[WriteUp, ...]:
        """The write-ups that could be read (drafts included), in path order."""
        return tuple(doc.writeup for doc in self.documents if doc.writeup is not None)

    @property
    def listed(self) -> tuple[WriteUp, ...]:
        """The write-ups the generated pages may list (drafts included), in path order.

        A write-up whose slug an earlier file already has is left out, by the rule of the
        problem reported at it: pages know write-ups by their slug, and two would mix.
        """
        first: dict[str, Document] = {}
        for doc in self.documents:
            first.setdefault(doc.slug, doc)
        return tuple(
            doc.writeup
            for doc in self.documents
            if doc.writeup is not None and first[doc.slug] is doc
        )

    def document(self, path: str) -> Document | None:
        """The write-up file at `path` (relative to the docs folder), if there is one."""
        return self._by_path.get(path)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run a block without the cyclic garbage collector, then put it back as it was.

    Reading a site makes hundreds of thousands of small objects that live as long as the
    build; the collector would walk them again and again for nothing (a quarter of the time
    of reading 5,000 write-ups).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_project(
    sources: Mapping[str, bytes],
    options: Options | None = None,
    held_back: Collection[str] = (),
    readings: Readings | None = None,
) -> Project:
    """Read the content from `sources`: file contents by path relative to the docs folder.

    Only the catalogs and the write-ups' folder are read; other paths are ignored. The
    write-ups in `held_back` are drafts whatever their front matter says (the site keeps them
    out of `mkdocs build`, with MkDocs' `draft_docs`). With `readings`, a file read before
    with the same bytes and catalogs is not read again.
    """
    with paused_gc():
        return _read_project(sources, options or Options(), frozenset(held_back), readings)


class Readings:
    """The catalogs and write-ups an earlier build of this process read, for the next one
    (a preview's rebuild reads again only the files that changed). Reading is a function of
    the bytes: a file whose bytes are the same reads the same, but when a catalog changed,
    every write-up is read again."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._catalogs: _Catalogs | None = None
        self._documents: dict[str, tuple[bytes, Document]] = {}

    def catalogs(self, sources: Mapping[str, bytes], options: Options) -> _Catalogs:
        """The catalogs of `sources`, read again only when their bytes changed."""
        files = (options.fields_file, options.questions_file, options.asks_file)
        key = (options, *(sources.get(path) for path in files))
        if self._catalogs is None or key != self._key:
            self._key, self._catalogs = key, _read_catalogs(sources, options)
            self._documents.clear()
        return self._catalogs

    def writeup(self, path: str, data: bytes, catalogs: _Catalogs) -> Document:
        """The write-up at `path` of bytes `data`, read again only when they changed."""
        kept = self._documents.get(path)
        if kept is not None and kept[0] == data:
            return kept[1]
        doc = read_writeup(path, data, catalogs.fields, catalogs.questions)
        self._documents[path] = (data, doc)
        return doc


def _read_project(
    sources: Mapping[str, bytes],
    options: Options,
    held_back: frozenset[str],
    readings: Readings | None,
) -> Project:
    if readings is None:
        readings = Readings()  # for this reading alone
    catalogs = readings.catalogs(sources, options)
    documents = [
        readings.writeup(path, sources[path], catalogs) for path in _writeup_paths(sources, options)
    ]
    documents = [_hold_back(doc) if doc.path in held_back else doc for doc in documents]
    problems = _all_problems(catalogs, [_summary(doc) for doc in documents])
    return Project(catalogs.fields, catalogs.questions, catalogs.asks, tuple(documents), problems)


def _hold_back(doc: Document) -> Document:
    writeup = None if doc.writeup is None else replace(doc.writeup, draft=True)
    partial = None if doc.partial is None else replace(doc.partial, draft=True)
    return replace(doc, held_back=True, writeup=writeup, partial=partial)


@dataclass(frozen=True)
class Checked:
    """What `check` reports: every problem, and how many write-ups were checked."""

    problems: tuple[Problem, ...]
    writeups: int


PARALLEL_FROM = 500
"""The fewest write-ups worth checking in several processes (starting them costs ~50 ms)."""


def check_content(
    sources: Mapping[str, bytes],
    options: Options | None = None,
    jobs: int = 1,
    *,
    directory_urls: bool = True,
) -> Checked:
    """Every problem of the content, exactly as `read_project` finds them, and a write-up at
    the address of an archive's year page, as the build finds it (`taken_address`).

    Only problems are kept, so the write-ups of a large site can be checked by `jobs`
    processes: each sends back a write-up's problems and links, not the write-up.
    """
    options = options or Options()
    with paused_gc():
        catalogs = _read_catalogs(sources, options)
        paths = _writeup_paths(sources, options)
        summaries = _check_writeups(paths, sources, catalogs.fields, catalogs.questions, jobs)
        return Checked(_all_problems(catalogs, summaries, directory_urls), len(paths))


def taken_address(own: str, address: str, generated: str) -> Problem:
    """The problem of the write-up at `own` whose address is that of the generated page
    `generated` (`interviews/2025.md` is where the archive's page of 2025 would be)."""
    return Problem(
        own,
        f"the write-up's address, {address}, is that of the generated page {generated}, "
        "which is left out of the site: rename the file (a write-up's slug must not be a "
        "year or the name of a generated page)",
    )


def _writeup_paths(sources: Mapping[str, bytes], options: Options) -> list[str]:
    return [path for path in sorted(sources) if options.is_writeup(path)]


class _Catalogs(NamedTuple):
    fields: FieldCatalog
    questions: QuestionCatalog
    asks: AskCatalog
    problems: tuple[FileProblems, FileProblems, FileProblems]
    """The fields', the questions' and the asks' problems."""


def _read_catalogs(sources: Mapping[str, bytes], options: Options) -> _Catalogs:
    fields, field_problems = read_fields(options.fields_file, sources.get(options.fields_file))
    questions, question_problems = read_questions(
        options.questions_file, sources.get(options.questions_file)
    )
    asks, ask_problems = read_asks(
        options.asks_file, sources.get(options.asks_file), fields, questions
    )
    return _Catalogs(fields, questions, asks, (field_problems, question_problems, ask_problems))


@dataclass(frozen=True)
class _Summary:
    """A write-up file as the checks across write-ups need it."""

    path: str
    problems: tuple[Problem, ...]
    referred_by: str | None = None
    referred_by_line: int | None = None
    year: int | None = None
    """The year of a published write-up: the archive has a page for it."""

    @property
    def slug(self) -> str:
        return slug_of(self.path)


def _summary(doc: Document) -> _Summary:
    writeup = doc.writeup
    year = writeup.date.year if writeup is not None and not writeup.draft else None
    if writeup is not None:
        referred_by = writeup.referred_by
    else:
        # A write-up with another problem (a bad date, say) still has its `referred_by`
        # checked: one problem must not hide another.
        value = doc.meta.get("referred_by")
        referred_by = value.strip() or None if isinstance(value, str) else None
    line = None if referred_by is None else doc.lines.of("referred_by")
    return _Summary(doc.path, doc.problems, referred_by, line, year)


def _all_problems(
    catalogs: _Catalogs, summaries: list[_Summary], directory_urls: bool | None = None
) -> tuple[Problem, ...]:
    """The catalogs' problems, then each write-up's, in path and line order; with
    `directory_urls` (for `check`), the write-ups at a year page's address too, which a build
    finds as it adds its pages."""
    link_problems = _check_links(summaries)
    if directory_urls is not None:
        for path, problem in _taken_addresses(summaries, directory_urls):
            link_problems.setdefault(path, []).append(problem)
    _check_answers(catalogs.asks, summaries, catalogs.problems[2])
    problems: list[Problem] = []
    for found in catalogs.problems:
        problems.extend(sorted(found.items, key=lambda p: p.line or 0))
    for summary in summaries:
        mine = [*summary.problems, *link_problems.get(summary.path, [])]
        problems.extend(sorted(mine, key=lambda p: p.line or 0))
    return tuple(problems)


def _taken_addresses(
    summaries: list[_Summary], directory_urls: bool
) -> Iterator[tuple[str, Problem]]:
    """The write-ups at the address of an archive's year page."""
    years = {summary.year for summary in summaries if summary.year is not None}
    pages = {page_url(interviews_year_path(year), directory_urls): year for year in years}
    for summary in summaries:
        address = page_url(summary.path, directory_urls)
        if address in pages:
            yield (
                summary.path,
                taken_address(summary.path, address, interviews_year_path(pages[address])),
            )


def _check_writeups(
    paths: Sequence[str],
    sources: Mapping[str, bytes],
    fields: FieldCatalog,
    questions: QuestionCatalog,
    jobs: int,
) -> list[_Summary]:
    """Each write-up checked on its own, by several processes when that pays.

    The processes are forked, which shares the files and the catalogs without copying them,
    and only where forking is safe: on Linux (macOS's system libraries may not survive a
    fork, and Windows has none), from a process with a single thread (a child forked beside
    other threads can deadlock on a lock one of them held).
    """
    if (
        jobs > 1
        and len(paths) >= PARALLEL_FROM
        and sys.platform.startswith("linux")
        and threading.active_count() == 1
    ):
        global _SHARED
        _SHARED = (sources, fields, questions)
        fork = multiprocessing.get_context("fork")
        try:
            # The executor forks all its processes before it starts a thread of its own, and
            # fails (rather than waits for ever) if one of them dies.
            with ProcessPoolExecutor(jobs, mp_context=fork) as pool:
                chunk = max(1, len(paths) // (jobs * 8))
                return list(pool.map(_check_shared, paths, chunksize=chunk))
        except (OSError, BrokenProcessPool):  # no new process allowed, or one was killed
            pass
        finally:
            _SHARED = None
    return [_check_one(path, sources, fields, questions) for path in paths]


def _check_one(
    path: str, sources: Mapping[str, bytes], fields: FieldCatalog, questions: QuestionCatalog
) -> _Summary:
    return _summary(read_writeup(path, sources[path], fields, questions))


_SHARED: tuple[Mapping[str, bytes], FieldCatalog, QuestionCatalog] | None = None
"""What the forked processes of `_check_writeups` share with the process that forked them."""


def _check_shared(path: str) -> _Summary:
    assert _SHARED is not None
    return _check_one(path, *_SHARED)


def _check_answers(asks: AskCatalog, summaries: list[_Summary], problems: FileProblems) -> None:
    """Each ask's `answered_in` must name a write-up."""
    slugs = {summary.slug for summary in summaries}
    for ask in asks.asks:
        if ask.answered_in is not None and ask.answered_in not in slugs:
            problems.error(
                f"ask '{ask.id}': 'answered_in' names '{ask.answered_in}', which is not a "
                f"write-up{did_you_mean(ask.answered_in, slugs)} (use the file name of the "
                "write-up, without '.md')",
                key="answered_in",
                line=ask.answered_in_line or ask.line,
            )


def _check_links(summaries: list[_Summary]) -> dict[str, list[Problem]]:
    """Problems with slugs and `referred_by`, which need every write-up to check."""
    problems: dict[str, FileProblems] = {}

    def report(doc: _Summary) -> FileProblems:
        return problems.setdefault(doc.path, FileProblems(doc.path))

    by_slug: dict[str, _Summary] = {}
    for doc in summaries:
        other = by_slug.get(doc.slug)
        if other is not None:
            report(doc).error(
                f"the slug '{doc.slug}' is also the slug of {other.path} (write-ups are known "
                "by their file name: rename one of them)"
            )
        else:
            by_slug[doc.slug] = doc
    referrers: dict[str, str] = {}
    for doc in summaries:
        if doc.referred_by is None:
            continue
        line = doc.referred_by_line
        target = doc.referred_by
        if target not in by_slug:
            report(doc).error(unknown_introducer(target, by_slug), key="referred_by", line=line)
        else:
            referrers[doc.slug] = target
    for slug, cycle in introduction_cycles(referrers):
        doc = by_slug[slug]
        line = doc.referred_by_line
        chain = " -> ".join(by_slug[member].path for member in [*cycle, cycle[0]])
        report(doc).error(
            f"'referred_by' goes round in a circle: {chain} (one of them must name someone "
            "else, or no one)",
            key="referred_by",
            line=line,
        )
    return {path: found.items for path, found in problems.items()}


def unknown_introducer(target: str, slugs: Collection[str]) -> str:
    """What is wrong with a `referred_by` that names no write-up of `slugs`, and the fix."""
    return (
        f"'referred_by' names '{target}', which is not a write-up{did_you_mean(target, slugs)} "
        "(use the file name of the write-up, without '.md')"
    )


def introduction_cycles(referrers: Mapping[str, str]) -> Iterator[tuple[str, list[str]]]:
    """Each cycle of 'introduced by' links once, named from its first slug in sorted order.

    The cycle is reported at that first write-up, and its link is the one the site cuts.
    """
    done: set[str] = set()
    for start in sorted(referrers):
        path: list[str] = []
        seen: dict[str, int] = {}
        slug: str | None = start
        while slug is not None and slug not in done and slug not in seen:
            seen[slug] = len(path)
            path.append(slug)
            slug = referrers.get(slug)
        if slug is not None and slug in seen:
            cycle = path[seen[slug] :]
            first = min(cycle)
            turn = cycle.index(first)
            yield first, cycle[turn:] + cycle[:turn]
        done.update(path)
