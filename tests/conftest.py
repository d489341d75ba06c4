"""Shared helpers: tiny sites written into temporary folders, and real MkDocs builds."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES = TESTS / "cases"

BUILDER = os.environ.get("INTERVIEWS_BUILDER", "mkdocs")
"""The builder of the tests' sites: MkDocs, or ProperDocs (the nox session `properdocs`), both
in process (`Site.build`) and on the command line (`python -m <builder> serve`, two builds
compared)."""

if BUILDER == "properdocs":
    # What ProperDocs' command line does before it loads a plugin: from here on every
    # `mkdocs.*` import (the plugin's, its theme's, the tests') is ProperDocs' module of that
    # name, so the plugin is a ProperDocs plugin, as it is in a `properdocs build`.
    import properdocs.replacement  # noqa: F401

MKDOCS_YML = """\
site_name: Test interviews
repo_url: https://github.com/example/interviews
site_url: https://example.org/interviews/
docs_dir: content
theme:
  name: material
plugins:
  - interviews
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
"""

THEME_SEARCH_YML = MKDOCS_YML.replace(
    "  - interviews\n", "  - search\n  - interviews:\n      search: theme\n"
)
"""The same site with Material's search instead of the plugin's (`search: theme`), for the
tests of what Material's index holds."""


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


PLUGIN_LOGGER = "mkdocs.plugins.interviews"
"""The logger of the plugin's own messages (those an author reads in a build's output)."""


@dataclass
class Built:
    """What an in-process build logged: every record under 'mkdocs' at INFO and above."""

    records: list[logging.LogRecord]
    aborted: str | None
    """MkDocs' summary when it stopped the build ("Aborted with 1 warnings in strict mode!")."""

    def messages(self, level: int = logging.WARNING, logger: str = PLUGIN_LOGGER) -> list[str]:
        """The messages of `logger` (and the loggers under it) at `level` and above."""
        return [
            record.getMessage()
            for record in self.records
            if record.levelno >= level
            and (record.name == logger or record.name.startswith(logger + "."))
        ]

    @property
    def warnings(self) -> list[str]:
        """The plugin's warnings, as the author reads them."""
        return self.messages()

    @property
    def log(self) -> str:
        """The whole log, for the message of a failed assertion."""
        lines = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in self.records]
        return "\n".join([*lines, self.aborted or ""])


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class _ProperDocsRecords(_Records):
    """ProperDocs' records under the MkDocs names of the same modules ('properdocs.config' as
    'mkdocs.config'; the plugin's 'mkdocs.plugins.interviews' as it is), so that a test reads
    the builder's log under 'mkdocs' whichever builder ran. Each is a copy: other handlers
    keep the record as it was logged."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "properdocs" or record.name.startswith("properdocs."):
            record = logging.makeLogRecord(
                {**record.__dict__, "name": "mkdocs" + record.name.removeprefix("properdocs")}
            )
        super().emit(record)


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

    def build(
        self,
        *,
        strict: bool = False,
        stops: bool = False,
        config: str = "mkdocs.yml",
        site_dir: Path | None = None,
        serve: bool = False,
    ) -> Built:
        """`mkdocs build` of this site, in process: MkDocs' own loader, plugin events and build,
        the log captured by logger name. The build must finish or, with `stops`, be stopped
        (by a configuration error, a plugin's error, or a warning under `strict`). With
        ProperDocs as the `BUILDER`, `properdocs build` the same way (`_built_by`). With
        `serve`, one build as `mkdocs serve` makes it (drafts included, `SERVE_URL`), into
        the site folder."""
        if BUILDER != "properdocs":
            handler = _Records()
            with _capturing(logging.getLogger("mkdocs"), handler):
                aborted = _built_by("mkdocs", self.root / config, strict, site_dir, serve)
        else:
            # ProperDocs' loggers are 'properdocs.*'; the plugin's, under 'mkdocs', is made a
            # child of them, as ProperDocs' command line does, so that a warning of the plugin
            # counts under `strict` and is captured with the rest.
            handler = _ProperDocsRecords()
            legacy = logging.getLogger("mkdocs")
            parent = legacy.parent
            legacy.parent = logging.getLogger("properdocs")
            try:
                with _capturing(logging.getLogger("properdocs"), handler):
                    aborted = _built_by("properdocs", self.root / config, strict, site_dir, serve)
            finally:
                legacy.parent = parent
        built = Built(handler.records, aborted)
        assert (aborted is not None) == stops, built.log
        return built

    def check(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`python -m mkdocs_interviews check` in this site's folder."""
        return run(["-m", "mkdocs_interviews", "check", *args], cwd=self.root)

    def page(self, url: str) -> str:
        """The built HTML of a page, by its URL ('interviews/editor/')."""
        return (self.root / "site" / url / "index.html").read_text(encoding="utf-8")


@contextlib.contextmanager
def _capturing(logger: logging.Logger, handler: logging.Handler) -> Iterator[None]:
    """Every record of `logger` at INFO and above goes to `handler` for the block."""
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


SERVE_URL = "http://127.0.0.1:8000/interviews/"
"""Where an in-process build as `mkdocs serve` makes it (`Site.build(serve=True)`) is served."""


def _built_by(
    package: str, config_file: Path, strict: bool, site_dir: Path | None, serve: bool = False
) -> str | None:
    """A build by `package` (MkDocs or ProperDocs, which have the same modules), in process:
    its own loader, plugin events and build. Its summary if it stopped the build, else None.
    With `serve`, the build as `mkdocs serve` makes it: the command the plugins are told,
    the site's address and the pages served (drafts)."""
    build = importlib.import_module(f"{package}.commands.build").build
    load_config = importlib.import_module(f"{package}.config").load_config
    abort = importlib.import_module(f"{package}.exceptions").Abort
    try:
        overrides = {"site_dir": str(site_dir)} if site_dir else {}
        loaded = load_config(str(config_file), strict=strict, **overrides)
        loaded.plugins.on_startup(command="serve" if serve else "build", dirty=False)
        if serve:
            loaded.site_url = SERVE_URL
        try:
            build(loaded, serve_url=SERVE_URL if serve else None)
        finally:
            loaded.plugins.on_shutdown()
    except abort as error:
        return str(error)
    return None


def reproducible_files(site_dir: Path) -> list[Path]:
    """The files of a built site that another build of the same content makes the same: all
    but Pagefind's filter chunks, its metadata and the entry file that names them, whose
    order of values varies from run to run (https://github.com/Pagefind/pagefind/issues/638:
    fragments are stable since 1.3.0, "other files will still change, such as the
    filter/metadata indexes")."""
    return sorted(
        relative
        for relative in (path.relative_to(site_dir) for path in site_dir.rglob("*"))
        if (site_dir / relative).is_file() and reproducible(relative)
    )


def reproducible(relative: Path) -> bool:
    """Whether a built file (its path in the site) is one that `reproducible_files` keeps."""
    return (
        relative.parts[:2] != ("pagefind", "filter")
        and relative.suffix != ".pf_meta"
        and relative != Path("pagefind", "pagefind-entry.json")
    )


def new_site(
    root: Path, files: Mapping[str, str | bytes | None] = {}, mkdocs_yml: str = MKDOCS_YML
) -> Site:
    """A tiny site in `root`: mkdocs.yml, a home page, the test catalogs, and `files` (which
    may replace a catalog, or delete it with `None`)."""
    site = Site(root)
    site.docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    site.write({"index.md": "# Home\n\nWelcome.\n", **catalogs(), **files})
    return site


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Site]:
    """Make the test's tiny site (`new_site`) in its temporary folder."""

    def make(files: Mapping[str, str | bytes | None] = {}, mkdocs_yml: str = MKDOCS_YML) -> Site:
        return new_site(tmp_path / "site-root", files, mkdocs_yml)

    return make


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")
