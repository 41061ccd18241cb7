"""Archives from closed networks (today: X) imported as an account's interactions.

The archive is read by its connector and written like a sync page (one transaction, known
interactions counted, not duplicated), so importing the same archive twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import InvalidRequest
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import Network
from desktop.queries.accounts import upsert_account
from desktop.store.database import Store
from desktop.sync.engine import SyncReport, write_page

ARCHIVE_NETWORKS = (Network.X,)


@dataclass
class ArchiveImported:
    account_id: int
    new: int
    known: int
    warnings: list[str] = field(default_factory=list)


def import_archive(store: Store, network: str, path: Path) -> ArchiveImported:
    if network != Network.X:
        raise InvalidRequest(
            fill(
                tx("Archive", "no archive import for %1; known: %2"),
                repr(network),
                ", ".join(ARCHIVE_NETWORKS),
            )
        )
    from desktop.connectors.x_archive import read_x_archive

    me, page = read_x_archive(path)
    with store.session() as s:
        account = upsert_account(
            s,
            Network.X,
            "https://x.com",
            me.handle if me else "X archive",
            display_name=me.display_name if me else "",
        )
        account_id = account.id
    report = SyncReport(account_id, "X archive")
    write_page(store, account_id, page, report)
    return ArchiveImported(account_id, report.new, report.known, list(report.warnings))
