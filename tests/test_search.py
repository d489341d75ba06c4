"""The readers' search: what the pages tell Pagefind (the core, `search`), Pagefind run on a
built folder, and real builds of tiny sites with the plugin's search or the theme's."""

from __future__ import annotations

import datetime
import re
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import MKDOCS_YML, THEME_SEARCH_YML, Site, writeup
from mkdocs_interviews.model import Answer, Field, Question, WriteUp
from mkdocs_interviews.search import (
    BUNDLE,
    Indexed,
    Indexer,
    SearchIndexError,
    ignored,
    index_site,
    writeup_marks,
)

DAY = Question("typical-day", "What does a typical day look like?")


def sample_writeup(**changes: object) -> WriteUp:
    values: dict[str, object] = {
        "slug": "editor",
        "path": "interviews/editor.md",
        "title": "From intern to editor",
        "fields": (Field("Book publishing", "book-publishing"),),
        "role": "Acquisitions editor",
        "date": datetime.date(2025, 4, 2),
        "answers": (Answer(DAY, DAY.text, "Meetings.", 8),),
    }
    values.update(changes)
    return WriteUp(**values)  # type: ignore[arg-type]


def marks(html: str) -> list[tuple[str, str]]:
    """(kind=key, value) of each mark, as Pagefind reads them."""
    found = []
    for span in BeautifulSoup(html, "html.parser").select("span"):
        kind = "meta" if span.has_attr("data-pagefind-meta") else "filter"
        key = str(span[f"data-pagefind-{kind}"]).removesuffix("[data-value]")
        found.append((f"{kind}={key}", str(span["data-value"])))
    return found


# -- the core ------------------------------------------------------------------------------


def test_a_writeup_tells_its_title_role_fields_and_questions() -> None:
    other = Question("skills", "Skills, and: which?")
    answers = (
        Answer(DAY, DAY.text, "a", 8),
        Answer(other, other.text, "b", 12),
        Answer(DAY, "Again", "c", 16),  # a question answered twice is one filter value
    )
    fields = (Field("Radio & podcasting", "radio-podcasting"), Field("Music", "music"))
    made = writeup_marks(sample_writeup(fields=fields, answers=answers))
    assert marks(made) == [
        ("meta=title", "From intern to editor"),
        ("meta=role", "Acquisitions editor"),
        ("meta=fields", "Radio & podcasting, Music"),
        ("filter=field", "Radio & podcasting"),
        ("filter=field", "Music"),
        ("filter=question", DAY.text),
        ("filter=question", "Skills, and: which?"),
    ]
    assert "Radio &amp; podcasting" in made and "hidden" in made


def test_marks_escape_the_front_matter() -> None:
    evil = '"><script>alert(1)</script>'
    made = writeup_marks(sample_writeup(title=evil, role=evil))
    assert "<script" not in made
    assert marks(made)[0] == ("meta=title", evil)


def test_ignored_blocks_are_wrapped_and_empty_ones_left_empty() -> None:
    assert ignored("") == ""
    assert ignored("<p>More</p>\n") == '<div data-pagefind-ignore="all">\n<p>More</p>\n</div>'


def test_the_indexer_runs_once_more_for_a_build_that_ends_meanwhile(tmp_path: Path) -> None:
    started, release = threading.Event(), threading.Event()
    runs: list[Path] = []

    def index(site_dir: Path) -> Indexed:
        runs.append(site_dir)
        started.set()
        release.wait(10)
        return Indexed(1, site_dir / BUNDLE)

    done: list[Indexed] = []
    indexer = Indexer(done.append, pytest.fail, index)
    indexer.request(tmp_path / "one")
    assert started.wait(10)
    indexer.request(tmp_path / "two")  # while the first runs: once it ends, one run more
    indexer.request(tmp_path / "three")  # ... of the newest build only
    release.set()
    indexer.wait(10)
    assert runs == [tmp_path / "one", tmp_path / "three"]
    assert [d.folder for d in done] == [tmp_path / "one" / BUNDLE, tmp_path / "three" / BUNDLE]


def test_the_indexer_reports_a_failure_no_newer_run_replaces(tmp_path: Path) -> None:
    def index(site_dir: Path) -> Indexed:
        raise SearchIndexError("no Pagefind")

    failed: list[SearchIndexError] = []
    indexer = Indexer(pytest.fail, failed.append, index)
    indexer.request(tmp_path)
    indexer.wait(10)
    assert [str(error) for error in failed] == ["no Pagefind"]


def write_pages(site_dir: Path) -> None:
    for name, body in {
        "a/index.html": '<div data-pagefind-body=""><p>Giraffes at work</p></div>',
        "b/index.html": "<p>A listing of giraffes</p>",
    }.items():
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'<html lang="en"><body>{body}</body></html>', encoding="utf-8")


def test_index_site_replaces_the_bundle_whole(tmp_path: Path) -> None:
    write_pages(tmp_path)
    stale = tmp_path / BUNDLE / "stale.pf_index"
    stale.parent.mkdir()
    stale.write_text("old", encoding="utf-8")
    indexed = index_site(tmp_path)
    assert indexed.folder == tmp_path / BUNDLE
    assert (indexed.folder / "pagefind.js").is_file()
    assert (indexed.folder / "pagefind-entry.json").is_file()
    assert not stale.exists()
    # Nothing left beside it: the folder it was written to has become the bundle.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", BUNDLE]


def test_index_site_says_when_pagefind_cannot_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pagefind.service

    write_pages(tmp_path)
    monkeypatch.setattr(pagefind.service, "get_executable", lambda: None)
    with pytest.raises(SearchIndexError, match=r"pip install 'pagefind\[bin\]'"):
        index_site(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


# -- builds --------------------------------------------------------------------------------

FILES = {
    "interviews/editor.md": writeup(
        title="From intern to editor & more",
        role='Editor "in chief"',
        extra="interviewee: Ana <b>Bold</b>\n",
    ),
    "interviews/agent.md": writeup(
        title="Selling books", role="Literary agent", questions=("typical-day",)
    ),
}

LISTINGS = (
    "",
    "interviews",
    "interviews/2025",
    "fields",
    "fields/book-publishing",
    "questions",
    "questions/typical-day",
    "questions/typical-day/book-publishing",
    "questions/matrix",
    "ask",
    "network",
)


def page(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(url), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    from conftest import new_site

    built = new_site(tmp_path_factory.mktemp("search") / "site-root", FILES)
    built.build(strict=True)
    return built


def test_the_build_writes_pagefinds_bundle_and_no_material_index(site: Site) -> None:
    folder = site.root / "site"
    assert (folder / BUNDLE / "pagefind.js").is_file()
    assert [p for p in (folder / BUNDLE / "filter").iterdir()], "the filters are indexed"
    assert not (folder / "search" / "search_index.json").exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_a_writeup_carries_its_body_filters_and_meta(site: Site) -> None:
    soup = page(site, "interviews/editor")
    (body,) = soup.select("[data-pagefind-body]")
    assert body.find_parent("article") is not None
    # Its header and answers are read; its trail, links after answers and footer are not.
    assert 'Editor "in chief"' in body.get_text()
    assert "The answer to typical-day." in body.get_text()
    skipped = body.select("[data-pagefind-ignore]")
    assert any(s.select_one(".interviews-breadcrumbs") for s in skipped)
    assert any(s.select_one(".interviews-footer") for s in skipped)
    assert any(s.select_one(".interviews-others") for s in skipped)
    assert not [
        a
        for a in body.select("a.interviews-others")
        if not a.find_parent(attrs={"data-pagefind-ignore": True})
    ]
    assert marks(str(body.select_one(".interviews-search-marks"))) == [
        ("meta=title", "From intern to editor & more"),
        ("meta=role", 'Editor "in chief"'),
        ("meta=fields", "Book publishing"),
        ("filter=field", "Book publishing"),
        ("filter=question", "How did you get started in this field?"),
        ("filter=question", "What does a typical day look like?"),
    ]


@pytest.mark.parametrize("url", LISTINGS, ids=lambda url: url or "home")
def test_listings_carry_nothing_for_the_search(site: Site, url: str) -> None:
    assert "data-pagefind" not in site.page(url)


def test_the_header_holds_the_plugins_dialog_not_materials(site: Site) -> None:
    header = page(site, "interviews/editor").find("header")
    assert isinstance(header, Tag)
    dialog = header.select_one("[role=dialog]")
    assert dialog is not None and dialog["aria-label"] == "Search"
    assert dialog["data-interviews-search"] == "../../pagefind/pagefind.js"
    # Either would make Material's script mount its search and fetch its index.
    assert header.select('[data-md-component="search"], form[name="search"]') == []
    assert header.select_one("label.md-header__button[for=__search]") is not None
    selects = {s["name"]: s for s in dialog.select("select")}
    assert set(selects) == {"field", "question"}
    script = header.select_one("script[src]")
    assert script is not None and script["src"] == "../../assets/javascripts/interviews-search.js"
    assert (site.root / "site" / "assets" / "javascripts" / "interviews-search.js").is_file()


def test_search_theme_leaves_materials_search_as_before(make_site) -> None:
    site = make_site(FILES, mkdocs_yml=THEME_SEARCH_YML)
    site.build(strict=True)
    folder = site.root / "site"
    assert (folder / "search" / "search_index.json").is_file()
    assert not (folder / BUNDLE).exists()
    header = page(site, "interviews/editor").find("header")
    assert isinstance(header, Tag)
    assert header.select_one('[data-md-component="search"]') is not None
    assert header.select_one("[data-interviews-search]") is None
    # Nothing for Pagefind on the pages, nor its dialog's script; the body keeps its class.
    writeup = site.page("interviews/editor")
    assert "data-pagefind" not in writeup
    assert BeautifulSoup(writeup, "html.parser").select_one("article .interviews-body")
    assert not (folder / "assets" / "javascripts" / "interviews-search.js").exists()


def test_both_searches_on_is_a_warning_naming_mkdocs_yml(make_site) -> None:
    both = MKDOCS_YML.replace("  - interviews\n", "  - search\n  - interviews\n")
    site = make_site(FILES, mkdocs_yml=both)
    built = site.build(strict=True, stops=True)
    assert built.warnings == [
        "mkdocs.yml: both the interviews plugin's search (Pagefind) and Material's 'search' "
        "plugin are on, and every reader of Material's fetches its whole index: remove "
        "'search' from 'plugins', or set the interviews option 'search: theme' to keep "
        "Material's"
    ]


def test_a_build_without_pagefind_stops_saying_so(
    make_site, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pagefind.service

    monkeypatch.setattr(pagefind.service, "get_executable", lambda: None)
    site = make_site(FILES)
    built = site.build(stops=True)
    assert "interviews plugin: the readers' search: " in built.log
    assert "pip install 'pagefind[bin]'" in built.log


def test_serve_indexes_in_the_background_and_logs_when_done(make_site) -> None:
    site = make_site(FILES)
    built = site.build(serve=True)  # the preview's shutdown waits for the index
    assert (site.root / "site" / BUNDLE / "pagefind.js").is_file()
    indexed = [m for m in built.messages(level=20) if m.startswith("The readers' search: ")]
    assert len(indexed) == 1
    assert re.fullmatch(
        r"The readers' search: Pagefind indexed the site into pagefind/ \(\d+ pages read, "
        r"\d+\.\d s\)",
        indexed[0],
    ), indexed


def test_index_site_runs_inside_a_running_event_loop(tmp_path: Path) -> None:
    """As when a build is called from async code (or beside Playwright's sync API)."""
    import asyncio

    write_pages(tmp_path)
    results: list[Indexed] = []

    async def build() -> Indexed:
        return index_site(tmp_path)

    # In a thread of its own, whose loop is the test's whatever this one's runs (Playwright's
    # synchronous API leaves one running here after the browser tests).
    caller = threading.Thread(target=lambda: results.append(asyncio.run(build())))
    caller.start()
    caller.join(60)
    assert (results[0].folder / "pagefind.js").is_file()


def test_the_indexer_outlives_an_unexpected_error(tmp_path: Path) -> None:
    calls: list[Path] = []

    def index(site_dir: Path) -> Indexed:
        calls.append(site_dir)
        if len(calls) == 1:
            raise FileNotFoundError("the site folder was cleaned meanwhile")
        return Indexed(1, site_dir / BUNDLE)

    failed: list[SearchIndexError] = []
    done: list[Indexed] = []
    indexer = Indexer(done.append, failed.append, index)
    indexer.request(tmp_path)
    indexer.wait(10)
    indexer.request(tmp_path)
    indexer.wait(10)
    assert [str(e) for e in failed] == ["Pagefind failed: the site folder was cleaned meanwhile"]
    assert len(done) == 1
