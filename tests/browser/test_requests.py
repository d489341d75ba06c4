"""No stray requests: a page of each type (conftest's PAGE_TYPES) asks only for what its reader
needs, from the site itself, and every request succeeds.

The search (the plugin's, over Pagefind) fetches nothing until a reader opens it, then only
parts of the index, from the site: it works offline from the built folder. Material's search
index is never fetched.

Three requests the theme made on its own are gone: Google Fonts (the site uses the system's
fonts, `theme.font: false`), GitHub's API for the repository's stars and release (the plugin's
partials/source.html), and a sitemap.xml beside each feed link, which Material's script
fetches for every link[rel=alternate] (the feed links are rel="alternate feed"; beside a
field's feed the sitemap is a 404, a WARNING of `mkdocs serve` on each view).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import ROOT

from .conftest import FIELD, PAGE_TYPES, playwright_api

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, BrowserContext, Page, Request, Response

playwright_api()  # the module is skipped without Playwright (fails in CI)


@dataclass
class Recorded:
    """Every request a page made, those that failed, and the answers of 400 and above."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def listen(self, context: BrowserContext) -> None:
        def request(request: Request) -> None:
            self.requests.append(request.url)

        def failed(request: Request) -> None:
            self.failed.append(f"{request.url}: {request.failure}")

        def response(response: Response) -> None:
            if response.status >= 400:
                self.errors.append(f"{response.url}: {response.status}")

        context.on("request", request)
        context.on("requestfailed", failed)
        context.on("response", response)


@contextmanager
def recording(browser: Browser, root: str, path: str) -> Iterator[tuple[Page, Recorded]]:
    """The page at `path` of the site at `root`, open once the network is quiet, and what it
    has asked for so far. Requests that would leave the site are recorded, then aborted."""
    context = browser.new_context(base_url=root, reduced_motion="reduce")
    try:
        recorded = Recorded()
        recorded.listen(context)
        context.route(lambda url: not url.startswith(root), lambda route: route.abort())
        page = context.new_page()
        page.goto(path)
        page.wait_for_load_state("networkidle")
        yield page, recorded
    finally:
        context.close()


def visit(browser: Browser, root: str, path: str) -> Recorded:
    """What the page at `path` of the site at `root` asked for until the network was quiet."""
    with recording(browser, root, path) as (_, recorded):
        return recorded


def assert_no_stray_request(recorded: Recorded, root: str) -> None:
    outside = [url for url in recorded.requests if not url.startswith(root)]
    assert outside == [], "requests that leave the site"
    assert recorded.errors == []
    assert recorded.failed == []
    assert [url for url in recorded.requests if "sitemap.xml" in url] == []


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_a_page_asks_only_the_site_and_every_request_succeeds(
    browser: Browser, site_url: str, path: str
) -> None:
    recorded = visit(browser, site_url, path)
    assert recorded.requests[0] == site_url + path  # not vacuous: the page itself
    # The search fetches nothing before a reader opens it, and Material's none at all.
    assert [url for url in recorded.requests if "/pagefind/" in url or "search" in url] == [
        site_url + "assets/javascripts/interviews-search.js"
    ]
    assert_no_stray_request(recorded, site_url)


def test_the_search_asks_only_the_site_once_opened(browser: Browser, site_url: str) -> None:
    """Served by a static server, without a network: every request of a search is the
    site's, and succeeds."""
    with recording(browser, site_url, FIELD) as (page, recorded):
        opened = len(recorded.requests)
        page.keyboard.press("/")
        page.keyboard.type("colourist")
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
    searched = recorded.requests[opened:]
    assert site_url + "pagefind/pagefind.js" in searched  # not vacuous: Pagefind, loaded now
    assert [url for url in searched if "/pagefind/" not in url] == []
    assert [url for url in recorded.requests if "search_index.json" in url] == []
    assert_no_stray_request(recorded, site_url)


# -- mkdocs serve ---------------------------------------------------------------------------


@dataclass
class Served:
    """`mkdocs serve` of the sample site: its root URL (under the path of its site_url, as
    serve has it), its process and the file of its log."""

    root: str
    process: subprocess.Popen[bytes]
    log_file: Path

    def log(self, until: str) -> str:
        """The log once it holds `until` (serve logs a request after its answer), or after
        ten seconds; the server is stopped then."""
        deadline = time.monotonic() + 10
        while until not in self.log_file.read_text(encoding="utf-8"):
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.process.terminate()
        self.process.wait(timeout=30)
        return self.log_file.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def served_by_mkdocs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`mkdocs serve` of the sample site on a free port, without live reload (whose long
    poll would keep the network busy)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log_file = tmp_path_factory.mktemp("serve") / "serve.log"
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    served = Served(f"http://127.0.0.1:{port}/interviews/", process, log_file)
    try:
        deadline = time.monotonic() + 120
        while not answers(served.root):
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("mkdocs serve of the sample site did not answer")
            time.sleep(0.5)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=30)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except OSError:
        return False


def test_mkdocs_serve_logs_no_missing_file_for_a_field_page(
    browser: Browser, served_by_mkdocs: Served
) -> None:
    root = served_by_mkdocs.root
    recorded = visit(browser, root, FIELD)
    assert_no_stray_request(recorded, root)
    # Not vacuous: serve logs a request for a missing file as a WARNING.
    assert not answers(root + "no-such-file.xml")
    log = served_by_mkdocs.log(until="no-such-file.xml")
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    assert len(warnings) == 1 and "GET /interviews/no-such-file.xml" in warnings[0], warnings
