"""The author's preview (`mkdocs serve`): problems shown at the top of their write-up's page,
drafts listed where they will be and marked as drafts; never either in `mkdocs build`, and
never a draft in the feeds or the open data, even in the preview."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import Site, writeup

BAD_FIELD = writeup(title="Still being written", field="Publshing")
HOSTILE = "<script>alert(1)</script>"
BROKEN_LINK = writeup(
    title="Met through a friend",
    field="Music production",
    extra="referred_by: no-such-<b>person</b>\n",
)
DRAFT = writeup(
    title="Half-finished talk",
    field="Radio & podcasting",
    role="Podcast producer",
    questions=("typical-day",),
    extra="referred_by: done\ndraft: true\n",
)
PUBLISHED = writeup(title="Done and dusted")

FILES = {
    "interviews/unread.md": BAD_FIELD,
    "interviews/linked.md": BROKEN_LINK,
    "interviews/draft.md": DRAFT,
    "interviews/done.md": PUBLISHED,
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def problems_box(page: BeautifulSoup) -> Tag | None:
    return page.select_one("article .interviews-problems")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built once as `mkdocs serve` builds it."""
    from conftest import new_site

    site = new_site(tmp_path_factory.mktemp("preview") / "site-root", FILES)
    site.build(serve=True)
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The same site built by `mkdocs build` (not strict: every page is made)."""
    from conftest import new_site

    site = new_site(tmp_path_factory.mktemp("build") / "site-root", FILES)
    site.build()
    return site


# -- problems at the top of the page ------------------------------------------------------


def test_a_writeup_that_cannot_be_read_shows_its_problem_first(served: Site) -> None:
    page = soup(served.page("interviews/unread"))
    box = problems_box(page)
    assert box is not None
    items = [li.get_text(" ", strip=True) for li in box.select("li")]
    assert items == [
        "interviews/unread.md:3 · field : field 'Publshing' is not in fields.yml (did you "
        "mean 'Publishing'?)"
    ]
    assert "1 problem to fix" in box.select_one(".admonition-title").get_text()
    # Before the author's text, which is still all there.
    article = page.select_one("article")
    assert article.get_text().index("1 problem") < article.get_text().index("Intro paragraph.")
    assert "The answer to typical-day." in article.get_text()
    # What decoration can be made without the field: the answers' anchors and links.
    assert [h["id"] for h in article.select("h2[id]")] == ["getting-started", "typical-day"]
    others = [a["href"] for a in article.select("a.interviews-others")]
    assert others == ["../../questions/getting-started/", "../../questions/typical-day/"]
    assert article.select_one(".interviews-meta") is None, "no header: its field is wrong"


def test_a_writeup_with_a_bad_date_keeps_its_footer(make_site) -> None:
    site = make_site({"interviews/undated.md": writeup(date="2025-02-30")})
    site.build(serve=True)
    article = soup(site.page("interviews/undated")).select_one("article")
    box = problems_box(article)
    assert box is not None and "'date'" in box.get_text()
    assert article.select_one("h2#typical-day") is not None
    footer = article.select_one(".interviews-footer")
    assert footer is not None
    assert footer.select_one("a.md-button").get_text() == (
        "Ask someone in Book publishing a question"
    )


def test_a_writeup_with_a_problem_keeps_its_decoration(served: Site) -> None:
    page = soup(served.page("interviews/linked"))
    box = problems_box(page)
    assert box is not None
    (item,) = box.select("li")
    # The problem's text is text: the `<b>` of the front matter makes no element.
    assert box.select("b") == []
    assert "'referred_by' names 'no-such-<b>person</b>', which is not a write-up" in (
        item.get_text()
    )
    assert item.select_one("code").get_text() == "interviews/linked.md:7"
    header = page.select_one("article .interviews-meta")
    assert header is not None, "the header is kept"
    assert [a.get_text() for a in header.select("a")] == ["Music production"]
    assert page.select_one("article h2#typical-day") is not None, "answers keep their anchors"
    assert page.select_one("article .interviews-footer") is not None


def test_hostile_problem_text_is_shown_as_text(make_site) -> None:
    site = make_site(
        {"interviews/odd.md": writeup(field=f"'{HOSTILE} *x*'", extra="sumary: A typo\n")}
    )
    site.build(serve=True)
    page = soup(site.page("interviews/odd"))
    box = problems_box(page)
    assert box is not None
    assert not [s for s in page.find_all("script") if "alert(1)" in s.get_text()]
    assert box.select("em") == []
    items = [li.get_text(" ", strip=True) for li in box.select("li")]
    assert items == [
        f"interviews/odd.md:3 · field : field '{HOSTILE} *x*' is not in fields.yml (add it to "
        "fields.yml, or use a field listed there)",
        "interviews/odd.md:7 · sumary · warning: unknown key 'sumary' (did you mean 'summary'?)",
    ]


def test_a_writeup_without_problems_has_no_box(served: Site) -> None:
    assert problems_box(soup(served.page("interviews/done"))) is None


def test_a_build_never_shows_problems_on_pages(built: Site) -> None:
    for slug in ("unread", "linked", "done"):
        page = soup(built.page(f"interviews/{slug}"))
        assert problems_box(page) is None, slug
        assert page.select_one("article") is not None


def test_a_strict_build_still_fails_on_the_problem(make_site) -> None:
    site = make_site({"interviews/unread.md": BAD_FIELD})
    result = site.build(strict=True, stops=True)
    assert result.warnings == [
        "interviews/unread.md:3: field 'Publshing' is not in fields.yml (did you mean "
        "'Publishing'?)"
    ]


# -- drafts listed, and marked --------------------------------------------------------------


def listed_titles(page: BeautifulSoup) -> dict[str, bool]:
    """Each interview a field page lists, by title: whether it is marked as a draft."""
    found = {}
    for item in page.select("article li"):
        link = item.select_one("strong a")
        if link is not None:
            mark = item.select_one(".interviews-draft")
            found[link.get_text()] = mark is not None and mark.get_text().strip() == "Draft"
    return found


def test_a_field_with_only_a_draft_lists_it_as_a_draft(served: Site) -> None:
    page = soup(served.page("fields/radio-podcasting"))
    assert listed_titles(page) == {"Half-finished talk": True}
    text = page.select_one("article").get_text(" ", strip=True)
    assert "No interview in" not in text
    assert "Nothing published in Radio & podcasting yet" in text


def test_published_writeups_are_not_marked(served: Site) -> None:
    page = soup(served.page("fields/book-publishing"))
    assert listed_titles(page) == {"Done and dusted": False}


def test_a_drafts_answers_are_listed_and_marked(served: Site) -> None:
    page = soup(served.page("questions/typical-day"))
    attributions = {
        p.select_one("a").get_text(): p.select_one(".interviews-draft") is not None
        for p in page.select("article .interviews-attribution")
    }
    # The published write-ups of the other fields are not marked.
    assert attributions == {"Acquisitions editor": False, "Podcast producer": True}
    by_field = soup(served.page("questions/typical-day/radio-podcasting"))
    (attribution,) = by_field.select("article .interviews-attribution")
    assert attribution.select_one(".interviews-draft").get_text() == "Draft"


def test_drafts_are_counted_and_in_the_network(served: Site) -> None:
    fields = soup(served.page("fields"))
    card = fields.select_one('article li:has(a[href="radio-podcasting/"])')
    counts = " ".join(card.select("p")[1].get_text().split())
    assert counts == "1 interview (1 draft) · 1 question answered"
    network = soup(served.page("network"))
    (item,) = network.select("article li li")
    assert item.select_one("a").get_text() == "Half-finished talk"
    assert item.select_one(".interviews-draft").get_text() == "Draft"
    # Who introduced the draft says so, as it will once the draft is published.
    footer = soup(served.page("interviews/done")).select_one("article .interviews-footer")
    assert "Introduced next Half-finished talk" in footer.get_text(" ", strip=True)


def test_a_drafts_own_page_says_it_is_a_draft(served: Site) -> None:
    header = soup(served.page("interviews/draft")).select_one("article .interviews-meta")
    assert "Draft: shown by mkdocs serve, left out of mkdocs build" in header.get_text()


def test_a_build_lists_no_draft(built: Site) -> None:
    assert not soup(built.page("network")).select("article li li")
    assert not soup(built.page("fields")).select(".interviews-draft")
    assert "(1 draft)" not in soup(built.page("fields")).get_text()
    page = soup(built.page("fields/radio-podcasting"))
    assert listed_titles(page) == {}
    assert "No interview in Radio & podcasting yet." in page.select_one("article").get_text()
    assert (
        not (built.root / "site" / "fields" / "radio-podcasting" / "feed.xml")
        .read_text(encoding="utf-8")
        .count("<item>")
    )
    assert not soup(built.page("questions/typical-day")).select(".interviews-draft")


def feed_titles(site: Site, path: str) -> list[str]:
    root = ElementTree.fromstring((site.root / "site" / path).read_bytes())
    return [item.findtext("title") or "" for item in root.iter("item")]


def test_feeds_and_open_data_never_hold_a_draft_even_in_a_preview(served: Site) -> None:
    assert "Half-finished talk" not in feed_titles(served, "feed.xml")
    assert "Done and dusted" in feed_titles(served, "feed.xml")
    assert feed_titles(served, "fields/radio-podcasting/feed.xml") == []
    api = served.root / "site" / "api"
    interviews = json.loads((api / "interviews.json").read_text(encoding="utf-8"))
    assert "draft" not in [entry["slug"] for entry in interviews]
    fields = {f["slug"]: f for f in json.loads((api / "fields.json").read_text("utf-8"))}
    assert fields["radio-podcasting"]["interviews"] == 0
    questions = {q["id"]: q for q in json.loads((api / "questions.json").read_text("utf-8"))}
    assert "radio-podcasting" not in questions["typical-day"]["by_field"]
