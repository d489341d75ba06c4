"""What an author keeps back stays back, what MkDocs cannot read is never live markup, and
`check` reads the same files and reports the same problems as the build.

Builds run in process (MkDocs' own loader and build, logs captured by logger name); `check`
runs through the command line's `main`, in process too.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import MKDOCS_YML, Site, reproducible_files, writeup
from mkdocs_interviews.cli import main
from mkdocs_interviews.model import MARKDOWN_SUFFIXES


def check(site: Site, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """`check --format json` in process: its exit status and the problems as printed."""
    capsys.readouterr()
    status = main(["--config", str(site.root / "mkdocs.yml"), "check", "--format", "json"])
    out = capsys.readouterr().out
    problems = json.loads(out) if status in (0, 1) else []
    return status, [
        (f"{p['file']}:{p['line']}: " if p["line"] else f"{p['file']}: ") + p["message"]
        for p in problems
    ]


def soup(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(url), "html.parser")


def built_text(site: Site) -> Iterator[tuple[Path, str]]:
    for path in sorted((site.root / "site").rglob("*")):
        if path.suffix in (".html", ".xml", ".json"):
            yield path, path.read_text(encoding="utf-8", errors="replace")


# -- kept back -----------------------------------------------------------------------------


def test_a_writeup_kept_back_by_draft_docs_is_in_no_output(make_site, capsys) -> None:
    site = make_site(
        {
            "interviews/public.md": writeup(title="Public one"),
            "interviews/held.md": writeup(title="Kept back one"),
            "interviews/notes/aside.md": writeup(title="Another kept back"),
        },
        mkdocs_yml=MKDOCS_YML + "draft_docs: |\n  interviews/held.md\n  interviews/notes/\n",
    )
    assert site.build().warnings == []
    assert not (site.root / "site" / "interviews" / "held").exists()
    field = soup(site, "fields/book-publishing/").get_text()
    assert "Public one" in field
    for path, text in built_text(site):
        assert "Kept back" not in text and "held/" not in text, path
    assert check(site, capsys) == (0, [])


def test_generate_leaves_out_what_the_build_leaves_out(make_site, capsys) -> None:
    site = make_site(
        {
            "interviews/public.md": writeup(title="Public one"),
            "interviews/held.md": writeup(title="Kept back one"),
            "interviews/private/secret.md": writeup(title="Secret"),
            "notes/todo.md": "# A private note\n",
        },
        mkdocs_yml=MKDOCS_YML
        + "draft_docs: |\n  interviews/held.md\nexclude_docs: |\n  interviews/private/\n  notes/\n",
    )
    out = site.root / "generated"
    assert main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)]) == 0
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert "interviews/public.md" in written
    assert not {"interviews/held.md", "interviews/private/secret.md", "notes/todo.md"} & written
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "Kept back" not in text and "Secret" not in text, path


def test_exclude_docs_keeps_a_writeup_out_of_check_and_build(make_site, capsys) -> None:
    site = make_site(
        {
            "interviews/public.md": writeup(title="Public one"),
            "interviews/private/secret.md": writeup(title="Secret", field="Nowhere"),
        },
        mkdocs_yml=MKDOCS_YML + "exclude_docs: |\n  interviews/private/\n",
    )
    assert site.build(strict=True).warnings == []
    for path, text in built_text(site):
        assert "Secret" not in text, path
    assert check(site, capsys) == (0, [])


def test_a_draft_named_by_front_matter_is_in_no_output(make_site) -> None:
    site = make_site(
        {
            "interviews/public.md": writeup(title="Public one"),
            "interviews/draft.md": writeup(title="Still a draft", extra="draft: true\n"),
        }
    )
    assert site.build(strict=True).warnings == []
    for path, text in built_text(site):
        assert "Still a draft" not in text, path


# -- unreadable front matter and odd values: never live markup ---------------------------

IMG = "<img src=x onerror=alert(1)>"

BROKEN_FRONT_MATTERS = {
    "latin-1, CRLF": writeup(title=f"Café {IMG}").replace("\n", "\r\n").encode("latin-1"),
    "BOM and a bad byte": b"\xef\xbb\xbf" + writeup(title=f"T\xff {IMG}").encode("latin-1"),
    "an impossible date": writeup(title=IMG, date="2025-02-30").encode(),
    "not closed": f"---\ntitle: {IMG}\nfield: Book publishing\n\nNo end.\n".encode(),
    "no newline after the closing line": writeup(title=IMG, body="").rstrip("\n").encode(),
    "a list for a title": writeup(title=f"['{IMG}', 2]").encode(),
    "binary for a title": writeup(
        title="!!binary PGltZyBzcmM9eCBvbmVycm9yPWFsZXJ0KDEpPg=="
    ).encode(),
    "a list for a description": writeup(extra=f"description: ['{IMG}']\n").encode(),
    "a key the plugin uses": writeup(extra="interviews_head: {feeds: [1]}\n").encode(),
}


@pytest.mark.parametrize("case", BROKEN_FRONT_MATTERS, ids=list(BROKEN_FRONT_MATTERS))
def test_front_matter_never_becomes_markup(make_site, capsys, case: str) -> None:
    site = make_site({"interviews/case.md": BROKEN_FRONT_MATTERS[case]})
    warnings = site.build().warnings
    page = site.page("interviews/case/")
    html = BeautifulSoup(page, "html.parser")
    live = [tag for tag in html.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert live == []
    assert html.find("img") is None
    # The author's text is still there, shown as text, and the problem is reported by both.
    status, problems = check(site, capsys)
    assert sorted(problems) == sorted(warnings)
    if case != "a key the plugin uses":
        assert warnings and status == 1


# -- the same files, the same problems -------------------------------------------------------


def symlinked_folder(site: Site) -> None:
    elsewhere = site.root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.md").write_text(writeup(field="Nowher"), encoding="utf-8")
    os.symlink(elsewhere, site.docs / "interviews" / "more")


AGREEMENT = {
    "a symlinked folder": ({}, "", symlinked_folder),
    "a dangling symlink": ({}, "", lambda s: os.symlink("gone.md", s.docs / "interviews/x.md")),
    "a symlink loop": ({}, "", lambda s: os.symlink("x.md", s.docs / "interviews/x.md")),
    "a folder linked inside itself": ({}, "", lambda s: os.symlink("..", s.docs / "interviews/up")),
    "other Markdown endings": (
        {"interviews/long.markdown": writeup(field="Nowher"), "interviews/upper.MD": writeup()},
        "",
        None,
    ),
    "exclude_docs": (
        {"interviews/out/bad.md": "not a write-up"},
        "exclude_docs: |\n  interviews/out/\n",
        None,
    ),
    "interviews_dir": (
        {"talks/bad.md": "---\ntitle: x\n---\n", "interviews/ignored.md": "no front matter"},
        None,
        None,
    ),
    "a file name that is not UTF-8": (
        {},
        "",
        lambda s: (
            (s.docs / "interviews")
            .joinpath(os.fsdecode(b"caf\xe9.md"))
            .write_bytes(writeup().encode())
        ),
    ),
}


@pytest.mark.parametrize("case", AGREEMENT, ids=list(AGREEMENT))
def test_check_and_build_read_the_same_files(make_site, capsys, case: str) -> None:
    files, extra, setup = AGREEMENT[case]
    mkdocs_yml = MKDOCS_YML + (extra or "")
    if extra is None:
        mkdocs_yml = MKDOCS_YML.replace(
            "  - interviews\n", "  - interviews:\n      interviews_dir: talks\n"
        )
    site = make_site({"interviews/good.md": writeup(), **files}, mkdocs_yml=mkdocs_yml)
    if setup is not None:
        setup(site)
    warnings = site.build().warnings
    status, problems = check(site, capsys)
    assert sorted(problems) == sorted(warnings)
    assert status == (0 if case == "exclude_docs" else 1)
    assert bool(warnings) == (case != "exclude_docs")
    # What the build reported as left out is not published raw either.
    for path in (site.root / "site").rglob("*"):
        assert not path.name.lower().endswith(MARKDOWN_SUFFIXES), path


CONFIG_ERRORS = {
    "ask_url not http": "  - interviews:\n      ask_url: ftp://example.org/{field}\n",
    "interviews_dir outside docs_dir": "  - interviews:\n      interviews_dir: ../elsewhere\n",
    "an absolute fields_file": "  - interviews:\n      fields_file: /etc/fields.yml\n",
}


@pytest.mark.parametrize("case", CONFIG_ERRORS, ids=list(CONFIG_ERRORS))
def test_check_refuses_the_configuration_the_build_refuses(make_site, capsys, case) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    mkdocs_yml = MKDOCS_YML.replace("  - interviews\n", CONFIG_ERRORS[case])
    site = make_site({"interviews/good.md": writeup()}, mkdocs_yml=mkdocs_yml)
    with pytest.raises((Abort, ConfigurationError, PluginError)):
        config = load_config(str(site.root / "mkdocs.yml"))
        config.plugins.on_config(config)
    capsys.readouterr()
    assert main(["--config", str(site.root / "mkdocs.yml"), "check"]) == 2
    error = capsys.readouterr().err
    assert "mkdocs.yml" in error and ("ask_url" in error or "docs_dir" in error)


# -- a new site ------------------------------------------------------------------------------


@pytest.mark.parametrize("files", [{}, {"interviews/draft.md": writeup(extra="draft: true\n")}])
def test_a_site_with_no_published_interview_builds_strict(make_site, files) -> None:
    site = make_site(files)
    assert site.build(strict=True).warnings == []
    assert (site.root / "site" / "fields" / "book-publishing" / "index.html").is_file()
    assert (site.root / "site" / "feed.xml").is_file()


# -- one address, one page ---------------------------------------------------------------


def test_a_hand_written_page_at_a_generated_address_wins(make_site) -> None:
    site = make_site({"interviews/good.md": writeup(), "ask.md": "# Ask us\n\nBy hand.\n"})
    built = site.build(strict=True)
    assert built.warnings == []
    assert "By hand." in site.page("ask/")
    assert [m for m in built.messages(logging.INFO) if not m.startswith("The readers' search")] == [
        "ask.md: a page of the site is used instead of the generated ask/index.md, which has "
        "the same address"
    ]


def test_two_files_at_one_address_are_reported_by_check_and_build(make_site, capsys) -> None:
    site = make_site(
        {
            "interviews/editor.md": writeup(title="The write-up"),
            "interviews/editor/index.md": "# A page about editors\n",
        }
    )
    warnings = site.build().warnings
    assert warnings == [
        "interviews/editor/index.md: its address, interviews/editor/, is also that of "
        "interviews/editor.md (rename or move one of them)"
    ]
    assert check(site, capsys) == (1, warnings)


def test_a_writeup_with_another_markdown_ending_is_listed_at_its_address(make_site) -> None:
    site = make_site({"interviews/long-form.markdown": writeup(title="Long form")})
    assert site.build(strict=True).warnings == []
    field = soup(site, "fields/book-publishing/")
    (link,) = [a for a in field.find_all("a") if a.get_text(strip=True) == "Long form"]
    assert link["href"] == "../../interviews/long-form/"
    assert "Long form" in site.page("interviews/long-form/")


# -- a rebuild -------------------------------------------------------------------------------


def test_a_rebuild_after_an_edit_makes_the_pages_of_a_fresh_build(make_site) -> None:
    # `mkdocs serve` builds again after each save; a plugin that keeps its instance (and the
    # configuration it changed) must give the pages a fresh build gives.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = make_site(
        {
            "interviews/one.md": writeup(title="First title", extra="referred_by: two\n"),
            "interviews/two.md": writeup(title="Second", date="2025-01-01"),
        }
    )
    config_file = str(site.root / "mkdocs.yml")
    again = site.root / "again"
    config = load_config(config_file, site_dir=str(again))
    mkdocs_build(config)
    site.write({"interviews/one.md": writeup(title="Edited title", field="Music production")})
    site.write({"interviews/three.md": writeup(title="Third", date="2024-01-01")})
    mkdocs_build(config)
    fresh = site.root / "fresh"
    mkdocs_build(load_config(config_file, site_dir=str(fresh)))
    pages = reproducible_files(fresh)
    assert pages == reproducible_files(again)
    for page in pages:
        if page.suffix in (".html", ".xml", ".json"):
            assert (again / page).read_bytes() == (fresh / page).read_bytes(), page
    assert "Edited title" in (fresh / "fields/music-production/index.html").read_text("utf-8")
