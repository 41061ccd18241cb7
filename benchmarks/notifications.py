"""Mastodon notification pages as a server sends them, and a stand-in server that serves them.

The objects are the recorded shapes in `tests/connectors/mastodon_data/` (accounts,
statuses with mention HTML, cards, quotes) with ids, names and URLs filled in, so a page
of 80 is what `GET /api/v1/notifications?min_id=...` returns: about 2.7 KB per
notification. `PageServer` answers the connector's requests from those pages (JSON text,
parsed on each request by `HttpClient`'s parser), following `min_id` the way Mastodon does.
"""

from __future__ import annotations

import bisect
import copy
import json
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.generate import MY_INSTANCE, MY_MASTODON_ID

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "connectors" / "mastodon_data"
PAGE_SIZE = 80  # Mastodon's largest page
HOST = "example.social"
# favourite, reblog, mention (a third of them replies to me), follow, quote
MIX = ["favourite"] * 62 + ["reblog"] * 15 + ["mention"] * 12 + ["follow"] * 8 + ["quote"] * 3


def _fixture(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))["body"]


@dataclass
class Pages:
    """One batch of notifications: JSON texts, newest first within a page, pages in the
    order a forward sync reads them (oldest page first)."""

    texts: list[str]
    oldest_ids: list[int]  # per page
    newest_ids: list[int]
    cursor_before: str  # the cursor a sync starts from to read all of them
    events: int

    @property
    def nbytes(self) -> int:
        return sum(len(t) for t in self.texts)


class _Shapes:
    def __init__(self) -> None:
        remote = _fixture("notifications_v1_remote_40.json")
        self.account = remote[0]["account"]
        self.mention_status = _fixture("notifications_v1_mention.json")[0]["status"]
        self.card_status = _fixture("status_with_card.json")
        self.quote_status = _fixture("status_real_quote.json")
        me = copy.deepcopy(self.card_status["account"])
        me.update(
            id=MY_MASTODON_ID,
            username="me",
            acct="me",
            display_name="Me",
            url=f"{MY_INSTANCE}/@me",
            uri=f"{MY_INSTANCE}/users/me",
        )
        self.me = me
        self.my_mention = {
            "id": MY_MASTODON_ID,
            "username": "me",
            "url": f"{MY_INSTANCE}/@me",
            "acct": "me",
        }


def _account(shapes: _Shapes, actor: tuple[str, str, str], account_id: int) -> dict:
    profile, handle, name = actor
    acct = handle.removeprefix("@")
    user, host = acct.split("@", 1)
    account = dict(shapes.account)
    account.update(
        id=str(account_id),
        username=user,
        acct=acct,
        display_name=name,
        url=profile,
        uri=f"https://{host}/users/{user}",
    )
    return account


def _my_status(shapes: _Shapes, n: int, when: datetime) -> dict:
    status = dict(shapes.card_status)
    sid = str(110000000000000000 + n * 1000)
    link = f"https://news{n % 50}.example.com/2026/{n}/a-story-worth-sharing"
    status.update(
        id=sid,
        created_at=_iso(when),
        url=f"{MY_INSTANCE}/@me/{sid}",
        uri=f"{MY_INSTANCE}/users/me/statuses/{sid}",
        account=shapes.me,
        content=(
            f"<p>Post {n}: notes on open source communities and why thanking people matters."
            f' <a href="{link}" target="_blank" rel="nofollow noopener" translate="no">'
            f'<span class="invisible">https://</span><span class="ellipsis">{link[8:38]}'
            f'</span><span class="invisible">{link[38:]}</span></a></p>'
        ),
        card=dict(shapes.card_status["card"], url=link, title=f"A story worth sharing {n}"),
    )
    return status


def _their_status(
    shapes: _Shapes, account: dict, sid: int, when: datetime, reply: bool, quoted: dict | None
) -> dict:
    base = shapes.quote_status if quoted else shapes.mention_status
    status = dict(base)
    url = f"{account['url']}/{sid}"
    status.update(
        id=str(sid),
        created_at=_iso(when),
        url=url,
        uri=f"{account['uri']}/statuses/{sid}",
        account=account,
        in_reply_to_id="110000000000001000" if reply else None,
        in_reply_to_account_id=MY_MASTODON_ID if reply else None,
        mentions=[shapes.my_mention],
        content=(
            '<p><span class="h-card" translate="no"><a href="https://example.social/@me"'
            ' class="u-url mention">@<span>me</span></a></span> Thanks for this, it helped'
            f" our team a lot. Post {sid % 1000}</p>"
        ),
    )
    if quoted is not None:
        status["quote"] = {"state": "accepted", "quoted_status": quoted}
    return status


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def build_pages(
    actors: list[tuple[str, str, str]],
    events: int,
    *,
    batch: int,
    now: datetime | None = None,
    new_people: float = 0.1,
    seed: int = 7,
) -> Pages:
    """`events` notifications from these known actors (profile URL, handle, name) and about
    `new_people` of them from people never seen before. Each batch number gets its own
    range of notification ids, so every batch is fresh to the store."""
    shapes = _Shapes()
    rng = random.Random(seed * 1000 + batch)
    now = now or datetime.now(UTC)
    base = 900_000_000 + batch * 10_000_000
    items: list[dict] = []
    my_statuses = [_my_status(shapes, n, now - timedelta(days=(40 - n) / 4)) for n in range(40)]
    for k in range(events):
        nid = base + k + 1
        when = now - timedelta(seconds=(events - k) * 3)
        if rng.random() < new_people or not actors:
            user = f"newcomer{batch}x{k}"
            host = f"remote{rng.randint(1, 299)}.example"
            actor = (f"https://{host}/@{user}", f"@{user}@{host}", f"Newcomer {k}")
        else:
            actor = actors[rng.randrange(len(actors))]
        account = _account(shapes, actor, 100_000_000 + rng.randrange(10**8))
        kind = MIX[rng.randrange(len(MIX))]
        note: dict = {
            "id": str(nid),
            "type": kind,
            "created_at": _iso(when),
            "group_key": f"ungrouped-{nid}",
            "account": account,
        }
        mine = my_statuses[rng.randrange(len(my_statuses))]
        if kind in ("favourite", "reblog"):
            note["status"] = mine
        elif kind == "mention":
            note["status"] = _their_status(
                shapes, account, 120_000_000_000_000_000 + nid, when, rng.random() < 0.33, None
            )
        elif kind == "quote":
            note["status"] = _their_status(
                shapes, account, 120_000_000_000_000_000 + nid, when, False, mine
            )
        items.append(note)
    texts, oldest, newest = [], [], []
    for start in range(0, len(items), PAGE_SIZE):
        chunk = items[start : start + PAGE_SIZE]
        oldest.append(int(chunk[0]["id"]))
        newest.append(int(chunk[-1]["id"]))
        texts.append(json.dumps(list(reversed(chunk)), ensure_ascii=False))
    return Pages(texts, oldest, newest, str(base), events)


class PageServer:
    """Stands in for `HttpClient`: answers `/api/v1/notifications?min_id=X` with the next
    page (parsed from its JSON text on every request), Link headers included; every other
    stream is empty."""

    token = "benchmark"
    host = HOST

    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.requests = 0

    def get(self, path: str, params: Mapping[str, str] | None = None, **_):
        from requests.structures import CaseInsensitiveDict

        from desktop.connectors.http import Response
        from desktop.connectors.json_body import loads

        self.requests += 1
        url = f"https://{HOST}{path}"
        if path != "/api/v1/notifications":
            return Response(200, [], CaseInsensitiveDict(), {}, url)
        min_id = int((params or {}).get("min_id") or 0)
        index = bisect.bisect_right(self.pages.oldest_ids, min_id)
        if index >= len(self.pages.texts):
            return Response(200, [], CaseInsensitiveDict(), {}, url)
        text = self.pages.texts[index]
        links = {
            "next": {"url": f"{url}?max_id={self.pages.oldest_ids[index]}"},
            "prev": {"url": f"{url}?min_id={self.pages.newest_ids[index]}"},
        }
        return Response(200, loads(text), CaseInsensitiveDict(), links, url)


class NotificationsOnly:
    """The Mastodon connector, asked for its notifications stream only."""

    network = "mastodon"

    def __init__(self, pages: Pages) -> None:
        from desktop.connectors.mastodon import MastodonConnector

        self.server = PageServer(pages)
        self.connector = MastodonConnector(
            MY_INSTANCE, "benchmark", http=self.server, account_id=MY_MASTODON_ID
        )

    def pages(self, cursors: Mapping[str, str]) -> Iterator:
        return self.connector.pages(cursors, streams=("notifications",))


def reset_cursor(store, account_id: int, cursor: str) -> None:
    from desktop.sync.engine import save_cursor

    with store.session() as session:
        save_cursor(session, account_id, "notifications", cursor)
