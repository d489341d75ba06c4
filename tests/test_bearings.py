"""Readers keep their bearings: on every page outside the navigation (fields, questions,
question-by-field pages, write-ups, the network) its section's tab is active, a trail of
breadcrumbs leads back up, and a write-up ends with more from its field and the chain of
introductions it belongs to. Built for real and read as HTML."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import Site, catalogs, dedent, new_site, writeup
from mkdocs_interviews.bearings import Crumb, section_pages, writeup_trail
from mkdocs_interviews.model import Field, WriteUp

MKDOCS_YML = """\
site_name: Bearings
repo_url: https://github.com/example/interviews
site_url: https://example.org/bearings/
docs_dir: content
theme:
  name: material
  features:
    - navigation.tabs
plugins:
  # Material's search, as before the plugin had its own: the tests read its index.
  - search
  - interviews:
      search: theme
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Interviews: interviews/index.md
  - Fields: fields/index.md
  - Questions: questions/index.md
  - Network: network/index.md
  - Ask: ask/index.md
"""

HOSTILE_FIELD = "R&D <b>Labs</b> *x*"
HOSTILE_TITLE = '<script>alert("x")</script> & *bold*'

FIELDS = catalogs()["fields.yml"] + dedent(
    f"""
    - name: "{HOSTILE_FIELD}"
      description: A field whose name is full of markup.
    """
)


def published(slug: str, date: str, **meta: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in meta.items())
    return writeup(title=f"The {slug}", role=f"{slug.capitalize()} role", date=date, extra=extra)


WRITEUPS = {
    # Book publishing, newest first: fifth, fourth (a draft), third, second, first. A chain:
    # first -> second -> third -> fifth.
    "interviews/first.md": published("first", "2024-01-10"),
    "interviews/second.md": published("second", "2024-02-10", referred_by="first"),
    "interviews/third.md": published(
        "third", "2024-03-10", referred_by="second", interviewee="anonymous"
    ),
    "interviews/fourth.md": published("fourth", "2024-04-10", draft="true"),
    "interviews/fifth.md": published(
        "fifth", "2024-05-10", referred_by="third", interviewee="'Ada <b>Lin</b>'"
    ),
    # Alone in its field, with markup in its title and field.
    "interviews/hostile.md": writeup(
        title=f"'{HOSTILE_TITLE}'", field=f"'{HOSTILE_FIELD}'", role="Lab <i>lead</i>"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files = {**WRITEUPS, "fields.yml": FIELDS, "about.md": "# About\n\nNot in the nav.\n"}
    built = new_site(tmp_path_factory.mktemp("bearings"), files, MKDOCS_YML)
    built.build(strict=True)
    return built


def soup(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(url), "html.parser")


def text(element: Tag) -> str:
    return " ".join(element.get_text().replace("¶", " ").split())


def active_tabs(page: BeautifulSoup) -> list[str]:
    return [text(tab) for tab in page.select(".md-tabs__item--active")]


def crumbs(site: Site, url: str) -> list[tuple[str, str, str | None]]:
    """The breadcrumbs of a page: each one's text, the site path it leads to, and its
    `aria-current`."""
    trail = soup(site, url).article.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert trail is not None, url
    (items,) = trail.find_all("ol")
    found = []
    for item in items.find_all("li", recursive=False):
        link = item.a
        target = urlsplit(urljoin(f"https://site.test/{url}", link["href"])).path.lstrip("/")
        found.append((text(link), target, link.get("aria-current")))
    return found


# -- the active tab -----------------------------------------------------------------------

TABS = {
    "fields/book-publishing/": "Fields",
    "questions/typical-day/": "Questions",
    "questions/typical-day/book-publishing/": "Questions",
    "interviews/third/": "Interviews",
    "interviews/": "Interviews",
    "interviews/2024/": "Interviews",
    "questions/matrix/": "Questions",
    "feeds/": "Fields",
    "network/": "Network",
    "ask/": "Ask",
    "fields/": "Fields",
    "": "Home",
}


@pytest.mark.parametrize(("url", "tab"), TABS.items())
def test_the_sections_tab_is_active(site: Site, url: str, tab: str) -> None:
    assert active_tabs(soup(site, url)) == [tab]


def test_the_left_sidebar_shows_the_section(site: Site) -> None:
    """On desktop Material's sidebar shows the active tab's part of the navigation: for a
    page outside the navigation, its section, not nothing."""
    page = soup(site, "questions/typical-day/book-publishing/")
    sidebar = page.select_one(".md-sidebar--primary")
    assert [text(item) for item in sidebar.select(".md-nav__item--active")] == ["Questions"]


def test_no_page_keeps_another_pages_tab(site: Site) -> None:
    """Every built page, in whatever order MkDocs built them: a page of the navigation has
    only its own tab active, one outside every section (`about/`) none, any other its
    section's."""
    own = {"": ["Home"], "fields/": ["Fields"], "questions/": ["Questions"], "about/": []}
    own |= {"network/": ["Network"], "ask/": ["Ask"], "interviews/": ["Interviews"]}
    sections = {"fields": "Fields", "questions": "Questions", "interviews": "Interviews"}
    sections["feeds"] = "Fields"
    site_dir = site.root / "site"
    pages = sorted(html.parent.relative_to(site_dir) for html in site_dir.rglob("index.html"))
    assert len(pages) > 15
    for folder in pages:
        url = "" if folder == Path(".") else f"{folder.as_posix()}/"
        expected = own[url] if url in own else [sections[url.split("/")[0]]]
        assert active_tabs(soup(site, url)) == expected, url


def test_without_an_interviews_section_a_writeup_has_its_fields_tab(tmp_path: Path) -> None:
    """A navigation without the archive: a write-up's tab is Fields, where its field lists it."""
    yml = MKDOCS_YML.replace("  - Interviews: interviews/index.md\n", "")
    site = new_site(tmp_path, {**WRITEUPS, "fields.yml": FIELDS}, yml)
    site.build(strict=True)
    assert active_tabs(soup(site, "interviews/third/")) == ["Fields"]
    assert active_tabs(soup(site, "fields/book-publishing/")) == ["Fields"]


# -- breadcrumbs --------------------------------------------------------------------------


def test_a_field_page_leads_back_up(site: Site) -> None:
    assert crumbs(site, "fields/book-publishing/") == [
        ("Home", "", None),
        ("Fields", "fields/", None),
        ("Book publishing", "fields/book-publishing/", "page"),
    ]


def test_a_question_by_field_page_leads_to_its_question(site: Site) -> None:
    assert crumbs(site, "questions/typical-day/book-publishing/") == [
        ("Home", "", None),
        ("Questions", "questions/", None),
        ("What does a typical day look like?", "questions/typical-day/", None),
        ("Book publishing", "questions/typical-day/book-publishing/", "page"),
    ]


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("questions/", ["Home", "Questions"]),
        ("questions/skills/", ["Home", "Questions", "What skills matter most in your work?"]),
        ("network/", ["Home", "Who introduced whom"]),
        ("ask/", ["Home", "Ask a question"]),
        ("fields/", ["Home", "Fields"]),
    ],
)
def test_every_generated_page_has_a_trail(site: Site, url: str, trail: list[str]) -> None:
    found = crumbs(site, url)
    assert [title for title, _target, _current in found] == trail
    assert found[-1][1:] == (url, "page")
    for _title, target, _current in found:
        assert (site.root / "site" / target / "index.html").is_file(), target


def test_a_writeup_leads_back_to_the_archive(site: Site) -> None:
    assert crumbs(site, "interviews/third/") == [
        ("Home", "", None),
        ("Interviews", "interviews/", None),
        ("The third", "interviews/third/", "page"),
    ]


def test_hostile_names_are_text_in_the_trail(site: Site) -> None:
    page = soup(site, "interviews/hostile/")
    assert page.article.find("script") is None and page.article.find("b") is None
    found = crumbs(site, "interviews/hostile/")
    assert [title for title, _target, _current in found] == ["Home", "Interviews", HOSTILE_TITLE]
    fields = soup(site, "fields/").article
    field_url = fields.find("a", string=HOSTILE_FIELD)["href"]
    field_page = crumbs(site, urljoin("fields/", field_url))
    assert [title for title, _target, _current in field_page] == ["Home", "Fields", HOSTILE_FIELD]


# -- a write-up's footer ------------------------------------------------------------------


def footer(site: Site, url: str) -> Tag:
    found = soup(site, url).article.select_one(".interviews-footer")
    assert found is not None, url
    return found


def more_from_field(site: Site, url: str) -> list[str]:
    heading = next(p for p in footer(site, url).find_all("p") if text(p).startswith("More from"))
    return [text(item) for item in heading.find_next_sibling("ul").find_all("li")]


def test_more_from_the_field_newest_first_without_itself_or_drafts(site: Site) -> None:
    """Each with its interviewee's name, as text, where the write-up gives one (not
    "anonymous"), its role and date."""
    assert more_from_field(site, "interviews/second/") == [
        "The fifth: Ada <b>Lin</b>, Fifth role · 10 May 2024",
        "The third: Third role · 10 March 2024",
        "The first: First role · 10 January 2024",
    ]
    assert more_from_field(site, "interviews/fifth/")[0].startswith("The third:")


def test_more_from_the_field_links_the_field_and_each_interview(site: Site) -> None:
    heading = next(
        p
        for p in footer(site, "interviews/first/").find_all("p")
        if text(p).startswith("More from")
    )
    assert heading.a["href"] == "../../fields/book-publishing/"
    links = [a["href"] for a in heading.find_next_sibling("ul").find_all("a")]
    assert links == ["../fifth/", "../third/", "../second/"]


def test_search_finds_neither_the_trail_nor_the_other_interviews(site: Site) -> None:
    """A search for another interview's title leads to that interview, not to every footer
    that lists it; the breadcrumbs are no page's words."""
    index = json.loads((site.root / "site" / "search" / "search_index.json").read_text())

    def words(url: str) -> str:  # the page's sections' text, each a document of the index
        return " ".join(d["text"] for d in index["docs"] if d["location"].startswith(url))

    second = words("interviews/second/")
    assert "The fifth" not in second  # listed only in "More from Book publishing"
    assert "Introduced next" in second  # the rest of the footer is searched
    assert "Home" not in words("fields/book-publishing/")


def test_alone_in_its_field_no_more_from_it(site: Site) -> None:
    assert not [p for p in footer(site, "interviews/hostile/") if "More from" in text(p)]


def test_a_writeup_shows_the_introductions_that_led_to_it(site: Site) -> None:
    chain = footer(site, "interviews/fifth/").select_one("ol.interviews-chain")
    items = chain.find_all("li")
    assert [text(item) for item in items] == [
        "The first (First role), who introduced",
        "The second (Second role), who introduced",
        "The third (Third role), who introduced",
        "This interview (Fifth role)",
    ]
    assert [item.a["href"] for item in items[:-1]] == ["../first/", "../second/", "../third/"]
    assert items[-1].get("aria-current") == "page"


def test_the_chain_link_leads_to_the_writeups_place(site: Site) -> None:
    link = footer(site, "interviews/third/").find("a", string="The whole chain of introductions")
    assert link["href"] == "../../network/#at-third"
    assert "(4 interviews)" in text(link.parent)
    place = soup(site, "network/").article.find(id="at-third")
    assert place is not None and place.a.get_text() == "The third"


def test_a_circle_of_introductions_ends(tmp_path: Path) -> None:
    """Two write-ups that introduced each other: reported, and each footer still shows a
    finite chain."""
    files = {
        "interviews/ying.md": published("ying", "2024-01-10", referred_by="yang"),
        "interviews/yang.md": published("yang", "2024-02-10", referred_by="ying"),
    }
    site = new_site(tmp_path, files, MKDOCS_YML)
    built = site.build()
    assert any("yang" in message or "ying" in message for message in built.warnings)
    for slug in ("ying", "yang"):
        link = footer(site, f"interviews/{slug}/").find(
            "a", string="The whole chain of introductions"
        )
        assert "(2 interviews)" in text(link.parent)


# -- the core's bearings ------------------------------------------------------------------


def test_sections_by_source_path() -> None:
    assert section_pages("fields/book-publishing/index.md") == ("fields/index.md",)
    assert section_pages("questions/skills/book-publishing/index.md") == ("questions/index.md",)
    assert section_pages("network/index.md") == ("network/index.md",)
    assert section_pages("interviews/editor.md", writeup=True) == (
        "interviews/index.md",
        "fields/index.md",
    )
    assert section_pages("index.md") == () and section_pages("about.md") == ()


def test_with_the_archive_a_writeups_trail_goes_through_it() -> None:
    item = Field("Book publishing", "book-publishing")
    editor = WriteUp(
        slug="editor",
        path="interviews/editor.md",
        title="The editor",
        fields=(item,),
        role="Editor",
        date=datetime.date(2025, 4, 2),
        answers=(),
    )
    assert writeup_trail(editor) == (
        Crumb("Home", "index.md"),
        Crumb("Interviews", "interviews/index.md"),
        Crumb("The editor", "interviews/editor.md"),
    )
