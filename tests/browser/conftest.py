"""The built sample site in a real browser: Debian's Chromium, driven by Playwright.

The sample site (`mkdocs.yml`, `content/`) is built once per session with `--strict` and
served by `http.server` on a free loopback port; one browser runs the whole session and each
test opens its own pages (a fresh context each: viewport, colour scheme). Requests that would
leave the site are aborted, so the tests run offline and never leave it (no page makes one:
test_requests.py).

Playwright's own browser download does not work here: the tests start the `chromium` found
on the PATH (Debian's package, installed by `.ci/run`). Outside CI a missing browser, Python
package or axe-core skips the tests with the reason; in CI (`CI` set) it fails them.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

import pytest

from conftest import ROOT, TESTS, Site

sys.path.insert(0, str(ROOT / "scripts"))

import sample_site
from sample_site import CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

AXE_JS = TESTS / "tools" / "node_modules" / "axe-core" / "axe.min.js"

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Pages of the sample site the tests visit, by URL relative to the site's root: a field with
# three interviews, a question that field answered three times, and an interview that was
# introduced by one interviewee and introduced the next.
FIELDS = "fields/"
FIELD = "fields/film-post-production/"
QUESTIONS = "questions/"
MATRIX = "questions/matrix/"
QUESTION = "questions/typical-day/"
QUESTION_FIELD = "questions/typical-day/film-post-production/"
ASK = "ask/"
WRITEUP = "interviews/2025-02-12-executive-producer-post-house/"
ARCHIVE = "interviews/"
ARCHIVE_YEAR = "interviews/2025/"
NETWORK = "network/"
FEEDS = "feeds/"

# The sample site as `mkdocs serve` shows it to its author (`preview_url`): the sample's draft,
# on its own page and in its field's listing, and a write-up with a problem to fix.
PREVIEW_DRAFT = "interviews/2026-04-08-digital-archivist-city-museum/"
PREVIEW_DRAFT_FIELD = "fields/museums-archives/"
PREVIEW_PROBLEM = "interviews/2026-03-04-sound-designer-games/"
PREVIEW_PROBLEM_TEXT = textwrap.dedent(
    """\
    ---
    title: Footsteps on forty kinds of floor
    field: Film post-prodution
    role: Sound designer, games studio
    date: 2026-03-04
    questions: [typical-day]
    ---

    A sound designer on recording footsteps.

    ## What does a typical day look like?

    Recording, editing, and a lot of walking on gravel.
    """
)

# One page of each type a reader meets, by name: the pages the accessibility and the request
# tests visit. A new page type is one more entry.
PAGE_TYPES = {
    "home": "",
    "archive": ARCHIVE,
    "archive-year": ARCHIVE_YEAR,
    "fields": FIELDS,
    "field": FIELD,
    "questions": QUESTIONS,
    "matrix": MATRIX,
    "question": QUESTION,
    "question-field": QUESTION_FIELD,
    "ask": ASK,
    "network": NETWORK,
    "feeds": FEEDS,
    "write-up": WRITEUP,
}


def missing(reason: str) -> NoReturn:
    """Skip a browser test whose tool is not installed here; in CI, fail it instead."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI runs the browser tests", pytrace=False)
    pytest.skip(reason)


def playwright_api() -> ModuleType:
    """`playwright.sync_api`, for a test module's `expect`; without it the module is skipped
    (in CI, its collection fails)."""
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError:
        reason = "the Python package playwright is not installed (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI runs the browser tests", pytrace=False)
        pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site, built once, served on 127.0.0.1: its root URL."""
    site = tmp_path_factory.mktemp("sample-site")
    sample_site.build(site)
    with sample_site.served(site) as url:
        yield url


@pytest.fixture(scope="session")
def preview_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the sample site with a write-up whose field is misspelt, built in process as
    `mkdocs serve` builds it (drafts and problems on the pages), served on 127.0.0.1: its root
    URL."""
    root = tmp_path_factory.mktemp("preview")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "content", root / "content")
    site = Site(root)
    site.write({PREVIEW_PROBLEM.rstrip("/") + ".md": PREVIEW_PROBLEM_TEXT})
    built = site.build(serve=True)
    assert any("Film post-prodution" in warning for warning in built.warnings), built.log
    with sample_site.served(root / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, for the whole session."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        missing("the Python package playwright is not installed (pip install -e '.[test]')")
    executable = shutil.which("chromium")
    if executable is None:
        missing("no chromium on the PATH (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as error:
            # The first line, and what the browser itself printed.
            lines = error.message.splitlines()
            said = {line.strip(" -"): None for line in lines if "[err]" in line or "[out]" in line}
            missing(f"{executable} does not start: {' / '.join([lines[0], *list(said)[:5]])}")
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> Iterator[Callable[..., Page]]:
    """Open a page of the site, by its URL relative to the root, in a context of its own.

    `viewport` (DESKTOP or PHONE) and `color_scheme` ("light" or "dark") set up the context;
    `root` is the site's root URL, the sample site's unless told (`preview_url`).
    The context prefers reduced motion, which turns Material's transitions off: what the tests
    see and measure is the page at rest, not halfway through a colour change.
    """
    contexts = []

    def open_(
        path: str = "",
        *,
        viewport: dict[str, int] = DESKTOP,
        color_scheme: str = "light",
        root: str = site_url,
    ) -> Page:
        context = browser.new_context(
            base_url=root,
            viewport=viewport,
            color_scheme=color_scheme,
            reduced_motion="reduce",
        )
        contexts.append(context)
        context.set_default_timeout(10_000)
        context.route(lambda url: not url.startswith(root), lambda route: route.abort())
        page = context.new_page()
        page.goto(path)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from `npm ci --prefix tests/tools`."""
    if not AXE_JS.is_file():
        missing(
            f"axe-core is not installed in {AXE_JS.parent.parent} (npm ci --prefix tests/tools)"
        )
    return AXE_JS.read_text(encoding="utf-8")
