"""Bytes to a Feed: JSON Feed by its own reader, everything else through feedparser."""

from __future__ import annotations

from desktop.connectors.feeds.entries import Feed, NotAFeed
from desktop.connectors.feeds.json_feed import parse_json_feed
from desktop.connectors.feeds.rss_atom import parse_xml_feed
from desktop.core.i18n import fill, tx

MAX_BODY = 20 * 1024 * 1024  # bytes: a bigger "feed" is not parsed at all


def parse_feed(content: bytes, content_type: str, url: str) -> Feed:
    """The feed in a response body; NotAFeed says what it is instead."""
    if not content or not content.strip():
        raise NotAFeed(tx("Feeds", "the response was empty"))
    if len(content) > MAX_BODY:
        raise NotAFeed(
            fill(tx("Feeds", "the response is too large (%1 MB)"), len(content) // (1024 * 1024))
        )
    media_type = content_type.split(";", 1)[0].strip().lower()
    head = content[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if "json" in media_type or head.startswith((b"{", b"[")):
        feed = parse_json_feed(content)
        if feed is not None:
            return feed
        if "json" in media_type:
            raise NotAFeed(tx("Feeds", "it is JSON, but not a JSON Feed"))
    return parse_xml_feed(content, content_type, media_type, url, head)
