"""AT Protocol records and views: at-uris, actors and post views read defensively from
lexicon JSON, the bsky.app URLs they map to, and the links and mentions a post carries."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from desktop.connectors.base import (
    BadResponse,
)
from desktop.connectors.bluesky.richtext import find_links
from desktop.connectors.fields import (
    expect_object,
    object_field,
    optional_object,
    optional_text,
    text_field,
)
from desktop.core.events import (
    Actor,
    Network,
    Post,
)
from desktop.core.i18n import fill, tx
from desktop.core.profiles import profile_links

APP_URL = "https://bsky.app"


NETWORK = str(Network.BLUESKY)


POST = "app.bsky.feed.post"


LIKE = "app.bsky.feed.like"


REASON_REPOST = "app.bsky.feed.defs#reasonRepost"


MENTION_FEATURE = "app.bsky.richtext.facet#mention"


LINK_FEATURE = "app.bsky.richtext.facet#link"


EMBED_RECORD = "app.bsky.embed.record"


EMBED_RECORD_WITH_MEDIA = "app.bsky.embed.recordWithMedia"


EXTERNAL_VIEW = "app.bsky.embed.external#view"


RECORD_WITH_MEDIA_VIEW = "app.bsky.embed.recordWithMedia#view"


@dataclass(frozen=True)
class AtUri:
    did: str
    collection: str
    rkey: str

    def __str__(self) -> str:
        return f"at://{self.did}/{self.collection}/{self.rkey}"


_AT_URI = re.compile(
    r"^at://(did:[a-z]+:[A-Za-z0-9._:%-]{1,2048})/([A-Za-z0-9][A-Za-z0-9.-]{0,316})"
    r"/([A-Za-z0-9._:~-]{1,512})$"
)


def parse_at_uri(value: Any, where: str = "Bluesky") -> AtUri:
    """at://<did>/<collection>/<rkey>: a record's address (DID authority only)."""
    m = _AT_URI.match(value) if isinstance(value, str) else None
    if m is None:
        raise BadResponse(
            fill(tx("Network", "%1: %2 is not a record at-uri"), where, repr(str(value)[:80]))
        )
    return AtUri(*m.groups())


def _first_language(record: Any) -> str:
    langs = record.get("langs") if isinstance(record, dict) else None
    if isinstance(langs, list) and langs and isinstance(langs[0], str):
        return langs[0]
    return ""


def profile_url(handle_or_did: str) -> str:
    return f"{APP_URL}/profile/{handle_or_did}"


def _name_in_urls(handle: str, did: str) -> str:
    return handle if handle and handle != "handle.invalid" else did


def record_url(handle_or_did: str, uri: AtUri) -> str:
    """The bsky.app page of a record (post, feed or list), or "" for other collections."""
    kind = {POST: "post", "app.bsky.feed.generator": "feed", "app.bsky.graph.list": "lists"}
    part = kind.get(uri.collection)
    return f"{profile_url(handle_or_did)}/{part}/{uri.rkey}" if part else ""


def post_url(handle_or_did: str, rkey: str) -> str:
    return f"{profile_url(handle_or_did)}/post/{rkey}"


def _actor(profile: Any, where: str) -> Actor:
    body = expect_object(profile, where)
    did = text_field(body, "did", where)
    if not did.startswith("did:"):
        raise BadResponse(fill(tx("Network", "%1: %2 is not a DID"), where, repr(did[:60])))
    handle = optional_text(body, "handle").strip() or did
    return Actor(
        network=NETWORK,
        stable_id=did,
        handle=handle,
        display_name=optional_text(body, "displayName").strip() or handle,
        profile_url=profile_url(_name_in_urls(handle, did)),
        links=_bio_links(body.get("description")),
    )


def _bio_links(description: object) -> tuple[str, ...]:
    """The other networks' profiles a Bluesky bio links to (plain text: its URLs)."""
    if type(description) is not str or "http" not in description:
        return ()
    return profile_links((url for _, _, url in find_links(description)), own=NETWORK)


def _bare_actor(did: str, handle: str = "") -> Actor:
    """An actor known only by DID (a profile that could not be fetched)."""
    handle = handle or did
    return Actor(NETWORK, did, handle, handle, profile_url(_name_in_urls(handle, did)))


@dataclass(frozen=True)
class _PostView:
    uri: str
    cid: str
    author: Actor
    record: dict[str, Any]
    view: dict[str, Any]

    def post(self) -> Post:
        rkey = parse_at_uri(self.uri).rkey
        return Post(
            url=post_url(_name_in_urls(self.author.handle, self.author.stable_id), rkey),
            text=optional_text(self.record, "text"),
            language=_first_language(self.record),
            remote_id=self.uri,
        )


def _post_view(value: Any, where: str) -> _PostView:
    body = expect_object(value, where)
    uri = text_field(body, "uri", where)
    parse_at_uri(uri, where)
    return _PostView(
        uri=uri,
        cid=optional_text(body, "cid"),
        author=_actor(object_field(body, "author", where), where),
        record=optional_object(body, "record"),
        view=body,
    )


def _strong_ref_uri(value: Any) -> str:
    """The uri of a com.atproto.repo.strongRef, or ""."""
    return optional_text(value, "uri")


def _quoted_uri(record: dict[str, Any]) -> str:
    embed = optional_object(record, "embed")
    kind = optional_text(embed, "$type")
    if kind == EMBED_RECORD:
        return _strong_ref_uri(embed.get("record"))
    if kind == EMBED_RECORD_WITH_MEDIA:
        return _strong_ref_uri(optional_object(embed, "record").get("record"))
    return ""


def _quoted_author(view: dict[str, Any], quoted: str) -> Actor | None:
    embed = optional_object(view, "embed")
    record = optional_object(embed, "record")
    if optional_text(embed, "$type") == RECORD_WITH_MEDIA_VIEW:
        record = optional_object(record, "record")
    if optional_text(record, "uri") != quoted:
        return None
    try:
        return _actor(object_field(record, "author", "quoted post"), "quoted post")
    except BadResponse:
        return None


def _features(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    facets = record.get("facets")
    if not isinstance(facets, list):
        return
    for facet in facets:
        features = facet.get("features") if isinstance(facet, dict) else None
        if isinstance(features, list):
            yield from (f for f in features if isinstance(f, dict))


def _mentioned_dids(record: dict[str, Any]) -> list[str]:
    dids = [
        optional_text(f, "did")
        for f in _features(record)
        if optional_text(f, "$type") == MENTION_FEATURE
        and optional_text(f, "did").startswith("did:")
    ]
    return list(dict.fromkeys(dids))


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _links_of(view: _PostView) -> list[tuple[str, str, str]]:
    """(url, title, description) of the links a post carries: its external embed (which has
    a title) first, then its link facets."""
    links: dict[str, tuple[str, str, str]] = {}
    embed = optional_object(view.view, "embed")
    if optional_text(embed, "$type") == RECORD_WITH_MEDIA_VIEW:
        embed = optional_object(embed, "media")
    if optional_text(embed, "$type") == EXTERNAL_VIEW:
        external = optional_object(embed, "external")
        url = optional_text(external, "uri").strip()
        if _is_web_url(url):
            links[url] = (
                url,
                optional_text(external, "title").strip(),
                optional_text(external, "description"),
            )
    for feature in _features(view.record):
        url = optional_text(feature, "uri").strip()
        if (
            optional_text(feature, "$type") == LINK_FEATURE
            and _is_web_url(url)
            and url not in links
        ):
            links[url] = (url, "", "")
    return list(links.values())


_APP_POST_URL = re.compile(r"^https?://(?:www\.)?bsky\.app/profile/([^/?#]+)/post/([^/?#]+)")
