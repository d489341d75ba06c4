"""Everything a build adds to a site, from the content and the site's settings.

The MkDocs plugin adds these files to MkDocs' own; `generate` writes them to a folder for
builders that run no plugins. Both call `site_outputs`, so both make the same site.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path

from . import urls
from .ask import AskLink
from .index import Index, build_index
from .outputs import OutputFile, data_files, feed_files
from .pages import PageOptions, Renderer
from .project import Project


@dataclass(frozen=True)
class SiteSettings:
    """What the build needs from the site's configuration (mkdocs.yml)."""

    site_name: str
    ask: AskLink
    site_url: str | None = None
    """Where the site is published; feeds and absolute links need it."""
    site_description: str | None = None
    directory_urls: bool = True
    answers_per_field: int = 3
    excerpt_words: int = 60
    templates_dir: Path | None = None


def index_of(project: Project) -> Index:
    """The published write-ups and readers' questions indexed against the catalogs."""
    return build_index(project.fields.fields, project.questions, project.listed, project.asks.asks)


def make_renderer(project: Project, settings: SiteSettings) -> Renderer:
    """The renderer of this build, over the content's index."""
    index = index_of(project)
    options = PageOptions(
        answers_per_field=settings.answers_per_field,
        excerpt_words=settings.excerpt_words,
        directory_urls=settings.directory_urls,
        templates_dir=settings.templates_dir,
        feeds=settings.site_url is not None,
    )
    return Renderer(index, settings.ask, options)


def stylesheet() -> bytes:
    """The plugin's stylesheet."""
    return (package_files("mkdocs_interviews") / "assets" / "interviews.css").read_bytes()


def site_outputs(renderer: Renderer, settings: SiteSettings) -> Iterator[OutputFile]:
    """Every file the build adds: generated pages (Markdown), the stylesheet, open data and,
    with a `site_url`, the feeds."""
    for page in renderer.pages():
        yield OutputFile(page.path, page.markdown.encode())
    yield OutputFile(urls.STYLESHEET, stylesheet())
    index = renderer.index
    yield from data_files(index, base=settings.site_url, directory_urls=settings.directory_urls)
    if settings.site_url is not None:
        yield from feed_files(
            index,
            base=settings.site_url,
            site_name=settings.site_name,
            directory_urls=settings.directory_urls,
        )
