"""The one HTTP layer every connector uses, on requests.

- User-Agent `Reciprocity/<version>`; a connect and a read timeout on every request.
- Idempotent GETs are retried with backoff on connection errors and 500/502/503/504.
- 429 becomes RateLimited with the time to retry: Retry-After (seconds or a date),
  X-RateLimit-Reset (Mastodon: an ISO date) or RateLimit-Reset (Bluesky: epoch seconds).
- Errors become the typed connector errors; messages name the host, never a token. Only
  the method, host and path are logged: no query strings, no headers.
"""

from __future__ import annotations

import logging
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
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return when if when.tzinfo else when.replace(tzinfo=UTC)
        except (ValueError, OverflowError):
            pass
    return now + DEFAULT_RATE_LIMIT_WAIT


def _server_message(response: requests.Response) -> str:
    """The error text a server put in its body (Mastodon `error`, XRPC `message`)."""
    try:
        body = response.json()
    except ValueError:
        return ""
    if isinstance(body, dict):
        for key in ("error_description", "message", "error"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:MAX_ERROR_TEXT]
    return ""


@dataclass
class Response:
    status: int
    data: Any
    headers: requests.structures.CaseInsensitiveDict
    links: dict  # parsed Link header: {"next": {"url": ...}, "prev": {...}}
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
        backoff: float = 0.5,
    ) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.host = urlsplit(self.base_url).netloc or self.base_url
        self.timeout = timeout
        self.token = token
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            backoff_factor=backoff,
            status_forcelist=(500, 502, 503, 504),
            allowed_methods=frozenset({"GET", "HEAD"}),
            respect_retry_after_header=False,  # 429 is ours to handle, not a silent sleep
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else urljoin(self.base_url, path)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict | None = None,
        json_body: Any = None,
        data: dict | None = None,
        headers: dict | None = None,
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
        except requests.exceptions.Timeout:
            raise Unreachable(f"{self.host} did not answer in time") from None
        except requests.exceptions.SSLError:
            raise Unreachable(f"could not make a secure connection to {self.host}") from None
        except requests.exceptions.ConnectionError as exc:
            reason = "the connection failed"
            text = str(exc)
            cause = getattr(exc.args[0], "reason", None) if exc.args else None
            if isinstance(cause, urllib3.exceptions.ReadTimeoutError):
                raise Unreachable(f"{self.host} did not answer in time") from None
            if "Name or service not known" in text or "NameResolutionError" in text:
                reason = "the name could not be resolved"
            elif "Connection refused" in text:
                reason = "the connection was refused"
            elif "Max retries exceeded" in text and "ResponseError" in text:
                reason = "it kept answering with server errors"
            raise Unreachable(f"cannot reach {self.host}: {reason}") from None
        except requests.exceptions.RequestException as exc:
            raise Unreachable(f"cannot reach {self.host}: {type(exc).__name__}") from None
        self._raise_for_status(response)
        payload: Any = None
        if expect_json and response.status_code != 204 and response.content:
            try:
                payload = response.json()
            except ValueError:
                start = response.text[:60].replace("\n", " ")
                raise BadResponse(
                    f"{self.host} answered {where.path} with something that is not JSON "
                    f"(starts with {start!r})"
                ) from None
        return Response(
            response.status_code,
            payload,
            response.headers,
            response.links,
            url,
            content=response.content,
        )

    def _raise_for_status(self, response: requests.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        message = _server_message(response)
        detail = f": {message}" if message else ""
        if status == 401:
            raise NeedsSignIn(f"{self.host} no longer accepts the sign-in{detail}")
        if status == 429:
            when = retry_at(response)
            raise RateLimited(
                f"{self.host} asks to slow down until {when.strftime('%H:%M:%S')} UTC", when
            )
        if status in (403, 404, 409, 410, 413, 422) or 400 <= status < 500:
            raise Refused(f"{self.host} refused the request ({status}){detail}", status)
        raise ConnectorError(f"{self.host} had a server error ({status}){detail}")

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw) -> Response:
        return self.request("POST", path, **kw)


def require(data: Any, *keys: str, where: str) -> Any:
    """data[k1][k2]..., or BadResponse saying which field was missing and where."""
    current = data
    for key in keys:
        if not isinstance(current, dict) or key not in current:
            raise BadResponse(f"{where}: the field {'.'.join(keys)!r} is missing")
        current = current[key]
    return current


def expect_list(data: Any, where: str) -> list:
    if not isinstance(data, list):
        raise BadResponse(f"{where}: expected a list, got {type(data).__name__}")
    return data


__all__ = ["ConnectorError", "HttpClient", "Response", "expect_list", "require", "retry_at"]
