"""A question's page puts two or three chosen fields side by side: on a desktop screen in
columns, on a phone one under the other; the choice is in the address, to be shared; without
scripts the page is whole and shows no form that would not work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import DESKTOP, PHONE, QUESTION, playwright_api

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser, Locator, Page

expect = playwright_api().expect

PUBLISHING = "Book publishing"
RADIO = "Radio & podcasting"
FILM = "Film post-production"
MUSIC = "Music production"
SHARED = f"{QUESTION}#compare=book-publishing,radio-and-podcasting"


def part(page: Page, slug: str) -> Locator:
    return page.locator(f'[data-field="{slug}"]')


def box(locator: Locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None
    return found


def test_ticking_fields_puts_them_side_by_side(open_page: Callable[..., Page]) -> None:
    page = open_page(QUESTION, viewport=DESKTOP)
    form = page.get_by_role("group", name="Put two or three fields side by side")
    expect(form).to_be_visible()
    form.get_by_role("checkbox", name=PUBLISHING).check()
    expect(page.get_by_role("status")).to_have_text(
        "Choose one or two more fields to put beside it."
    )
    expect(part(page, "graphic-design")).to_be_visible()  # one field is no comparison yet
    form.get_by_role("checkbox", name=RADIO).check()
    expect(page.get_by_role("status")).to_have_text(f"Comparing {PUBLISHING} and {RADIO}.")
    assert page.url.endswith(SHARED)
    toc = page.locator(".md-sidebar--secondary")
    expect(toc).to_be_hidden()  # its room goes to the columns (its links, to hidden fields)
    expect(part(page, "graphic-design")).to_be_hidden()
    left, right = box(part(page, "book-publishing")), box(part(page, "radio-and-podcasting"))
    assert left["y"] == right["y"] and left["x"] + left["width"] <= right["x"]
    # The third is the last: the others can no longer be ticked.
    form.get_by_role("checkbox", name=FILM).check()
    expect(form.get_by_role("checkbox", name=MUSIC)).to_be_disabled()
    form.get_by_role("checkbox", name=FILM).uncheck()
    form.get_by_role("checkbox", name=RADIO).uncheck()
    expect(part(page, "graphic-design")).to_be_visible()
    expect(toc).to_be_visible()
    assert page.url.endswith("#compare=book-publishing")


def test_a_shared_address_opens_the_comparison(open_page: Callable[..., Page]) -> None:
    page = open_page(SHARED, viewport=DESKTOP)
    expect(page.get_by_role("checkbox", name=PUBLISHING)).to_be_checked()
    expect(page.get_by_role("checkbox", name=RADIO)).to_be_checked()
    expect(part(page, "music-production")).to_be_hidden()
    # An interview of two fields is quoted under the first (Music production, hidden here):
    # the column of its other field shows the quote in place of the pointer to it.
    radio = part(page, "radio-and-podcasting")
    expect(radio.locator(".interviews-also")).to_be_hidden()
    expect(radio.locator("[data-interviews-copy] .interviews-excerpt")).to_be_visible()


def test_on_a_phone_the_fields_are_one_under_the_other(open_page: Callable[..., Page]) -> None:
    page = open_page(SHARED, viewport=PHONE)
    first, second = part(page, "book-publishing"), part(page, "radio-and-podcasting")
    expect(second).to_be_visible()
    assert box(first)["y"] + box(first)["height"] <= box(second)["y"]
    assert box(second)["x"] + box(second)["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    page.get_by_role("checkbox", name=RADIO).uncheck()
    expect(part(page, "music-production")).to_be_visible()


def test_without_scripts_the_page_is_whole(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
        page = context.new_page()
        page.goto(SHARED)
        expect(page.get_by_role("checkbox", name=PUBLISHING)).to_have_count(0)
        for slug in ("book-publishing", "music-production", "radio-and-podcasting"):
            expect(part(page, slug)).to_be_visible()
    finally:
        context.close()
