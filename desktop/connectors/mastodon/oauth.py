"""Mastodon sign-in: the instance address a person typed, app registration, PKCE, the
authorize URL and the code-for-token exchange (out-of-band redirect)."""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
import secrets
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from desktop.connectors.base import (
    NeedsSignIn,
    Refused,
)
from desktop.connectors.fields import id_or_text
from desktop.connectors.http import HttpClient
from desktop.core.i18n import fill, tx

SCOPES = (
    "read:notifications read:statuses read:favourites read:accounts write:statuses write:favourites"
)


APP_NAME = "Reciprocity"


APP_WEBSITE = ""  # no public homepage yet; Mastodon shows it on the "authorized apps" page


OOB_REDIRECT = "urn:ietf:wg:oauth:2.0:oob"


_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


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
        raise ValueError(
            tx("Sign-in", "Enter the address of your Mastodon server, like example.social.")
        )
    scheme = "https"
    match = re.match(r"^([a-z][a-z0-9+.-]*)://", raw, re.I)
    if match:
        scheme = match.group(1).lower()
        if scheme not in ("http", "https"):
            raise ValueError(
                fill(tx("Sign-in", "%1 is not a web address (use https://…)."), repr(text.strip()))
            )
        raw = raw[match.end() :]
    elif "@" in raw:
        # A handle: @me@example.social or me@example.social.
        parts = raw.removeprefix("@").split("@")
        if len(parts) != 2 or not all(parts):
            raise ValueError(
                fill(
                    tx(
                        "Sign-in", "%1 is not a Mastodon handle: write it like @you@example.social."
                    ),
                    repr(text.strip()),
                )
            )
        raw = parts[1]
    netloc = re.split(r"[/?#]", raw, maxsplit=1)[0]
    if not netloc or "@" in netloc or any(c.isspace() for c in netloc):
        raise ValueError(_not_a_server(text))
    try:
        split = urlsplit(f"{scheme}://{netloc}")
        hostname = split.hostname or ""
        port = split.port
    except ValueError:
        raise ValueError(_not_a_server(text)) from None
    host = _valid_host(hostname)
    if host is None:
        raise ValueError(_not_a_server(text))
    return f"{scheme}://{host}" + (f":{port}" if port else "")


def _not_a_server(text: str) -> str:
    return fill(
        tx(
            "Sign-in",
            "%1 does not look like the address of a Mastodon server "
            "(it should look like example.social).",
        ),
        repr(text.strip()),
    )


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
            fill(tx("Sign-in", "%1 no longer knows this app: start signing in again"), client.host)
        ) from None
    except Refused as exc:
        if exc.status == 400:  # invalid_grant: wrong, expired or already used
            raise CodeNotAccepted(
                tx(
                    "Sign-in",
                    "the code was not accepted: paste it again, or start signing in again "
                    "if it keeps failing",
                ),
                exc.status,
            ) from None
        raise
    return id_or_text(response.data, "access_token", f"{client.host}/oauth/token", required=True)
