"""`python -m mkdocs_interviews import-asks`: the ask form's issues added to asks.yml.

The input is made here, as gh's JSON list and as webhook event payloads (no network); the
asks.yml imported into is the sample site's own, with its comments, and the result is read
back with the site's own reading of asks.yml.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Site, run
from mkdocs_interviews import asks as asks_module
from mkdocs_interviews.asks import read_asks
from mkdocs_interviews.catalogs import read_fields, read_questions
from mkdocs_interviews.cli import main

SAMPLE_ASKS = re.sub(
    r"(?m)^  (?:issue|readers): .*\n", "", (ROOT / "content" / "asks.yml").read_text("utf-8")
)
"""The sample's asks.yml, its comments and quoting as they are, without the issues its entries
name: the tests give entries the issues they need."""
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "ask.yml"


def body(field: str | None = "Museums", question: str | None = "What's it like?") -> str:
    """An issue body as GitHub writes it for the ask form (None leaves a section out)."""
    parts = []
    if field is not None:
        parts.append(f"### Field\n\n{field or '_No response_'}")
    if question is not None:
        parts.append(f"### Your question\n\n{question or '_No response_'}")
    parts.append("### Details\n\n_No response_")
    return "\n\n".join(parts)


def gh_issue(
    number: int,
    text: str | None = None,
    *,
    readers: int = 0,
    state: str = "OPEN",
    created: str = "2026-08-01T09:30:00Z",
    **sections: Any,
) -> dict[str, Any]:
    """One issue of `gh issue list --json number,title,body,createdAt,reactionGroups,state,url`."""
    groups = [{"content": "HEART", "users": {"totalCount": 9}}]
    if readers:
        groups.append({"content": "THUMBS_UP", "users": {"totalCount": readers}})
    return {
        "number": number,
        "title": "Question for a field",
        "body": text if text is not None else body(**sections),
        "createdAt": created,
        "reactionGroups": groups,
        "state": state,
        "url": f"https://github.com/example/interviews/issues/{number}",
    }


def event(
    number: int,
    *,
    readers: int = 0,
    labels: tuple[str, ...] = ("reader question",),
    **sections: Any,
) -> dict[str, Any]:
    """A webhook `issues` event's payload."""
    return {
        "action": "opened",
        "issue": {
            "number": number,
            "title": "Question for a field",
            "body": body(**sections),
            "created_at": "2026-08-03T17:00:00Z",
            "state": "open",
            "html_url": f"https://github.com/example/interviews/issues/{number}",
            "reactions": {"+1": readers, "-1": 2, "heart": 5},
            "labels": [{"name": name} for name in labels],
        },
        "repository": {"full_name": "example/interviews"},
    }


@pytest.fixture
def site(make_site) -> Site:
    """A site with the sample site's catalogs, asks.yml (SAMPLE_ASKS) and ask form."""
    content = ROOT / "content"
    files = {name: (content / name).read_text("utf-8") for name in ("fields.yml", "questions.yml")}
    made = make_site({**files, "asks.yml": SAMPLE_ASKS})
    form = made.root / ".github" / "ISSUE_TEMPLATE" / "ask.yml"
    form.parent.mkdir(parents=True)
    shutil.copy(FORM, form)
    return made


@pytest.fixture(autouse=True)
def _issue_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    # `issue` and `readers` are keys of asks.yml (the shared interface of the ask loop); until
    # the site's reading of the file knows them, it is told of them here.
    if "issue" not in asks_module.ASK_KEYS:
        monkeypatch.setattr(asks_module, "ASK_KEYS", (*asks_module.ASK_KEYS, "issue", "readers"))


def import_asks(site: Site, issues: Any, *args: str, capsys: Any) -> tuple[int, str, str]:
    """Run the command in process on `issues` (written as JSON); status, stdout, stderr."""
    path = site.root / "issues.json"
    path.write_text(json.dumps(issues), encoding="utf-8")
    status = main(["-f", str(site.root / "mkdocs.yml"), "import-asks", str(path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def asks_text(site: Site) -> str:
    return (site.docs / "asks.yml").read_text(encoding="utf-8")


def read_back(site: Site) -> tuple[dict[str, Any], list[str]]:
    """The asks of the site's asks.yml, by id, and its problems, as the site reads them."""
    fields, _ = read_fields("fields.yml", (site.docs / "fields.yml").read_bytes())
    questions, _ = read_questions("questions.yml", (site.docs / "questions.yml").read_bytes())
    catalog, problems = read_asks(
        "asks.yml", (site.docs / "asks.yml").read_bytes(), fields, questions
    )
    return {ask.id: ask for ask in catalog.asks}, [str(problem) for problem in problems.items]


def added(before: str, after: str) -> str:
    """What an import appended (and checks it left the file before it as it was)."""
    assert after.startswith(before)
    return after[len(before) :]


def test_gh_list_adds_each_new_issue_as_an_open_ask(site: Site, capsys) -> None:
    issues = [
        gh_issue(
            21,
            readers=3,
            field="Museums",
            question="What does an archivist's first year look like?",
        ),
        gh_issue(
            22,
            field="software development",
            question="Is a bootcamp enough to get hired?",
            created="2026-08-02T23:59:59Z",
        ),
    ]
    status, out, err = import_asks(site, issues, capsys=capsys)
    assert status == 0, err
    assert err == ""
    assert added(SAMPLE_ASKS, asks_text(site)) == (
        "\n"
        "- id: archivist-first-year-look\n"
        "  question: What does an archivist's first year look like?\n"
        "  field: Museums & archives\n"
        "  asked: 2026-08-01\n"
        "  issue: 21\n"
        "  readers: 3\n"
        "  status: open\n"
        "\n"
        "- id: bootcamp-enough-hired\n"
        "  question: Is a bootcamp enough to get hired?\n"
        "  field: Software engineering\n"
        "  asked: 2026-08-02\n"
        "  issue: 22\n"
        "  readers: 0\n"
        "  status: open\n"
    )
    assert out.splitlines()[0] == "asks.yml: added 2, updated 0, skipped 0"
    assert "added issue #21 as 'archivist-first-year-look'" in out
    asks, problems = read_back(site)
    assert problems == []
    assert asks["bootcamp-enough-hired"].field.name == "Software engineering"
    assert asks["archivist-first-year-look"].status == "open"


def test_webhook_payload_from_stdin(site: Site, capsys, monkeypatch) -> None:
    payload = event(30, readers=4, field="Radio", question="How do podcasts find sponsors? 🎙️")
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(payload, ensure_ascii=False).encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    status = main(["-f", str(site.root / "mkdocs.yml"), "import-asks", "-"])
    _out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    new = added(SAMPLE_ASKS, asks_text(site))
    assert "  field: Radio & podcasting\n  asked: 2026-08-03\n  issue: 30\n  readers: 4\n" in new
    assert read_back(site)[1] == []


def test_webhook_of_another_label_or_a_pull_request_is_left_out(site: Site, capsys) -> None:
    status, out, err = import_asks(site, event(31, labels=("bug",)), capsys=capsys)
    assert (status, err) == (0, "")
    assert "skipped issue #31: not labelled 'reader question' (not an ask)" in out
    payload = event(32)
    payload["issue"]["pull_request"] = {"url": "https://api.github.com/x"}
    _, out, _ = import_asks(site, payload, capsys=capsys)
    assert "skipped issue #32: a pull request, not an issue" in out
    assert asks_text(site) == SAMPLE_ASKS
    # --label names another label: the webhook's issue with it is read.
    _, out, _ = import_asks(site, event(31, labels=("bug",)), "--label", "bug", capsys=capsys)
    assert out.startswith("asks.yml: added 1,")
    assert "  issue: 31\n" in asks_text(site)


HOSTILE = [
    'key: "value" # not a comment',
    "- starts like a list item",
    "'single' and \"double\" quotes, a backslash \\ and a tab\there",
    "&anchor *alias !tag %directive @at `tick` |pipe >fold",
    "yes",
    "2025-04-02",
    "007",
    "null",
    "[not, a, list] {not: a mapping}",
    "<script>alert('x')</script> **bold** [link](javascript:alert(1)) {{ jinja }}",
    "First line\nsecond line: with a colon\n\n- third, a list?\n---\n...",
    "Émigré? 你好 مرحبا 🎙️ 👍🏽 — naïve ﬁ ligature",
    "ends with a hash #",
    "How " + "very " * 800 + "long can a question be?",
]


@pytest.mark.parametrize("question", HOSTILE)
def test_hostile_text_is_kept_as_written_and_the_file_stays_valid(
    site: Site, capsys, question: str
) -> None:
    status, _out, err = import_asks(
        site, [gh_issue(40, field="Museums", question=question)], capsys=capsys
    )
    assert (status, err) == (0, "")
    new = added(SAMPLE_ASKS, asks_text(site))
    assert new.count("\n- id: ") == 1  # one entry, whatever the question held
    asks, problems = read_back(site)
    assert problems == []
    (ask,) = [ask for ask in asks.values() if ask.line > SAMPLE_ASKS.count("\n")]
    assert ask.question == question
    assert len(ask.id) <= 48


def test_invisible_characters_are_left_out(site: Site, capsys) -> None:
    question = "Bell\x07 and escape\x1b[31m and\u2028separator?"
    import_asks(site, [gh_issue(41, field="Museums", question=question)], capsys=capsys)
    asks, problems = read_back(site)
    assert problems == []
    assert "Bell and escape[31m andseparator?" in {ask.question for ask in asks.values()}


def test_unreadable_issues_are_reported_by_number_and_skipped(site: Site, capsys) -> None:
    issues = [
        gh_issue(50, field=None, question="Where is my field?"),
        gh_issue(51, field="Museums", question=""),
        gh_issue(52, text=""),
        {**gh_issue(53), "body": None},
        {"title": "no number"},
        gh_issue(54, field="Museums", question="Still imported?"),
    ]
    status, out, err = import_asks(site, issues, capsys=capsys)
    assert status == 0  # the readable issue is imported
    assert err.splitlines() == [
        "issue #50: the body has no '### Field' section (was it made with the ask form? add "
        "the ask to asks.yml by hand)",
        "issue #51: 'Your question' is empty (ask the reader on the issue, or add the ask to "
        "asks.yml by hand)",
        "issue #52: the body has no '### Field' section (was it made with the ask form? add "
        "the ask to asks.yml by hand)",
        "issue #53: the body has no '### Field' section (was it made with the ask form? add "
        "the ask to asks.yml by hand)",
        "the input: an issue has no number (it has None) (left out)",
    ]
    assert "added 1, updated 0, skipped 4" in out
    assert "skipped issue #51: not readable (see the problems)" in out
    assert added(SAMPLE_ASKS, asks_text(site)).count("\n- id: ") == 1


def test_an_edited_form_is_read_with_its_own_labels(site: Site, capsys) -> None:
    form = site.root / ".github" / "ISSUE_TEMPLATE" / "ask.yml"
    form.write_text(
        FORM.read_text(encoding="utf-8")
        .replace("label: Field", "label: Which field?")
        .replace("label: Your question", "label: Ask away"),
        encoding="utf-8",
    )
    renamed = "### Which field?\n\nPublishing\n\n### Ask away\n\nHow do I find an agent?\n"
    status, _out, err = import_asks(site, [gh_issue(60, text=renamed), gh_issue(61)], capsys=capsys)
    assert status == 0
    assert "  question: How do I find an agent?\n  field: Book publishing\n" in asks_text(site)
    # The body of the old form no longer has the form's sections.
    assert err == (
        "issue #61: the body has no '### Which field?' section (was it made with the ask "
        "form? add the ask to asks.yml by hand)\n"
    )


def test_a_form_without_the_inputs_is_a_usage_error(site: Site, capsys) -> None:
    form = site.root / ".github" / "ISSUE_TEMPLATE" / "ask.yml"
    form.write_text(
        FORM.read_text(encoding="utf-8").replace("id: question", "id: q"), encoding="utf-8"
    )
    status, _out, err = import_asks(site, [gh_issue(62)], capsys=capsys)
    assert status == 2
    assert "the form has no input with id 'question' and a label" in err
    assert asks_text(site) == SAMPLE_ASKS


def test_a_closed_issue_not_in_the_file_is_skipped(site: Site, capsys) -> None:
    status, out, err = import_asks(site, [gh_issue(70, state="CLOSED")], capsys=capsys)
    assert (status, err) == (0, "")
    assert "skipped issue #70: closed, and not in the file (nothing to import)" in out
    assert asks_text(site) == SAMPLE_ASKS


# The sample asks.yml with issues recorded on two entries, one with a comment after its
# readers and one without readers, so that their update must leave the rest as it is.
WITH_ISSUES = SAMPLE_ASKS.replace(
    "  asked: 2026-03-20\n",
    "  asked: 2026-03-20\n  issue: 7\n  readers:  2   # counted by hand\n",
).replace(
    "  asked: 2026-05-07\n",
    "  asked: 2026-05-07\n  issue: 8\n",
)


def test_an_issue_already_there_updates_its_readers_only(site: Site, capsys) -> None:
    site.write({"asks.yml": WITH_ISSUES})
    issues = [
        gh_issue(7, readers=5, field="Bookbinding", question="Edited by the reader since?"),
        gh_issue(8, readers=1, state="CLOSED"),
        gh_issue(9, field="Magazines", question="How do I pitch a magazine?"),
    ]
    status, out, err = import_asks(site, issues, capsys=capsys)
    assert (status, err) == (0, "")
    after = asks_text(site)
    expected = WITH_ISSUES.replace(
        "  readers:  2   # counted by hand\n", "  readers:  5   # counted by hand\n"
    ).replace("  issue: 8\n", "  issue: 8\n  readers: 1\n")
    new = added(expected, after)
    assert new.startswith("\n- id: pitch-magazine\n")
    assert "issue: 7" not in new and "issue: 8" not in new
    assert "updated issue #7: readers 2 -> 5" in out
    assert "updated issue #8: readers 0 -> 1" in out
    # Run again on the same issues: nothing changes, nothing is added twice.
    status, out, err = import_asks(site, issues, capsys=capsys)
    assert asks_text(site) == after
    assert out.splitlines()[0] == "asks.yml: added 0, updated 0, skipped 0"
    _asks, problems = read_back(site)
    assert problems == []


def test_a_file_with_windows_newlines_keeps_them(site: Site, capsys) -> None:
    site.write({"asks.yml": WITH_ISSUES.replace("\n", "\r\n").encode("utf-8")})
    issues = [gh_issue(7, readers=3), gh_issue(8, readers=1), gh_issue(90, question="Why?")]
    import_asks(site, issues, capsys=capsys)
    after = (site.docs / "asks.yml").read_bytes().decode("utf-8")
    expected = WITH_ISSUES.replace("readers:  2 ", "readers:  3 ").replace(
        "  issue: 8\n", "  issue: 8\n  readers: 1\n"
    )
    new = added(expected.replace("\n", "\r\n"), after)
    assert new.startswith("\r\n- id: ") and "\n" not in new.replace("\r\n", "")


def test_field_not_in_the_catalog_is_kept_and_reported_with_a_suggestion(
    site: Site, capsys
) -> None:
    issues = [gh_issue(80, field="Book publshing", question="How do I become an editor?")]
    status, _out, err = import_asks(site, issues, capsys=capsys)
    assert status == 0
    assert err == (
        "issue #80: field 'Book publshing' is not in fields.yml (did you mean 'Book "
        "publishing'? choose the field of ask 'become-editor' in asks.yml)\n"
    )
    new = added(SAMPLE_ASKS, asks_text(site))
    assert "  field: Book publshing  # not in fields.yml: did you mean 'Book publishing'? " in new
    # The site's check says so too, on that line, until the author chooses.
    _asks, problems = read_back(site)
    assert problems == [
        f"asks.yml:{SAMPLE_ASKS.count(chr(10)) + 4}: ask 'become-editor': field 'Book "
        "publshing' is not in fields.yml (did you mean 'Book publishing'?)"
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("museums", "Museums & archives"),
        ("RADIO  &  Podcasting", "Radio & podcasting"),
        ("radio-and-podcasting", "Radio & podcasting"),
        ("Video editing", "Film post-production"),
    ],
)
def test_field_found_by_name_slug_or_alias(site: Site, capsys, written: str, name: str) -> None:
    import_asks(site, [gh_issue(81, field=written, question="Q?")], capsys=capsys)
    assert f"  field: {name}\n" in asks_text(site)


def test_matches_and_merged_into_are_suggested_as_comments(site: Site, capsys) -> None:
    issues = [
        gh_issue(100, field="Magazines", question="What's a typical day like?"),
        gh_issue(101, field="Museums", question="What does a digital archivist do all day?"),
        gh_issue(102, field="Museums", question="Which museums hire on Tuesdays?"),
        # The same question again, in the same import: merged into the first.
        gh_issue(103, field="Magazines", question="What is a typical day like?"),
    ]
    status, out, err = import_asks(site, issues, capsys=capsys)
    assert (status, err) == (0, "")
    new = added(SAMPLE_ASKS, asks_text(site))
    entries = new.removeprefix("\n- id: ").split("\n\n- id: ")
    assert entries[0].endswith(
        '  status: open\n  # matches: typical-day  # suggested, like "What is a typical day '
        "like?\": remove the first '#' to confirm"
    )
    assert (
        "  # merged_into: archivist-day  # suggested, the same question in other words"
        in (entries[1])
    )
    assert "#" not in entries[2]
    assert "  # merged_into: typical-day  # suggested" in entries[3]
    assert "suggested for issue #101: merged_into: archivist-day" in out
    # The author confirms one by removing its '#': the site reads it.
    site.write(
        {
            "asks.yml": asks_text(site).replace(
                "  # matches: typical-day", "  matches: typical-day", 1
            )
        }
    )
    asks, problems = read_back(site)
    assert problems == []
    assert asks["typical-day"].matches is not None
    assert asks["typical-day"].matches.id == "typical-day"


def test_ids_are_unique_in_the_file(site: Site, capsys) -> None:
    issues = [
        gh_issue(n, field="Museums", question="Do you need a master's degree?") for n in (110, 111)
    ]
    issues.append(gh_issue(112, field="Museums", question="🎙️ ?"))
    import_asks(site, issues, capsys=capsys)
    asks, problems = read_back(site)
    assert problems == []
    assert {"need-master-degree", "need-master-degree-2", "ask-112"} <= set(asks)


def test_dry_run_prints_the_change_and_writes_nothing(site: Site, capsys) -> None:
    status, out, _err = import_asks(
        site,
        [gh_issue(120, readers=2, field="Museums", question="Any openings?")],
        "--dry-run",
        capsys=capsys,
    )
    assert status == 0
    assert asks_text(site) == SAMPLE_ASKS
    assert "+- id: openings\n+  question: Any openings?\n" in out
    assert "asks.yml: added 1, updated 0, skipped 0 (dry run: nothing written)" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "the input is not JSON"),
        ('{"action": "opened"}', "neither a list of issues"),
        ('"text"', "neither a list of issues"),
    ],
)
def test_unreadable_input_fails_and_writes_nothing(
    site: Site, capsys, text: str, message: str
) -> None:
    path = site.root / "issues.json"
    path.write_text(text, encoding="utf-8")
    status = main(["-f", str(site.root / "mkdocs.yml"), "import-asks", str(path)])
    _out, err = capsys.readouterr()
    assert status == 1
    assert message in err and err.startswith(f"error: {path}: ")
    assert asks_text(site) == SAMPLE_ASKS


def test_a_broken_asks_file_is_not_written(site: Site, capsys) -> None:
    site.write({"asks.yml": "- id: x\n  question: [unclosed\n"})
    status, _out, err = import_asks(site, [gh_issue(130)], capsys=capsys)
    assert status == 1
    assert "asks.yml cannot be read" in err
    assert asks_text(site) == "- id: x\n  question: [unclosed\n"


def test_without_an_asks_file_one_is_made(site: Site, capsys) -> None:
    site.write({"asks.yml": None})
    import_asks(site, [gh_issue(140, field="Museums", question="First ask?")], capsys=capsys)
    text = asks_text(site)
    assert text.startswith("# Readers' questions")
    asks, problems = read_back(site)
    assert (list(asks), problems) == (["first-ask"], [])


def test_the_command_line(site: Site, tmp_path: Path) -> None:
    issues = [gh_issue(150, readers=1, field="Museums", question="Is the pay fair: honestly?")]
    (site.root / "issues.json").write_text(json.dumps(issues), encoding="utf-8")
    result = run(["-m", "mkdocs_interviews", "import-asks", "issues.json"], cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("asks.yml: added 1, updated 0, skipped 0\n")
    assert "  question: 'Is the pay fair: honestly?'\n" in asks_text(site)


def test_an_entry_not_written_one_key_a_line_is_reported_not_broken(site: Site, capsys) -> None:
    text = SAMPLE_ASKS + (
        "\n- {id: flow-ask, question: Flow?, field: Radio, asked: 2026-01-01, issue: 3}\n"
        "\n- id: next-line\n  question: Next line?\n  field: Radio\n  asked: 2026-01-02\n"
        "  issue: 4\n  readers:\n    1\n"
    )
    site.write({"asks.yml": text})
    status, _out, err = import_asks(
        site, [gh_issue(3, readers=2), gh_issue(4, readers=2)], capsys=capsys
    )
    assert status == 0
    assert asks_text(site) == text
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "flow-ask" in line]
    lines.append(text.splitlines().index("- id: next-line") + 1)
    assert err.splitlines() == [
        f"issue #{n}: ask '{name}' (line {line} of asks.yml) is not written one key a line, so "
        "its readers were left as they are (set 'readers: 2' by hand)"
        for n, name, line in ((3, "flow-ask", lines[0]), (4, "next-line", lines[1]))
    ]


def test_a_file_that_ends_oddly_is_not_written(site: Site, capsys) -> None:
    site.write({"asks.yml": SAMPLE_ASKS + "...\n"})
    status, _out, err = import_asks(site, [gh_issue(160, question="After the end?")], capsys=capsys)
    assert status == 1
    assert "asks.yml does not end in a way new entries can follow" in err
    assert asks_text(site) == SAMPLE_ASKS + "...\n"


def test_an_issue_listed_twice_is_added_once(site: Site, capsys) -> None:
    _status, out, _err = import_asks(site, [gh_issue(170, question="Twice?")] * 2, capsys=capsys)
    assert out.splitlines()[0] == "asks.yml: added 1, updated 0, skipped 0"
    assert asks_text(site).count("issue: 170") == 1


def test_odd_shapes_of_the_input_do_not_stop_the_import(site: Site, capsys) -> None:
    repeated = body(field="Radio", question="Real question?") + (
        "\n\n### Your question\n\nTyped again in the details"
    )
    issues = [
        {**gh_issue(180, field="Radio", question="Odd reactions?"), "reactionGroups": "many"},
        {
            **gh_issue(181, field="Radio", question="Odd users?"),
            "reactionGroups": [{"content": "THUMBS_UP", "users": 3}],
        },
        gh_issue(182, text=repeated, readers=2),
        {**gh_issue(183), "number": "183"},
        "not an issue",
    ]
    status, out, err = import_asks(site, issues, capsys=capsys)
    assert status == 0
    assert out.splitlines()[0] == "asks.yml: added 3, updated 0, skipped 0"
    assert err.splitlines() == [
        "the input: an issue has no number (it has '183') (left out)",
        "the input: an item of the input is not an issue, but str (left out)",
    ]
    new = added(SAMPLE_ASKS, asks_text(site))
    assert "  question: Odd reactions?\n" in new and "  question: Odd users?\n" in new
    assert "  question: Real question?\n" in new and "Typed again" not in new
    assert new.count("  readers: 0\n") == 2 and "  readers: 2\n" in new


def test_the_sample_sites_own_issues_are_never_added_again(site: Site, capsys) -> None:
    """The sample's asks.yml as it is, with the issues its entries name: importing those
    issues again adds nothing and changes only a count that moved."""
    real = (ROOT / "content" / "asks.yml").read_text("utf-8")
    site.write({"asks.yml": real})
    named = [int(n) for n in re.findall(r"(?m)^  issue: (\d+)$", real)]
    assert named, "the sample names issues"
    counts = dict(re.findall(r"(?m)^  issue: (\d+)\n  readers: (\d+)$", real))
    issues = [gh_issue(n, readers=int(counts.get(str(n), 0))) for n in named]
    status, out, err = import_asks(site, issues, capsys=capsys)
    assert (status, err) == (0, "")
    assert asks_text(site) == real
    assert out.splitlines()[0] == "asks.yml: added 0, updated 0, skipped 0"
    issues[0] = gh_issue(named[0], readers=int(counts.get(str(named[0]), 0)) + 1)
    import_asks(site, issues, capsys=capsys)
    assert len(re.findall(rf"(?m)^  issue: {named[0]}$", asks_text(site))) == 1
