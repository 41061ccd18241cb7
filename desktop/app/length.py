"""One length rule per network for every composer and every send path.

Bluesky's limit is fixed; a Mastodon server says its own (``/api/v2/instance``), so the
composers ask the same server the post will go to, through the account that would post it.
What a server said is remembered for the session (it changes rarely); a server that cannot
be asked right now leaves the default rule, and the send path asks again before posting.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from desktop.connectors.base import Connector, ConnectorError
from desktop.connectors.mastodon import MastodonConnector
from desktop.core.length import MASTODON_MAX_CHARS, MASTODON_URL_LENGTH, LengthRule, rule_for
from desktop.core.vocabulary import Network

log = logging.getLogger(__name__)

MastodonLimits = tuple[int, int]  # (max characters, characters per URL)
DEFAULT_MASTODON: MastodonLimits = (MASTODON_MAX_CHARS, MASTODON_URL_LENGTH)


def length_rule(connector: Connector, network: str) -> LengthRule | None:
    """The length rule of the account's network; a Mastodon server says its own limits."""
    if network == Network.MASTODON:
        return mastodon_rule(mastodon_limits(connector))
    return rule_for(network)


def mastodon_limits(connector: Connector) -> MastodonLimits:
    if not isinstance(connector, MastodonConnector):
        raise TypeError(f"{connector.network} has no instance limits")
    limits = connector.instance_limits()
    return (limits.max_characters, limits.characters_reserved_per_url)


def mastodon_rule(limits: MastodonLimits) -> LengthRule | None:
    return rule_for(Network.MASTODON, mastodon_max=limits[0], url_length=limits[1])


ASK_AGAIN_AFTER_S = 600.0  # a server that could not be asked is left alone this long


class LimitsCache:
    """What each Mastodon server said of its limits, per server address. A server that could
    not be asked is not asked again for a while: offline, every composer would otherwise
    wait for the HTTP retries before it opens."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._known: dict[str, MastodonLimits] = {}
        self._failed: dict[str, float] = {}  # server -> when asking it last failed
        self._clock = clock
        self._lock = threading.Lock()

    def known(self, server_url: str) -> MastodonLimits | None:
        """What this server said, if it was asked this session (no network)."""
        with self._lock:
            return self._known.get(server_url)

    def mastodon(self, server_url: str, ask: Callable[[], MastodonLimits]) -> MastodonLimits:
        with self._lock:
            known = self._known.get(server_url)
            failed_at = self._failed.get(server_url)
        if known is not None:
            return known
        if failed_at is not None and self._clock() - failed_at < ASK_AGAIN_AFTER_S:
            return DEFAULT_MASTODON
        from desktop.platform.secrets import KeyringUnavailable

        try:
            limits = ask()
        except (ConnectorError, KeyringUnavailable, OSError) as exc:  # the default for now
            log.info("could not ask %s for its limits: %s", server_url, exc)
            with self._lock:
                self._failed[server_url] = self._clock()
            return DEFAULT_MASTODON
        with self._lock:
            self._known[server_url] = limits
        return limits
