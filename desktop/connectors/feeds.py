"""RSS, Atom and JSON Feed sources: entries become candidates, blog comments become replies.

Every source is fetched through the shared HTTP layer (timeouts, retries, User-Agent, typed
errors) with a conditional GET, and only the downloaded bytes are handed to feedparser:
feedparser never fetches anything itself. One page per source, in the order given:

- 304 Not Modified: no events, the saved cursor again, meta {"status": "not-modified"}.
- A feed that is not well-formed: whatever feedparser recovered, plus a warning.
- Something that is not a feed (an HTML page, garbage) or a network error for that source:
  a warning (and meta {"error": ...} for network errors), no events, and the saved cursor is
  kept so the next sync tries again. Other sources still sync.
- RateLimited is the one error that propagates: sync must stop and wait.

Links are passed on as the feed gives them (tracking parameters included): canonicalisation
is the store's job at ingest.
"""

from __future__ import annotations

import io
import json
import logging
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from xml.sax import SAXParseException

import feedparser

from desktop.connectors.base import BadResponse, ConnectorError, Page, RateLimited
from desktop.connectors.fields import text_or_empty
from desktop.connectors.html_text import html_to_text
from desktop.connectors.http import HttpClient
from desktop.connectors.parse import utc_datetime
from desktop.core.events import (
    Actor,
    CandidateEvent,
    Direction,
    InteractionEvent,
    Kind,
    Network,
    Post,
)
from desktop.core.text import excerpt, fold
from desktop.core.urls import is_http_url

log = logging.getLogger(__name__)

__all__ = ["BLOG_NETWORK", "KINDS", "FeedConnector", "FeedSource"]

KINDS = ("feed", "blog_comments")
BLOG_NETWORK = Network.BLOG  # the network of commenters' identities on my blog
SUMMARY_LIMIT = 500  # characters of plain text kept as a candidate's summary
TITLE_LIMIT = 300
COMMENT_LIMIT = 10_000  # characters of a comment kept as the reply's text
HTML_LIMIT = 200_000  # characters of remote HTML converted per field: the rest is never shown
MAX_BODY = 20 * 1024 * 1024  # bytes: a bigger "feed" is not parsed at all
ACCEPT = (
    "application/atom+xml, application/rss+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
YOUTUBE_WATCH = "https://www.youtube.com/watch?v="

# C0/C1 controls (tab and newline kept), NUL included, lone surrogates (JSON can carry
# them and they cannot be stored as UTF-8) and the two non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
_EMAIL_AND_NAME = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\((?P<name>[^()]+)\)\s*$")
_WORDPRESS_TITLE = re.compile(r"^\s*Comment on (?P<post>.+) by (?P<name>.+?)\s*$", re.S)
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_JSON_FEED_VERSIONS = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")


@dataclass(frozen=True)
class FeedSource:
    """A feed to follow: its address, what its entries mean, and a title the user gave it.

    kind "feed": every entry is a candidate to share. kind "blog_comments": the comments
    feed of the user's own blog, every entry an inbound reply from the commenter.
    """

    url: str
    kind: str = "feed"
    title: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown feed kind {self.kind!r}: use one of {', '.join(KINDS)}")
        if not _is_http(self.url):
            raise ValueError(f"a feed address must be an http(s) URL, not {self.url[:200]!r}")

    @property
    def stream(self) -> str:
        return "feed:" + self.url


# -- one parsed feed, whichever format it came in ----------------------------------------


@dataclass
class _Entry:
    id: str = ""
    link: str = ""  # the best http(s) link, "" if none
    title: str = ""  # plain text
    summary: str = ""  # plain text, whole (trimmed by the caller)
    content: str = ""  # plain text of the full content, "" if only a summary was given
    author_name: str = ""
    author_url: str = ""
    language: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    in_reply_to: str = ""  # thr:in-reply-to href
    comments: str = ""  # RSS <comments>: the commented page
    comment_feed: str = ""  # wfw:commentRss: the commented post's own comments feed


@dataclass
class _Feed:
    title: str = ""
    site_url: str = ""
    language: str = ""
    author_name: str = ""
    entries: list[_Entry] = field(default_factory=list)
    problem: str = ""  # why it is not well-formed, "" if it is


class _NotAFeed(Exception):
    """The body is not RSS, Atom or JSON Feed; the message says what it looks like."""


# -- the connector ------------------------------------------------------------------------


class FeedConnector:
    """Pages of candidates (and blog comments) from a list of feeds, one page per feed."""

    network = Network.FEED

    def __init__(
        self,
        sources: Sequence[FeedSource],
        *,
        http: HttpClient | None = None,
        max_entries: int = 200,
    ) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries}")
        unique: dict[str, FeedSource] = {}
        for source in sources:
            unique.setdefault(source.url, source)
        self.sources = list(unique.values())
        self.max_entries = max_entries
        # An injected client (tests, a shared session) serves every source; otherwise one
        # client per origin, so that error messages name the right host.
        self._http = http
        self._clients: dict[str, HttpClient] = {}

    def pages(self, cursors: Mapping[str, str]) -> Iterator[Page]:
        for source in self.sources:
            yield self._page(source, cursors.get(source.stream))

    # -- one source

    def _page(self, source: FeedSource, saved: str | None) -> Page:
        page = Page(stream=source.stream)
        etag, last_modified = _read_cursor(saved)
        headers = {"Accept": ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            response = self._client(source.url).get(
                source.url, headers=headers, expect_json=False, auth=False
            )
        except RateLimited:
            raise
        except ConnectorError as exc:
            page.warnings.append(f"could not fetch the feed at {source.url}: {exc}")
            page.meta["error"] = str(exc)
            return page
        if response.status == 304:
            page.cursor = saved
            page.meta["status"] = "not-modified"
            return page

        content_type = response.headers.get("Content-Type", "")
        try:
            feed = _parse(response.content, content_type, source.url)
        except _NotAFeed as exc:
            page.warnings.append(f"the address {source.url} did not return a feed: {exc}")
            return page
        except Exception as exc:  # noqa: BLE001 - a third-party parser on untrusted bytes
            log.warning("feed parser failed on %s", urlsplit(source.url).netloc, exc_info=True)
            page.warnings.append(f"could not read the feed at {source.url} ({type(exc).__name__})")
            return page

        if feed.title:
            page.meta["title"] = feed.title
        if feed.site_url:
            page.meta["site_url"] = feed.site_url

        entries = feed.entries
        if len(entries) > self.max_entries:
            page.skipped["over-limit"] += len(entries) - self.max_entries
            entries = entries[: self.max_entries]
        now = datetime.now(UTC)
        for entry in entries:
            if source.kind == "blog_comments":
                event, reason = _comment(entry, feed, source, now)
                if event is not None:
                    page.interactions.append(event)
            else:
                event, reason = _candidate(entry, feed, source, now)
                if event is not None:
                    page.candidates.append(event)
            if reason:
                page.skipped[reason] += 1

        read = len(page.candidates) + len(page.interactions)
        if feed.problem:
            noun = "entry" if read == 1 else "entries"
            page.warnings.append(
                f"the feed at {source.url} is not well-formed ({feed.problem}); read {read} {noun}"
            )
            if not read:
                return page  # keep the saved cursor: nothing came of this response
        page.cursor = json.dumps(
            {
                "etag": response.headers.get("ETag"),
                "last_modified": response.headers.get("Last-Modified"),
            }
        )
        return page

    def _client(self, url: str) -> HttpClient:
        if self._http is not None:
            return self._http
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        client = self._clients.get(origin)
        if client is None:
            client = self._clients[origin] = HttpClient(origin)
        return client


def _read_cursor(saved: str | None) -> tuple[str, str]:
    """(etag, last_modified) from a saved cursor; a cursor we cannot read is no cursor."""
    if not saved:
        return "", ""
    try:
        data = json.loads(saved)
    except ValueError:
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    etag, modified = data.get("etag"), data.get("last_modified")
    return (
        etag if isinstance(etag, str) and _header_safe(etag) else "",
        modified if isinstance(modified, str) and _header_safe(modified) else "",
    )


def _header_safe(value: str) -> bool:
    return bool(value) and not any(ch in value for ch in "\r\n\x00")


# -- entries to events --------------------------------------------------------------------


def _candidate(
    entry: _Entry, feed: _Feed, source: FeedSource, now: datetime
) -> tuple[CandidateEvent | None, str]:
    if not entry.link:
        return None, "no-link"
    published = entry.published or entry.updated
    seen_at = min(published, now) if published else now  # a future date is not "seen" yet
    return (
        CandidateEvent(
            url=entry.link,
            source="feed",
            source_ref=source.url,
            seen_at=seen_at,
            title=excerpt(entry.title, TITLE_LIMIT),
            summary=excerpt(entry.summary or entry.content, SUMMARY_LIMIT),
            author_name=entry.author_name or feed.author_name,
            language=entry.language or feed.language,
            published_at=published,
        ),
        "",
    )


def _comment(
    entry: _Entry, feed: _Feed, source: FeedSource, now: datetime
) -> tuple[InteractionEvent | None, str]:
    ref = entry.id or entry.link
    if not ref:
        return None, "no-id"
    name = entry.author_name
    if not name:
        match = _WORDPRESS_TITLE.match(entry.title)
        name = match.group("name").strip() if match else ""
    if not name and not entry.author_url:
        return None, "no-author"  # an anonymous comment: nobody to thank
    handle = name or entry.author_url
    if entry.author_url:
        stable_id = entry.author_url
    else:
        host = (urlsplit(source.url).hostname or "").lower()
        stable_id = f"name:{fold(' '.join(name.split()))}@{host}"
    text = entry.content or entry.summary
    if len(text) > COMMENT_LIMIT:
        text = text[:COMMENT_LIMIT].rstrip() + "…"
    return (
        InteractionEvent(
            external_id="comment:" + ref,
            kind=Kind.REPLY,
            direction=Direction.INBOUND,
            actor=Actor(
                network=BLOG_NETWORK,
                stable_id=stable_id,
                handle=handle,
                display_name=name,
                profile_url=entry.author_url,
            ),
            occurred_at=entry.published or entry.updated or now,
            post=Post(
                url=_commented_post(entry),
                text=text,
                language=entry.language or feed.language,
            ),
        ),
        "",
    )


def _commented_post(entry: _Entry) -> str:
    """The URL of the post a comment is on: thr:in-reply-to, <comments>, the post's own
    comments feed (WordPress: <post>/feed/), or the comment's link without its #comment-N
    fragment (WordPress comment links are <post>/#comment-N)."""
    for candidate in (entry.in_reply_to, entry.comments):
        if candidate:
            return _without_fragment(candidate)
    if entry.comment_feed:
        parts = urlsplit(entry.comment_feed)
        for suffix in ("/feed/", "/feed"):
            if parts.path.endswith(suffix):
                path = parts.path[: -len(suffix)] + "/"
                return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    return _without_fragment(entry.link) if entry.link else ""


# -- parsing ------------------------------------------------------------------------------


def _parse(content: bytes, content_type: str, url: str) -> _Feed:
    if not content or not content.strip():
        raise _NotAFeed("the response was empty")
    if len(content) > MAX_BODY:
        raise _NotAFeed(f"the response is too large ({len(content) // (1024 * 1024)} MB)")
    media_type = content_type.split(";", 1)[0].strip().lower()
    head = content[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if "json" in media_type or head.startswith((b"{", b"[")):
        feed = _parse_json_feed(content)
        if feed is not None:
            return feed
        if "json" in media_type:
            raise _NotAFeed("it is JSON, but not a JSON Feed")
    return _parse_xml_feed(content, content_type, media_type, url, head)


def _parse_xml_feed(content: bytes, content_type: str, media_type: str, url: str, head: bytes):
    response_headers = {"content-location": url}
    if content_type:
        response_headers["content-type"] = content_type
    with warnings.catch_warnings():
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
            raise _NotAFeed("it is a web page (HTML), not RSS, Atom or JSON Feed")
        raise _NotAFeed("it is not RSS, Atom or JSON Feed")
    problem = ""
    exc = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(exc, feedparser.ThingsNobodyCaresAboutButMe):
        problem = _describe(exc)
    info = parsed.get("feed") or {}
    feed = _Feed(
        title=_plain_title(info.get("title"), info.get("title_detail")),
        site_url=_http_or_empty(info.get("link")),
        language=_language(info.get("language")),
        author_name=_author(info)[0],
        problem=problem,
    )
    feed.entries = [_entry_from_feedparser(e, feed) for e in entries if isinstance(e, dict)]
    return feed


def _describe(exc: Any) -> str:
    if isinstance(exc, SAXParseException):
        return f"line {exc.getLineNumber()}: {_clean(exc.getMessage())[:200]}"
    text = _clean(str(exc or "")).strip()
    return text[:200] or type(exc).__name__


def _entry_from_feedparser(e: dict, feed: _Feed) -> _Entry:
    name, author_url = _author(e)
    summary_html = e.get("summary")
    summary_detail = e.get("summary_detail") or {}
    contents = e.get("content") or []
    content = contents[0] if contents and isinstance(contents[0], dict) else {}
    return _Entry(
        id=_clean(text_or_empty(e.get("id"))).strip(),
        link=_entry_link(e),
        title=_plain_title(e.get("title"), e.get("title_detail")),
        summary=_text(summary_html, summary_detail.get("type")),
        content=_text(content.get("value"), content.get("type")) if content else "",
        author_name=name,
        author_url=author_url,
        language=_language(
            content.get("language") or summary_detail.get("language") or e.get("language")
        ),
        # dict.get, not FeedParserDict.get: the latter maps updated to published with a
        # DeprecationWarning; we want each date for what it is.
        published=_struct_time(dict.get(e, "published_parsed")),
        updated=_struct_time(dict.get(e, "updated_parsed"))
        or _struct_time(dict.get(e, "created_parsed")),
        in_reply_to=_http_or_empty((dict.get(e, "thr_in-reply-to") or {}).get("href")),
        comments=_http_or_empty(dict.get(e, "comments")),
        comment_feed=_http_or_empty(dict.get(e, "wfw_commentrss")),
    )


def _entry_link(e: dict) -> str:
    """rel=alternate first (an HTML one if there are several), then <link>/permalink guid,
    then a YouTube watch URL built from yt:videoId."""
    alternates = [
        link
        for link in (e.get("links") or [])
        if isinstance(link, dict)
        and (link.get("rel") or "alternate") == "alternate"
        and _is_http(link.get("href"))
    ]
    alternates.sort(key=lambda link: "html" not in str(link.get("type") or "html"))
    if alternates:
        return alternates[0]["href"].strip()
    link = e.get("link")
    if _is_http(link):
        return link.strip()
    video = text_or_empty(dict.get(e, "yt_videoid")).strip()
    if re.fullmatch(r"[A-Za-z0-9_-]{6,20}", video):
        return YOUTUBE_WATCH + video
    return ""


def _author(d: dict) -> tuple[str, str]:
    """(name, profile URL) of an entry's or a feed's author."""
    detail = d.get("author_detail") or {}
    raw = _clean(text_or_empty(d.get("author")))
    # RSS <author> is "email (Name)"; feedparser 6 mangles that form, so read it ourselves.
    match = _EMAIL_AND_NAME.match(raw)
    name = match.group("name") if match else text_or_empty(detail.get("name")) or raw
    name = " ".join(_clean(name).split())
    if "@" in name and " " not in name:
        name = ""  # a bare e-mail address is not a name to show
    return name, _http_or_empty(detail.get("href"))


def _parse_json_feed(content: bytes) -> _Feed | None:
    """A JSON Feed (1.0 or 1.1), or None if this is not one (feedparser 6 cannot read it)."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    version = data.get("version")
    if not isinstance(version, str) or not version.startswith(_JSON_FEED_VERSIONS):
        return None
    feed_author = _json_author(data)
    feed = _Feed(
        title=_plain_title(data.get("title"), {"type": "text/plain"}),
        site_url=_http_or_empty(data.get("home_page_url")),
        language=_language(data.get("language")),
        author_name=feed_author,
    )
    items = data.get("items")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        link = next(
            (u.strip() for u in (item.get("url"), item.get("external_url")) if _is_http(u)), ""
        )
        summary = _text(item.get("summary"), "text/plain")
        html_content = _text(item.get("content_html"), "text/html")
        text_content = _text(item.get("content_text"), "text/plain")
        raw_id = item.get("id")
        feed.entries.append(
            _Entry(
                id=_clean(str(raw_id)).strip() if isinstance(raw_id, str | int) else "",
                link=link,
                title=_plain_title(item.get("title"), {"type": "text/plain"}),
                summary=summary or html_content or text_content,
                content=html_content or text_content,
                author_name=_json_author(item),
                author_url=_json_author_url(item),
                language=_language(item.get("language")),
                published=_iso_date(item.get("date_published")),
                updated=_iso_date(item.get("date_modified")),
            )
        )
    return feed


def _json_people(d: dict) -> list[dict]:
    authors = d.get("authors")  # 1.1
    if isinstance(authors, list):
        return [a for a in authors if isinstance(a, dict)]
    author = d.get("author")  # 1.0
    return [author] if isinstance(author, dict) else []


def _json_author(d: dict) -> str:
    for person in _json_people(d):
        name = " ".join(_clean(text_or_empty(person.get("name"))).split())
        if name:
            return name
    return ""


def _json_author_url(d: dict) -> str:
    for person in _json_people(d):
        url = _http_or_empty(person.get("url"))
        if url:
            return url
    return ""


# -- small helpers ------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


def _is_http(value: Any) -> bool:
    return isinstance(value, str) and is_http_url(value)


def _http_or_empty(value: Any) -> str:
    return value.strip() if _is_http(value) else ""


def _without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url.strip())._replace(fragment=""))


def _text(value: Any, media_type: Any) -> str:
    """Plain text from a field that is HTML unless its type says plain text."""
    value = _clean(text_or_empty(value))
    if not value.strip():
        return ""
    media_type = text_or_empty(media_type).lower()
    if media_type == "text/plain" and not _TAG.search(value):
        return value.strip()
    return _clean(html_to_text(value[:HTML_LIMIT]).text)


def _plain_title(value: Any, detail: Any) -> str:
    media_type = (detail or {}).get("type") if isinstance(detail, dict) else None
    return " ".join(_text(value, media_type or "text/plain").split())


def _language(value: Any) -> str:
    """The primary language subtag, lower case ("en-GB" -> "en"), or ""."""
    match = _LANGUAGE.match(text_or_empty(value).strip())
    return match.group(1).lower() if match else ""


def _struct_time(value: Any) -> datetime | None:
    """feedparser's *_parsed values are UTC struct_times."""
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _iso_date(value: Any) -> datetime | None:
    """A JSON Feed date, or None: a bad date drops the date, not the entry."""
    try:
        return utc_datetime(value, "JSON Feed")
    except BadResponse:
        return None
