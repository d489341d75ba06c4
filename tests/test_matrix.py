"""The coverage matrix, a page of its own (`questions/matrix/`): fields by group x questions by
theme, with totals; each cell a link with its own name, to the answers, to the question form
filled in, or to the readers' question already queued on the ask page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from test_generate_pages import plain_yml
from test_reader_pages import (
    ANSWERS,
    FIELD_NAMES,
    MKDOCS_YML,
    QUESTIONS,
    SITE_FILES,
    TEXTS,
    article,
    ask_query,
    exists,
    resolve,
    soup,
    text,
)

from conftest import MKDOCS_YML as PLAIN_SITE_YML
from conftest import Site, dedent, new_site
from mkdocs_interviews import read_questions
from mkdocs_interviews.cli import main

MATRIX = "questions/matrix"

# One more question in a theme that comes earlier in the catalog, and one without a theme.
MATRIX_QUESTIONS = QUESTIONS + dedent(
    """
    - id: tools
      text: What tools do you use every day?
      theme: The work itself
    - id: salary
      text: What can someone expect to earn?
    """
)
QUESTION_TEXTS = {**TEXTS, "tools": "What tools do you use every day?"}
QUESTION_TEXTS["salary"] = "What can someone expect to earn?"
COLUMNS = ["getting-started", "typical-day", "tools", "skills", "who-else", "salary"]
"""The questions still asked, by theme: themes in catalog order, the one without a theme last."""
THEMES = [
    ("Getting started", 1),
    ("The work itself", 2),
    ("Skills and training", 1),
    ("Advice and next steps", 1),
    ("Other questions", 1),
]
GROUPS = [
    ("Media & publishing", ["book-publishing"]),
    ("Arts & design", ["musica-film"]),
    ("Science", ["r-d-labs"]),
    ("Other fields", ["radio-podcasting"]),
]

ASKS = dedent(
    """
    - id: labs-who-else
      question: Who should I meet in a lab?
      field: R&D / Labs
      asked: 2025-03-01
      matches: who-else
    - id: labs-who-else-again
      question: Any lab people I should talk to?
      field: R&D / Labs
      asked: 2025-03-08
      merged_into: labs-who-else
    - id: books-day
      question: What do editors do all day?
      field: Book publishing
      asked: 2025-02-01
      status: with-network
      matches: typical-day
    - id: radio-skills-old
      question: Which skills does radio need?
      field: Radio & podcasting
      asked: 2025-01-05
      matches: skills
    - id: radio-skills-new
      question: What should I learn for podcasting?
      field: Radio & podcasting
      asked: 2025-04-05
      status: with-network
      matches: skills
    - id: film-who-else
      question: Who else works in film music?
      field: Música & Film
      asked: 2025-02-02
      status: declined
      matches: who-else
    """
)
WAITING = {
    ("who-else", "r-d-labs"): ["labs-who-else"],
    ("typical-day", "book-publishing"): ["books-day"],
    ("skills", "radio-podcasting"): ["radio-skills-new", "radio-skills-old"],
}
"""The readers' questions still waiting, by question and field, newest first (a merged one
and a declined one wait for nothing)."""
FILES = {**SITE_FILES, "questions.yml": MATRIX_QUESTIONS, "asks.yml": ASKS}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(tmp_path_factory.mktemp("matrix"), FILES, MKDOCS_YML)
    built.build(strict=True)
    return built


@pytest.fixture(scope="module")
def table(site: Site) -> Tag:
    found = article(site, MATRIX).select_one("table")
    assert found is not None
    return found


def cells(table: Tag) -> dict[tuple[str, str], Tag]:
    """Each question-and-field cell of the table, by question id and field slug."""
    by_name = {name: slug for slug, name in FIELD_NAMES.items()}
    found = {}
    for row in table.select("tbody tr:not(.interviews-matrix__group)"):
        slug = by_name[text(row.th)]
        for question, cell in zip(COLUMNS, row.find_all("td")[:-1], strict=True):
            found[(question, slug)] = cell
    return found


def link(cell: Tag) -> Tag:
    (found,) = cell.find_all("a")
    return found


# -- the page -------------------------------------------------------------------------------


def test_the_matrix_has_a_page_that_the_questions_page_links(site: Site) -> None:
    page = soup(site, MATRIX)
    assert text(page.select_one("article h1")) == "Coverage matrix"
    legend = text(page.select_one("article .interviews-matrix__legend"))
    assert "A “+” is a question nobody in that field has answered yet" in legend
    assert "A “?” is one readers have already sent in: it leads to their question" in legend
    questions = article(site, "questions")
    assert questions.find("table") is None
    (to_matrix,) = [a for a in questions.find_all("a") if text(a) == "coverage matrix"]
    assert resolve("questions/", to_matrix["href"]) == f"{MATRIX}/index.html"
    # The summary: 4 fields x 6 questions, 10 pairs answered, 2 more that readers ask about.
    summary = text(to_matrix.parent)
    assert "which of the 4 fields have answered which of the 6 questions" in summary
    assert "10 of the 24 pairs so far, and readers are asking about 2 more" in summary


def test_columns_are_the_questions_by_theme(table: Tag) -> None:
    themes, questions = table.thead.find_all("tr")
    first = themes.find_all("th")
    assert [(text(th), th.get("scope")) for th in first] == [
        ("Field", "col"),
        *((theme, "colgroup") for theme, _count in THEMES),
        ("Total", "col"),
    ]
    assert [int(th.get("colspan", 1)) for th in first[1:-1]] == [n for _t, n in THEMES]
    headings = questions.find_all("th")
    assert [text(th) for th in headings] == [QUESTION_TEXTS[q] for q in COLUMNS]
    assert {th["scope"] for th in headings} == {"col"}
    for th, question in zip(headings, COLUMNS, strict=True):
        assert resolve(f"{MATRIX}/", th.a["href"]) == f"questions/{question}/index.html"
    # The retired question is left out; its colgroups add up to the columns.
    assert "What did you study?" not in text(table)
    spans = [int(c.get("span", 1)) for c in table.find_all("colgroup")]
    assert spans == [1, *(n for _t, n in THEMES), 1]


def test_rows_are_the_fields_by_group(table: Tag) -> None:
    groups = []
    for body in table.find_all("tbody"):
        heading, *rows = body.find_all("tr")
        assert heading.th["scope"] == "rowgroup"
        assert int(heading.th["colspan"]) == len(COLUMNS) + 2
        assert {row.th["scope"] for row in rows} == {"row"}
        groups.append((text(heading), [resolve(f"{MATRIX}/", r.th.a["href"]) for r in rows]))
    assert groups == [
        (group, [f"fields/{slug}/index.html" for slug in slugs]) for group, slugs in GROUPS
    ]


def test_counts_and_totals(table: Tag) -> None:
    """A cell counts a field's answers; a row's total adds them up; a question's total counts
    each answer once, as the questions page does, though an interview in two fields is in two
    rows."""
    found = cells(table)
    for key, cell in found.items():
        answers, asking = ANSWERS.get(key, []), "?" if key in WAITING else ""
        assert text(cell) == (f"{len(answers)}{asking}" if answers else asking or "+"), key
    rows = table.select("tbody tr:not(.interviews-matrix__group)")
    by_name = {name: slug for slug, name in FIELD_NAMES.items()}
    for row in rows:
        slug = by_name[text(row.th)]
        expected = sum(len(ANSWERS.get((q, slug), [])) for q in COLUMNS)
        assert text(row.find_all("td")[-1]) == str(expected), slug
    totals = table.tfoot.tr
    assert text(totals.th) == "Total"
    answering = {q: {w for (a, _f), ws in ANSWERS.items() if a == q for w in ws} for q in COLUMNS}
    expected = [len(answering[q]) for q in COLUMNS]
    assert [int(text(td)) for td in totals.find_all("td")] == [*expected, sum(expected)]
    # The composer, in two fields, is one answer to getting started, in two of its cells.
    in_cells = sum(len(ANSWERS.get(("getting-started", slug), [])) for slug in FIELD_NAMES)
    assert (expected[0], in_cells) == (5, 6)


def test_every_cell_has_a_name_of_its_own(table: Tag) -> None:
    """A screen reader, moving from link to link, hears which field, which question, and
    what the cell holds."""
    names = {key: link(cell)["aria-label"] for key, cell in cells(table).items()}
    assert len(set(names.values())) == len(FIELD_NAMES) * len(COLUMNS)
    assert names[("typical-day", "book-publishing")] == (
        "Book publishing, What does a typical day look like?: 2 answers, 1 reader asking"
    )
    assert names[("getting-started", "r-d-labs")] == (
        "R&D / Labs, How did you get started in this field?: 1 answer"
    )
    assert names[("tools", "musica-film")] == (
        "Música & Film, What tools do you use every day?: no answer yet, ask"
    )
    assert names[("who-else", "r-d-labs")] == (
        "R&D / Labs, Who else should I talk to?: no answer yet, 1 reader asking, see the "
        "queued question"
    )
    assert names[("skills", "radio-podcasting")] == (
        "Radio & podcasting, What skills matter most in your work?: no answer yet, 2 readers "
        "asking, see the queued questions"
    )


def test_counts_lead_to_their_question_by_field_pages(site: Site, table: Tag) -> None:
    for (question, slug), cell in cells(table).items():
        if (question, slug) not in ANSWERS:
            continue
        target = resolve(f"{MATRIX}/", link(cell)["href"])
        assert target == f"questions/{question}/{slug}/index.html"
        assert exists(site, target)


def test_empty_cells_open_the_question_form_filled_in(table: Tag) -> None:
    empty = 0
    for (question, slug), cell in cells(table).items():
        if (question, slug) in ANSWERS or (question, slug) in WAITING:
            continue
        empty += 1
        assert ask_query(link(cell)["href"]) == {
            "template": ["ask.yml"],
            "field": [FIELD_NAMES[slug]],
            "question": [QUESTION_TEXTS[question]],
            "title": [f"Question for {FIELD_NAMES[slug]}: {QUESTION_TEXTS[question]}"],
        }
    assert empty == 12


def test_asked_cells_lead_to_the_readers_question_on_the_ask_page(site: Site, table: Tag) -> None:
    """Not to a new issue, which would ask the same again: to the newest of the readers'
    questions waiting there, which the ask page lists under its field."""
    asks = {entry["id"]: entry for entry in yaml.safe_load(ASKS)}
    ask_page = article(site, "ask")
    found = cells(table)
    for (question, slug), waiting in WAITING.items():
        if (question, slug) in ANSWERS:
            assert text(link(found[(question, slug)])) == f"{len(ANSWERS[(question, slug)])}?"
            continue
        href = link(found[(question, slug)])["href"]
        assert resolve(f"{MATRIX}/", href) == "ask/index.html"
        anchor = href.partition("#")[2]
        assert anchor == f"ask-{waiting[0]}"
        queued = ask_page.find(id=anchor)
        assert queued is not None and queued.name == "li", anchor
        assert f"“{asks[waiting[0]]['question']}”" in text(queued)
    # Every reader's question on the ask page can be linked; none takes another's anchor.
    ids = [li["id"] for li in ask_page.select("li.interviews-queued")]
    assert sorted(ids) == sorted(f"ask-{a}" for a in asks if a != "labs-who-else-again")


def test_the_matrix_scrolls_in_a_box_of_its_own(site: Site, table: Tag) -> None:
    """A wide matrix scrolls inside its box, reachable by keyboard and named by its caption;
    the page gives it the whole width."""
    box = table.find_parent("div", class_="interviews-matrix")
    assert box.get("role") == "region" and box.get("tabindex") == "0"
    assert table.caption["id"] == box["aria-labelledby"]
    assert text(table.caption) == "Answers by field and question"
    cue = article(site, MATRIX).select_one(".interviews-matrix__cue")
    assert text(cue) == "Scroll sideways to see all 6 questions →"
    page = soup(site, MATRIX)
    assert page.select_one(".md-sidebar--primary").has_attr("hidden")
    assert page.select_one(".md-sidebar--secondary").has_attr("hidden")
    stylesheets = [a["href"] for a in page.select("link[rel=stylesheet]")]
    (css,) = [href for href in stylesheets if "interviews" in href]
    rules = (site.root / "site" / resolve(f"{MATRIX}/", css)).read_text(encoding="utf-8")
    assert re.search(r"\.interviews-matrix\s*\{[^}]*overflow(-x)?:\s*auto", rules)


# -- hostile names --------------------------------------------------------------------------

EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(2)> *em* &amp; [x](javascript:y)'


def test_names_are_shown_as_text(make_site) -> None:
    """A field's, a group's, a question's and a theme's names are text, in the cells' names
    too (attributes a quote would break out of)."""
    fields = [{"name": f"F {EVIL}", "slug": "evil", "group": f"G {EVIL}"}]
    evil_question = {"id": "evil", "text": f"Q {EVIL}", "theme": f"T {EVIL}"}
    questions = [*yaml.safe_load(QUESTIONS), evil_question]
    interview = (
        "---\ntitle: Plain\nfield: evil\nrole: Editor\ndate: 2025-04-02\n"
        f"questions: [typical-day]\n---\n\n## {TEXTS['typical-day']}\n\nDays.\n"
    )
    site = make_site(
        {
            "fields.yml": yaml.safe_dump(fields, allow_unicode=True),
            "questions.yml": yaml.safe_dump(questions, allow_unicode=True),
            "interviews/plain.md": interview,
        },
        mkdocs_yml=MKDOCS_YML,
    )
    site.build(strict=True)
    page = soup(site, MATRIX)
    table = page.select_one("article table")
    assert page.find("img", src="x") is None
    assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
    assert not table.find_all("em")
    assert not [a for a in table.find_all("a") if a["href"].startswith("javascript")]
    assert text(table.tbody.th) == f"G {EVIL}"
    assert f"T {EVIL}" in [text(th) for th in table.thead.find_all("th")]
    assert f"Q {EVIL}" in [text(th) for th in table.thead.find_all("th")]
    assert text(table.select("tbody tr")[1].th) == f"F {EVIL}"
    names = {a["aria-label"] for a in table.select("td a")}
    assert f"F {EVIL}, {TEXTS['typical-day']}: 1 answer" in names
    assert f"F {EVIL}, Q {EVIL}: no answer yet, ask" in names


# -- addresses ------------------------------------------------------------------------------


def test_a_question_id_that_takes_the_matrix_address_is_refused(make_site) -> None:
    """`questions/matrix/` is the matrix's: a question with the id `matrix` is an error in
    questions.yml, with the fix, and the matrix keeps its page."""
    questions = MATRIX_QUESTIONS + "- id: matrix\n  text: What is the matrix?\n"
    site = make_site({**FILES, "questions.yml": questions}, mkdocs_yml=MKDOCS_YML)
    line = questions.count("\n") - 1
    message = (
        f"questions.yml:{line}: question id 'matrix' would put its page at questions/matrix/, "
        "the address of the coverage matrix (give the question another id, like "
        "'matrix-question', and use that in the write-ups)"
    )
    assert message in site.build().warnings
    table = article(site, MATRIX).select_one("table")
    assert "What is the matrix?" not in text(table)
    site.build(strict=True, stops=True)
    catalog, problems = read_questions("questions.yml", questions.encode())
    assert "matrix" not in [q.id for q in catalog]
    assert [(p.file, p.key, p.severity) for p in problems.items] == [
        ("questions.yml", "id", "error")
    ]


def test_without_directory_urls_the_links_lead_to_pages(tmp_path: Path) -> None:
    site = new_site(tmp_path, FILES, MKDOCS_YML + "use_directory_urls: false\n")
    site.build(strict=True)
    page = "questions/matrix/index.html"
    html = BeautifulSoup((site.root / "site" / page).read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in html.select("article table a")]
    inside = [href for href in links if not href.startswith("https://")]
    assert len(inside) == len(ANSWERS) + 2 + len(COLUMNS) + len(FIELD_NAMES)
    for href in inside:
        assert exists(site, resolve(page, href)), href
    questions = BeautifulSoup((site.root / "site/questions/index.html").read_text(), "html.parser")
    assert any(a["href"] == "matrix/index.html" for a in questions.select("article a"))


def test_generate_writes_the_matrix_for_builders_without_the_plugin(make_site) -> None:
    site = make_site(FILES, mkdocs_yml=PLAIN_SITE_YML)
    (site.root / "plain.yml").write_text(plain_yml(), encoding="utf-8")
    out = site.root / "build" / "docs"
    assert main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)]) == 0
    assert (out / "questions" / "matrix" / "index.md").is_file()
    site.build(strict=True, config="plain.yml")
    table = article(site, MATRIX).select_one("table")
    assert len(table.select("td a")) == len(FIELD_NAMES) * len(COLUMNS)
    (asked,) = [a for a in table.select("td a") if "2 readers asking" in a["aria-label"]]
    assert asked["href"] == "../../ask/#ask-radio-skills-new"
    assert article(site, "ask").find(id="ask-radio-skills-new").name == "li"
    assert soup(site, MATRIX).select_one(".md-sidebar--secondary").has_attr("hidden")


def test_no_heading_of_the_ask_page_takes_a_queued_questions_anchor(make_site) -> None:
    """A group called "Ask labs who else" would have the id `ask-labs-who-else`, the anchor of
    the reader's question 'labs-who-else': the question keeps it, the heading gets another."""
    fields = yaml.safe_load(SITE_FILES["fields.yml"])
    for item in fields:
        if item["name"] == "R&D / Labs":
            item["group"] = "Ask labs who else"
    site = make_site(
        {**FILES, "fields.yml": yaml.safe_dump(fields, allow_unicode=True)}, mkdocs_yml=MKDOCS_YML
    )
    site.build(strict=True)
    page = article(site, "ask")
    assert page.find(id="ask-labs-who-else").name == "li"
    (group,) = [h for h in page.find_all("h2") if text(h) == "Ask labs who else"]
    assert group["id"] != "ask-labs-who-else"
    table = article(site, MATRIX).select_one("table")
    hrefs = [a["href"] for a in table.select("td a")]
    assert "../../ask/#ask-labs-who-else" in hrefs
