"""The content as MkDocs lists the site's files: what the build and `check` both read.

MkDocs decides which files make the site (`exclude_docs`, `draft_docs`, dot files, symlinked
folders followed, which names are pages). The plugin's `on_files` and the command line both
start from MkDocs' own list (`mkdocs.structure.files.get_files`) and read it here, so that
they read the same files and report the same problems.
"""

from __future__ import annotations

import errno
import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from .model import MARKDOWN_SUFFIXES
from .problems import Problem
from .project import Options


@dataclass(frozen=True)
class SiteFiles:
    """The catalogs and write-ups of a site's files, read, and the files that cannot be."""

    sources: dict[str, bytes]
    """The catalogs' and the write-ups' bytes, by path relative to the docs folder."""
    held_back: frozenset[str]
    """Write-ups that MkDocs keeps out of `mkdocs build` (`draft_docs`)."""
    problems: tuple[Problem, ...]
    """Files that cannot be read, or that MkDocs would publish as they are."""
    withheld: frozenset[str]
    """Files to leave out of the site: unreadable, or write-ups MkDocs would copy raw."""
    published: tuple[tuple[str, Path], ...] | None = None
    """Every file `mkdocs build` publishes, by path in the docs folder, with the file on disk
    (None when the files were not listed by MkDocs)."""


def read_site_files(files: Iterable[File], options: Options) -> SiteFiles:
    """Read the catalogs and write-ups among `files`, as MkDocs listed them."""
    sources: dict[str, bytes] = {}
    held_back: set[str] = set()
    problems: list[Problem] = []
    withheld: set[str] = set()
    loops = _Loops()
    files = list(files)
    problems.extend(_same_address(files))
    for file in files:
        if file.inclusion == InclusionLevel.EXCLUDED:
            continue
        path = file.src_uri
        loop = loops.through(file)
        if loop is not None:
            if loop not in loops.reported:
                loops.reported.add(loop)
                problems.append(Problem(printable_path(loop), _LOOP))
            withheld.add(path)
            continue
        shown = printable_path(path)
        if shown != path:
            problems.append(Problem(shown, _NOT_UTF8_NAME))
            withheld.add(path)
            continue
        wanted = options.is_catalog(path) or options.is_writeup(path)
        if not wanted and _raw_writeup(path, options):
            problems.append(Problem(path, _raw_message(path)))
            withheld.add(path)
            continue
        if not wanted:
            continue
        try:
            sources[path] = file.content_bytes
        except OSError as error:
            problems.append(Problem(path, unreadable(error)))
            withheld.add(path)
            continue
        if file.inclusion == InclusionLevel.DRAFT:
            held_back.add(path)
    held = (InclusionLevel.EXCLUDED, InclusionLevel.DRAFT)
    published = tuple(
        (file.src_uri, Path(file.abs_src_path))
        for file in files
        if file.abs_src_path is not None
        and file.inclusion not in held
        and file.src_uri not in withheld
    )
    return SiteFiles(sources, frozenset(held_back), tuple(problems), frozenset(withheld), published)


_LOOP = (
    "a symbolic link to a folder that holds it, so the folder goes on for ever (remove the "
    "link, or point it elsewhere; what lies below it is left out of the site)"
)


class _Loops:
    """Finds files reached through a symbolic link to a folder that holds the link.

    MkDocs follows linked folders, so such a link makes the same files appear again and
    again under ever longer paths, until the system refuses the path and the build fails.
    """

    def __init__(self) -> None:
        self.real: dict[str, str] = {}
        self.reported: set[str] = set()

    def through(self, file: File) -> str | None:
        """The folder (relative to the docs folder) where the file's path loops, if it does."""
        if file.abs_src_path is None or "/" not in file.src_uri:
            return None
        docs_dir = file.abs_src_path[: -len(file.src_uri)].rstrip("/\\")
        seen = [self._real(docs_dir)]
        folders = file.src_uri.split("/")[:-1]
        for depth in range(1, len(folders) + 1):
            relative = "/".join(folders[:depth])
            real = self._real(os.path.join(docs_dir, relative))
            if any(real == before or before.startswith(real + os.sep) for before in seen):
                return relative
            seen.append(real)
        return None

    def _real(self, path: str) -> str:
        if path not in self.real:
            self.real[path] = os.path.realpath(path)
        return self.real[path]


def _same_address(files: list[File]) -> list[Problem]:
    """A problem for each file whose address an earlier file already has.

    `interviews/editor.md` and `interviews/editor/index.md` are both `interviews/editor/`:
    MkDocs writes one over the other, and links meant for one reach the other.
    """
    first: dict[str, File] = {}
    problems = []
    for file in files:
        if file.inclusion == InclusionLevel.EXCLUDED or file.abs_src_path is None:
            continue
        other = first.setdefault(file.dest_uri, file)
        if other is not file:
            problems.append(
                Problem(
                    printable_path(file.src_uri),
                    f"its address, {file.url or './'}, is also that of "
                    f"{printable_path(other.src_uri)} (rename or move one of them)",
                )
            )
    return problems


def printable_path(path: str) -> str:
    """A path as text that can be printed: a name that is not UTF-8 shows its bad bytes as U+FFFD.

    (Python reads such names with 'surrogate escapes', which cannot be printed or written.)
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return path


_NOT_UTF8_NAME = (
    "the file name is not UTF-8 text (rename the file; it is left out of the site until then)"
)


def _raw_writeup(path: str, options: Options) -> bool:
    """A file of the write-ups' folder whose name ends like Markdown in another case (`.MD`)."""
    return options.in_interviews(path) and path.lower().endswith(MARKDOWN_SUFFIXES)


def _raw_message(path: str) -> str:
    stem, suffix = posixpath.splitext(posixpath.basename(path))
    return (
        f"MkDocs publishes a file ending in '{suffix}' as it is, not as a page (rename it to "
        f"'{stem}{suffix.lower()}'; it is left out of the site until then)"
    )


def unreadable(error: OSError) -> str:
    """Why a file cannot be read, in words, with the fix."""
    if error.errno == errno.ENOENT:
        reason = "it is a symbolic link to a file that does not exist"
    elif error.errno == errno.ELOOP:
        reason = "it is a symbolic link that leads back to itself"
    elif error.errno == errno.EACCES:
        reason = "permission to read it is denied"
    elif error.errno == errno.EISDIR:
        reason = "it is a folder"
    else:
        reason = error.strerror or str(error)
    return f"the file cannot be read: {reason} (fix or remove it; it is left out of the site)"
