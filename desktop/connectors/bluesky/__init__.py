"""Bluesky (AT Protocol): the connector and the names code outside the package uses."""

from desktop.connectors.bluesky.streams import (
    DEFAULT_SERVICE,
    GRAPHEME_LIMIT,
    NOTIFICATION_KINDS,
    AtUri,
    BlueskyConnector,
    BlueskySession,
    count_graphemes,
    create_session,
    find_links,
    find_mentions,
    parse_at_uri,
    refresh_session,
    xrpc_error,
)

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
