"""BlueskyConnector: XRPC calls with session refresh, profile and post lookups, `pages`
(the streams themselves are in streams.py) and the posting actions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from desktop.connectors.base import (
    BadResponse,
    NeedsSignIn,
    Page,
    Refused,
)
from desktop.connectors.bluesky.cursors import (
    _feed_mark,
    _item,
    _next_cursor,
    _parse_record_cursor,
    _parse_time_cursor,
    _record_mark,
    _time_mark,
)
from desktop.connectors.bluesky.records import (
    _APP_POST_URL,
    LIKE,
    LINK_FEATURE,
    MENTION_FEATURE,
    NETWORK,
    POST,
    _actor,
    _bare_actor,
    _post_view,
    _PostView,
    parse_at_uri,
    post_url,
    record_url,
)
from desktop.connectors.bluesky.richtext import (
    _check_length,
    find_links,
    find_mentions,
)
from desktop.connectors.bluesky.session import (
    SESSION_ERRORS,
    BlueskySession,
    _xrpc,
    refresh_session,
    xrpc_error,
)
from desktop.connectors.bluesky.streams import PAGE_SIZE, Fetch, _PartialEvent, _Streams
from desktop.connectors.fields import (
    expect_object,
    list_field,
    optional_object,
    optional_text,
    text_field,
)
from desktop.connectors.http import HttpClient
from desktop.core.events import (
    Actor,
    InteractionEvent,
    Post,
)
from desktop.core.i18n import fill, tx

log = logging.getLogger(__name__)

BATCH = 25  # the most uris getPosts and actors getProfiles take at once


class BlueskyConnector(_Streams):
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

    def _call(
        self, method: str, nsid: str, *, params: dict[str, Any] | None = None, body: Any = None
    ) -> Any:
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
                        fill(
                            tx(
                                "Sign-in",
                                "Bluesky no longer accepts the sign-in of @%1: sign in again",
                            ),
                            self.session.handle,
                        )
                    ) from None
                raise

    def _query(self, nsid: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
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

    def _finish(self, drafts: list[_PartialEvent], page: Page) -> None:
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

    def _fetcher(self, nsid: str, key: str, params: dict[str, Any]) -> Fetch:
        def fetch(cursor: str | None) -> tuple[list[Any], str | None]:
            query = {**params, "limit": PAGE_SIZE}
            if cursor:
                query["cursor"] = cursor
            body = self._query(nsid, query)
            return list_field(body, key, nsid), _next_cursor(body, nsid)

        return fetch

    # -- actions: only ever called on an explicit click on that very draft ---------------------

    def reply(self, parent_uri: str, text: str, *, langs: Sequence[str] = ()) -> str:
        """Post `text` as a reply to the post `parent_uri` (at-uri or bsky.app URL). Mentions
        (@handle) and http(s) links become facets. Returns the new post's bsky.app URL."""
        _check_length(text)
        parent_uri = self._to_at_uri(parent_uri)
        parent = self._post_views([parent_uri]).get(parent_uri)
        if parent is None or not parent.cid:
            raise Refused(tx("Sending", "the post to reply to is gone or hidden"), 404)
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

    def _post_record(
        self, text: str, langs: Sequence[str], reply: dict[str, Any] | None = None
    ) -> str:
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
            raise Refused(tx("Sending", "the post to like is gone or hidden"), 404)
        if optional_text(optional_object(view.view, "viewer"), "like"):
            return
        record = {"$type": LIKE, "subject": {"uri": view.uri, "cid": view.cid}}
        self._create_record(LIKE, {**record, "createdAt": _now_iso()})

    def facets(self, text: str) -> list[dict[str, Any]]:
        """Rich-text facets for `text`: a #mention for each @handle that resolves to a DID
        and a #link for each http(s) URL, with UTF-8 byte offsets."""
        facets: list[dict[str, Any]] = []
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

    def _create_record(self, collection: str, record: dict[str, Any]) -> dict[str, Any]:
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
            raise Refused(
                fill(tx("Sending", "%1 is not the address of a Bluesky post"), repr(ref[:80]))
            )
        who, rkey = m.groups()
        did = who if who.startswith("did:") else self.resolve_handle(who)
        if not did:
            raise Refused(
                fill(tx("Sending", "no Bluesky account has the handle %1"), repr(who)), 404
            )
        return f"at://{did}/{POST}/{rkey}"


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
