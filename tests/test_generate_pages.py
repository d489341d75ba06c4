"""`generate` shapes every page as the plugin does: a site built from its folder without the
plugin gets no markup from front matter or a catalog, and each page's head."""

from __future__ import annotations

import json

import yaml
from bs4 import BeautifulSoup

from conftest import MKDOCS_YML, catalogs, writeup
from mkdocs_interviews.cli import main

EVIL = "<img src=x onerror=alert(1)> & Co"

PLAIN_YML = MKDOCS_YML.replace("  - interviews\n", "  - search\n").replace(
    "docs_dir: content\n", ""
) + (
    "docs_dir: build/docs\n"
    "theme:\n  name: material\n  custom_dir: build/docs/.overrides\n"
    "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - toc:\n      permalink: true\n"
)
"""The test site's configuration without the plugin, for generate's folder (as the shipped
mkdocs.generated.yml is for the sample)."""


def plain_yml() -> str:
    config = yaml.safe_load(PLAIN_YML)
    assert "interviews" not in config["plugins"] and config["docs_dir"] == "build/docs"
    return yaml.safe_dump(config, sort_keys=False)


def evil_fields() -> str:
    fields = yaml.safe_load(catalogs()["fields.yml"])
    fields[0]["name"] = EVIL
    fields[0]["slug"] = "evil"
    return yaml.safe_dump(fields, allow_unicode=True)


def live(html: BeautifulSoup) -> list[str]:
    """Elements a page's text made: any with an event handler, or an unexpected script."""
    handlers = [str(t) for t in html.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    scripts = [
        str(t)
        for t in html.find_all("script")
        if "alert" in t.get_text()
        and (t.get("type") != "application/ld+json" or "<" in t.get_text())
    ]
    return handlers + scripts


def test_a_plugin_less_build_of_generates_folder_has_no_markup_from_the_content(
    make_site, capsys
) -> None:
    site = make_site(
        {
            "fields.yml": evil_fields(),
            "interviews/evil.md": writeup(title=json.dumps(EVIL), field=json.dumps(EVIL)),
            "about.md": (
                f"---\ntitle: {json.dumps(EVIL)}\ntemplate: interviews/page.html\n"
                "interviews_head: {jsonld: '</script><script>alert(1)</script>'}\n---\n\n"
                "# About\n"
            ),
            "plain.md": "# Plain\n\nNothing to shape.\n",
        }
    )
    (site.root / "plain.yml").write_text(plain_yml(), encoding="utf-8")
    out = site.root / "build" / "docs"
    assert main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)]) == 0
    assert (out / "plain.md").read_bytes() == (site.docs / "plain.md").read_bytes()
    site.build(strict=True, config="plain.yml")
    pages = sorted((site.root / "site").rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        assert live(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")) == [], path
    for url in ("fields/evil/", "interviews/evil/", "about/"):
        html = BeautifulSoup(site.page(url), "html.parser")
        title = html.find("meta", attrs={"property": "og:title"})
        shown = title["content"] if title is not None else html.title.get_text()
        assert EVIL in shown, url  # shown as written, as text
    interview = BeautifulSoup(site.page("interviews/evil/"), "html.parser")
    data = json.loads(interview.select_one("script[type='application/ld+json']").get_text())
    assert (
        data["headline"] == EVIL and data["about"]["hasOccupation"]["occupationalCategory"] == EVIL
    )
