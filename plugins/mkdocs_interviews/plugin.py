"""The MkDocs plugin: a thin adapter between MkDocs' events and the core."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import urls
from .ask import AskConfigError, AskLink
from .build import SiteSettings, make_renderer, site_outputs
from .config import InterviewsConfig
from .metadata import Head, page_head
from .model import Field
from .pages import Renderer
from .problems import FileProblems
from .project import Project, paused_gc, read_project
from .render import SiteTemplateError
from .safe_text import calm_headings, safe_meta, unread_front_matter
from .site_files import read_site_files
from .text import decode
from .writeups import Document

# Not `get_plugin_logger`: its prefix would come before the file name, and every message
# here starts with the file.
log = logging.getLogger("mkdocs.plugins.interviews")

INDEX_PAGES = (urls.FIELDS, urls.QUESTIONS, urls.ASK)
"""Generated pages meant for the navigation; the others are reached from these."""

THEME_DIR = Path(__file__).parent / "theme"
PAGE_TEMPLATE = "interviews/page.html"
"""The theme template of the plugin's pages: the theme's own, plus feeds and metadata."""


class InterviewsPlugin(BasePlugin[InterviewsConfig]):
    """Reads the write-ups and catalogs, reports their problems, generates the reader pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.renderer: Renderer | None = None
        self.ask: AskLink | None = None
        self.site_url: str | None = None
        self.generated: set[str] = set()
        self.heads: dict[str, Head | None] = {}
        self.field_pages: dict[str, Field] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.ask = AskLink.from_config(self.config.ask_url, config.repo_url)
        except AskConfigError as error:
            raise PluginError(f"interviews plugin: {error}") from error
        # Answers are anchored with attribute lists; generated pages wrap Markdown in HTML.
        for extension in ("attr_list", "md_in_html"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # Each only once: a serving process may hand the same configuration to every build.
        if urls.STYLESHEET not in config.extra_css:
            config.extra_css.append(urls.STYLESHEET)
        # After the theme's own folders, so that it never shadows one of their templates.
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.append(str(THEME_DIR))
        self.site_url = config.site_url or None
        return config

    # Run late, so that write-ups added by other plugins (mkdocs-gen-files) are read too.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        options = self.config.options()
        read = read_site_files(files, options)
        for problem in read.problems:
            log.warning(str(problem))
        for path in read.withheld:
            withheld = files.get_file_from_path(path)
            if withheld is not None:
                files.remove(withheld)
        self.project = project = read_project(read.sources, options, read.held_back)
        for problem in project.problems:
            log.warning(str(problem))
        for path in (options.fields_file, options.questions_file, options.asks_file):
            catalog = files.get_file_from_path(path)
            if catalog is not None:
                # The catalogs are data for the plugin, not files of the site.
                files.remove(catalog)
        for doc in project.documents:
            file = files.get_file_from_path(doc.path)
            if file is None:
                continue
            # Drafts are shown by `mkdocs serve` and left out of `mkdocs build`; write-ups
            # are reached from field and question pages, not from the navigation. A file the
            # site holds back (`draft_docs`) stays held back.
            if doc.draft:
                file.inclusion = InclusionLevel.DRAFT
                log.info(f"{doc.path}: a draft, shown by 'mkdocs serve', left out of builds")
            elif file.inclusion in (InclusionLevel.INCLUDED, InclusionLevel.UNDEFINED):
                file.inclusion = InclusionLevel.NOT_IN_NAV
        settings = self._settings(config)
        self.generated = set()
        self.heads = {}
        try:
            with paused_gc():
                self.renderer = renderer = make_renderer(project, settings)
                held = (InclusionLevel.EXCLUDED, InclusionLevel.DRAFT)
                taken = {file.dest_uri: file for file in files if file.inclusion not in held}
                for output in site_outputs(renderer, settings):
                    self._add(files, config, output.path, output.content, taken)
        except SiteTemplateError as error:  # an overridden template that cannot be used
            raise PluginError(str(error)) from error
        self.field_pages = {urls.field_path(f): f for f in renderer.index.fields}
        if self.site_url is None:
            log.warning(
                f"{Path(config.config_file_path).name}: the feeds need 'site_url' (their links "
                "must be absolute): set it to the site's address; until then no feed is made"
            )
        return files

    def _settings(self, config: MkDocsConfig) -> SiteSettings:
        assert self.ask is not None
        templates = self.config.templates_dir
        return SiteSettings(
            site_name=config.site_name,
            ask=self.ask,
            site_url=self.site_url,
            directory_urls=config.use_directory_urls,
            answers_per_field=self.config.answers_per_field,
            excerpt_words=self.config.excerpt_words,
            templates_dir=Path(templates) if templates else None,
        )

    def _add(
        self, files: Files, config: MkDocsConfig, path: str, content: bytes, taken: dict[str, File]
    ) -> None:
        inclusion = (
            InclusionLevel.UNDEFINED
            if path in INDEX_PAGES or not path.endswith(".md")
            else InclusionLevel.NOT_IN_NAV
        )
        generated = File.generated(config, path, content=content, inclusion=inclusion)
        # By address, not by source path: a hand-written `ask.md` is the page `ask/` too.
        own = taken.get(generated.dest_uri)
        if own is not None:
            kind = "page" if own.is_documentation_page() else "file"
            which = "one" if own.src_uri == path else f"{path}, which has the same address"
            log.info(
                f"{own.src_uri}: a {kind} of the site is used instead of the generated {which}"
            )
            return
        self.generated.add(path)
        files.append(generated)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        doc = self._document(page.file)
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
        doc = self._document(page.file)
        writeup = None if doc is None else doc.writeup
        # Before the plugin adds to it: empty, MkDocs could not read the front matter.
        unread = doc is not None and not page.meta
        if writeup is not None and writeup.summary and "description" not in page.meta:
            page.meta["description"] = writeup.summary
        head = self._head(page, config)
        self.heads[page.file.src_uri] = head
        if head is not None and "template" not in page.meta:
            page.meta["template"] = PAGE_TEMPLATE
        if writeup is not None:  # the title as written (`title: 1:30` is not 90)
            page.meta["title"] = writeup.title
        safe_meta(page.meta, writeup_file=doc is not None)
        if unread:
            markdown = unread_front_matter(markdown)
        markdown = calm_headings(markdown)
        if self.project is None or self.renderer is None or writeup is None:
            return markdown
        return self.renderer.decorate(markdown, writeup, self.project.questions)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # In the template's context, not in `page.meta`, where a front-matter key of the
        # same name would replace it.
        cast("dict[str, object]", context)["interviews_head"] = self.heads.get(page.file.src_uri)
        return context

    def _head(self, page: Page, config: MkDocsConfig) -> Head | None:
        """Feed links, Open Graph and JSON-LD of the plugin's pages and the home page."""
        path = page.file.src_uri
        doc = self._document(page.file)
        writeup = None if doc is None else doc.writeup
        if path not in self.generated and writeup is None and not page.is_homepage:
            return None
        title, description = page.meta.get("title"), page.meta.get("description")
        return page_head(
            site_name=config.site_name,
            site_description=config.site_description,
            site_url=self.site_url,
            page_url=page.url,
            title=str(title) if title else None,
            description=str(description) if description else None,
            writeup=writeup,
            field=self.field_pages.get(path),
            home=page.is_homepage,
            feeds=self.renderer is not None,
        )

    def _document(self, file: File) -> Document | None:
        return None if self.project is None else self.project.document(file.src_uri)
