"""The coverage matrix in a browser, on a desktop screen and on a phone: its headings stay in
view as it scrolls, its links are big enough to tap, it says so when it scrolls sideways, and
a "?" leads to the reader's question already sent in."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import DESKTOP, MATRIX, PHONE, playwright_api

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

expect = playwright_api().expect

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
REGION = "Answers by field and question"
QUESTIONS = 31
"""The sample's questions still asked: the matrix's columns."""


def matrix(page: Page) -> Locator:
    box = page.get_by_role("region", name=REGION)
    expect(box).to_be_visible()
    return box


def on_top(page: Page, cell: Locator) -> str:
    """The text of the table heading a reader sees at the middle of `cell` (what is drawn
    there, on top of anything that scrolled under it)."""
    found = cell.bounding_box()
    assert found is not None
    middle = [found["x"] + found["width"] / 2, found["y"] + found["height"] / 2]
    shown: str = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.closest('th')?.textContent?.trim() ?? ''",
        middle,
    )
    return shown


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_headings_stay_in_view_as_the_matrix_scrolls(
    open_page: Callable[..., Page], viewport: dict[str, int]
) -> None:
    page = open_page(MATRIX, viewport=viewport)
    box = matrix(page)
    box.scroll_into_view_if_needed()
    sizes = box.evaluate("(b) => [b.scrollHeight, b.clientHeight]")
    assert sizes[0] > sizes[1], "the matrix is taller than its box: it scrolls down in it"
    box.evaluate("(b) => { b.scrollLeft = b.scrollWidth; b.scrollTop = b.scrollHeight; }")
    area = box.bounding_box()
    assert area is not None
    # At the far right and the bottom: the last column's heading is still at the top of the
    # box, and the last field's name at its left.
    total = box.get_by_role("columnheader", name="Total", exact=True)
    last_field = box.locator("tbody").last.get_by_role("rowheader").last
    for heading in (total, last_field):
        expect(heading).to_be_in_viewport()
        assert on_top(page, heading) == heading.inner_text().strip()
    top, left = total.bounding_box(), last_field.bounding_box()
    assert top is not None and left is not None
    assert area["y"] <= top["y"] < area["y"] + area["height"] / 2
    assert area["x"] <= left["x"] < area["x"] + area["width"] / 2


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_every_link_of_the_matrix_is_big_enough_to_tap(
    open_page: Callable[..., Page], viewport: dict[str, int]
) -> None:
    """WCAG 2.2's target size: 24 x 24 CSS pixels at least, the field names' and the
    questions' links too."""
    page = open_page(MATRIX, viewport=viewport)
    sizes = matrix(page).evaluate(
        """(box) => [...box.querySelectorAll("a")].map((a) => {
          const r = a.getBoundingClientRect();
          return [a.getAttribute("aria-label") ?? a.textContent.trim(), r.width, r.height];
        })"""
    )
    assert len(sizes) > 9 * QUESTIONS
    assert [s for s in sizes if s[1] < 24 or s[2] < 24] == []


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_the_matrix_says_when_it_scrolls_sideways(
    open_page: Callable[..., Page], viewport: dict[str, int]
) -> None:
    """On a phone the table is wider than the screen, and a line above it says so; at 1280
    pixels every question is in view, and nothing says to scroll."""
    page = open_page(MATRIX, viewport=viewport)
    box = matrix(page)
    wider = box.evaluate("(b) => b.scrollWidth > b.clientWidth")
    assert wider == (viewport == PHONE)
    cue = page.get_by_text(f"Scroll sideways to see all {QUESTIONS} questions")
    if wider:
        expect(cue).to_be_visible()
        cue_box, area = cue.bounding_box(), box.bounding_box()
        assert cue_box is not None and area is not None
        assert cue_box["y"] + cue_box["height"] <= area["y"], "the cue is above the matrix"
    else:
        expect(cue).to_be_hidden()
        last = box.get_by_role("columnheader", name="Total", exact=True)
        expect(last).to_be_in_viewport(ratio=1)


def test_a_question_readers_are_asking_leads_to_theirs(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(MATRIX)
    asked = matrix(page).get_by_role(
        "link",
        name="Magazine journalism, What can someone expect to earn?: no answer yet, 1 reader "
        "asking, see the queued question",
    )
    expect(asked).to_have_text("?")
    asked.click()
    expect(page).to_have_url(site_url + "ask/#ask-magazine-pay")
    queued = page.locator("#ask-magazine-pay")
    expect(queued).to_contain_text("What does an editorial assistant at a magazine earn")
    expect(queued).to_contain_text("waiting")
    expect(queued).to_be_in_viewport()


def test_a_question_asked_in_an_issue_asks_for_a_thumbs_up(open_page: Callable[..., Page]) -> None:
    """Its issue has 5 👍: the cell leads there, for a sixth, rather than to a new question."""
    page = open_page(MATRIX)
    asked = matrix(page).get_by_role(
        "link",
        name="Museums & archives, What does a typical day look like?: no answer yet, 5 readers "
        "asking, add your 👍 to issue #9",
    )
    expect(asked).to_have_text("?")
    expect(asked).to_have_attribute(
        "href", "https://github.com/interview-notes/interviews/issues/9"
    )
