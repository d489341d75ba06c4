"""axe-core finds no serious or critical accessibility problem on the reader's pages, in the
light and the dark colour scheme.

axe-core is the npm package in `tests/tools` (`npm ci --prefix tests/tools`), injected into
each page and run with its default rules (WCAG 2 A and AA, and best practices).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .conftest import (
    ASK,
    FIELD,
    FIELDS,
    MATRIX,
    QUESTION,
    QUESTION_FIELD,
    QUESTIONS,
    WRITEUP,
    playwright_api,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

expect = playwright_api().expect

PAGES = {
    "home": "",
    "fields": FIELDS,
    "field": FIELD,
    "questions": QUESTIONS,
    "matrix": MATRIX,
    "question": QUESTION,
    "question-field": QUESTION_FIELD,
    "ask": ASK,
    "write-up": WRITEUP,
}

# Material's colour scheme (body[data-md-color-scheme]) for the browser's preferred scheme, as
# the sample site's palette toggle maps them.
SCHEMES = {"light": "default", "dark": "slate"}

# Problems in Material's own markup that a site cannot fix short of copying its templates:
# (axe rule, the element's selector as axe reports it).
MATERIAL = {
    # The search overlay (Material's partials/search.html) is a role="dialog" with no name;
    # Material's accessibility meta issue, squidfunk/mkdocs-material#4101, is open.
    ("aria-dialog-name", ".md-search"),
}

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
    """The serious and critical problems, one line each, less Material's own."""
    return [
        f"{v['impact']} {v['rule']} ({v['help']}): {n['target']}: {n['html']}\n  {n['summary']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
        for n in v["nodes"]
        if (v["rule"], n["target"]) not in MATERIAL
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_serious_violation(
    open_page: Callable[..., Page], axe_source: str, path: str, scheme: str
) -> None:
    page = open_page(path, color_scheme=scheme)
    # Material applies the dark scheme from the browser's preference once its script runs.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE)
    problems = serious(violations)
    assert not problems, "\n".join(problems)


def test_material_exclusion_is_not_stale(open_page: Callable[..., Page], axe_source: str) -> None:
    # Each exclusion names one rule on one element; once Material fixes it, drop it.
    page = open_page()
    page.add_script_tag(content=axe_source)
    found = {(v["rule"], n["target"]) for v in page.evaluate(RUN_AXE) for n in v["nodes"]}
    assert found >= MATERIAL
