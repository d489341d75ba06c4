"""The plugin's own work on a site, timed part by part, in one process and as the plugin does it.

    python bench/own.py SITE/mkdocs.yml             # the seconds of each part, as JSON
    python bench/own.py SITE/mkdocs.yml --profile   # where they go (needs pyinstrument)

The parts: `read` (every write-up and catalog read and checked), `index` (the build object:
the cross-indexes and the renderer), `pages` (every generated page's Markdown, the feeds and
the open data, with the collector paused as in `on_files`) and `decorate` (each write-up
shaped: its header, anchors and links, page by page as `on_page_markdown` does). The build's
Markdown and theme are not included: they are the floor's, measured by `run.py`.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from mkdocs_interviews.build import SiteBuild
from mkdocs_interviews.cli import load_site
from mkdocs_interviews.decoration import DecorationExtension
from mkdocs_interviews.project import paused_gc
from mkdocs_interviews.writeups import split_front_matter


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
        build = SiteBuild(project, settings)
    index = time.perf_counter()
    with paused_gc():
        outputs, _gave_way = build.files(bodies)
    pages = time.perf_counter()
    placement = DecorationExtension()  # as the plugin does: placed during the conversion
    for doc in project.documents:
        if doc.writeup is None:  # a write-up with errors is published as it is
            continue
        body = split_front_matter(bodies[doc.path])[1].lstrip()
        build.shape(doc.path, body, doc.meta, into=placement)
    decorate = time.perf_counter()
    assert outputs
    return {
        "read": read - start,
        "index": index - read,
        "pages": pages - index,
        "decorate": decorate - pages,
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
