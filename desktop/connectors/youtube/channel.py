"""Which channel the user means: a channel id, a handle or a channel's address, and the
one ``channels.list`` call (1 quota unit) that checks it exists, with this key."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from desktop.connectors.fields import expect_object, optional_object, optional_text, text_field
from desktop.connectors.http import HttpClient
from desktop.core.errors import InvalidRequest
from desktop.core.events import Actor, Network
from desktop.core.i18n import fill, tx
from desktop.core.urls import YOUTUBE_HOSTS

CHANNELS = "youtube/v3/channels"
CHANNEL_URL = "https://www.youtube.com/channel/"

_CHANNEL_ID = re.compile(r"^UC[0-9A-Za-z_-]{22}$")
_HANDLE = re.compile(r"^@?[^\s/?#@&=]{1,100}$")


def _typed_wrong() -> InvalidRequest:
    return InvalidRequest(
        tx(
            "YouTube",
            "enter your channel id (UC…, in YouTube Studio → Settings → Channel → Advanced "
            "settings) or your handle (@name)",
        )
    )


def channel_query(typed: str) -> dict[str, str]:
    """The channels.list filter for what was typed: ``{"id": "UC…"}`` for a channel id or
    a /channel/ address, ``{"forHandle": "@name"}`` for a handle or a /@name address.
    InvalidRequest (a ValueError) says what to type instead."""
    text = (typed or "").strip()
    if "://" in text or text.lower().startswith(tuple(f"{h}/" for h in YOUTUBE_HOSTS)):
        parts = urlsplit(text if "://" in text else f"https://{text}")
        if (parts.hostname or "").lower() not in YOUTUBE_HOSTS:
            raise _typed_wrong()
        segments = [unquote(s) for s in parts.path.split("/") if s]
        if len(segments) >= 2 and segments[0] == "channel":
            text = segments[1]
        elif segments and segments[0].startswith("@"):
            text = segments[0]
        else:
            raise _typed_wrong()
    if _CHANNEL_ID.match(text):
        return {"id": text}
    if _HANDLE.match(text) and text.strip("@"):
        return {"forHandle": "@" + text.lstrip("@")}
    raise _typed_wrong()


def find_channel(http: HttpClient, typed: str) -> Actor:
    """The channel `typed` names, as YouTube describes it (its id, @handle, title).

    Raises what the key's trouble is (NeedsSignIn for a refused key, RateLimited for a
    spent quota: see errors.py) and InvalidRequest when no channel answers to it."""
    query = channel_query(typed)
    where = f"{http.host}/{CHANNELS}"
    data = expect_object(http.get(CHANNELS, params={"part": "snippet", **query}).data, where)
    items = data.get("items") or []  # no match: YouTube leaves "items" out
    if not isinstance(items, list) or not items:
        raise InvalidRequest(
            fill(tx("YouTube", "YouTube has no channel %1: check the id or handle"), typed.strip())
        )
    item = expect_object(items[0], where)
    channel_id = text_field(item, "id", where)
    snippet = optional_object(item, "snippet")
    custom = optional_text(snippet, "customUrl")  # "@name" (older channels: a bare name)
    return Actor(
        network=str(Network.YOUTUBE),
        stable_id=channel_id,
        handle=("@" + custom.lstrip("@")) if custom else channel_id,
        display_name=optional_text(snippet, "title"),
        profile_url=CHANNEL_URL + channel_id,
    )


def channel_handle(name: str, profile: str, channel_id: str) -> str:
    """A channel's handle as Reciprocity keeps it: @name from the channel's address
    (youtube.com/@name), else from the display name (YouTube shows handles there now),
    else the channel id. The API's comments and Takeout's exports both go through it."""
    path = unquote(urlsplit(profile).path).strip("/")
    if path.startswith("@") and "/" not in path and len(path) > 1:
        return path
    if name.startswith("@") and len(name) > 1 and " " not in name:
        return name
    return channel_id


__all__ = ["CHANNELS", "CHANNEL_URL", "channel_handle", "channel_query", "find_channel"]
