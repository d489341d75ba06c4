"""The MkDocs plugin: a thin adapter between MkDocs' events and the core."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from . import urls
from .bearings import section_pages
from .build import MATERIAL_DIR, THEME_DIR, SiteBuild, SiteSettings, material_partials_fit
from .config import InterviewsConfig, site_markdown, site_settings
from .decoration import DecorationExtension
from .preview import Memory, digest, folder_digest
from .problems import FileProblems
from .project import Readings, paused_gc, read_project
from .question_form import QuestionFormError
from .rebuilds import PreviewRebuild, QuietDirty, site_fingerprint
from .render import COMPILED, SiteTemplateError
from .search import Indexed, Indexer, SearchIndexError, index_site
from .site_files import read_site_files
from .text import decode

# Not `get_plugin_logger`: its prefix would come before the file name, and every message
# here starts with the file.
log = logging.getLogger("mkdocs.plugins.interviews")

DIRTY_LOGGERS = ("mkdocs.commands.build", "properdocs.commands.build")
"""Where MkDocs (and ProperDocs) warn on each `--dirty` build (see `rebuilds.QuietDirty`)."""

INDEX_PAGES = (urls.INTERVIEWS, urls.FIELDS, urls.QUESTIONS, urls.ASK, urls.NETWORK)
"""Generated pages meant for the navigation; the others are reached from these."""


class InterviewsPlugin(BasePlugin[InterviewsConfig]):
    """Reads the write-ups and catalogs, reports their problems, and hands MkDocs the files
    and page shapes of one `SiteBuild`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings: SiteSettings | None = None
        """The site's settings, from `on_config`."""
        self.build: SiteBuild | None = None
        """This build's files and page shapes, from `on_files` (made anew on each build)."""
        self.decoration = DecorationExtension()
        """Places each write-up's decoration inside its page's Markdown conversion."""
        self.nav_pages: dict[str, Page] = {}
        """The navigation's pages by source path, from `on_nav`."""
        self.activated: Page | None = None
        """The navigation page made active for the page being rendered (see `_activate`)."""
        self.preview = False
        """Whether this process serves the site to its author (`mkdocs serve`), from
        `on_startup`: only then are problems shown on the pages and drafts listed."""
        self.dirty = False
        """Whether the preview builds `--dirty`: then the plugin tells MkDocs which pages
        changed (see `rebuilds`)."""
        self.memory = Memory()
        """What the preview keeps from one build for the next."""
        self.rebuild: PreviewRebuild | None = None
        """This `--dirty` build's answers, from `on_nav`."""
        self.sources: dict[str, bytes] = {}
        """The catalogs' and write-ups' bytes as this build read them, from `on_files`."""
        self.quiet = QuietDirty()
        self.readings = Readings()
        """The write-ups as the preview's last build read them (see `project.Readings`)."""
        self.indexer: Indexer | None = None
        """Indexes the site for the readers' search in the background, in `mkdocs serve`."""

    # With these two hooks MkDocs keeps one instance for every build of a process (each
    # rebuild of `mkdocs serve`); each build makes its settings and its `SiteBuild` anew.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = command == "serve"
        self.dirty = self.preview and dirty
        if self.dirty:
            for name in DIRTY_LOGGERS:
                logging.getLogger(name).addFilter(self.quiet)

    def on_shutdown(self) -> None:
        self.readings = Readings()
        self.preview = self.dirty = False
        self.settings = self.build = self.rebuild = None
        self.memory.forget()
        for name in DIRTY_LOGGERS:
            logging.getLogger(name).removeFilter(self.quiet)
        if self.indexer is not None:
            self.indexer.wait()  # the index being written, whole
            self.indexer = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.settings = site_settings(config, self.config, preview=self.preview)
        except QuestionFormError as error:
            raise PluginError(f"interviews plugin: {error}") from error
        # Answers are anchored with attribute lists; generated pages wrap Markdown in HTML.
        for extension in ("attr_list", "md_in_html"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # MkDocs hands its list to Python-Markdown, which takes extensions as objects too.
        extensions = cast("list[object]", config.markdown_extensions)
        if self.decoration not in extensions:
            extensions.append(self.decoration)
        # Each only once: a serving process may hand the same configuration to every build.
        if urls.STYLESHEET not in config.extra_css:
            config.extra_css.append(urls.STYLESHEET)
        # After the theme's own folders, so that it never shadows one of their templates.
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(THEME_DIR))
        dirs = config.theme.dirs
        if config.theme.name == "material" and str(MATERIAL_DIR) not in dirs:
            position = _theme_folder(dirs, config.theme.custom_dir)
            if position < len(dirs) and material_partials_fit(Path(dirs[position])):
                dirs.insert(position, str(MATERIAL_DIR))
            else:
                log.info(
                    "Material's partials/search.html, source.html and header.html are not those "
                    "of Material 9.7 to 9.8: the theme's own are used (the search dialog may "
                    "have no name, and the plugin's search has no box in the header)"
                )
        _check_search(config, self.config.search)
        return config

    # Run late, so that write-ups added by other plugins (mkdocs-gen-files) are read too.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        options = self.config.options()
        read = read_site_files(files, options)
        self.sources = read.sources
        for problem in read.problems:
            log.warning(str(problem))
        readings = self.readings if self.preview else None
        project = read_project(read.sources, options, read.held_back, readings)
        for problem in project.problems:
            log.warning(str(problem))
        # Withheld files cannot be published; the catalogs are data for the plugin.
        catalogs = (options.fields_file, options.questions_file, options.asks_file)
        for path in (*read.withheld, *catalogs):
            file = files.get_file_from_path(path)
            if file is not None:
                files.remove(file)
        for doc in project.documents:
            file = files.get_file_from_path(doc.path)
            if file is not None:
                _include(file, draft=doc.draft)
        try:
            with paused_gc():
                self.build = build = SiteBuild(
                    project, self.settings, site_markdown(config), as_html=True
                )
                self._add(files, config, build)
        except SiteTemplateError as error:  # an overridden template that cannot be used
            raise PluginError(str(error)) from error
        if self.settings.site_url is None:
            log.warning(
                f"{Path(config.config_file_path).name}: the feeds need 'site_url' (their links "
                "must be absolute): set it to the site's address; until then no feed is made"
            )
        return files

    def _add(self, files: Files, config: MkDocsConfig, build: SiteBuild) -> None:
        """Add the build's files to MkDocs' own, but where the site has one of its own."""
        held = (InclusionLevel.EXCLUDED, InclusionLevel.DRAFT)
        added, gave_way = build.files(file.src_uri for file in files if file.inclusion not in held)
        for output in added:
            path = output.path
            in_nav = path in INDEX_PAGES or not path.endswith(".md")
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=output.content, inclusion=inclusion))
        for kept in gave_way:
            if kept.problem is not None:
                log.warning(str(kept.problem))
                continue
            own = files.get_file_from_path(kept.own)
            kind = "page" if own is not None and own.is_documentation_page() else "file"
            which = "one" if kept.own == kept.path else f"{kept.path}, which has the same address"
            log.info(f"{kept.own}: a {kind} of the site is used instead of the generated {which}")

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        doc = None if self.build is None else self.build.project.document(page.file.src_uri)
        if doc is None:
            return None
        # The write-up as the plugin read it: bytes that are not UTF-8 replaced (already
        # reported) rather than abort the whole build, any newline made `\n`, and a newline
        # at the end, without which MkDocs would not see the front matter's closing line.
        text = decode(page.file.content_bytes, FileProblems(doc.path))
        return text if text.endswith("\n") else text + "\n"

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.build is None:
            return markdown
        shaped = self.build.shape(page.file.src_uri, markdown, page.meta, into=self.decoration)
        page.meta.clear()
        page.meta.update(shaped.meta)
        return shaped.markdown

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_pages = {page.file.src_uri: page for page in nav.pages}
        self.activated = None  # of an earlier build's navigation, should one have failed
        self.rebuild = None
        if self.dirty and self.build is not None:
            self._answer_dirty(config, files, nav, self.build)
        return nav

    def _answer_dirty(
        self, config: MkDocsConfig, files: Files, nav: Navigation, build: SiteBuild
    ) -> None:
        """Tell MkDocs which pages this `--dirty` build of the preview makes again."""
        options = self.config.options()
        catalogs = (options.fields_file, options.questions_file, options.asks_file)
        own = (
            f"{config.docs_dir}\0{config.site_dir}\0{config.site_url}",
            repr(sorted(self.config.items())),
            repr(self.settings),
            digest(self.sources.get(path, b"\0") for path in catalogs),
            # The site's own templates for the generated pages and the decoration.
            folder_digest(Path(self.config.templates_dir), whole=True)
            if self.config.templates_dir
            else "",
        )
        site = site_fingerprint(config, own, files, nav)
        self.rebuild = PreviewRebuild(self.memory, config, site)
        self.rebuild.answer(files, build, self.sources)

    # Before the search plugin reads the page: the listings' excerpts are filled in first.
    @event_priority(50)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # Every page is converted by now: each excerpt is known (see listed_excerpts).
        made = None if self.build is None else self.build.page_html(page.file.src_uri)
        if made is not None:
            page.content, toc = made
            page.toc = get_toc(cast("list[Any]", toc))
        elif self.build is not None and page.content:
            page.content = self.build.listed.fill(page.content, page.url)
        # In the template's context, not in `page.meta`, where a front-matter key of the
        # same name would replace it.
        head = None if self.build is None else self.build.head_of(page.file.src_uri)
        cast("dict[str, object]", context)["interviews_head"] = head
        self._activate(page)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._deactivate()
        return output

    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        if self.preview:  # each rebuild makes the theme's environment anew: compile once
            env.bytecode_cache = COMPILED
        return env

    # Last, once every other plugin has written its files: Pagefind reads the finished pages.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.rebuild is not None and self.build is not None:
            log.info(f"interviews: {self.rebuild.finish(self.build)}")
            self.rebuild = None
        if self.config.search == "pagefind":
            self._index_search(Path(config.site_dir))

    def _index_search(self, site_dir: Path) -> None:
        """Index the built site for the readers' search: in the background in a preview,
        whose reload does not wait for it."""
        if self.preview:
            if self.indexer is None:
                self.indexer = Indexer(_indexed, _not_indexed)
            self.indexer.request(site_dir)
            return
        try:
            _indexed(index_site(site_dir))
        except SearchIndexError as error:
            raise PluginError(f"interviews plugin: the readers' search: {error}") from error

    def on_build_error(self, *, error: Exception) -> None:
        self.memory.forget()  # what the failed build left in the folder is unknown
        self.rebuild = None

    def _activate(self, page: Page) -> None:
        """Make active, for the theme's tabs and sidebar, the navigation page of the section a
        page outside the navigation belongs to (a write-up's, a field's...)."""
        src = page.file.src_uri
        if self.build is None or src in self.nav_pages:
            return  # MkDocs makes a page of the navigation active itself
        writeup = self.build.project.document(src) is not None
        for path in section_pages(src, writeup=writeup):
            section = self.nav_pages.get(path)
            if section is not None:
                section.active = True  # and, by MkDocs, the sections above it
                self.activated = section
                return

    def _deactivate(self) -> None:
        """Leave the navigation as MkDocs had it, for the next page."""
        if self.activated is not None:
            self.activated.active = False
            self.activated = None


def _include(file: File, *, draft: bool) -> None:
    """How MkDocs includes a write-up: drafts are shown by `mkdocs serve` and left out of
    `mkdocs build`; the others are reached from field and question pages, not from the
    navigation. A file the site holds back (`draft_docs`) stays held back."""
    if draft:
        file.inclusion = InclusionLevel.DRAFT
        log.info(f"{file.src_uri}: a draft, shown by 'mkdocs serve', left out of builds")
    elif file.inclusion in (InclusionLevel.INCLUDED, InclusionLevel.UNDEFINED):
        file.inclusion = InclusionLevel.NOT_IN_NAV


def _check_search(config: MkDocsConfig, search: str) -> None:
    """Warn when Material's search is listed beside the plugin's own."""
    if search == "pagefind" and "material/search" in config.plugins:
        log.warning(
            f"{Path(config.config_file_path).name}: both the interviews plugin's search "
            "(Pagefind) and Material's 'search' plugin are on, and every reader of Material's "
            "fetches its whole index: remove 'search' from 'plugins', or set the interviews "
            "option 'search: theme' to keep Material's"
        )


def _indexed(indexed: Indexed) -> None:
    log.info(
        f"The readers' search: Pagefind indexed the site into {indexed.folder.name}/ "
        f"({indexed.pages:,} pages read, {indexed.seconds:.1f} s)"
    )


def _not_indexed(error: SearchIndexError) -> None:
    log.warning(f"interviews plugin: the readers' search was not indexed: {error}")


def _theme_folder(dirs: list[str], custom_dir: str | None) -> int:
    """Where the theme's own folder is in `dirs`: the first that holds Material's search
    partial, but a site's `custom_dir` (its own partials come first)."""
    for position, folder in enumerate(dirs):
        if folder != custom_dir and (Path(folder) / "partials" / "search.html").is_file():
            return position
    return len(dirs)
