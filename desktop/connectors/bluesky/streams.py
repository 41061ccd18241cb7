"""The four Bluesky streams: `_walk` pages one until the saved cursor, and one converter
per stream turns its items into events (see the package docstring for what each holds)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.connectors.base import (
    BadResponse,
    Page,
)
from desktop.connectors.bluesky.cursors import (
    _Mark,
)
from desktop.connectors.bluesky.records import (
    POST,
    REASON_REPOST,
    AtUri,
    _actor,
    _first_language,
    _links_of,
    _mentioned_dids,
    _name_in_urls,
    _post_view,
    _quoted_author,
    _quoted_uri,
    _strong_ref_uri,
    parse_at_uri,
    post_url,
    record_url,
)
from desktop.connectors.fields import (
    missing,
    object_field,
    optional_object,
    optional_text,
    text_field,
)
from desktop.connectors.parse import utc_datetime
from desktop.core.i18n import PLURAL, fill, tx

if TYPE_CHECKING:
    from desktop.connectors.bluesky.session import BlueskySession
from desktop.core.events import (
    Actor,
    CandidateEvent,
    Direction,
    Kind,
    Post,
)

log = logging.getLogger(__name__)

PAGE_SIZE = 100  # the most listNotifications / getAuthorFeed / getTimeline / listRecords give
MAX_PAGES = 50  # an incremental run reads at most this many pages per stream


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

# One page of a stream: (its items, the API's cursor for the next page or None).
Fetch = Callable[[str | None], tuple[list[Any], str | None]]


@dataclass
class _PartialEvent:
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


class _Streams:
    """The four streams of BlueskyConnector: paging (`_walk`) and one converter per stream.
    A mixin: the lookups (`actors`, `_finish`, `_query`...) live on the connector."""

    # What the connector provides.
    session: BlueskySession
    backfill_pages: int
    _profiles: dict[str, Actor]

    if TYPE_CHECKING:

        def actors(self, dids: Iterable[str]) -> dict[str, Actor]: ...
        def _is_me(self, did: str) -> bool: ...
        def _remember(self, actor: Actor) -> Actor: ...
        def _finish(self, drafts: list[_PartialEvent], page: Page) -> None: ...

    # -- paging --------------------------------------------------------------------------------

    def _walk(
        self,
        stream: str,
        saved_text: str | None,
        parse_saved: Callable[[str], _Mark],
        fetch: Fetch,
        mark_of: Callable[[Any], _Mark],
        convert: Callable[[list[Any], Page], None],
    ) -> Iterator[Page]:
        notes: list[str] = []
        saved: _Mark | None = None
        if saved_text:
            try:
                saved = parse_saved(saved_text)
            except BadResponse:
                notes.append(
                    fill(
                        tx("Network", "%1: the saved cursor was unreadable; read from the start"),
                        stream,
                    )
                )
        most = self.backfill_pages if saved is None else MAX_PAGES
        api_cursor: str | None = None
        newest: _Mark | None = None
        count = 0
        while True:
            items, next_cursor = fetch(api_cursor)
            count += 1
            page = Page(stream)
            fresh: list[Any] = []
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
                notes.append(_stopped_after(stream, count))
            page.warnings.extend(notes)
            page.cursor = newest.text if newest is not None else None
            yield page
            return

    # -- notifications (inbound) ---------------------------------------------------------------

    def _notification_events(self, items: list[Any], page: Page) -> None:
        drafts: list[_PartialEvent] = []
        for item in items:
            reason = item.get("reason")
            if not isinstance(reason, str) or not reason:
                where = f"notification {optional_text(item, 'uri')}"
                _malformed(page, fill(tx("Network", "%1: no reason"), where))
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

    def _notification_draft(self, item: dict[str, Any], reason: str, kind: Kind) -> _PartialEvent:
        uri = text_field(item, "uri", "notification")
        where = f"notification {uri}"
        parse_at_uri(uri, where)
        actor = self._remember(_actor(object_field(item, "author", where), where))
        occurred = utc_datetime(item.get("indexedAt"), where)
        record = optional_object(item, "record")
        draft = _PartialEvent(
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
            raise BadResponse(missing(where, "reasonSubject"))
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

    def _author_feed_events(self, items: list[Any], page: Page) -> None:
        drafts: list[_PartialEvent] = []
        for item in items:
            try:
                drafts.extend(self._author_feed_drafts(item, page))
            except BadResponse as exc:
                _malformed(page, str(exc))
        self._finish(drafts, page)

    def _author_feed_drafts(self, item: dict[str, Any], page: Page) -> list[_PartialEvent]:
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
                _PartialEvent(
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
        drafts: list[_PartialEvent] = []

        def add(prefix: str, kind: Kind, did: str, actor: Actor | None) -> None:
            if did and not self._is_me(did):
                if actor is not None and actor.stable_id != did:
                    actor = None
                drafts.append(
                    _PartialEvent(
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
                    _PartialEvent(
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

    def _like_events(self, items: list[Any], page: Page) -> None:
        liked: list[tuple[_PartialEvent, AtUri]] = []
        for item in items:
            try:
                uri = text_field(item, "uri", "like record")
                where = f"like record {uri}"
                value = object_field(item, "value", where)
                subject = _strong_ref_uri(value.get("subject"))
                if not subject:
                    raise BadResponse(missing(where, "subject"))
                target = parse_at_uri(subject, where)
                occurred = utc_datetime(value.get("createdAt"), where)
            except BadResponse as exc:
                _malformed(page, str(exc))
                continue
            if self._is_me(target.did):
                continue
            draft = _PartialEvent(
                f"like:{uri}", Kind.LIKE, Direction.OUTBOUND, None, target.did, occurred
            )
            liked.append((draft, target))
        actors = self.actors(draft.actor_did for draft, _ in liked)
        for draft, target in liked:
            actor = actors[draft.actor_did]
            name = _name_in_urls(actor.handle, actor.stable_id)
            draft.actor = actor
            draft.post = Post(url=record_url(name, target), remote_id=str(target))
        self._finish([draft for draft, _ in liked], page)

    # -- timeline (candidates) -----------------------------------------------------------------

    def _timeline_candidates(self, items: list[Any], page: Page) -> None:
        for item in items:
            try:
                page.candidates.extend(self._item_candidates(item, page))
            except BadResponse as exc:
                _malformed(page, str(exc))

    def _item_candidates(self, item: dict[str, Any], page: Page) -> list[CandidateEvent]:
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


def _stopped_after(stream: str, pages: int) -> str:
    # One line of arguments: lupdate misses a plural call that ends with a trailing comma.
    said = tx(
        "Network", "%1: stopped after %n pages; older items were not read", None, PLURAL, pages
    )
    return fill(said, stream)


def _malformed(page: Page, message: str) -> None:
    page.skipped["malformed"] += 1
    page.warnings.append(message)
    log.warning("%s", message)
