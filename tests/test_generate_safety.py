"""`generate` writes only a folder of its own, and removes only what it wrote there.

Each refused folder: exit status 2, a message naming the folder, why and the fix, and every
file where it was. Run in process, in the site's folder, as an author runs the command.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import MKDOCS_YML, Site, writeup
from mkdocs_interviews.cli import main
from mkdocs_interviews.generate import MARKER, MARKER_LINE


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes), folder and link (None) under `folder`, by relative path."""
    found: dict[str, bytes | None] = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink() or path.is_dir():
            found[relative] = None
        else:
            found[relative] = path.read_bytes()
    return found


@pytest.fixture
def site(make_site, monkeypatch: pytest.MonkeyPatch) -> Site:
    """A tiny site with a write-up and a photo, the current folder being its own."""
    made: Site = make_site({"interviews/editor.md": writeup(), "images/photo.png": b"\x89PNG"})
    (made.root / ".git").mkdir()
    (made.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    monkeypatch.chdir(made.root)
    return made


def generate(folder: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["generate", str(folder)])
    out, err = capsys.readouterr()
    return status, out, err


def assert_refused(
    folder: str | Path, capsys: pytest.CaptureFixture[str], kept: Path, *reason: str
) -> str:
    """`generate folder` is refused with `reason` in its message, and `kept` is unchanged."""
    before = snapshot(kept)
    status, out, err = generate(folder, capsys)
    assert status == 2, (out, err)
    assert err.startswith(f"error: {folder}"), err
    for words in reason:
        assert words in err
    assert "nothing was written or deleted" in err
    assert "Traceback" not in err
    assert snapshot(kept) == before
    return err


# -- refused folders ----------------------------------------------------------------------


def test_the_docs_folder_is_refused(site: Site, capsys) -> None:
    err = assert_refused("content", capsys, site.root, "is the docs folder", "build/docs")
    assert len(err.splitlines()) == 1
    assert (site.docs / "interviews" / "editor.md").read_text() == writeup()


def test_the_docs_folder_through_a_link_or_another_spelling_is_refused(site: Site, capsys) -> None:
    (site.root / "alias").symlink_to("content", target_is_directory=True)
    assert_refused("alias", capsys, site.root, "is the docs folder")
    assert_refused("content/../content", capsys, site.root, "is the docs folder")
    assert_refused(site.docs.resolve(), capsys, site.root, "is the docs folder")


def test_a_folder_inside_the_docs_folder_is_refused(site: Site, capsys) -> None:
    assert_refused("content/build", capsys, site.root, "is inside the docs folder")
    assert_refused("content/images", capsys, site.root, "is inside the docs folder")
    (site.root / "into-docs").symlink_to("content/interviews", target_is_directory=True)
    assert_refused("into-docs", capsys, site.root, "is inside the docs folder")
    assert not (site.docs / "build").exists()


def test_the_project_folder_and_those_holding_it_are_refused(site: Site, capsys) -> None:
    assert_refused(".", capsys, site.root, "is the site's folder", "mkdocs.yml")
    assert_refused(site.root, capsys, site.root, "is the site's folder")
    assert_refused("..", capsys, site.root.parent, "holds the site's folder")
    assert (site.root / "mkdocs.yml").is_file() and (site.root / ".git" / "HEAD").is_file()


def test_a_folder_holding_the_docs_folder_is_refused(site: Site, capsys) -> None:
    # The docs folder deeper than the project's own folder: src/content.
    (site.root / "src").mkdir()
    site.docs.rename(site.root / "src" / "content")
    config = MKDOCS_YML.replace("docs_dir: content", "docs_dir: src/content")
    (site.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert_refused("src", capsys, site.root, "holds the docs folder")


def test_a_repository_or_another_site_is_refused(site: Site, tmp_path: Path, capsys) -> None:
    other = tmp_path / "other-site"
    (other / ".git").mkdir(parents=True)
    # Dot files alone are no obstacle, but a repository is.
    assert_refused(other, capsys, tmp_path, "holds .git")
    (other / ".git").rmdir()
    (other / "mkdocs.yml").write_text("site_name: Other\n")
    assert_refused(other, capsys, tmp_path, "holds mkdocs.yml")


def test_a_folder_generate_did_not_make_is_refused(site: Site, capsys) -> None:
    (site.root / "notes").mkdir()
    (site.root / "notes" / "ideas.md").write_text("My ideas\n")
    assert_refused("notes", capsys, site.root, "is not empty", "did not make it", MARKER)
    (site.root / "a-file.txt").write_text("text\n")
    assert_refused("a-file.txt", capsys, site.root, "is a file, not a folder")


def test_a_file_added_to_the_generated_folder_is_not_removed(site: Site, capsys) -> None:
    assert generate("build/docs", capsys)[0] == 0
    (site.root / "build" / "docs" / "interviews" / "mine.md").write_text("Mine\n")
    assert_refused(
        "build/docs",
        capsys,
        site.root,
        "holds interviews/mine.md, which generate did not write",
        "move it out",
    )


def test_a_link_in_the_generated_folder_is_not_followed(site: Site, capsys) -> None:
    assert generate("build/docs", capsys)[0] == 0
    out = site.root / "build" / "docs"
    # The generated folder's interviews/ replaced by a link to the write-ups themselves.
    shutil.rmtree(out / "interviews")  # the write-ups and the archive's pages
    (out / "interviews").symlink_to(site.docs / "interviews", target_is_directory=True)
    assert_refused("build/docs", capsys, site.root, "holds interviews, which generate did not")
    assert (site.docs / "interviews" / "editor.md").is_file()


@pytest.mark.parametrize(
    "listed",
    ["../../mkdocs.yml", "/etc/hostname", "../../content/interviews/editor.md", ".git/HEAD"],
)
def test_a_marker_listing_other_files_is_refused(site: Site, capsys, listed: str) -> None:
    assert generate("build/docs", capsys)[0] == 0
    marker = site.root / "build" / "docs" / MARKER
    marker.write_text(f"{marker.read_text()}{json.dumps(listed)}\n")
    assert_refused(
        "build/docs", capsys, site.root, MARKER, "is not a list of the files generate wrote"
    )


def test_a_marker_of_something_else_is_refused(site: Site, capsys) -> None:
    out = site.root / "out"
    out.mkdir()
    (out / MARKER).write_text("some other tool's file\n")
    (out / "page.md").write_text("A page\n")
    assert_refused("out", capsys, site.root, "is not a list of the files generate wrote")


# -- its own folder -----------------------------------------------------------------------


def test_a_new_empty_or_dot_file_only_folder_is_written(site: Site, capsys) -> None:
    status, out, _err = generate("build/docs", capsys)
    assert status == 0
    assert "Wrote " in out
    (site.root / "empty").mkdir()
    assert generate("empty", capsys)[0] == 0
    (site.root / "kept").mkdir()
    (site.root / "kept" / ".gitkeep").write_text("")
    assert generate("kept", capsys)[0] == 0
    assert (site.root / "kept" / ".gitkeep").is_file()
    assert (site.root / "kept" / "interviews" / "editor.md").is_file()
    assert snapshot(site.root / "empty").keys() == snapshot(site.root / "build" / "docs").keys()


def test_the_marker_says_what_the_folder_is_and_lists_every_file(site: Site, capsys) -> None:
    assert generate("build/docs", capsys)[0] == 0
    out = site.root / "build" / "docs"
    lines = (out / MARKER).read_text(encoding="ascii").splitlines()
    assert lines[0] == MARKER_LINE
    listed = {json.loads(line) for line in lines[1:]}
    written = {path for path, content in snapshot(out).items() if content is not None}
    assert listed == written - {MARKER}
    assert {"interviews/editor.md", "images/photo.png", "fields/index.md"} <= listed


def test_a_second_run_removes_what_the_first_wrote_and_nothing_else(site: Site, capsys) -> None:
    assert generate("build/docs", capsys)[0] == 0
    out = site.root / "build" / "docs"
    first = snapshot(out)
    (out / ".DS_Store").write_bytes(b"the file manager's")
    (out / "interviews" / ".notes.swp").write_bytes(b"an editor's")
    # The photo and the write-up leave the site: their generated copies must go too.
    (site.docs / "images" / "photo.png").unlink()
    (site.docs / "images").rmdir()
    (site.docs / "interviews" / "editor.md").rename(site.docs / "interviews" / "reporter.md")
    assert generate("build/docs", capsys)[0] == 0
    second = snapshot(out)
    assert "images/photo.png" not in second and "images" not in second
    assert "interviews/editor.md" not in second
    assert "interviews/reporter.md" in second
    assert second[".DS_Store"] == b"the file manager's"
    assert second["interviews/.notes.swp"] == b"an editor's"
    # Back as it was: the same folder as the first run's.
    (site.docs / "interviews" / "reporter.md").rename(site.docs / "interviews" / "editor.md")
    site.write({"images/photo.png": b"\x89PNG"})
    assert generate("build/docs", capsys)[0] == 0
    third = snapshot(out)
    del third[".DS_Store"], third["interviews/.notes.swp"]
    assert third == first


def test_a_run_stopped_half_way_leaves_a_folder_the_next_run_knows(site: Site, capsys) -> None:
    out = site.root / "build" / "docs"
    assert generate(out, capsys)[0] == 0
    lines = (out / MARKER).read_text().splitlines()
    # As if the run had stopped after writing half of the files it lists.
    for line in lines[len(lines) // 2 :]:
        (out / json.loads(line)).unlink()
    (out / MARKER).write_text("\n".join(lines[: len(lines) // 2]) + "\n")
    status, _out, err = generate(out, capsys)
    assert status == 0, err
    assert (out / "interviews" / "editor.md").is_file()


def test_a_file_that_cannot_be_written_is_an_error_not_a_traceback(site: Site, capsys) -> None:
    out = site.root / "build" / "docs"
    assert generate(out, capsys)[0] == 0
    # A folder (holding only a dot file, which generate leaves alone) where it writes a file.
    (out / "fields" / "index.md").unlink()
    (out / "fields" / "index.md").mkdir()
    (out / "fields" / "index.md" / ".keep").write_text("")
    status, _out, err = generate(out, capsys)
    assert status == 2
    assert "Traceback" not in err
    assert err.startswith("error: ") and "run generate again" in err


def test_generate_from_another_folder(
    site: Site, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status = main(["-f", str(site.root / "mkdocs.yml"), "generate", "elsewhere"])
    capsys.readouterr()
    assert status == 0
    assert (tmp_path / "elsewhere" / "interviews" / "editor.md").is_file()
    before = snapshot(site.root)
    status = main(["-f", str(site.root / "mkdocs.yml"), "generate", str(site.docs)])
    assert status == 2
    assert snapshot(site.root) == before
