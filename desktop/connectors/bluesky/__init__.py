"""Bluesky (AT Protocol): handle + app password in, pages of typed events out.

Everything goes to the account's PDS (`session.service`), which answers com.atproto.* itself
and forwards app.bsky.* to the AppView, so one base URL serves every call. Every call goes
through the shared HttpClient (timeouts, retries, User-Agent, 429 -> RateLimited).

Streams (each with its own cursor; see `pages`):

- ``notifications``: inbound like / repost / follow / mention / reply / quote, and likes and
  reposts that came through a repost (``like-via-repost``, ``repost-via-repost``).
- ``author_feed``: outbound, from my author feed: my reposts, replies, mentions and quotes.
- ``likes``: outbound likes, from the like records in my own repository.
- ``timeline``: candidates, the links in the posts of my home timeline.

Lists come newest first. A first sync back-fills at most ``backfill_pages`` pages; later syncs
read until they reach what the saved cursor covers (one request when nothing is new). Only
the last page of a run carries the new cursor, so a crash in the middle re-reads everything
and the idempotent ingest drops what it already has.

Access tokens expire after a few minutes: a call that gets ``ExpiredToken`` refreshes the
session once with the refresh token (handing the new session to ``on_session_refreshed`` so
the caller can put the new refresh token in the keyring) and is tried again.
"""

from desktop.connectors.bluesky.connector import BlueskyConnector
from desktop.connectors.bluesky.records import AtUri, parse_at_uri
from desktop.connectors.bluesky.richtext import GRAPHEME_LIMIT, find_links, find_mentions
from desktop.connectors.bluesky.session import (
    DEFAULT_SERVICE,
    BlueskySession,
    create_session,
    refresh_session,
    xrpc_error,
)
from desktop.connectors.bluesky.streams import NOTIFICATION_KINDS
from desktop.core.length import count_graphemes  # re-exported: the one grapheme rule

__all__ = [
    "DEFAULT_SERVICE",
    "GRAPHEME_LIMIT",
    "NOTIFICATION_KINDS",
    "AtUri",
    "BlueskyConnector",
    "BlueskySession",
    "count_graphemes",
    "create_session",
    "find_links",
    "find_mentions",
    "parse_at_uri",
    "refresh_session",
    "xrpc_error",
]
