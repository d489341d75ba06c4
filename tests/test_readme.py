"""The README's commands and examples are the ones that work."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from mkdocs_interviews import read_project, read_sources
from mkdocs_interviews.config import InterviewsConfig

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_two_commands_and_ci_runs_the_second() -> None:
    site_command, test_command = blocks("sh")[:2]
    assert "python3 -m venv .venv" in site_command
    assert "mkdocs serve" in site_command
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci.splitlines()


def test_writeup_example_is_valid() -> None:
    (example,) = [b for b in blocks("markdown") if b.startswith("---\n")]
    sources = read_sources(ROOT / "content")
    sources["interviews/readme-example.md"] = example.encode()
    problems = read_project(sources).problems
    assert [str(p) for p in problems] == []


def test_plugin_options_example_is_valid() -> None:
    (example,) = [b for b in blocks("yaml") if "interviews_dir" in b]
    options = yaml.safe_load(example)["plugins"][1]["interviews"]
    config = InterviewsConfig()
    config.load_dict(options)
    failed, warnings = config.validate()
    assert (failed, warnings) == ([], [])
    defaults = InterviewsConfig()
    defaults.validate()
    assert options == dict(defaults)  # the README shows the defaults
