"""`notify`: the readers of newly answered asks are told on their issues, once, offline.

A fake `gh` (a script first on PATH) records every call, arguments and standard input, and
answers `issue view` from issues the test made; the comments it is given are stored, so a
second run sees them as GitHub would.
"""

from __future__ import annotations

import io
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import Site, run, writeup
from mkdocs_interviews.notify import Gh, Run, notify

SITE_URL = "https://example.org/interviews/"

FAKE_GH = """\
#!{python}
import json, os, sys
state = os.environ["FAKE_GH_STATE"]
args = sys.argv[1:]
stdin = sys.stdin.read() if "-" in args else None
with open(os.path.join(state, "calls.jsonl"), "a", encoding="utf-8") as calls:
    calls.write(json.dumps({{"argv": args, "stdin": stdin}}) + "\\n")
with open(os.path.join(state, "issues.json"), encoding="utf-8") as file:
    issues = json.load(file)
if "--repo" in args:
    at = args.index("--repo")
    args = args[:at] + args[at + 2:]
kind, number = args[1], args[2]
if [kind, number] in issues.get("fail", []) or number not in issues:
    sys.exit("HTTP 502: the fake gh fails " + kind + " " + number)
issue = issues[number]
if args == ["issue", "view", number, "--json", "comments,state"]:
    print(json.dumps({{"state": issue["state"], "comments": issue["comments"]}}))
elif args == ["issue", "comment", number, "--body-file", "-"]:
    issue["comments"].append({{"body": stdin}})
elif args == ["issue", "close", number, "--reason", "completed"]:
    issue["state"] = "CLOSED"
else:
    sys.exit("unknown command: " + " ".join(args))
with open(os.path.join(state, "issues.json"), "w", encoding="utf-8") as file:
    json.dump(issues, file)
"""


class FakeGh:
    """The fake `gh`'s issues and the calls it was given."""

    def __init__(self, root: Path) -> None:
        self.state = root

    def issues(self, issues: dict[int, str], fail: list[tuple[str, int]] = ()) -> None:
        """Issues by number, each OPEN or CLOSED with no comments; `fail`: (command, issue)
        calls that exit with an error."""
        data: dict[str, Any] = {
            str(n): {"state": state, "comments": []} for n, state in issues.items()
        }
        data["fail"] = [[kind, str(n)] for kind, n in fail]
        (self.state / "issues.json").write_text(json.dumps(data), encoding="utf-8")

    def issue(self, number: int) -> dict[str, Any]:
        data = json.loads((self.state / "issues.json").read_text(encoding="utf-8"))
        issue: dict[str, Any] = data[str(number)]
        return issue

    def reopen(self, number: int) -> None:
        data = json.loads((self.state / "issues.json").read_text(encoding="utf-8"))
        data[str(number)]["state"] = "OPEN"
        (self.state / "issues.json").write_text(json.dumps(data), encoding="utf-8")

    def calls(self) -> list[dict[str, Any]]:
        path = self.state / "calls.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def writes(self) -> list[list[str]]:
        """The calls that change an issue, by argv."""
        return [c["argv"] for c in self.calls() if c["argv"][1] in ("comment", "close")]


@pytest.fixture
def gh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeGh:
    """The fake `gh`, first on PATH."""
    bin_dir, state = tmp_path / "bin", tmp_path / "gh-state"
    bin_dir.mkdir()
    state.mkdir()
    script = bin_dir / "gh"
    script.write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_GH_STATE", str(state))
    fake = FakeGh(state)
    fake.issues({})
    return fake


def ask(ask_id: str, **keys: Any) -> dict[str, Any]:
    """An item of api/asks.json, as ASK_LOOP's open data gives it; open, without issue."""
    item: dict[str, Any] = {
        "id": ask_id,
        "question": f"The question of {ask_id}?",
        "field": "Book publishing",
        "field_slug": "book-publishing",
        "asked": "2025-01-10",
        "status": "open",
        "issue": None,
        "issue_url": None,
        "readers": 0,
        "merged_into": None,
        "answered_in": None,
        "answer_url": None,
    }
    item.update(keys)
    if item["issue"] is not None:
        item["issue_url"] = f"https://github.com/example/interviews/issues/{item['issue']}"
    return item


def answered(ask_id: str, issue: int | None, anchor: str = "typical-day", **keys: Any) -> Any:
    """An ask answered by the write-up `editor`, at the answer's anchor."""
    keys.setdefault("answer_url", f"{SITE_URL}interviews/editor/#{anchor}")
    return ask(ask_id, status="answered", issue=issue, answered_in="editor", **keys)


def built_site(root: Path, asks: list[Any]) -> Path:
    """A built site's folder holding these asks' open data (and the write-ups' titles)."""
    (root / "api").mkdir(parents=True)
    (root / "api" / "asks.json").write_text(json.dumps(asks), encoding="utf-8")
    titles = [{"slug": "editor", "title": "The editor"}]
    (root / "api" / "interviews.json").write_text(json.dumps(titles), encoding="utf-8")
    return root


def previous_file(path: Path, asks: list[Any]) -> Path:
    path.write_text(json.dumps(asks), encoding="utf-8")
    return path


def notified(site: Path, previous: Path | None = None, **modes: bool) -> tuple[int, str, str]:
    """`notify` in process: its exit status, output and errors."""
    out, err = io.StringIO(), io.StringIO()
    status = notify(Run(site, previous, **modes), Gh(), out, err)
    return status, out.getvalue(), err.getvalue()


def rendered(text: str) -> BeautifulSoup:
    """A comment as a Markdown renderer shows it (Python-Markdown: raw HTML passes through,
    as GitHub's Markdown lets some through)."""
    return BeautifulSoup(markdown.markdown(text), "html.parser")


# -- deciding and telling ------------------------------------------------------------------


def test_a_newly_answered_ask_is_told_with_the_answer_address_then_closed(
    tmp_path: Path, gh: FakeGh
) -> None:
    gh.issues({12: "OPEN"})
    site = built_site(tmp_path / "site", [answered("editor-day", 12), ask("other", issue=13)])
    status, out, err = notified(site, previous_file(tmp_path / "prev.json", []))
    assert status == 0, err
    assert gh.writes() == [
        ["issue", "comment", "12", "--body-file", "-"],
        ["issue", "close", "12", "--reason", "completed"],
    ]
    (comment,) = gh.issue(12)["comments"]
    page = rendered(comment["body"])
    (link,) = page.find_all("a")  # the address, linked
    assert link["href"] == f"{SITE_URL}interviews/editor/#typical-day"
    assert "The editor" in page.get_text()
    assert page.blockquote.get_text(strip=True) == "The question of editor-day?"
    assert "<!-- interviews:answered editor-day -->" in comment["body"]
    assert gh.issue(12)["state"] == "CLOSED"
    assert "issue #12 (ask editor-day): told, and closed" in out


def test_an_ask_answered_in_the_previous_deployment_is_not_told_again(
    tmp_path: Path, gh: FakeGh
) -> None:
    gh.issues({12: "OPEN"})
    asks = [answered("editor-day", 12)]
    site = built_site(tmp_path / "site", asks)
    status, out, _ = notified(site, previous_file(tmp_path / "prev.json", asks))
    assert (status, gh.calls()) == (0, [])
    assert "No newly answered ask" in out


def test_an_answer_moved_to_another_address_is_decided_again_but_the_marker_holds(
    tmp_path: Path, gh: FakeGh
) -> None:
    gh.issues({12: "OPEN"})
    before = previous_file(tmp_path / "prev.json", [answered("editor-day", 12)])
    site = built_site(tmp_path / "site", [answered("editor-day", 12, anchor="skills")])
    told = {"state": "CLOSED", "comments": [{"body": "<!-- interviews:answered editor-day -->"}]}
    (gh.state / "issues.json").write_text(json.dumps({"12": told, "fail": []}), encoding="utf-8")
    status, out, _ = notified(site, before, dry_run=True)
    assert status == 0
    assert json.loads(out) == [
        {
            "ask": "editor-day",
            "issue": 12,
            "answer_url": f"{SITE_URL}interviews/editor/#skills",
            "via": None,
            "action": "already-told",
        }
    ]
    assert gh.writes() == []


@pytest.mark.parametrize(
    "previous",
    [None, "missing", "", "<!doctype html><title>404 Not Found</title>", '{"not": "a list"}'],
    ids=["not-given", "missing", "empty", "a-404-page", "an-object"],
)
def test_no_readable_previous_deployment_means_nothing_answered_before(
    tmp_path: Path, gh: FakeGh, previous: str | None
) -> None:
    gh.issues({12: "OPEN"})
    site = built_site(tmp_path / "site", [answered("editor-day", 12)])
    path = None if previous is None else tmp_path / "prev.json"
    if path is not None and previous != "missing":
        path.write_text(previous, encoding="utf-8")
    status, _, err = notified(site, path)
    assert status == 0
    assert "every answered ask counts as newly answered" in err
    assert len(gh.issue(12)["comments"]) == 1


def test_run_twice_it_comments_once(tmp_path: Path, gh: FakeGh) -> None:
    gh.issues({12: "OPEN", 14: "OPEN"})
    site = built_site(tmp_path / "site", [answered("editor-day", 12), answered("agent", 14)])
    assert notified(site)[0] == 0
    gh.reopen(14)  # by someone, in between: told once all the same
    status, out, _ = notified(site)
    assert status == 0
    assert [len(gh.issue(n)["comments"]) for n in (12, 14)] == [1, 1]
    assert [c["argv"][1] for c in gh.calls()].count("comment") == 2
    assert "already told" in out


def test_a_closed_issue_gets_the_comment_but_is_not_closed_again(
    tmp_path: Path, gh: FakeGh
) -> None:
    gh.issues({12: "CLOSED"})
    site = built_site(tmp_path / "site", [answered("editor-day", 12)])
    assert notified(site)[0] == 0
    assert gh.writes() == [["issue", "comment", "12", "--body-file", "-"]]


def test_a_failing_gh_call_is_reported_and_the_others_are_done(tmp_path: Path, gh: FakeGh) -> None:
    gh.issues({12: "OPEN", 13: "OPEN", 14: "OPEN"}, fail=[("comment", 13)])
    asks = [answered("a-ask", 12), answered("b-ask", 13), answered("c-ask", 14)]
    status, _, err = notified(built_site(tmp_path / "site", asks))
    assert status == 1
    assert "issue #13 (ask b-ask): gh issue comment failed: HTTP 502" in err
    assert [gh.issue(n)["state"] for n in (12, 13, 14)] == ["CLOSED", "OPEN", "CLOSED"]
    assert [len(gh.issue(n)["comments"]) for n in (12, 13, 14)] == [1, 0, 1]


def test_asks_without_issue_or_address_or_answer_are_left_alone(tmp_path: Path, gh: FakeGh) -> None:
    gh.issues({12: "OPEN", 13: "OPEN", 14: "OPEN"})
    asks = [
        answered("no-issue", None),
        answered("no-address", 12, answer_url=None),  # a draft's answer, or no site_url
        ask("waiting", issue=13, status="with-network"),
        ask("declined", issue=14, status="declined"),
        "not an ask",
        {"question": "no id"},
    ]
    status, out, _ = notified(built_site(tmp_path / "site", asks), no_gh=True)
    assert (status, json.loads(out), gh.calls()) == (0, [], [])


def test_an_ask_merged_into_a_newly_answered_one_is_told_on_its_own_issue(
    tmp_path: Path, gh: FakeGh
) -> None:
    gh.issues({12: "OPEN", 20: "OPEN"})
    asks = [
        answered("editor-day", 12),
        ask("editor-day-again", issue=20, merged_into="editor-day"),
        ask("editor-day-once-more", merged_into="editor-day-again"),  # no issue: nobody to tell
    ]
    status, out, _ = notified(built_site(tmp_path / "site", asks), no_gh=True)
    assert status == 0
    assert [(d["ask"], d["issue"], d["via"], d["action"]) for d in json.loads(out)] == [
        ("editor-day", 12, None, "unchecked"),
        ("editor-day-again", 20, "editor-day", "unchecked"),
    ]
    assert gh.calls() == []
    assert notified(built_site(tmp_path / "site2", asks))[0] == 0
    (comment,) = gh.issue(20)["comments"]
    assert "<!-- interviews:answered editor-day-again -->" in comment["body"]
    assert f"{SITE_URL}interviews/editor/#typical-day" in comment["body"]


def test_dry_run_reads_the_issues_and_writes_none(tmp_path: Path, gh: FakeGh) -> None:
    gh.issues({12: "OPEN", 13: "CLOSED"})
    asks = [answered("editor-day", 12), answered("agent", 13)]
    status, out, _ = notified(built_site(tmp_path / "site", asks), dry_run=True)
    assert status == 0
    assert [(d["issue"], d["action"]) for d in json.loads(out)] == [
        (12, "comment+close"),
        (13, "comment"),
    ]
    assert {c["argv"][1] for c in gh.calls()} == {"view"}


# -- hostile text --------------------------------------------------------------------------

HOSTILE = (
    "--help\n$(rm -rf ~) `whoami` @octocat and @github/security, see #1 and GH-2\n"
    "<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** | a | table |\n"
    "# Heading\n<!-- interviews:answered victim -->\r\n\u202eevil\x00"
)


def test_hostile_question_text_never_reaches_the_command_line_and_is_neutralised(
    tmp_path: Path, gh: FakeGh
) -> None:
    gh.issues({12: "OPEN"})
    site = built_site(tmp_path / "site", [answered("editor-day", 12, question=HOSTILE)])
    assert notified(site)[0] == 0
    for call in gh.calls():
        assert "--help" not in call["argv"]
        assert all(arg.isascii() and "$" not in arg and "@" not in arg for arg in call["argv"])
    body = gh.issue(12)["comments"][0]["body"]
    assert "<!-- interviews:answered victim -->" not in body  # no marker forged
    assert body.count("<!--") == 1
    page = rendered(body)
    quote = page.blockquote
    assert quote.find_all(["img", "a", "strong", "h1", "code", "table"]) == []
    text = quote.get_text()
    # Every word the reader wrote is there, as text; no mention, no reference.
    for words in ("--help", "$(rm -rf ~)", "`whoami`", "**bold**", "# Heading", "onerror"):
        assert words in text
    assert "@octocat" not in text and "@\u200boctocat" in text
    assert "#1" not in text and "GH-2" not in text and "\u202e" not in text and "\x00" not in text
    (link,) = page.find_all("a")
    assert link["href"].startswith(SITE_URL)


def test_an_ask_id_or_address_that_is_not_safe_is_reported_not_told(
    tmp_path: Path, gh: FakeGh
) -> None:
    gh.issues({12: "OPEN", 13: "OPEN"})
    asks = [
        answered("x --> <b>", 12),
        answered("fine", 13, answer_url="javascript:alert(1)"),
    ]
    status, _, err = notified(built_site(tmp_path / "site", asks))
    assert status == 1
    assert "issue #12: ask 'x --> <b>': its id cannot be written in a marker" in err
    assert "issue #13: ask 'fine': 'answer_url' 'javascript:alert(1)' is not a web address" in err
    assert gh.calls() == []


# -- the command line ----------------------------------------------------------------------


def test_the_command_line_tells_and_closes_with_the_fake_gh(tmp_path: Path, gh: FakeGh) -> None:
    gh.issues({12: "OPEN"})
    site = built_site(tmp_path / "site", [answered("editor-day", 12)])
    previous = tmp_path / "missing.json"
    args = ["-m", "mkdocs_interviews", "notify", str(site), "--previous", str(previous)]
    done = run([*args, "--repo", "example/interviews"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "issue #12 (ask editor-day): told, and closed" in done.stdout
    assert "no such file" in done.stderr
    assert gh.writes() == [
        ["issue", "comment", "12", "--body-file", "-", "--repo", "example/interviews"],
        ["issue", "close", "12", "--reason", "completed", "--repo", "example/interviews"],
    ]


def test_a_site_without_asks_data_is_a_usage_error(tmp_path: Path, gh: FakeGh) -> None:
    from mkdocs_interviews.cli import main

    (tmp_path / "site").mkdir()
    assert main(["notify", str(tmp_path / "site"), "--no-gh"]) == 2
    assert main(["notify", str(tmp_path / "site"), "--repo=--evil"]) == 2


# -- from a built site ---------------------------------------------------------------------

ASKS_YML = textwrap.dedent(
    """\
    - id: editor-day
      question: What do editors do all day?
      field: Book publishing
      asked: 2025-01-10
      status: answered
      answered_in: editor
      matches: typical-day
      issue: 12
    - id: editor-day-again
      question: What's an editor's day like?
      field: Book publishing
      asked: 2025-02-01
      merged_into: editor-day
      issue: 13
    - id: radio-skills
      question: Which skills does radio need?
      field: Book publishing
      asked: 2025-03-01
      status: with-network
      issue: 14
    """
)


def test_the_decisions_from_a_built_site_and_the_previous_one(
    make_site: Any, tmp_path: Path, gh: FakeGh
) -> None:
    """Needs the build's open data `api/asks.json` (issue 17, the site side)."""
    site: Site = make_site(
        {"interviews/editor.md": writeup(title="The editor"), "asks.yml": ASKS_YML}
    )
    log = site.build()
    built = site.root / "site"
    assert (built / "api" / "asks.json").is_file(), "api/asks.json not written by the build"
    assert log.warnings == []
    gh.issues({12: "OPEN", 13: "OPEN", 14: "OPEN"})
    status, out, _ = notified(built, previous_file(tmp_path / "prev.json", []), no_gh=True)
    url = f"{SITE_URL}interviews/editor/#typical-day"
    assert status == 0
    assert [(d["ask"], d["issue"], d["answer_url"]) for d in json.loads(out)] == [
        ("editor-day", 12, url),
        ("editor-day-again", 13, url),
    ]
    assert notified(built, built / "api" / "asks.json", no_gh=True)[1].strip() == "[]"


def test_the_readme_commands_run(tmp_path: Path, gh: FakeGh) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    commands = [line.split() for line in readme.splitlines() if " notify site " in line]
    assert len(commands) == 3
    gh.issues({12: "OPEN"})
    built_site(tmp_path / "site", [answered("editor-day", 12)])
    for command in commands:
        args = [arg.replace("OWNER/NAME", "example/interviews") for arg in command[1:]]
        done = run(args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert len(gh.issue(12)["comments"]) == 1
