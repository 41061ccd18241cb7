"""Entries to events: a feed's entries become candidates, a comments feed's become replies."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from desktop.connectors.feeds.entries import Entry, Feed, without_fragment
from desktop.connectors.feeds.source import FeedSource
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

BLOG_NETWORK = Network.BLOG  # the network of commenters' identities on my blog
SUMMARY_LIMIT = 500  # characters of plain text kept as a candidate's summary
TITLE_LIMIT = 300
COMMENT_LIMIT = 10_000  # characters of a comment kept as the reply's text

_WORDPRESS_TITLE = re.compile(r"^\s*Comment on (?P<post>.+) by (?P<name>.+?)\s*$", re.S)


def candidate(
    entry: Entry, feed: Feed, source: FeedSource, now: datetime
) -> tuple[CandidateEvent | None, str]:
    """The entry as a candidate, or None and why it was skipped."""
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


def comment(
    entry: Entry, feed: Feed, source: FeedSource, now: datetime
) -> tuple[InteractionEvent | None, str]:
    """The entry as an inbound reply, or None and why it was skipped."""
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


def _commented_post(entry: Entry) -> str:
    """The URL of the post a comment is on: thr:in-reply-to, <comments>, the post's own
    comments feed (WordPress: <post>/feed/), or the comment's link without its #comment-N
    fragment (WordPress comment links are <post>/#comment-N)."""
    for url in (entry.in_reply_to, entry.comments):
        if url:
            return without_fragment(url)
    if entry.comment_feed:
        parts = urlsplit(entry.comment_feed)
        for suffix in ("/feed/", "/feed"):
            if parts.path.endswith(suffix):
                path = parts.path[: -len(suffix)] + "/"
                return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    return without_fragment(entry.link) if entry.link else ""
