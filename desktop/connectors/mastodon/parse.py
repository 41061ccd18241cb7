"""Mastodon (any instance): sign-in, four streams of events, instance limits and actions.

Sign-in is OAuth with an out-of-band code and PKCE (register_app -> make_pkce ->
authorize_url -> the user pastes the code -> exchange_code), or a pasted access token;
either way MastodonConnector.verify() checks the token and says whose it is.

Streams (each with its own cursor, see MastodonConnector.pages):

- "notifications": what others did to me (mention, reply, reblog, favourite, follow, quote).
- "statuses": my own statuses: my boosts, quotes, replies and mentions of others.
- "favourites": the statuses I favourited.
- "timeline": my home timeline, whose links become share candidates.

Everything a server sends is untrusted: a missing or mistyped field raises BadResponse
naming it, and one malformed item in an otherwise good page is skipped and counted
(``page.skipped["malformed"]``) instead of failing the whole sync.

Identities: another person's stable id is their profile URL (``account.url``, falling back
to the ActivityPub ``uri``). Account *ids* are local to the instance that serves them, so the
same person has a different id on each instance, and ``status.mentions[]`` (our only source
for people I replied to or mentioned) carries ``url`` but not ``uri``: the profile URL is the
one key every payload has and that stays the same across instances. My own identity uses my
account id, which is what this instance's payloads refer to me by.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from desktop.connectors.base import (
    BadResponse,
    NeedsSignIn,
    Page,
    Refused,
)
from desktop.connectors.fields import date_field, expect_list, expect_object, id_or_text, require
from desktop.connectors.html_text import html_text, html_to_text
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

__all__ = [
    "APP_NAME",
    "DEFAULT_LIMITS",
    "OOB_REDIRECT",
    "SCOPES",
    "STREAMS",
    "AppCredentials",
    "CodeNotAccepted",
    "LengthRules",
    "MastodonConnector",
    "authorize_url",
    "exchange_code",
    "make_pkce",
    "normalise_instance",
    "register_app",
]

SCOPES = (
    "read:notifications read:statuses read:favourites read:accounts write:statuses write:favourites"
)
APP_NAME = "Reciprocity"
APP_WEBSITE = ""  # no public homepage yet; Mastodon shows it on the "authorized apps" page
OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob"
STREAMS = ("notifications", "statuses", "favourites", "timeline")
MAX_FORWARD_PAGES = 100  # a guard against a server whose Link header never moves on
_CACHED = 4096  # actors and posts kept per connector (cleared when full)

# Notification types that become interactions; every other type is skipped and counted.
NOTIFICATION_KINDS = {
    "mention": Kind.MENTION,
    "reblog": Kind.SHARE,
    "favourite": Kind.LIKE,
    "follow": Kind.FOLLOW,
    "quote": Kind.QUOTE,
}
# Paths on a Mastodon-like host that lead to profiles, posts or tags, not to articles.
_FEDIVERSE_PATH = re.compile(
    r"^/(@[^/]+|users/|tags/|web/|ap/|notice/|notes/|objects/|statuses/|interact/)", re.I
)
_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


# --- sign-in -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppCredentials:
    client_id: str
    client_secret: str

    def __repr__(self) -> str:  # never print the secret
        return f"AppCredentials(client_id={self.client_id!r}, client_secret='…')"


class CodeNotAccepted(Refused):
    """The pasted authorization code was wrong, expired or already used."""


def normalise_instance(text: str) -> str:
    """The base URL of a Mastodon server from what a person typed.

    Accepts "example.social", "https://Example.social/", "https://example.social/@me",
    "@me@example.social" and "me@example.social"; returns "https://example.social".
    An explicit http:// is kept (a local test server); anything else raises ValueError.
    """
    raw = (text or "").strip()
    if not raw:
        raise ValueError("Enter the address of your Mastodon server, like example.social.")
    scheme = "https"
    match = re.match(r"^([a-z][a-z0-9+.-]*)://", raw, re.I)
    if match:
        scheme = match.group(1).lower()
        if scheme not in ("http", "https"):
            raise ValueError(f"{text.strip()!r} is not a web address (use https://…).")
        raw = raw[match.end() :]
    elif "@" in raw:
        # A handle: @me@example.social or me@example.social.
        parts = raw.removeprefix("@").split("@")
        if len(parts) != 2 or not all(parts):
            raise ValueError(
                f"{text.strip()!r} is not a Mastodon handle: write it like @you@example.social."
            )
        raw = parts[1]
    netloc = re.split(r"[/?#]", raw, maxsplit=1)[0]
    problem = (
        f"{text.strip()!r} does not look like the address of a Mastodon server "
        "(it should look like example.social)."
    )
    if not netloc or "@" in netloc or any(c.isspace() for c in netloc):
        raise ValueError(problem)
    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        hostname = parts.hostname or ""
        port = parts.port
    except ValueError:
        raise ValueError(problem) from None
    host = _valid_host(hostname)
    if host is None:
        raise ValueError(problem)
    return f"{scheme}://{host}" + (f":{port}" if port else "")


def _valid_host(hostname: str) -> str | None:
    hostname = hostname.rstrip(".").lower()
    if not hostname:
        return None
    try:
        address = ipaddress.ip_address(hostname)
    except ValueError:
        pass
    else:
        return f"[{address}]" if address.version == 6 else str(address)
    try:
        ascii_host = hostname.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if not all(_LABEL.match(label) for label in labels):
        return None
    if len(labels) < 2 and ascii_host != "localhost":
        return None
    if labels[-1].isdigit():  # 300.1.2.3 and friends
        return None
    return ascii_host


def register_app(instance_url: str, http: HttpClient | None = None) -> AppCredentials:
    """Register Reciprocity as an OAuth app on the server (POST /api/v1/apps)."""
    base = normalise_instance(instance_url)
    client = http or HttpClient(base)
    form = {"client_name": APP_NAME, "redirect_uris": OOB_REDIRECT, "scopes": SCOPES}
    if APP_WEBSITE:
        form["website"] = APP_WEBSITE
    response = client.post("/api/v1/apps", data=form, auth=False)
    where = f"{client.host}/api/v1/apps"
    return AppCredentials(
        client_id=id_or_text(response.data, "client_id", where, required=True),
        client_secret=id_or_text(response.data, "client_secret", where, required=True),
    )


def make_pkce() -> tuple[str, str]:
    """A PKCE verifier (kept by us) and its S256 challenge (sent in the authorize URL)."""
    verifier = secrets.token_urlsafe(64)  # 86 characters of [A-Za-z0-9_-] (RFC 7636: 43-128)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return verifier, challenge


def authorize_url(instance_url: str, client_id: str, challenge: str) -> str:
    """The page where the user approves the app and is shown a code to paste back."""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": OOB_REDIRECT,
            "scope": SCOPES,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        },
        quote_via=quote,
    )
    return f"{normalise_instance(instance_url)}/oauth/authorize?{query}"


def exchange_code(
    instance_url: str,
    creds: AppCredentials,
    code: str,
    verifier: str,
    http: HttpClient | None = None,
) -> str:
    """Trade the pasted code for an access token (POST /oauth/token)."""
    base = normalise_instance(instance_url)
    client = http or HttpClient(base)
    form = {
        "grant_type": "authorization_code",
        "code": code.strip(),
        "client_id": creds.client_id,
        "client_secret": creds.client_secret,
        "redirect_uri": OOB_REDIRECT,
        "code_verifier": verifier,
        "scope": SCOPES,
    }
    try:
        response = client.post("/oauth/token", data=form, auth=False)
    except NeedsSignIn:
        # 401 invalid_client: the app registration is gone; a new code will not help.
        raise NeedsSignIn(
            f"{client.host} no longer knows this app: start signing in again"
        ) from None
    except Refused as exc:
        if exc.status == 400:  # invalid_grant: wrong, expired or already used
            raise CodeNotAccepted(
                "the code was not accepted: paste it again, or start signing in again "
                "if it keeps failing",
                exc.status,
            ) from None
        raise
    return id_or_text(response.data, "access_token", f"{client.host}/oauth/token", required=True)


# --- the connector -------------------------------------------------------------------------


@dataclass(frozen=True)
class LengthRules:
    max_characters: int
    characters_reserved_per_url: int


DEFAULT_LIMITS = LengthRules(500, 23)


@dataclass(frozen=True)
class _Stream:
    name: str
    path: str
    parse: Callable[[dict, Page], None]  # one item -> events added to the page
    link_cursor: bool = False  # favourites: the Link header's ids are not status ids


def _first_text(fields: dict, keys: tuple[str, ...]) -> str | None:
    """The first non-empty text among these fields, "" when all are empty or null, None
    when one holds something else (the checking path then says what is wrong)."""
    for key in keys:
        value = fields.get(key)
        if type(value) is str and value:
            return value
        if value is not None and value != "":
            return None
    return ""


class MastodonConnector:
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
        self._actors: dict[tuple, Actor] = {}
        self._posts: dict[tuple, Post] = {}

    def __repr__(self) -> str:  # never show the token
        return f"MastodonConnector({self.instance_url!r})"

    # --- who am I ---

    def verify(self) -> Actor:
        """Check the token and return my own identity (401 -> NeedsSignIn)."""
        path = "/api/v1/accounts/verify_credentials"
        where = f"{self.http.host}{path}"
        account = self.http.get(path).data
        if not isinstance(account, dict):
            raise BadResponse(f"{where}: expected an account, got {type(account).__name__}")
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

    def _fetch(self, spec: _Stream, params: dict[str, str]) -> tuple[list, Response]:
        response = self.http.get(spec.path, params={"limit": str(self.page_limit), **params})
        items = expect_list(response.data, f"{self.http.host}{spec.path}")
        return items, response

    def _page(self, spec: _Stream, items: list) -> Page:
        page = Page(stream=spec.name)
        for item in items:
            try:
                if not isinstance(item, dict):
                    raise BadResponse(f"expected an object, got {type(item).__name__}")
                spec.parse(item, page)
            except BadResponse as exc:
                page.skipped["malformed"] += 1
                page.warnings.append(f"{spec.name}: skipped a malformed item: {exc}")
        return page

    def _forward(self, spec: _Stream, cursor: str) -> Iterator[Page]:
        min_id = cursor
        for _ in range(MAX_FORWARD_PAGES):
            items, response = self._fetch(spec, {"min_id": min_id})
            if not items:
                return
            page = self._page(spec, items)
            newer = _link_param(response, "prev", "min_id")
            page.cursor = newer if spec.link_cursor else (_newest_id(items) or newer)
            if page.cursor is None:
                page.warnings.append(f"{spec.name}: the server gave no way to read further")
            yield page
            following = newer or page.cursor
            if not following or following == min_id:
                return
            min_id = following

    def _backfill(self, spec: _Stream) -> Iterator[Page]:
        params: dict[str, str] = {}
        newest: str | None = None
        last: Page | None = None
        for number in range(self.backfill_pages):
            items, response = self._fetch(spec, params)
            if not items:
                break
            page = self._page(spec, items)
            if spec.link_cursor:
                if number == 0:
                    newest = _link_param(response, "prev", "min_id")
            else:
                newest = _max_id(newest, _newest_id(items))
            older = _link_param(response, "next", "max_id")
            if older is None and not spec.link_cursor:
                older = _oldest_id(items)
            if number == self.backfill_pages - 1 or not older or older == params.get("max_id"):
                page.cursor = newest
                yield page
                return
            yield page
            last = page
            params = {"max_id": older}
        if last is not None and newest is not None:
            # The page after the last one came back empty: a page of nothing moves the cursor.
            yield Page(stream=spec.name, cursor=newest)

    # --- inbound: notifications ---

    def _parse_notification(self, item: dict, page: Page) -> None:
        kind_name, notification_id = item.get("type"), item.get("id")
        if type(kind_name) is str and type(notification_id) is str and notification_id:
            kind = NOTIFICATION_KINDS.get(kind_name)
            if kind is not None:
                event = self._plain_notification(kind, notification_id, item)
                if event is not None:
                    page.interactions.append(event)
                    return
        self._parse_notification_checked(item, page)

    def _plain_notification(
        self, kind: Kind, notification_id: str, item: dict
    ) -> InteractionEvent | None:
        """A well-formed notification the quick way; None for anything unusual, which the
        checked path then parses or rejects with a reason (same result either way)."""
        account = item.get("account")
        actor = self._plain_actor(account) if type(account) is dict else None
        occurred_at = _plain_time(item.get("created_at"))
        if actor is None or occurred_at is None:
            return None
        status = item.get("status")
        post = None
        if status is not None:
            if type(status) is not dict:
                return None
            reblog = status.get("reblog")
            if type(reblog) is dict:
                status = reblog
            post = self._plain_post(status)
            if post is None:
                return None
            if kind is Kind.MENTION:
                replied_to = status.get("in_reply_to_account_id")
                if replied_to is not None and self._is_me_id(replied_to):
                    kind = Kind.REPLY
        return InteractionEvent(
            f"notification:{notification_id}", kind, Direction.INBOUND, actor, occurred_at, post
        )

    def _parse_notification_checked(self, item: dict, page: Page) -> None:
        where = "notification"
        kind_name = require(item, "type", where=where)
        if not isinstance(kind_name, str):
            raise BadResponse(f"{where}: the field 'type' should be text")
        notification_id = id_or_text(item, "id", where, required=True)
        where = f"notification {notification_id}"
        kind = NOTIFICATION_KINDS.get(kind_name)
        if kind is None:
            page.skipped[kind_name] += 1
            return
        actor = self._actor(require(item, "account", where=where), f"{where}: account")
        occurred_at = date_field(item, "created_at", where)
        status = item.get("status")
        post = None
        if status is not None:
            status = expect_object(status, f"{where}: status")
            if isinstance(status.get("reblog"), dict):
                status = status["reblog"]
            post = self._post(status, f"{where}: status")
            replied_to = status.get("in_reply_to_account_id")
            if kind == Kind.MENTION and replied_to is not None and self._is_me_id(replied_to):
                kind = Kind.REPLY
        page.interactions.append(
            InteractionEvent(
                external_id=f"notification:{notification_id}",
                kind=kind,
                direction=Direction.INBOUND,
                actor=actor,
                occurred_at=occurred_at,
                post=post,
            )
        )

    # --- outbound: my statuses ---

    def _parse_my_status(self, status: dict, page: Page) -> None:
        status_id = id_or_text(status, "id", "status", required=True)
        where = f"status {status_id}"
        occurred_at = date_field(status, "created_at", where)
        reblog = status.get("reblog")
        if reblog is not None:
            reblog = expect_object(reblog, f"{where}: reblog")
            author = expect_object(
                require(reblog, "account", where=where), f"{where}: reblog.account"
            )
            if self._is_me(author):
                return  # boosting my own post is not something I did for someone
            page.interactions.append(
                InteractionEvent(
                    f"status:{status_id}",
                    Kind.SHARE,
                    Direction.OUTBOUND,
                    self._actor(author, f"{where}: reblog.account"),
                    occurred_at,
                    self._post(reblog, f"{where}: reblog"),
                )
            )
            return
        mine = self._post(status, where)
        mentions = status.get("mentions") or []
        if not isinstance(mentions, list):
            raise BadResponse(f"{where}: the field 'mentions' should be a list")
        mentioned = [m for m in mentions if isinstance(m, dict)]
        credited: set[str] = set()
        replied_to = status.get("in_reply_to_account_id")
        is_reply = replied_to is not None and not self._is_me_id(replied_to)
        if is_reply:
            target = next((m for m in mentioned if str(m.get("id")) == str(replied_to)), None)
            if target is None:
                page.warnings.append(
                    f"{where} replies to an account it does not mention; the reply was skipped"
                )
            else:
                credited.add(str(replied_to))
                page.interactions.append(
                    InteractionEvent(
                        f"status:{status_id}",
                        Kind.REPLY,
                        Direction.OUTBOUND,
                        self._actor(target, f"{where}: mention"),
                        occurred_at,
                        mine,
                    )
                )
        quoted = status.get("quote")
        quoted = quoted.get("quoted_status") if isinstance(quoted, dict) else None
        if isinstance(quoted, dict):  # only an accepted quote carries the quoted status
            author = expect_object(
                require(quoted, "account", where=where), f"{where}: quote.account"
            )
            author_id = str(author.get("id"))
            if not self._is_me(author) and author_id not in credited:
                credited.add(author_id)
                page.interactions.append(
                    InteractionEvent(
                        f"status:{status_id}:quote",
                        Kind.QUOTE,
                        Direction.OUTBOUND,
                        self._actor(author, f"{where}: quote.account"),
                        occurred_at,
                        self._post(quoted, f"{where}: quote"),
                    )
                )
        if is_reply:
            return  # the others in a reply's mentions are just the thread's participants
        for mention in mentioned:
            mention_id = id_or_text(mention, "id", f"{where}: mention", required=True)
            if self._is_me_id(mention_id) or mention_id in credited:
                continue
            credited.add(mention_id)
            page.interactions.append(
                InteractionEvent(
                    f"status:{status_id}:{mention_id}",
                    Kind.MENTION,
                    Direction.OUTBOUND,
                    self._actor(mention, f"{where}: mention"),
                    occurred_at,
                    mine,
                )
            )

    # --- outbound: my favourites ---

    def _parse_favourite(self, status: dict, page: Page) -> None:
        if isinstance(status.get("reblog"), dict):
            status = status["reblog"]
        status_id = id_or_text(status, "id", "favourite", required=True)
        where = f"favourite {status_id}"
        author = expect_object(require(status, "account", where=where), f"{where}: account")
        if self._is_me(author):
            return
        page.interactions.append(
            InteractionEvent(
                f"favourite:{status_id}",
                Kind.LIKE,
                Direction.OUTBOUND,
                self._actor(author, f"{where}: account"),
                # The API does not say when I favourited it: the post's time is the best bound.
                date_field(status, "created_at", where),
                self._post(status, where),
            )
        )

    # --- candidates: home timeline ---

    def _parse_timeline(self, status: dict, page: Page) -> None:
        status_id = id_or_text(status, "id", "timeline status", required=True)
        where = f"timeline status {status_id}"
        booster: dict | None = None
        original = status
        if status.get("reblog") is not None:
            original = expect_object(status["reblog"], f"{where}: reblog")
            booster = expect_object(require(status, "account", where=where), f"{where}: account")
        author = expect_object(require(original, "account", where=where), f"{where}: account")
        if self._is_me(author) or original.get("visibility") == "direct":
            return  # my own links, and links in private conversations, are not candidates
        sharers = [(author, original)]
        if booster is not None and not self._is_me(booster):
            sharers.append((booster, status))
        links = self._candidate_links(original, where)
        if not links:
            return
        card = original.get("card") if isinstance(original.get("card"), dict) else None
        card_author = None
        if card is not None:
            authors = card.get("authors")
            first = authors[0] if isinstance(authors, list) and authors else None
            if isinstance(first, dict) and isinstance(first.get("account"), dict):
                try:
                    card_author = self._actor(first["account"], f"{where}: card author")
                except BadResponse:
                    card_author = None
        for sharer, seen_in in sharers:
            actor = self._actor(sharer, f"{where}: account")
            source_ref = _status_url(seen_in)
            seen_at = date_field(seen_in, "created_at", where)
            for url in links:
                with_card = card is not None and card.get("url") == url
                page.candidates.append(
                    CandidateEvent(
                        url=url,
                        source="timeline",
                        source_ref=source_ref,
                        seen_at=seen_at,
                        title=_card_text(card, "title") if with_card else "",
                        summary=_card_text(card, "description") if with_card else "",
                        author_name=_card_text(card, "author_name") if with_card else "",
                        author=card_author if with_card else None,
                        sharer=actor,
                        language=id_or_text(original, "language", where),
                        published_at=_card_time(card) if with_card else None,
                    )
                )

    def _candidate_links(self, status: dict, where: str) -> list[str]:
        """The card's URL, else the status's plain links that are not fediverse furniture."""
        excluded = {_status_url(status), str(status.get("uri") or "")}
        for key, fields in (
            ("mentions", ("url",)),
            ("tags", ("url",)),
            ("media_attachments", ("url", "remote_url", "preview_url", "text_url")),
        ):
            entries = status.get(key) or []
            if not isinstance(entries, list):
                raise BadResponse(f"{where}: the field {key!r} should be a list")
            for entry in entries:
                if isinstance(entry, dict):
                    excluded.update(str(entry[f]) for f in fields if isinstance(entry.get(f), str))
        quoted = status.get("quote")
        quoted = quoted.get("quoted_status") if isinstance(quoted, dict) else None
        if isinstance(quoted, dict):
            excluded.add(_status_url(quoted))
        account = status.get("account") if isinstance(status.get("account"), dict) else {}
        hosts = {
            self.host,
            _host(_status_url(status)),
            _host(str(account.get("url") or "")),
        } - {""}

        def wanted(url: str) -> bool:
            if not url.startswith(("http://", "https://")) or url in excluded:
                return False
            parts = urlsplit(url)
            return not (parts.hostname in hosts and _FEDIVERSE_PATH.match(parts.path or "/"))

        card = status.get("card")
        if isinstance(card, dict) and isinstance(card.get("url"), str) and wanted(card["url"]):
            return [card["url"]]
        content = status.get("content")
        if content is not None and not isinstance(content, str):
            raise BadResponse(f"{where}: the field 'content' should be text")
        plain = html_to_text(content)
        excluded.update(plain.mentions)
        links: list[str] = []
        for url in plain.links:
            if wanted(url) and url not in links:
                links.append(url)
        return links

    # --- shapes ---

    def _handle(self, acct: str) -> str:
        acct = acct.removeprefix("@")
        return f"@{acct}" if "@" in acct else f"@{acct}@{self.host}"

    def _is_me_id(self, account_id: Any) -> bool:
        return self.account_id is not None and str(account_id) == str(self.account_id)

    def _is_me(self, account: dict) -> bool:
        return self._is_me_id(account.get("id"))

    def _actor(self, account: Any, where: str) -> Actor:
        """An identity from an Account, or from a status's Mention (id, username, url, acct)."""
        if type(account) is dict:
            actor = self._plain_actor(account)
            if actor is not None:
                return actor
        account = expect_object(account, where)
        acct = id_or_text(account, "acct", where, required=True)
        profile = id_or_text(account, "url", where) or id_or_text(account, "uri", where)
        if not profile:
            raise BadResponse(f"{where}: the field 'url' is missing")
        return Actor(
            network=self.network,
            stable_id=profile,
            handle=self._handle(acct),
            display_name=id_or_text(account, "display_name", where)
            or id_or_text(account, "username", where)
            or acct,
            profile_url=profile,
        )

    def _plain_actor(self, account: dict) -> Actor | None:
        """_actor for the usual shapes (text fields, text or null), cached; None otherwise."""
        acct = account.get("acct")
        if type(acct) is not str or not acct:
            return None
        profile = _first_text(account, ("url", "uri"))
        if not profile:
            return None
        name = _first_text(account, ("display_name", "username"))
        if name is None:
            return None
        name = name or acct
        key = (acct, profile, name)
        actor = self._actors.get(key)
        if actor is None:
            if len(self._actors) >= _CACHED:
                self._actors.clear()
            actor = self._actors[key] = Actor(
                self.network, profile, self._handle(acct), name, profile
            )
        return actor

    def _plain_post(self, status: dict) -> Post | None:
        """_post for the usual shapes (text fields, text or null), cached; None otherwise."""
        status_id = status.get("id")
        content = status.get("content")
        warning = status.get("spoiler_text")
        language = status.get("language")
        if (
            type(status_id) is not str
            or not status_id
            or (content is not None and type(content) is not str)
            or (warning is not None and type(warning) is not str)
            or (language is not None and type(language) is not str)
        ):
            return None
        url = status.get("url")
        if type(url) is not str or not url:
            url = _status_url(status)
        key = (status_id, url, content, warning, language)
        post = self._posts.get(key)
        if post is None:
            text = html_text(content)
            if warning:
                text = f"CW: {warning}\n{text}"
            if len(self._posts) >= _CACHED:
                self._posts.clear()
            post = self._posts[key] = Post(url, text, language or "", status_id)
        return post

    def _post(self, status: dict, where: str) -> Post:
        if type(status) is dict:
            post = self._plain_post(status)
            if post is not None:
                return post
        content = status.get("content")
        if content is not None and not isinstance(content, str):
            raise BadResponse(f"{where}: the field 'content' should be text")
        text = html_to_text(content).text
        warning = id_or_text(status, "spoiler_text", where)
        if warning:
            text = f"CW: {warning}\n{text}"
        return Post(
            url=_status_url(status),
            text=text,
            language=id_or_text(status, "language", where),
            remote_id=id_or_text(status, "id", where, required=True),
        )

    # --- instance and actions ---

    def instance_limits(self) -> LengthRules:
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
                return LengthRules(
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
            raise BadResponse(f"{where}: the field 'url' is missing")
        return url

    def favourite(self, status_id: str) -> None:
        self.http.post(f"/api/v1/statuses/{_segment(status_id)}/favourite")

    def boost(self, status_id: str) -> None:
        self.http.post(f"/api/v1/statuses/{_segment(status_id)}/reblog")


# --- helpers -------------------------------------------------------------------------------


def _plain_time(value: Any) -> datetime | None:
    """A date as date_field reads it, or None for anything unusual (the checked path then
    says what is wrong): the quick path's way of reading dates."""
    if type(value) is not str:
        return None
    try:
        return utc_datetime(value, "")
    except BadResponse:
        return None


def _status_url(status: dict) -> str:
    for key in ("url", "uri"):
        value = status.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _card_text(card: dict | None, key: str) -> str:
    value = card.get(key) if card else None
    return " ".join(value.split()) if isinstance(value, str) else ""  # cards are plain text


def _card_time(card: dict | None) -> datetime | None:
    if not card or not isinstance(card.get("published_at"), str):
        return None
    try:
        return date_field(card, "published_at", "card")
    except BadResponse:
        return None


def _id_key(value: str) -> tuple[int, str]:
    """Order ids as numbers (snowflakes of varying length), and other ids sensibly."""
    value = value.lstrip("0") or "0"
    return (len(value), value)


def _item_ids(items: list) -> list[str]:
    ids = []
    for item in items:
        value = item.get("id") if isinstance(item, dict) else None
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
            ids.append(str(value))
    return ids


def _newest_id(items: list) -> str | None:
    ids = _item_ids(items)
    return max(ids, key=_id_key) if ids else None


def _oldest_id(items: list) -> str | None:
    ids = _item_ids(items)
    return min(ids, key=_id_key) if ids else None


def _max_id(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=_id_key)


def _link_param(response: Response, rel: str, name: str) -> str | None:
    """A pagination id from the Link header. Only the id is taken: the request goes to our
    own endpoint, so a Link pointing at another host never receives the token."""
    link = response.links.get(rel) if isinstance(response.links, dict) else None
    url = link.get("url") if isinstance(link, dict) else None
    if not url:
        return None
    try:
        values = parse_qs(urlsplit(url).query).get(name)
    except ValueError:
        return None
    return values[0] if values and values[0] else None


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _length_rules(statuses: Any) -> LengthRules | None:
    if not isinstance(statuses, dict) or not _positive_int(statuses.get("max_characters")):
        return None
    per_url = statuses.get("characters_reserved_per_url")
    if not (_positive_int(per_url) or per_url == 0):
        per_url = DEFAULT_LIMITS.characters_reserved_per_url
    return LengthRules(statuses["max_characters"], per_url)


def _segment(status_id: str) -> str:
    status_id = str(status_id).strip()
    if not status_id:
        raise ValueError("a status id is needed")
    return quote(status_id, safe="")
