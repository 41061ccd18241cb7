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

from desktop.connectors.mastodon.connector import STREAMS, MastodonConnector
from desktop.connectors.mastodon.instance import DEFAULT_LIMITS, InstanceLimits
from desktop.connectors.mastodon.oauth import (
    APP_NAME,
    OOB_REDIRECT,
    SCOPES,
    AppCredentials,
    CodeNotAccepted,
    authorize_url,
    exchange_code,
    make_pkce,
    normalise_instance,
    register_app,
)

__all__ = [
    "APP_NAME",
    "DEFAULT_LIMITS",
    "OOB_REDIRECT",
    "SCOPES",
    "STREAMS",
    "AppCredentials",
    "CodeNotAccepted",
    "InstanceLimits",
    "MastodonConnector",
    "authorize_url",
    "exchange_code",
    "make_pkce",
    "normalise_instance",
    "register_app",
]
