"""The preview's rebuilds as MkDocs sees them: the plugin answers `File.is_modified` for
every page of a `mkdocs serve --dirty` build, from the fingerprints of `preview`.

MkDocs asks each page's file twice, before reading the page and before rendering it; the
answer is made once and kept, so that a page is either made whole or left as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .build import SiteBuild
from .model import WriteUp
from .preview import PACKAGE_DIR, Memory, Rebuild, digest, folder_digest, versions
from .problems import FileProblems
from .text import decode

DIRTY_WARNING = "A 'dirty' build is being performed"
"""The start of the warning MkDocs logs on every `--dirty` build: its navigation and other
pages may go stale. With the plugin's answers they do not; the warning is left out."""

CROSS_PAGE_PLUGINS = {
    "material/search": "Material's search indexes each page as it renders it",
    "search": "MkDocs' search indexes each page as it renders it",
    "material/tags": "the tags plugin lists the pages of each tag",
    "material/blog": "the blog plugin lists its posts",
    "autorefs": "autorefs links headings of other pages",
    "macros": "macros may include other files",
    "rss": "the rss plugin lists other pages",
}
"""Plugins whose page shows what other pages (or files) hold: with one of them on, only a
whole rebuild is sure to equal a fresh build."""

FILE_INCLUDING_EXTENSIONS = ("pymdownx.snippets", "markdown_include.include", "mdx_include")
"""Markdown extensions that put other files in a page, which its fingerprint does not hold."""


def whole_because(config: MkDocsConfig) -> str | None:
    """Why every rebuild of this site's preview must make every page, if it must."""
    for name, reason in CROSS_PAGE_PLUGINS.items():
        plugin = config.plugins.get(name)
        if plugin is not None and bool(plugin.config.get("enabled", True)):
            return reason
    for extension in config.markdown_extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        if name in FILE_INCLUDING_EXTENSIONS:
            return f"{name} includes other files in pages"
    return None


class QuietDirty(logging.Filter):
    """Leaves out MkDocs' warning about `--dirty` builds (see DIRTY_WARNING)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


class PreviewRebuild:
    """One `--dirty` build of the preview: which pages MkDocs makes again."""

    def __init__(self, memory: Memory, config: MkDocsConfig, site: str) -> None:
        self.because = whole_because(config)
        """Why every page is made again, on every save (None when a save can make fewer)."""
        self.rebuild = Rebuild(memory, site, Path(config.site_dir), whole=bool(self.because))
        self.decided: dict[str, bool] = {}
        """Each page's answer, by source path, once made."""
        self.scopes: Scopes | None = None
        self.files: list[File] = []

    def answer(self, files: Files, build: SiteBuild, sources: dict[str, bytes]) -> None:
        """Answer MkDocs for every page of `files`: the write-ups now, the others when asked."""
        build.listed.keep(self.rebuild.excerpts())
        self.scopes = Scopes(build, sources)
        self.files = [file for file in files if file.inclusion.value >= InclusionLevel.DRAFT.value]
        pages = [file for file in self.files if file.is_documentation_page()]
        for file in pages:
            source = sources.get(file.src_uri)
            if source is not None and build.project.document(file.src_uri) is not None:
                self._writeup(file, build, source)
        for file in pages:
            file.is_modified = _Answer(self, file, build)  # type: ignore[method-assign]

    def _writeup(self, file: File, build: SiteBuild, source: bytes) -> None:
        path = file.src_uri
        assert self.scopes is not None
        inputs = build.decoration_inputs(path)
        if inputs is not None:
            around = "\0".join(self.scopes.flat(inputs))
        else:  # only making the decoration tells what it shows
            text = decode(source, FileProblems(path))  # as the page will be read: see plugin
            around = build.surroundings(path, text) or ""
        made = self.rebuild.changed(path, file.dest_uri, digest((source, around)))
        self.decided[path] = made

    def decide(self, file: File, build: SiteBuild) -> bool:
        """Whether MkDocs makes the page of `file` again (answered once)."""
        path = file.src_uri
        made = self.decided.get(path)
        if made is not None:
            return made
        if not build.is_generated(path) or file.inclusion != InclusionLevel.NOT_IN_NAV:
            # Another page of the site, or a page of the navigation (its title is in every
            # page's navigation).
            made = self.rebuild.always(path)
        else:
            assert self.scopes is not None
            as_html, scope = build.scope_of(path)
            # A page from Markdown is all in its file; one from HTML, in what it shows.
            shown = self.scopes.of(scope) if as_html else ""
            made = self.rebuild.changed(path, file.dest_uri, digest((file.content_bytes, shown)))
        self.decided[path] = made
        return made

    def finish(self, build: SiteBuild) -> str:
        """Keep this build for the next and delete what the last wrote that this one no
        longer makes; what it made, for the log."""
        outputs = {file.dest_uri for file in self.files}
        site_dir = self.rebuild.site_dir
        for path in self.rebuild.finish(build.listed.kept(), outputs):
            _delete(path, site_dir)
        pages = sum(1 for file in self.files if file.is_documentation_page())
        if self.because:
            return f"all {pages} pages made (on every save: {self.because})"
        if self.rebuild.whole:
            return f"all {pages} pages made (a save makes again only the pages it changes)"
        return f"{len(self.rebuild.made)} of {pages} pages made again, the others unchanged"


class Scopes:
    """The digest of the write-ups each generated page shows (`PagePlan.scope`): those that
    answer a question, in a field or in any; all of them for the other pages. The readers'
    questions are in each (a question page shows which are waiting, and which write-up
    answered one)."""

    def __init__(self, build: SiteBuild, sources: dict[str, bytes]) -> None:
        self.by_scope: dict[tuple[str | None, str | None] | None, list[str]] = {None: []}
        self.sources: dict[str, str] = {}
        """Each write-up's file, as a digest, by path."""
        seen = self.sources
        others = []
        for doc in build.project.documents:
            source = digest((doc.path, sources.get(doc.path, b"")))
            seen[doc.path] = source
            self.by_scope[None].append(source)
            if doc.writeup is None:  # a stand-in for a write-up with problems: anywhere
                others.append(source)
                continue
            for item in doc.writeup.fields:
                self.by_scope.setdefault((None, item.slug), []).append(source)
            for answer in doc.writeup.answers:
                question = answer.question.id
                self.by_scope.setdefault((question, None), []).append(source)
                for item in doc.writeup.fields:
                    self.by_scope.setdefault((question, item.slug), []).append(source)
        listings = build.index.listings
        answering = (listings.writeup(ask.answered_in) for ask in build.index.queue.asks)
        queue = (seen.get(w.path, "?") if w is not None else "-" for w in answering)
        self.shared = digest((*others, *queue))

    def flat(self, inputs: object) -> Iterator[str]:
        """`inputs` (`SiteBuild.decoration_inputs`) as text: each write-up by its file."""
        if isinstance(inputs, WriteUp):
            yield f"writeup\0{inputs.path}\0{self.sources.get(inputs.path, '?')}"
        elif isinstance(inputs, (list, tuple)):
            yield "["
            for item in inputs:
                yield from self.flat(item)
            yield "]"
        else:
            yield repr(inputs)

    def of(self, scope: tuple[str | None, str | None] | None) -> str:
        """The digest of the write-ups a page of `scope` shows."""
        return digest((self.shared, repr(scope), *self.by_scope.get(scope, ())))


class _Answer:
    """A file's `is_modified`, answered by the preview's rebuild."""

    def __init__(self, rebuild: PreviewRebuild, file: File, build: SiteBuild) -> None:
        self.rebuild, self.file, self.build = rebuild, file, build

    def __call__(self) -> bool:
        return self.rebuild.decide(self.file, self.build)


def site_fingerprint(
    config: MkDocsConfig, plugin: Sequence[str | bytes], files: Files, nav: Navigation
) -> str:
    """What every page depends on (see `preview`), with the plugin's own part (its options,
    settings, catalogs): any change makes every page again."""
    parts: list[str | bytes] = [versions(), folder_digest(PACKAGE_DIR), *plugin]
    if config.config_file_path:
        parts.append(Path(config.config_file_path).read_bytes())
    for folder in config.theme.dirs:
        parts.append(folder_digest(Path(folder), whole=folder == config.theme.custom_dir))
    parts.append("\n".join(_listed(files)))
    parts.extend(_navigation(nav.items))
    return digest(parts)


def _listed(files: Files) -> Iterator[str]:
    """Every file with its address and inclusion: a file added or removed, or moved."""
    for file in files:
        yield f"{file.src_uri}\0{file.dest_uri}\0{file.url}\0{file.inclusion.name}"


def _navigation(items: Sequence[Any]) -> Iterator[str | bytes]:
    """The navigation as every page shows it. A page's title is the navigation's when it
    gives one; else it comes from the page's text, which is then part of it."""
    for item in items:
        if isinstance(item, Page):
            title = item.title  # before the page is read: only the navigation's own
            yield f"page\0{title}\0{item.url}"
            if title is None:
                yield item.file.content_bytes
        elif isinstance(item, Section):
            yield f"section\0{item.title}"
            yield from _navigation(item.children)
            yield "end"
        elif isinstance(item, Link):
            yield f"link\0{item.title}\0{item.url}"


def _delete(path: Path, site_dir: Path) -> None:
    """Delete a file of the site folder, and the folders it leaves empty."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    folder = path.parent
    while folder != site_dir and folder.is_relative_to(site_dir):
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent
