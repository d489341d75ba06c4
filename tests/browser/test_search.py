"""The readers' search of the sample site (the plugin's dialog over Pagefind): a phrase finds its
write-up first, the filters narrow the results by field and by question, the keyboard works as
in Material, and on a phone the dialog fills the screen. The expected write-ups come from the
site's own open data (`api/interviews.json`)."""

from __future__ import annotations

import json
import re
import urllib.request
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import PHONE, WRITEUP, playwright_api
from .test_journeys import WRITEUP_TITLE, WRITEUP_URL, search

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

expect = playwright_api().expect

FIELD_NAME = "Film post-production"
FIELD_SLUG = "film-post-production"
QUESTION_ID = "pay"


@pytest.fixture(scope="module")
def interviews(site_url: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(site_url + "api/interviews.json", timeout=10) as answer:
        loaded: list[dict[str, Any]] = json.load(answer)
    return loaded


@pytest.fixture(scope="module")
def question_text(site_url: str) -> str:
    with urllib.request.urlopen(site_url + "api/questions.json", timeout=10) as answer:
        questions = json.load(answer)
    return next(str(q["text"]) for q in questions if q["id"] == QUESTION_ID)


def dialog(page: Page) -> Locator:
    return page.get_by_role("dialog", name="Search")


def titles(page: Page) -> list[str]:
    """The titles of the results shown, once the search has shown them."""
    expect(dialog(page).locator(".md-search-result")).to_have_attribute("aria-busy", "false")
    meta = dialog(page).locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"matching document"))
    count = re.match(r"(\d+|No)", meta.inner_text().strip())
    assert count is not None
    shown = dialog(page).locator(".md-search-result__item h1")
    expect(shown).to_have_count(0 if count[1] == "No" else min(int(count[1]), 10))
    return shown.all_inner_texts()


def choose(page: Page, name: str, label: str) -> None:
    """Choose the filter's option that starts with `label` (its count follows)."""
    select = dialog(page).get_by_role("combobox", name=name)
    option = select.locator("option", has_text=re.compile("^" + re.escape(label) + r"( \(\d+\))?$"))
    expect(option).to_have_count(1)
    select.select_option(value=option.get_attribute("value"))


def test_a_quoted_phrase_finds_only_its_writeup(open_page: Callable[..., Page]) -> None:
    page = open_page()
    results = search(page, '"trim passes for different display brightnesses"')
    expect(results).to_have_count(1)
    expect(results.first.get_by_role("link")).to_have_attribute(
        "href", re.compile(re.escape(WRITEUP_URL) + "$")
    )
    # The result shows its title, role and field, and the words found, marked.
    expect(results.first.get_by_role("heading")).to_have_text(WRITEUP_TITLE)
    expect(results.first).to_contain_text("Senior colourist, post-production house")
    expect(results.first.locator("mark").first).to_have_text(re.compile("trim", re.IGNORECASE))


def test_excerpts_show_the_answers_words_without_the_headings_permalinks(
    open_page: Callable[..., Page],
) -> None:
    page = open_page()
    results = search(page, "colour")
    expect(results.first).to_be_visible()
    excerpts = dialog(page).locator(".md-search-result__article p").all_inner_texts()
    assert any("colour" in e.lower() for e in excerpts)
    assert not any("\N{PILCROW SIGN}" in e for e in excerpts)


def test_the_filters_narrow_by_field_and_by_question(
    open_page: Callable[..., Page], interviews: list[dict[str, Any]], question_text: str
) -> None:
    in_field = {i["title"] for i in interviews if FIELD_SLUG in i["fields"]}
    both = {
        i["title"]
        for i in interviews
        if FIELD_SLUG in i["fields"] and QUESTION_ID in i["questions"]
    }
    assert 1 <= len(both) < len(in_field), "not vacuous: the question narrows the field's"

    page = open_page()
    search(page, "work")
    everything = titles(page)
    assert len(everything) > len(in_field)
    choose(page, "Field", FIELD_NAME)
    narrowed = titles(page)
    assert narrowed and set(narrowed) <= in_field
    # With no words, the filters alone list the write-ups.
    dialog(page).get_by_role("textbox", name="Search").fill("")
    assert set(titles(page)) == in_field
    choose(page, "Question", question_text)
    assert set(titles(page)) == both
    choose(page, "Field", "All fields")
    assert set(titles(page)) == {i["title"] for i in interviews if QUESTION_ID in i["questions"]}


def test_the_keyboard_opens_moves_follows_and_closes(open_page: Callable[..., Page]) -> None:
    page = open_page(WRITEUP)
    box = dialog(page).get_by_role("textbox", name="Search")
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("colourist")
    links = dialog(page).locator(".md-search-result__link")
    expect(links.nth(1)).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(links.first).to_be_focused()
    target = links.first.get_attribute("href")
    assert target is not None
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target.split("/")[-2]) + "/$"))
    page.wait_for_load_state()

    # On the next page, `s` opens it too, and Escape closes it.
    box = dialog(page).get_by_role("textbox", name="Search")
    page.keyboard.press("s")
    expect(box).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Escape")
    expect(box).not_to_be_focused()
    expect(page.locator("#__search")).not_to_be_checked()


def test_enter_in_the_box_follows_the_first_result(open_page: Callable[..., Page]) -> None:
    page = open_page()
    search(page, "senior colourist")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(WRITEUP_URL) + "$"))


def test_on_a_phone_the_search_fills_the_screen(open_page: Callable[..., Page]) -> None:
    page = open_page(viewport=PHONE)
    page.locator("header label.md-header__button[for=__search]").click()
    box = dialog(page).get_by_role("textbox", name="Search")
    expect(box).to_be_focused()
    box.fill("colourist")
    results = dialog(page).locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    width = PHONE["width"]
    inner = dialog(page).locator(".md-search__inner").bounding_box()
    assert inner is not None and inner["x"] == 0 and inner["width"] == width
    for name in ("Field", "Question"):
        select = dialog(page).get_by_role("combobox", name=name).bounding_box()
        assert select is not None and select["x"] > 0 and select["x"] + select["width"] <= width
    # Its back arrow closes it.
    dialog(page).locator("form label[for=__search]").click()
    expect(page.locator("#__search")).not_to_be_checked()


def test_tab_reaches_the_filters_and_leaving_the_dialog_closes_it(
    open_page: Callable[..., Page],
) -> None:
    page = open_page()
    page.keyboard.press("f")
    page.keyboard.type("colourist")
    expect(dialog(page).locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Tab")  # Material's scrolling box of the results, first
    expect(dialog(page).locator(".md-search__scrollwrap")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog(page).get_by_role("combobox", name="Field")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog(page).get_by_role("combobox", name="Question")).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Tab")  # out of the dialog
    expect(dialog(page).get_by_role("combobox", name="Question")).not_to_be_focused()
    expect(page.locator("#__search")).not_to_be_checked()
