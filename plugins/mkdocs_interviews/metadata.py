"""What a page tells other sites about itself: feed links, Open Graph tags and JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .model import Field, WriteUp
from .opendata import absolute
from .outputs import feed_url


@dataclass(frozen=True)
class FeedLink:
    """A feed a page announces in its head (`<link rel="alternate feed">`)."""

    title: str
    url: str


@dataclass(frozen=True)
class Head:
    """The extra head of a page; the theme template escapes every value but `jsonld`."""

    feeds: list[FeedLink] = field(default_factory=list)
    open_graph: dict[str, str] = field(default_factory=dict)
    jsonld: str | None = None
    """JSON-LD, already safe inside a <script> element."""


def open_graph(
    *, title: str, description: str | None, url: str | None, kind: str, site_name: str
) -> dict[str, str]:
    """Open Graph properties (`og:title`...) of a page; `kind` is 'article' or 'website'."""
    properties = {"og:title": title, "og:type": kind, "og:site_name": site_name}
    if description:
        properties["og:description"] = description
    if url:
        properties["og:url"] = url
    return properties


def article(writeup: WriteUp, *, url: str | None, site_name: str) -> dict[str, Any]:
    """A write-up as a schema.org Article about its interviewee, a Person with a job."""
    person: dict[str, Any] = {"@type": "Person", "jobTitle": writeup.role}
    if writeup.interviewee and writeup.interviewee.casefold() != "anonymous":
        person["name"] = writeup.interviewee
    person["hasOccupation"] = {
        "@type": "Occupation",
        "name": writeup.role,
        "occupationalCategory": writeup.field.name,
    }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": writeup.title,
        "datePublished": writeup.date.isoformat(),
        "about": person,
        "keywords": [f.name for f in writeup.fields],
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    if writeup.summary:
        data["description"] = writeup.summary
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    return data


def script_json(data: Any) -> str:
    """JSON that cannot end its <script> element early: <, > and & are escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_head(
    *,
    site_name: str,
    site_description: str | None,
    site_url: str | None,
    page_url: str,
    title: str | None,
    description: str | None,
    writeup: WriteUp | None = None,
    field: Field | None = None,
    home: bool = False,
    feeds: bool = False,
) -> Head:
    """The extra head of one of the plugin's pages, an interview or the home page.

    `page_url` is relative to the site's root; `feeds` says whether the site has feeds
    (it needs a `site_url`; a new site has empty ones). A field page announces its feed and the
    site's, the home page the site's.
    """
    url = None if site_url is None else absolute(site_url, page_url or "./")
    graph = open_graph(
        title=title or site_name,
        description=description or site_description,
        url=url,
        kind="article" if writeup is not None else "website",
        site_name=site_name,
    )
    links: list[FeedLink] = []
    if feeds and site_url is not None:
        if field is not None:
            links.append(FeedLink(f"{site_name}: {field.name}", feed_url(site_url, field)))
        if field is not None or home:
            links.append(FeedLink(f"{site_name}: all interviews", feed_url(site_url)))
    jsonld = None
    if writeup is not None:
        jsonld = script_json(article(writeup, url=url, site_name=site_name))
    return Head(links, graph, jsonld)
