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

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from desktop.connectors.base import (
    BadResponse,
    NeedsSignIn,
    Page,
    Refused,
)
from desktop.connectors.fields import (
    expect_object,
    list_field,
    object_field,
    optional_object,
    optional_text,
    text_field,
)
from desktop.connectors.http import HttpClient, Response
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
from desktop.core.length import count_graphemes  # the one grapheme rule

log = logging.getLogger(__name__)

DEFAULT_SERVICE = "https://bsky.social"
APP_URL = "https://bsky.app"
GRAPHEME_LIMIT = 300  # app.bsky.feed.post text: maxGraphemes
TEXT_BYTE_LIMIT = 3000  # app.bsky.feed.post text: maxLength (UTF-8 bytes)
PAGE_SIZE = 100  # the most listNotifications / getAuthorFeed / getTimeline / listRecords give
BATCH = 25  # the most uris getPosts and actors getProfiles take at once
MAX_PAGES = 50  # an incremental run reads at most this many pages per stream

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

# XRPC error names (the body's "error") that mean the tokens are no good any more.
SESSION_ERRORS = frozenset(
    {"ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing", "AccountTakedown"}
)

NOTIFICATION_KINDS: dict[str, Kind] = {
    "like": Kind.LIKE,
    "repost": Kind.SHARE,
    "follow": Kind.FOLLOW,
    "mention": Kind.MENTION,
    "reply": Kind.REPLY,
    "quote": Kind.QUOTE,
    "like-via-repost": Kind.LIKE,
    "repost-via-repost": Kind.SHARE,
}
VIA_REPOST_REASONS = frozenset({"like-via-repost", "repost-via-repost"})
INLINE_POST_REASONS = frozenset({"mention", "reply", "quote"})  # the record is their post


# ---------------------------------------------------------------------------------------------
# Sessions


@dataclass
class BlueskySession:
    did: str
    handle: str
    access_jwt: str = field(repr=False)
    refresh_jwt: str = field(repr=False)
    service: str = DEFAULT_SERVICE


def _service_url(service_url: str) -> str:
    url = (service_url or DEFAULT_SERVICE).strip().rstrip("/")
    if "://" not in url:
        url = f"https://{url}"
    return url


def _xrpc(
    client: HttpClient,
    method: str,
    nsid: str,
    *,
    bearer: str | None = None,
    params: dict | None = None,
    body: Any = None,
) -> Response:
    """One XRPC call: queries are GETs (retried by the HttpClient), procedures POSTs (never
    retried). A typed error it raises carries the body's error name (e.g. "ExpiredToken")
    as `code`."""
    return client.request(
        method,
        f"xrpc/{nsid}",
        params=params,
        json_body=body,
        headers={"Authorization": f"Bearer {bearer}"} if bearer else None,
        auth=False,
    )


def xrpc_error(exc: BaseException) -> str:
    """The XRPC error name behind a NeedsSignIn / Refused raised by a call, or ""."""
    return getattr(exc, "code", "")


def _session_from(data: Any, service: str, where: str) -> BlueskySession:
    body = expect_object(data, where)
    return BlueskySession(
        did=text_field(body, "did", where),
        handle=text_field(body, "handle", where),
        access_jwt=text_field(body, "accessJwt", where),
        refresh_jwt=text_field(body, "refreshJwt", where),
        service=service,
    )


def create_session(
    service_url: str, identifier: str, app_password: str, http: HttpClient | None = None
) -> BlueskySession:
    """Sign in with a handle (or email / DID) and an app password."""
    service = _service_url(service_url)
    client = http or HttpClient(service)
    body = {"identifier": identifier.strip().lstrip("@"), "password": app_password}
    try:
        response = _xrpc(client, "POST", "com.atproto.server.createSession", body=body)
    except (NeedsSignIn, Refused) as exc:
        code = xrpc_error(exc)
        if code == "AuthFactorTokenRequired":
            raise NeedsSignIn(
                "this Bluesky account asks for a sign-in code sent by email (two-factor "
                "sign-in): create an app password in Bluesky's settings (Privacy and security "
                "> App passwords) and sign in with it instead of the account password"
            ) from None
        if code == "AccountTakedown":
            raise Refused(
                "Bluesky says this account has been taken down or suspended", exc.status
            ) from None
        if isinstance(exc, NeedsSignIn) or code in SESSION_ERRORS:
            raise NeedsSignIn(
                f"{client.host}: handle or app password not accepted; check both and try again"
            ) from None
        raise
    return _session_from(response.data, service, "com.atproto.server.createSession")


def refresh_session(session: BlueskySession, http: HttpClient | None = None) -> BlueskySession:
    """A new session (new access and refresh tokens) from the session's refresh token."""
    client = http or HttpClient(session.service)
    try:
        response = _xrpc(
            client, "POST", "com.atproto.server.refreshSession", bearer=session.refresh_jwt
        )
    except (NeedsSignIn, Refused) as exc:
        if isinstance(exc, NeedsSignIn) or xrpc_error(exc) in SESSION_ERRORS:
            raise NeedsSignIn(
                f"Bluesky ended the session of @{session.handle}: sign in again"
            ) from None
        raise
    return _session_from(response.data, session.service, "com.atproto.server.refreshSession")


# ---------------------------------------------------------------------------------------------
# Defensive parsing: whatever the server sends, the worst outcome is BadResponse.


def _next_cursor(body: dict, where: str) -> str | None:
    value = body.get("cursor")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadResponse(f"{where}: the field 'cursor' is not a string")
    return value


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
        raise BadResponse(f"{where}: {str(value)[:80]!r} is not a record at-uri")
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
        raise BadResponse(f"{where}: {did[:60]!r} is not a DID")
    handle = optional_text(body, "handle").strip() or did
    return Actor(
        network=NETWORK,
        stable_id=did,
        handle=handle,
        display_name=optional_text(body, "displayName").strip() or handle,
        profile_url=profile_url(_name_in_urls(handle, did)),
    )


def _bare_actor(did: str, handle: str = "") -> Actor:
    """An actor known only by DID (a profile that could not be fetched)."""
    handle = handle or did
    return Actor(NETWORK, did, handle, handle, profile_url(_name_in_urls(handle, did)))


@dataclass(frozen=True)
class _PostView:
    uri: str
    cid: str
    author: Actor
    record: dict
    view: dict

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


# ---------------------------------------------------------------------------------------------
# Text: graphemes and facets


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


# ---------------------------------------------------------------------------------------------
# Cursors: "where the newest item of the last run was"


@dataclass(frozen=True)
class _Mark:
    order: tuple  # comparable: (datetime,) or (rkey,)
    ident: str  # the item's uri
    text: str  # what is saved as the cursor

    def after(self, saved: _Mark | None) -> bool:
        """Newer than what `saved` covers. Items at the very same time with another uri are
        counted as new: the ingest is idempotent, missing one would not be."""
        if saved is None:
            return True
        return self.order > saved.order or (self.order == saved.order and self.ident != saved.ident)


def _time_mark(raw_time: Any, ident: Any, where: str) -> _Mark:
    if not isinstance(ident, str) or not ident:
        raise BadResponse(f"{where}: the field 'uri' is missing")
    when = utc_datetime(raw_time, where)
    return _Mark((when,), ident, f"{raw_time}|{ident}")


def _parse_time_cursor(text: str) -> _Mark:
    raw_time, sep, ident = text.partition("|")
    if not sep:
        raise BadResponse(f"saved cursor {text[:60]!r} is not 'time|uri'")
    return _time_mark(raw_time, ident, "saved cursor")


def _record_mark(uri: Any, where: str) -> _Mark:
    parsed = parse_at_uri(uri, where)
    return _Mark((parsed.rkey,), str(uri), str(uri))


def _parse_record_cursor(text: str) -> _Mark:
    return _record_mark(text, "saved cursor")


# ---------------------------------------------------------------------------------------------
# The connector


@dataclass
class _Draft:
    """An interaction whose post or `via` still needs a lookup."""

    external_id: str
    kind: Kind
    direction: Direction
    actor: Actor | None
    actor_did: str
    occurred_at: datetime
    post: Post | None = None
    subject: str = ""  # at-uri of the post to fetch for `post`
    via_did: str = ""


class BlueskyConnector:
    network = NETWORK
    STREAMS = ("notifications", "author_feed", "likes", "timeline")

    def __init__(
        self,
        session: BlueskySession,
        *,
        on_session_refreshed: Callable[[BlueskySession], None] | None = None,
        http_factory: Callable[[str], HttpClient] | None = None,
        backfill_pages: int = 3,
    ) -> None:
        self.session = session
        self.on_session_refreshed = on_session_refreshed
        self.backfill_pages = max(1, backfill_pages)
        self._http = (http_factory or HttpClient)(session.service)
        self._profiles: dict[str, Actor] = {}

    # -- calls ---------------------------------------------------------------------------------

    def _call(self, method: str, nsid: str, *, params: dict | None = None, body: Any = None):
        """One XRPC call with the access token; refreshes an expired session once. Server
        errors were already retried (GETs only) by the HttpClient: no second policy here."""
        refreshed = False
        while True:
            try:
                response = _xrpc(
                    self._http,
                    method,
                    nsid,
                    bearer=self.session.access_jwt,
                    params=params,
                    body=body,
                )
                return response.data
            except (NeedsSignIn, Refused) as exc:
                code = xrpc_error(exc)
                if code == "ExpiredToken" and not refreshed:
                    self._refresh()
                    refreshed = True
                    continue
                if isinstance(exc, NeedsSignIn) or code in SESSION_ERRORS:
                    raise NeedsSignIn(
                        f"Bluesky no longer accepts the sign-in of @{self.session.handle}: "
                        "sign in again"
                    ) from None
                raise

    def _query(self, nsid: str, params: dict | None = None) -> dict:
        return expect_object(self._call("GET", nsid, params=params), nsid)

    def _refresh(self) -> None:
        self.session = refresh_session(self.session, http=self._http)
        log.info("Bluesky session of @%s refreshed", self.session.handle)
        if self.on_session_refreshed is not None:
            self.on_session_refreshed(self.session)

    # -- account -------------------------------------------------------------------------------

    def verify(self) -> Actor:
        """My own profile: proves the session works."""
        nsid = "app.bsky.actor.getProfile"
        me = _actor(self._query(nsid, {"actor": self.session.did}), nsid)
        self._profiles[me.stable_id] = me
        return me

    def _is_me(self, did: str) -> bool:
        return did == self.session.did

    # -- lookups -------------------------------------------------------------------------------

    def _remember(self, actor: Actor) -> Actor:
        self._profiles[actor.stable_id] = actor
        return actor

    def actors(self, dids: Iterable[str]) -> dict[str, Actor]:
        """Actors for DIDs, from app.bsky.actor.getProfiles in batches of 25 (cached).
        A profile that cannot be had becomes an actor whose handle is its DID."""
        wanted = list(dict.fromkeys(d for d in dids if d))
        missing = [d for d in wanted if d not in self._profiles]
        nsid = "app.bsky.actor.getProfiles"
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            try:
                body = self._query(nsid, {"actors": batch})
            except Refused as exc:  # e.g. one odd DID: names stay DIDs, nothing is lost
                log.warning("%s", exc)
                continue
            for item in list_field(body, "profiles", nsid):
                try:
                    self._remember(_actor(item, nsid))
                except BadResponse as exc:
                    log.warning("%s", exc)
        return {d: self._profiles.get(d) or _bare_actor(d) for d in wanted}

    def _post_views(self, uris: Iterable[str]) -> dict[str, _PostView]:
        """Post views by at-uri, from app.bsky.feed.getPosts in batches of 25. Deleted or
        hidden posts are simply absent."""
        wanted = list(dict.fromkeys(u for u in uris if u))
        found: dict[str, _PostView] = {}
        nsid = "app.bsky.feed.getPosts"
        for start in range(0, len(wanted), BATCH):
            try:
                body = self._query(nsid, {"uris": wanted[start : start + BATCH]})
            except Refused as exc:  # the posts keep their addresses, only texts are missing
                log.warning("%s", exc)
                continue
            for item in list_field(body, "posts", nsid):
                try:
                    view = _post_view(item, nsid)
                except BadResponse as exc:
                    log.warning("%s", exc)
                    continue
                found[view.uri] = view
                self._remember(view.author)
        return found

    def _fallback_post(self, uri: str) -> Post:
        """A post we could not fetch: its address still works for replying and liking."""
        parsed = parse_at_uri(uri)
        name = self.session.handle if self._is_me(parsed.did) else parsed.did
        return Post(url=record_url(name, parsed), remote_id=uri)

    def _finish(self, drafts: list[_Draft], page: Page) -> None:
        posts = self._post_views(d.subject for d in drafts if d.subject)
        need = [d.actor_did for d in drafts if d.actor is None] + [d.via_did for d in drafts]
        actors = self.actors(need)
        for d in drafts:
            post = d.post
            if d.subject:
                view = posts.get(d.subject)
                post = view.post() if view else self._fallback_post(d.subject)
            actor = d.actor or actors[d.actor_did]
            via = actors[d.via_did] if d.via_did and d.via_did != actor.stable_id else None
            page.interactions.append(
                InteractionEvent(
                    external_id=d.external_id,
                    kind=d.kind,
                    direction=d.direction,
                    actor=actor,
                    occurred_at=d.occurred_at,
                    post=post,
                    via=via,
                )
            )

    # -- paging --------------------------------------------------------------------------------

    def pages(
        self, cursors: Mapping[str, str], streams: Iterable[str] | None = None
    ) -> Iterator[Page]:
        """Pages of everything new since the cursors, stream after stream (all by default)."""
        chosen = list(streams) if streams is not None else list(self.STREAMS)
        for stream in chosen:
            if stream not in self.STREAMS:
                raise ValueError(f"unknown Bluesky stream {stream!r}")
        for stream in chosen:
            saved = cursors.get(stream)
            if stream == "notifications":
                yield from self._walk(
                    stream,
                    saved,
                    _parse_time_cursor,
                    self._fetcher("app.bsky.notification.listNotifications", "notifications", {}),
                    lambda item: _time_mark(
                        _item(item).get("indexedAt"), item.get("uri"), "notification"
                    ),
                    self._notification_events,
                )
            elif stream == "author_feed":
                params = {"actor": self.session.did, "filter": "posts_with_replies"}
                yield from self._walk(
                    stream,
                    saved,
                    _parse_time_cursor,
                    self._fetcher("app.bsky.feed.getAuthorFeed", "feed", params),
                    _feed_mark,
                    self._author_feed_events,
                )
            elif stream == "likes":
                params = {"repo": self.session.did, "collection": LIKE}
                yield from self._walk(
                    stream,
                    saved,
                    _parse_record_cursor,
                    self._fetcher("com.atproto.repo.listRecords", "records", params),
                    lambda item: _record_mark(_item(item).get("uri"), "like record"),
                    self._like_events,
                )
            else:
                yield from self._walk(
                    stream,
                    saved,
                    _parse_time_cursor,
                    self._fetcher("app.bsky.feed.getTimeline", "feed", {}),
                    _feed_mark,
                    self._timeline_candidates,
                )

    def _fetcher(self, nsid: str, key: str, params: dict) -> Callable[[str | None], tuple]:
        def fetch(cursor: str | None) -> tuple[list, str | None]:
            query = {**params, "limit": PAGE_SIZE}
            if cursor:
                query["cursor"] = cursor
            body = self._query(nsid, query)
            return list_field(body, key, nsid), _next_cursor(body, nsid)

        return fetch

    def _walk(
        self,
        stream: str,
        saved_text: str | None,
        parse_saved: Callable[[str], _Mark],
        fetch: Callable[[str | None], tuple[list, str | None]],
        mark_of: Callable[[Any], _Mark],
        convert: Callable[[list, Page], None],
    ) -> Iterator[Page]:
        notes: list[str] = []
        saved: _Mark | None = None
        if saved_text:
            try:
                saved = parse_saved(saved_text)
            except BadResponse:
                notes.append(f"{stream}: the saved cursor was unreadable; read from the start")
        most = self.backfill_pages if saved is None else MAX_PAGES
        api_cursor: str | None = None
        newest: _Mark | None = None
        count = 0
        while True:
            items, next_cursor = fetch(api_cursor)
            count += 1
            page = Page(stream)
            fresh: list = []
            reached = False
            for item in items:
                try:
                    mark = mark_of(item)
                except BadResponse as exc:
                    _malformed(page, f"{stream}: {exc}")
                    continue
                if not mark.after(saved):
                    reached = True
                    continue
                if newest is None or mark.order > newest.order:
                    newest = mark
                fresh.append(item)
            convert(fresh, page)
            more = bool(items) and bool(next_cursor) and next_cursor != api_cursor
            if not reached and more and count < most:
                yield page  # not the last page: the saved cursor stays where it was
                api_cursor = next_cursor
                continue
            if not reached and more and saved is not None:
                notes.append(f"{stream}: stopped after {count} pages; older items were not read")
            page.warnings.extend(notes)
            page.cursor = newest.text if newest is not None else None
            yield page
            return

    # -- notifications (inbound) ---------------------------------------------------------------

    def _notification_events(self, items: list, page: Page) -> None:
        drafts: list[_Draft] = []
        for item in items:
            reason = item.get("reason")
            if not isinstance(reason, str) or not reason:
                _malformed(page, f"notification {optional_text(item, 'uri')}: no reason")
                continue
            kind = NOTIFICATION_KINDS.get(reason)
            if kind is None:
                page.skipped[reason] += 1
                continue
            try:
                drafts.append(self._notification_draft(item, reason, kind))
            except BadResponse as exc:
                _malformed(page, str(exc))
        self._finish(drafts, page)

    def _notification_draft(self, item: dict, reason: str, kind: Kind) -> _Draft:
        uri = text_field(item, "uri", "notification")
        where = f"notification {uri}"
        parse_at_uri(uri, where)
        actor = self._remember(_actor(object_field(item, "author", where), where))
        occurred = utc_datetime(item.get("indexedAt"), where)
        record = optional_object(item, "record")
        draft = _Draft(
            external_id=f"notification:{uri}",
            kind=kind,
            direction=Direction.INBOUND,
            actor=actor,
            actor_did=actor.stable_id,
            occurred_at=occurred,
        )
        if reason == "follow":
            return draft
        if reason in INLINE_POST_REASONS:  # their post mentions, replies to or quotes mine
            rkey = parse_at_uri(uri, where).rkey
            draft.post = Post(
                url=post_url(_name_in_urls(actor.handle, actor.stable_id), rkey),
                text=optional_text(record, "text"),
                language=_first_language(record),
                remote_id=uri,
            )
            return draft
        # like / repost: of my post (reasonSubject); *-via-repost: of the post I reposted,
        # and reasonSubject is my repost. The record's `via` names the repost it came through.
        subject = _strong_ref_uri(record.get("subject"))
        if reason not in VIA_REPOST_REASONS:
            subject = optional_text(item, "reasonSubject") or subject
        if not subject:
            raise BadResponse(f"{where}: the field 'reasonSubject' is missing")
        parsed = parse_at_uri(subject, where)
        if parsed.collection == POST:
            draft.subject = subject
        else:
            name = self.session.handle if self._is_me(parsed.did) else parsed.did
            draft.post = Post(url=record_url(name, parsed), remote_id=subject)
        via = _strong_ref_uri(record.get("via"))
        if not via and reason in VIA_REPOST_REASONS:
            via = optional_text(item, "reasonSubject")
        if via:
            via_did = parse_at_uri(via, where).did
            if not self._is_me(via_did):  # "via my own repost" is no one else's credit
                draft.via_did = via_did
        return draft

    # -- author feed (outbound) ----------------------------------------------------------------

    def _author_feed_events(self, items: list, page: Page) -> None:
        drafts: list[_Draft] = []
        for item in items:
            try:
                drafts.extend(self._author_feed_drafts(item, page))
            except BadResponse as exc:
                _malformed(page, str(exc))
        self._finish(drafts, page)

    def _author_feed_drafts(self, item: dict, page: Page) -> list[_Draft]:
        view = _post_view(object_field(item, "post", "author feed item"), "author feed item")
        where = f"author feed post {view.uri}"
        reason = item.get("reason")
        if reason is not None:
            kind = optional_text(reason, "$type")
            if kind != REASON_REPOST:
                page.skipped[kind or "unknown reason"] += 1
                return []
            by = _actor(object_field(reason, "by", where), f"{where} reason")
            if not self._is_me(by.stable_id) or self._is_me(view.author.stable_id):
                return []
            self._remember(view.author)
            return [
                _Draft(
                    external_id=f"repost:{view.uri}",
                    kind=Kind.SHARE,
                    direction=Direction.OUTBOUND,
                    actor=view.author,
                    actor_did=view.author.stable_id,
                    occurred_at=utc_datetime(reason.get("indexedAt"), where),
                    post=view.post(),
                )
            ]
        if not self._is_me(view.author.stable_id):
            return []
        occurred = utc_datetime(view.view.get("indexedAt"), where)
        mine = view.post()
        drafts: list[_Draft] = []

        def add(prefix: str, kind: Kind, did: str, actor: Actor | None) -> None:
            if did and not self._is_me(did):
                if actor is not None and actor.stable_id != did:
                    actor = None
                drafts.append(
                    _Draft(
                        f"{prefix}:{view.uri}", kind, Direction.OUTBOUND, actor, did, occurred, mine
                    )
                )

        parent_uri = _strong_ref_uri(optional_object(view.record, "reply").get("parent"))
        if parent_uri:
            parent_view = optional_object(optional_object(item, "reply"), "parent")
            parent_actor = None
            if optional_text(parent_view, "uri") == parent_uri:
                try:
                    parent_actor = self._remember(
                        _actor(object_field(parent_view, "author", where), where)
                    )
                except BadResponse:
                    parent_actor = None
            add("reply", Kind.REPLY, parse_at_uri(parent_uri, where).did, parent_actor)

        quoted = _quoted_uri(view.record)
        if quoted:
            quoted_at = parse_at_uri(quoted, where)
            if quoted_at.collection == POST:
                add("quote", Kind.QUOTE, quoted_at.did, _quoted_author(view.view, quoted))

        for did in _mentioned_dids(view.record):
            if not self._is_me(did):
                drafts.append(
                    _Draft(
                        f"mention:{view.uri}:{did}",
                        Kind.MENTION,
                        Direction.OUTBOUND,
                        self._profiles.get(did),
                        did,
                        occurred,
                        mine,
                    )
                )
        return drafts

    # -- likes (outbound) ----------------------------------------------------------------------

    def _like_events(self, items: list, page: Page) -> None:
        liked: list[tuple[_Draft, AtUri]] = []
        for item in items:
            try:
                uri = text_field(item, "uri", "like record")
                where = f"like record {uri}"
                value = object_field(item, "value", where)
                subject = _strong_ref_uri(value.get("subject"))
                if not subject:
                    raise BadResponse(f"{where}: the field 'subject' is missing")
                target = parse_at_uri(subject, where)
                occurred = utc_datetime(value.get("createdAt"), where)
            except BadResponse as exc:
                _malformed(page, str(exc))
                continue
            if self._is_me(target.did):
                continue
            draft = _Draft(f"like:{uri}", Kind.LIKE, Direction.OUTBOUND, None, target.did, occurred)
            liked.append((draft, target))
        actors = self.actors(draft.actor_did for draft, _ in liked)
        for draft, target in liked:
            actor = actors[draft.actor_did]
            name = _name_in_urls(actor.handle, actor.stable_id)
            draft.actor = actor
            draft.post = Post(url=record_url(name, target), remote_id=str(target))
        self._finish([draft for draft, _ in liked], page)

    # -- timeline (candidates) -----------------------------------------------------------------

    def _timeline_candidates(self, items: list, page: Page) -> None:
        for item in items:
            try:
                page.candidates.extend(self._item_candidates(item, page))
            except BadResponse as exc:
                _malformed(page, str(exc))

    def _item_candidates(self, item: dict, page: Page) -> list[CandidateEvent]:
        view = _post_view(object_field(item, "post", "timeline item"), "timeline item")
        where = f"timeline post {view.uri}"
        post = view.post()
        links = _links_of(view)
        if not links:
            return []
        seen_at = utc_datetime(view.view.get("indexedAt"), where)
        credits: list[tuple[Actor, str, datetime]] = []
        if not self._is_me(view.author.stable_id):
            credits.append((view.author, post.url, seen_at))
        reason = item.get("reason")
        if reason is not None:
            kind = optional_text(reason, "$type")
            if kind == REASON_REPOST:
                by = _actor(object_field(reason, "by", where), f"{where} reason")
                if not self._is_me(by.stable_id) and by.stable_id != view.author.stable_id:
                    when = utc_datetime(reason.get("indexedAt"), where)
                    credits.append((by, f"{post.url}#repost-by-{by.stable_id}", when))
            else:
                page.skipped[kind or "unknown reason"] += 1
        return [
            CandidateEvent(
                url=url,
                source="timeline",
                source_ref=ref,
                seen_at=when,
                title=title,
                summary=summary,
                sharer=sharer,
                language=post.language,
            )
            for url, title, summary in links
            for sharer, ref, when in credits
        ]

    # -- actions: only ever called on an explicit click on that very draft ---------------------

    def reply(self, parent_uri: str, text: str, *, langs: Sequence[str] = ()) -> str:
        """Post `text` as a reply to the post `parent_uri` (at-uri or bsky.app URL). Mentions
        (@handle) and http(s) links become facets. Returns the new post's bsky.app URL."""
        _check_length(text)
        parent_uri = self._to_at_uri(parent_uri)
        parent = self._post_views([parent_uri]).get(parent_uri)
        if parent is None or not parent.cid:
            raise Refused("the post to reply to is gone or hidden", 404)
        parent_ref = {"uri": parent.uri, "cid": parent.cid}
        root = optional_object(parent.record, "reply").get("root")
        root_ref = (
            {"uri": root["uri"], "cid": root["cid"]}
            if isinstance(root, dict) and optional_text(root, "uri") and optional_text(root, "cid")
            else parent_ref
        )
        return self._post_record(text, langs, reply={"root": root_ref, "parent": parent_ref})

    def post(self, text: str, *, langs: Sequence[str] = ()) -> str:
        """A new post (a thank-you to a new follower, a share). Returns its bsky.app URL."""
        _check_length(text)
        return self._post_record(text, langs)

    def _post_record(self, text: str, langs: Sequence[str], reply: dict | None = None) -> str:
        record: dict[str, Any] = {"$type": POST, "text": text, "createdAt": _now_iso()}
        if reply:
            record["reply"] = reply
        facets = self.facets(text)
        if facets:
            record["facets"] = facets
        if langs:
            record["langs"] = list(langs)[:3]
        created = self._create_record(POST, record)
        rkey = parse_at_uri(text_field(created, "uri", "com.atproto.repo.createRecord")).rkey
        return post_url(self.session.handle, rkey)

    def like(self, uri: str) -> None:
        """Like the post `uri` (at-uri or bsky.app URL); nothing happens if it is liked."""
        uri = self._to_at_uri(uri)
        view = self._post_views([uri]).get(uri)
        if view is None or not view.cid:
            raise Refused("the post to like is gone or hidden", 404)
        if optional_text(optional_object(view.view, "viewer"), "like"):
            return
        record = {"$type": LIKE, "subject": {"uri": view.uri, "cid": view.cid}}
        self._create_record(LIKE, {**record, "createdAt": _now_iso()})

    def facets(self, text: str) -> list[dict]:
        """Rich-text facets for `text`: a #mention for each @handle that resolves to a DID
        and a #link for each http(s) URL, with UTF-8 byte offsets."""
        facets: list[dict] = []
        links = find_links(text)
        taken = [(start, end) for start, end, _ in links]
        for start, end, handle in find_mentions(text):
            if any(s < end and start < e for s, e in taken):
                continue
            did = self.resolve_handle(handle)
            if did:
                feature = {"$type": MENTION_FEATURE, "did": did}
                facets.append(
                    {"index": {"byteStart": start, "byteEnd": end}, "features": [feature]}
                )
        for start, end, url in links:
            feature = {"$type": LINK_FEATURE, "uri": url}
            facets.append({"index": {"byteStart": start, "byteEnd": end}, "features": [feature]})
        facets.sort(key=lambda f: f["index"]["byteStart"])
        return facets

    def resolve_handle(self, handle: str) -> str:
        """The DID of a handle, or "" when no account has it."""
        nsid = "com.atproto.identity.resolveHandle"
        try:
            body = self._query(nsid, {"handle": handle.lstrip("@")})
        except Refused:
            return ""
        did = optional_text(body, "did")
        return did if did.startswith("did:") else ""

    def _create_record(self, collection: str, record: dict) -> dict:
        nsid = "com.atproto.repo.createRecord"
        body = {"repo": self.session.did, "collection": collection, "record": record}
        return expect_object(self._call("POST", nsid, body=body), nsid)

    def _to_at_uri(self, ref: str) -> str:
        ref = ref.strip()
        if ref.startswith("at://"):
            parse_at_uri(ref, "post")
            return ref
        m = _APP_POST_URL.match(ref)
        if not m:
            raise Refused(f"{ref[:80]!r} is not the address of a Bluesky post")
        who, rkey = m.groups()
        did = who if who.startswith("did:") else self.resolve_handle(who)
        if not did:
            raise Refused(f"no Bluesky account has the handle {who!r}", 404)
        return f"at://{did}/{POST}/{rkey}"


# ---------------------------------------------------------------------------------------------
# Helpers on records and views


def _item(item: Any) -> dict:
    return expect_object(item, "list item")


def _feed_mark(item: Any) -> _Mark:
    body = expect_object(item, "feed item")
    post = object_field(body, "post", "feed item")
    reason = body.get("reason")
    if isinstance(reason, dict) and reason.get("indexedAt"):
        ident = (
            optional_text(reason, "uri")
            or f"{optional_text(post, 'uri')}#{optional_text(reason, '$type')}"
        )
        return _time_mark(reason.get("indexedAt"), ident, "feed item reason")
    return _time_mark(post.get("indexedAt"), post.get("uri"), "feed item post")


def _malformed(page: Page, message: str) -> None:
    page.skipped["malformed"] += 1
    page.warnings.append(message)
    log.warning("%s", message)


def _quoted_uri(record: dict) -> str:
    embed = optional_object(record, "embed")
    kind = optional_text(embed, "$type")
    if kind == EMBED_RECORD:
        return _strong_ref_uri(embed.get("record"))
    if kind == EMBED_RECORD_WITH_MEDIA:
        return _strong_ref_uri(optional_object(embed, "record").get("record"))
    return ""


def _quoted_author(view: dict, quoted: str) -> Actor | None:
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


def _features(record: dict) -> Iterator[dict]:
    facets = record.get("facets")
    if not isinstance(facets, list):
        return
    for facet in facets:
        features = facet.get("features") if isinstance(facet, dict) else None
        if isinstance(features, list):
            yield from (f for f in features if isinstance(f, dict))


def _mentioned_dids(record: dict) -> list[str]:
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


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _check_length(text: str) -> None:
    if not text.strip():
        raise Refused("the post is empty")
    graphemes = count_graphemes(text)
    if graphemes > GRAPHEME_LIMIT:
        raise Refused(f"the post is {graphemes} characters long; Bluesky allows {GRAPHEME_LIMIT}")
    if len(text.encode("utf-8")) > TEXT_BYTE_LIMIT:
        raise Refused(f"the post is longer than Bluesky's {TEXT_BYTE_LIMIT} bytes")


_APP_POST_URL = re.compile(r"^https?://(?:www\.)?bsky\.app/profile/([^/?#]+)/post/([^/?#]+)")


__all__ = [
    "DEFAULT_SERVICE",
    "GRAPHEME_LIMIT",
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
