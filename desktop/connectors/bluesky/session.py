"""Bluesky sessions: sign-in with an app password, refresh, and the one XRPC call helper.
A typed error from a call carries the XRPC error name (``ExpiredToken``...) as its `code`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.connectors.base import (
    NeedsSignIn,
    Refused,
)
from desktop.connectors.fields import (
    expect_object,
    text_field,
)
from desktop.connectors.http import HttpClient, Response
from desktop.core.i18n import fill, tx

DEFAULT_SERVICE = "https://bsky.social"


# XRPC error names (the body's "error") that mean the tokens are no good any more.
SESSION_ERRORS = frozenset(
    {"ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing", "AccountTakedown"}
)


@dataclass
class BlueskySession:
    did: str
    handle: str
    access_jwt: str = field(repr=False)
    refresh_jwt: str = field(repr=False)
    service: str = DEFAULT_SERVICE


def _service_url(service_url: str) -> str:
    url = (service_url or DEFAULT_SERVICE).strip().rstrip("/")
    if "://" not in url:
        url = f"https://{url}"
    return url


def _xrpc(
    client: HttpClient,
    method: str,
    nsid: str,
    *,
    bearer: str | None = None,
    params: dict[str, Any] | None = None,
    body: Any = None,
) -> Response:
    """One XRPC call: queries are GETs (retried by the HttpClient), procedures POSTs (never
    retried). A typed error it raises carries the body's error name (e.g. "ExpiredToken")
    as `code`."""
    return client.request(
        method,
        f"xrpc/{nsid}",
        params=params,
        json_body=body,
        headers={"Authorization": f"Bearer {bearer}"} if bearer else None,
        auth=False,
    )


def xrpc_error(exc: BaseException) -> str:
    """The XRPC error name behind a NeedsSignIn / Refused raised by a call, or ""."""
    return getattr(exc, "code", "")


def _session_from(data: Any, service: str, where: str) -> BlueskySession:
    body = expect_object(data, where)
    return BlueskySession(
        did=text_field(body, "did", where),
        handle=text_field(body, "handle", where),
        access_jwt=text_field(body, "accessJwt", where),
        refresh_jwt=text_field(body, "refreshJwt", where),
        service=service,
    )


def create_session(
    service_url: str, identifier: str, app_password: str, http: HttpClient | None = None
) -> BlueskySession:
    """Sign in with a handle (or email / DID) and an app password."""
    service = _service_url(service_url)
    client = http or HttpClient(service)
    body = {"identifier": identifier.strip().lstrip("@"), "password": app_password}
    try:
        response = _xrpc(client, "POST", "com.atproto.server.createSession", body=body)
    except (NeedsSignIn, Refused) as exc:
        code = xrpc_error(exc)
        if code == "AuthFactorTokenRequired":
            raise NeedsSignIn(
                tx(
                    "Sign-in",
                    "this Bluesky account asks for a sign-in code sent by email (two-factor "
                    "sign-in): create an app password in Bluesky's settings (Privacy and "
                    "security > App passwords) and sign in with it instead of the account "
                    "password",
                )
            ) from None
        if code == "AccountTakedown":
            raise Refused(
                tx("Sign-in", "Bluesky says this account has been taken down or suspended"),
                exc.status,
            ) from None
        if isinstance(exc, NeedsSignIn) or code in SESSION_ERRORS:
            raise NeedsSignIn(
                fill(
                    tx(
                        "Sign-in",
                        "%1: handle or app password not accepted; check both and try again",
                    ),
                    client.host,
                )
            ) from None
        raise
    return _session_from(response.data, service, "com.atproto.server.createSession")


def refresh_session(session: BlueskySession, http: HttpClient | None = None) -> BlueskySession:
    """A new session (new access and refresh tokens) from the session's refresh token."""
    client = http or HttpClient(session.service)
    try:
        response = _xrpc(
            client, "POST", "com.atproto.server.refreshSession", bearer=session.refresh_jwt
        )
    except (NeedsSignIn, Refused) as exc:
        if isinstance(exc, NeedsSignIn) or xrpc_error(exc) in SESSION_ERRORS:
            raise NeedsSignIn(
                fill(
                    tx("Sign-in", "Bluesky ended the session of @%1: sign in again"), session.handle
                )
            ) from None
        raise
    return _session_from(response.data, session.service, "com.atproto.server.refreshSession")
