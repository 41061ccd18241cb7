"""Plain, typed events: what connectors produce and the store's ingest consumes.

They carry no database ids and know nothing of SQLAlchemy or Qt, so a connector can be
tested on its own and the store can be fed by anything (demo data, imports, tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Kind(StrEnum):
    SHARE = "share"
    QUOTE = "quote"
    MENTION = "mention"
    REPLY = "reply"
    LIKE = "like"
    FOLLOW = "follow"


class Direction(StrEnum):
    INBOUND = "inbound"  # they did it to me
    OUTBOUND = "outbound"  # I did it to them


class Network(StrEnum):
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    FEED = "feed"  # my feed list: the account that follows RSS/Atom/JSON feeds
    BLOG = "blog"  # commenters on my blog, and the account that reads its comments
    YOUTUBE = "youtube"  # commenters on my channel's videos (API), my Takeout exports
    X = "x"  # archive imports only
    LINKEDIN = "linkedin"  # manual entries only
    INSTAGRAM = "instagram"  # data-export imports only
    FACEBOOK = "facebook"  # data-export imports only
    MANUAL = "manual"  # the bucket of manual entries: not an account to manage


@dataclass(frozen=True, slots=True)
class Actor:
    """An identity as a network describes it: stable id first, names may change."""

    network: str
    stable_id: str
    handle: str
    display_name: str = ""
    profile_url: str = ""
    # Profiles on other networks this one's profile links to (its Mastodon fields, its
    # Bluesky bio): evidence that they are one person. Empty: the network did not say.
    links: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Post:
    url: str = ""
    text: str = ""
    language: str = ""
    remote_id: str = ""  # the network's id, needed to reply to or like it later


@dataclass(frozen=True, slots=True)
class InteractionEvent:
    external_id: str  # unique within the account: syncing twice never duplicates
    kind: Kind
    direction: Direction
    actor: Actor
    occurred_at: datetime  # timezone-aware UTC
    post: Post | None = None
    via: Actor | None = None  # second-hand amplification (a like that came via a repost)


@dataclass(frozen=True, slots=True)
class CandidateEvent:
    """A link seen somewhere: in a feed entry or in a post in my timeline."""

    url: str
    source: str  # "feed" or "timeline"
    source_ref: str  # the feed URL or the post URL it was seen in
    seen_at: datetime
    title: str = ""
    summary: str = ""
    author_name: str = ""
    author: Actor | None = None  # when the author is an identity on a network
    sharer: Actor | None = None  # who in my network surfaced it
    language: str = ""
    published_at: datetime | None = None
