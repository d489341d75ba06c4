"""The shared readers of an entry's keys: each kind of key, good and bad, and its message."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from mkdocs_interviews.asks import Ask, AskCatalog
from mkdocs_interviews.catalogs import FieldCatalog, QuestionCatalog
from mkdocs_interviews.entries import Entry, read_entries
from mkdocs_interviews.model import Field, Question
from mkdocs_interviews.problems import FileProblems

FIXES = {
    "name": "add its name, like 'name: Tea'",
    "when": "add the day, like 'when: 2025-04-02'",
    "id": "add a short kebab-case id, like 'id: green-tea'",
}

FIELDS = FieldCatalog.of(
    "fields.yml",
    [
        Field("Book publishing", "book-publishing", aliases=("Publishing",)),
        Field("Radio & podcasting", "radio-podcasting"),
    ],
)
QUESTIONS = QuestionCatalog.of(
    "questions.yml",
    [
        Question("typical-day", "What does a typical day look like?", ("A typical day?",)),
        Question("getting-started", "How did you get started?"),
    ],
)


def read(yaml_text: str) -> tuple[Entry, FileProblems]:
    """The one entry of a list whose item is `yaml_text`, labelled "thing 'x'" as a reader
    labels an entry once it has its name."""
    problems = FileProblems("things.yml")
    item = "\n".join(f"  {line}" for line in yaml_text.split("\n"))
    data = f"- kind: thing\n{item}\n".encode()
    entries = read_entries(
        "things.yml", data, problems, "things", "'- name: Tea' entries", ("when", "done"), FIXES
    )
    assert entries is not None
    (entry,) = entries
    entry.label = "thing 'x'"
    return entry, problems


Reader = Callable[[Entry], Any]

READERS: dict[str, Reader] = {
    "text": lambda entry: entry.text("note"),
    "required text": lambda entry: entry.text("name", required=True),
    "flag": lambda entry: entry.flag("done"),
    "date": lambda entry: entry.date("when"),
    "id": lambda entry: (entry.kebab_id("thing", "green-tea"), entry.label),
    "slug": lambda entry: entry.slug("slug", "from-name", "green-tea"),
    "wordings": lambda entry: entry.wordings("aliases"),
    "field": lambda entry: entry.look_up(
        "field", entry.values["field"], "field 'F'", FIELDS, "use a field of fields.yml"
    ),
    "question id": lambda entry: entry.look_up(
        "matches",
        entry.values["matches"],
        "'matches' names 'M', which",
        QUESTIONS,
        "use an id",
        by_key=True,
    ),
    "question": lambda entry: entry.look_up(
        "questions",
        entry.values["questions"][1],
        "question 'Q'",
        QUESTIONS,
        "add it",
        item=1,
    ),
}

CASES: list[tuple[str, str, Any, list[str]]] = [
    # (reader, the entry's keys in YAML, the value read, the problems)
    ("text", "note: ' Strong. '", "Strong.", []),
    ("text", "note: 1:30", "1:30", []),  # a plain scalar is text as written
    ("text", "other: 1", None, []),
    ("text", "note: ''", None, []),
    ("text", "note: [a]", None, ["things.yml:2: thing 'x': 'note' must be text, not a list"]),
    (
        "text",
        "note: !!int '7'",
        None,
        ["things.yml:2: thing 'x': 'note' must be text, not a number (7)"],
    ),
    ("required text", "name: Tea", "Tea", []),
    (
        "required text",
        "other: 1",
        None,
        ["things.yml:1: thing 'x' has no 'name' (add its name, like 'name: Tea')"],
    ),
    (
        "required text",
        "name:",
        None,
        ["things.yml:2: thing 'x' has no 'name' (add its name, like 'name: Tea')"],
    ),
    (
        "required text",
        "name: '  '",
        None,
        ["things.yml:2: thing 'x' has no 'name' (add its name, like 'name: Tea')"],
    ),
    (
        "required text",
        "name: {a: 1}",
        None,
        ["things.yml:2: thing 'x': 'name' must be text, not a mapping (key: value pairs)"],
    ),
    ("flag", "done: true", True, []),
    ("flag", "other: 1", False, []),
    (
        "flag",
        "done: 'yes'",
        False,
        ["things.yml:2: thing 'x': 'done' must be true or false, not 'yes'"],
    ),
    ("flag", "done:", False, ["things.yml:2: thing 'x': 'done' must be true or false, not empty"]),
    ("date", "when: 2025-04-02", datetime.date(2025, 4, 2), []),
    ("date", "when: '2025-04-02T10:00'", datetime.date(2025, 4, 2), []),
    (
        "date",
        "other: 1",
        None,
        ["things.yml:1: thing 'x' has no 'when' (add the day, like 'when: 2025-04-02')"],
    ),
    (
        "date",
        "when: 2025-13-45",
        None,
        ["things.yml:2: thing 'x': 'when' must be a date like 2025-04-02, not '2025-13-45'"],
    ),
    (
        "date",
        "when: ''",
        None,
        ["things.yml:2: thing 'x': 'when' must be a date like 2025-04-02, not ''"],
    ),
    ("id", "id: green-tea", ("green-tea", "thing 'green-tea'"), []),
    ("id", "id: ' green-tea '", ("green-tea", "thing 'green-tea'"), []),
    ("id", "id: 2025", ("2025", "thing '2025'"), []),
    (
        "id",
        "other: 1",
        (None, "thing 'x'"),
        ["things.yml:1: thing 'x' has no 'id' (add a short kebab-case id, like 'id: green-tea')"],
    ),
    (
        "id",
        "id: ' '",
        (None, "thing 'x'"),
        ["things.yml:2: thing 'x' has no 'id' (add a short kebab-case id, like 'id: green-tea')"],
    ),
    (
        "id",
        "id: Green Tea",
        (None, "thing 'x'"),
        [
            "things.yml:2: thing id 'Green Tea' is not kebab-case (use lowercase words joined by "
            "hyphens, like 'green-tea')"
        ],
    ),
    (
        "id",
        "id: '!!'",
        (None, "thing 'x'"),
        [
            "things.yml:2: thing id '!!' is not kebab-case (use lowercase words joined by "
            "hyphens, like 'green-tea')"
        ],
    ),
    (
        "id",
        "id: [a]",
        (None, "thing 'x'"),
        [
            "things.yml:2: thing id '['a']' is not kebab-case (use lowercase words joined by "
            "hyphens, like 'a')"
        ],
    ),
    ("slug", "slug: black-tea", "black-tea", []),
    ("slug", "other: 1", "from-name", []),
    (
        "slug",
        "slug: Black Tea",
        None,
        [
            "things.yml:2: thing 'x': 'slug' 'Black Tea' is not a slug (use lowercase letters, "
            "digits and hyphens, like 'black-tea')"
        ],
    ),
    (
        "slug",
        "slug: '?'",
        None,
        [
            "things.yml:2: thing 'x': 'slug' '?' is not a slug (use lowercase letters, digits and "
            "hyphens, like 'green-tea')"
        ],
    ),
    ("wordings", "aliases: [' Chai ', Masala]", ("Chai", "Masala"), []),
    ("wordings", "other: 1", (), []),
    (
        "wordings",
        "aliases: Chai",
        (),
        [
            "things.yml:2: thing 'x': 'aliases' must be a list of wordings, like [First wording, "
            "Second wording], not 'Chai'"
        ],
    ),
    (
        "wordings",
        "aliases:\n  - Chai\n  - ''",
        (),
        [
            "things.yml:4: thing 'x': 'aliases' must be a list of wordings, like [First wording, "
            "Second wording], not a list holding ''"
        ],
    ),
    ("field", "field: publishing", FIELDS.fields[0], []),
    ("field", "field: radio-podcasting", FIELDS.fields[1], []),
    (
        "field",
        "field: Radoi & podcasting",
        None,
        [
            "things.yml:2: thing 'x': field 'F' is not in fields.yml (did you mean 'Radio & "
            "podcasting'?)"
        ],
    ),
    (
        "field",
        "field: Cooking",
        None,
        ["things.yml:2: thing 'x': field 'F' is not in fields.yml (use a field of fields.yml)"],
    ),
    ("question id", "matches: typical-day", QUESTIONS.questions[0], []),
    (
        "question id",
        "matches: A typical day?",
        None,
        [
            "things.yml:2: thing 'x': 'matches' names 'M', which is not in questions.yml (did you "
            "mean 'typical-day'?)"
        ],
    ),
    (
        "question id",
        "matches: pay",
        None,
        ["things.yml:2: thing 'x': 'matches' names 'M', which is not in questions.yml (use an id)"],
    ),
    (
        "question",
        "questions:\n  - typical-day\n  - how did you get started",
        QUESTIONS.questions[1],
        [],
    ),
    (
        "question",
        "questions:\n  - typical-day\n  - getting-startd",
        None,
        [
            "things.yml:4: thing 'x': question 'Q' is not in questions.yml (did you mean "
            "'getting-started'?)"
        ],
    ),
]


@pytest.mark.parametrize(
    ("reader", "keys", "value", "problems"),
    CASES,
    ids=[f"{case[0]}: {case[1]}" for case in CASES],
)
def test_reader(reader: str, keys: str, value: Any, problems: list[str]) -> None:
    entry, found = read(keys)
    assert READERS[reader](entry) == value
    assert [str(problem) for problem in found.items] == problems


def test_messages_name_no_entry_without_a_label() -> None:
    entry, found = read("note: [a]\ndone: 1")
    entry.label = ""
    assert (entry.text("note"), entry.flag("done")) == (None, False)
    assert [str(problem) for problem in found.items] == [
        "things.yml:2: 'note' must be text, not a list",
        "things.yml:3: 'done' must be true or false, not a number (1)",
    ]


UNKNOWN = [
    "things.yml:2: thing 'x': unknown key 'nmae' (did you mean 'name'?)",
    "things.yml:3: thing 'x': unknown key 'icon' (the keys are kind, name, note)",
    "things.yml:4: thing 'x': unknown key 'tags' (the keys are kind, name, note)",
]


@pytest.mark.parametrize(
    ("others", "problems"),
    [
        (None, UNKNOWN),
        # Where other tools read keys of their own, only a near-miss of ours is a typo.
        (frozenset({"tags"}), UNKNOWN[:1]),
        (frozenset(), UNKNOWN[:1]),
    ],
)
def test_unknown_keys(others: frozenset[str] | None, problems: list[str]) -> None:
    entry, found = read("nmae: Tea\nicon: cup\ntags: [a]")
    entry.unknown_keys(("kind", "name", "note"), others)
    assert [str(problem) for problem in found.items] == problems


def test_an_id_used_twice() -> None:
    problems = FileProblems("things.yml")
    data = b"- id: tea\n- id: coffee\n- id: tea\n"
    entries = read_entries("things.yml", data, problems, "things", "'- id: tea'", fixes=FIXES)
    assert entries is not None
    seen: dict[str, int] = {}
    ids = [str(entry.kebab_id("thing", "tea")) for entry in entries]
    firsts = [entry.unique_id("thing", i, seen) for entry, i in zip(entries, ids, strict=True)]
    assert firsts == [True, True, False]
    assert seen == {"tea": 1, "coffee": 2}
    assert [str(problem) for problem in problems.items] == [
        "things.yml:3: thing id 'tea' is used twice (lines 1 and 3; ids must be unique)"
    ]


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        (
            None,
            [
                "things.yml: the file is missing (create things.yml in the docs folder: a list of "
                "things, '- name: Tea' entries)"
            ],
        ),
        (
            b"  \n",
            ["things.yml: the file is empty (it must be a list of things: '- name: Tea' entries)"],
        ),
        (
            b"# none\n",
            ["things.yml: the file is empty (it must be a list of things: '- name: Tea' entries)"],
        ),
        (
            b"name: Tea\n",
            [
                "things.yml:1: the file must be a list of things ('- name: Tea' entries), not a "
                "mapping (key: value pairs)"
            ],
        ),
        (
            b"- name: [\n",
            [
                "things.yml:2: the file is not valid YAML: did not find expected node content "
                "(check the indentation and quoting near this line)"
            ],
        ),
    ],
)
def test_a_file_that_is_no_list(data: bytes | None, problems: list[str]) -> None:
    found = FileProblems("things.yml")
    assert read_entries("things.yml", data, found, "things", "'- name: Tea' entries") is None
    assert [str(problem) for problem in found.items] == problems


def test_the_entries_of_a_list() -> None:
    problems = FileProblems("things.yml")
    data = b"- name: Tea\n  name: Chai\n- just text\n- name: 1984\n  when: 2025-04-02\n"
    entries = read_entries("things.yml", data, problems, "things", "'- name: Tea'", ("when",))
    assert entries is not None
    assert [(e.label, dict(e.values)) for e in entries] == [
        ("entry 1", {"name": "Chai"}),  # the value read: the last
        # A plain scalar is text as written, but for the `typed` keys.
        ("entry 3", {"name": "1984", "when": datetime.date(2025, 4, 2)}),
    ]
    assert [str(problem) for problem in problems.items] == [
        "things.yml:2: key 'name' is given twice in one entry (lines 1 and 2; keep one)",
        "things.yml:3: entry 2 must be a mapping ('- name: Tea'), not 'just text'",
    ]


def test_one_catalog_shape() -> None:
    assert list(FIELDS) == list(FIELDS.fields)
    assert FIELDS.get("book-publishing") is FIELDS.fields[0]
    assert FIELDS.find(" Book-Publishing ") is FIELDS.fields[0]
    assert FIELDS.suggest("publshing") == "Publishing"  # a wording, as the catalog writes it
    assert QUESTIONS.get("typical-day") is QUESTIONS.find("a typical day") is QUESTIONS.questions[0]
    assert QUESTIONS.suggest("a typicl day") == "typical-day"  # an id
    ask = Ask("tea", "Tea?", FIELDS.fields[0], datetime.date(2025, 4, 2))
    asks = AskCatalog("asks.yml", (ask,))
    assert (asks.asks, asks.get("tea"), asks.get("coffee"), asks.loaded) == (
        (ask,),
        ask,
        None,
        True,
    )
    assert FieldCatalog.of("fields.yml", [], loaded=False).find("Tea") is None
