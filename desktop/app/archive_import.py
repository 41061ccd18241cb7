"""Data exports of closed networks (X, LinkedIn, Instagram, Facebook) imported as an
account's interactions.

The export is recognised by its files, read by its network's reader, and written like a
sync page (one transaction, known interactions counted, not duplicated), so importing the
same export twice changes nothing. ``preview=True`` reads and summarises without writing:
what the window shows before the user confirms.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from desktop.connectors.archives import KINDS, UNDATED, ArchiveRead, read_archive
from desktop.connectors.archives.export_zip import Progress
from desktop.core.errors import InvalidRequest
from desktop.core.events import Direction
from desktop.core.i18n import fill, tx
from desktop.core.length import network_label
from desktop.core.vocabulary import AckAction
from desktop.queries.accounts import upsert_account
from desktop.store.database import Store
from desktop.store.models import Acknowledgement, Identity, Interaction, UTCDateTime
from desktop.sync.engine import SyncReport, write_page

AUTO = "auto"


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


HISTORY_DAYS = 30  # older than this when imported: history to know, not a thank-you owed


def settle_history(
    session: Session,
    account_id: int,
    now: datetime | None = None,
    undated: tuple[str, ...] = (),
) -> int:
    """An export reaches years back: 500 LinkedIn connections from 2019 are not 500
    thank-yous owed today. People whose unanswered inbound interactions from this import
    are all older than HISTORY_DAYS or of an ``undated`` kind (X's follows bear the
    archive's date), and who have nothing recent elsewhere, have them dismissed, as
    history; their ledger keeps every one. Returns how many people.

    Set-based (an export may hold 300,000 followers): one acknowledgement per person, then
    one UPDATE for all their interactions."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=HISTORY_DAYS)
    unanswered = and_(
        Interaction.direction == Direction.INBOUND, Interaction.acknowledgement_id.is_(None)
    )
    this_import_only = and_(Interaction.account_id == account_id, Interaction.kind.in_(undated))
    old = (
        select(Identity.person_id)
        .join(Interaction, Interaction.identity_id == Identity.id)
        .where(unanswered, Interaction.account_id == account_id)
        .where(or_(Interaction.occurred_at < cutoff, Interaction.kind.in_(undated)))
    )
    recent = (
        select(Identity.person_id)
        .join(Interaction, Interaction.identity_id == Identity.id)
        .where(unanswered, Interaction.occurred_at >= cutoff, ~this_import_only)
    )
    settled = select(old.except_(recent).subquery().c[0])
    session.execute(
        insert(Acknowledgement).from_select(
            ["person_id", "action", "how", "text", "created_at"],
            select(
                settled.selected_columns[0],
                literal(str(AckAction.DISMISSED)),
                literal(""),
                literal(HISTORY_NOTE),
                literal(now, UTCDateTime()),
            ),
        )
    )
    mine = and_(Acknowledgement.text == HISTORY_NOTE, Acknowledgement.created_at == now)
    people = session.scalar(select(func.count()).select_from(Acknowledgement).where(mine))
    ack = (
        select(Acknowledgement.id)
        .join(Identity, Identity.person_id == Acknowledgement.person_id)
        .where(Identity.id == Interaction.identity_id)
        .where(Acknowledgement.text == HISTORY_NOTE, Acknowledgement.created_at == now)
        .scalar_subquery()
    )
    session.execute(
        update(Interaction)
        .where(
            unanswered,
            Interaction.identity_id.in_(
                select(Identity.id)
                .join(Acknowledgement, Acknowledgement.person_id == Identity.person_id)
                .where(Acknowledgement.text == HISTORY_NOTE, Acknowledgement.created_at == now)
            ),
        )
        .values(acknowledgement_id=ack)
    )
    return int(people or 0)


HISTORY_NOTE = "imported history"  # data: the acknowledgement's text, not prose


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
    return summarise(read, None, 0, 0) if preview else write_archive(store, read)


def write_archive(store: Store, read: ArchiveRead) -> ArchiveImported:
    """Write an export read before (by a preview): one transaction, known ones counted."""
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
