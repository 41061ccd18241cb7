"""Canonical forms for web URLs, so the same article shared twice is recognised as one.

Canonicalisation is deliberately conservative: it only removes things that never change
which page is served (userinfo, default ports, fragments, tracking parameters) and
leaves the path and the remaining query byte-for-byte as given, because servers are
free to treat case, trailing slashes and percent-encoding in them as significant.
"""

from __future__ import annotations

from urllib.parse import SplitResult, unquote_plus, urlsplit

from desktop.core.i18n import fill, tx

__all__ = [
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "YOUTUBE_HOSTS",
    "YOUTUBE_TRACKING_PARAMS",
    "InvalidURL",
    "canonical_url",
    "is_http_url",
]

TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)
"""Query parameter name prefixes that are always tracking (Google Analytics campaign tags)."""

TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        # Ad-click identifiers: Meta, Google Ads/DoubleClick, Microsoft, Yandex, X, TikTok,
        # LinkedIn.
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        # Mailchimp newsletters.
        "mc_eid",
        "mc_cid",
        # Instagram shares.
        "igshid",
        "igsh",
        # Referrer echoes (but plain ``ref`` is often a real parameter, e.g. git refs).
        "ref_src",
        "ref_url",
        # HubSpot.
        "_hsenc",
        "_hsmi",
        "__hssc",
        "__hstc",
        "__hsfp",
        "hsctatracking",
        # Marketo, Omeda, Vero, Wicked Reports, Adobe Analytics.
        "mkt_tok",
        "oly_enc_id",
        "oly_anon_id",
        "vero_id",
        "vero_conv",
        "wickedid",
        "s_cid",
        # Google Analytics cross-domain linker.
        "_ga",
        "_gl",
        # Alibaba, generic campaign ids, AT Internet, Microsoft/MSN, social-share tags.
        "spm",
        "cmpid",
        "at_medium",
        "at_campaign",
        "ocid",
        "soc_src",
        "soc_trk",
    }
)
"""Lower-case query parameter names that only track the visitor and never select content.

Matching is case-insensitive on the percent-decoded name. Names such as ``ref``, ``id``,
``v``, ``p``, ``page`` and ``q`` are intentionally absent: they routinely select content
(YouTube's ``v`` is the video id).
"""

YOUTUBE_HOSTS: frozenset[str] = frozenset(
    {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be"}
)
"""Hosts on which :data:`YOUTUBE_TRACKING_PARAMS` are also stripped."""

YOUTUBE_TRACKING_PARAMS: frozenset[str] = frozenset({"si"})
"""YouTube's share-tracking ``si``; elsewhere ``si`` can be meaningful, so it is host-scoped."""

_DEFAULT_PORTS: dict[str, int] = {"http": 80, "https": 443}
_MAX_SHOWN = 200


class InvalidURL(ValueError):
    """Raised when a string is not an absolute http(s) URL with a host."""


def canonical_url(url: str) -> str:
    """Return the canonical form of an http(s) URL, or raise :class:`InvalidURL`.

    >>> canonical_url("HTTPS://User:pw@Example.COM:443/A/?utm_source=x&id=7#top")
    'https://example.com/A/?id=7'
    """
    stripped = url.strip()
    parts = _split(stripped)
    host = _host(parts, stripped)
    netloc = _netloc(parts, host, stripped)
    path = parts.path or "/"
    query = _strip_tracking(parts.query, host)
    built = f"{parts.scheme}://{netloc}{path}" + (f"?{query}" if query else "")
    # Dropping the fragment or a final parameter can expose whitespace that used to sit
    # mid-string ("/a #x"); trim it so the result is a fixed point of canonical_url.
    return built.rstrip()


def is_http_url(text: str) -> bool:
    """Whether ``text`` (surrounding whitespace ignored) is a usable http(s) URL."""
    try:
        canonical_url(text)
    except InvalidURL:
        return False
    return True


def _shown(url: str) -> str:
    # Keep error messages readable when someone pastes a whole document.
    return repr(url if len(url) <= _MAX_SHOWN else url[:_MAX_SHOWN] + "…")


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url)  # also lower-cases the scheme
    except ValueError as exc:  # e.g. an unbalanced IPv6 bracket
        raise InvalidURL(fill(tx("Errors", "Malformed URL %1: %2"), _shown(url), exc)) from exc
    if parts.scheme not in _DEFAULT_PORTS:
        raise InvalidURL(fill(tx("Errors", "Not an http(s) URL: %1"), _shown(url)))
    return parts


def _host(parts: SplitResult, url: str) -> str:
    host = parts.hostname  # lower-cased, userinfo removed, IPv6 brackets removed
    if not host:
        raise InvalidURL(fill(tx("Errors", "URL has no host: %1"), _shown(url)))
    if any(ch.isspace() for ch in host):
        raise InvalidURL(fill(tx("Errors", "URL host contains whitespace: %1"), _shown(url)))
    return host


def _netloc(parts: SplitResult, host: str, url: str) -> str:
    try:
        port = parts.port
    except ValueError as exc:  # non-numeric or out of range
        raise InvalidURL(fill(tx("Errors", "URL has an invalid port: %1"), _shown(url))) from exc
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[parts.scheme]:
        return host
    return f"{host}:{port}"


def _strip_tracking(query: str, host: str) -> str:
    # Split by hand rather than parse_qsl so kept pairs retain their exact encoding,
    # order and blank values.
    extra = YOUTUBE_TRACKING_PARAMS if host in YOUTUBE_HOSTS else frozenset()
    kept = [p for p in query.split("&") if p.strip() and not _is_tracking(p, extra)]
    return "&".join(kept)


def _is_tracking(pair: str, extra: frozenset[str]) -> bool:
    # Stripped so "fbclid " is caught too (and canonical_url's final rstrip is harmless).
    name = unquote_plus(pair.partition("=")[0]).strip().lower()
    return name.startswith(TRACKING_PREFIXES) or name in TRACKING_PARAMS or name in extra
