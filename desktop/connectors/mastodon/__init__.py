"""Mastodon: the connector and the names code outside the package uses."""

from desktop.connectors.mastodon.parse import (
    APP_NAME,
    DEFAULT_LIMITS,
    OOB_REDIRECT,
    SCOPES,
    STREAMS,
    AppCredentials,
    CodeNotAccepted,
    LengthRules,
    MastodonConnector,
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
    "LengthRules",
    "MastodonConnector",
    "authorize_url",
    "exchange_code",
    "make_pkce",
    "normalise_instance",
    "register_app",
]
