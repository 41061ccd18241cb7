"""The connector's quick paths (well-formed notifications, accounts, statuses, times) give
exactly what the field-by-field checked paths give, for recorded payloads and for any
damage to them: the same events, the same skips and the same warnings."""

from __future__ import annotations

import copy
import json
from contextlib import ExitStack
from datetime import UTC
from unittest import mock

from connectors.mastodon_server import FIXTURES, ME_ID
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.connectors.base import Page
from desktop.connectors.mastodon import MastodonConnector, fast
from desktop.connectors.mastodon.paging import _Stream
from desktop.core.events import Kind


class _NoHttp:
    """The parsers never touch the network."""

    token = "token"
    host = "example.social"


def _connector() -> MastodonConnector:
    return MastodonConnector("https://example.social", "token", http=_NoHttp(), account_id=ME_ID)


def _body(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))["body"]


def _items(*names: str) -> list[dict]:
    found: list[dict] = []
    for name in names:
        body = _body(name)
        found += body if isinstance(body, list) else [body]
    return found


def _other_kinds(mention: dict, mine: dict, boost: dict) -> list[dict]:
    """The recorded mention's shapes as the other kinds of notification."""
    base = {key: mention[key] for key in ("account", "created_at")}
    reply = dict(mention["status"], in_reply_to_account_id=ME_ID)
    return [
        {**base, "id": "9001", "type": "favourite", "status": mine},
        {**base, "id": "9002", "type": "reblog", "status": mine},
        {**base, "id": "9003", "type": "follow"},
        {**base, "id": "9004", "type": "quote", "status": mention["status"]},
        {**base, "id": "9005", "type": "mention", "status": reply},
        {**base, "id": "9006", "type": "favourite", "status": boost},  # a boost: its original
    ]


NOTIFICATIONS = _items(
    "notifications_v1_mention.json",
    "notifications_v1_remote_40.json",
    "notifications_v1_types_follow_mention.json",
    "notifications_v1_type_status.json",
    "notifications_v1_admin_sign_up.json",
) + _other_kinds(
    _body("notifications_v1_mention.json")[0],
    _body("status_with_card.json"),
    _body("status_reblog.json"),
)
STATUSES = _items(
    "account_statuses_page1.json",
    "account_statuses_page2.json",
    "status_post_cw_public.json",
    "status_post_mention.json",
    "status_post_reply.json",
    "status_post_with_quote.json",
    "status_real_cw_emoji_gifv_tag.json",
    "status_real_quote.json",
    "status_reblog.json",
    "status_with_card.json",
    "status_favourite.json",
)
TIMELINE = _items("home_timeline.json") + STATUSES
STREAMS = {
    "notifications": ("_parse_notification", NOTIFICATIONS),
    "statuses": ("_parse_my_status", STATUSES),
    "favourites": ("_parse_favourite", STATUSES),
    "timeline": ("_parse_timeline", TIMELINE),
}


def _parse(stream: str, items: list, *, quick: bool) -> Page:
    conn = _connector()
    method, _ = STREAMS[stream]
    with ExitStack() as stack:
        if not quick:  # only the checked paths, as before the quick ones existed
            for name in ("_plain_notification", "_plain_actor", "_plain_post"):
                stack.enter_context(mock.patch.object(MastodonConnector, name, lambda *_: None))
            stack.enter_context(mock.patch.object(fast, "_plain_time", lambda _: None))
        spec = _Stream(stream, "/unused", getattr(conn, method))
        return conn._page(spec, copy.deepcopy(items))


def _same(stream: str, items: list) -> Page:
    quick, checked = _parse(stream, items, quick=True), _parse(stream, items, quick=False)
    assert quick.interactions == checked.interactions
    assert quick.candidates == checked.candidates
    assert quick.skipped == checked.skipped
    assert quick.warnings == checked.warnings
    return quick


def test_recorded_payloads_parse_the_same_either_way():
    for stream, (_, items) in STREAMS.items():
        _same(stream, items)
    page = _same("notifications", NOTIFICATIONS)
    assert len(page.interactions) > 40
    assert all(e.occurred_at.tzinfo is UTC for e in page.interactions)
    assert {e.kind for e in page.interactions} == set(Kind)


def test_repeated_people_and_statuses_are_shared_not_rebuilt():
    page = _parse("notifications", NOTIFICATIONS + copy.deepcopy(NOTIFICATIONS), quick=True)
    half = len(page.interactions) // 2
    first, again = page.interactions[:half], page.interactions[half:]
    assert first == again
    assert all(a.actor is b.actor for a, b in zip(first, again, strict=True))
    assert all(a.post is b.post for a, b in zip(first, again, strict=True) if a.post)


ODD = [
    None,
    "",
    0,
    7,
    True,
    False,
    [],
    {},
    "garbage",
    "2026-08-01T13:51:39.668Z",
    "2026-08-01T13:51:39+02:00",
    "2026-08-01T13:51:39",
    " 2026-08-01T13:51:39Z ",
    "2026-08-01t13:51:39z",
    "<p>x &amp; y <a href='https://a.example/'>a.example</a></p>",
    "plain & simple",
    "https://other.example/@someone",
    "mention",
    "reblog",
    "favourite",
    "follow",
    "quote",
    "poll",
    ME_ID,
    {"id": ME_ID, "acct": "me", "url": "https://example.social/@me"},
    {"acct": "x@y.example", "url": "https://y.example/@x", "id": "5"},
    {"id": "9", "content": "<p>hi</p>", "account": {"acct": "a", "url": "https://b/@a"}},
]
MISSING = object()
FIELDS = [
    ("id",),
    ("type",),
    ("created_at",),
    ("account",),
    ("account", "acct"),
    ("account", "url"),
    ("account", "uri"),
    ("account", "display_name"),
    ("account", "username"),
    ("account", "id"),
    ("status",),
    ("status", "id"),
    ("status", "content"),
    ("status", "spoiler_text"),
    ("status", "language"),
    ("status", "url"),
    ("status", "uri"),
    ("status", "reblog"),
    ("status", "in_reply_to_account_id"),
    ("status", "created_at"),
    ("reblog",),
    ("reblog", "account"),
    ("reblog", "content"),
    ("content",),
    ("spoiler_text",),
    ("language",),
    ("url",),
    ("uri",),
    ("in_reply_to_account_id",),
    ("mentions",),
    ("quote",),
    ("card",),
]
damage = st.lists(st.tuples(st.sampled_from(FIELDS), st.sampled_from([*ODD, MISSING])), max_size=3)


def _damaged(item: dict, changes) -> dict:
    item = copy.deepcopy(item)
    for path, value in changes:
        target = item
        for key in path[:-1]:
            target = target.get(key) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            continue
        if value is MISSING:
            target.pop(path[-1], None)
        else:
            target[path[-1]] = copy.deepcopy(value)
    return item


@settings(max_examples=300, deadline=None)
@given(
    stream=st.sampled_from(sorted(STREAMS)),
    picks=st.lists(st.tuples(st.integers(min_value=0), damage), min_size=1, max_size=4),
)
def test_damaged_payloads_parse_the_same_either_way(stream, picks):
    items = STREAMS[stream][1]
    _same(stream, [_damaged(items[i % len(items)], changes) for i, changes in picks])


def test_every_single_damage_next_to_the_intact_item_parses_the_same_either_way():
    """Each field of each kind of item, set to each odd value or removed, right after the
    intact item (so a cache that keyed on too little would hand back the intact result)."""
    for stream, (_, items) in STREAMS.items():
        # The first recorded items, and for notifications every kind (the last six).
        for item in items[:1] + items[-6:] if stream == "notifications" else items[:3]:
            for path in FIELDS:
                for value in [*ODD, MISSING]:
                    _same(stream, [item, _damaged(item, [(path, value)])])
