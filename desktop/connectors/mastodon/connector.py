"""MastodonConnector: verify, the four streams, instance limits and the actions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from desktop.connectors.base import (
    BadResponse,
    Page,
    Refused,
)
from desktop.connectors.fields import expect_object, id_or_text, missing
from desktop.connectors.http import HttpClient
from desktop.connectors.mastodon.fast import _FastPath
from desktop.connectors.mastodon.instance import (
    DEFAULT_LIMITS,
    InstanceLimits,
    _dig,
    _length_rules,
    _positive_int,
)
from desktop.connectors.mastodon.oauth import (
    normalise_instance,
)
from desktop.connectors.mastodon.paging import (
    _Paging,
    _Stream,
)
from desktop.connectors.mastodon.parse import _Parsing, _status_url
from desktop.core.events import (
    Actor,
    Network,
    Post,
)
from desktop.core.i18n import fill, tx

STREAMS = ("notifications", "statuses", "favourites", "timeline")


# --- sign-in -------------------------------------------------------------------------------


# --- the connector -------------------------------------------------------------------------


class MastodonConnector(_Paging, _Parsing, _FastPath):
    network = str(Network.MASTODON)

    def __init__(
        self,
        instance_url: str,
        token: str,
        *,
        http: HttpClient | None = None,
        backfill_pages: int = 3,
        page_limit: int = 80,
        account_id: str | None = None,
    ) -> None:
        """account_id: my account's id if already known (saves a verify() per sync)."""
        self.instance_url = normalise_instance(instance_url)
        self.http = http or HttpClient(self.instance_url, token=token)
        if self.http.token is None:
            self.http.token = token
        self.host = urlsplit(self.instance_url).hostname or ""
        self.backfill_pages = max(1, backfill_pages)
        self.page_limit = max(1, page_limit)
        self.account_id = account_id
        self.me: Actor | None = None
        # The same people and statuses come back page after page (my post under every
        # favourite of it): identical fields make the identical (immutable) Actor or Post.
        self._actors: dict[tuple[Any, ...], Actor] = {}
        self._posts: dict[tuple[Any, ...], Post] = {}

    def __repr__(self) -> str:  # never show the token
        return f"MastodonConnector({self.instance_url!r})"

    # --- who am I ---

    def verify(self) -> Actor:
        """Check the token and return my own identity (401 -> NeedsSignIn)."""
        path = "/api/v1/accounts/verify_credentials"
        where = f"{self.http.host}{path}"
        account = self.http.get(path).data
        if not isinstance(account, dict):
            raise BadResponse(
                fill(
                    tx("Network", "%1: expected an account, got %2"),
                    where,
                    type(account).__name__,
                )
            )
        account_id = id_or_text(account, "id", where, required=True)
        acct = id_or_text(account, "acct", where, required=True)
        self.account_id = account_id
        self.me = Actor(
            network=self.network,
            stable_id=account_id,
            handle=self._handle(acct),
            display_name=id_or_text(account, "display_name", where)
            or id_or_text(account, "username", where),
            profile_url=id_or_text(account, "url", where),
        )
        return self.me

    # --- streams ---

    def pages(
        self, cursors: Mapping[str, str], *, streams: Iterable[str] = STREAMS
    ) -> Iterator[Page]:
        """Pages of each stream, newest first on a first sync, then forward from the cursor.

        With a cursor (the newest id committed so far), a stream is read forward with
        min_id, following the Link header's `prev` relation until a page comes back empty;
        each page carries the cursor that follows it. Without one, up to `backfill_pages`
        pages are read going back (Link `next`); only the last page of the back-fill
        carries a cursor (the newest id seen), so a crash midway re-reads next time.
        Nothing new costs one request per stream.
        """
        wanted = list(streams)
        unknown = set(wanted) - set(STREAMS)
        if unknown:
            raise ValueError(f"unknown Mastodon streams: {sorted(unknown)}")
        if self.account_id is None:
            self.verify()
        specs = {
            "notifications": _Stream(
                "notifications", "/api/v1/notifications", self._parse_notification
            ),
            "statuses": _Stream(
                "statuses",
                f"/api/v1/accounts/{quote(str(self.account_id), safe='')}/statuses",
                self._parse_my_status,
            ),
            "favourites": _Stream(
                "favourites", "/api/v1/favourites", self._parse_favourite, link_cursor=True
            ),
            "timeline": _Stream("timeline", "/api/v1/timelines/home", self._parse_timeline),
        }
        for name in wanted:
            cursor = cursors.get(name)
            if cursor:
                yield from self._forward(specs[name], str(cursor))
            else:
                yield from self._backfill(specs[name])

    # --- instance and actions ---

    def instance_limits(self) -> InstanceLimits:
        """How long a status may be here: /api/v2/instance, else /api/v1/instance, else 500/23.

        An unreachable server or a revoked sign-in still raises: only a server that does not
        know the endpoint or answers it oddly falls back to the next source.
        """
        try:
            data = self.http.get("/api/v2/instance").data
            rules = _length_rules(_dig(data, "configuration", "statuses"))
            if rules:
                return rules
        except (Refused, BadResponse):
            pass
        try:
            data = self.http.get("/api/v1/instance").data
            rules = _length_rules(_dig(data, "configuration", "statuses"))
            if rules:
                return rules
            if isinstance(data, dict) and _positive_int(data.get("max_toot_chars")):
                return InstanceLimits(
                    data["max_toot_chars"], DEFAULT_LIMITS.characters_reserved_per_url
                )
        except (Refused, BadResponse):
            pass
        return DEFAULT_LIMITS

    def reply(
        self,
        in_reply_to_id: str | None,
        text: str,
        *,
        visibility: str = "unlisted",
        idempotency_key: str,
    ) -> str:
        """Post a reply (or, with no in_reply_to_id, a new post) and return its URL.
        422 (too long, ...) -> Refused with the server's own (possibly localized) message.
        The Idempotency-Key makes a retried click safe."""
        if not idempotency_key:
            raise ValueError("a post needs an idempotency key")
        form = {"status": text, "visibility": visibility}
        if in_reply_to_id:
            form["in_reply_to_id"] = in_reply_to_id
        response = self.http.post(
            "/api/v1/statuses", data=form, headers={"Idempotency-Key": idempotency_key}
        )
        where = f"{self.http.host}/api/v1/statuses"
        status = expect_object(response.data, where)
        url = _status_url(status)
        if not url:
            raise BadResponse(missing(where, "url"))
        return url

    def favourite(self, status_id: str) -> None:
        self.http.post(f"/api/v1/statuses/{_segment(status_id)}/favourite")

    def boost(self, status_id: str) -> None:
        self.http.post(f"/api/v1/statuses/{_segment(status_id)}/reblog")


# --- helpers -------------------------------------------------------------------------------


def _segment(status_id: str) -> str:
    status_id = str(status_id).strip()
    if not status_id:
        raise ValueError("a status id is needed")
    return quote(status_id, safe="")
