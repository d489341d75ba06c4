"""The author's preview in a browser (a `mkdocs serve` build of the sample site with one
write-up to fix, conftest's `preview_url`): the problems box comes first on the write-up's
page, on a desktop screen and on a phone; a draft says it is one, once, and is marked in its
field's listing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    PREVIEW_DRAFT,
    PREVIEW_DRAFT_FIELD,
    PREVIEW_PROBLEM,
    playwright_api,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

expect = playwright_api().expect

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


def box(locator: Locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None
    return found


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_the_problems_box_comes_first_and_fits_the_screen(
    open_page: Callable[..., Page], preview_url: str, viewport: dict[str, int]
) -> None:
    page = open_page(PREVIEW_PROBLEM, viewport=viewport, root=preview_url)
    problems = page.get_by_role("note", name="Problems in this interview")
    expect(problems).to_be_in_viewport()
    # The file first, then the key, then the fix.
    expect(problems.get_by_role("listitem")).to_have_text(
        re.compile(
            r"^interviews/2026-03-04-sound-designer-games\.md:3 · field: field 'Film "
            r"post-prodution' is not in fields\.yml \(did you mean 'Film post-production'\?\)$"
        )
    )
    text = page.locator("article p", has_text="A sound designer on recording footsteps.")
    assert box(problems)["y"] + box(problems)["height"] <= box(text)["y"]
    assert box(problems)["x"] + box(problems)["width"] <= viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]


def test_a_draft_says_it_is_one_once(open_page: Callable[..., Page], preview_url: str) -> None:
    page = open_page(PREVIEW_DRAFT, root=preview_url)
    expect(page.locator(".interviews-draft-note")).to_have_text(
        "Draft: shown by mkdocs serve, left out of mkdocs build."
    )
    # MkDocs' own "DRAFT" above the page is there, and hidden: the header says it already.
    expect(page.locator(".mkdocs-draft-marker")).to_be_attached()
    expect(page.locator(".mkdocs-draft-marker")).to_be_hidden()
    assert page.locator("article").inner_text().lower().count("draft") == 1
    trail = page.get_by_role("navigation", name="Breadcrumb")
    expect(trail).to_be_visible()
    assert box(page.get_by_role("heading", level=1))["y"] < box(trail)["y"]


def test_a_draft_is_marked_in_its_fields_listing(
    open_page: Callable[..., Page], preview_url: str
) -> None:
    page = open_page(PREVIEW_DRAFT_FIELD, root=preview_url)
    entry = page.locator("article .interviews-list > li").filter(
        has_text="Keeping track of everything, forever"
    )
    expect(entry.locator(".interviews-draft")).to_have_text("Draft")
    expect(entry.locator(".interviews-draft")).to_be_visible()
