"""The ask loop's workflow steps, run here: what they push, open and keep.

The Asks workflow's last step (from `.github/workflows/asks.yml`) runs with bash in a shallow
clone, as actions/checkout leaves one, of a repository on disk; a fake `gh` first on the PATH
records its calls and answers `gh pr list` as told. The Pages build's step that keeps the asks
for the notify job fetches the deployed site's `api/asks.json` from a server on this machine.
No network, no GitHub.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "asks.yml").read_text(encoding="utf-8"))
(JOB,) = WORKFLOW["jobs"].values()
(STEP,) = [s for s in JOB["steps"] if "gh pr create" in s.get("run", "")]
BOT = STEP["env"]["BOT_EMAIL"]

ASKS = "asks:\n  - id: first\n    question: What does a day look like?\n"
IMPORTED = ASKS + "  - id: second  # imported\n    question: How did you start?\n    issue: 7\n"

FAKE_GH = """\
#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$GH_LOG"
case "$1 $2" in
  "pr list") printf '%s\\n' "${OPEN_PR:-}" ;;
  "pr create") echo "https://github.com/example/interviews/pull/9" ;;
esac
"""


@dataclass
class Repository:
    """A repository on disk (`origin`) and the workflow's clone of its main branch."""

    root: Path

    @property
    def origin(self) -> Path:
        return self.root / "origin.git"

    def git(self, *args: str, cwd: Path | None = None) -> str:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd or self.root,
            env=self.env(),
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def env(self, **more: str) -> dict[str, str]:
        return {
            "PATH": f"{self.root / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "HOME": str(self.root / "home"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GH_LOG": str(self.root / "gh.log"),
            **more,
        }

    def push_to_origin(self, branch: str, text: str, email: str) -> None:
        """A commit of content/asks.yml by `email` on `branch` of origin."""
        work = self.root / f"work-{branch.replace('/', '-')}"
        if not work.exists():
            self.git("clone", "--quiet", str(self.origin), str(work))
        self.git("switch", "--quiet", "-C", branch, cwd=work)
        (work / "content").mkdir(exist_ok=True)
        (work / "content" / "asks.yml").write_text(text, encoding="utf-8")
        self.git("add", ".", cwd=work)
        self.git("-c", "user.name=Someone", "-c", f"user.email={email}", "commit",
                 "--quiet", "-m", "asks", cwd=work)  # fmt: skip
        self.git("push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{branch}", cwd=work)

    def run_step(self, asks: str, open_pr: str = "") -> subprocess.CompletedProcess[str]:
        """The step, in a fresh shallow clone of main whose content/asks.yml is `asks`."""
        clone = self.root / "run"
        subprocess.run(["rm", "-rf", str(clone)], check=True)
        self.git("clone", "--quiet", "--depth=1", f"file://{self.origin}", str(clone))
        (clone / "content" / "asks.yml").write_text(asks, encoding="utf-8")
        (clone / "issues.json").write_text("[]", encoding="utf-8")  # left out of the commit
        (self.root / "gh.log").write_text("", encoding="utf-8")
        env = {k: v for k, v in STEP["env"].items() if not v.startswith("${{")}
        return subprocess.run(
            ["bash", "-c", STEP["run"]],
            cwd=clone,
            env=self.env(**env, GH_TOKEN="token", OPEN_PR=open_pr),
            capture_output=True,
            text=True,
            timeout=60,
        )

    def gh_calls(self) -> list[str]:
        return (self.root / "gh.log").read_text(encoding="utf-8").splitlines()

    def branch(self) -> str | None:
        """The commit of asks/import on origin, if there is the branch."""
        found = self.git("ls-remote", str(self.origin), "refs/heads/asks/import")
        return found.split()[0] if found else None

    def show(self, what: str) -> str:
        return self.git("--git-dir", str(self.origin), "show", what)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    repository = Repository(tmp_path)
    (tmp_path / "bin").mkdir()
    (tmp_path / "home").mkdir()
    gh = tmp_path / "bin" / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    repository.git("init", "--quiet", "--bare", "--initial-branch=main", str(repository.origin))
    repository.push_to_origin("main", ASKS, "author@example.org")
    return repository


def test_unchanged_asks_propose_nothing(repo: Repository) -> None:
    result = repo.run_step(ASKS)
    assert result.returncode == 0, result.stderr
    assert "unchanged" in result.stdout
    assert repo.branch() is None
    assert repo.gh_calls() == []


def test_an_import_is_pushed_and_proposed(repo: Repository) -> None:
    result = repo.run_step(IMPORTED)
    assert result.returncode == 0, result.stderr
    # One commit on main's head, by the workflow, changing content/asks.yml only.
    assert repo.show("asks/import:content/asks.yml") == IMPORTED.strip()
    assert repo.show("asks/import~1") == repo.show("main")
    changed = repo.git("--git-dir", str(repo.origin), "diff", "--name-only", "main", "asks/import")
    assert changed == "content/asks.yml"
    assert (
        repo.git("--git-dir", str(repo.origin), "log", "-1", "--format=%ae", "asks/import") == BOT
    )
    calls = repo.gh_calls()
    assert calls[0] == "auth setup-git"
    assert calls[1].startswith("pr list --head asks/import --state open")
    assert calls[2].startswith("pr create --head asks/import --title Import the readers'")
    assert len(calls) == 3


def test_the_same_import_again_changes_nothing(repo: Repository) -> None:
    repo.run_step(IMPORTED)
    pushed = repo.branch()
    result = repo.run_step(IMPORTED, open_pr="9")
    assert result.returncode == 0, result.stderr
    assert "already holds this import" in result.stdout
    assert repo.branch() == pushed
    assert not any(call.startswith("pr create") for call in repo.gh_calls())


def test_a_new_import_updates_the_open_pull_request(repo: Repository) -> None:
    repo.run_step(IMPORTED)
    newer = IMPORTED + "  - id: third\n    question: Which skills matter?\n    issue: 8\n"
    result = repo.run_step(newer, open_pr="9")
    assert result.returncode == 0, result.stderr
    assert repo.show("asks/import:content/asks.yml") == newer.strip()
    assert "Updated pull request #9." in result.stdout
    assert not any(call.startswith("pr create") for call in repo.gh_calls())


def test_an_authors_commit_on_the_open_pull_request_is_kept(repo: Repository) -> None:
    repo.run_step(IMPORTED)
    edited = IMPORTED.replace("How did you start?", "How did you get started?")
    repo.push_to_origin("asks/import", edited, "author@example.org")
    kept = repo.branch()
    result = repo.run_step(IMPORTED + "  - id: third\n    question: Skills?\n", open_pr="9")
    assert result.returncode == 0, result.stderr
    assert repo.branch() == kept
    assert "::warning title=Import not pushed::asks/import has a commit of author@example.org" in (
        result.stdout
    )
    # Once that pull request is merged or closed, the branch is the workflow's again.
    result = repo.run_step(IMPORTED)
    assert repo.show("asks/import:content/asks.yml") == IMPORTED.strip()
    assert any(call.startswith("pr create") for call in repo.gh_calls())


def test_the_readme_gives_the_workflows_commands() -> None:
    # The loop's commands by hand are the workflow's, with the label written out.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    label = WORKFLOW["env"]["ASK_LABEL"]
    listing, importing = [
        s["run"] for s in JOB["steps"] if re.search(r"\((gh issue list|import-asks)\)$", s["name"])
    ]
    for command in (listing, importing):
        by_hand = command.replace('"$ASK_LABEL"', f'"{label}"')
        assert f"\n     {by_hand}\n" in readme
    assert "secrets.ASKS_TOKEN" in readme


# -- Pages: the asks kept for the notify job -------------------------------------------------

PAGES = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
(KEEP,) = [s for s in PAGES["jobs"]["build"]["steps"] if "curl" in s.get("run", "")]


@pytest.fixture
def deployed(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on this machine (the deployed site), and its address."""
    served = tmp_path / "deployed"
    served.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served, f"http://127.0.0.1:{server.server_address[1]}/interviews/"
    finally:
        server.shutdown()
        server.server_close()


def keep_asks(tmp_path: Path, site_url: str | None) -> subprocess.CompletedProcess[str]:
    """The step, in a checkout whose mkdocs.yml has `site_url` and whose build is done."""
    work = tmp_path / "work"
    (work / "site" / "api").mkdir(parents=True)
    (work / "site" / "api" / "asks.json").write_text('[{"id": "now"}]', encoding="utf-8")
    (work / "site" / "api" / "interviews.json").write_text("[]", encoding="utf-8")
    (work / ".venv" / "bin").mkdir(parents=True)
    python = work / ".venv" / "bin" / "python"  # the tests' Python, with MkDocs
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    config = "site_name: Test\n" + (f"site_url: {site_url}\n" if site_url else "")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    (work / "docs").mkdir()
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", KEEP["run"]],  # as GitHub runs a step
        cwd=work,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployed_sites_asks_are_kept(tmp_path: Path, deployed: tuple[Path, str]) -> None:
    served, address = deployed
    (served / "interviews" / "api").mkdir(parents=True)
    (served / "interviews" / "api" / "asks.json").write_text('[{"id": "before"}]', "utf-8")
    result = keep_asks(tmp_path, address)
    assert result.returncode == 0, result.stderr
    kept = tmp_path / "work" / "asks"
    assert sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*.json")) == [
        "previous-asks.json",
        "site-asks/api/asks.json",
        "site-asks/api/interviews.json",  # the titles notify's comments name
    ]
    assert (kept / "previous-asks.json").read_text("utf-8") == '[{"id": "before"}]'
    assert (kept / "site-asks" / "api" / "asks.json").read_text("utf-8") == '[{"id": "now"}]'


def test_a_first_deployment_has_no_previous_asks(
    tmp_path: Path, deployed: tuple[Path, str]
) -> None:
    # The address answers 404 (no api/asks.json there yet): the build goes on without it.
    result = keep_asks(tmp_path, deployed[1])
    assert result.returncode == 0, result.stderr
    kept = tmp_path / "work" / "asks"
    assert not (kept / "previous-asks.json").exists()
    assert (kept / "site-asks" / "api" / "asks.json").exists()
    assert "a first deployment?" in result.stdout


def test_a_site_without_site_url_has_no_previous_asks(tmp_path: Path) -> None:
    result = keep_asks(tmp_path, None)
    assert result.returncode == 0, result.stderr
    assert "No site_url" in result.stdout
    assert not (tmp_path / "work" / "asks" / "previous-asks.json").exists()
