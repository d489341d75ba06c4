"""axe-core finds no serious or critical accessibility problem on a page of each type a reader
meets (conftest's PAGE_TYPES), in the light and the dark colour scheme, and with Material's
search dialog open on its results (the plugin's, in Material's markup, with its filters).
Nothing of Material's is excluded. The author's preview too: the pages of
a `mkdocs serve` build with the problems box and the marks of a draft (`preview_url`).

axe-core is the npm package in `tests/tools` (`npm ci --prefix tests/tools`), injected into
each page and run with its default rules (WCAG 2 A and AA, and best practices).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .conftest import (
    PAGE_TYPES,
    PREVIEW_DRAFT,
    PREVIEW_DRAFT_FIELD,
    PREVIEW_PROBLEM,
    playwright_api,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

expect = playwright_api().expect

# Material's colour scheme (body[data-md-color-scheme]) for the browser's preferred scheme, as
# the sample site's palette toggle maps them.
SCHEMES = {"light": "default", "dark": "slate"}

# The pages of the preview that the sample site's build does not have: a write-up with its
# problems box, a draft's own page, and the draft marked in its field's listing and on the
# home page's latest interviews.
PREVIEW_PAGES = {
    "problems": PREVIEW_PROBLEM,
    "draft": PREVIEW_DRAFT,
    "draft-in-field": PREVIEW_DRAFT_FIELD,
    "draft-on-home": "",
}

# A search with results on every page, so that the open dialog shows them.
QUERY = "editor"

RUN_AXE = r"""async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(" "),
      html: n.html.replace(/\s+/g, " ").slice(0, 160),
      summary: n.failureSummary,
    })),
  }));
}"""


def serious(violations: list[dict[str, Any]]) -> list[str]:
    """The serious and critical problems, one line each."""
    return [
        f"{v['impact']} {v['rule']} ({v['help']}): {n['target']}: {n['html']}\n  {n['summary']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
        for n in v["nodes"]
    ]


def opened(open_page: Callable[..., Page], path: str, scheme: str, **options: str) -> Page:
    """The page at `path` in the colour scheme, once Material has applied it (`options`:
    open_page's, such as the site's `root`)."""
    page = open_page(path, color_scheme=scheme, **options)
    # Material applies the dark scheme from the browser's preference once its script runs.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    return page


def axe(page: Page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    return serious(page.evaluate(RUN_AXE))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_serious_violation(
    open_page: Callable[..., Page], axe_source: str, path: str, scheme: str
) -> None:
    problems = axe(opened(open_page, path, scheme), axe_source)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PREVIEW_PAGES.values(), ids=PREVIEW_PAGES.keys())
def test_no_serious_violation_in_the_preview(
    open_page: Callable[..., Page], axe_source: str, preview_url: str, path: str, scheme: str
) -> None:
    page = opened(open_page, path, scheme, root=preview_url)
    # Not vacuous: what only the preview shows is on the page.
    marks = page.locator(
        "article :is(.interviews-problems, .interviews-draft, .interviews-draft-note)"
    )
    expect(marks.first).to_be_visible()
    problems = axe(page, axe_source)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["", PAGE_TYPES["write-up"]], ids=["home", "write-up"])
def test_no_serious_violation_with_the_search_open(
    open_page: Callable[..., Page], axe_source: str, path: str, scheme: str
) -> None:
    page = opened(open_page, path, scheme)
    page.keyboard.press("/")  # Material's shortcut: opens the search and focuses its box
    dialog = page.get_by_role("dialog", name="Search")
    expect(dialog).to_be_visible()
    page.keyboard.type(QUERY)
    expect(dialog.locator(".md-search-result__item").first).to_be_visible()
    problems = axe(page, axe_source)
    assert not problems, "\n".join(problems)
