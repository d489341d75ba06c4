"""The preview's rebuilds: which pages a rebuild of the preview must make again.

`mkdocs serve --dirty` builds into the same folder on every save and makes again only the
pages MkDocs is told are modified (`File.is_modified`); on its own it looks at a file's time
only, which misses every page whose inputs are other files (a field's page, when one of its
write-ups changes). Here each page gets a *fingerprint*: a digest of everything that goes
into it. A rebuild makes a page again when its fingerprint differs from the build before;
the others are left as that build wrote them, which is what this build would write.

- The *site's* fingerprint is what every page depends on: the configuration file, the
  plugin's options and code, the theme's templates, the catalogs, the list of files and
  their addresses, the navigation. When it changes, every page is made again.
- A write-up's is its file and the decoration the build puts around it (the header, the
  links after its answers, the footer with "More from" and the introductions, its problems).
- A generated page's is its front matter and the HTML the build made for it.
- Any other page of the site is made on every build (there are few, and the home page lists
  the latest interviews).

The excerpts the listings take from write-ups' conversions are kept from one build to the
next: a write-up left as it was is not converted again, and gives its excerpts from memory.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
"""The plugin's own code, templates and assets: part of every page's fingerprint."""

VERSIONED = ("mkdocs-interviews", "mkdocs", "mkdocs-material", "markdown", "jinja2")
"""The distributions whose version is part of the site's fingerprint (an upgrade while the
preview runs changes pages)."""

SKIPPED_FOLDERS = frozenset({".icons", "__pycache__"})
"""Folders of an installed theme not looked at: thousands of icons that change only with
the theme's version (which is looked at). A site's own `custom_dir` is looked at whole."""


def digest(parts: Iterable[str | bytes]) -> str:
    """One digest of `parts`, each kept apart from the next (`ab`,`c` is not `a`,`bc`)."""
    hashed = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "little"))
        hashed.update(data)
    return hashed.hexdigest()


def folder_digest(folder: Path, *, whole: bool = False) -> str:
    """A digest of the names, sizes and times of a folder's files: any file added, removed
    or saved changes it. Without `whole`, SKIPPED_FOLDERS are left out."""
    parts: list[str] = [str(folder)]
    for root, folders, names in os.walk(folder):
        folders.sort()
        if not whole:
            folders[:] = [name for name in folders if name not in SKIPPED_FOLDERS]
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:  # gone while walking
                continue
            parts.append(f"{os.path.relpath(path, folder)}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return digest(parts)


def versions() -> str:
    """The versions of VERSIONED, as one string."""
    found = []
    for name in VERSIONED:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return " ".join(found)


@dataclass
class Memory:
    """What a serving process keeps from one build for the next."""

    site: str | None = None
    """The site's fingerprint at the last build that finished (None: no build yet)."""
    pages: dict[str, str] = field(default_factory=dict)
    """Each page's fingerprint at that build, by source path."""
    excerpts: dict[tuple[str, str], str] = field(default_factory=dict)
    """The listings' excerpts taken from the write-ups' conversions, by (write-up path,
    question id)."""
    outputs: set[str] = field(default_factory=set)
    """The files that build wrote, by their path in the site folder."""

    def forget(self) -> None:
        """Make the next build a whole one (after a build that failed, for one)."""
        self.site = None
        self.pages.clear()
        self.excerpts.clear()
        self.outputs.clear()


class Rebuild:
    """One build's answers to "must this page be made again?", against the last build's
    `Memory`; `finish` makes this build's the memory for the next."""

    def __init__(self, memory: Memory, site: str, site_dir: Path, *, whole: bool = False) -> None:
        self.memory = memory
        self.site = site
        self.site_dir = site_dir
        self.whole = whole or memory.site != site
        """Whether every page is made again: the first build, the site changed, or asked."""
        self.pages: dict[str, str] = {}
        """This build's fingerprints, by source path."""
        self.made: set[str] = set()
        """The pages this build makes again."""

    def changed(self, path: str, output: str, fingerprint: str) -> bool:
        """Whether the page at `path`, written to `output` in the site folder, must be made
        again, given its fingerprint in this build."""
        self.pages[path] = fingerprint
        same = (
            not self.whole
            and self.memory.pages.get(path) == fingerprint
            and (self.site_dir / output).is_file()
        )
        if not same:
            self.made.add(path)
        return not same

    def always(self, path: str) -> bool:
        """A page made on every build (it is not fingerprinted)."""
        self.pages.pop(path, None)
        self.made.add(path)
        return True

    def excerpts(self) -> Mapping[tuple[str, str], str]:
        """The excerpts the last build kept, for the write-ups this build does not convert
        (none when the whole site is made again)."""
        return {} if self.whole else self.memory.excerpts

    def finish(self, excerpts: Mapping[tuple[str, str], str], outputs: set[str]) -> list[Path]:
        """Keep this build's fingerprints, excerpts and outputs for the next; the files the
        last build wrote that this one no longer makes (a write-up removed), to delete."""
        gone = sorted(self.site_dir / path for path in self.memory.outputs - outputs)
        memory = self.memory
        memory.site = self.site
        memory.pages = self.pages
        memory.excerpts = dict(excerpts)
        memory.outputs = outputs
        return gone
