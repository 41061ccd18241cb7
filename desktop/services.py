"""What the desktop app asks of the store, the keyring and the networks, without Qt.

Every method is a unit of work that may block (database, keyring, HTTP): the UI calls them
through its TaskRunner, on a worker thread, never on the GUI thread. Each call opens its own
session, so workers never share one. Results are plain objects, safe to hand across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime

from desktop.store.database import Store


class Services:
    def __init__(self, store: Store, *, secrets_factory: Callable | None = None) -> None:
        self.store = store
        self._secrets_factory = secrets_factory
        self._secrets = None
        self._secrets_lock = threading.Lock()

    # -- keyring (blocking: D-Bus, unlock prompts) --------------------------------------------

    def secrets(self):
        """The session's SecretStore, checked once (raises KeyringUnavailable)."""
        with self._secrets_lock:
            if self._secrets is None:
                if self._secrets_factory is not None:
                    secrets = self._secrets_factory()
                else:
                    from desktop.secrets import SecretStore

                    secrets = SecretStore()
                secrets.check()
                self._secrets = secrets
            return self._secrets

    # -- reading --------------------------------------------------------------------------

    def pending(self, today: date | None = None):
        from desktop.domain.pending import pending

        with self.store.read() as s:
            return pending(s, today=today)

    def candidates(self, limit: int | None = 50, states: tuple[str, ...] = ("new", "saved")):
        from desktop.domain.candidates import ranked_candidates

        with self.store.read() as s:
            return ranked_candidates(s, limit=limit, states=states)

    def people(self, *, search: str | None = None, offset: int = 0, limit: int = 200):
        from desktop.domain.ledger import list_people

        with self.store.read() as s:
            return list_people(s, search=search, offset=offset, limit=limit)

    def person(self, person_id: int):
        from desktop.domain.ledger import person_ledger

        with self.store.read() as s:
            return person_ledger(s, person_id)

    def history(self, person_id: int, limit: int = 200):
        from desktop.domain.history import person_history

        with self.store.read() as s:
            return person_history(s, person_id, limit=limit)

    def accounts(self):
        from desktop.domain.accounts import list_accounts

        with self.store.read() as s:
            return list_accounts(s)

    def settings(self) -> dict:
        from desktop.store.settings import all_settings

        with self.store.read() as s:
            return all_settings(s)

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func, select

        from desktop.store.models import Account, Person

        with self.store.read() as s:
            return {
                "people": s.scalar(
                    select(func.count()).select_from(Person).where(Person.merged_into_id.is_(None))
                )
                or 0,
                "accounts": s.scalar(
                    select(func.count())
                    .select_from(Account)
                    .where(Account.state != "removed", Account.network != "manual")
                )
                or 0,
            }

    # -- writing --------------------------------------------------------------------------

    def set_setting(self, key: str, value) -> None:
        from desktop.store.settings import set_setting

        with self.store.session() as s:
            set_setting(s, key, value)

    def acknowledge(self, person_id: int, action: str, **kw) -> None:
        from desktop.domain.people import acknowledge

        with self.store.session() as s:
            acknowledge(s, person_id, action, **kw)

    def set_candidate_state(self, candidate_id: int, state: str) -> None:
        from desktop.domain.candidates import set_candidate_state

        with self.store.session() as s:
            set_candidate_state(s, candidate_id, state)

    def merge(self, keep_id: int, other_id: int) -> None:
        from desktop.domain.people import merge

        with self.store.session() as s:
            merge(s, keep_id, other_id)

    def save_person_notes(self, person_id: int, notes: str, tags: list[str]) -> None:
        from desktop.domain.people import live_person

        with self.store.session() as s:
            person = live_person(s, person_id)
            person.notes = notes
            person.tags = ",".join(t.strip() for t in tags if t.strip())

    # -- sync -----------------------------------------------------------------------------

    def sync_all(
        self,
        *,
        progress: Callable | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        now: datetime | None = None,
    ):
        """Sync every account in turn; one failing does not stop the others."""
        from desktop.sync.runner import sync_accounts

        return sync_accounts(
            self.store, self.secrets, progress=progress, cancelled=cancelled, now=now
        )
