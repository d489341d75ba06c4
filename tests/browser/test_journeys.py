"""A reader's journeys through the sample site, on a desktop screen: what they click and see."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from .conftest import (
    ARCHIVE,
    ASK,
    FIELD,
    MATRIX,
    NETWORK,
    QUESTION,
    QUESTION_FIELD,
    QUESTIONS,
    playwright_api,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator, Page

expect = playwright_api().expect

FIELD_NAME = "Film post-production"
WRITEUP_TITLE = "Making the picture feel like the story"
WRITEUP_ROLE = "Senior colourist, post-production house"
WRITEUP_URL = "interviews/2025-03-19-colourist-grading-suite/"
QUESTION_TEXT = "What does a typical day look like?"
ASK_FORM = "https://github.com/interview-notes/interviews/issues/new"


def heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def article(page: Page) -> Locator:
    return page.locator("article")


def active_tab(page: Page) -> Locator:
    return page.locator(".md-tabs__item--active")


def trail(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Breadcrumb")


def ask_form_query(href: str | None) -> dict[str, list[str]]:
    """The query of a link to the ask form (asserting that it is one)."""
    assert href is not None
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == ASK_FORM
    return parse_qs(url.query)


def test_from_home_through_a_field_and_a_writeup_to_every_answer_from_the_field(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page()
    page.locator(".md-tabs").get_by_role("link", name="Fields", exact=True).click()
    expect(page).to_have_url(site_url + "fields/")
    expect(heading(page)).to_have_text("Fields")

    article(page).get_by_role("link", name=FIELD_NAME, exact=True).click()
    expect(page).to_have_url(site_url + FIELD)
    expect(heading(page)).to_have_text(FIELD_NAME)
    expect(article(page)).to_contain_text(WRITEUP_ROLE)

    article(page).get_by_role("link", name=WRITEUP_TITLE).click()
    expect(page).to_have_url(site_url + WRITEUP_URL)
    expect(heading(page)).to_have_text(WRITEUP_TITLE)
    expect(page.locator(".interviews-meta")).to_contain_text(WRITEUP_ROLE)

    # The link below the answer to "What does a typical day look like?" (anchored by its id).
    others = page.locator("#typical-day ~ * a.interviews-others").first
    expect(others).to_be_visible()
    expect(others).to_have_text(re.compile(r"^How \d+ others answered this question →$"))
    others.click()
    expect(page).to_have_url(site_url + QUESTION)
    expect(heading(page)).to_have_text(QUESTION_TEXT)
    expect(article(page).get_by_role("heading", name=FIELD_NAME, level=2)).to_be_visible()
    expect(article(page).get_by_role("link", name=WRITEUP_ROLE)).to_be_visible()

    all_answers = article(page).get_by_role("link", name=f"All 3 answers from {FIELD_NAME}")
    all_answers.click()
    expect(page).to_have_url(site_url + QUESTION_FIELD)
    expect(heading(page)).to_have_text(f"{QUESTION_TEXT} ({FIELD_NAME})")
    expect(article(page)).to_contain_text(f"3 answers from {FIELD_NAME}, newest first.")
    expect(article(page).get_by_role("heading", level=2)).to_have_count(3)
    expect(article(page).get_by_role("link", name=WRITEUP_TITLE)).to_be_visible()


def test_from_the_latest_interviews_on_home_through_the_archive_to_another_year(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page()
    latest = article(page).locator(".interviews-list").first
    expect(latest.locator(":scope > li")).to_have_count(5)
    newest = latest.locator(":scope > li").first
    for part in ("Olu Adeyemi", "Design lead, transit ticketing", "Graphic design"):
        expect(newest).to_contain_text(part)
    expect(newest.locator("time")).to_have_text("25 February 2026")

    latest.get_by_role("link", name="From lesson plans to sprint plans").click()
    expect(page).to_have_url(site_url + "interviews/2025-11-12-engineering-manager-former-teacher/")
    expect(active_tab(page)).to_have_text("Interviews")
    trail(page).get_by_role("link", name="Interviews", exact=True).click()
    expect(page).to_have_url(site_url + ARCHIVE)
    expect(heading(page)).to_have_text("Interviews")

    article(page).locator(".interviews-years").get_by_role("link", name="2025").click()
    expect(page).to_have_url(site_url + "interviews/2025/")
    expect(heading(page)).to_have_text("Interviews from 2025")
    expect(active_tab(page)).to_have_text("Interviews")
    # An interviewee who asked not to be named is "Anonymous", in the listing and on the page.
    anonymous = article(page).get_by_role("listitem").filter(has_text="Anonymous")
    expect(anonymous).to_have_count(1)
    anonymous.get_by_role("link", name="Where the trucks meet the database").click()
    expect(heading(page)).to_have_text("Where the trucks meet the database")
    expect(page.locator(".interviews-meta")).to_contain_text(
        "Senior backend engineer, freight logistics startup · Anonymous"
    )


def test_the_tabs_lead_to_the_interviews_and_the_network(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page()
    tabs = page.locator(".md-tabs")
    tabs.get_by_role("link", name="Interviews", exact=True).click()
    expect(page).to_have_url(site_url + ARCHIVE)
    expect(active_tab(page)).to_have_text("Interviews")
    tabs.get_by_role("link", name="Network", exact=True).click()
    expect(page).to_have_url(site_url + NETWORK)
    expect(active_tab(page)).to_have_text("Network")
    # A chain's interviews, each under the one whose interviewee introduced it.
    introduced = article(page).locator("#at-2025-02-12-executive-producer-post-house")
    expect(introduced.locator("xpath=../..")).to_have_id(
        "at-2024-12-04-assistant-editor-feature-film"
    )
    introduced.get_by_role("link", name="Selling hours in a dark room").click()
    expect(heading(page)).to_have_text("Selling hours in a dark room")


def test_a_question_page_asks_the_fields_that_have_not_answered_it(
    open_page: Callable[..., Page],
) -> None:
    """Museums & archives has not answered it, but a reader asked it there already, in an
    issue: the page asks for a 👍 on that issue rather than a second question."""
    page = open_page(QUESTION)
    expect(article(page).get_by_role("heading", name="Not answered yet", level=2)).to_be_visible()
    unanswered = article(page).locator(".interviews-unanswered li")
    expect(unanswered).to_have_count(1)
    expect(unanswered).to_contain_text("Museums & archives: readers have asked already.")
    thumbs_up = unanswered.get_by_role("link", name="Add your 👍 to issue #9")
    expect(thumbs_up).to_have_attribute(
        "href", "https://github.com/interview-notes/interviews/issues/9"
    )
    expect(
        article(page).get_by_role("link", name="Ask someone in Museums & archives")
    ).to_have_count(0)


def test_a_question_page_asks_it_of_the_field_the_reader_chooses(
    open_page: Callable[..., Page],
) -> None:
    """The chooser is a plain GET form: sent, it opens the issue form with the field chosen."""
    page = open_page(QUESTION)
    chooser = article(page).get_by_role("combobox", name="Ask it of someone in")
    chooser.select_option("Radio & podcasting")
    # The issue form is not opened (the tests make no request outside the site): its
    # address is the request the browser makes.
    with page.expect_request(lambda request: request.url.startswith(ASK_FORM)) as sent:
        article(page).get_by_role("button", name="Ask", exact=True).click()
    assert ask_form_query(sent.value.url) == {
        "template": ["ask.yml"],
        "field": ["Radio & podcasting"],
        "question": [QUESTION_TEXT],
        "title": [f"Question for a field: {QUESTION_TEXT}"],
    }


def matrix_cell(page: Page, field: str, question: str) -> Locator:
    """The matrix's cell for a field (row) and a question (column), found by their headings
    (the questions' row of the header, under their themes')."""
    table = page.get_by_role("table")
    columns = table.locator("thead tr:last-child th").all_inner_texts()
    column = [text.strip() for text in columns].index(question)
    row = table.locator("tbody tr", has=page.get_by_role("rowheader", name=field, exact=True))
    return row.locator("td").nth(column)


def test_matrix_cells_open_their_answers_or_the_ask_form(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page(QUESTIONS)
    article(page).get_by_role("link", name="coverage matrix").click()
    expect(page).to_have_url(site_url + MATRIX)
    matrix = page.get_by_role("region", name="Answers by field and question")
    expect(matrix).to_be_visible()

    # An empty cell: nobody in Film post-production was asked about education.
    question = "What education or training does this career require?"
    empty = matrix_cell(page, FIELD_NAME, question).get_by_role("link")
    expect(empty).to_have_text("+")
    expect(empty).to_have_accessible_name(f"{FIELD_NAME}, {question}: no answer yet, ask")
    query = ask_form_query(empty.get_attribute("href"))
    assert query == {
        "template": ["ask.yml"],
        "field": [FIELD_NAME],
        "question": [question],
        "title": [f"Question for {FIELD_NAME}: {question}"],
    }

    counted = matrix_cell(page, FIELD_NAME, QUESTION_TEXT).get_by_role("link")
    expect(counted).to_have_text("3")
    counted.click()
    expect(page).to_have_url(site_url + QUESTION_FIELD)
    expect(heading(page)).to_have_text(f"{QUESTION_TEXT} ({FIELD_NAME})")


def search(page: Page, query: str) -> Locator:
    """Type a query into the header's search box; the results, once they are shown."""
    dialog = page.get_by_role("dialog", name="Search")
    box = dialog.get_by_role("textbox", name="Search")
    box.click()
    box.fill(query)
    busy = dialog.locator(".md-search-result")
    expect(busy).to_have_attribute("aria-busy", "false", timeout=20_000)
    results = dialog.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=20_000)
    return results


def test_search_finds_a_writeup_by_role_and_by_a_phrase_from_an_answer(
    open_page: Callable[..., Page], site_url: str
) -> None:
    page = open_page()
    results = search(page, "senior colourist")
    expect(results.first).to_contain_text(WRITEUP_TITLE)

    # A phrase from one of its answers: only the write-ups are indexed, not the listings that
    # quote their answers, so the write-up comes first.
    results = search(page, "Dolby Vision trim passes")
    hit = results.first.get_by_role("link").first
    expect(hit).to_have_attribute("href", re.compile(re.escape(WRITEUP_URL)))
    hit.click()
    expect(page).to_have_url(re.compile(re.escape(site_url + WRITEUP_URL)))
    expect(heading(page)).to_have_text(WRITEUP_TITLE)


def test_ask_page_links_each_field_to_the_form(open_page: Callable[..., Page]) -> None:
    page = open_page(ASK)
    link = article(page).get_by_role("link", name=f"Ask someone in {FIELD_NAME}", exact=True)
    expect(link).to_be_visible()
    query = ask_form_query(link.get_attribute("href"))
    assert query["template"] == ["ask.yml"]
    assert query["field"] == [FIELD_NAME]
    assert not query.get("question", [""])[0]


def test_field_page_links_its_feed(open_page: Callable[..., Page], site_url: str) -> None:
    page = open_page(FIELD)
    follow = article(page).get_by_role("link", name="Follow this field")
    expect(follow).to_be_visible()
    # To how to follow it, on the page of the feeds (tests/browser/test_feeds.py), which
    # gives the address the page's head announces.
    assert follow.evaluate("link => link.href") == site_url + "feeds/#feed-film-post-production"
    feed_url = site_url + FIELD + "feed.xml"
    feed = page.request.get(feed_url)
    assert feed.ok
    assert "<rss" in feed.text()
    for title in (
        WRITEUP_TITLE,
        "Selling hours in a dark room",
        "The invisible half of the cutting room",
    ):
        assert f"<title>{title}</title>" in feed.text()
