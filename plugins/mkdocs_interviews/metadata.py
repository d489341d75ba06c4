"""What a page tells other sites about itself: feed links, Open Graph tags and JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .model import WriteUp


@dataclass(frozen=True)
class FeedLink:
    """A feed a page announces in its head (`<link rel="alternate">`)."""

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
