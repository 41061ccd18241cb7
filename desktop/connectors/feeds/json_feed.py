"""The hand-written JSON Feed (1.0 and 1.1) reader: feedparser 6 cannot read it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.connectors.base import BadResponse
from desktop.connectors.feeds.entries import (
    Entry,
    Feed,
    clean,
    http_or_empty,
    is_http,
    language,
    plain_text,
    plain_title,
)
from desktop.connectors.fields import text_or_empty
from desktop.connectors.json_body import loads
from desktop.connectors.parse import utc_datetime

_VERSIONS = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")


def parse_json_feed(content: bytes) -> Feed | None:
    """A JSON Feed (1.0 or 1.1), or None if this is not one."""
    try:
        data = loads(content.decode("utf-8-sig"))  # half an emoji becomes U+FFFD
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    version = data.get("version")
    if not isinstance(version, str) or not version.startswith(_VERSIONS):
        return None
    feed_author = _json_author(data)
    feed = Feed(
        title=plain_title(data.get("title"), {"type": "text/plain"}),
        site_url=http_or_empty(data.get("home_page_url")),
        language=language(data.get("language")),
        author_name=feed_author,
    )
    items = data.get("items")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        link = next(
            (u.strip() for u in (item.get("url"), item.get("external_url")) if is_http(u)), ""
        )
        summary = plain_text(item.get("summary"), "text/plain")
        html_content = plain_text(item.get("content_html"), "text/html")
        text_content = plain_text(item.get("content_text"), "text/plain")
        raw_id = item.get("id")
        feed.entries.append(
            Entry(
                id=clean(str(raw_id)).strip() if isinstance(raw_id, str | int) else "",
                link=link,
                title=plain_title(item.get("title"), {"type": "text/plain"}),
                summary=summary or html_content or text_content,
                content=html_content or text_content,
                author_name=_json_author(item),
                author_url=_json_author_url(item),
                language=language(item.get("language")),
                published=_iso_date(item.get("date_published")),
                updated=_iso_date(item.get("date_modified")),
            )
        )
    return feed


def _json_people(d: dict[str, Any]) -> list[dict[str, Any]]:
    authors = d.get("authors")  # 1.1
    if isinstance(authors, list):
        return [a for a in authors if isinstance(a, dict)]
    author = d.get("author")  # 1.0
    return [author] if isinstance(author, dict) else []


def _json_author(d: dict[str, Any]) -> str:
    for person in _json_people(d):
        name = " ".join(clean(text_or_empty(person.get("name"))).split())
        if name:
            return name
    return ""


def _json_author_url(d: dict[str, Any]) -> str:
    for person in _json_people(d):
        url = http_or_empty(person.get("url"))
        if url:
            return url
    return ""


def _iso_date(value: Any) -> datetime | None:
    """A JSON Feed date, or None: a bad date drops the date, not the entry."""
    try:
        return utc_datetime(value, "JSON Feed")
    except BadResponse:
        return None
