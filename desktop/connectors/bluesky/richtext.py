"""Text of a post to send: @mentions and http(s) links found with UTF-8 byte offsets (as
facets need them), and Bluesky's length limits checked before any request."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from desktop.connectors.base import (
    Refused,
)
from desktop.core.i18n import fill, tx
from desktop.core.length import count_graphemes  # the one grapheme rule

GRAPHEME_LIMIT = 300  # app.bsky.feed.post text: maxGraphemes


TEXT_BYTE_LIMIT = 3000  # app.bsky.feed.post text: maxLength (UTF-8 bytes)


_MENTION = re.compile(
    r"(?:^|(?<=[\s(\[{\"'«¡¿“‘]))@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+"
    r"[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)"
)


_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)


_TRAILING = ".,;:!?'\"»”’…"


def _trim_url(url: str) -> str:
    """Drop the punctuation that ends a sentence rather than the URL, and closing brackets
    that have no opening one inside the URL."""

    def unbalanced(close: str, open_: str) -> bool:
        return url.endswith(close) and url.count(open_) < url.count(close)

    while url and (url[-1] in _TRAILING or unbalanced(")", "(") or unbalanced("]", "[")):
        url = url[:-1]
    return url


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def find_mentions(text: str) -> list[tuple[int, int, str]]:
    """(byteStart, byteEnd, handle) of each @handle in `text`, offsets in UTF-8 bytes."""
    return [
        (_byte_offset(text, m.start()), _byte_offset(text, m.end()), m.group(1).lower())
        for m in _MENTION.finditer(text)
    ]


def find_links(text: str) -> list[tuple[int, int, str]]:
    """(byteStart, byteEnd, url) of each http(s) URL in `text`, offsets in UTF-8 bytes."""
    found = []
    for m in _URL.finditer(text):
        url = _trim_url(m.group(0))
        if urlsplit(url).netloc:
            found.append(
                (_byte_offset(text, m.start()), _byte_offset(text, m.start() + len(url)), url)
            )
    return found


def _check_length(text: str) -> None:
    if not text.strip():
        raise Refused(tx("Sending", "the post is empty"))
    graphemes = count_graphemes(text)
    if graphemes > GRAPHEME_LIMIT:
        raise Refused(
            fill(
                tx("Sending", "the post is %1 characters long; Bluesky allows %2"),
                graphemes,
                GRAPHEME_LIMIT,
            )
        )
    if len(text.encode("utf-8")) > TEXT_BYTE_LIMIT:
        raise Refused(
            fill(tx("Sending", "the post is longer than Bluesky's %1 bytes"), TEXT_BYTE_LIMIT)
        )
