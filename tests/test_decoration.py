"""The decoration of a write-up, placed inside its page's one Markdown conversion (the plugin's
way) and in its text (generate's way): the same HTML, at the same places."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from mkdocs_interviews.decoration import Decoration, DecorationExtension

BODY = """\
Intro.

## How did you get started? { #getting-started }

As an *intern*.

### A detail

More.

## A note of my own

Not an answer.

## What does a typical day look like? { #typical-day }

Meetings.
"""

DECORATION = Decoration(
    header='<div class="interviews-meta"><p>*Role* &amp; <b>bold</b></p></div>',
    after={
        "getting-started": '<p><a class="interviews-others" href="../q1/">Others 1</a></p>',
        "typical-day": '<p><a class="interviews-others" href="../q2/">Others 2</a></p>',
    },
    footer='<div class="interviews-footer"><p>Footer</p></div>',
    ends=((10, "getting-started"), (18, "typical-day")),
)

EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def blocks(html: str) -> list[str]:
    """The page's top-level blocks, each as its tag, class or id, and text."""
    soup = BeautifulSoup(html, "html.parser")
    shown = []
    for tag in soup.find_all(recursive=False):
        mark = " ".join(tag.get("class") or ()) or tag.get("id") or ""
        shown.append(f"{tag.name}.{mark}: {' '.join(tag.get_text().split())}")
    return shown


def in_conversion(text: str, decoration: Decoration | None) -> tuple[str, markdown.Markdown]:
    extension = DecorationExtension()
    md = markdown.Markdown(extensions=[*EXTENSIONS, extension])
    extension.page = decoration
    return md.convert(text), md


EXPECTED = [
    "div.interviews-meta: *Role* & bold",
    "p.: Intro.",
    "h2.getting-started: How did you get started?",
    "p.: As an intern.",
    "h3.a-detail: A detail",
    "p.: More.",
    "p.: Others 1",
    "h2.a-note-of-my-own: A note of my own",
    "p.: Not an answer.",
    "h2.typical-day: What does a typical day look like?",
    "p.: Meetings.",
    "p.: Others 2",
    "div.interviews-footer: Footer",
]


def test_the_extension_places_the_decoration_as_html_inside_the_conversion() -> None:
    html, md = in_conversion(BODY, DECORATION)
    assert blocks(html) == EXPECTED
    # Kept as it is: the header's `*Role*` is not Markdown to convert.
    assert "<p>*Role* &amp; <b>bold</b></p>" in html
    # The headings stay in the table of contents; the decoration adds none.
    assert [t["id"] for t in md.toc_tokens] == [
        "getting-started",
        "a-note-of-my-own",
        "typical-day",
    ]


def test_in_the_text_the_decoration_makes_the_same_page() -> None:
    html, _md = in_conversion(DECORATION.in_text(BODY), None)
    assert blocks(html) == EXPECTED


def test_a_page_without_decoration_is_left_alone_and_a_decoration_serves_one_page() -> None:
    extension = DecorationExtension()
    md = markdown.Markdown(extensions=[*EXTENSIONS, extension])
    extension.page = DECORATION
    first = md.convert(BODY)
    md.reset()
    second = md.convert(BODY)  # no decoration handed for this page
    assert "interviews-meta" in first and "interviews-meta" not in second
    assert second == markdown.markdown(BODY, extensions=EXTENSIONS)


def test_an_interview_template_left_in_markdown_stops_the_build_naming_it(make_site) -> None:
    """Written for the plugin's Markdown templates of before, it would be ignored silently."""
    from conftest import MKDOCS_YML, writeup

    site = make_site(
        {"interviews/editor.md": writeup()},
        mkdocs_yml=MKDOCS_YML.replace(
            "  - interviews\n", "  - interviews:\n      templates_dir: overrides\n"
        ),
    )
    overrides = site.root / "overrides"
    overrides.mkdir()
    (overrides / "writeup_header.md.j2").write_text("**{{ writeup.role }}**\n", encoding="utf-8")
    built = site.build(stops=True)
    assert built.aborted is not None
    assert f"{overrides / 'writeup_header.md.j2'}: the interview page's templates make HTML" in (
        built.log
    )
    assert "writeup_header.html.j2" in built.log
