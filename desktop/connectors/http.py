"""The one HTTP layer every connector uses, on requests.

- User-Agent `Reciprocity/<version>`; a connect and a read timeout on every request.
- The one retry policy (connectors add none of their own): a GET or HEAD is retried with
  backoff, `retries` times at most, on connection errors, read errors and
  500/502/503/504. A POST is never retried once it may have reached the server: XRPC
  procedures and Mastodon posts are not idempotent (XRPC queries are GETs, so they are
  retried). A failed connect, where nothing was sent, is retried for every method.
  `read_retries` may ask fewer retries of a request that got no answer in time (feeds: none,
  so a hanging feed ends within its own timeout).
- 429 becomes RateLimited with the time to retry: Retry-After (seconds or a date),
  X-RateLimit-Reset (Mastodon: an ISO date) or RateLimit-Reset (Bluesky: epoch seconds).
- Errors become the typed connector errors, carrying the HTTP status and the body's error
  code; messages name the host, never a token. Only the method, host and path are logged:
  no query strings, no headers.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

import desktop
from desktop.connectors.base import (
    BadResponse,
    ConnectorError,
    NeedsSignIn,
    RateLimited,
    Refused,
    Unreachable,
)
from desktop.connectors.json_body import response_json
from desktop.connectors.parse import utc_datetime
from desktop.core.i18n import fill, tx

log = logging.getLogger(__name__)

USER_AGENT = f"Reciprocity/{desktop.__version__}"
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
DEFAULT_RATE_LIMIT_WAIT = timedelta(minutes=5)  # a 429 that says nothing about when
MAX_ERROR_TEXT = 300


def _now() -> datetime:
    return datetime.now(UTC)


def retry_at(response: requests.Response, now: datetime | None = None) -> datetime:
    """When a rate-limited request may be tried again, from whichever header the server sent."""
    now = now or _now()
    headers = response.headers
    value = headers.get("Retry-After")
    if value:
        value = value.strip()
        if value.isdigit():
            return now + timedelta(seconds=int(value))
        try:
            when = parsedate_to_datetime(value)
            return when if when.tzinfo else when.replace(tzinfo=UTC)
        except (TypeError, ValueError):
            pass
    value = headers.get("X-RateLimit-Reset") or headers.get("RateLimit-Reset")
    if value:
        value = value.strip()
        try:
            if value.replace(".", "", 1).isdigit():
                number = float(value)
                # Epoch seconds (Bluesky), or a delta in seconds (draft RateLimit headers).
                if number > 10**9:
                    return datetime.fromtimestamp(number, UTC)
                return now + timedelta(seconds=number)
            return utc_datetime(value, "X-RateLimit-Reset")
        except (BadResponse, ValueError, OverflowError):
            pass
    return now + DEFAULT_RATE_LIMIT_WAIT


def _error_body(response: requests.Response) -> tuple[str, str]:
    """(message, code) from an error body: the text a server put there (OAuth
    `error_description`, XRPC `message`, Mastodon `error`) and its `error` field, which is
    a machine code for XRPC ("ExpiredToken") and OAuth ("invalid_grant"). Google APIs nest
    both: ``{"error": {"message": ..., "errors": [{"reason": "quotaExceeded"}]}}``."""
    try:
        body = response.json()
    except ValueError:
        return "", ""
    if not isinstance(body, dict):
        return "", ""
    if isinstance(body.get("error"), dict):
        return _google_error_body(body["error"])
    message = ""
    for key in ("error_description", "message", "error"):
        value = body.get(key)
        if isinstance(value, str) and value.strip():
            message = value.strip()[:MAX_ERROR_TEXT]
            break
    code = body.get("error")
    return message, code.strip()[:MAX_ERROR_TEXT] if isinstance(code, str) else ""


def _google_error_body(error: dict[str, Any]) -> tuple[str, str]:
    """(message, code) of a Google API error: its message and the first reason it gives
    (``errors[].reason``, else its ``status`` such as "PERMISSION_DENIED")."""
    message = error.get("message")
    code: Any = ""
    for item in error.get("errors") or ():
        if isinstance(item, dict) and isinstance(item.get("reason"), str):
            code = item["reason"]
            break
    code = code or error.get("status")
    return (
        message.strip()[:MAX_ERROR_TEXT] if isinstance(message, str) else "",
        code.strip()[:MAX_ERROR_TEXT] if isinstance(code, str) else "",
    )


def _causes(exc: BaseException | None) -> Iterator[BaseException]:
    """exc, the exceptions it wraps (requests -> urllib3 MaxRetryError.reason) and their
    causes, so a failure is classified by the types underneath, not by message text."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        if isinstance(exc, urllib3.exceptions.MaxRetryError) and exc.reason is not None:
            exc = exc.reason
        elif isinstance(exc, requests.exceptions.RequestException) and exc.args:
            inner = exc.args[0]
            exc = inner if isinstance(inner, BaseException) else exc.__cause__
        else:
            exc = exc.__cause__ or exc.__context__


_NAME_RESOLUTION: tuple[type[BaseException], ...] = (socket.gaierror,) + (
    (urllib3.exceptions.NameResolutionError,)
    if hasattr(urllib3.exceptions, "NameResolutionError")  # urllib3 >= 2
    else ()
)


def _connection_problem(exc: requests.exceptions.ConnectionError) -> tuple[str, bool]:
    """(why the connection failed, whether it was a timeout)."""
    chain = list(_causes(exc))
    if any(isinstance(e, urllib3.exceptions.ReadTimeoutError | TimeoutError) for e in chain):
        return "", True
    if any(isinstance(e, _NAME_RESOLUTION) for e in chain):
        return tx("Network", "the name could not be resolved"), False
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return tx("Network", "the connection was refused"), False
    if any(isinstance(e, ConnectionResetError | urllib3.exceptions.ProtocolError) for e in chain):
        return tx("Network", "the connection was cut off"), False
    return tx("Network", "the connection failed"), False


@dataclass
class Response:
    status: int
    data: Any
    headers: requests.structures.CaseInsensitiveDict[str]
    links: dict[str, Any]  # parsed Link header: {"next": {"url": ...}, "prev": {...}}
    url: str
    content: bytes = b""  # the raw body, for callers that parse it themselves (feeds)


class HttpClient:
    """A requests session for one server: base URL, auth header, timeouts and retries."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        retries: int = 3,
        read_retries: int | None = None,
        backoff: float = 0.5,
        pool_size: int = 10,
        pool_block: bool = False,
    ) -> None:
        """`read_retries` (default: `retries`) counts the retries of a request that reached
        the server and got no answer in time; `pool_size` connections are kept open for
        reuse (keep-alive), and with `pool_block` never more than that many at once."""
        self.base_url = base_url.rstrip("/") + "/"
        self.host = urlsplit(self.base_url).netloc or self.base_url
        self.timeout = timeout
        self.token = token
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.retries = retries
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries if read_retries is None else read_retries,
            status=retries,
            backoff_factor=backoff,
            status_forcelist=(500, 502, 503, 504),
            allowed_methods=frozenset({"GET", "HEAD"}),
            respect_retry_after_header=False,  # 429 is ours to handle, not a silent sleep
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=pool_size, pool_block=pool_block)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else urljoin(self.base_url, path)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        data: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        auth: bool = True,
        expect_json: bool = True,
    ) -> Response:
        url = self.url(path)
        sent = dict(headers or {})
        if auth and self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        where = urlsplit(url)
        log.debug("%s %s%s", method, where.netloc, where.path)
        try:
            response = self.session.request(
                method,
                url,
                params=params,
                json=json_body,
                data=data,
                headers=sent,
                timeout=self.timeout,
                allow_redirects=True,
            )
        except requests.exceptions.Timeout:  # ConnectTimeout and ReadTimeout
            raise Unreachable(self._no_answer()) from None
        except requests.exceptions.SSLError:
            raise Unreachable(
                fill(tx("Network", "could not make a secure connection to %1"), self.host)
            ) from None
        except requests.exceptions.ConnectionError as exc:
            reason, timed_out = _connection_problem(exc)
            if timed_out:
                raise Unreachable(self._no_answer()) from None
            raise Unreachable(self._cannot_reach(reason)) from None
        except requests.exceptions.RetryError:  # only with raise_on_status, kept for safety
            raise Unreachable(
                self._cannot_reach(tx("Network", "it kept answering with server errors"))
            ) from None
        except requests.exceptions.RequestException as exc:
            raise Unreachable(self._cannot_reach(type(exc).__name__)) from None
        self._raise_for_status(response)
        payload: Any = None
        if expect_json and response.status_code != 204 and response.content:
            try:
                payload = response_json(response)
            except ValueError:
                start = response.text[:60].replace("\n", " ")
                raise BadResponse(
                    fill(
                        tx(
                            "Network",
                            "%1 answered %2 with something that is not JSON (starts with %3)",
                        ),
                        self.host,
                        where.path,
                        repr(start),
                    )
                ) from None
        return Response(
            response.status_code,
            payload,
            response.headers,
            response.links,
            url,
            content=response.content,
        )

    def _no_answer(self) -> str:
        return fill(tx("Network", "%1 did not answer in time"), self.host)

    def _cannot_reach(self, reason: str) -> str:
        return fill(tx("Network", "cannot reach %1: %2"), self.host, reason)

    def _raise_for_status(self, response: requests.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        message, code = _error_body(response)
        # What the server said follows the sentence, as it said it (": expired token").
        detail = f": {message}" if message else ""
        if status == 401:
            said = fill(tx("Network", "%1 no longer accepts the sign-in"), self.host)
            raise NeedsSignIn(said + detail, status=status, code=code)
        if status == 429:
            when = retry_at(response)
            raise RateLimited(
                fill(
                    tx("Network", "%1 asks to slow down until %2 UTC"),
                    self.host,
                    when.strftime("%H:%M:%S"),
                ),
                when,
                code=code,
            )
        if status < 500:
            said = fill(tx("Network", "%1 refused the request (%2)"), self.host, status)
            raise Refused(said + detail, status, code=code)
        said = fill(tx("Network", "%1 had a server error (%2)"), self.host, status)
        raise ConnectorError(said + detail, status=status, code=code)

    def close(self) -> None:
        """Close the kept-alive connections."""
        self.session.close()

    def get(self, path: str, **kw: Any) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> Response:
        return self.request("POST", path, **kw)


__all__ = ["ConnectorError", "HttpClient", "Response", "retry_at"]
