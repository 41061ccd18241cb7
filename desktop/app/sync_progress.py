"""How far a sync is, in words, for the status bar and the CLI's stderr: "Syncing 137 of
312 feeds…". The counts come from the runner (desktop.sync.runner.SyncCounts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.i18n import PLURAL, fill, tx

if TYPE_CHECKING:
    from desktop.sync.runner import SyncCounts


def syncing(counts: SyncCounts) -> str:
    """Sources done of how many: feeds, other accounts, or both together."""
    done, total = counts.done, counts.total
    if not total:
        return tx("Sync progress", "Syncing…")
    if not counts.accounts:
        if total == 1:
            return fill(tx("Sync progress", "Syncing %1 of 1 feed…"), done)
        return fill(tx("Sync progress", "Syncing %1 of %n feeds…", None, PLURAL, total), done)
    if not counts.feeds:
        if total == 1:
            return fill(tx("Sync progress", "Syncing %1 of 1 account…"), done)
        return fill(tx("Sync progress", "Syncing %1 of %n accounts…", None, PLURAL, total), done)
    said = tx("Sync progress", "Syncing %1 of %n feeds and accounts…", None, PLURAL, total)
    return fill(said, done)
