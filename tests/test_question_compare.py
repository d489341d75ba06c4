"""A question's page compares fields: each interview quoted once (its pull quote, else an
excerpt that informs), the fields that have not answered it with their ask links, the form
that puts chosen fields side by side, and no alias prose. Built in process, read as HTML."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import Site, writeup

PULL = "Say yes to the dull jobs first: they are where you learn how the whole house works."
LEAD = "It depends which of three modes I'm in."
INFORMS = (
    "Mornings go to reading submissions from agents, afternoons to meetings with authors, "
    "and evenings, more often than I would like, to reading again."
)


def answer(text: str) -> str:
    return f"Intro.\n\n## What does a typical day look like?\n\n{text}\n"


FILES = {
    # In two fields: quoted once, under the first of them on the page.
    "interviews/both.md": writeup(
        title="Both",
        field="[Book publishing, Music production]",
        role="Editor and producer",
        date="2025-05-01",
        questions=("typical-day",),
        body=answer(f"{LEAD}\n\n{INFORMS}\n\n{PULL}\n{{: .pull-quote }}"),
    ),
    "interviews/editor.md": writeup(
        title="Editor",
        role="Acquisitions editor",
        date="2025-04-01",
        questions=("typical-day",),
        body=answer(f"{LEAD}\n\n{INFORMS}"),
    ),
    "interviews/lists.md": writeup(
        title="Lists",
        field="Music production",
        role="Mixing engineer",
        date="2025-03-01",
        questions=("typical-day",),
        body=answer("Roughly a third each.\n\n- selling the studio\n- budgeting\n- firefighting"),
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    from conftest import THEME_SEARCH_YML, new_site

    # Material's search, whose index holds the question pages (the plugin's holds none).
    built = new_site(tmp_path_factory.mktemp("compare") / "site-root", FILES, THEME_SEARCH_YML)
    built.build(strict=True)
    return built


def article(site: Site) -> Tag:
    found = BeautifulSoup(site.page("questions/typical-day/"), "html.parser").article
    assert found is not None
    return found


def text(element: Tag) -> str:
    return " ".join(element.get_text().replace("¶", " ").split())


def field_part(page: Tag, slug: str) -> Tag:
    found = page.select_one(f'div[data-field="{slug}"]')
    assert found is not None, slug
    return found


def test_each_interview_is_quoted_once_under_all_its_fields(site: Site) -> None:
    page = article(site)
    excerpts = [text(e) for e in page.select(".interviews-excerpt")]
    assert excerpts.count(PULL) == 1, excerpts
    publishing = field_part(page, "book-publishing")
    assert [text(e) for e in publishing.select(".interviews-excerpt")] == [PULL, INFORMS]
    attribution = publishing.select(".interviews-attribution")[0]
    assert text(attribution) == (
        "Editor and producer, 1 May 2025 · Book publishing, Music production"
    )
    # Under its other field, a pointer to the quote, not the quote again.
    music = field_part(page, "music-production")
    assert [text(e) for e in music.select(".interviews-excerpt")] == [
        "selling the studio budgeting firefighting"
    ]
    (pointer,) = music.select(".interviews-also")
    quote = pointer.find("a", string=lambda s: "quoted under" in s)
    assert quote["href"] == f"#{publishing.select('.interviews-excerpt')[0]['id']}"
    assert "Book publishing" in text(pointer)
    # The counts stay true: three interviews answer, two in each of the two fields.
    assert text(page.find("p")) == "3 answers from 2 fields."


def test_an_excerpt_skips_a_lead_in_and_keeps_a_list(site: Site) -> None:
    page = article(site)
    assert LEAD not in text(page)
    (items,) = field_part(page, "music-production").select(".interviews-excerpt ul")
    assert [text(li) for li in items.find_all("li")] == [
        "selling the studio",
        "budgeting",
        "firefighting",
    ]
    for excerpt in page.select(".interviews-excerpt"):
        assert "·" not in text(excerpt), "a list is no line of items"


def test_the_fields_not_answering_are_named_with_their_ask_links(site: Site) -> None:
    page = article(site)
    assert "Not answered yet" in [text(h) for h in page.find_all("h2")]
    (listed,) = page.select("ul.interviews-unanswered")
    links = listed.find_all("a")
    assert [text(a) for a in links] == ["Ask someone in Radio & podcasting"]
    query = parse_qs(urlsplit(links[0]["href"]).query)
    assert query["field"] == ["Radio & podcasting"]
    assert query["question"] == ["What does a typical day look like?"]
    # No ask link with its field left blank.
    for link in page.find_all("a", href=True):
        if "template=" in link["href"]:
            assert parse_qs(urlsplit(link["href"]).query).get("field"), link


def test_aliases_are_not_shown(site: Site) -> None:
    shown = text(article(site))
    assert "Also asked as" not in shown
    assert "What is a typical day like?" not in shown


def test_the_compare_form_names_each_answering_field(site: Site) -> None:
    page = article(site)
    form = page.select_one("form[data-interviews-compare]")
    assert form is not None and form.has_attr("hidden"), "shown by its script only"
    boxes = form.select("input[type=checkbox]")
    assert [(box["value"], text(box.parent)) for box in boxes] == [
        ("book-publishing", "Book publishing"),
        ("music-production", "Music production"),
    ]
    assert form.select_one("[role=status]") is not None
    (script,) = page.select("script[src]")
    assert (site.root / "site" / "questions" / "typical-day" / script["src"]).resolve().is_file()


def test_the_pull_quote_is_marked_on_the_interview(site: Site) -> None:
    page = BeautifulSoup(site.page("interviews/both/"), "html.parser")
    (marked,) = page.select("article p.pull-quote")
    assert text(marked) == PULL


def test_new_says_how_to_mark_the_pull_quote() -> None:
    """The scaffold of `new` hints at the pull quote, in a comment no page shows."""
    import datetime

    from mkdocs_interviews.model import Field, Question
    from mkdocs_interviews.scaffold import scaffold

    made = scaffold(
        interviews_dir="interviews",
        title="T",
        fields=[Field("F", "f")],
        role="R",
        date=datetime.date(2025, 1, 1),
        questions=[Question("q", "Q?")],
    )
    (hint,) = [part for part in made.text.split("<!--")[1:] if "pull-quote" in part]
    assert "{: .pull-quote }" in hint and "-->" in hint


def test_search_finds_the_question_not_the_form(site: Site) -> None:
    import json

    index = json.loads((site.root / "site" / "search" / "search_index.json").read_text())
    texts = [d["text"] for d in index["docs"] if d["location"].startswith("questions/typical-day/")]
    assert texts, "the question's page is searched"
    assert not [t for t in texts if "side by side" in t]


def test_generate_quotes_the_same(site: Site) -> None:
    """`generate` (each answer converted on its own) cuts the same excerpts, pull quote and all."""
    from mkdocs_interviews.cli import main

    out = site.root / "gen"
    assert main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)]) == 0
    page = (out / "questions" / "typical-day" / "index.md").read_text(encoding="utf-8")
    excerpts = BeautifulSoup(page, "html.parser").select(".interviews-excerpt")
    assert [text(e) for e in excerpts] == [
        text(e) for e in article(site).select(".interviews-excerpt")
    ]
    assert PULL in [text(e) for e in excerpts]
