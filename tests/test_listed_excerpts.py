"""The listings' excerpts come from each interview's own conversion in a build: none is
converted on its own (which is what made the listings cost as much as the interviews)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import writeup
from mkdocs_interviews.listed_excerpts import ListedExcerpts

BODY = (
    "Intro.\n\n## What does a typical day look like?\n\n"
    "Mornings are [meetings][m] with *authors*, then <b>reading</b> & `notes`.\n\n"
    "[m]: https://example.org/meetings\n"
)


def test_a_build_converts_no_excerpt_on_its_own(make_site, monkeypatch) -> None:
    def converted(self: ListedExcerpts, *args: object) -> str:
        raise AssertionError("an excerpt was converted apart from its interview's page")

    monkeypatch.setattr(ListedExcerpts, "_converted", converted)
    site = make_site(
        {
            "interviews/editor.md": writeup(questions=("typical-day",), body=BODY),
            "interviews/2024/agent.md": writeup(
                title="Agent", questions=("typical-day",), body=BODY.replace("Mornings", "Days")
            ),
        }
    )
    site.build(strict=True)
    for url in ("questions/typical-day/", "questions/typical-day/book-publishing/"):
        page = BeautifulSoup(site.page(url), "html.parser")
        excerpts = [p.decode_contents() for p in page.select("article .interviews-excerpt")]
        assert len(excerpts) == 2, url
        for shown in excerpts:
            assert '<a href="https://example.org/meetings">meetings</a>' in shown, url
            assert "<em>authors</em>" in shown and "<b>reading</b>" in shown, url


def test_without_the_conversion_an_excerpt_is_converted_on_its_own(make_site) -> None:
    """`generate` has no conversion of the interview: the same excerpt, converted apart."""
    from mkdocs_interviews.cli import main

    site = make_site({"interviews/editor.md": writeup(questions=("typical-day",), body=BODY)})
    out = site.root / "gen"
    assert main(["--config", str(site.root / "mkdocs.yml"), "generate", str(out)]) == 0
    page = (out / "questions" / "typical-day" / "book-publishing" / "index.md").read_text()
    assert '<a href="https://example.org/meetings">meetings</a>' in page
    assert "<em>authors</em>" in page and "<b>reading</b>" in page
