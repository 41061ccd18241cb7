"""The part of Services every group of operations shares: the store, the keyring, demo."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.i18n import tx

if TYPE_CHECKING:
    from desktop.app.length import LimitsCache
    from desktop.platform.secrets import SecretStore
    from desktop.store.database import Store


def demo_message() -> str:
    """What a demo store says when asked to post."""
    return tx(
        "Demo",
        "This is demo data: nothing is posted. Connect an account to thank people for real.",
    )


class ServiceBase:
    def __init__(
        self,
        store: Store | Callable[[], Store],
        *,
        secrets_factory: Callable[[], SecretStore] | None = None,
        demo: bool = False,
        member: str = "",
    ) -> None:
        # A Store, or a function that opens one: then the first call to need it opens it.
        self._opener: Callable[[], Store] | None = store if callable(store) else None
        self._store: Store | None = None if callable(store) else store
        if self._store is not None and member:
            self._store.member = member
        self._store_lock = threading.Lock()
        self.demo = demo  # the demo store: made-up people, so nothing is ever posted
        self.member = member  # this computer's team member: who acknowledged, on a shared store
        self._secrets_factory = secrets_factory
        self._secrets: SecretStore | None = None
        self._secrets_lock = threading.Lock()
        self._limits_cache: LimitsCache | None = None  # made on first use (imports HTTP)

    @property
    def store(self) -> Store:
        store = self._store
        if store is None:
            with self._store_lock:  # two workers asking at once open it once
                if self._store is None:
                    assert self._opener is not None
                    self._store = self._opener()
                    if self.member:
                        self._store.member = self.member
                store = self._store
        return store

    def close(self) -> None:
        """Close the store if this opened it (a store handed in is its owner's to close)."""
        if self._opener is not None and self._store is not None:
            self._store.close()
            self._store = None

    def _not_in_demo(self) -> None:
        if self.demo:
            from desktop.core.errors import InvalidRequest

            raise InvalidRequest(demo_message())

    @property
    def _limits(self) -> LimitsCache:
        """What Mastodon servers said of their length limits, this session."""
        with self._secrets_lock:
            if self._limits_cache is None:
                from desktop.app.length import LimitsCache

                self._limits_cache = LimitsCache()
            return self._limits_cache

    # -- keyring (blocking: D-Bus, unlock prompts) --------------------------------------------

    def secrets(self) -> SecretStore:
        """The session's SecretStore, checked once (raises KeyringUnavailable)."""
        with self._secrets_lock:
            if self._secrets is None:
                if self._secrets_factory is not None:
                    secrets = self._secrets_factory()
                else:
                    from desktop.platform.secrets import SecretStore

                    secrets = SecretStore()
                secrets.check()
                self._secrets = secrets
            return self._secrets
