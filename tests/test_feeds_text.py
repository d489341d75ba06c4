"""Every text a feed carries is the author's plain text: XML can always hold it, and a feed
reader that shows it as HTML shows it as typed, with no element made."""

from __future__ import annotations

import datetime
import html
import xml.etree.ElementTree as ET

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import catalogs, writeup
from mkdocs_interviews import read_project
from mkdocs_interviews.feeds import feed_text, render_feed, xml_text
from mkdocs_interviews.index import build_index
from mkdocs_interviews.model import Field, WriteUp
from mkdocs_interviews.outputs import feed_files

BASE = "https://example.org/interviews/"
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)> <b>bold</b>',
    "R&D, AT&T and Q&A & more",
    "&amp; &lt;b&gt; &#60;i&#62; &copy &#x3C;script&#x3E; &nbsp",
    "I <3 N.Y.; a < b > c",
    "<!-- comment --> <![CDATA[x]]> </title></channel>",
    "Café — “quoted” 'single' \"double\"",
]


def one_feed(text: str) -> bytes:
    """A feed with `text` in every place that holds the author's text."""
    entry = WriteUp(
        slug="editor",
        path="interviews/editor.md",
        title=f"Title {text}",
        fields=(Field(name=f"Field {text}", slug="field"),),
        role=f"Role {text}",
        date=datetime.date(2025, 4, 2),
        answers=(),
        summary=f"Summary {text}",
        interviewee=f"Interviewee {text}",
    )
    return render_feed(
        title=f"Site {text}",
        description=f"Description {text}",
        link=BASE,
        feed_url=f"{BASE}feed.xml",
        writeups=[entry],
        url_of=lambda w: f"{BASE}interviews/{w.slug}/",
        updated=datetime.date(2025, 4, 2),
    )


def texts(raw: bytes) -> dict[str, str]:
    """The text of each element of a one-entry feed, as an XML parser reads it."""
    root = ET.fromstring(raw)
    found = {
        "channel title": root.findtext("channel/title"),
        "channel description": root.findtext("channel/description"),
        "item title": root.findtext("channel/item/title"),
        "item description": root.findtext("channel/item/description"),
        "category": root.findtext("channel/item/category"),
    }
    return {key: value or "" for key, value in found.items()}


def expected(text: str) -> dict[str, str]:
    return {
        "channel title": f"Site {text}",
        "channel description": f"Description {text}",
        "item title": f"Title {text}",
        "item description": f"Interviewee {text}, Role {text}. Summary {text}",
        "category": f"Field {text}",
    }


def as_html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


@pytest.mark.parametrize("text", HOSTILE)
def test_read_as_html_every_text_is_the_author_s_and_makes_no_element(text: str) -> None:
    for key, value in texts(one_feed(text)).items():
        # One XML unescape (the XML parser's) leaves no '<': nothing can open a tag.
        assert "<" not in value, key
        shown = as_html(value)
        assert shown.find() is None, key
        assert shown.get_text() == html.unescape(value) == expected(text)[key], key


def shown(detail: feedparser.FeedParserDict) -> str:
    """What a reader shows of a text feedparser read: as HTML when it takes it for HTML
    (as it does whenever the text holds an entity or a tag), else as plain text."""
    if detail.type == "text/html":
        assert as_html(detail.value).find() is None
        return html.unescape(detail.value)
    assert detail.type == "text/plain"
    return str(detail.value)


@pytest.mark.parametrize("text", HOSTILE)
def test_feedparser_reads_back_the_author_s_text(text: str) -> None:
    feed = feedparser.parse(one_feed(text))
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    want = expected(text)
    assert shown(feed.feed.title_detail) == want["channel title"]
    assert shown(feed.feed.subtitle_detail) == want["channel description"]
    assert shown(entry.title_detail) == want["item title"]
    assert shown(entry.summary_detail) == want["item description"]
    assert [html.unescape(tag.term) for tag in entry.tags] == [want["category"]]


def test_an_ampersand_that_starts_nothing_is_left_as_it_is() -> None:
    """So that 'Radio & podcasting' also reads right where a title is shown as plain text."""
    assert feed_text("Radio & podcasting") == "Radio & podcasting"
    assert feed_text("R&D &amp; &#60; &copy") == "R&amp;D &amp;amp; &amp;#60; &amp;copy"
    assert feed_text("a < b") == "a &lt; b"
    assert feed_text("> & ;") == "> & ;"


def test_text_xml_cannot_hold_is_left_out() -> None:
    controls = "".join(chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)])
    assert xml_text(f"a{controls}b\ufffe\uffffc\ud800d\U0001f600") == "a\t\n\rbcd\U0001f600"
    raw = one_feed(f"x{controls}\ufffe\ud800y")
    assert texts(raw)["item title"] == "Title x\t\n\ry"


any_text = st.text(st.characters(exclude_categories=()), max_size=80)


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_any_text_makes_a_feed_that_reads_back_as_that_text(text: str) -> None:
    found = texts(one_feed(text))
    for key, value in found.items():
        assert "<" not in value
        assert html.unescape(value) == expected(xml_text(text))[key], key


def test_a_description_left_empty_by_what_xml_cannot_hold_falls_back_to_the_title() -> None:
    raw = render_feed(
        title="Site",
        description="\x00\x0b",
        link=BASE,
        feed_url=f"{BASE}feed.xml",
        writeups=[],
        url_of=lambda w: "",
        updated=datetime.date(2025, 4, 2),
    )
    assert texts(raw)["channel description"] == "Site"


def test_the_site_s_and_the_field_s_feeds_hold_their_names_as_text() -> None:
    name, description = "R&D <Labs>", "<script>alert(1)</script> & more"
    fields = yaml.safe_load(catalogs()["fields.yml"])
    fields.append({"name": name, "slug": "labs", "description": description})
    sources = {
        **{key: value.encode() for key, value in catalogs().items()},
        "fields.yml": yaml.safe_dump(fields).encode(),
        "interviews/editor.md": writeup(field="labs").encode(),
    }
    project = read_project(sources)
    assert not project.problems
    index = build_index(project.fields.fields, project.questions.questions, project.writeups)
    feeds = {
        output.path: ET.fromstring(output.content)
        for output in feed_files(index, base=BASE, site_name="Notes <&> more")
    }
    site, labs = feeds["feed.xml"], feeds["fields/labs/feed.xml"]
    assert html.unescape(site.findtext("channel/title") or "") == "Notes <&> more: all interviews"
    assert html.unescape(labs.findtext("channel/title") or "") == f"Notes <&> more: {name}"
    assert html.unescape(labs.findtext("channel/description") or "") == description
    assert html.unescape(labs.findtext("channel/item/category") or "") == name
    for tree in feeds.values():
        for element in tree.iter():
            assert "<" not in (element.text or ""), element.tag
