"""`generate`: the site's docs folder as the plugin would build it, for builders that run no
MkDocs plugins (ProperDocs with the plugin disabled, Zensical).

The folder holds the hand-written pages and files, the write-ups with their header, answer
anchors and links, the generated pages, the stylesheet, the open data and the feeds: a builder
pointed at it, with `attr_list` and `md_in_html` on and the stylesheet in `extra_css`, makes
the same pages with the same links.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .build import SiteSettings, site_outputs
from .pages import Renderer
from .project import Options, Project
from .writeups import Document, split_front_matter


@dataclass
class Generated:
    """What `generate` wrote, relative to the folder, and what it left out on purpose."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Generated paths where the docs folder has a file of its own, which is used instead."""


def generate(
    docs_dir: Path,
    out_dir: Path,
    *,
    project: Project,
    renderer: Renderer,
    settings: SiteSettings,
    options: Options,
) -> Generated:
    """Write the built docs folder to `out_dir` (emptied first)."""
    docs_dir, out_dir = docs_dir.resolve(), out_dir.resolve()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    result = Generated()
    for source in sorted(docs_dir.rglob("*")):
        relative = source.relative_to(docs_dir).as_posix()
        if (
            not source.is_file()
            or source.is_relative_to(out_dir)
            or any(part.startswith(".") for part in relative.split("/"))
            or options.is_catalog(relative)
        ):
            continue
        doc = project.document(relative)
        if doc is None:
            _write(out_dir, relative, source.read_bytes(), result)
        elif not doc.draft:
            _write(
                out_dir, relative, _decorated(doc, source.read_bytes(), renderer, project), result
            )
    for output in site_outputs(renderer, settings):
        if (docs_dir / output.path).exists():
            result.kept.append(output.path)
        else:
            _write(out_dir, output.path, output.content, result)
    return result


def _write(out_dir: Path, relative: str, content: bytes, result: Generated) -> None:
    target = out_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    result.written.append(relative)


def _decorated(doc: Document, data: bytes, renderer: Renderer, project: Project) -> bytes:
    """A write-up as the plugin shows it: header, anchored answers, links; title escaped."""
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    if doc.writeup is None:
        return text.encode()  # published as an ordinary page, as the plugin does
    _meta_text, body = split_front_matter(text)
    meta: dict[str, Any] = dict(doc.meta)
    # Builders print a front-matter title and description without escaping them.
    meta["title"] = html.escape(doc.writeup.title, quote=True)
    if doc.writeup.summary and "description" not in meta:
        meta["description"] = html.escape(doc.writeup.summary, quote=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    body = renderer.decorate(body.lstrip("\n"), doc.writeup, project.questions)
    return f"---\n{front}---\n\n{body}".encode()
