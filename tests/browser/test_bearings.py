"""A reader keeps their bearings on the sample site, on a desktop screen: the section's tab
stands out and the breadcrumbs lead back up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import FIELD, QUESTION, QUESTION_FIELD, playwright_api

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
