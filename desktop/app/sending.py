"""Services that reach the networks: sync, and the outbox (thank-yous, group thank-yous,
shares). Nothing is posted unless the user clicked that very draft; never in the demo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from desktop.app.base import ServiceBase

if TYPE_CHECKING:
    from desktop.app.outbox.share import ShareResult
    from desktop.app.outbox.thank import SendResult
    from desktop.sync.engine import Progress, SyncReport
    from desktop.sync.runner import Counts


class Sending(ServiceBase):
    @staticmethod
    def posts_on(network: str) -> bool:
        """Whether a thank-you on ``network`` is posted (else it is copied, and their post
        or profile opened, for the user to paste)."""
        from desktop.app.outbox.thank import WRITABLE

        return network in WRITABLE

    def send_thanks(
        self,
        person_id: int,
        *,
        text: str | None = None,
        how: str = "reply",
        today: date | None = None,
    ) -> SendResult:
        self._not_in_demo()
        from desktop.app.outbox.thank import send_thanks

        return send_thanks(self.store, self.secrets, person_id, text=text, how=how, today=today)

    def send_group_thanks(
        self,
        person_ids: list[int],
        post_url: str,
        *,
        texts: list[str] | None = None,
        today: date | None = None,
    ) -> list[SendResult]:
        self._not_in_demo()
        from desktop.app.outbox.group_thank import send_group_thanks

        return send_group_thanks(
            self.store, self.secrets, person_ids, post_url, texts=texts, today=today
        )

    def post_share(self, candidate_id: int, *, text: str, network: str) -> ShareResult:
        """Post the share through my account on that network, then mark it shared (only
        after the network accepted it; a failure raises and changes nothing)."""
        self._not_in_demo()
        from desktop.app.outbox.share import post_share

        return post_share(self.store, self.secrets, candidate_id, text=text, network=network)

    # -- sync -----------------------------------------------------------------------------

    def syncable(self, account_id: int | None = None) -> list[int]:
        """The ids of the accounts a sync covers (all, or just this one if it syncs)."""
        from desktop.sync.runner import syncable_accounts

        return [ref.id for ref, _feeds, _waiting in syncable_accounts(self.store, account_id)]

    def sync_all(
        self,
        *,
        account_id: int | None = None,
        progress: Progress | None = None,
        announce: Callable[[str], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        now: datetime | None = None,
        counts: Counts | None = None,
    ) -> list[SyncReport]:
        """Sync every account (or one), all at once; one failing does not stop the others.
        `counts` hears how many sources are done of how many (from the sync's threads)."""
        from desktop.store.search_index import catch_up
        from desktop.sync.runner import sync_accounts

        reports = sync_accounts(
            self.store,
            self.secrets,
            account_id=account_id,
            progress=progress,
            announce=announce,
            cancelled=cancelled,
            now=now,
            counts=counts,
        )
        catch_up(self.store, cancelled=cancelled)  # what was synced, searchable
        return reports
