"""The preview keeps up and tells the truth: `mkdocs serve --dirty` with the plugin makes again
only the pages whose inputs changed, and the site it serves then is, file for file, the one a
fresh build of the same files makes.

Each case starts a preview (in process, as `mkdocs serve --dirty` runs it: the configuration
loaded again before each build, one plugin instance for all, the same site folder), builds,
changes files as an author would, builds again, and compares every file with a fresh build's.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import (
    BUILDER,
    MKDOCS_YML,
    PLUGIN_LOGGER,
    SERVE_URL,
    THEME_SEARCH_YML,
    Site,
    catalogs,
    reproducible,
    writeup,
)

YML = MKDOCS_YML
"""The tests' site: without Material's search (with it, every rebuild is a whole one); the
plugin's search indexes the whole folder after each build, whatever was made again."""

# Three write-ups in two fields: the editor introduced the producer, who introduced the host.
FILES: dict[str, str] = {
    "interviews/editor.md": writeup(),
    "interviews/producer.md": writeup(
        title="Making records",
        field="Music production",
        role="Producer",
        date="2025-05-10",
        questions=("getting-started", "skills"),
        extra="referred_by: editor\n",
    ),
    "interviews/host.md": writeup(
        title="On air",
        field="Radio & podcasting",
        role="Host",
        date="2025-06-01",
        extra="referred_by: producer\n",
    ),
    "interviews/agent.md": writeup(
        title="Selling books",
        role="Literary agent",
        date="2024-11-20",
        questions=("typical-day", "who-else"),
    ),
}

Edit = Callable[[Site], None]


def _replace(path: str, old: str, new: str) -> Edit:
    def edit(site: Site) -> None:
        file = site.docs / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _write(files: Mapping[str, str | None]) -> Edit:
    def edit(site: Site) -> None:
        for path, text in files.items():
            if text is None:
                (site.docs / path).unlink()
            else:
                (site.docs / path).parent.mkdir(parents=True, exist_ok=True)
                (site.docs / path).write_text(text, encoding="utf-8")

    return edit


def _config(old: str, new: str) -> Edit:
    def edit(site: Site) -> None:
        file = site.root / "mkdocs.yml"
        file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    return edit


EDITS: dict[str, list[Edit]] = {
    "an answer": [_replace("interviews/producer.md", "The answer to skills.", "Ears, then gear.")],
    "a field": [
        _replace("interviews/host.md", "field: Radio & podcasting", "field: Music production")
    ],
    "referred_by": [_replace("interviews/host.md", "referred_by: producer", "referred_by: editor")],
    # Each is in the other's "More from Book publishing"; no year is left without a page.
    "a title": [_replace("interviews/agent.md", "title: Selling books", "title: Selling stories")],
    "a date": [_replace("interviews/editor.md", "date: 2025-04-02", "date: 2024-10-01")],
    "a draft": [
        _replace("interviews/agent.md", "role: Literary agent", "role: Agent\ndraft: true")
    ],
    "a problem": [_replace("interviews/producer.md", "field: Music production", "field: Musik")],
    # The others' links after their answer to it count one answer more ("2 other fields"),
    # and no page is added (Book publishing has answered it).
    "an answer added": [
        _write({
            "interviews/agent.md": writeup(
                title="Selling books",
                role="Literary agent",
                date="2024-11-20",
                questions=("getting-started", "typical-day", "who-else"),
            )
        })
    ],
    "a write-up added": [
        _write({
            "interviews/mixer.md": writeup(title="Mixing", field="Music production", role="Mixer")
        })
    ],
    "a write-up removed": [_write({"interviews/host.md": None})],
    "the questions": [_write({"questions.yml": catalogs()["questions.yml"].replace(
        "What skills matter most in your work?", "Which skills matter most?")})],
    "the configuration": [_config("site_name: Test interviews", "site_name: Other interviews")],
    "one after another": [
        _replace("interviews/producer.md", "The answer to skills.", "Ears, then gear."),
        _replace("interviews/host.md", "referred_by: producer", "referred_by: editor"),
        _write({"interviews/agent.md": None}),
        _replace("interviews/editor.md", "The answer to typical-day.", "Reading, all day."),
    ],
}  # fmt: skip


class Preview:
    """`mkdocs serve --dirty` of a site, in process, into `site_dir`."""

    def __init__(self, site: Site, site_dir: Path) -> None:
        self.site, self.site_dir = site, site_dir
        self.config = self._load()
        self.config.plugins.on_startup(command="serve", dirty=True)
        self.built = False

    def _load(self):  # type: ignore[no-untyped-def]
        config = load_config(str(self.site.root / "mkdocs.yml"), site_dir=str(self.site_dir))
        config.site_url = SERVE_URL
        return config

    def build(self) -> list[str]:
        """A build as `mkdocs serve --dirty` makes it after a save; the plugin's messages."""
        if self.built:  # serve loads the configuration again for each rebuild
            self.config = self._load()
        self.built = True
        handler = _Messages()
        logger = logging.getLogger(PLUGIN_LOGGER)
        logger.addHandler(handler)
        level = logger.level
        logger.setLevel(logging.INFO)
        try:
            build(self.config, serve_url=SERVE_URL, dirty=True)
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
        return handler.messages

    def close(self) -> None:
        self.config.plugins.on_shutdown()


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def preview(site: Site, site_dir: Path) -> Iterator[Preview]:
    served = Preview(site, site_dir)
    try:
        yield served
    finally:
        served.close()


def _made_again(messages: list[str]) -> tuple[int, int]:
    """How many pages a build made, of how many, as the plugin logs it."""
    for message in messages:
        if every := re.fullmatch(r"interviews: all (\d+) pages made \(.*\)", message):
            return int(every[1]), int(every[1])
        if some := re.fullmatch(r"interviews: (\d+) of (\d+) pages made again, .*", message):
            return int(some[1]), int(some[2])
    raise AssertionError(f"no count of the pages made in {messages}")


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site, by path, but those a build dates (the sitemap's gzip) and
    Pagefind's, which vary from run to run (conftest's `reproducible`)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and relative != "sitemap.xml.gz" and reproducible(Path(relative)):
            found[relative] = path.read_bytes()
    return found


def _compare(served: Path, fresh: Path) -> None:
    mine, theirs = _files(served), _files(fresh)
    assert sorted(mine) == sorted(theirs)
    differing = [path for path in theirs if mine[path] != theirs[path]]
    assert differing == [], f"pages of the preview that a fresh build makes otherwise: {differing}"


@pytest.mark.parametrize("edits", EDITS.values(), ids=EDITS.keys())
def test_the_preview_after_a_change_is_a_fresh_build(
    make_site: Callable[..., Site], tmp_path: Path, edits: list[Edit]
) -> None:
    site = make_site(FILES, mkdocs_yml=YML)
    served = tmp_path / "served"
    with preview(site, served) as serve:
        made, pages = _made_again(serve.build())
        assert made == pages  # the first build makes every page
        for edit in edits:
            edit(site)
            serve.build()
    site.build(serve=True, site_dir=tmp_path / "fresh")
    _compare(served, tmp_path / "fresh")


def test_a_changed_answer_makes_again_only_the_pages_that_show_it(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site(FILES, mkdocs_yml=YML)
    served = tmp_path / "served"
    unrelated = served / "questions" / "who-else" / "index.html"
    with preview(site, served) as serve:
        serve.build()
        before = os.stat(unrelated).st_mtime_ns
        EDITS["an answer"][0](site)
        made, pages = _made_again(serve.build())
    assert made < pages, (made, pages)
    # The question the producer did not answer is left as it was: not written again.
    assert os.stat(unrelated).st_mtime_ns == before
    assert "Ears, then gear." in (served / "interviews" / "producer" / "index.html").read_text()
    assert "Ears, then gear." in (served / "questions" / "skills" / "index.html").read_text()


def test_a_changed_template_makes_every_page_again(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site(FILES, mkdocs_yml=YML.replace("theme:\n", "theme:\n  custom_dir: overrides\n"))
    (site.root / "overrides").mkdir()
    served = tmp_path / "served"
    with preview(site, served) as serve:
        serve.build()
        (site.root / "overrides" / "main.html").write_text(
            '{% extends "base.html" %}{% block footer %}<p>My own footer</p>{% endblock %}'
        )
        made, pages = _made_again(serve.build())
    assert made == pages
    assert "My own footer" in (served / "questions" / "who-else" / "index.html").read_text()


def test_mkdocs_warning_about_dirty_builds_is_left_out(
    make_site: Callable[..., Site], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site(FILES, mkdocs_yml=YML)
    with preview(site, tmp_path / "served") as serve, caplog.at_level(logging.INFO):
        serve.build()
        serve.build()
    assert not [r for r in caplog.records if "'dirty' build" in r.getMessage()]


def test_with_materials_search_every_page_is_made_again(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    # Material's search indexes each page as it renders it: a page left out would be
    # missing from the index.
    site = make_site(FILES, mkdocs_yml=THEME_SEARCH_YML)
    with preview(site, tmp_path / "served") as serve:
        serve.build()
        EDITS["an answer"][0](site)
        messages = serve.build()
    made, pages = _made_again(messages)
    assert made == pages
    assert (
        f"interviews: all {pages} pages made (on every save: Material's search indexes each "
        "page as it renders it)"
    ) in messages


SNIPPETS_YML = YML.replace(
    "  - toc:\n",
    "  - pymdownx.snippets:\n      base_path: [snippets]\n      check_paths: true\n  - toc:\n",
)
"""The tests' site with PyMdown Extensions' snippets, which put a file of `snippets/` (beside
mkdocs.yml, outside the docs) in a page."""


def test_a_changed_snippet_makes_the_pages_that_include_it_again(
    make_site: Callable[..., Site], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    included = FILES["interviews/producer.md"].replace(
        "The answer to skills.", 'The answer to skills.\n\n--8<-- "gear.md"'
    )
    site = make_site({**FILES, "interviews/producer.md": included}, mkdocs_yml=SNIPPETS_YML)
    monkeypatch.chdir(site.root)  # the snippets' base_path is the working folder's
    (site.root / "snippets").mkdir()
    snippet = site.root / "snippets" / "gear.md"
    snippet.write_text("Ears first.\n", encoding="utf-8")
    served = tmp_path / "served"
    with preview(site, served) as serve:
        serve.build()
        snippet.write_text("Then the gear.\n", encoding="utf-8")
        messages = serve.build()
    assert "Then the gear." in (served / "interviews" / "producer" / "index.html").read_text()
    made, pages = _made_again(messages)
    assert made == pages
    assert any("pymdownx.snippets includes other files in pages" in m for m in messages)
    site.build(serve=True, site_dir=tmp_path / "fresh")
    _compare(served, tmp_path / "fresh")


def without_epochs(page: str) -> str:
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", page)


def test_the_readmes_serve_command_shows_a_saved_answer(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    # The command line itself: `serve --livereload --dirty` watches the files, and after a
    # save serves the changed write-up and the pages that quote it.
    site = make_site(FILES, mkdocs_yml=YML)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", BUILDER, "serve", "--livereload", "--dirty"]
    server = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def served(path: str, holding: str = "</html>") -> str:
        url = f"http://127.0.0.1:{port}/interviews/{path}"
        deadline = time.monotonic() + 120
        while True:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(url, timeout=5) as response:
                    page = str(response.read().decode())
                if holding in page:
                    return page
            assert time.monotonic() < deadline, f"{url} never held {holding!r}"
            time.sleep(0.2)

    try:
        unrelated = served("questions/who-else/")
        time.sleep(1.5)  # the watcher starts after the first build
        EDITS["an answer"][0](site)
        assert "Ears, then gear." in served("interviews/producer/", "Ears, then gear.")
        assert "Ears, then gear." in served("questions/skills/", "Ears, then gear.")
        # But for the epochs of the script serve adds to every page, to reload it.
        assert without_epochs(served("questions/who-else/")) == without_epochs(unrelated)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    log = errors.decode()
    assert re.search(r"interviews: \d+ of \d+ pages made again, the others unchanged", log), log
    assert "'dirty' build" not in log


def test_a_changed_template_of_the_site_makes_its_pages_again(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    yml = YML.replace("  - interviews\n", "  - interviews:\n      templates_dir: templates\n")
    site = make_site(FILES, mkdocs_yml=yml)
    (site.root / "templates").mkdir()
    template = site.root / "templates" / "field.html.j2"
    template.write_text("<p>The field of {{ field.name }}.</p>\n")
    served = tmp_path / "served"
    with preview(site, served) as serve:
        serve.build()
        template.write_text("<p>All about {{ field.name }}.</p>\n")
        serve.build()
    page = (served / "fields" / "music-production" / "index.html").read_text()
    assert "All about Music production." in page
    site.build(serve=True, site_dir=tmp_path / "fresh")
    _compare(served, tmp_path / "fresh")
