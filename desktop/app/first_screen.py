"""The first screen, kept ready: what the check-in and the Thank page show first, made on a
worker after each sync and change, read back at start-up before the store is opened.

Why: opening the store means importing SQLAlchemy and reading a three-year ledger (about a
second on a heavy store); a small JSON file beside the store is read in a millisecond, so
the first paint already shows the first person to thank and their draft. The real data
replaces it as soon as it is read; until then nothing can be sent from it (the draft is
shown read-only).

Never stale, by three locks: every write session of the store deletes the file (before and
after its commit, ``Store.session``); a screen whose making overlapped a write of this
process is not written (``Store.writes``); and the file carries the store's newest
interaction, acknowledgement, person and identity ids, checked with plain sqlite3 when it is
read, which catches what another process (the CLI) wrote meanwhile. It also names its day
and language: tomorrow, or in another language, it is not used. PostgreSQL stores (team
mode) have no first screen. Plain stdlib and plain data only: this is read before
SQLAlchemy is imported.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when a screen is read: start-up imports nothing of the queries
    from desktop.queries.pending_views import PendingPerson

log = logging.getLogger(__name__)

VERSION = 1
THANK_ROWS = 40  # the Thank page's rows kept: more than a tall window shows
MAX_BYTES = 2_000_000  # a bigger file is not one of ours: ignored

_FINGERPRINT = (
    "SELECT (SELECT max(id) FROM interactions), (SELECT max(id) FROM acknowledgements),"
    " (SELECT max(id) FROM persons), (SELECT max(id) FROM identities)"
)


@dataclass
class FirstScreen:
    day: date
    language: str
    fingerprint: list[int]
    # The check-in: its first person still to thank today, how many are, and the draft.
    checkin_count: int = 0
    checkin_person: PendingPerson | None = None
    draft_text: str = ""
    draft_recently_thanked: datetime | None = None
    # The Thank page: its first rows, how many there are in all, the cooldown it shows.
    thank_total: int = 0
    thank_rows: list[PendingPerson] = field(default_factory=list)
    cooldown_days: int = 14

    def to_json(self) -> dict[str, Any]:
        person = self.checkin_person
        thanked = self.draft_recently_thanked
        return {
            "version": VERSION,
            "day": self.day.isoformat(),
            "language": self.language,
            "fingerprint": self.fingerprint,
            "checkin_count": self.checkin_count,
            "checkin_person": person.to_cache() if person else None,
            "draft_text": self.draft_text,
            "draft_recently_thanked": thanked.isoformat() if thanked else None,
            "thank_total": self.thank_total,
            "thank_rows": [p.to_cache() for p in self.thank_rows],
            "cooldown_days": self.cooldown_days,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FirstScreen:
        """Raises KeyError, TypeError or ValueError for anything to_json did not write."""
        from desktop.queries.pending_views import PendingPerson

        if data["version"] != VERSION:
            raise ValueError(f"first screen version {data['version']!r}")
        person, thanked = data["checkin_person"], data["draft_recently_thanked"]
        return cls(
            day=date.fromisoformat(data["day"]),
            language=str(data["language"]),
            fingerprint=[int(n) for n in data["fingerprint"]],
            checkin_count=int(data["checkin_count"]),
            checkin_person=PendingPerson.from_cache(person) if person else None,
            draft_text=str(data["draft_text"]),
            draft_recently_thanked=datetime.fromisoformat(thanked) if thanked else None,
            thank_total=int(data["thank_total"]),
            thank_rows=[PendingPerson.from_cache(p) for p in data["thank_rows"]],
            cooldown_days=int(data["cooldown_days"]),
        )


def fingerprint(store_path: Path) -> list[int]:
    """The store's newest row ids, read with plain sqlite3 (a few index reads)."""
    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute(_FINGERPRINT).fetchone()
    finally:
        conn.close()
    return [int(n or 0) for n in row]


def read(store_path: Path | None, today: date, language: str) -> FirstScreen | None:
    """The first screen kept for this store, today, in this language, if it is still true;
    None otherwise (no file, another day or language, the store changed, anything odd)."""
    from desktop.store.database import first_screen_path

    if store_path is None:
        return None
    path = first_screen_path(store_path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        screen = FirstScreen.from_json(json.loads(path.read_bytes()))
        if screen.day != today or screen.language != language:
            return None
        if screen.fingerprint != fingerprint(store_path):
            return None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, sqlite3.Error) as exc:
        log.info("first screen not used: %s", exc)
        return None
    return screen


def write(store_path: Path, screen: FirstScreen) -> None:
    """Atomically (a reader sees the old file or the new one, never half of one), private."""
    from desktop.store.database import first_screen_path

    path = first_screen_path(store_path)
    fd, tmp = tempfile.mkstemp(prefix=".first-screen-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(screen.to_json(), out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
