"""On a phone (390 x 844): pages of every type fit the screen's width, the navigation drawer
leads to each section, and a reader goes from the home page's latest interviews to an
interview, back up the breadcrumbs to the archive, and on through a year."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import ARCHIVE, MATRIX, PAGE_TYPES, PHONE, WRITEUP, playwright_api

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

expect = playwright_api().expect

# After trying to scroll the page sideways: how far it went, how wide the page is against the
# screen, and the elements of the article that reach past the screen's right edge (outside
# the coverage matrix, which scrolls in its own container).
MEASURE_WIDTH = """() => {
  window.scrollTo(10000, window.scrollY);
  const root = document.documentElement;
  const overflowing = [...document.querySelectorAll("article *")]
    .filter((e) => !e.closest(".interviews-matrix"))
    .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1)
    .map((e) => e.outerHTML.slice(0, 80));
  return {scrollX: window.scrollX, scrollWidth: root.scrollWidth, width: root.clientWidth,
          overflowing};
}"""


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_does_not_scroll_sideways(open_page: Callable[..., Page], path: str) -> None:
    page = open_page(path, viewport=PHONE)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    measured = page.evaluate(MEASURE_WIDTH)
    assert measured == {
        "scrollX": 0,
        "scrollWidth": PHONE["width"],
        "width": PHONE["width"],
        "overflowing": [],
    }


def test_matrix_scrolls_in_its_own_container(open_page: Callable[..., Page]) -> None:
    page = open_page(MATRIX, viewport=PHONE)
    matrix = page.get_by_role("region", name="Answers by field and question")
    matrix.scroll_into_view_if_needed()
    expect(matrix).to_be_in_viewport()
    scrolled = matrix.evaluate(
        """(box) => { box.scrollLeft = 400;
        return {wider: box.scrollWidth > box.clientWidth, left: box.scrollLeft,
                page: window.scrollX}; }"""
    )
    assert scrolled == {"wider": True, "left": 400, "page": 0}
    # The field names stay in view while the questions scroll under them.
    row_heading = page.get_by_role("rowheader", name="Film post-production", exact=True)
    box = row_heading.bounding_box()
    assert box is not None
    assert 0 <= box["x"] < PHONE["width"] / 2


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("Interviews", "interviews/"),
        ("Fields", "fields/"),
        ("Questions", "questions/"),
        ("Network", "network/"),
        ("Ask", "ask/"),
    ],
)
def test_navigation_drawer_reaches_the_index_pages(
    open_page: Callable[..., Page], site_url: str, name: str, url: str
) -> None:
    page = open_page(WRITEUP, viewport=PHONE)
    expect(page.locator(".md-tabs")).to_be_hidden()
    drawer = page.locator(".md-sidebar--primary nav.md-nav--primary")
    link = drawer.get_by_role("link", name=name, exact=True)
    expect(link).not_to_be_in_viewport()
    page.locator(".md-header label[for=__drawer]").click()
    expect(link).to_be_visible()
    expect(link).to_be_in_viewport()
    link.click()
    expect(page).to_have_url(site_url + url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_from_the_latest_interviews_to_one_and_back_up_to_a_year(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(viewport=PHONE)
    latest = page.locator("article .interviews-list").first
    newest = latest.get_by_role("link", name="When your users are standing at a bus stop")
    newest.scroll_into_view_if_needed()
    expect(newest).to_be_in_viewport()
    # The whole entry, name to date, is on the screen's width.
    entry = latest.locator(":scope > li").first.bounding_box()
    assert entry is not None and entry["x"] >= 0 and entry["x"] + entry["width"] <= PHONE["width"]
    newest.click()
    expect(page).to_have_url(site_url + "interviews/2026-02-25-ux-designer-turned-design-lead/")
    trail = page.get_by_role("navigation", name="Breadcrumb")
    expect(trail).to_be_in_viewport()
    trail.get_by_role("link", name="Interviews", exact=True).click()
    expect(page).to_have_url(site_url + ARCHIVE)
    year = page.locator("article .interviews-years").get_by_role("link", name="2024")
    year.scroll_into_view_if_needed()
    year.click()
    expect(page).to_have_url(site_url + "interviews/2024/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Interviews from 2024")
    page.get_by_role("link", name="The invisible half of the cutting room").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The invisible half of the cutting room"
    )
