"""The front door: the latest interviews on the home page, the archive of every interview at
`interviews/` with a page for each year, the interviewee's name in every listing, and the
archive and the network in the navigation. Tiny sites built for real and read as HTML."""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import MKDOCS_YML, Site, catalogs, new_site, writeup
from mkdocs_interviews import read_project
from mkdocs_interviews.build import SiteBuild, SiteSettings
from mkdocs_interviews.cli import main
from mkdocs_interviews.pages import ARCHIVE_LATEST, HOME_LATEST
from mkdocs_interviews.question_form import QuestionForm

NAV = """\
nav:
  - Home: index.md
  - Interviews: interviews/index.md
  - Fields: fields/index.md
  - Questions: questions/index.md
  - Network: network/index.md
  - Ask: ask/index.md
"""

NAV_YML = f"""\
site_name: Front door
repo_url: https://github.com/example/interviews
site_url: https://example.org/front-door/
docs_dir: content
theme:
  name: material
  features:
    - navigation.tabs
plugins:
  - interviews
markdown_extensions:
  - toc:
      permalink: true
{NAV}"""
"""The test site, with the navigation of the sample site."""


def plain_yml(docs: Path) -> str:
    """The same site without the plugin, built from generate's folder `docs`."""
    return f"""\
site_name: Front door
repo_url: https://github.com/example/interviews
site_url: https://example.org/front-door/
docs_dir: {docs}
theme:
  name: material
  custom_dir: {docs}/.overrides
  features:
    - navigation.tabs
plugins:
  - search
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
{NAV}"""


HOME = "# Home\n\nThe intro paragraph.\n\n<!-- interviews: latest -->\n\n## About\n\nThe end.\n"

WRITEUPS = {
    "editor": writeup(
        title="From intern to editor",
        date="2025-04-02",
        role="Managing editor",
        extra="summary: Reading the slush pile.\ninterviewee: Ada Lin\n",
    ),
    "agent": writeup(
        title="Selling books",
        date="2025-01-10",
        role="Literary agent",
        extra="interviewee: Anonymous\n",
    ),
    "mixer": writeup(
        title="Faders all day",
        field="[Music production, Radio & podcasting]",
        date="2024-06-01",
        role="Mix engineer",
    ),
    "host": writeup(
        title="On air",
        field="Radio & podcasting",
        date="2023-11-20",
        role="Host",
        extra="interviewee: Grace Okafor\n",
    ),
    "draft": writeup(title="Not yet", date="2025-06-01", extra="draft: true\n"),
}
NEWEST_FIRST = ["From intern to editor", "Selling books", "Faders all day", "On air"]


def text(element: Tag) -> str:
    """An element's text as a reader sees it: whitespace collapsed, permalinks left out."""
    return " ".join(element.get_text().replace("¶", " ").split())


def article(site: Site, url: str) -> Tag:
    found = BeautifulSoup(site.page(url), "html.parser").select_one("article")
    assert found is not None, url
    return found


def after(page: Tag, heading: str) -> list[Tag]:
    """The elements after the h2 whose text is `heading`, up to the next h2."""
    (start,) = [h for h in page.find_all("h2") if text(h) == heading]
    found = []
    for sibling in start.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def items(elements: list[Tag]) -> list[Tag]:
    return [li for element in elements for li in element.find_all("li")]


def target(site: Site, url: str, href: str) -> Path:
    """The built file a link on the page at `url` leads to (it must exist)."""
    path = urlsplit(urljoin("https://site.test/" + url, href)).path.lstrip("/")
    built = site.root / "site" / (path + "index.html" if path.endswith("/") or not path else path)
    assert built.is_file(), (url, href)
    return built


def title_of(path: Path) -> str:
    heading = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("h1")
    assert heading is not None, path
    return text(heading)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The tiny site with the navigation of the sample, built once with --strict."""
    files = {"index.md": HOME, **{f"interviews/{s}.md": t for s, t in WRITEUPS.items()}}
    built = new_site(tmp_path_factory.mktemp("front-door"), files, NAV_YML)
    built.build(strict=True)
    return built


# -- the archive ----------------------------------------------------------------------------


def test_the_archive_lists_the_latest_interviews_newest_first_with_who_and_where(site) -> None:
    latest = items(after(article(site, "interviews/"), "Latest interviews"))
    assert [text(li.find("a")) for li in latest] == NEWEST_FIRST
    for li in latest:
        assert title_of(target(site, "interviews/", li.find("a")["href"])) == text(li.find("a"))
    editor, agent, mixer, host = (text(li) for li in latest)
    assert editor == (
        "From intern to editor Ada Lin · Managing editor · Book publishing · 2 April 2025 "
        "Reading the slush pile."
    )
    assert agent.startswith("Selling books Anonymous · Literary agent · ")
    # No interviewee key: the author did not say, so the listing names nobody.
    assert mixer == (
        "Faders all day Mix engineer · Music production, Radio & podcasting · 1 June 2024"
    )
    assert host.startswith("On air Grace Okafor · Host")
    fields = [a for a in latest[2].find_all("a")][1:]
    assert [title_of(target(site, "interviews/", a["href"])) for a in fields] == [
        "Music production",
        "Radio & podcasting",
    ]
    assert latest[0].find("time")["datetime"] == "2025-04-02"


def test_the_archive_links_every_year_to_its_page_of_interviews_by_month(site) -> None:
    years = items(after(article(site, "interviews/"), "By year"))
    assert [text(li) for li in years] == [
        "2025: 2 interviews",
        "2024: 1 interview",
        "2023: 1 interview",
    ]
    page = target(site, "interviews/", years[0].find("a")["href"])
    assert page == site.root / "site" / "interviews" / "2025" / "index.html"
    year = article(site, "interviews/2025/")
    assert text(year.find("h1")) == "Interviews from 2025"
    assert [text(h) for h in year.find_all("h2")] == ["April 2025", "January 2025"]
    assert [text(li.find("a")) for li in items(after(year, "April 2025"))] == [
        "From intern to editor"
    ]
    assert [text(li.find("a")) for li in items(after(year, "January 2025"))] == ["Selling books"]
    others = {text(a): title_of(target(site, "interviews/2025/", a["href"])) for a in year.p("a")}
    assert others == {
        "2024": "Interviews from 2024",
        "2023": "Interviews from 2023",
        "all interviews": "Interviews",
    }


def test_drafts_are_in_no_listing_of_the_front_door(site) -> None:
    for url in ("", "interviews/", "interviews/2025/", "fields/book-publishing/"):
        assert "Not yet" not in text(article(site, url)), url


def test_the_archive_scales_a_page_a_year_the_first_one_bounded() -> None:
    """Hundreds of interviews: the archive's first page lists the latest few and each year
    links its own page, which lists that year's; every interview is on one year page."""
    sources = {name: body.encode() for name, body in catalogs().items()}
    start = datetime.date(2019, 1, 1)
    for number in range(400):
        day = start + datetime.timedelta(days=number * 6)
        sources[f"interviews/w{number}.md"] = writeup(
            title=f"Interview {number}", date=day.isoformat()
        ).encode()
    build = _build(sources)
    plans = {plan.path: plan for plan in build.renderer.plans()}
    archive = plans["interviews/index.md"]
    assert len(archive.context["latest"]) == ARCHIVE_LATEST
    assert archive.context["latest"][0].title == "Interview 399"
    year_pages = sorted(path for path in plans if path.startswith("interviews/2"))
    assert year_pages == [f"interviews/{year}/index.md" for year in range(2019, 2026)]
    listed = [
        writeup.title
        for path in year_pages
        for _month, writeups in plans[path].context["months"]
        for writeup in writeups
    ]
    assert sorted(listed) == sorted(f"Interview {n}" for n in range(400))
    assert max(sum(len(w) for _m, w in plans[p].context["months"]) for p in year_pages) < 70
    # A listing, not a place to search: a search for an interview leads to it.
    assert plans["interviews/2020/index.md"].meta["search"] == {"exclude": True}


def _build(sources: dict[str, bytes]) -> SiteBuild:
    form = QuestionForm.from_config(None, "https://github.com/example/interviews")
    return SiteBuild(read_project(sources), SiteSettings("Test", form))


# -- the home page --------------------------------------------------------------------------


def test_the_home_page_shows_the_latest_interviews_where_its_marker_is(site) -> None:
    home = article(site, "")
    headings = [text(h) for h in home.find_all(["h1", "h2"])]
    assert headings == ["Home", "Latest interviews", "About"]
    intro = home.find("p")
    assert text(intro) == "The intro paragraph."
    latest = items(after(home, "Latest interviews"))
    assert [text(li.find("a")) for li in latest] == NEWEST_FIRST
    assert "Ada Lin · Managing editor · Book publishing · 2 April 2025" in text(latest[0])
    for li in latest:
        assert title_of(target(site, "", li.find("a")["href"])) == text(li.find("a"))
    (every,) = [a for a in home.find_all("a") if text(a) == "Every interview, by year"]
    assert title_of(target(site, "", every["href"])) == "Interviews"
    assert "<!--" not in str(home)


def test_a_home_page_without_the_marker_has_them_at_its_end(make_site) -> None:
    files = {f"interviews/{slug}.md": WRITEUPS[slug] for slug in ("editor", "agent")}
    site = make_site({"index.md": "# Welcome\n\nHello.\n\n## Contact\n\nWrite to me.\n", **files})
    site.build(strict=True)
    home = article(site, "")
    assert [text(h) for h in home.find_all(["h1", "h2"])] == [
        "Welcome",
        "Contact",
        "Latest interviews",
    ]
    latest = items(after(home, "Latest interviews"))
    assert [text(li.find("a")) for li in latest] == ["From intern to editor", "Selling books"]


def test_the_home_page_shows_only_the_latest_few() -> None:
    sources = {name: body.encode() for name, body in catalogs().items()}
    for number in range(HOME_LATEST + 3):
        sources[f"interviews/w{number}.md"] = writeup(
            title=f"Interview {number}", date=f"2025-03-{10 + number}"
        ).encode()
    shaped = _build(sources).shape("index.md", "# Home\n\n<!-- interviews: latest -->\n", {})
    listed = BeautifulSoup(shaped.markdown, "html.parser").select("li strong a")
    assert [text(a) for a in listed] == [f"Interview {n}" for n in range(HOME_LATEST + 2, 2, -1)]
    assert shaped.markdown.startswith("# Home\n\n\n## Latest interviews")


def test_a_site_without_interviews_keeps_its_home_page_as_written(make_site) -> None:
    site = make_site({"index.md": "# Home\n\n<!-- interviews: latest -->\n\nBye.\n"})
    site.build(strict=True)
    home = article(site, "")
    assert [text(h) for h in home.find_all("h2")] == []
    assert text(home) == "Home Bye."
    assert "No interviews yet." in text(article(site, "interviews/"))


# -- names and text from front matter -------------------------------------------------------

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)"> *Bo* & [Co](http://x)'


def test_names_roles_and_titles_in_listings_are_shown_as_written(make_site) -> None:
    evil = EVIL.replace('"', '\\"')
    site = make_site(
        {
            "interviews/evil.md": writeup(
                title=f'"{evil}"',
                role=f'"{evil}"',
                date="2025-02-03",
                extra=f'interviewee: "{evil}"\nsummary: "{evil}"\n',
            )
        }
    )
    site.build(strict=True)
    for url in ("", "interviews/", "interviews/2025/", "fields/book-publishing/"):
        html = BeautifulSoup(site.page(url), "html.parser")
        (row,) = [li for li in html.select("article li") if li.find("time")]
        assert row.find("script") is None and row.find("img") is None, url
        assert not [t for t in html.find_all(True) if "onerror" in t.attrs], url
        assert text(row.find("a")) == EVIL, url
        assert text(row.select_one(".interviews-who")) == EVIL, url
        # A field's page does not name its own field.
        field = "" if url.startswith("fields/") else " · Book publishing"
        assert text(row) == f"{EVIL} {EVIL} · {EVIL}{field} · 3 February 2025 {EVIL}", url


def test_field_pages_name_the_interviewees_too(site) -> None:
    page = article(site, "fields/radio-podcasting/")
    rows = [li for li in page.find_all("li") if li.find("time")]
    assert [text(li) for li in rows] == [
        "Faders all day Mix engineer · also in Music production · 1 June 2024",
        "On air Grace Okafor · Host · 20 November 2023",
    ]


# -- addresses ------------------------------------------------------------------------------


def test_a_writeup_at_the_address_of_a_year_page_is_reported(make_site) -> None:
    """`interviews/2025.md` is published at `interviews/2025/`, where the archive's page of
    2025 would be: the build says so, naming the write-up, rather than lose the page."""
    files = {"interviews/2025.md": WRITEUPS["editor"], "interviews/agent.md": WRITEUPS["agent"]}
    site = make_site(files)
    built = site.build()
    assert built.warnings == [
        "interviews/2025.md: the write-up's address, interviews/2025/, is that of the generated "
        "page interviews/2025/index.md, which is left out of the site: rename the file (a "
        "write-up's slug must not be a year or the name of a generated page)"
    ]
    assert text(article(site, "interviews/2025/").find("h1")) == "From intern to editor"
    assert site.build(strict=True, stops=True).aborted


@pytest.mark.parametrize("directory_urls", [True, False])
def test_check_reports_a_writeup_at_a_year_pages_address_as_the_build(
    make_site, capsys: pytest.CaptureFixture[str], directory_urls: bool
) -> None:
    """`check` says what the build says of `interviews/2025.md`, at the address of the
    archive's page of 2025. Without directory URLs the write-up is `interviews/2025.html` and
    the year's page `interviews/2025/index.html`: no clash, and neither reports one."""
    files = {"interviews/2025.md": WRITEUPS["editor"], "interviews/agent.md": WRITEUPS["agent"]}
    site = make_site(files, mkdocs_yml=MKDOCS_YML + f"use_directory_urls: {directory_urls}\n")
    built = site.build()
    code = main(["--config", str(site.root / "mkdocs.yml"), "check"])
    reported = capsys.readouterr().out.splitlines()
    assert reported == built.warnings
    assert code == (1 if directory_urls else 0)
    assert bool(reported) == directory_urls


def test_a_handwritten_archive_page_is_used_instead(make_site) -> None:
    """`interviews/index.md` is no write-up (it introduces the folder): like any generated
    page, the archive gives way to the site's own, and the year pages stay."""
    files = {
        "interviews/index.md": "# All our conversations\n\nBy hand.\n",
        "interviews/editor.md": WRITEUPS["editor"],
    }
    site = make_site(files)
    built = site.build(strict=True)
    assert built.warnings == []
    assert text(article(site, "interviews/")) == "All our conversations By hand."
    assert (
        "interviews/index.md: a page of the site is used instead of the generated one"
        in built.messages(logging.INFO)
    )
    assert text(article(site, "interviews/2025/").find("h1")) == "Interviews from 2025"


# -- the navigation -------------------------------------------------------------------------


def test_the_navigation_leads_to_the_archive_and_the_network(site) -> None:
    html = BeautifulSoup(site.page(""), "html.parser")
    built = site.root / "site"
    tabs = {
        text(a): target(site, "", a["href"]).relative_to(built).as_posix()
        for a in html.select(".md-tabs a")
    }
    assert tabs == {
        "Home": "index.html",
        "Interviews": "interviews/index.html",
        "Fields": "fields/index.html",
        "Questions": "questions/index.html",
        "Network": "network/index.html",
        "Ask": "ask/index.html",
    }
    network = article(site, "network/")
    assert "From intern to editor" in text(network)


def test_a_site_without_a_nav_lists_the_archive_and_the_network_but_no_year(make_site) -> None:
    """MkDocs makes the navigation of every page not kept out of it: the index pages go in,
    the year pages and the write-ups stay out (each page would carry them all)."""
    site = make_site(
        {"interviews/editor.md": WRITEUPS["editor"]},
        MKDOCS_YML.replace("nav:\n  - Home: index.md\n", ""),
    )
    site.build(strict=True)
    nav = BeautifulSoup(site.page(""), "html.parser").select_one("nav.md-nav--primary")
    titles = [text(a) for a in nav.select("a.md-nav__link[href]")]
    assert {"Interviews", "Fields", "Questions", "Who introduced whom", "Ask a question"} <= set(
        titles
    )
    assert not [
        t for t in titles if t.startswith("Interviews from") or t == "From intern to editor"
    ]


# -- generate -------------------------------------------------------------------------------


def test_generate_writes_the_same_front_door(site, tmp_path) -> None:
    out = tmp_path / "docs"
    status = main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)])
    assert status == 0
    for path in ("interviews/index.md", "interviews/2025/index.md", "interviews/2023/index.md"):
        assert (out / path).is_file(), path
    plain = Site(tmp_path / "plain")
    plain.root.mkdir()
    (plain.root / "mkdocs.yml").write_text(plain_yml(out), encoding="utf-8")
    plain.build(strict=True)
    for url in ("", "interviews/", "interviews/2025/", "fields/radio-podcasting/"):
        mine, theirs = article(plain, url), article(site, url)
        rows = [text(li) for li in theirs.find_all("li") if li.find("time")]
        assert rows and [text(li) for li in mine.find_all("li") if li.find("time")] == rows, url
        assert [a["href"] for a in mine.select("li a")] == [
            a["href"] for a in theirs.select("li a")
        ]
