"""The files the plugin publishes beside the pages: feeds and open data."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import urls
from .feeds import render_feed
from .index import Index
from .model import Field, WriteUp
from .opendata import absolute, asks_data, dump, fields_data, interviews_data, questions_data


@dataclass(frozen=True)
class OutputFile:
    """A file of the built site that is not a page: its path in the site and its bytes."""

    path: str
    content: bytes


def feed_files(
    index: Index, *, base: str, site_name: str, directory_urls: bool = True
) -> Iterator[OutputFile]:
    """`feed.xml` with every write-up, and `fields/<field>/feed.xml` for each field."""
    # Made even before the first interview, so that a new site's pages link to real feeds
    # (and readers can follow a field before anything is published in it).
    updated = max((w.date for w in index.listings.writeups), default=None)

    def url_of(writeup: WriteUp) -> str:
        return absolute(base, urls.page_url(writeup.path, directory_urls))

    yield OutputFile(
        urls.FEED,
        render_feed(
            title=f"{site_name}: all interviews",
            description=f"Every interview on {site_name}, newest first.",
            link=absolute(base, "./"),
            feed_url=absolute(base, urls.FEED),
            writeups=index.listings.writeups,
            url_of=url_of,
            updated=updated,
            stylesheet=urls.FEED_STYLESHEET,
        ),
    )
    for field in index.fields:
        yield OutputFile(
            urls.field_feed_path(field),
            render_feed(
                title=f"{site_name}: {field.name}",
                description=field.description or f"Interviews in {field.name}, newest first.",
                link=absolute(base, urls.page_url(urls.field_path(field), directory_urls)),
                feed_url=absolute(base, urls.field_feed_path(field)),
                writeups=index.listings.writeups_in(field),
                url_of=url_of,
                updated=updated,
                stylesheet=posixpath.relpath(
                    urls.FEED_STYLESHEET, posixpath.dirname(urls.field_feed_path(field))
                ),
            ),
        )


def data_files(
    index: Index,
    *,
    base: str | None,
    directory_urls: bool = True,
    issue_url: Callable[[int | None], str | None] = lambda number: None,
) -> Iterator[OutputFile]:
    """`api/interviews.json`, `api/fields.json`, `api/questions.json` and `api/asks.json`
    (with `issue_url`, the address of a reader's issue)."""

    def writeup_path(writeup: WriteUp) -> str:
        return urls.page_url(writeup.path, directory_urls)

    def field_path(slug: str) -> str:
        return urls.page_url(urls.FIELD.format(field=slug), directory_urls)

    def question_path(question_id: str) -> str:
        return urls.page_url(urls.QUESTION.format(question=question_id), directory_urls)

    yield OutputFile(urls.API_INTERVIEWS, dump(interviews_data(index, writeup_path, base)))
    yield OutputFile(urls.API_FIELDS, dump(fields_data(index, field_path, base)))
    yield OutputFile(urls.API_QUESTIONS, dump(questions_data(index, question_path, base)))
    yield OutputFile(urls.API_ASKS, dump(asks_data(index, writeup_path, base, issue_url)))


def feed_url(base: str, field: Field | None = None) -> str:
    """The absolute URL of the site's feed, or of a field's."""
    return absolute(base, urls.FEED if field is None else urls.field_feed_path(field))
