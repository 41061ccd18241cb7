"""RSS and Atom through feedparser, from bytes already downloaded: it never fetches."""

from __future__ import annotations

import io
import re
import threading
import warnings
from datetime import UTC, datetime
from typing import Any
from xml.sax import SAXParseException

import feedparser

from desktop.connectors.feeds.entries import (
    Entry,
    Feed,
    NotAFeed,
    clean,
    http_or_empty,
    is_http,
    language,
    plain_text,
    plain_title,
)
from desktop.connectors.fields import text_or_empty
from desktop.core.i18n import fill, tx

YOUTUBE_WATCH = "https://www.youtube.com/watch?v="

_EMAIL_AND_NAME = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((?P<name>[^()]+)\)\s*$")
# warnings.catch_warnings changes the process's filters: two feeds parsed at once (the
# pool's workers) would each restore the other's. One parse at a time costs nothing: it
# holds the GIL throughout anyway.
_PARSING = threading.Lock()
# A character reference to a UTF-16 surrogate (D800-DFFF, in hex or decimal): half an emoji,
# written by a feed generator that escaped UTF-16 units. No text can hold one, and
# feedparser stops on it with UnicodeEncodeError, losing the whole feed. It is dropped, as
# entries.clean drops a lone surrogate that JSON carried.
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}"
    rb"|0*(?:5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]));"
)


def parse_xml_feed(
    content: bytes, content_type: str, media_type: str, url: str, head: bytes
) -> Feed:
    if b"&#" in content:
        content = _SURROGATE_REF.sub(b"", content)
    response_headers = {"content-location": url}
    if content_type:
        response_headers["content-type"] = content_type
    with _PARSING, warnings.catch_warnings():
        # feedparser 6 deprecates some of its own mappings with DeprecationWarning; we read
        # fields without them (dict.get below), and keep any such warning from escaping the
        # parser. Only feedparser's DeprecationWarnings are silenced, only around parse().
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"feedparser\b")
        parsed = feedparser.parse(
            io.BytesIO(content),  # bytes in a stream: feedparser must never fetch a URL
            response_headers=response_headers,
            resolve_relative_uris=True,
            sanitize_html=True,
        )
    entries = parsed.get("entries") or []
    version = parsed.get("version") or ""
    if not version and not entries:
        lowered = head[:100].lower()
        if "html" in media_type or lowered.startswith((b"<!doctype html", b"<html")):
            raise NotAFeed(tx("Feeds", "it is a web page (HTML), not RSS, Atom or JSON Feed"))
        raise NotAFeed(tx("Feeds", "it is not RSS, Atom or JSON Feed"))
    problem = ""
    exc = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(exc, feedparser.ThingsNobodyCaresAboutButMe):
        problem = _describe(exc)
    info = parsed.get("feed") or {}
    feed = Feed(
        title=plain_title(info.get("title"), info.get("title_detail")),
        site_url=http_or_empty(info.get("link")),
        language=language(info.get("language")),
        author_name=_author(info)[0],
        problem=problem,
    )
    feed.entries = [_entry_from_feedparser(e, feed) for e in entries if isinstance(e, dict)]
    return feed


def _describe(exc: Any) -> str:
    if isinstance(exc, SAXParseException):
        return fill(tx("Feeds", "line %1: %2"), exc.getLineNumber(), clean(exc.getMessage())[:200])
    text = clean(str(exc or "")).strip()
    return text[:200] or type(exc).__name__


def _entry_from_feedparser(e: dict[str, Any], feed: Feed) -> Entry:
    name, author_url = _author(e)
    summary_html = e.get("summary")
    summary_detail = e.get("summary_detail") or {}
    contents = e.get("content") or []
    content = contents[0] if contents and isinstance(contents[0], dict) else {}
    return Entry(
        id=clean(text_or_empty(e.get("id"))).strip(),
        link=_entry_link(e),
        title=plain_title(e.get("title"), e.get("title_detail")),
        summary=plain_text(summary_html, summary_detail.get("type")),
        content=plain_text(content.get("value"), content.get("type")) if content else "",
        author_name=name,
        author_url=author_url,
        language=language(
            content.get("language") or summary_detail.get("language") or e.get("language")
        ),
        # dict.get, not FeedParserDict.get: the latter maps updated to published with a
        # DeprecationWarning; we want each date for what it is.
        published=_struct_time(dict.get(e, "published_parsed")),
        updated=_struct_time(dict.get(e, "updated_parsed"))
        or _struct_time(dict.get(e, "created_parsed")),
        in_reply_to=http_or_empty((dict.get(e, "thr_in-reply-to") or {}).get("href")),
        comments=http_or_empty(dict.get(e, "comments")),
        comment_feed=http_or_empty(dict.get(e, "wfw_commentrss")),
    )


def _entry_link(e: dict[str, Any]) -> str:
    """rel=alternate first (an HTML one if there are several), then <link>/permalink guid,
    then a YouTube watch URL built from yt:videoId."""
    alternates = [
        link
        for link in (e.get("links") or [])
        if isinstance(link, dict)
        and (link.get("rel") or "alternate") == "alternate"
        and is_http(link.get("href"))
    ]
    alternates.sort(key=lambda link: "html" not in str(link.get("type") or "html"))
    if alternates:
        return str(alternates[0]["href"]).strip()
    link = e.get("link")
    if is_http(link):
        return link.strip()
    video = text_or_empty(dict.get(e, "yt_videoid")).strip()
    if re.fullmatch(r"[A-Za-z0-9_-]{6,20}", video):
        return YOUTUBE_WATCH + video
    return ""


def _author(d: dict[str, Any]) -> tuple[str, str]:
    """(name, profile URL) of an entry's or a feed's author."""
    detail = d.get("author_detail") or {}
    raw = clean(text_or_empty(d.get("author")))
    # RSS <author> is "email (Name)"; feedparser 6 mangles that form, so read it ourselves.
    match = _EMAIL_AND_NAME.match(raw)
    name = match.group("name") if match else text_or_empty(detail.get("name")) or raw
    name = " ".join(clean(name).split())
    if "@" in name and " " not in name:
        name = ""  # a bare e-mail address is not a name to show
    return name, http_or_empty(detail.get("href"))


def _struct_time(value: Any) -> datetime | None:
    """feedparser's *_parsed values are UTC struct_times."""
    try:
        year, month, day, hour, minute, second = value[:6]
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None
