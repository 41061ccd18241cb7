"""Data exports of closed networks (X, LinkedIn, Instagram, Facebook) and YouTube's Takeout
imported as an account's interactions.

The export is recognised by its files and read by its network's reader page by page (a
few thousand events at a time: an export of several hundred MB never sits in memory
whole), and written like sync pages, known interactions counted, not duplicated, so
importing the same export twice changes nothing. All of one import is one transaction —
its account, every page, the history settled at the end — so an export damaged halfway,
a full disk or a crash leaves nothing of it in the store.

``preview=True`` reads and summarises without writing: what the window shows before the
user confirms. With ``keep=True`` the preview also spills what it read to an anonymous
file beside the store (connectors.archives.spill), and ``write_archive`` writes that: the
export is read once, and the preview holds a page at a time, not the export's events.
Measured (benchmarks/archives.py exports, one process each): keeping 300,000 Instagram
followers' events in memory cost 145 MB (tracemalloc) on top of the reading; spilling them
costs 5 MB of disk and about 3 s on a 9–11 s read, 476,000 Facebook comments 56 MB and
6–7 s on a 34–36 s read, and no memory to speak of. Reading the export again on Import
would cost the whole read again (40 s for LinkedIn's 430 MB messages.csv), and the file
would have to be there still.

Replies the export names only by the comment they answer (YouTube's Takeout) are credited
to that comment's author when the store has it (a channel synced through the API), once
the export's pages are read: in the preview (the credited ones are kept with it), and when
an import is written straight away.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from desktop.connectors.archives import KINDS, ArchiveStream, open_archive
from desktop.connectors.archives.export_zip import Progress
from desktop.connectors.archives.spill import Spill
from desktop.connectors.base import Page
from desktop.core.errors import InvalidRequest
from desktop.core.events import Direction, InteractionEvent, Kind
from desktop.core.i18n import fill, tx
from desktop.core.length import network_label
from desktop.queries.accounts import upsert_account
from desktop.queries.archive_sources import HISTORY_DAYS, authors_of, settle_history
from desktop.store.database import Store
from desktop.sync.engine import WRITER, ingest_pages

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
    # What was read, kept on disk by a preview (keep=True), so that Import writes it
    # without reading the export again. Closed once written, or by discard().
    read: Spill | None = field(default=None, repr=False, compare=False)

    def discard(self) -> None:
        """Drop what a preview kept (the user did not import it)."""
        if self.read is not None:
            self.read.close()


class Tally:
    """What an export holds, added up page by page: people, interactions by direction and
    kind, its time span, what was left out."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.people: set[str] = set()  # stable ids: one export is one network
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.skipped: Counter[str] = Counter()
        self.warnings: list[str] = []
        self.events = 0

    def add(self, page: Page) -> None:
        first, last = self.first, self.last
        for event in page.interactions:
            self.counts.setdefault(str(event.direction), Counter())[str(event.kind)] += 1
            self.people.add(event.actor.stable_id)
            at = event.occurred_at
            if first is None or at < first:
                first = at
            if last is None or at > last:
                last = at
        self.first, self.last = first, last
        self.events += len(page.interactions)
        self.skipped.update(page.skipped)
        self.warnings.extend(page.warnings)

    def result(
        self,
        stream: ArchiveStream,
        account_id: int | None,
        new: int = 0,
        known: int = 0,
        read: Spill | None = None,
    ) -> ArchiveImported:
        return ArchiveImported(
            network=stream.network,
            account_id=account_id,
            new=new,
            known=known,
            people=len(self.people),
            counts={d: dict(sorted(kinds.items())) for d, kinds in sorted(self.counts.items())},
            skipped={why: n for why, n in sorted(self.skipped.items()) if n > 0},
            missing=stream.missing,
            first=self.first,
            last=self.last,
            warnings=self.warnings,
            read=read,
        )


def archive_networks() -> list[str]:
    return sorted(KINDS)


def import_archive(
    store: Store,
    network: str | None,
    path: Path,
    *,
    preview: bool = False,
    progress: Progress | None = None,
    keep: bool = False,
) -> ArchiveImported:
    """Import the export at ``path`` (of ``network``, or of whichever it is: None/"auto");
    ``progress`` hears how much of it has been read. A preview writes nothing; with
    ``keep`` it keeps what it read for write_archive."""
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
    with open_archive(path, network, progress) as stream:
        if not preview:
            return write_stream(store, stream)
        tally = Tally()
        spill = Spill(stream, store.path.parent if store.path else None) if keep else None
        try:
            for page in stream.pages:
                tally.add(page)
                if spill is not None:
                    spill.add(page)
            with store.read() as s:
                credited = credit_open_replies(s, stream)
            if credited is not None:
                tally.add(credited)
                if spill is not None:
                    spill.add(credited)
        except BaseException:
            if spill is not None:
                spill.close()
            raise
        return tally.result(stream, None, read=spill)


def credit_open_replies(session: Session, stream: ArchiveStream) -> Page | None:
    """My replies that name no addressee (``stream.open_replies``, known once its pages are
    read), credited to the author of the comment they answer when the store has that
    comment: a page of them, whose ``skipped`` takes them back out of the counts there."""
    if not stream.open_replies:
        return None
    authors = authors_of(session, stream.network, (r.answers for r in stream.open_replies))
    page = Page(stream="open-replies")
    still = []
    for reply in stream.open_replies:
        author = authors.get(reply.answers)
        if author is None:
            still.append(reply)
            continue
        page.interactions.append(
            InteractionEvent(
                reply.external_id,
                Kind.REPLY,
                Direction.OUTBOUND,
                author,
                reply.occurred_at,
                reply.post,
            )
        )
        page.skipped[reply.reason] -= 1
    stream.open_replies = still
    return page if page.interactions else None


def write_archive(
    store: Store, preview: ArchiveImported, progress: Progress | None = None
) -> ArchiveImported:
    """Write what a preview kept (the export is not read again), then drop it; ``progress``
    hears how much is written (see write_stream)."""
    spill = preview.read
    if spill is None or spill.closed:
        raise InvalidRequest(tx("Archive", "this preview was not kept: import the file again"))
    try:
        return write_stream(store, spill.stream(), progress, spill.events)
    finally:
        spill.close()


SETTLING = 10  # settling the history costs about a tenth of writing the interactions


def write_stream(
    store: Store, stream: ArchiveStream, progress: Progress | None = None, expected: int = 0
) -> ArchiveImported:
    """An export's pages in one transaction, known ones counted. With the number of
    interactions ``expected``, ``progress`` hears how many are written, out of them and a
    tenth more for settling the history (the last step)."""
    tally = Tally()
    new = known = 0
    total = expected + expected // SETTLING
    # WRITER: a sync meanwhile waits for this import, not SQLite's 15 s busy timeout.
    with WRITER, store.session(bulk=True) as s:
        me = stream.me
        # One account per network's exports, whoever the export says it is: the same
        # export with and without its profile file must not make two (and twice the
        # interactions). Its handle is data, the same in every language.
        account = upsert_account(
            s,
            stream.network,
            KINDS[stream.network].server_url,
            f"{network_label(stream.network)} archive",
            display_name=me.display_name or me.handle if me else "",
        )
        account_id = account.id
        for page in stream.pages:
            tally.add(page)
            for _page, got, _found in ingest_pages(s, account_id, [page]):
                new, known = new + got.new, known + got.known
            if progress is not None and expected:
                progress(min(tally.events, expected), total)
        credited = credit_open_replies(s, stream)
        if credited is not None:
            tally.add(credited)
            for _page, got, _found in ingest_pages(s, account_id, [credited]):
                new, known = new + got.new, known + got.known
        settle_history(s, account_id, undated=stream.undated)
    if progress is not None and expected:
        progress(total, total)
    return tally.result(stream, account_id, new, known)
