"""The three templates of Material's the plugin replaces: the search dialog has a name, the
repository link asks GitHub's API nothing, the header shows the plugin's own search; a site's
own `custom_dir` still comes first."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import MKDOCS_YML, THEME_SEARCH_YML, Site, writeup
from mkdocs_interviews.build import (
    MATERIAL_CHANGES,
    MATERIAL_DIR,
    material_partials_fit,
    without_comment,
)
from mkdocs_interviews.cli import main


@pytest.mark.parametrize("partial", MATERIAL_CHANGES)
def test_each_partial_is_materials_own_but_for_one_change(partial: str) -> None:
    # When Material changes its partial, this fails: copy the new one and make the change.
    materials = (files("material") / "templates" / partial).read_text(encoding="utf-8")
    mine = (MATERIAL_DIR / partial).read_text(encoding="utf-8")
    before, after = MATERIAL_CHANGES[partial]
    assert without_comment(materials).count(before) == 1
    assert without_comment(mine) == without_comment(materials).replace(before, after)
    assert material_partials_fit(Path(str(files("material") / "templates")))


def test_another_materials_partials_are_left_as_they_are(tmp_path) -> None:
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    for partial in MATERIAL_CHANGES:
        source = (files("material") / "templates" / partial).read_text(encoding="utf-8")
        (theme / partial).write_text(source, encoding="utf-8")
    assert material_partials_fit(theme)
    (theme / "partials" / "search.html").write_text(
        '<div class="md-search" role="dialog"><button>Search</button></div>\n', encoding="utf-8"
    )
    assert not material_partials_fit(theme)


def header(site: Site, url: str = "") -> Tag:
    found = BeautifulSoup(site.page(url), "html.parser").find("header")
    assert isinstance(found, Tag)
    return found


def test_the_search_dialog_has_a_name_and_the_repository_link_fetches_nothing(
    make_site,
) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    site.build(strict=True)
    for url in ("", "fields/book-publishing", "interviews/editor"):
        page = header(site, url)
        dialog = page.find(attrs={"role": "dialog"})
        assert isinstance(dialog, Tag) and dialog.get("aria-label") == "Search", url
        # Material's script asks GitHub's API about the repository of its "source" component.
        source = page.find("a", class_="md-source")
        assert isinstance(source, Tag) and source["href"] == "https://github.com/example/interviews"
        assert page.find(attrs={"data-md-component": "source"}) is None, url


@pytest.mark.parametrize(
    ("config", "partial"),
    [(MKDOCS_YML, "interviews-search.html"), (THEME_SEARCH_YML, "search.html")],
    ids=["pagefind", "theme"],
)
def test_a_sites_custom_dir_still_comes_first(make_site, config: str, partial: str) -> None:
    site = make_site(
        {"interviews/editor.md": writeup()},
        mkdocs_yml=config.replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
    )
    (site.root / "overrides" / "partials").mkdir(parents=True)
    (site.root / "overrides" / "partials" / partial).write_text(
        '<div role="dialog" aria-label="Find an interview"></div>\n', encoding="utf-8"
    )
    site.build(strict=True)
    dialog = header(site).find(attrs={"role": "dialog"})
    assert isinstance(dialog, Tag) and dialog["aria-label"] == "Find an interview"


def test_generate_writes_the_repository_link_and_leaves_the_search_to_the_builder(
    make_site, tmp_path
) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    out = tmp_path / "docs"
    assert main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)]) == 0
    partials = out / ".overrides" / "partials"
    assert (partials / "source.html").read_bytes() == (
        MATERIAL_DIR / "partials" / "source.html"
    ).read_bytes()
    # Zensical's search is its own, its dialog named: Material's markup would replace it.
    assert not (partials / "search.html").exists()
