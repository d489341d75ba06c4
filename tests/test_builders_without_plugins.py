"""Builders without plugins: the folder `generate` writes, built from the configuration the
repository ships for them (mkdocs.generated.yml), has every page of the design with the
plugin build's text, anchors and links, and every link of every page leads to a built file.

The builder is plain MkDocs, in process, or the one INTERVIEWS_BUILDER names, run as an
author runs it (`python -m <builder> build --strict -f mkdocs.generated.yml`): Zensical in
the nox session `zensical`. Zensical runs no MkDocs plugin (nor `hooks:`) and says nothing of
them, even with --strict; nor does it report a `nav` entry to a missing page (it links the
.md file). Its theme's templates differ from Material's, so the pages are compared on what
both must make: the pages, their article's text and ids, and where their links lead.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from conftest import BUILDER, ROOT, run
from mkdocs_interviews.cli import main

CONFIG = ROOT / "mkdocs.generated.yml"
"""The shipped plugin-less configuration, used as it is."""

STYLESHEET = "assets/stylesheets/interviews.css"


def load_yaml(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def extension_names(config: dict[str, Any]) -> list[str]:
    return [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]


def test_the_shipped_configuration_is_mkdocs_yml_without_the_plugin() -> None:
    """Written out in full, not by INHERIT (MkDocs replaces inherited lists, Zensical appends
    to them), so it must follow mkdocs.yml: this test says when it does not."""
    site, plain = load_yaml(ROOT / "mkdocs.yml"), load_yaml(CONFIG)
    assert "INHERIT" not in plain and "hooks" not in plain
    assert plain["docs_dir"] == "build/docs", "the folder the README's generate command writes"
    # The plugin's own search needs the plugin: without it, Material's.
    assert plain["plugins"] == [
        *(p for p in site["plugins"] if "interviews" not in str(p)),
        "search",
    ]
    assert plain["extra_css"] == [*site.get("extra_css", []), STYLESHEET]
    # The site's extensions, with their settings, and the two the plugin switches on.
    added = [e for e in plain["markdown_extensions"] if e not in site["markdown_extensions"]]
    assert set(added) <= {"attr_list", "md_in_html"}
    assert [e for e in site["markdown_extensions"] if e not in plain["markdown_extensions"]] == []
    assert {"attr_list", "md_in_html"} <= set(extension_names(plain))
    assert plain["theme"] == {**site["theme"], "custom_dir": f"{plain['docs_dir']}/.overrides"}
    mine = {"docs_dir", "plugins", "extra_css", "markdown_extensions", "theme"}
    assert {k: v for k, v in plain.items() if k not in mine} == {
        k: v for k, v in site.items() if k not in mine
    }
    # generate's folder is made anew on each run: it is not the repository's to keep.
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert plain["docs_dir"].split("/")[0] + "/" in ignored


# -- the builds ---------------------------------------------------------------------------


def mkdocs_build(config_file: Path, **overrides: str) -> None:
    """`mkdocs build --strict` in process, with MkDocs' own loader."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(config_file), strict=True, **overrides))


@dataclass
class Site:
    """A built site: its files, and its pages parsed once."""

    root: Path
    site_url: str

    @cached_property
    def pages(self) -> dict[str, BeautifulSoup]:
        """Every HTML page by path in the site ('fields/index.html')."""
        return {
            page.relative_to(self.root).as_posix(): BeautifulSoup(
                page.read_text(encoding="utf-8"), "html.parser"
            )
            for page in sorted(self.root.rglob("*.html"))
        }

    def article(self, path: str) -> Tag:
        article = self.pages[path].article
        assert article is not None, f"{path}: no <article>"
        return article

    @cached_property
    def _ids(self) -> dict[str, set[str]]:
        return {
            path: {str(tag["id"]) for tag in page.select("[id]")}
            | {str(tag["name"]) for tag in page.select("a[name]")}
            for path, page in self.pages.items()
        }

    def resolve(self, page: str, href: str) -> tuple[str, str] | None:
        """Where a link of a page leads in the site (file, anchor), or None for another site;
        AssertionError if it leads to no file of the site or no anchor of the page."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        if path.startswith("/"):  # 404.html links from the site's root
            root = urlsplit(self.site_url).path
            assert path.startswith(root), f"{page}: {href} is outside the site ({root})"
            target = posixpath.normpath(path.removeprefix(root) or ".")
        elif path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        else:
            target = page
        assert not target.startswith(".."), f"{page}: {href} leads out of the site"
        if target == "." or (self.root / target).is_dir():
            target = posixpath.normpath(posixpath.join(target, "index.html"))
        assert (self.root / target).is_file(), f"{page}: {href} leads to no file ({target})"
        anchor = unquote(parts.fragment)
        if anchor and target.endswith(".html"):
            assert anchor in self._ids[target], f"{page}: {href}: no id {anchor!r} in {target}"
        return target, anchor

    def article_targets(self, path: str) -> set[tuple[str, str]]:
        """Where the links of a page's article lead, other than to other sites."""
        found = (self.resolve(path, str(a["href"])) for a in self.article(path).select("a[href]"))
        return {target for target in found if target is not None}

    def json(self, path: str) -> Any:
        return json.loads((self.root / path).read_text(encoding="utf-8"))


@dataclass
class Builds:
    plain: Site
    """The generated folder, built from mkdocs.generated.yml by the builder under test."""
    plugin: Site
    """The sample site built from mkdocs.yml with the plugin, by MkDocs."""
    output: str
    """What the builder printed (empty for MkDocs in process)."""


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    root = tmp_path_factory.mktemp("without-plugins")
    sample = root / "sample"
    shutil.copytree(ROOT / "content", sample / "content")
    shutil.copy(ROOT / "mkdocs.yml", sample / "mkdocs.yml")
    shutil.copy(CONFIG, sample / CONFIG.name)
    docs = sample / load_yaml(CONFIG)["docs_dir"]
    assert main(["--config", str(sample / "mkdocs.yml"), "generate", str(docs)]) == 0
    assert (docs / ".mkdocs-interviews-generated").is_file()
    site_url = load_yaml(CONFIG)["site_url"]

    mkdocs_build(sample / "mkdocs.yml", site_dir=str(root / "with-plugin"))
    output = ""
    if BUILDER == "mkdocs":
        mkdocs_build(sample / CONFIG.name)
    else:
        built = run(["-m", BUILDER, "build", "--strict", "-f", CONFIG.name], cwd=sample)
        output = built.stdout + built.stderr
        assert built.returncode == 0, f"{BUILDER} build failed:\n{output}"
        if BUILDER == "zensical":  # its --strict summary: no broken link, no missing anchor
            assert "No issues found" in output, output
    # Both builders write the configuration's default site_dir, beside it.
    return Builds(Site(sample / "site", site_url), Site(root / "with-plugin", site_url), output)


def text(article: Tag) -> str:
    """An article's words, without the headings' permalinks (each theme draws its own)."""
    words = (
        str(node)
        for node in article.descendants
        if type(node) is NavigableString
        and not (node.parent and "headerlink" in (node.parent.get("class") or ()))
    )
    return " ".join(" ".join(words).split())


# -- every page type of the design --------------------------------------------------------


def open_data(site: Site) -> tuple[list[Any], list[Any], list[Any]]:
    """The fields, the questions with a page, and the interviews, as api/*.json has them."""
    fields = site.json("api/fields.json")
    questions = [q for q in site.json("api/questions.json") if q["path"]]
    interviews = site.json("api/interviews.json")
    assert len(fields) >= 5 and len(questions) >= 20 and len(interviews) >= 10
    return fields, questions, interviews


def test_home_and_navigation(builds: Builds) -> None:
    """The tabs lead to the generated pages: a nav entry to a missing page is a warning for
    MkDocs, but Zensical only links the .md file."""
    site = builds.plain
    assert site.article("index.html").h1 is not None
    tabs = site.pages["index.html"].select(".md-tabs a[href]")
    assert {a.get_text(strip=True): site.resolve("index.html", str(a["href"])) for a in tabs} == {
        "Home": ("index.html", ""),
        "Interviews": ("interviews/index.html", ""),
        "Fields": ("fields/index.html", ""),
        "Questions": ("questions/index.html", ""),
        "Network": ("network/index.html", ""),
        "Ask": ("ask/index.html", ""),
    }


def test_fields_and_each_field(builds: Builds) -> None:
    site = builds.plain
    fields, _questions, interviews = open_data(site)
    listed = site.article_targets("fields/index.html")
    for field in fields:
        page = f"{field['path']}index.html"
        assert (page, "") in listed, f"fields/ links {page}"
        assert field["name"] in text(site.article(page))
        assert (site.root / field["path"] / "feed.xml").is_file()
        mine = {f"{i['path']}index.html" for i in interviews if field["slug"] in i["fields"]}
        assert mine <= {target for target, _a in site.article_targets(page)}, page


def test_questions_and_each_question_and_field(builds: Builds) -> None:
    """questions/, the coverage matrix (its "?" cells at the readers' questions on ask/),
    questions/<question>/ and questions/<question>/<field>/, each answer linked at its anchor
    in its interview."""
    site = builds.plain
    fields, questions, interviews = open_data(site)
    listed = site.article_targets("questions/index.html")
    assert ("questions/matrix/index.html", "") in listed, "questions/ links the matrix"
    matrix = site.article("questions/matrix/index.html").select_one("[role=region] table")
    assert matrix is not None
    targets = site.article_targets("questions/matrix/index.html")
    queued = {page for page, anchor in targets if anchor.startswith("ask-")}
    assert queued == {"ask/index.html"}
    for question in questions:
        page = f"{question['path']}index.html"
        assert (page, "") in listed, f"questions/ links {page}"
        assert question["text"] in text(site.article(page))
        assert any(a == question["id"] for _t, a in site.article_targets(page)), page
    asked = {f"{i['path']}index.html": i["questions"] for i in interviews}
    for field in fields:
        for question_id, count in field["answers"].items():
            if not count:
                continue
            page = f"questions/{question_id}/{field['slug']}/index.html"
            assert page in site.pages, f"{field['slug']} answered {question_id}: {page}"
            answers = {t for t, a in site.article_targets(page) if a == question_id}
            assert len(answers) == count, page
            assert all(question_id in asked[target] for target in answers), page


def test_ask_and_network(builds: Builds) -> None:
    """ask/ names every field; network/ links every interview once."""
    site = builds.plain
    fields, _questions, interviews = open_data(site)
    ask = text(site.article("ask/index.html"))
    assert [f["name"] for f in fields if f["name"] not in ask] == []
    network = site.article("network/index.html")
    found = [site.resolve("network/index.html", str(a["href"])) for a in network.select("a[href]")]
    assert sorted(t[0] for t in found if t and t[0].startswith("interviews/")) == sorted(
        f"{i['path']}index.html" for i in interviews
    )


def test_each_writeup_has_its_header_and_anchored_answers(builds: Builds) -> None:
    site = builds.plain
    _fields, _questions, interviews = open_data(site)
    for interview in interviews:
        page = f"{interview['path']}index.html"
        article = site.article(page)
        header = article.select_one(".interviews-meta")
        assert header is not None, f"{page}: no header"
        assert interview["role"] in text(header)
        links = {site.resolve(page, str(a["href"])) for a in header.select("a[href]")}
        for field_slug in interview["fields"]:
            assert (f"fields/{field_slug}/index.html", "") in links, page
        answered = {str(tag["id"]) for tag in article.select("h2[id]")}
        assert set(interview["questions"]) <= answered, page
    editor = site.article("interviews/2025-06-25-acquisitions-editor-trade-publisher/index.html")
    assert 'id="typical-day"' in str(editor)


def feeds(site: Site) -> list[str]:
    return sorted(feed.relative_to(site.root).as_posix() for feed in site.root.rglob("feed.xml"))


def test_feeds_and_open_data_are_the_plugin_builds(builds: Builds) -> None:
    """Written by generate, copied as they are: the same bytes as the plugin writes."""
    site, plugin = builds.plain, builds.plugin
    assert feeds(site) == feeds(plugin)
    assert "feed.xml" in feeds(site) and len(feeds(site)) > 5
    data = ["api/fields.json", "api/questions.json", "api/interviews.json", "api/asks.json"]
    for path in [*feeds(site), *data]:
        assert (site.root / path).read_bytes() == (plugin.root / path).read_bytes(), path
    feed = feedparser.parse((site.root / "feed.xml").read_bytes())
    assert not feed.bozo
    interviews = site.json("api/interviews.json")
    assert [e.link for e in feed.entries] == [
        i["url"] for i in sorted(interviews, key=lambda i: i["date"], reverse=True)
    ]
    for entry in feed.entries:
        path = entry.link.removeprefix(site.site_url)
        assert f"{path}index.html" in site.pages


def test_the_pages_are_the_plugin_builds(builds: Builds) -> None:
    """The same pages, article text, anchors and links as with the plugin."""
    site, plugin = builds.plain, builds.plugin
    pages = sorted(p for p in plugin.pages if p != "404.html")
    assert len(pages) > 100
    assert sorted(p for p in site.pages if p != "404.html") == pages
    for page in pages:
        assert text(site.article(page)) == text(plugin.article(page)), page
        assert anchors(site.article(page)) == anchors(plugin.article(page)), page
        assert site.article_targets(page) == plugin.article_targets(page), page


def head(page: BeautifulSoup) -> dict[str, Any]:
    """What a page's head tells other sites: its description, Open Graph properties, feed
    links and JSON-LD (the `<title>` is the theme's: Zensical names the home page 'Home')."""
    tags = page.head
    assert tags is not None
    description = tags.find("meta", attrs={"name": "description"})
    return {
        "description": None if description is None else description.get("content"),
        # As a mapping: Zensical's templates write a mapping's items sorted by key.
        "open_graph": {
            str(tag["property"]): tag.get("content")
            for tag in tags.select("meta[property]")
            if str(tag["property"]).startswith("og:")
        },
        "feeds": [
            (link.get("title"), link.get("href")) for link in tags.find_all("link", rel="feed")
        ],
        "jsonld": [
            json.loads(tag.get_text()) for tag in tags.select("script[type='application/ld+json']")
        ],
    }


def test_the_heads_are_the_plugin_builds(builds: Builds) -> None:
    """Feed links, Open Graph and JSON-LD, page by page: generate writes them in the pages'
    front matter for the theme template it writes beside them (the theme's custom_dir)."""
    site, plugin = builds.plain, builds.plugin
    pages = sorted(p for p in plugin.pages if p != "404.html")
    for page in pages:
        assert head(site.pages[page]) == head(plugin.pages[page]), page
    heads = {page: head(plugin.pages[page]) for page in pages}
    # Not vacuous: the home page, fields, questions and interviews each have theirs.
    assert heads["index.html"]["feeds"] and heads["fields/book-publishing/index.html"]["feeds"]
    interviews = [f"{i['path']}index.html" for i in open_data(site)[2]]
    assert interviews and all(heads[page]["jsonld"] for page in interviews)
    assert all(heads[page]["open_graph"].get("og:url") for page in pages)


def anchors(article: Tag) -> set[str]:
    """An article's ids but the theme's own (`__skip`: Zensical's, inside the article)."""
    ids = (str(tag["id"]) for tag in article.select("[id]"))
    return {anchor for anchor in ids if not anchor.startswith("__")}


def every_link(page: BeautifulSoup) -> Iterator[str]:
    for tag in page.select("a[href], link[href]"):
        yield str(tag["href"])
    for tag in page.select("script[src], img[src]"):
        yield str(tag["src"])


def test_every_link_of_every_page_resolves(builds: Builds) -> None:
    """The theme's too (navigation, stylesheets, scripts), on every page and the 404 page."""
    site = builds.plain
    resolved = 0
    for path, page in site.pages.items():
        for href in every_link(page):
            resolved += site.resolve(path, href) is not None
    assert resolved > 1000
    stylesheets = {
        site.resolve("index.html", str(link["href"]))
        for link in site.pages["index.html"].select("link[rel=stylesheet]")
    }
    assert {("stylesheets/extra.css", ""), (STYLESHEET, "")} <= stylesheets
