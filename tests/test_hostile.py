"""Hostile text in the content stays text: on every page, in the feeds and in the open data."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import Site, new_site
from mkdocs_interviews import read_project

EVIL = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> [x](javascript:alert(3)) *em* {: .x }'
)


def evil(label: str) -> str:
    return f"{label} {EVIL}"


FIELDS = [
    {
        "name": evil("Field"),
        "slug": "evil-field",
        "description": evil("Description"),
        "aliases": [evil("Alias")],
        "group": evil("Group"),
    },
    {"name": "Book publishing", "group": "Media"},
]
QUESTIONS = [
    {
        "id": "typical-day",
        "text": evil("Day?"),
        "aliases": ["What is a typical day like?"],
        "theme": evil("Theme"),
    },
    {"id": "skills", "text": "What skills matter most?", "theme": "Skills"},
]
WRITEUP = {
    "title": evil("Title"),
    "field": [evil("Field"), "Book publishing"],
    "role": evil("Role"),
    "date": "2025-04-02",
    "questions": ["typical-day", "skills"],
    "summary": evil("Summary"),
    "interviewee": evil("Interviewee"),
}
ASKS = [
    {
        "id": "evil-ask",
        "question": evil("Asked"),
        "field": evil("Field"),
        "asked": "2025-05-01",
        "matches": "skills",
    }
]
BODY = "## What is a typical day like?\n\nMeetings.\n\n## What skills matter most?\n\nPatience.\n"


def front(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    built = new_site(
        tmp_path_factory.mktemp("hostile"),
        {
            "fields.yml": yaml.safe_dump(FIELDS, allow_unicode=True),
            "questions.yml": yaml.safe_dump(QUESTIONS, allow_unicode=True),
            "asks.yml": yaml.safe_dump(ASKS, allow_unicode=True),
            "interviews/evil.md": front(WRITEUP) + BODY,
            "interviews/next.md": front(
                {**WRITEUP, "title": "Next", "referred_by": "evil", "summary": "Plain."}
            )
            + BODY,
        },
    )
    built.build(strict=True)
    return built


def html_files(site: Site) -> list[Path]:
    return sorted((site.root / "site").rglob("*.html"))


def test_no_page_gets_an_element_or_attribute_from_the_content(site: Site) -> None:
    pages = html_files(site)
    assert len(pages) > 10
    seen_text = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            text = script.get_text()
            if script.get("type") == "application/ld+json":
                json.loads(text)  # data, and it parses
                assert "<" not in text, page
            else:
                assert "alert(" not in text, page
        assert not soup.select("img[src=x]"), page
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                for item in values:
                    assert not name.startswith("on") or "alert" not in item, (page, name)
                    assert not item.strip().lower().startswith("javascript:"), (page, name)
        seen_text += soup.get_text().count("<script>alert(1)</script>")
    assert seen_text > 10, "the hostile text shows as text"


@pytest.mark.parametrize(
    "url",
    [
        "fields",
        "fields/evil-field",
        "questions",
        "questions/typical-day",
        "questions/typical-day/evil-field",
        "ask",
        "network",
        "interviews/evil",
        "interviews/next",
    ],
)
def test_each_page_type_shows_the_text_as_typed(site: Site, url: str) -> None:
    soup = BeautifulSoup(site.page(url), "html.parser")
    assert EVIL in " ".join(soup.article.get_text(" ").split()).replace("¶", "")


def test_titles_and_descriptions_in_the_head_are_text(site: Site) -> None:
    head = BeautifulSoup(site.page("interviews/evil"), "html.parser").head
    assert head.title.get_text().startswith(evil("Title"))
    assert head.find("meta", attrs={"name": "description"})["content"] == evil("Summary")
    assert head.find("meta", attrs={"property": "og:title"})["content"] == evil("Title")


def test_feeds_hold_the_text_as_text(site: Site) -> None:
    for feed in [site.root / "site" / "feed.xml", site.root / "site/fields/evil-field/feed.xml"]:
        tree = ET.parse(feed)
        tags = {element.tag for element in tree.iter()}
        assert not tags & {"script", "img"}, feed
        # Readers may show any feed text as HTML: every text is escaped once more for them,
        # so that no '<' is left once the XML is read, and HTML-unescaped it is the author's.
        for element in tree.iter():
            assert "<" not in (element.text or ""), element.tag
        (item,) = [
            i
            for i in tree.iter("item")
            if html.unescape(i.findtext("title") or "") == evil("Title")
        ]
        assert html.unescape(item.findtext("description") or "").endswith(evil("Summary"))
        assert evil("Field") in [html.unescape(c.text or "") for c in item.iter("category")]


def test_open_data_holds_the_text_as_data(site: Site) -> None:
    api = site.root / "site" / "api"
    interviews = json.loads((api / "interviews.json").read_text(encoding="utf-8"))
    assert {i["title"] for i in interviews} == {evil("Title"), "Next"}
    fields = json.loads((api / "fields.json").read_text(encoding="utf-8"))
    assert evil("Field") in [f["name"] for f in fields]
    for name in ("interviews.json", "fields.json", "questions.json"):
        raw = (api / name).read_text(encoding="utf-8")
        assert "<" not in raw  # escaped as \\u003c: no page can read markup into it


def test_what_the_search_is_told_is_escaped(site: Site) -> None:
    """Pagefind's meta and filters of a write-up: the front matter's text as written, read
    from attributes (escaped), with no element of its own."""
    page = site.page("interviews/evil")
    soup = BeautifulSoup(page, "html.parser")
    marks = soup.select(".interviews-search-marks span")
    found = {
        (m.get("data-pagefind-meta") or m["data-pagefind-filter"], m["data-value"]) for m in marks
    }
    assert {
        ("title[data-value]", evil("Title")),
        ("role[data-value]", evil("Role")),
        ("field[data-value]", evil("Field")),
        ("question[data-value]", evil("Day?")),
    } <= found
    assert not soup.select(".interviews-search-marks script, .interviews-search-marks img")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (
            "slug",
            "../../outside",
            "fields.yml:2: field 'Books': 'slug' '../../outside' is not a slug (use lowercase "
            "letters, digits and hyphens, like 'outside')",
        ),
        (
            "slug",
            "evil/../../x",
            "fields.yml:2: field 'Books': 'slug' 'evil/../../x' is not a slug (use lowercase "
            "letters, digits and hyphens, like 'evil-x')",
        ),
    ],
)
def test_slugs_cannot_leave_their_folder(key: str, value: str, message: str) -> None:
    fields = yaml.safe_dump([{"name": "Books", key: value}]).encode()
    problems = read_project({"fields.yml": fields, "questions.yml": b"- id: a\n  text: A?\n"})
    assert [str(p) for p in problems.problems] == [message]
    assert problems.fields.fields == ()
