"""`generate`: the site's docs folder as the plugin would build it, for builders that run no
MkDocs plugins (ProperDocs with the plugin disabled, Zensical).

The folder holds the hand-written pages and files, the write-ups with their header, answer
anchors and links, the generated pages, the stylesheet, the open data and the feeds: a builder
pointed at it, with `attr_list` and `md_in_html` on and the stylesheet in `extra_css`, makes
the same pages with the same links.

`generate` writes only a folder of its own, and removes only what it wrote there: a new or
empty folder, or one holding its MARKER file (a dot file, which builders leave out), which
lists the files it wrote. It refuses the docs folder, any folder inside it or holding it, the
project's folder or one holding it, a repository, and any other folder that is not empty.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath
from typing import Any, NoReturn

import yaml

from .build import HEAD_KEY, HEAD_TEMPLATE, MATERIAL_DIR, THEME_DIR, SiteBuild, head_data
from .model import MARKDOWN_SUFFIXES
from .problems import FileProblems, Problem
from .project import Options
from .text import decode
from .writeups import split_front_matter

MARKER = ".mkdocs-interviews-generated"
"""The file that makes a folder `generate`'s own, listing the files it wrote there."""

THEME_FOLDER = ".overrides"
"""The folder of the theme template that prints a page's head (HEAD_TEMPLATE): builders
leave dot folders out of the pages; a configuration names it as the theme's `custom_dir`."""

MATERIAL_PARTIALS = ("partials/source.html",)
"""The plugin's replacements of Material's templates that `generate` writes there too: the
repository link, the same in Zensical's templates. Not the search partial: Zensical's search
is its own (its dialog has a name), and Material's markup would replace it."""

MARKER_LINE = (
    "This folder was written by 'python -m mkdocs_interviews generate', which removes the "
    "files listed below (one a line, as JSON strings) and writes them anew on each run."
)
"""The marker's first line, by which `generate` knows the folder is its own."""

_EXAMPLE = "such as build/docs"
_PROJECT_FILES = ("mkdocs.yml", "mkdocs.yaml", ".git")


class OutputFolderError(Exception):
    """`generate` will not write the folder (it holds what `generate` did not write, or is
    the site itself), or could not: the message names the folder or file, why, and the fix."""


@dataclass
class Generated:
    """What `generate` wrote, relative to the folder, and what it left out on purpose."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Generated paths where the docs folder has a file of its own, which is used instead."""
    problems: list[Problem] = field(default_factory=list)
    """Write-ups that took the address of a generated page (see `GaveWay.problem`)."""


def generate(
    docs_dir: Path,
    out_dir: Path,
    *,
    project_dir: Path,
    build: SiteBuild,
    options: Options,
    files: Sequence[tuple[str, Path]] | None = None,
) -> Generated:
    """Write the built docs folder to `out_dir`, replacing what a previous run wrote there.

    `files` are the site's files as its builder publishes them (path relative to the docs
    folder, and the file), without those it excludes or holds back; by default, every file
    of `docs_dir` but dot files.

    Raises OutputFolderError, having deleted nothing, when `out_dir` is not `generate`'s to
    write (see the module's docstring), and when a file cannot be read or written.
    """
    previous = own_files(out_dir, docs_dir=docs_dir, project_dir=project_dir)
    shown, docs_dir, out_dir = out_dir, docs_dir.resolve(), out_dir.resolve()
    result = Generated()
    try:
        # Everything is rendered before anything is removed, so that a template that fails
        # leaves the previous folder as it was. Files copied as they are wait for the copy.
        sources = _walk(docs_dir) if files is None else files
        planned = list(_planned(sources, build, options, result))
        _remove(out_dir, previous)
        _write_all(out_dir, planned, result)
    except OSError as error:
        name = error.filename or shown
        raise OutputFolderError(
            f"{name}: {error.strerror or error} (check that it can be read and written, and "
            "the free space, then run generate again)"
        ) from error
    return result


def _walk(docs_dir: Path) -> list[tuple[str, Path]]:
    """Every file of the docs folder but dot files, by path relative to it."""
    found = []
    for source in sorted(docs_dir.rglob("*")):
        relative = source.relative_to(docs_dir).as_posix()
        if source.is_file() and not any(part.startswith(".") for part in relative.split("/")):
            found.append((relative, source))
    return found


def _planned(
    sources: Sequence[tuple[str, Path]], build: SiteBuild, options: Options, result: Generated
) -> Iterator[tuple[str, bytes | Path]]:
    """Each file to write, relative to the folder, with its content or the file to copy:
    the site's files (pages shaped as the plugin shapes them), the build's, and the theme
    templates: the one that prints the pages' head, and Material's partials replaced."""
    own = []
    for relative, source in sources:
        doc = build.project.document(relative)
        if options.is_catalog(relative) or (doc is not None and doc.draft):
            continue
        own.append(relative)
        shaped = None
        if relative.endswith(MARKDOWN_SUFFIXES):
            shaped = _shaped(relative, source.read_bytes(), build)
        yield relative, source if shaped is None else shaped
    added, gave_way = build.files(own)
    result.kept.extend(kept.path for kept in gave_way)
    result.problems.extend(kept.problem for kept in gave_way if kept.problem is not None)
    for output in added:
        shaped = None
        if output.path.endswith(".md"):
            shaped = _shaped(output.path, output.content, build)
        yield output.path, output.content if shaped is None else shaped
    yield f"{THEME_FOLDER}/{HEAD_TEMPLATE}", THEME_DIR / HEAD_TEMPLATE
    for partial in MATERIAL_PARTIALS:
        yield f"{THEME_FOLDER}/{partial}", MATERIAL_DIR / partial


def _write_all(out_dir: Path, planned: list[tuple[str, bytes | Path]], result: Generated) -> None:
    """Write the files, each listed in the marker before it is written: a run that stops
    half-way leaves a folder the next run still knows for its own."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / MARKER).open("w", encoding="ascii", newline="\n") as marker:
        marker.write(MARKER_LINE + "\n")
        for relative, content in planned:
            marker.write(json.dumps(relative) + "\n")
            target = out_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                shutil.copyfile(content, target)
            else:
                target.write_bytes(content)
            result.written.append(relative)


def _shaped(path: str, data: bytes, build: SiteBuild) -> bytes | None:
    """A page as the build shapes it, its head in its front matter (HEAD_KEY) for the theme
    template THEME_FOLDER holds; None when the build changes nothing of it."""
    doc = build.project.document(path)
    if doc is not None:
        # Decoded as the write-up was read (its problems were reported then), lone CRs too.
        text = decode(data, FileProblems(path))
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None  # not a page MkDocs can read either: left for the builder to report
    if doc is None:
        meta, body = _front_matter(text)
    else:  # as read; with none, MkDocs hands on the whole text
        meta, body = doc.meta, _body(text) if doc.meta else text
    shaped = build.shape(path, body, meta)
    unchanged = shaped.markdown == body and shaped.meta == meta and shaped.head is None
    if unchanged and (doc is None or data == text.encode()):
        return None  # a write-up is written as read when it was not UTF-8 with `\n`s
    front = dict(shaped.meta)
    if shaped.head is not None:
        front[HEAD_KEY] = head_data(shaped.head)
    if not front:
        return shaped.markdown.encode()
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n\n{shaped.markdown}".encode()


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A page's front matter and Markdown, as MkDocs reads them: no front matter, or one
    that is not a YAML mapping, leaves the whole text as the Markdown."""
    try:
        front, body = split_front_matter(text)
        meta = yaml.safe_load(front)
    except (ValueError, yaml.YAMLError):
        return {}, text
    return (meta, body.lstrip("\n")) if isinstance(meta, dict) and meta else ({}, text)


def _body(text: str) -> str:
    """The Markdown of a page whose front matter was read, as MkDocs hands it on."""
    return split_front_matter(text)[1].lstrip("\n")


# -- whose folder it is -------------------------------------------------------------------


def own_files(out_dir: Path, *, docs_dir: Path, project_dir: Path) -> list[str]:
    """The files a previous run wrote to `out_dir`, once sure that `generate` may write
    there; raises OutputFolderError otherwise. (Folders are compared resolved, and shown as
    given.)"""
    out, docs, project = out_dir.resolve(), docs_dir.resolve(), project_dir.resolve()
    fix = f"give a new or empty folder outside the docs folder, {_EXAMPLE}"
    if _within(project, out):
        what = "is" if _within(out, project) else "holds"
        refuse(out_dir, f"{what} the site's folder ({project}, with mkdocs.yml)", fix)
    if _within(out, docs):
        what = "is" if _within(docs, out) else "is inside"
        refuse(out_dir, f"{what} the docs folder ({docs_dir})", fix)
    if _within(docs, out):
        refuse(out_dir, f"holds the docs folder ({docs_dir})", fix)
    if not out.exists():
        return []
    if not out.is_dir():
        refuse(out_dir, "is a file, not a folder", fix)
    try:
        names = {entry.name for entry in out.iterdir()}
        own = _listed(out_dir, out)
    except OSError as error:
        refuse(out_dir, f"cannot be read ({error.strerror})", fix)
    for name in _PROJECT_FILES:
        if name in names and name not in (own or ()):
            refuse(out_dir, f"holds {name}, so it is a site or a repository", fix)
    if own is None:
        # Dot files are left alone (builders skip them too): a `.gitkeep` is no obstacle.
        if any(not name.startswith(".") for name in names):
            refuse(out_dir, f"is not empty, and generate did not make it (no {MARKER})", fix)
        return []
    stranger = _stranger(out, set(own))
    if stranger is not None:
        refuse(
            out_dir,
            f"holds {stranger}, which generate did not write",
            "move it out, into the docs folder if the site needs it, then run generate again",
        )
    return own


def refuse(folder: Path, what: str, fix: str) -> NoReturn:
    """Raise the OutputFolderError saying why `folder` is not written, and what to do."""
    raise OutputFolderError(f"{folder}: {what}, so nothing was written or deleted ({fix})")


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies inside it (both resolved). Compared as the disk
    sees them, so that a case-insensitive disk or a second name of a folder changes nothing."""
    try:
        folder_stat = folder.stat()
    except OSError:
        return False
    for candidate in (path, *path.parents):
        try:
            if os.path.samestat(candidate.stat(), folder_stat):
                return True
        except OSError:
            continue  # not made yet
    return False


def _listed(shown: Path, out_dir: Path) -> list[str] | None:
    """The files the folder's marker lists; None when it has no marker."""
    try:
        lines = (out_dir / MARKER).read_bytes().decode("ascii").splitlines()
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        lines = []
    paths = [_listed_path(line) for line in lines[1:]]
    if not lines or lines[0] != MARKER_LINE or None in paths:
        refuse(
            shown / MARKER,
            "is not a list of the files generate wrote",
            f"delete the folder yourself if nothing in it is yours, or give another, {_EXAMPLE}",
        )
    return [path for path in paths if path is not None]


def _listed_path(line: str) -> str | None:
    """A path of the marker, if it is one `generate` writes: relative, and in no dot folder."""
    try:
        path = json.loads(line)
    except ValueError:
        return None
    if not isinstance(path, str) or PurePath(path).is_absolute() or PurePath(path).drive:
        return None
    parts = PurePosixPath(path).parts
    if parts[:1] == (THEME_FOLDER,):
        parts = parts[1:]
    if not parts or any(part.startswith(".") for part in parts):
        return None
    return path


def _stranger(out_dir: Path, own: set[str]) -> str | None:
    """The first file or link of `out_dir` that is not among `own`, dot files aside (builders
    leave them out, and editors and file managers leave theirs everywhere)."""
    for folder, subfolders, names in os.walk(out_dir):
        relative = Path(os.path.relpath(folder, out_dir)).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in subfolders:
            if os.path.islink(os.path.join(folder, name)):
                return f"{prefix}{name}"  # generate writes no links
        for name in sorted(names):
            path = f"{prefix}{name}"
            link = os.path.islink(os.path.join(folder, name))
            if not name.startswith(".") and (path not in own or link):
                return path
    return None


def _remove(out_dir: Path, own: list[str]) -> None:
    """Remove the files a previous run wrote, and the folders they leave empty."""
    folders: set[Path] = set()
    for relative in own:
        target = out_dir / relative
        if target.is_file() and not target.is_symlink():
            target.unlink()
        # The listed paths are relative and go through no link (see own_files).
        folders.update(target.parents[: len(PurePosixPath(relative).parts) - 1])
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty: it holds someone's dot files
            folder.rmdir()
