"""What readers get: the generated pages of a tiny site, built for real and read as HTML."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import PLUGIN_LOGGER, Site, catalogs, dedent, new_site

REPO = "https://github.com/example/interviews"

MKDOCS_YML = f"""\
site_name: Reader pages
repo_url: {REPO}
site_url: https://example.org/reader-pages/
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
      answers_per_field: 2
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Fields: fields/index.md
  - Questions: questions/index.md
  - Ask: ask/index.md
"""

FIELDS = dedent(
    """
    - name: Book publishing
      description: Editors, agents and designers who turn manuscripts into books.
      group: Media & publishing
    - name: Música & Film
      description: Composers and editors who score and cut films.
      group: Arts & design
    - name: R&D / Labs
      description: Researchers who build the prototypes.
      group: Science
    - name: Radio & podcasting
      description: Producers and hosts of audio shows.
    """
)

QUESTIONS = catalogs()["questions.yml"] + dedent(
    """
    - id: old-question
      text: What did you study?
      theme: Skills and training
      retired: true
    """
)
TEXTS = {q["id"]: q["text"] for q in yaml.safe_load(QUESTIONS)}


def writeup_text(slug: str, questions: tuple[str, ...], **meta: object) -> str:
    """A write-up whose answers say who answered what: '<slug> on <question id>: ...'."""
    front = yaml.safe_dump(
        {**meta, "questions": list(questions)}, allow_unicode=True, sort_keys=False
    )
    body = "".join(
        f"## {TEXTS[q]}\n\n{slug.capitalize()} on {q}: the answer, in a few plain words.\n\n"
        for q in questions
    )
    return f"---\n{front}---\n\nHow we met.\n\n{body}"


WRITEUPS = {
    "editor": writeup_text(
        "editor",
        ("getting-started", "typical-day", "who-else"),
        title="From intern to editor",
        field="Book publishing",
        role="Managing editor",
        date="2025-04-02",
        summary="Reading the slush pile, then acquiring.",
        interviewee="Ada Lin",
    ),
    "agent": writeup_text(
        "agent",
        ("getting-started", "typical-day"),
        title="Selling books for a living",
        field="Book publishing",
        role="Literary agent",
        date="2024-11-15",
        summary="Contracts, lunches and a lot of reading.",
        referred_by="editor",
    ),
    "designer": writeup_text(
        "designer",
        ("getting-started", "skills"),
        title="Covers that sell",
        field="Book publishing",
        role="Cover designer",
        date="2023-06-01",
        summary="Type, images and deadlines.",
        referred_by="editor",
    ),
    "composer": writeup_text(
        "composer",
        ("getting-started", "typical-day", "skills"),
        title="Scoring films in a lab",
        field=["Música & Film", "R&D / Labs"],
        role="Composer and sound researcher",
        date="2025-01-20",
        summary="Half studio, half laboratory.",
        interviewee="anonymous",
    ),
    "researcher": writeup_text(
        "researcher",
        ("typical-day", "skills"),
        title="Prototypes all day",
        field="R&D / Labs",
        role="Research engineer",
        date="2024-03-05",
        referred_by="composer",
    ),
    "sound-editor": writeup_text(
        "sound-editor",
        ("getting-started",),
        title="Cutting sound",
        field="Música & Film",
        role="Sound editor",
        date="2022-09-09",
    ),
    "producer": writeup_text(
        "producer",
        ("getting-started", "typical-day", "who-else"),
        title="Unfinished radio",
        field="Radio & podcasting",
        role="Podcast producer",
        date="2025-05-01",
        draft=True,
        referred_by="editor",
    ),
}

SITE_FILES = {
    "fields.yml": FIELDS,
    "questions.yml": QUESTIONS,
    **{f"interviews/{slug}.md": text for slug, text in WRITEUPS.items()},
}
FIELD_NAMES = {
    "book-publishing": "Book publishing",
    "musica-film": "Música & Film",
    "r-d-labs": "R&D / Labs",
    "radio-podcasting": "Radio & podcasting",
}
# What the catalog and write-ups above add up to: answers by question and field, newest first.
ANSWERS = {
    ("getting-started", "book-publishing"): ["editor", "agent", "designer"],
    ("getting-started", "musica-film"): ["composer", "sound-editor"],
    ("getting-started", "r-d-labs"): ["composer"],
    ("typical-day", "book-publishing"): ["editor", "agent"],
    ("typical-day", "musica-film"): ["composer"],
    ("typical-day", "r-d-labs"): ["composer", "researcher"],
    ("skills", "book-publishing"): ["designer"],
    ("skills", "musica-film"): ["composer"],
    ("skills", "r-d-labs"): ["composer", "researcher"],
    ("who-else", "book-publishing"): ["editor"],
}
LIVE_QUESTIONS = ["getting-started", "typical-day", "skills", "who-else"]


# -- helpers ------------------------------------------------------------------------------


def soup(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(url), "html.parser")


def article(site: Site, url: str) -> Tag:
    found = soup(site, url).select_one("article")
    assert found is not None, url
    return found


def text(element: Tag) -> str:
    """An element's text as a reader sees it: whitespace collapsed, permalinks left out."""
    return " ".join(element.get_text().replace("¶", " ").split())


def section(page: Tag, heading: str, level: str = "h2") -> list[Tag]:
    """The elements after the `level` heading whose text is `heading`, up to the next one."""
    (start,) = [h for h in page.find_all(level) if text(h) == heading]
    found = []
    for sibling in start.find_next_siblings():
        if sibling.name == level:
            break
        found.append(sibling)
    return found


def links_in(elements: list[Tag]) -> list[Tag]:
    return [a for element in elements for a in element.find_all("a", href=True)]


def resolve(page_url: str, href: str) -> str:
    """The site path a link on the page at `page_url` leads to, without its anchor."""
    path = urlsplit(urljoin("https://site.test/" + page_url, href)).path.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


def exists(site: Site, path: str) -> bool:
    return (site.root / "site" / path).is_file()


def ask_query(href: str) -> dict[str, list[str]]:
    """The query of an ask link, which must be the repository's issue form."""
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/issues/new", href
    return parse_qs(parts.query, keep_blank_values=True)


HOOKS = '''\
"""Keeps each page's HTML as the search plugin reads it (Material drops data-search-* after)."""

from pathlib import Path


def on_page_content(html, page, config, files):
    out = Path(config.config_file_path).parent / "page-content" / page.file.src_uri
    out = out.with_suffix(".html")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return html
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The tiny site, built once with --strict for the tests that only read it."""
    root = tmp_path_factory.mktemp("reader")
    built = new_site(root, SITE_FILES, MKDOCS_YML + "hooks:\n  - hooks.py\n")
    (root / "hooks.py").write_text(HOOKS, encoding="utf-8")
    built.build(strict=True)
    return built


# -- fields -------------------------------------------------------------------------------


def test_fields_page_lists_every_field_by_group(site: Site) -> None:
    """Groups in catalog order, fields without a group last; each with its count and blurb."""
    page = article(site, "fields")
    assert [text(h) for h in page.find_all("h2")] == [
        "Media & publishing",
        "Arts & design",
        "Science",
        "Other fields",
    ]
    expected = {
        "Media & publishing": [("Book publishing", "3 interviews")],
        "Arts & design": [("Música & Film", "2 interviews")],
        "Science": [("R&D / Labs", "2 interviews")],
        "Other fields": [("Radio & podcasting", "0 interviews")],
    }
    descriptions = {f["name"]: f["description"] for f in yaml.safe_load(FIELDS)}
    slugs = {name: slug for slug, name in FIELD_NAMES.items()}
    for group, fields in expected.items():
        items = [li for element in section(page, group) for li in element.find_all("li")]
        assert len(items) == len(fields), group
        for item, (name, count) in zip(items, fields, strict=True):
            (link,) = [a for a in item.find_all("a") if text(a) == name]
            assert link["href"] == f"{slugs[name]}/"
            assert exists(site, resolve("fields/", link["href"]))
            assert count in text(item)
            assert descriptions[name] in text(item)


def interviews_on(site: Site, slug: str) -> list[Tag]:
    """The entries of the 'Interviews' list on a field's page."""
    return [
        li
        for element in section(article(site, f"fields/{slug}"), "Interviews")
        for li in element.find_all("li")
    ]


def test_field_page_lists_its_interviews_newest_first(site: Site) -> None:
    """Title link, role, date and summary of each interview, the latest on top."""
    entries = interviews_on(site, "book-publishing")
    assert [text(li.find("a")) for li in entries] == [
        "From intern to editor",
        "Selling books for a living",
        "Covers that sell",
    ]
    assert [li.find("a")["href"] for li in entries] == [
        "../../interviews/editor/",
        "../../interviews/agent/",
        "../../interviews/designer/",
    ]
    first = text(entries[0])
    assert "Managing editor" in first
    assert "2 April 2025" in first
    assert "Reading the slush pile, then acquiring." in first
    assert "15 November 2024" in text(entries[1])
    assert "1 June 2023" in text(entries[2])


def test_an_interview_with_two_fields_is_on_both_pages(site: Site) -> None:
    for slug in ("musica-film", "r-d-labs"):
        hrefs = [li.find("a")["href"] for li in interviews_on(site, slug)]
        assert "../../interviews/composer/" in hrefs, slug
    (composer,) = [li for li in interviews_on(site, "r-d-labs") if "composer" in str(li)]
    assert "also in Música & Film" in text(composer)


def test_field_page_lists_questions_answered_with_counts(site: Site) -> None:
    """Each question links to that field's answers to it."""
    items = [
        li
        for element in section(
            article(site, "fields/book-publishing"), "Questions answered in Book publishing"
        )
        for li in element.find_all("li")
    ]
    assert [text(li) for li in items] == [
        "How did you get started in this field?: 3 answers",
        "What does a typical day look like?: 2 answers",
        "What skills matter most in your work?: 1 answer",
        "Who else should I talk to?: 1 answer",
    ]
    for li, question in zip(items, LIVE_QUESTIONS, strict=True):
        href = li.find("a")["href"]
        assert href == f"../../questions/{question}/book-publishing/"
        assert exists(site, resolve("fields/book-publishing/", href))


@pytest.mark.parametrize("slug", list(FIELD_NAMES))
def test_field_page_has_an_ask_link_for_the_field(site: Site, slug: str) -> None:
    name = FIELD_NAMES[slug]
    (link,) = [
        a
        for a in article(site, f"fields/{slug}").find_all("a")
        if text(a) == f"Ask someone in {name} a question"
    ]
    assert ask_query(link["href"]) == {
        "template": ["ask.yml"],
        "field": [name],
        "question": [""],
        "title": [f"Question for {name}"],
    }


def test_field_page_with_only_a_draft_lists_nothing(site: Site) -> None:
    """A draft is not published: its field still looks empty, and invites a question."""
    page = article(site, "fields/radio-podcasting")
    assert "No interview in Radio & podcasting yet." in text(page)
    assert "Unfinished radio" not in text(page)
    assert not [a for a in page.find_all("a", href=True) if "producer" in a["href"]]
    assert not exists(site, "interviews/producer/index.html")


def test_ask_page_links_every_field(site: Site) -> None:
    links = [a for a in article(site, "ask").find_all("a", href=True) if a["href"].startswith(REPO)]
    assert [ask_query(a["href"])["field"] for a in links] == [
        ["Book publishing"],
        ["Música & Film"],
        ["R&D / Labs"],
        ["Radio & podcasting"],
    ]
    assert [text(a) for a in links][1] == "Ask someone in Música & Film"


# -- questions ------------------------------------------------------------------------------


def test_questions_page_counts_answers(site: Site) -> None:
    """Every live question with its number of answers; a retired, unanswered one is gone."""
    page = article(site, "questions")
    items = [text(a.parent) for a in page.select("ul > li > a")]
    assert items == [
        f"{TEXTS['getting-started']}: 5 answers",
        f"{TEXTS['typical-day']}: 4 answers",
        f"{TEXTS['skills']}: 3 answers",
        f"{TEXTS['who-else']}: 1 answer",
    ]
    assert "What did you study?" not in text(page)
    assert not exists(site, "questions/old-question/index.html")


def answer_blocks(site: Site, question: str, heading: str) -> list[tuple[str, str]]:
    """(excerpt, link to the answer) of each answer under a field's heading on a question page."""
    after = section(article(site, f"questions/{question}"), heading)
    elements = [each for e in after for each in (e, *e.find_all(True))]
    excerpts = [text(e) for e in elements if "interviews-excerpt" in e.get("class", [])]
    links = [
        a["href"]
        for e in elements
        if "interviews-attribution" in e.get("class", [])
        for a in e.find_all("a")
    ]
    assert len(excerpts) == len(links), heading
    return list(zip(excerpts, links, strict=True))


def test_question_page_groups_a_few_answers_by_field(site: Site) -> None:
    """At most answers_per_field answers per field, newest first, each leading to the answer,
    each interview quoted once."""
    page = article(site, "questions/getting-started")
    assert [text(h) for h in page.find_all("h2")] == [
        "Book publishing",
        "Música & Film",
        "R&D / Labs",
        "Not answered yet",
    ]
    quoted: set[str] = set()  # an interview of two fields is quoted under the first only
    for slug, name in list(FIELD_NAMES.items())[:3]:
        shown = [who for who in ANSWERS[("getting-started", slug)][:2] if who not in quoted]
        quoted.update(shown)
        assert answer_blocks(site, "getting-started", name) == [
            (
                f"{who.capitalize()} on getting-started: the answer, in a few plain words.",
                f"../../interviews/{who}/#getting-started",
            )
            for who in shown
        ]
    attributions = article(site, "questions/getting-started").select(".interviews-attribution")
    # The interviewee, when the write-up names one, then the role that links the answer.
    assert text(attributions[0]) == "Ada Lin, Managing editor, 2 April 2025"


def test_question_page_links_all_answers_when_there_are_more(site: Site) -> None:
    page = article(site, "questions/getting-started")
    more = [a for a in page.find_all("a") if text(a).startswith("All ")]
    assert [(text(a), a["href"]) for a in more] == [
        ("All 3 answers from Book publishing", "book-publishing/")
    ]
    assert exists(site, resolve("questions/getting-started/", more[0]["href"]))


def test_answer_links_lead_to_the_answer_heading(site: Site) -> None:
    """Every '#question-id' link from a question page lands on a heading of the write-up."""
    for _, href in answer_blocks(site, "typical-day", "R&D / Labs"):
        target = resolve("questions/typical-day/", href)
        page = BeautifulSoup((site.root / "site" / target).read_text(), "html.parser")
        assert page.find("h2", id=urlsplit(href).fragment) is not None, href


def test_excerpts_are_kept_out_of_search_on_question_pages(site: Site) -> None:
    """Search leads to the write-up, not to the copy of its answer on a question page."""
    for name in (
        "questions/getting-started/index.html",
        "questions/getting-started/book-publishing/index.html",
    ):
        html = (site.root / "site" / name).read_text(encoding="utf-8")
        excerpts = BeautifulSoup(html, "html.parser").select("article .interviews-excerpt")
        assert excerpts, name
        for block in excerpts:
            assert block.has_attr("data-search-exclude"), name
    docs = json.loads((site.root / "site" / "search" / "search_index.json").read_text())["docs"]
    phrase = "Editor on getting-started"
    assert [d["location"] for d in docs if phrase in d["text"]] == [
        "interviews/editor/#getting-started"
    ]


def test_search_finds_the_generated_pages(site: Site) -> None:
    docs = json.loads((site.root / "site" / "search" / "search_index.json").read_text())["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert {
        "fields/",
        "fields/musica-film/",
        "questions/",
        "questions/getting-started/",
        "ask/",
    } <= pages
    # Its excerpts are the interviews' text, found in the interviews: the page stays out.
    assert "questions/getting-started/book-publishing/" not in pages


def test_question_by_field_page_lists_every_answer(site: Site) -> None:
    page = article(site, "questions/getting-started/book-publishing")
    headings = page.find_all("h2")
    assert [h.a["href"] for h in headings] == [
        f"../../../interviews/{who}/#getting-started"
        for who in ANSWERS[("getting-started", "book-publishing")]
    ]
    assert [text(e) for e in page.select(".interviews-excerpt")] == [
        f"{who.capitalize()} on getting-started: the answer, in a few plain words."
        for who in ANSWERS[("getting-started", "book-publishing")]
    ]


def test_only_pairs_with_answers_get_a_page(site: Site) -> None:
    for question in LIVE_QUESTIONS:
        for slug in FIELD_NAMES:
            page = f"questions/{question}/{slug}/index.html"
            assert exists(site, page) == ((question, slug) in ANSWERS), page


# -- write-ups --------------------------------------------------------------------------------


def test_writeup_header_links_its_fields(site: Site) -> None:
    """Above the interview: role, interviewee, each field (linked) and the date."""
    meta = article(site, "interviews/composer").select_one(".interviews-meta")
    assert [(text(a), a["href"]) for a in meta.find_all("a")] == [
        ("Música & Film", "../../fields/musica-film/"),
        ("R&D / Labs", "../../fields/r-d-labs/"),
    ]
    # Anonymous, as the listings say it (not the front matter's "anonymous").
    for part in ("Composer and sound researcher", "Anonymous", "20 January 2025"):
        assert part in text(meta)
    editor = text(article(site, "interviews/editor").select_one(".interviews-meta"))
    assert "Ada Lin" in editor and "2 April 2025" in editor


@pytest.mark.parametrize(
    ("slug", "question", "expected"),
    [
        ("composer", "getting-started", "How 4 others answered this question →"),
        ("composer", "typical-day", "How 3 others answered this question →"),
        ("composer", "skills", "How 2 others answered this question →"),
        ("designer", "skills", "How 2 others answered this question →"),
        ("editor", "who-else", "This question across fields →"),
    ],
)
def test_each_answer_links_to_how_others_answered(
    site: Site, slug: str, question: str, expected: str
) -> None:
    links = links_in(section(article(site, f"interviews/{slug}"), TEXTS[question]))
    assert (text(links[0]), links[0]["href"]) == (expected, f"../../questions/{question}/")


def test_writeup_has_an_ask_link_for_its_field(site: Site) -> None:
    footer = article(site, "interviews/composer").select_one(".interviews-footer")
    (link,) = [a for a in footer.find_all("a") if text(a).startswith("Ask someone in")]
    assert text(link) == "Ask someone in Música & Film a question"
    assert ask_query(link["href"])["field"] == ["Música & Film"]


def test_introductions_link_both_ways(site: Site) -> None:
    """'Introduced by' on the newcomer, 'Introduced next' (oldest first) on the referrer."""
    agent = text(article(site, "interviews/agent").select_one(".interviews-footer"))
    assert "Introduced by From intern to editor (Managing editor)" in agent
    footer = article(site, "interviews/editor").select_one(".interviews-footer")
    assert "Introduced next" in text(footer)
    assert "Introduced by" not in text(footer)
    assert [(text(a), a["href"]) for a in footer.find_all("a")][:2] == [
        ("Covers that sell", "../designer/"),
        ("Selling books for a living", "../agent/"),
    ]
    assert "Unfinished radio" not in text(footer)  # a draft introduced by the editor


# -- navigation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["", "fields/musica-film/", "questions/getting-started/book-publishing/", "interviews/editor/"],
)
def test_navigation_holds_only_the_index_pages(site: Site, url: str) -> None:
    """Tabs and sidebar: Home, Fields, Questions, Ask; no interview, field or question page."""
    page = soup(site, url)
    assert [text(a) for a in page.select(".md-tabs a")] == ["Home", "Fields", "Questions", "Ask"]
    nav = page.select_one("nav.md-nav--primary")
    targets = {
        resolve(url, a["href"])
        for a in nav.find_all("a", href=True)
        if not a["href"].startswith(("#", "http"))
    }
    assert targets == {"index.html", "fields/index.html", "questions/index.html", "ask/index.html"}


# -- authors' overrides -------------------------------------------------------------------


def test_a_hand_written_page_wins_over_the_generated_one(make_site) -> None:
    site = make_site(
        {**SITE_FILES, "fields/index.md": "# Our fields\n\nWritten by hand.\n"},
        mkdocs_yml=MKDOCS_YML,
    )
    built = site.build(strict=True)
    assert [
        (record.levelno, record.name, record.getMessage())
        for record in built.records
        if "fields/index.md" in record.getMessage()
    ] == [
        (
            logging.INFO,
            PLUGIN_LOGGER,
            "fields/index.md: a page of the site is used instead of the generated one",
        )
    ]
    page = article(site, "fields")
    assert "Written by hand." in text(page)
    assert "Media & publishing" not in text(page)
    assert exists(site, "fields/musica-film/index.html")  # the other pages are still made


def test_templates_dir_overrides_a_template(make_site) -> None:
    """An author's own field.md.j2 changes every field page, and nothing else (the page's
    trail back up stays)."""
    mkdocs_yml = MKDOCS_YML.replace(
        "answers_per_field: 2", "answers_per_field: 2\n      templates_dir: overrides"
    )
    site = make_site(SITE_FILES, mkdocs_yml=mkdocs_yml)
    (site.root / "overrides").mkdir()
    (site.root / "overrides" / "field.md.j2").write_text(
        "Our own page for {{ field.name }}: {{ index.writeups_in(field)|length }} interviews.\n",
        encoding="utf-8",
    )
    site.build(strict=True)
    assert text(article(site, "fields/musica-film")) == (
        "Música & Film Home Fields Música & Film Our own page for Música & Film: 2 interviews."
    )
    assert article(site, "questions/matrix").select_one(".interviews-matrix table") is not None


# -- configuration errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            f"repo_url: {REPO}\n",
            "",
            "interviews plugin: readers' questions need somewhere to go: set 'repo_url'",
            id="no repo_url, no ask_url",
        ),
        pytest.param(
            "answers_per_field: 2",
            'ask_url: "ftp://x/{field}"',
            "interviews plugin: 'ask_url' must be an http(s) URL, not 'ftp://x/{field}'",
            id="ftp ask_url",
        ),
        pytest.param(
            "answers_per_field: 2",
            "answers_per_field: 0",
            "must be 1 or more, not 0",
            id="no answers per field",
        ),
    ],
)
def test_a_broken_configuration_fails_the_build(make_site, old: str, new: str, message: str):
    """The build stops, and the author reads what to change in mkdocs.yml."""
    assert old in MKDOCS_YML
    site = make_site(SITE_FILES, mkdocs_yml=MKDOCS_YML.replace(old, new))
    errors = site.build(stops=True).messages(logging.ERROR, "mkdocs")
    assert [error for error in errors if message in error], errors
    assert not exists(site, "fields/index.html")


# -- hostile text -------------------------------------------------------------------------

HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> *bold* [link](javascript:alert(1))'
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A site whose field, title, role, summary and interviewee are all hostile text."""
    fields = yaml.safe_dump([{"name": HOSTILE}, {"name": "Book publishing"}], allow_unicode=True)
    interview = writeup_text(
        "hostile",
        ("getting-started", "typical-day"),
        title=HOSTILE,
        field=HOSTILE,
        role=HOSTILE,
        date="2025-04-02",
        summary=HOSTILE,
        interviewee=HOSTILE,
    )
    files = {"fields.yml": fields, "questions.yml": QUESTIONS, "interviews/hostile.md": interview}
    built = new_site(tmp_path_factory.mktemp("hostile"), files, MKDOCS_YML)
    built.build(strict=True)
    return built


HOSTILE_SLUG = "script-alert-1-script-img-src-x-onerror-alert-1-bold-link-javascript-alert-1"


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("fields", id="fields"),
        pytest.param(f"fields/{HOSTILE_SLUG}", id="field"),
        pytest.param("questions/matrix", id="matrix"),
        pytest.param("questions/getting-started", id="question"),
        pytest.param(f"questions/getting-started/{HOSTILE_SLUG}", id="question-by-field"),
        pytest.param("ask", id="ask"),
        pytest.param("interviews/hostile", id="write-up"),
    ],
)
def test_hostile_text_is_shown_as_text(hostile: Site, url: str) -> None:
    """Front-matter and catalog text can't run scripts, add images or links: it reads as typed."""
    page = soup(hostile, url)
    # JSON-LD holds the text as data (with < and > escaped); no other script mentions it.
    scripts = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in scripts if "alert" in s.get_text()]
    # Where an <img> turns up (a <meta> attribute broken open puts it in <head>).
    assert [img.parent.name for img in page.find_all("img")] == []
    assert [a["href"] for a in page.find_all(href=True) if "javascript:" in a["href"]] == []
    assert not [em for em in page.select("article em") if text(em) == "bold"]
    assert HOSTILE in text(page.select_one("article"))


# -- plain file URLs ----------------------------------------------------------------------


def test_the_site_works_without_directory_urls(tmp_path: Path) -> None:
    """With use_directory_urls: false, the matrix still leads to existing pages."""
    site = new_site(tmp_path, SITE_FILES, MKDOCS_YML + "use_directory_urls: false\n")
    site.build(strict=True)
    matrix = "questions/matrix/index.html"
    html = (site.root / "site" / matrix).read_text(encoding="utf-8")
    cells = BeautifulSoup(html, "html.parser").select(".interviews-matrix td a")
    inside = [a["href"] for a in cells if not a["href"].startswith(REPO)]
    assert len(inside) == len(ANSWERS)
    for href in inside:
        assert href.endswith("/index.html"), href
        assert exists(site, resolve(matrix, href)), href
    field = (site.root / "site" / "fields" / "musica-film" / "index.html").read_text()
    for a in BeautifulSoup(field, "html.parser").select("article a[href]"):
        if not a["href"].startswith(("http", "#")):
            target = resolve("fields/musica-film/index.html", a["href"])
            assert exists(site, target), a["href"]
