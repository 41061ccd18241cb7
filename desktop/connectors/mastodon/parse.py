"""The checked Mastodon parsers: every field a server sent is looked at, and a missing or
mistyped one raises BadResponse naming it (the item is then skipped and counted)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desktop.connectors.base import (
    BadResponse,
    Page,
)
from desktop.connectors.fields import (
    date_field,
    expect_object,
    id_or_text,
    missing,
    require,
    should_be_a_list,
    should_be_text,
)
from desktop.connectors.html_text import html_to_text
from desktop.core.events import (
    Actor,
    CandidateEvent,
    Direction,
    InteractionEvent,
    Kind,
    Network,
    Post,
)
from desktop.core.i18n import fill, tx
from desktop.core.profiles import profile_links

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


# --- sign-in -------------------------------------------------------------------------------


# --- the connector -------------------------------------------------------------------------


class _Parsing:
    """The checked parsers of MastodonConnector: every field looked at and a wrong one named
    in the BadResponse. A mixin: the quick paths (fast.py) are tried first."""

    # What the connector provides.
    network: str
    host: str
    account_id: str | None

    if TYPE_CHECKING:  # the quick paths, from fast._FastPath

        def _plain_notification(
            self, kind: Kind, notification_id: str, item: dict[str, Any]
        ) -> InteractionEvent | None: ...
        def _plain_actor(self, account: dict[str, Any]) -> Actor | None: ...
        def _plain_post(self, status: dict[str, Any]) -> Post | None: ...

    # --- inbound: notifications ---

    def _parse_notification(self, item: dict[str, Any], page: Page) -> None:
        kind_name, notification_id = item.get("type"), item.get("id")
        if type(kind_name) is str and type(notification_id) is str and notification_id:
            kind = NOTIFICATION_KINDS.get(kind_name)
            if kind is not None:
                event = self._plain_notification(kind, notification_id, item)
                if event is not None:
                    page.interactions.append(event)
                    return
        self._parse_notification_checked(item, page)

    def _parse_notification_checked(self, item: dict[str, Any], page: Page) -> None:
        where = "notification"
        kind_name = require(item, "type", where=where)
        if not isinstance(kind_name, str):
            raise BadResponse(should_be_text(where, "type"))
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

    def _parse_my_status(self, status: dict[str, Any], page: Page) -> None:
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
            raise BadResponse(should_be_a_list(where, "mentions"))
        mentioned = [m for m in mentions if isinstance(m, dict)]
        credited: set[str] = set()
        replied_to = status.get("in_reply_to_account_id")
        is_reply = replied_to is not None and not self._is_me_id(replied_to)
        if is_reply:
            target = next((m for m in mentioned if str(m.get("id")) == str(replied_to)), None)
            if target is None:
                page.warnings.append(
                    fill(
                        tx(
                            "Network",
                            "%1 replies to an account it does not mention; the reply was skipped",
                        ),
                        where,
                    )
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

    def _parse_favourite(self, status: dict[str, Any], page: Page) -> None:
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

    def _parse_timeline(self, status: dict[str, Any], page: Page) -> None:
        status_id = id_or_text(status, "id", "timeline status", required=True)
        where = f"timeline status {status_id}"
        booster: dict[str, Any] | None = None
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

    def _candidate_links(self, status: dict[str, Any], where: str) -> list[str]:
        """The card's URL, else the status's plain links that are not fediverse furniture."""
        excluded = {_status_url(status), str(status.get("uri") or "")}
        for key, fields in (
            ("mentions", ("url",)),
            ("tags", ("url",)),
            ("media_attachments", ("url", "remote_url", "preview_url", "text_url")),
        ):
            entries = status.get(key) or []
            if not isinstance(entries, list):
                raise BadResponse(should_be_a_list(where, key))
            for entry in entries:
                if isinstance(entry, dict):
                    excluded.update(str(entry[f]) for f in fields if isinstance(entry.get(f), str))
        quoted = status.get("quote")
        quoted = quoted.get("quoted_status") if isinstance(quoted, dict) else None
        if isinstance(quoted, dict):
            excluded.add(_status_url(quoted))
        account = status.get("account")
        if not isinstance(account, dict):
            account = {}
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
            raise BadResponse(should_be_text(where, "content"))
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

    def _is_me(self, account: dict[str, Any]) -> bool:
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
            raise BadResponse(missing(where, "url"))
        return Actor(
            network=self.network,
            stable_id=profile,
            handle=self._handle(acct),
            display_name=id_or_text(account, "display_name", where)
            or id_or_text(account, "username", where)
            or acct,
            profile_url=profile,
            links=account_links(account),
        )

    def _post(self, status: dict[str, Any], where: str) -> Post:
        if type(status) is dict:
            post = self._plain_post(status)
            if post is not None:
                return post
        content = status.get("content")
        if content is not None and not isinstance(content, str):
            raise BadResponse(should_be_text(where, "content"))
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


# --- helpers -------------------------------------------------------------------------------


def account_links(account: dict[str, Any]) -> tuple[str, ...]:
    """The other networks' profiles an Account's profile links to: its fields' links
    ("LinkedIn: https://www.linkedin.com/in/ana") and its bio's. Evidence only: a field of
    an odd shape is passed over, never an error."""
    html = [account.get("note")]
    fields = account.get("fields")
    if type(fields) is list:
        html.extend(f.get("value") for f in fields if type(f) is dict)
    urls = [url for value in html if type(value) is str for url in html_to_text(value).links]
    return profile_links(urls, own=Network.MASTODON)


def _status_url(status: dict[str, Any]) -> str:
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


def _card_text(card: dict[str, Any] | None, key: str) -> str:
    value = card.get(key) if card else None
    return " ".join(value.split()) if isinstance(value, str) else ""  # cards are plain text


def _card_time(card: dict[str, Any] | None) -> datetime | None:
    if not card or not isinstance(card.get("published_at"), str):
        return None
    try:
        return date_field(card, "published_at", "card")
    except BadResponse:
        return None
