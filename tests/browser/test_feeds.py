"""Feeds a person can read: a feed opened in the browser is a page that says what a feed is
and how to follow it, then lists its interviews (the feeds' CSS stylesheet); a field page's
"Follow this field" leads to the field's feed on the page of the feeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import FEEDS, FIELD, PHONE, playwright_api

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page

expect = playwright_api().expect

FIELD_FEED = f"{FIELD}feed.xml"

# What the browser shows of a feed: each element's display, and the text before the channel.
SHOWN = r"""() => {
  const display = (selector) => {
    const found = document.querySelector(selector);
    return found === null ? null : getComputedStyle(found).display;
  };
  return {
    explanation: getComputedStyle(document.querySelector("channel"), "::before").content,
    title: display("channel > title"),
    entry_title: display("item > title"),
    entry_summary: display("item > description"),
    guid: display("item > guid"),
    stylesheets: document.styleSheets.length,
  };
}"""


@pytest.mark.parametrize("path", ["feed.xml", FIELD_FEED])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_feed_opened_in_the_browser_is_a_page_to_read(
    open_page: Callable[..., Page], path: str, scheme: str
) -> None:
    failed: list[str] = []
    page = open_page("", color_scheme=scheme)
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(path)
    shown = page.evaluate(SHOWN)
    assert failed == []
    assert shown["stylesheets"] == 1
    assert "This is a feed." in shown["explanation"]
    assert "add it in your feed reader" in shown["explanation"]
    assert shown["title"] == shown["entry_summary"] == "block"
    assert shown["entry_title"] == "block"
    assert shown["guid"] == "none"  # what only a feed reader needs is not shown


def test_a_feed_fits_a_phones_screen(open_page: Callable[..., Page]) -> None:
    page = open_page(FIELD_FEED, viewport=PHONE)
    shown = page.evaluate(
        """() => [document.documentElement.scrollWidth,
                  getComputedStyle(document.querySelector("item > title")).display]"""
    )
    assert shown == [PHONE["width"], "block"]  # the stylesheet applied, and no sideways scroll


def test_follow_this_field_leads_to_the_fields_feed_and_how_to_follow_it(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(FIELD)
    page.get_by_role("link", name="Follow this field").click()
    expect(page).to_have_url(f"{site_url}{FEEDS}#feed-film-post-production")
    target = page.locator("#feed-film-post-production")
    expect(target).to_be_in_viewport()
    expect(target.get_by_role("link").last).to_have_text(
        "https://interview-notes.github.io/interviews/fields/film-post-production/feed.xml"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Follow new interviews")
