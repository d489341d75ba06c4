"""Feeds a person can read: the page `feeds/` gives each feed's address and how to follow it,
the pages' "Follow" links lead there, and feed readers still parse the feeds."""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import MKDOCS_YML, Site, new_site, writeup
from mkdocs_interviews.cli import main

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
        extra="summary: Studio economics.\n",
    ),
}
SLUGS = ["book-publishing", "music-production", "radio-podcasting"]
"""The fields of the tests' catalog (cases/catalog.yml), by slug."""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    built = new_site(tmp_path_factory.mktemp("feeds-page"), WRITEUPS)
    built.build(strict=True)
    return built


def article(site: Site, url: str) -> Tag:
    found = BeautifulSoup(site.page(url), "html.parser").find("article")
    assert isinstance(found, Tag), url
    return found


def page_url(url: str) -> str:
    return f"{BASE}{url}/" if url else BASE


def feed_links(site: Site, url: str) -> list[str]:
    """The feeds the page at `url` announces in its head, as feed readers find them."""
    head = BeautifulSoup(site.page(url), "html.parser").head
    assert head is not None
    return [str(link["href"]) for link in head.find_all("link", rel="alternate")]


def address_at(page: Tag, anchor: str) -> str:
    """The feed address the page of the feeds shows at `anchor`, a link to the feed (which a
    browser shows as a page: feed.css): in the element of that id, or, for a heading, in the
    paragraphs that follow it up to the next heading."""
    target = page.find(id=anchor)
    assert isinstance(target, Tag), anchor
    links = []
    if target.name in ("h2", "h3"):
        for sibling in target.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            links += sibling.find_all("a")
    else:
        links = target.find_all("a")
    (address,) = [link for link in links if link.get_text().startswith("https://")]
    assert address["href"] == address.get_text()
    return address.get_text()


def test_the_page_of_the_feeds_gives_every_feeds_address_and_how_to_follow_it(
    site: Site,
) -> None:
    page = article(site, "feeds")
    assert page.h1 is not None and page.h1.get_text() == "Follow new interviews"
    assert "feed reader" in page.get_text() and "copy its address" in page.get_text()
    assert address_at(page, "all-interviews") == f"{BASE}feed.xml"
    for slug in SLUGS:
        address = address_at(page, f"feed-{slug}")
        assert address == f"{BASE}fields/{slug}/feed.xml"
        # A feed the build wrote, which a reader can follow.
        assert (site.root / "site" / "fields" / slug / "feed.xml").is_file()
        field_link = page.find(id=f"feed-{slug}").find("a")  # type: ignore[union-attr]
        assert urljoin(page_url("feeds"), field_link["href"]) == page_url(f"fields/{slug}")


@pytest.mark.parametrize(
    ("url", "name", "anchor", "feed"),
    [
        ("fields/radio-podcasting", "Follow this field", "feed-radio-podcasting", 0),
        ("fields", "every new interview", "all-interviews", None),
    ],
)
def test_follow_links_lead_to_the_feeds_address_on_the_page_of_the_feeds(
    site: Site, url: str, name: str, anchor: str, feed: int | None
) -> None:
    link = article(site, url).find("a", string=name)
    assert isinstance(link, Tag)
    target, fragment = urldefrag(urljoin(page_url(url), str(link["href"])))
    assert (target, fragment) == (page_url("feeds"), anchor)
    shown = address_at(article(site, "feeds"), anchor)
    # The address a reader copies is the one the page announces to feed readers.
    announced = feed_links(site, url)[feed] if feed is not None else feed_links(site, "")[0]
    assert shown == announced


def test_feed_readers_parse_both_feeds_and_each_entry_has_the_summary(site: Site) -> None:
    for path, summaries in [
        ("feed.xml", ["Producer and engineer. Studio economics.", "Ada Lin, "]),
        ("fields/radio-podcasting/feed.xml", ["Producer and engineer. Studio economics."]),
    ]:
        feed = feedparser.parse((site.root / "site" / path).read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert len(feed.entries) == len(summaries), path
        for entry, summary in zip(feed.entries, summaries, strict=True):
            assert entry.summary.startswith(summary), path
    editor = feedparser.parse((site.root / "site" / "feed.xml").read_bytes()).entries[1]
    assert editor.summary == "Ada Lin, Acquisitions editor. Reading the slush pile."


@pytest.mark.parametrize("path", ["feed.xml", "fields/radio-podcasting/feed.xml"])
def test_each_feed_names_the_stylesheet_a_browser_shows_it_with(site: Site, path: str) -> None:
    raw = (site.root / "site" / path).read_bytes()
    declaration, instruction = raw.split(b"\n")[:2]
    assert declaration.startswith(b"<?xml ")
    prefix, suffix = b'<?xml-stylesheet type="text/css" href="', b'"?>'
    assert instruction.startswith(prefix) and instruction.endswith(suffix)
    href = instruction.removeprefix(prefix).removesuffix(suffix).decode()
    stylesheet = urljoin(BASE + path, href)
    assert stylesheet == f"{BASE}assets/stylesheets/feed.css"
    css = (site.root / "site" / "assets" / "stylesheets" / "feed.css").read_text(encoding="utf-8")
    assert "feed reader" in css  # the explanation a browser shows above the interviews


def test_without_site_url_no_page_of_the_feeds(make_site) -> None:
    plain = make_site(
        {"interviews/editor.md": writeup()},
        mkdocs_yml=MKDOCS_YML.replace(f"site_url: {BASE}\n", ""),
    )
    plain.build()
    assert not (plain.root / "site" / "feeds").exists()
    assert not (plain.root / "site" / "assets" / "stylesheets" / "feed.css").exists()
    assert "feeds/" not in plain.page("fields")


def test_generate_writes_the_page_of_the_feeds(site: Site, tmp_path) -> None:
    out = tmp_path / "docs"
    assert main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)]) == 0
    _, front, body = (out / "feeds" / "index.md").read_text(encoding="utf-8").split("---\n", 2)
    assert yaml.safe_load(front)["title"] == "Follow new interviews"
    page = BeautifulSoup(body, "html.parser")
    assert page.find(id="feed-radio-podcasting") is not None
    assert f"{BASE}fields/radio-podcasting/feed.xml" in page.get_text()
