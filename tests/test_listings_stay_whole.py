"""A problem in one write-up never corrupts another's place on the site: duplicate slugs and
circles of introductions, built for real without `--strict` (the site is still published)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import Site, writeup


def titles_linked(site: Site, url: str) -> list[str]:
    """The titles of the write-ups a page links, in order, each as often as it is linked."""
    soup = BeautifulSoup(site.page(url), "html.parser")
    article = soup.find("article")
    assert article is not None
    return [
        a.get_text(" ", strip=True)
        for a in article.find_all("a")
        if "interviews/" in (href := a.get("href") or "") and not href.startswith("http")
    ]


def hrefs(site: Site, url: str) -> list[str]:
    soup = BeautifulSoup(site.page(url), "html.parser")
    return [a.get("href") for a in soup.find_all("a") if a.get("href")]


def test_a_duplicate_slug_never_stands_in_for_the_first(make_site) -> None:
    site = make_site(
        {
            "interviews/2024/x.md": writeup(title="One", date="2024-05-01"),
            "interviews/2025/x.md": writeup(title="Two", date="2025-05-01"),
        }
    )
    warnings = site.build().warnings
    assert warnings == [
        "interviews/2025/x.md: the slug 'x' is also the slug of interviews/2024/x.md (write-ups "
        "are known by their file name: rename one of them)"
    ]
    # The write-up reported is left out of the listings, by the rule of the problem; the other
    # is listed once, with its own excerpt and link.
    page = "questions/typical-day/book-publishing/"
    assert titles_linked(site, page) == ["One"]
    text = BeautifulSoup(site.page(page), "html.parser").get_text()
    assert "Two" not in text
    assert any(href.endswith("2024/x/#typical-day") for href in hrefs(site, page))
    assert titles_linked(site, "fields/book-publishing/") == ["One"]
    # Both are still published, each at its own address.
    assert "One" in site.page("interviews/2024/x/") and "Two" in site.page("interviews/2025/x/")


def network_titles(site: Site) -> list[str]:
    return titles_linked(site, "network/")


def test_a_circle_of_introductions_is_cut_once_and_loses_no_one(make_site) -> None:
    site = make_site(
        {
            "interviews/a.md": writeup(title="Aa", date="2024-01-01", extra="referred_by: b\n"),
            "interviews/b.md": writeup(title="Bb", date="2024-02-01", extra="referred_by: a\n"),
            "interviews/c.md": writeup(title="Cc", date="2024-03-01", extra="referred_by: c\n"),
        }
    )
    warnings = site.build().warnings
    assert len(warnings) == 2 and all("goes round in a circle" in w for w in warnings)
    # Each write-up appears on network/ exactly once.
    assert sorted(network_titles(site)) == ["Aa", "Bb", "Cc"]
    # The circle is cut at 'a', where it is reported: a starts the chain, b follows it.
    soup = BeautifulSoup(site.page("network/"), "html.parser")
    assert soup.find(id="chain-a") is not None
    # Every footer link to a chain points at an anchor that exists.
    ids = {tag.get("id") for tag in soup.find_all(id=True)}
    for slug in "abc":
        for href in hrefs(site, f"interviews/{slug}/"):
            if "network/#" in href:
                assert href.split("#", 1)[1] in ids, (slug, href)
