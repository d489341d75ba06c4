"""The MkDocs plugin: a thin adapter between MkDocs' events and the core."""

from __future__ import annotations

import html
import logging
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import urls
from .ask import AskConfigError, AskLink
from .config import InterviewsConfig
from .index import build_index
from .pages import PageOptions, Renderer
from .project import Project, read_project
from .writeups import Document

# Not `get_plugin_logger`: its prefix would come before the file name, and every message
# here starts with the file.
log = logging.getLogger("mkdocs.plugins.interviews")

INDEX_PAGES = (urls.FIELDS, urls.QUESTIONS, urls.ASK)
"""Generated pages meant for the navigation; the others are reached from these."""


class InterviewsPlugin(BasePlugin[InterviewsConfig]):
    """Reads the write-ups and catalogs, reports their problems, generates the reader pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.renderer: Renderer | None = None
        self.ask: AskLink | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.ask = AskLink.from_config(self.config.ask_url, config.repo_url)
        except AskConfigError as error:
            raise PluginError(f"interviews plugin: {error}") from error
        # Answers are anchored with attribute lists; generated pages wrap Markdown in HTML.
        for extension in ("attr_list", "md_in_html"):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra_css.append(urls.STYLESHEET)
        return config

    # Run late, so that write-ups added by other plugins (mkdocs-gen-files) are read too.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        options = self.config.options()
        sources = {
            file.src_uri: file.content_bytes
            for file in files
            if file.inclusion != InclusionLevel.EXCLUDED
            and (options.is_catalog(file.src_uri) or options.is_writeup(file.src_uri))
        }
        self.project = project = read_project(sources, options)
        for problem in project.problems:
            log.warning(str(problem))
        for path in (options.fields_file, options.questions_file):
            catalog = files.get_file_from_path(path)
            if catalog is not None:
                # The catalogs are data for the plugin, not files of the site.
                files.remove(catalog)
        for doc in project.documents:
            file = files.get_file_from_path(doc.path)
            if file is None:
                continue
            # Drafts are shown by `mkdocs serve` and left out of `mkdocs build`; write-ups
            # are reached from field and question pages, not from the navigation.
            file.inclusion = InclusionLevel.DRAFT if doc.draft else InclusionLevel.NOT_IN_NAV
            if doc.draft:
                log.info(f"{doc.path}: a draft, shown by 'mkdocs serve', left out of builds")
        self.renderer = self._renderer(project, config)
        for page in self.renderer.pages():
            self._add(files, config, page.path, page.markdown)
        stylesheet = package_files("mkdocs_interviews") / "assets" / "interviews.css"
        self._add(files, config, urls.STYLESHEET, stylesheet.read_text(encoding="utf-8"))
        return files

    def _renderer(self, project: Project, config: MkDocsConfig) -> Renderer:
        assert self.ask is not None
        index = build_index(project.fields.fields, project.questions.questions, project.writeups)
        templates = self.config.templates_dir
        options = PageOptions(
            answers_per_field=self.config.answers_per_field,
            excerpt_words=self.config.excerpt_words,
            directory_urls=config.use_directory_urls,
            templates_dir=Path(templates) if templates else None,
        )
        return Renderer(index, self.ask, options)

    def _add(self, files: Files, config: MkDocsConfig, path: str, content: str) -> None:
        if files.get_file_from_path(path) is not None:
            log.info(f"{path}: a page of the site is used instead of the generated one")
            return
        inclusion = (
            InclusionLevel.UNDEFINED
            if path in INDEX_PAGES or not path.endswith(".md")
            else InclusionLevel.NOT_IN_NAV
        )
        files.append(File.generated(config, path, content=content, inclusion=inclusion))

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        doc = self._document(page.file)
        if doc is not None and not doc.utf8:
            # Already reported; publish what can be read rather than abort the whole build.
            return page.file.content_bytes.decode("utf-8", errors="replace")
        return None

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str):
                # MkDocs and Material print a front-matter title into <title>, the header and
                # <h1>, and a description into a <meta> attribute, without escaping them:
                # hand them text that is safe as HTML.
                page.meta[key] = html.escape(value, quote=True)
        doc = self._document(page.file)
        if self.project is None or self.renderer is None or doc is None or doc.writeup is None:
            return markdown
        return self.renderer.decorate(markdown, doc.writeup, self.project.questions)

    def _document(self, file: File) -> Document | None:
        return None if self.project is None else self.project.document(file.src_uri)
