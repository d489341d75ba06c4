"""RSS feeds of write-ups: all of them, and one per field, made with feedgen.

Every text of a feed is the author's plain text, and feed readers may read it as HTML: they
render an item's description as HTML, and many treat titles, the channel's description and
categories alike (the RSS Best Practices Profile notes how readers differ, and asks for `&`
and `<` to be encoded in plain text). So the characters that start markup are entity-encoded
once as HTML before the XML is written, which encodes them again: `<` always (`&lt;`, so
`&amp;lt;` in the file) and `&` whenever a character reference could start with it (`R&D`
is `R&amp;amp;D` in the file). Read as HTML after the XML is parsed, the text shows `<` and
`&` and makes no element or entity. An `&` before a space or punctuation (`R & D`) starts
nothing in HTML and is left as it is, so that it reads right in a reader that shows titles
as plain text too.

A feed names a CSS stylesheet (`<?xml-stylesheet type="text/css"?>`), so that a browser
shows it as a page a person can read, which says what a feed is; feed readers leave the
instruction alone. (Not XSLT: browsers are removing it, and Chromium already shows a
warning over every page it makes.)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from xml.sax.saxutils import quoteattr

from feedgen.feed import FeedGenerator

from .model import WriteUp


def midnight(date: datetime.date) -> datetime.datetime:
    """A date as a time feeds accept: midnight UTC."""
    return datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC)


def render_feed(
    *,
    title: str,
    description: str,
    link: str,
    feed_url: str,
    writeups: Sequence[WriteUp],
    url_of: Callable[[WriteUp], str],
    updated: datetime.date | None,
    language: str = "en",
    stylesheet: str | None = None,
) -> bytes:
    """An RSS 2.0 feed of `writeups` (newest first), with absolute links.

    `updated` is the feed's last build date: the newest write-up's date, not the time of the
    build, so that the same content always makes the same feed. `stylesheet` is the URL of
    the CSS a browser shows it with, relative to the feed.
    """
    feed = FeedGenerator()
    feed.title(feed_text(title))
    feed.description(feed_text(description) or feed_text(title))
    # feedgen takes the RSS <link> from the last link given: the page, not the feed itself.
    feed.link(href=xml_text(feed_url), rel="self")
    feed.link(href=xml_text(link), rel="alternate")
    feed.language(language)
    if updated is not None:  # a site with no interview yet has an empty feed, and no date
        feed.lastBuildDate(midnight(updated))
    for writeup in writeups:
        url = xml_text(url_of(writeup))
        entry = feed.add_entry(order="append")
        entry.title(feed_text(writeup.title))
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.pubDate(midnight(writeup.date))
        entry.description(feed_text(entry_text(writeup)))
        for field in writeup.fields:
            entry.category(term=feed_text(field.name))
    rss = bytes(feed.rss_str(pretty=True))
    return rss if stylesheet is None else with_stylesheet(rss, stylesheet)


def with_stylesheet(xml: bytes, href: str) -> bytes:
    """An XML document with a CSS stylesheet named right after its XML declaration."""
    declaration, rest = xml.split(b"\n", 1)
    instruction = f'<?xml-stylesheet type="text/css" href={quoteattr(href)}?>'
    return b"\n".join([declaration, instruction.encode(), rest])


# What XML 1.0 cannot hold (C0 controls but tab, newline and carriage return; surrogates;
# U+FFFE and U+FFFF: lxml, and so feedgen, refuses them), and what it discourages (DEL and
# the C1 controls). Decoding removes them all from the content; a feed is safe without it.
_NOT_XML = re.compile(r"[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# An `&` that HTML could read as the start of a character reference (`&amp;`, `&copy`, `&#60;`).
_REFERENCE_START = re.compile(r"&(?=[#0-9A-Za-z])")


def xml_text(text: str) -> str:
    """`text` without the characters XML cannot hold (or discourages)."""
    return _NOT_XML.sub("", text)


def feed_text(text: str) -> str:
    """Plain text as a feed carries it: read as HTML, it shows as itself (see the module)."""
    return _REFERENCE_START.sub("&amp;", xml_text(text)).replace("<", "&lt;")


def entry_text(writeup: WriteUp) -> str:
    """An entry's description: the role, the interviewee when named, and the summary."""
    who = writeup.role
    if writeup.interviewee and writeup.interviewee.casefold() != "anonymous":
        who = f"{writeup.interviewee}, {who}"
    return f"{who}. {writeup.summary}" if writeup.summary else f"{who}."
