"""Search at scale: the site's own search, as readers use it, on a built corpus site (issue 18).

    python bench/corpus.py 1000 /tmp/corpus-1000
    cd /tmp/corpus-1000 && mkdocs build -d site      # the plugin indexes it with Pagefind
    python bench/search.py /tmp/corpus-1000

serves the built `site/` on loopback (`http.server`, no compression) and, for each known query
(runs of five words from an answer of a fixed write-up, found in no other write-up, as typed
and quoted as a phrase, and one interviewee's name), opens the home page in a fresh browser
context (an empty cache), types the query into the header's search box and waits for the
first result. It prints the bytes the search fetched for that first query (Pagefind's folder
and the plugin's search script; or Material's index and worker, for a site built with
`search: theme` and Material's `search` plugin: the same markup serves both), the time from
typing to the first result, and the rank of the write-up the query comes from among the first
five results. Needs Playwright's Python package and Debian's `chromium` on PATH.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, Response, sync_playwright

WRITEUPS = (17, 417, 777)  # present at every corpus size from 1,000
PHRASE_WORDS = 5
TOP = 5
TIMEOUT_MS = 120_000
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SEARCH_FILES = re.compile(r"/pagefind/|/interviews-search\.js$|/search/|/workers/search\.")
"""The URLs of the search machinery: the plugin's (Pagefind) or Material's."""


@dataclass
class Outcome:
    """One first query: what it fetched, how long it took, where the right write-up came."""

    query: str
    bytes: int
    requests: int
    seconds: float
    count: str
    rank: int | None
    first: list[str]


def plain(markdown: str) -> str:
    """The words of a write-up's body, without links' targets, emphasis or punctuation."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(re.findall(r"[a-z]+", text.lower()))


def known_queries(root: Path) -> list[tuple[str, str]]:
    """(query, URL of its write-up) for each of WRITEUPS: words from its second answer that no
    other write-up of the corpus has in that order, then the same quoted; then a name."""
    folder = root / "content" / "interviews"
    bodies = {
        path.stem: plain(path.read_text(encoding="utf-8").split("\n---\n", 1)[1])
        for path in sorted(folder.glob("w*.md"))
    }
    queries = []
    for number in WRITEUPS:
        stem = f"w{number:05d}"
        source = (folder / f"{stem}.md").read_text(encoding="utf-8")
        words = plain(source.split("\n## ")[2].split("\n", 1)[1]).split()
        for start in range(len(words) - PHRASE_WORDS):
            phrase = " ".join(words[start : start + PHRASE_WORDS])
            if [s for s, body in bodies.items() if phrase in body] == [stem]:
                queries += [
                    (phrase, f"/interviews/{stem}/"),
                    (f'"{phrase}"', f"/interviews/{stem}/"),
                ]
                break
    # A name, as a reader would look someone up: rare words rather than a phrase.
    queries.append((f"Person {WRITEUPS[1]}", f"/interviews/w{WRITEUPS[1]:05d}/"))
    return queries


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a loopback port for the time of the block; yield its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def size(response: Response) -> int:
    """The bytes of a response's body as sent (no compression on this server)."""
    length = response.headers.get("content-length")
    if length is not None:
        return int(length)
    try:
        return len(response.body())
    except Exception:  # a redirect or a body the browser no longer holds
        return 0


def path(url: str) -> str:
    """A result's URL without its host and anchor."""
    return re.sub(r"^https?://[^/]+", "", url).split("#")[0]


def rank(paths: list[str], target: str) -> int | None:
    """The 1-based place of `target` among result paths."""
    return paths.index(target) + 1 if target in paths else None


def search(page: Page, base: str, query: str) -> tuple[float, str, list[str]]:
    """Search from the home page's header, as a reader does: the seconds from typing to the
    first result, the count the dialog shows and the first results' URLs."""
    page.goto(f"{base}/", wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    start = time.perf_counter()
    box.fill(query)
    box.press("End")  # Material's search answers key presses, not a value set at once
    page.locator(".md-search-result__item").first.wait_for(timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - start
    # Each link's address as the browser reads it (Pagefind's start at the root, Material's
    # are relative to the page).
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    urls = [links.nth(i).evaluate("a => a.href") for i in range(min(TOP, links.count()))]
    meta = page.locator(".md-search-result__meta").inner_text()
    return seconds, meta.split(" ")[0], urls


def measure(browser: Browser, base: str, query: str, target: str) -> Outcome:
    """One first query in a fresh browser context (an empty cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    responses: list[Response] = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    seconds, count, urls = search(page, base, query)
    page.wait_for_timeout(300)  # let late responses of the search land
    mine = [r for r in responses if SEARCH_FILES.search(r.url.split("?")[0])]
    total = sum(size(r) for r in mine)
    context.close()
    paths = [path(url) for url in urls]
    return Outcome(query, total, len(mine), seconds, count, rank(paths, target), paths)


def table(outcomes: list[Outcome]) -> str:
    """The outcomes as a Markdown table."""
    lines = [
        "| query | bytes fetched | requests | time to first result | results "
        f"| rank of its write-up (top {TOP}) | first three results |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for o in outcomes:
        where = str(o.rank) if o.rank else f"not in top {TOP}"
        lines.append(
            f"| `{o.query}` | {o.bytes / 1000:,.0f} kB | {o.requests} "
            f"| {o.seconds:.2f} s | {o.count} | {where} | {', '.join(o.first[:3])} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="a corpus folder whose site/ is built")
    parser.add_argument("--chromium", default="chromium", help="the browser's executable")
    parser.add_argument(
        "--query",
        action="append",
        default=[],
        metavar="WORDS|URL",
        help="a query of one's own and the path of the write-up it should find (instead of "
        "the corpus's known queries; for another site, such as the sample)",
    )
    args = parser.parse_args()
    site = args.root / "site"
    queries = [tuple(q.rsplit("|", 1)) for q in args.query] or known_queries(args.root)
    count = len(list((args.root / "content" / "interviews").glob("*.md")))
    outcomes = []
    with serve(site) as base, sync_playwright() as playwright:
        chromium = shutil.which(args.chromium)
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for query, target in queries:
            print(f"{query} from {target}", flush=True)
            outcomes.append(measure(browser, base, query, target))
        browser.close()
    print(f"\nN = {count:,} write-ups\n")
    print(table(outcomes))


if __name__ == "__main__":
    main()
