"""What every command shares: the data dir, the application's Services (opened on first
use), the exit codes, usage errors and JSON output."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.app.services import Services
    from desktop.platform.secrets import SecretStore
    from desktop.store.database import Store

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command was asked something it cannot do as written (exit 2)."""


def emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def checked_secrets() -> SecretStore:
    """The keyring, checked: says what to install or unlock before the user is asked
    anything."""
    from desktop.platform.secrets import SecretStore

    store = SecretStore()
    store.check()
    return store


@dataclass
class Context:
    """What every command needs; the store is opened only when a command asks for it."""

    data_dir: Path
    database_url: str
    log_file: Path | None = None
    _store: Store | None = field(default=None, repr=False)
    _services: Services | None = field(default=None, repr=False)

    def store(self) -> Store:
        if self._store is None:
            from desktop.app.stores import open_store

            self._store = open_store(self.database_url)
        return self._store

    def services(self) -> Services:
        """The same operations the window uses, on this data dir's store."""
        if self._services is None:
            from desktop.app.services import Services
            from desktop.platform.paths import member_name

            self._services = Services(
                self.store, secrets_factory=checked_secrets, member=member_name(self.data_dir)
            )
        return self._services

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
