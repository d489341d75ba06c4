"""`check --format github`: every problem as a GitHub Actions annotation of its file.

GitHub's runner reads a line `::error file=...,line=...,title=...::message` (or `::warning`)
of a step's output as an annotation of that file and line, shown on the run and on the pull
request. The tests read the output back as the runner does (`parse`, after actions/toolkit's
escaping rules and the runner's parser), so that hostile text in a message or a file name can
neither break an annotation nor start another.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import writeup
from mkdocs_interviews.problems import Problem, github_annotation

COMMAND = re.compile(r"::(?P<command>error|warning) (?P<properties>[^:]*)::(?P<data>.*)")
ESCAPED = re.compile("%(25|0D|0A|3A|2C)")
UNESCAPED = {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}


def unescape(text: str) -> str:
    return ESCAPED.sub(lambda match: UNESCAPED[match[1]], text)


def parse(line: str) -> dict[str, str]:
    """One workflow command, as the runner reads it: its command, properties and message."""
    match = COMMAND.fullmatch(line)
    assert match, line
    found = {"command": match["command"], "message": unescape(match["data"])}
    for item in match["properties"].split(","):
        name, _, value = item.partition("=")
        assert name not in found, line
        found[name] = unescape(value)
    return found


HOSTILE = "one\ntwo\r\n::error file=x.md::forged, 100% sure: %0A is not a line break"

CASES = [
    pytest.param(
        Problem("interviews/editor.md", "field 'Publshing' is not in fields.yml", "field", 3),
        "content/interviews/editor.md",
        "::error file=content/interviews/editor.md,line=3,title=mkdocs_interviews check "
        "(field)::content/interviews/editor.md:3: field 'Publshing' is not in fields.yml",
        id="error-with-line-and-key",
    ),
    pytest.param(
        Problem("fields.yml", "no fields (add one)", severity="warning"),
        "content/fields.yml",
        "::warning file=content/fields.yml,title=mkdocs_interviews check::content/fields.yml: "
        "no fields (add one)",
        id="warning-without-line-or-key",
    ),
    pytest.param(
        Problem("interviews/a.md", HOSTILE, "k,e:y", 7),
        "content/interviews/a.md",
        "::error file=content/interviews/a.md,line=7,title=mkdocs_interviews check "
        "(k%2Ce%3Ay)::content/interviews/a.md:7: one%0Atwo%0D%0A::error file=x.md::forged, "
        "100%25 sure: %250A is not a line break",
        id="hostile-message",
    ),
    pytest.param(
        Problem("interviews/a b,c: 50%.md", "bad\n", line=1),
        "my site/content/interviews/a b,c: 50%.md",
        "::error file=my site/content/interviews/a b%2Cc%3A 50%25.md,line=1,title="
        "mkdocs_interviews check::my site/content/interviews/a b,c: 50%25.md:1: bad%0A",
        id="path-with-space-comma-colon-percent",
    ),
]


@pytest.mark.parametrize(("problem", "path", "expected"), CASES)
def test_annotation(problem: Problem, path: str, expected: str) -> None:
    line = github_annotation(problem, path)
    assert line == expected
    assert line.splitlines() == [line]  # one line, whatever the text
    # The runner reads back the file, the line, the severity and the whole message.
    read = parse(line)
    assert read["command"] == problem.severity
    assert read["file"] == path
    assert read.get("line") == (None if problem.line is None else str(problem.line))
    assert read["message"].endswith(f": {problem.message}")


# A site with a problem of each kind: a write-up's key (with a line), a write-up without front
# matter (no line), a file name with a space and a comma (a warning), hostile text in a value,
# and catalogs: a broken asks.yml and a field catalog with an entry missing its name.
HOSTILE_QUESTIONS = 'questions: [typical-day, "Pub::lishing,\\n100% sure ::error file=x::forged"]\n'
PROBLEMS = {
    "interviews/bad.md": writeup(field="Publshing", extra="feild: x\n"),
    "interviews/empty.md": "",
    "interviews/hostile.md": writeup().replace(
        "questions: [getting-started, typical-day]\n", HOSTILE_QUESTIONS
    ),
    "interviews/a b,c.md": writeup(),
    "asks.yml": "asks:\n  - id: [unclosed\n",
}


def test_a_site_with_several_problems_gives_one_annotation_each(make_site) -> None:
    site = make_site(PROBLEMS)
    fields = (site.docs / "fields.yml").read_text(encoding="utf-8")
    (site.docs / "fields.yml").write_text(fields + "  - slug: nameless\n", encoding="utf-8")

    problems = json.loads(site.check("--format", "json").stdout)
    result = site.check("--format", "github")

    assert result.returncode == 1
    annotations = [parse(line) for line in result.stdout.splitlines()]
    expected = [
        {
            "command": problem["severity"],
            "file": f"content/{problem['file']}",
            **({} if problem["line"] is None else {"line": str(problem["line"])}),
            "title": "mkdocs_interviews check" + (f" ({problem['key']})" if problem["key"] else ""),
        }
        for problem in problems
    ]
    assert [{k: v for k, v in a.items() if k != "message"} for a in annotations] == expected
    assert [a["message"].partition(": ")[2] for a in annotations] == [
        p["message"] for p in problems
    ]
    # Each kind is there: catalog files, lines known and not, warnings, the hostile text whole.
    files = {a["file"] for a in annotations}
    assert {"content/asks.yml", "content/fields.yml", "content/interviews/a b,c.md"} <= files
    assert {"content/interviews/bad.md", "content/interviews/empty.md"} <= files
    assert {"error", "warning"} == {a["command"] for a in annotations}
    assert any("line" not in a for a in annotations) and any("line" in a for a in annotations)
    (hostile,) = [a for a in annotations if "forged" in a["message"]]
    assert hostile["file"] == "content/interviews/hostile.md"
    # (The message shows the line break as a space, and a command in it stays text.)
    assert "'Pub::lishing, 100% sure ::error file=x::forged'" in hostile["message"]
    assert "forged" not in {a["file"] for a in annotations}
    # The same summary on stderr as the text format's.
    assert result.stderr == site.check().stderr


def test_no_problem_no_annotation(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    result = site.check("--format", "github")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "No problems: 1 write-up checked."


def test_paths_start_at_the_repository_root(make_site, tmp_path: Path) -> None:
    # The site's mkdocs.yml in a folder of the repository: the paths start above it.
    site = make_site({"interviews/bad.md": writeup(field="Publshing")})
    (tmp_path / ".git").mkdir()
    (line,) = site.check("--format", "github").stdout.splitlines()
    assert parse(line)["file"] == "site-root/content/interviews/bad.md"
    assert parse(line)["line"] == "3"
