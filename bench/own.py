"""The plugin's own work on a site, timed part by part, in one process and as the plugin does it.

    python bench/own.py SITE/mkdocs.yml             # the seconds of each part, as JSON
    python bench/own.py SITE/mkdocs.yml --profile   # where they go (needs pyinstrument)

The parts: `read` (every write-up and catalog read and checked), `index` (the build object:
the cross-indexes and the renderer), `pages` (every generated page's file and HTML, the feeds
and the open data, with the collector paused as in `on_files`) and `decorate` (each write-up
shaped: its anchors and decoration, page by page as `on_page_markdown` does; the page's
conversion, which takes the excerpts, is the floor's work and not counted). The build's
Markdown and theme are not included: they are the floor's, measured by `run.py`.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import markdown

from mkdocs_interviews.build import SiteBuild
from mkdocs_interviews.cli import load_site
from mkdocs_interviews.config import site_markdown
from mkdocs_interviews.decoration import DecorationExtension
from mkdocs_interviews.project import paused_gc
from mkdocs_interviews.writeups import split_front_matter

EXTENSIONS = ["attr_list", "md_in_html", "toc"]
"""The Markdown extensions a write-up's conversion needs here, to hand the excerpts over."""


def own_work(config: Path) -> dict[str, float]:
    """The seconds of each part of the plugin's work on the site of `config`."""
    site = load_site(config)
    bodies = {
        path.relative_to(site.docs_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in (site.docs_dir / "interviews").rglob("*.md")
    }
    start = time.perf_counter()
    project = site.read()
    read = time.perf_counter()
    settings = site.settings()
    with paused_gc():
        build = SiteBuild(project, settings, site_markdown(site.mkdocs), as_html=True)
    index = time.perf_counter()
    with paused_gc():
        outputs, _gave_way = build.files(bodies)
    files = time.perf_counter()
    placement = DecorationExtension()  # as the plugin does: placed during the conversion
    converting = 0.0
    for doc in project.documents:
        if doc.writeup is None:  # a write-up with errors is published as it is
            continue
        body = split_front_matter(bodies[doc.path])[1].lstrip()
        shaped = build.shape(doc.path, body, doc.meta, into=placement).markdown
        # The page's conversion, which is the floor's work (not counted), gives the excerpts.
        convert = time.perf_counter()
        markdown.Markdown(extensions=[*EXTENSIONS, placement]).convert(shaped)
        converting += time.perf_counter() - convert
    decorate = time.perf_counter()
    with paused_gc():
        made = [build.page_html(output.path) for output in outputs]
    pages = time.perf_counter()
    assert outputs and any(made)
    return {
        "read": read - start,
        "index": index - read,
        "pages": (files - index) + (pages - decorate),
        "decorate": decorate - files - converting,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config", type=Path, help="the site's mkdocs.yml")
    parser.add_argument(
        "--profile", action="store_true", help="print pyinstrument's call tree instead"
    )
    args = parser.parse_args()
    if not args.profile:
        print(json.dumps(own_work(args.config)))
        return
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    with profiler:
        own_work(args.config)
    print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main()
