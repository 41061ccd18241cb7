"""The quick path of the Mastodon parsers, which exists for ingest speed only.

Well-formed items (text fields that are text or null) are read without the checked path's
per-field checks, and the same people and statuses are built once and shared (cached).
Anything unusual returns None and goes to the checked parser in parse.py, so the result is
the same either way: tests/connectors/test_mastodon_plain.py proves it on recorded and
damaged payloads.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.connectors.base import (
    BadResponse,
)
from desktop.connectors.html_text import html_text
from desktop.connectors.mastodon.parse import _status_url, account_links
from desktop.connectors.parse import utc_datetime
from desktop.core.events import (
    Actor,
    Direction,
    InteractionEvent,
    Kind,
    Post,
)

_CACHED = 4096  # actors and posts kept per connector (cleared when full)


def _first_text(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-empty text among these fields, "" when all are empty or null, None
    when one holds something else (the checking path then says what is wrong)."""
    for key in keys:
        value = fields.get(key)
        if type(value) is str and value:
            return value
        if value is not None and value != "":
            return None
    return ""


def _plain_time(value: Any) -> datetime | None:
    """A date as date_field reads it, or None for anything unusual (the checked path then
    says what is wrong)."""
    if type(value) is not str:
        return None
    try:
        return utc_datetime(value, "")
    except BadResponse:
        return None


class _FastPath:
    """The quick parsers of MastodonConnector (a mixin; it keeps the caches)."""

    _actors: dict[tuple[Any, ...], Actor]
    _posts: dict[tuple[Any, ...], Post]
    network: str

    if TYPE_CHECKING:  # from parse._Parsing

        def _is_me_id(self, account_id: Any) -> bool: ...
        def _handle(self, acct: str) -> str: ...

    def _plain_notification(
        self, kind: Kind, notification_id: str, item: dict[str, Any]
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

    def _plain_actor(self, account: dict[str, Any]) -> Actor | None:
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
        fields = account.get("fields")
        key = (acct, profile, name, account.get("note"), repr(fields) if fields else "")
        actor = self._actors.get(key)
        if actor is None:
            if len(self._actors) >= _CACHED:
                self._actors.clear()
            actor = self._actors[key] = Actor(
                self.network, profile, self._handle(acct), name, profile, account_links(account)
            )
        return actor

    def _plain_post(self, status: dict[str, Any]) -> Post | None:
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
