"""Screenshots of the sample site for the README: the home page with its latest interviews, a
field page, a question page (and three of its fields side by side), the coverage matrix and the
search dialog narrowed to one field, on a desktop screen (1280 x 900) and a phone (390 x 844).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Builds the sample site with `mkdocs build --strict` into a temporary folder, serves it on a
loopback port and photographs it with Debian's Chromium (the `chromium` on the PATH) through
Playwright, in the light scheme. Requests that would leave the site (web fonts) are aborted,
so the pictures show the system's fonts; they are taken offline, as the browser tests run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from sample_site import CHROMIUM_ARGS, ROOT, BuildFailed, build, served

SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Name: URL of the page, relative to the site's root (with the anchor to scroll to).
SHOTS = {
    "home": "",
    "field": "fields/film-post-production/",
    "question": "questions/typical-day/",
    "matrix": "questions/matrix/",
    "compare": (
        "questions/typical-day/#compare=book-publishing,film-post-production,radio-and-podcasting"
    ),
    "search": "",
}
# What a reader types in the search dialog for the "search" shot, and the field (by its name,
# as the Field filter lists it) it narrows to.
SEARCH_WORDS = "colour"
SEARCH_FIELD = "Film post-production"

# On a phone the page is one column, and its first screen is the page's introduction (on the
# home page) or the form that chooses fields (on a comparison): there, the shot starts at this
# element, just below the header.
PHONE_START = {"home": "#latest-interviews", "compare": ".interviews-compare__status"}
START_AT = """(selector) => {
  document.querySelector(selector).scrollIntoView({block: "start"});
  window.scrollBy(0, -document.querySelector(".md-header").offsetHeight - 8);
}"""


@contextmanager
def served_sample_site() -> Iterator[str]:
    """The sample site, built into a temporary folder and served: its root URL."""
    with tempfile.TemporaryDirectory(prefix="interviews-site-") as site:
        try:
            build(Path(site))
        except BuildFailed as error:
            sys.exit(str(error))
        with served(Path(site)) as url:
            yield url


def search(page: Page) -> None:
    """Open the search dialog with its key, type the words, narrow to the field, wait for it."""
    page.keyboard.press("/")
    page.keyboard.type(SEARCH_WORDS)
    dialog = page.get_by_role("dialog", name="Search")
    dialog.locator(".md-search-result__item").first.wait_for()
    dialog.get_by_role("combobox", name="Field").select_option(value=SEARCH_FIELD)
    dialog.locator(".md-search-result[aria-busy=false]").wait_for()
    dialog.locator(".md-search-result__item").first.wait_for()
    page.mouse.move(0, 0)


def take(out: Path) -> list[Path]:
    executable = shutil.which("chromium")
    if executable is None:
        sys.exit("no chromium on the PATH: apt-get install chromium")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with served_sample_site() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for screen, viewport in SCREENS.items():
            context = browser.new_context(
                base_url=url, viewport=viewport, color_scheme="light", reduced_motion="reduce"
            )
            context.route(lambda request_url: not request_url.startswith(url), lambda r: r.abort())
            for name, path in SHOTS.items():
                page = context.new_page()
                page.goto(path)
                page.get_by_role("heading", level=1).wait_for()
                if name == "search":
                    search(page)
                if screen == "phone" and name in PHONE_START:
                    page.evaluate(START_AT, PHONE_START[name])
                target = out / f"{name}-{screen}.png"
                page.screenshot(path=target)
                written.append(target)
                page.close()
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    for path in take(parser.parse_args().out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
