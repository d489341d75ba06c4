"""Shared helpers: tiny sites written into temporary folders, and real MkDocs builds."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES = TESTS / "cases"

BUILDER = os.environ.get("INTERVIEWS_BUILDER", "mkdocs")
"""The builder the real builds run: MkDocs, or ProperDocs (the nox session `properdocs`)."""

MKDOCS_YML = """\
site_name: Test interviews
repo_url: https://github.com/example/interviews
site_url: https://example.org/interviews/
docs_dir: content
theme:
  name: material
plugins:
  - search
  - interviews
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
"""


def catalogs() -> dict[str, str]:
    """The small catalogs of `cases/catalog.yml`, by file name."""
    return yaml.safe_load((CASES / "catalog.yml").read_text(encoding="utf-8"))


def writeup(
    *,
    title: str = "From intern to editor",
    field: str = "Book publishing",
    role: str = "Acquisitions editor",
    date: str = "2025-04-02",
    questions: tuple[str, ...] = ("getting-started", "typical-day"),
    extra: str = "",
    body: str | None = None,
) -> str:
    """A valid write-up's text (each answer a sentence), with the given values."""
    texts = {q["id"]: q["text"] for q in yaml.safe_load(catalogs()["questions.yml"])}
    if body is None:
        body = "Intro paragraph.\n\n" + "".join(
            f"## {texts[q]}\n\nThe answer to {q}.\n\n" for q in questions
        )
    return (
        f"---\ntitle: {title}\nfield: {field}\nrole: {role}\ndate: {date}\n"
        f"questions: [{', '.join(questions)}]\n{extra}---\n\n{body}"
    )


@dataclass
class Site:
    """A tiny MkDocs site in a temporary folder."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "content"

    def write(self, files: Mapping[str, str | bytes | None]) -> None:
        """Write files of the docs folder (`None` deletes one)."""
        for name, content in files.items():
            path = self.docs / name
            if content is None:
                path.unlink(missing_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")

    def build(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`mkdocs build` of this site, as an author runs it."""
        return run(["-m", BUILDER, "build", *args], cwd=self.root)

    def check(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`python -m mkdocs_interviews check` in this site's folder."""
        return run(["-m", "mkdocs_interviews", "check", *args], cwd=self.root)

    def page(self, url: str) -> str:
        """The built HTML of a page, by its URL ('interviews/editor/')."""
        return (self.root / "site" / url / "index.html").read_text(encoding="utf-8")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Site]:
    """Make a tiny site: mkdocs.yml, a home page, the test catalogs, and `files`."""

    def make(files: Mapping[str, str | bytes | None] = (), mkdocs_yml: str = MKDOCS_YML) -> Site:
        site = Site(tmp_path / "site-root")
        site.docs.mkdir(parents=True)
        (site.root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
        site.write({"index.md": "# Home\n\nWelcome.\n", **catalogs()})
        site.write(dict(files))
        return site

    return make


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def build_in_process(
    site: Site, caplog: pytest.LogCaptureFixture, strict: bool = False
) -> list[str]:
    """`mkdocs build` of the site in process (MkDocs' own loader and build); the plugin's
    warnings as logged, or ['aborted'] when `strict` stops the build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        config = load_config(str(site.root / "mkdocs.yml"), strict=strict)
        try:
            mkdocs_build(config)
        except Abort:
            if not strict:
                raise
            return ["aborted"]
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "mkdocs.plugins.interviews" and record.levelno >= logging.WARNING
    ]
