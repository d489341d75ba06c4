"""The preview's fingerprints and memory (`preview`), without MkDocs: what makes a page be
made again, and what a rebuild deletes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_interviews.preview import Memory, Rebuild, digest, folder_digest, versions


def test_digest_keeps_parts_apart() -> None:
    assert digest(["ab", "c"]) != digest(["a", "bc"])
    assert digest(["a", b"b"]) == digest([b"a", "b"])
    assert digest([]) != digest([""])


def test_folder_digest_sees_a_file_saved_added_or_removed(tmp_path: Path) -> None:
    (tmp_path / "main.html").write_text("one")
    first = folder_digest(tmp_path)
    assert folder_digest(tmp_path) == first
    os.utime(tmp_path / "main.html", ns=(1, 1))  # saved again, however quickly
    saved = folder_digest(tmp_path)
    assert saved != first
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "footer.html").write_text("two")
    added = folder_digest(tmp_path)
    assert added != saved
    (tmp_path / "partials" / "footer.html").unlink()
    assert folder_digest(tmp_path) != added


def test_an_installed_themes_icons_are_left_to_its_version(tmp_path: Path) -> None:
    (tmp_path / ".icons").mkdir()
    before, whole = folder_digest(tmp_path), folder_digest(tmp_path, whole=True)
    (tmp_path / ".icons" / "new.svg").write_text("<svg/>")
    assert folder_digest(tmp_path) == before
    # A site's own custom_dir is looked at whole.
    assert folder_digest(tmp_path, whole=True) != whole
    assert "mkdocs-interviews=" in versions()


def _built(site: Path, *pages: str) -> None:
    for page in pages:
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text("built")


@pytest.mark.parametrize(
    ("site", "fingerprint", "on_disk", "made"),
    [
        ("s", "f", True, False),  # nothing changed
        ("s", "g", True, True),  # the page's inputs changed
        ("t", "f", True, True),  # the site changed: every page
        ("s", "f", False, True),  # its output is missing from the folder
    ],
)
def test_a_page_is_made_again_when_anything_of_it_changed(
    tmp_path: Path, site: str, fingerprint: str, on_disk: bool, made: bool
) -> None:
    memory = Memory()
    first = Rebuild(memory, "s", tmp_path)
    assert first.whole
    assert first.changed("a.md", "a/index.html", "f")
    _built(tmp_path, "a/index.html")
    first.finish({}, {"a/index.html"})
    if not on_disk:
        (tmp_path / "a" / "index.html").unlink()
    again = Rebuild(memory, site, tmp_path)
    assert again.changed("a.md", "a/index.html", fingerprint) is made
    assert ("a.md" in again.made) is made


def test_asked_for_a_whole_build_every_page_is_made(tmp_path: Path) -> None:
    memory = Memory()
    Rebuild(memory, "s", tmp_path).finish({}, set())
    rebuild = Rebuild(memory, "s", tmp_path, whole=True)
    assert rebuild.changed("a.md", "a/index.html", "f")
    assert rebuild.always("index.md")
    assert rebuild.made == {"a.md", "index.md"}


def test_finish_keeps_this_build_and_names_what_is_gone(tmp_path: Path) -> None:
    memory = Memory()
    first = Rebuild(memory, "s", tmp_path)
    first.changed("a.md", "a/index.html", "f")
    first.changed("b.md", "b/index.html", "f")
    assert first.finish({("a.md", "q"): "<p>A</p>"}, {"a/index.html", "b/index.html"}) == []
    again = Rebuild(memory, "s", tmp_path)
    assert again.excerpts() == {("a.md", "q"): "<p>A</p>"}
    again.changed("a.md", "a/index.html", "f")
    assert again.finish({}, {"a/index.html"}) == [tmp_path / "b/index.html"]
    assert memory.pages == {"a.md": "f"}
    # A whole build takes nothing from memory; a failed one makes the next whole.
    assert Rebuild(memory, "t", tmp_path).excerpts() == {}
    memory.forget()
    assert Rebuild(memory, "s", tmp_path).whole
