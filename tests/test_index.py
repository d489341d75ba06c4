"""Unit tests of the cross-indexes behind the generated pages (no build)."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from conftest import catalogs, dedent, writeup
from mkdocs_interviews import Project, read_project
from mkdocs_interviews.asks import Ask
from mkdocs_interviews.catalogs import QuestionCatalog
from mkdocs_interviews.index import Index, build_index
from mkdocs_interviews.model import Question

FIELDS = dedent(
    """
    - name: Radio & podcasting
      group: Media & publishing
    - name: Zoology
    - name: Book publishing
      group: Media & publishing
    - name: Música & Film
      group: Arts & design
    - name: Music production
      group: Arts & design
    - name: Ópera
      group: Arts & design
    - name: acting
      group: Arts & design
    - name: R&D / Labs
    """
)

WRITEUPS = {
    "interviews/editor.md": writeup(
        field="Book publishing",
        date="2025-04-02",
        questions=("getting-started", "typical-day", "who-else"),
    ),
    "interviews/agent.md": writeup(
        field="Book publishing",
        date="2024-11-15",
        questions=("getting-started", "typical-day"),
        extra="referred_by: editor\n",
    ),
    "interviews/designer.md": writeup(
        field="Book publishing",
        date="2023-06-01",
        questions=("getting-started", "skills"),
        extra="referred_by: editor\n",
    ),
    "interviews/composer.md": writeup(
        field="[musica-film, 'R&D / Labs']",
        date="2025-01-20",
        questions=("getting-started", "typical-day"),
    ),
    "interviews/researcher.md": writeup(
        field="R&D / Labs",
        date="2024-03-05",
        questions=("typical-day", "skills"),
        extra="referred_by: composer\n",
    ),
    # Same date as `agent`: the slug breaks the tie.
    "interviews/acquirer.md": writeup(
        field="Book publishing", date="2024-11-15", questions=("getting-started",)
    ),
    "interviews/draft.md": writeup(
        field="Radio & podcasting",
        date="2025-05-01",
        questions=("getting-started", "typical-day", "who-else"),
        extra="draft: true\nreferred_by: editor\n",
    ),
    # Introduced by a draft: nobody published introduced it.
    "interviews/host.md": writeup(
        field="Zoology", date="2022-01-01", questions=("skills",), extra="referred_by: draft\n"
    ),
}


def read(files: dict[str, str]) -> Project:
    sources = {"fields.yml": FIELDS.encode(), "questions.yml": catalogs()["questions.yml"].encode()}
    sources.update({path: text.encode() for path, text in files.items()})
    project = read_project(sources)
    assert [str(p) for p in project.problems] == []
    return project


@pytest.fixture(scope="module")
def index() -> Index:
    project = read(WRITEUPS)
    return build_index(project.fields.fields, project.questions.questions, project.writeups)


def field(index: Index, slug: str):
    (found,) = [f for f in index.fields if f.slug == slug]
    return found


def question(index: Index, question_id: str):
    (found,) = [q for q in index.questions if q.id == question_id]
    return found


def slugs(listed) -> list[str]:
    return [getattr(item, "writeup", item).slug for item in listed]


def test_writeups_are_newest_first_without_drafts(index: Index) -> None:
    """Listings start with the latest interview; same-day interviews keep a stable order."""
    assert slugs(index.listings.writeups) == [
        "editor",
        "composer",
        "acquirer",
        "agent",
        "researcher",
        "designer",
        "host",
    ]


def test_writeups_in_a_field_include_secondary_fields(index: Index) -> None:
    """An interview with two fields is listed on both fields' pages."""
    assert slugs(index.listings.writeups_in(field(index, "book-publishing"))) == [
        "editor",
        "acquirer",
        "agent",
        "designer",
    ]
    assert slugs(index.listings.writeups_in(field(index, "musica-film"))) == ["composer"]
    assert slugs(index.listings.writeups_in(field(index, "r-d-labs"))) == ["composer", "researcher"]
    assert index.listings.writeups_in(field(index, "radio-podcasting")) == []


def test_drafts_are_left_out_everywhere(index: Index) -> None:
    radio = field(index, "radio-podcasting")
    assert "draft" not in slugs(index.listings.writeups)
    assert index.listings.writeup("draft") is None
    assert index.listings.writeup("editor") is not None
    assert index.listings.questions_in(radio) == []
    for q in index.questions:
        assert index.listings.count(q, radio) == 0
        assert "draft" not in slugs(index.listings.answers_to(q))
        assert radio not in index.listings.fields_answering(q)
    editor = index.listings.writeup("editor")
    assert "draft" not in slugs(index.introductions.introduced_next(editor))


@pytest.mark.parametrize(
    ("question_id", "expected"),
    [
        ("getting-started", ["editor", "composer", "acquirer", "agent", "designer"]),
        ("typical-day", ["editor", "composer", "agent", "researcher"]),
        ("skills", ["researcher", "designer", "host"]),
        ("who-else", ["editor"]),
    ],
)
def test_answers_to_a_question_newest_first(
    index: Index, question_id: str, expected: list[str]
) -> None:
    """A question page lists each answer once, newest first, even from two-field interviews."""
    listed = index.listings.answers_to(question(index, question_id))
    assert slugs(listed) == expected
    assert {entry.answer.question.id for entry in listed} == {question_id}


@pytest.mark.parametrize(
    ("question_id", "field_slug", "expected"),
    [
        ("getting-started", "book-publishing", ["editor", "acquirer", "agent", "designer"]),
        ("getting-started", "musica-film", ["composer"]),
        ("getting-started", "r-d-labs", ["composer"]),
        ("typical-day", "r-d-labs", ["composer", "researcher"]),
        ("typical-day", "musica-film", ["composer"]),
        ("skills", "musica-film", []),
        ("who-else", "zoology", []),
        ("getting-started", "radio-podcasting", []),
    ],
)
def test_answers_in_a_cell(
    index: Index, question_id: str, field_slug: str, expected: list[str]
) -> None:
    """A coverage-matrix cell counts the answers from every interview in that field."""
    q, f = question(index, question_id), field(index, field_slug)
    assert slugs(index.listings.answers_in(q, f)) == expected
    assert index.listings.count(q, f) == len(expected)


def test_questions_in_a_field_in_catalog_order(index: Index) -> None:
    counts = {
        f.slug: [(q.id, n) for q, n in index.listings.questions_in(f)]
        for f in index.fields
        if index.listings.questions_in(f)
    }
    assert counts == {
        "book-publishing": [
            ("getting-started", 4),
            ("typical-day", 2),
            ("skills", 1),
            ("who-else", 1),
        ],
        "musica-film": [("getting-started", 1), ("typical-day", 1)],
        "r-d-labs": [("getting-started", 1), ("typical-day", 2), ("skills", 1)],
        "zoology": [("skills", 1)],
    }


def test_fields_answering_a_question_by_name(index: Index) -> None:
    assert [
        f.name for f in index.listings.fields_answering(question(index, "getting-started"))
    ] == [
        "Book publishing",
        "Música & Film",
        "R&D / Labs",
    ]
    assert [f.name for f in index.listings.fields_answering(question(index, "who-else"))] == [
        "Book publishing"
    ]


def test_fields_sort_by_name_ignoring_case_accents_and_punctuation(index: Index) -> None:
    """'Música & Film' is found among the M's, 'Ópera' among the O's, 'acting' first."""
    names = [f.name for f in index.fields]
    assert names[0] == "acting"
    assert names.index("Book publishing") < names.index("Music production")
    assert names.index("Music production") < names.index("Música & Film")
    assert names.index("Música & Film") < names.index("Ópera") < names.index("Radio & podcasting")
    assert names[-1] == "Zoology"
    assert sorted(names) != names  # plain code-point order would put 'acting' and 'Ó' last


def test_groups_in_catalog_order_ungrouped_last(index: Index) -> None:
    """The fields page shows groups as the catalog orders them, 'other fields' at the end."""
    assert [(group, [f.name for f in fields]) for group, fields in index.groups] == [
        ("Media & publishing", ["Book publishing", "Radio & podcasting"]),
        ("Arts & design", ["acting", "Music production", "Música & Film", "Ópera"]),
        (None, ["R&D / Labs", "Zoology"]),
    ]


def test_introductions(index: Index) -> None:
    """'Introduced by' names the referrer; 'introduced next' lists those it led to, oldest first."""
    by_slug = {w.slug: w for w in index.listings.writeups}
    assert index.introductions.introduced_by(by_slug["agent"]) == by_slug["editor"]
    assert index.introductions.introduced_by(by_slug["researcher"]) == by_slug["composer"]
    assert index.introductions.introduced_by(by_slug["editor"]) is None
    assert index.introductions.introduced_by(by_slug["host"]) is None  # introduced by a draft
    assert slugs(index.introductions.introduced_next(by_slug["editor"])) == ["designer", "agent"]
    assert slugs(index.introductions.introduced_next(by_slug["composer"])) == ["researcher"]
    assert index.introductions.introduced_next(by_slug["agent"]) == []


def test_an_empty_site_has_empty_listings() -> None:
    project = read({})
    index = build_index(project.fields.fields, project.questions.questions, project.writeups)
    assert index.listings.writeups == ()
    assert all(index.listings.writeups_in(f) == [] for f in index.fields)
    assert all(index.listings.fields_answering(q) == [] for q in index.questions)
    assert [q.id for q in index.questions] == [
        "getting-started",
        "typical-day",
        "skills",
        "who-else",
    ]


def test_the_question_catalog_is_kept_and_a_retired_question_finds_its_replacement() -> None:
    questions = [
        Question("new-start", "How did you start?"),
        Question(
            "getting-started", "How did you get started?", retired=True, replaced_by="new-start"
        ),
        Question("gone", "Anything else?", retired=True, replaced_by="never-written"),
    ]
    catalog = QuestionCatalog.of("questions.yml", questions)
    index = build_index([], catalog, [])
    assert index.question_catalog is catalog
    assert index.questions == tuple(questions)
    assert index.question("gone") is questions[2]
    assert index.replacement(questions[1]) is questions[0]
    assert index.replacement(questions[2]) is None
    assert index.replacement(questions[0]) is None
    # Given the questions alone, the index makes their catalog.
    assert build_index([], questions, []).question("new-start") == questions[0]


def test_fields_in_the_queue_are_those_readers_asked_about_by_name(index: Index) -> None:
    zoology, labs = field(index, "zoology"), field(index, "r-d-labs")
    asked = datetime.date(2025, 1, 1)
    asks = [
        Ask("bees", "Do bees sleep?", zoology, asked),
        Ask("lab", "Who funds a lab?", labs, asked),
        Ask("lab-again", "Who pays for labs?", labs, asked, merged_into="lab"),
    ]
    queued = build_index(index.fields, index.questions, [], asks)
    assert [f.slug for f in queued.fields_in_queue()] == ["r-d-labs", "zoology"]
    assert [a.id for a in queued.queue.asks_in(labs)] == ["lab"]
    assert [a.id for a in queued.queue.merged_into(asks[1])] == ["lab-again"]


def test_introductions_and_answered_questions_are_kept_by_path(index: Index) -> None:
    """A write-up sharing the slug of a published one (one the project leaves out) is not
    taken for it: it has none of its introductions or readers' questions."""
    editor = index.listings.writeup("editor")
    assert editor is not None
    namesake = dataclasses.replace(editor, path="interviews/2020/editor.md", referred_by=None)
    assert index.introductions.introduced_next(editor) != []
    assert index.introductions.introduced_next(namesake) == []
    assert index.introductions.chain_root(namesake) is namesake
    assert not index.listings.lists(namesake) and index.listings.lists(editor)
    ask = Ask("edit", "What do editors do?", editor.field, editor.date, "answered", "editor")
    queued = build_index(index.fields, index.questions, index.listings.writeups, [ask])
    assert queued.queue.answering(ask) is editor
    assert queued.queue.asks_answered_by(editor) == [ask]
    assert queued.queue.asks_answered_by(namesake) == []
