"""A reader keeps their bearings on the sample site: on a desktop screen the section's tab
stands out, and the breadcrumbs lead back up; an interview ends with the chain of
introductions that led to it and more from its field. On a phone, where Material hides the
tabs, the breadcrumbs are the way back up (big enough to tap) and the navigation drawer shows
the section."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .conftest import FIELD, NETWORK, PHONE, QUESTION, QUESTION_FIELD, WRITEUP, playwright_api

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

expect = playwright_api().expect

FIELD_NAME = "Film post-production"
WRITEUP_URL = "interviews/2025-03-19-colourist-grading-suite/"


def trail(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Breadcrumb")


def active_tab(page: Page) -> Locator:
    return page.locator(".md-tabs__item--active")


def test_from_a_field_back_up_to_the_home_page(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(FIELD)
    expect(active_tab(page)).to_have_text("Fields")
    expect(trail(page).locator('[aria-current="page"]')).to_have_text(FIELD_NAME)
    trail(page).get_by_role("link", name="Fields", exact=True).click()
    expect(page).to_have_url(site_url + "fields/")
    expect(active_tab(page)).to_have_text("Fields")
    trail(page).get_by_role("link", name="Home", exact=True).click()
    expect(page).to_have_url(site_url)
    expect(active_tab(page)).to_have_text("Home")


def test_an_interview_has_its_trail(open_page: Callable[..., Page], site_url: str) -> None:
    page = open_page(WRITEUP_URL)
    expect(active_tab(page)).to_have_count(1)
    expect(trail(page).locator('[aria-current="page"]')).to_have_text(
        "Making the picture feel like the story"
    )
    trail(page).get_by_role("link", name="Home", exact=True).click()
    expect(page).to_have_url(site_url)


def test_from_a_question_by_field_page_to_its_question(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(QUESTION_FIELD)
    expect(active_tab(page)).to_have_text("Questions")
    # On desktop the sidebar shows the active tab's part of the navigation.
    sidebar = page.locator(".md-sidebar--primary")
    expect(sidebar.get_by_role("link", name="Questions", exact=True)).to_be_visible()
    trail(page).get_by_role("link", name="What does a typical day look like?").click()
    expect(page).to_have_url(site_url + QUESTION)
    expect(active_tab(page)).to_have_text("Questions")


def test_an_interview_ends_with_more_from_its_field(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(WRITEUP_URL)
    more = page.locator(".interviews-more")
    expect(more.get_by_role("listitem")).to_have_count(2)
    more.get_by_role("link", name=FIELD_NAME, exact=True).click()
    expect(page).to_have_url(site_url + FIELD)


def test_an_interview_ends_with_the_chain_of_introductions_that_led_to_it(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(WRITEUP_URL)
    chain = page.locator("ol.interviews-chain")
    expect(chain.get_by_role("listitem")).to_have_count(3)
    expect(chain.get_by_role("listitem").last).to_have_text(
        "This interview (Senior colourist, post-production house)"
    )
    page.get_by_role("link", name="The whole chain of introductions").click()
    expect(page).to_have_url(re.compile(re.escape(site_url + NETWORK) + "#"))
    page.go_back()
    chain.get_by_role("link", name="The invisible half of the cutting room").click()
    expect(page).to_have_url(site_url + "interviews/2024-12-04-assistant-editor-feature-film/")


# What a reader taps: each link of the trail, its width and height on the screen.
TRAIL_SIZES = """(nav) => [...nav.querySelectorAll("a")].map((a) => {
  const r = a.getBoundingClientRect();
  return [a.textContent.trim(), r.width, r.height];
})"""


def test_on_a_phone_the_breadcrumbs_lead_back_up(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(QUESTION_FIELD, viewport=PHONE)
    expect(page.locator(".md-tabs")).to_be_hidden()
    expect(trail(page)).to_be_in_viewport()
    sizes = trail(page).evaluate(TRAIL_SIZES)
    assert [name for name, _, _ in sizes] == [
        "Home",
        "Questions",
        "What does a typical day look like?",
        "Film post-production",
    ]
    # WCAG 2.2's target size, 24 x 24 CSS pixels, without counting on the space around.
    assert [size for size in sizes if size[1] < 24 or size[2] < 24] == []
    trail(page).get_by_role("link", name="What does a typical day look like?").click()
    expect(page).to_have_url(site_url + QUESTION)
    trail(page).get_by_role("link", name="Questions", exact=True).click()
    expect(page).to_have_url(site_url + "questions/")


def test_on_a_phone_the_drawer_shows_the_section(open_page: Callable[..., Page]) -> None:
    page = open_page(WRITEUP, viewport=PHONE)
    page.locator(".md-header label[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary nav.md-nav--primary")
    active = drawer.locator(".md-nav__item--active > .md-nav__link")
    expect(active).to_have_text("Interviews")
    expect(active).to_be_in_viewport()
    # It stands out from the other entries: in the link colour, not the text's.
    colours = drawer.evaluate(
        """(nav) => [...nav.querySelectorAll(".md-nav__list > .md-nav__item > .md-nav__link")]
        .map((a) => [a.textContent.trim(), getComputedStyle(a).color])"""
    )
    others = {colour for name, colour in colours if name != "Interviews"}
    assert len(others) == 1 and dict(colours)["Interviews"] not in others, colours
