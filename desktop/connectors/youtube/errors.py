"""What YouTube's errors mean, and the HTTP client that speaks to the API with a key.

Google APIs answer an error with a body like::

    {"error": {"code": 403, "message": "...", "status": "PERMISSION_DENIED",
               "errors": [{"message": "...", "domain": "youtube.quota",
                           "reason": "quotaExceeded"}],
               "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo",
                            "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}}

The reasons (``errors[].reason``, and the newer ``ErrorInfo`` reasons in ``details``)
say what happened, so the client branches on them, never on the message:

- the day's quota is spent (403 ``quotaExceeded`` / ``dailyLimitExceeded``): RateLimited
  until the quota resets, at midnight Pacific time;
- the key is wrong (400 ``keyInvalid``, or ``badRequest`` with ``API_KEY_INVALID``), its
  project has no YouTube Data API (403 ``accessNotConfigured`` / ``SERVICE_DISABLED``) or
  its restrictions refuse us (403 ``forbidden`` / ``API_KEY_*_BLOCKED``): NeedsSignIn,
  whose message says what to do with the key;
- comments turned off (403 ``commentsDisabled``) or a video gone (404 ``videoNotFound``):
  Refused with that reason as its code, which the connector takes as "nothing to read
  there", not as a failed sync.

The key travels in the ``X-Goog-Api-Key`` header, the same as the ``key=`` parameter to
Google, but never part of a URL: urllib3 logs the URL of a retried request, and a proxy
may log them all. A redirect to another host drops it, as requests drops Authorization.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

import requests

from desktop.connectors.base import NeedsSignIn, RateLimited, Refused
from desktop.connectors.http import HttpClient, Response, retry_at
from desktop.core.i18n import fill, tx

API_KEY_HEADER = "X-Goog-Api-Key"

QUOTA_SPENT = frozenset({"quotaExceeded", "dailyLimitExceeded"})
SLOW_DOWN = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})
KEY_INVALID = frozenset({"keyInvalid", "keyExpired", "API_KEY_INVALID", "dailyLimitExceededUnreg"})
API_NOT_ENABLED = frozenset({"accessNotConfigured", "SERVICE_DISABLED"})
KEY_BLOCKED = frozenset(
    {
        "forbidden",
        "ipRefererBlocked",
        "API_KEY_SERVICE_BLOCKED",
        "API_KEY_HTTP_REFERRER_BLOCKED",
        "API_KEY_IP_ADDRESS_BLOCKED",
        "API_KEY_ANDROID_APP_BLOCKED",
        "API_KEY_IOS_APP_BLOCKED",
    }
)
COMMENTS_DISABLED = "commentsDisabled"
VIDEO_NOT_FOUND = "videoNotFound"
NOTHING_TO_READ = frozenset({COMMENTS_DISABLED, VIDEO_NOT_FOUND})

_PACIFIC_STANDARD = timezone(timedelta(hours=-8), "PST")


def _pacific() -> tzinfo:
    """Google's quota day. Without a time zone database (Windows without tzdata), standard
    time: in summer that waits an hour past the reset, never less."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("America/Los_Angeles")
    except (ImportError, KeyError, ValueError):  # ZoneInfoNotFoundError is a KeyError
        return _PACIFIC_STANDARD


def quota_resets_at(now: datetime) -> datetime:
    """The next midnight Pacific time after `now` (aware), in UTC: when a spent daily
    quota comes back."""
    pacific = _pacific()
    today: date = now.astimezone(pacific).date()
    midnight = datetime.combine(today + timedelta(days=1), time(0), tzinfo=pacific)
    return midnight.astimezone(UTC)


def reasons(response: requests.Response) -> tuple[str, ...]:
    """Every reason a Google error body gives, in order (empty for any other body)."""
    try:
        body = response.json()
    except ValueError:
        return ()
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return ()
    found: list[str] = []
    for item in _list(error.get("errors")):
        if isinstance(item, dict) and isinstance(item.get("reason"), str):
            found.append(item["reason"])
    for item in _list(error.get("details")):
        if (
            isinstance(item, dict)
            and str(item.get("@type", "")).endswith("google.rpc.ErrorInfo")
            and isinstance(item.get("reason"), str)
        ):
            found.append(item["reason"])
    return tuple(found)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# --- what the user reads ---------------------------------------------------------------


def quota_message(when: datetime) -> str:
    return fill(
        tx(
            "YouTube",
            "YouTube's daily quota for this API key is used up; what came before is kept, "
            "and the next sync waits until it resets at midnight Pacific time (%1 UTC)",
        ),
        when.astimezone(UTC).strftime("%Y-%m-%d %H:%M"),
    )


def key_invalid_message() -> str:
    return tx(
        "YouTube",
        "YouTube does not accept this API key: make a new one in the Google Cloud console "
        "(YouTube Data API v3 → Credentials → Create credentials → API key) and add the "
        "YouTube account again with it",
    )


def api_not_enabled_message() -> str:
    return tx(
        "YouTube",
        "the YouTube Data API v3 is not enabled in this API key's Google Cloud project: "
        "enable it there (APIs & Services → Library), or add the YouTube account again "
        "with a key from a project where it is",
    )


def key_blocked_message() -> str:
    return tx(
        "YouTube",
        "YouTube refuses this API key: its restrictions do not allow the YouTube Data API "
        "v3 from this computer. Allow it in the Google Cloud console, or add the YouTube "
        "account again with another key",
    )


def nothing_to_read_message(reason: str) -> str:
    if reason == COMMENTS_DISABLED:
        return tx("YouTube", "YouTube says comments are turned off there")
    return tx("YouTube", "YouTube says the video is gone (deleted or made private)")


# --- the client --------------------------------------------------------------------------


class _KeySession(requests.Session):
    """A session that drops the API key header when a redirect leaves the host, as
    requests does for Authorization."""

    def rebuild_auth(
        self, prepared_request: requests.PreparedRequest, response: requests.Response
    ) -> None:
        plain: Any = super()  # requests' stubs leave these two untyped
        plain.rebuild_auth(prepared_request, response)
        old, new = response.request.url, prepared_request.url
        if not old or not new or plain.should_strip_auth(old, new):
            prepared_request.headers.pop(API_KEY_HEADER, None)


class YouTubeHttp(HttpClient):
    """The one HttpClient (its timeouts, retry policy and typed errors), with an API key
    and YouTube's error reasons. `clock` says when "now" is, for the quota's reset."""

    def __init__(
        self,
        api: str,
        api_key: str,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        **kw: Any,
    ) -> None:
        api_key = (api_key or "").strip()
        if not api_key:
            raise ValueError("YouTube needs an API key")
        kw.setdefault("session", _KeySession())
        super().__init__(api, **kw)
        self._api_key = api_key
        self.clock = clock

    def __repr__(self) -> str:  # never show the key
        return f"YouTubeHttp({self.base_url!r})"

    def request(
        self, method: str, path: str, *, headers: dict[str, Any] | None = None, **kw: Any
    ) -> Response:
        return super().request(
            method, path, headers={**(headers or {}), API_KEY_HEADER: self._api_key}, **kw
        )

    def _raise_for_status(self, response: requests.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        said = reasons(response)

        def first(of: frozenset[str]) -> str:
            """The first reason given that is one of these ("" if none is)."""
            return next((r for r in said if r in of), "")

        if code := first(QUOTA_SPENT):
            when = quota_resets_at(self.clock())
            raise RateLimited(quota_message(when), when, status=status, code=code)
        if code := first(SLOW_DOWN):
            when = retry_at(response, self.clock())
            message = fill(
                tx("Network", "%1 asks to slow down until %2 UTC"),
                self.host,
                when.strftime("%H:%M:%S"),
            )
            raise RateLimited(message, when, status=status, code=code)
        if code := first(KEY_INVALID):
            raise NeedsSignIn(key_invalid_message(), status=status, code=code)
        if code := first(API_NOT_ENABLED):
            raise NeedsSignIn(api_not_enabled_message(), status=status, code=code)
        if status == 403 and (code := first(KEY_BLOCKED)):
            raise NeedsSignIn(key_blocked_message(), status=status, code=code)
        if code := first(NOTHING_TO_READ):
            raise Refused(nothing_to_read_message(code), status, code=code)
        super()._raise_for_status(response)


__all__ = [
    "API_KEY_HEADER",
    "NOTHING_TO_READ",
    "YouTubeHttp",
    "quota_resets_at",
    "reasons",
]
