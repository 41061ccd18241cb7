"""Data exports of closed networks (X, LinkedIn, Instagram, Facebook) and YouTube's Takeout
imported as an account's interactions.

The export is recognised by its files, read by its network's reader, and written like a
sync page (one transaction, known interactions counted, not duplicated), so importing the
same export twice changes nothing. ``preview=True`` reads and summarises without writing:
what the window shows before the user confirms. Replies the export names only by the
comment they answer are credited to that comment's author when the store has it (a
YouTube channel synced through the API): in the preview, and again when writing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.connectors.archives import KINDS, UNDATED, ArchiveRead, read_archive
from desktop.connectors.archives.export_zip import Progress
from desktop.core.errors import InvalidRequest
from desktop.core.events import Direction, InteractionEvent, Kind
from desktop.core.i18n import fill, tx
from desktop.core.length import network_label
from desktop.queries.accounts import upsert_account
from desktop.queries.archive_sources import HISTORY_DAYS, authors_of, settle_history
from desktop.store.database import Store
from desktop.sync.engine import SyncReport, write_page

AUTO = "auto"
__all__ = ["AUTO", "HISTORY_DAYS", "ArchiveImported", "import_archive", "write_archive"]


@dataclass
class ArchiveImported:
    network: str
    account_id: int | None  # None for a preview
    new: int
    known: int
    people: int  # distinct people in the export
    counts: dict[str, dict[str, int]]  # direction -> kind -> interactions
    skipped: dict[str, int]  # why -> how many entries were left out
    missing: list[str]  # what this network's export cannot contain
    first: datetime | None
    last: datetime | None
    warnings: list[str] = field(default_factory=list)
    # What was read, kept by a preview so that Import writes it without reading it again.
    read: ArchiveRead | None = field(default=None, repr=False, compare=False)


def archive_networks() -> list[str]:
    return sorted(KINDS)


def summarise(read: ArchiveRead, account_id: int | None, new: int, known: int) -> ArchiveImported:
    """What an export holds: people, interactions by direction and kind, its time span."""
    counts: dict[str, Counter[str]] = {}
    people: set[tuple[str, str]] = set()
    times = []
    for event in read.page.interactions:
        counts.setdefault(str(event.direction), Counter())[str(event.kind)] += 1
        people.add((event.actor.network, event.actor.stable_id))
        times.append(event.occurred_at)
    return ArchiveImported(
        network=read.network,
        account_id=account_id,
        new=new,
        known=known,
        people=len(people),
        counts={
            direction: dict(sorted(kinds.items())) for direction, kinds in sorted(counts.items())
        },
        skipped=dict(sorted(read.page.skipped.items())),
        missing=read.missing,
        first=min(times, default=None),
        last=max(times, default=None),
        warnings=list(read.page.warnings),
        read=read if account_id is None else None,
    )


def import_archive(
    store: Store,
    network: str | None,
    path: Path,
    *,
    preview: bool = False,
    progress: Progress | None = None,
) -> ArchiveImported:
    """Import the export at ``path`` (of ``network``, or of whichever it is: None/"auto")."""
    if network in (None, AUTO):
        network = None
    elif network not in KINDS:
        raise InvalidRequest(
            fill(
                tx("Archive", "no archive import for %1; known: %2"),
                repr(network),
                ", ".join(archive_networks()),
            )
        )
    read = read_archive(path, network, progress)
    if not preview:
        return write_archive(store, read)
    credit_open_replies(store, read)
    return summarise(read, None, 0, 0)


def credit_open_replies(store: Store, read: ArchiveRead) -> None:
    """My replies that name no addressee, credited to the author of the comment they
    answer when the store has that comment; the others stay counted as skipped."""
    if not read.open_replies:
        return
    with store.read() as s:
        authors = authors_of(s, read.network, (r.answers for r in read.open_replies))
    still = []
    for reply in read.open_replies:
        author = authors.get(reply.answers)
        if author is None:
            still.append(reply)
            continue
        read.page.interactions.append(
            InteractionEvent(
                reply.external_id,
                Kind.REPLY,
                Direction.OUTBOUND,
                author,
                reply.occurred_at,
                reply.post,
            )
        )
        read.page.skipped[reply.reason] -= 1
        if read.page.skipped[reply.reason] <= 0:
            del read.page.skipped[reply.reason]
    read.open_replies = still


def write_archive(store: Store, read: ArchiveRead) -> ArchiveImported:
    """Write an export read before (by a preview): one transaction, known ones counted."""
    credit_open_replies(store, read)  # again: the comments may have been synced since
    with store.session() as s:
        me = read.me
        # One account per network's exports, whoever the export says it is: the same
        # export with and without its profile file must not make two (and twice the
        # interactions). Its handle is data, the same in every language.
        account = upsert_account(
            s,
            read.network,
            KINDS[read.network].server_url,
            f"{network_label(read.network)} archive",
            display_name=me.display_name or me.handle if me else "",
        )
        account_id = account.id
    report = SyncReport(account_id, fill(tx("Archive", "%1 archive"), network_label(read.network)))
    write_page(store, account_id, read.page, report)
    with store.session() as s:
        undated = tuple(k for k in read.page.meta.get(UNDATED, "").split(",") if k)
        settle_history(s, account_id, undated=undated)
    return summarise(read, account_id, report.new, report.known)
