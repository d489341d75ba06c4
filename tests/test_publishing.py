"""What leaves the site for other tools: feeds, page metadata, open data; reproducible builds."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag

from conftest import BUILDER, MKDOCS_YML, Site, new_site, reproducible_files, writeup

BASE = "https://example.org/interviews/"
WRITEUPS = {
    "interviews/editor.md": writeup(
        title="From intern to editor",
        date="2025-04-02",
        extra="summary: Reading the slush pile.\ninterviewee: Ada Lin\n",
    ),
    "interviews/producer.md": writeup(
        title="Two rooms, five incomes",
        field="[Music production, Radio & podcasting]",
        role="Producer and engineer",
        date="2025-06-10",
        questions=("typical-day", "skills"),
        extra="summary: Studio economics.\ninterviewee: anonymous\nreferred_by: editor\n",
    ),
    "interviews/agent.md": writeup(
        title="Selling books",
        role="Literary agent",
        date="2024-11-15",
        questions=("typical-day",),
    ),
    "interviews/draft.md": writeup(title="Not yet", date="2026-01-01", extra="draft: true\n"),
}
PUBLISHED = ["producer", "editor", "agent"]  # newest first


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    built = new_site(tmp_path_factory.mktemp("publishing"), WRITEUPS)
    built.build(strict=True)
    return built


def parse_feed(site: Site, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site.root / "site" / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def head(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(url), "html.parser").head


# -- feeds ---------------------------------------------------------------------------------


def test_the_site_feed_lists_every_published_writeup_newest_first(site: Site) -> None:
    feed = parse_feed(site, "feed.xml")
    assert feed.feed.link == BASE
    assert [e.link for e in feed.entries] == [f"{BASE}interviews/{slug}/" for slug in PUBLISHED]
    producer = feed.entries[0]
    assert producer.title == "Two rooms, five incomes"
    assert producer.published_parsed[:3] == (2025, 6, 10)
    assert [t.term for t in producer.tags] == ["Music production", "Radio & podcasting"]
    assert producer.summary == "Producer and engineer. Studio economics."
    assert feed.entries[1].summary == "Ada Lin, Acquisitions editor. Reading the slush pile."


def test_each_field_has_its_feed(site: Site) -> None:
    radio = parse_feed(site, "fields/radio-podcasting/feed.xml")
    assert radio.feed.link == f"{BASE}fields/radio-podcasting/"
    assert [e.link for e in radio.entries] == [f"{BASE}interviews/producer/"]
    books = parse_feed(site, "fields/book-publishing/feed.xml")
    assert [e.title for e in books.entries] == ["From intern to editor", "Selling books"]


def test_feeds_do_not_change_with_the_time_of_the_build(site: Site) -> None:
    feed = parse_feed(site, "feed.xml")
    assert feed.feed.updated_parsed[:3] == (2025, 6, 10)  # the newest interview's date


def feed_links(page_head: BeautifulSoup) -> list[Tag]:
    """The feeds a page announces, found as feed readers find them: a <link> whose rel holds
    the token `alternate` (BeautifulSoup reads rel as a list of tokens), of a feed's type."""
    return [
        link
        for link in page_head.find_all("link", rel="alternate")
        if link.get("type") in ("application/rss+xml", "application/atom+xml")
    ]


def test_pages_announce_their_feeds(site: Site) -> None:
    home = [link["href"] for link in feed_links(head(site, ""))]
    assert home == [f"{BASE}feed.xml"]
    field = feed_links(head(site, "fields/radio-podcasting"))
    assert [link["href"] for link in field] == [
        f"{BASE}fields/radio-podcasting/feed.xml",
        f"{BASE}feed.xml",
    ]
    page = BeautifulSoup(site.page("fields/radio-podcasting"), "html.parser")
    follow = page.find("a", string="Follow this field")
    assert follow is not None and follow["href"] == "../../feeds/#feed-radio-podcasting"


def test_no_feed_link_is_one_materials_script_fetches_a_sitemap_for(site: Site) -> None:
    # Material fetches a sitemap.xml beside every link[rel=alternate] (the whole attribute
    # "alternate": its language selector's links), on every page: beside a field's feed,
    # a request that fails. The feed links carry a second token, `feed`.
    for url in ("", "fields/radio-podcasting", "questions/typical-day", "interviews/editor"):
        page_head = head(site, url)
        assert page_head.select("link[rel=alternate]") == [], url
        assert all(link["rel"] == ["alternate", "feed"] for link in feed_links(page_head))


def test_without_site_url_a_warning_and_no_feed(make_site) -> None:
    plain = make_site(
        {"interviews/editor.md": writeup()},
        mkdocs_yml=MKDOCS_YML.replace(f"site_url: {BASE}\n", ""),
    )
    assert plain.build().warnings == [
        "mkdocs.yml: the feeds need 'site_url' (their links must be absolute): set "
        "it to the site's address; until then no feed is made"
    ]
    assert not (plain.root / "site" / "feed.xml").exists()
    assert not list((plain.root / "site" / "fields").rglob("feed.xml"))
    field = BeautifulSoup(plain.page("fields/book-publishing"), "html.parser")
    assert field.find("a", string="Follow this field") is None
    assert plain.build(strict=True, stops=True).warnings == [
        "mkdocs.yml: the feeds need 'site_url' (their links must be absolute): set "
        "it to the site's address; until then no feed is made"
    ]


# -- page metadata -------------------------------------------------------------------------


def meta(page_head: BeautifulSoup, **attrs: str) -> str:
    return page_head.find("meta", attrs=attrs)["content"]


def test_writeup_pages_describe_themselves(site: Site) -> None:
    page = head(site, "interviews/editor")
    assert meta(page, name="description") == "Reading the slush pile."
    assert meta(page, property="og:title") == "From intern to editor"
    assert meta(page, property="og:description") == "Reading the slush pile."
    assert meta(page, property="og:type") == "article"
    assert meta(page, property="og:url") == f"{BASE}interviews/editor/"


def test_writeup_pages_carry_json_ld(site: Site) -> None:
    scripts = head(site, "interviews/producer").select('script[type="application/ld+json"]')
    (data,) = [json.loads(script.get_text()) for script in scripts]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Two rooms, five incomes"
    assert data["datePublished"] == "2025-06-10"
    assert data["url"] == f"{BASE}interviews/producer/"
    person = data["about"]
    assert person["@type"] == "Person"
    assert "name" not in person  # anonymous
    assert person["jobTitle"] == "Producer and engineer"
    assert person["hasOccupation"]["@type"] == "Occupation"
    assert person["hasOccupation"]["occupationalCategory"] == "Music production"


@pytest.mark.parametrize(
    ("url", "description"),
    [
        (
            "fields/book-publishing",
            "Editors, agents and designers who turn manuscripts into books.",
        ),
        (
            "questions/typical-day",
            "How people in 3 fields answer: What does a typical day look like?",
        ),
        (
            "questions/typical-day/music-production",
            "How people in Music production answer: What does a typical day look like?",
        ),
    ],
)
def test_field_and_question_pages_have_descriptions(site: Site, url: str, description: str):
    page = head(site, url)
    assert meta(page, name="description") == description
    assert meta(page, property="og:type") == "website"
    assert meta(page, property="og:url") == f"{BASE}{url}/"


# -- open data -----------------------------------------------------------------------------


def api(site: Site, name: str) -> list[dict[str, object]]:
    return json.loads((site.root / "site" / "api" / name).read_text(encoding="utf-8"))


def test_interviews_json(site: Site) -> None:
    data = api(site, "interviews.json")
    assert [item["slug"] for item in data] == PUBLISHED
    assert data[0] == {
        "slug": "producer",
        "title": "Two rooms, five incomes",
        "path": "interviews/producer/",
        "url": f"{BASE}interviews/producer/",
        "fields": ["music-production", "radio-podcasting"],
        "role": "Producer and engineer",
        "date": "2025-06-10",
        "summary": "Studio economics.",
        "interviewee": "anonymous",
        "referred_by": "editor",
        "questions": ["typical-day", "skills"],
    }


def test_fields_json(site: Site) -> None:
    data = {item["slug"]: item for item in api(site, "fields.json")}
    assert list(data) == ["book-publishing", "music-production", "radio-podcasting"]
    assert data["book-publishing"]["interviews"] == 2
    assert data["book-publishing"]["answers"] == {"getting-started": 1, "typical-day": 2}
    assert data["radio-podcasting"]["url"] == f"{BASE}fields/radio-podcasting/"
    assert data["book-publishing"]["aliases"] == ["Publishing"]


def test_questions_json(site: Site) -> None:
    data = {item["id"]: item for item in api(site, "questions.json")}
    assert list(data) == ["getting-started", "typical-day", "skills", "who-else"]
    assert data["typical-day"]["answers"] == 3
    assert data["typical-day"]["by_field"] == {
        "book-publishing": 2,
        "music-production": 1,
        "radio-podcasting": 1,
    }
    assert data["who-else"]["answers"] == 0
    assert data["who-else"]["by_field"] == {}


# -- reproducible builds -------------------------------------------------------------------


def test_two_builds_of_the_same_content_are_byte_identical(site: Site, tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"site-{seed}"
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1750000000",
            "PYTHONHASHSEED": seed,  # set orders must not leak into the output
        }
        result = subprocess.run(
            [sys.executable, "-m", BUILDER, "build", "--strict", "--site-dir", str(out)],
            cwd=site.root,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(out)
    first, second = outputs
    files = reproducible_files(first)
    assert files == reproducible_files(second)
    assert len(files) > 30
    assert any(p.parts[0] == "pagefind" for p in files), "Pagefind's index and fragments too"
    _match, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert (mismatch, errors) == ([], [])
