"""RSS feeds of write-ups: all of them, and one per field, made with feedgen."""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable, Sequence

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
    updated: datetime.date,
    language: str = "en",
) -> bytes:
    """An RSS 2.0 feed of `writeups` (newest first), with absolute links.

    `updated` is the feed's last build date: the newest write-up's date, not the time of the
    build, so that the same content always makes the same feed.
    """
    feed = FeedGenerator()
    feed.title(title)
    feed.description(description)
    # feedgen takes the RSS <link> from the last link given: the page, not the feed itself.
    feed.link(href=feed_url, rel="self")
    feed.link(href=link, rel="alternate")
    feed.language(language)
    feed.lastBuildDate(midnight(updated))
    for writeup in writeups:
        url = url_of(writeup)
        entry = feed.add_entry(order="append")
        entry.title(writeup.title)
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.pubDate(midnight(writeup.date))
        # RSS readers render a description as HTML: escape the text so it stays text.
        entry.description(html.escape(entry_text(writeup)))
        for field in writeup.fields:
            entry.category(term=field.name)
    return bytes(feed.rss_str(pretty=True))


def entry_text(writeup: WriteUp) -> str:
    """An entry's description: the role, the interviewee when named, and the summary."""
    who = writeup.role
    if writeup.interviewee and writeup.interviewee.casefold() != "anonymous":
        who = f"{writeup.interviewee}, {who}"
    return f"{who}. {writeup.summary}" if writeup.summary else f"{who}."
