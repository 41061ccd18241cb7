"""SQLAlchemy 2.0 typed models: one class per word in DESIGN.md.

Any change here needs a new Alembic revision in `migrations/versions/`; a test compares
the models with the migrated schema.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.core.vocabulary import AccountState, AckAction, AckHow, CandidateState

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(value: str | None) -> str | None:
    """Text as every backend can hold it. NUL (0x00): PostgreSQL's text cannot hold it, and
    no network's text means one. A lone surrogate (half an emoji, escaped in JSON, or an
    argument that was not UTF-8): no UTF-8 text can hold it, and one failed a whole sync.
    Both are dropped on every backend, so a store holds the same words on SQLite and
    PostgreSQL."""
    if value is None:
        return None
    if "\x00" in value:
        value = value.replace("\x00", "")
    if not value.isascii():
        value = _LONE_SURROGATE.sub("", value)
    return value


class Str(TypeDecorator[str]):
    """A VARCHAR of storable text (no NUL, no lone surrogate)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return storable(value)


class LongText(TypeDecorator[str]):
    """A TEXT of storable text (no NUL, no lone surrogate)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return storable(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; stored naive (SQLite has no zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


E = TypeVar("E", bound=StrEnum)


class Word(TypeDecorator[E | str]):
    """A vocabulary enum in a plain text column: the schema and the stored values stay what
    they were (no migration, raw SQL still reads text), but an unknown word is refused on
    the way in and rows come back as members. ``blank`` allows "" (a ``how`` left empty)."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int, *, blank: bool = False) -> None:
        super().__init__(length)
        self.enum = enum
        self.blank = blank

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        if value is None or (self.blank and value == ""):
            return value
        return str(self.enum(value).value)  # ValueError for a word not in the vocabulary

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | str | None:
        if value is None or (self.blank and value == ""):
            return value
        return self.enum(value)


def utcnow() -> datetime:
    return datetime.now(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, date: Date}


class Account(Base):
    """One of *my* identities on a network. Its token lives in the keyring, never here."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("network", "server_url", "handle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network: Mapped[str] = mapped_column(Str(32))
    server_url: Mapped[str] = mapped_column(Str(512), default="")
    handle: Mapped[str] = mapped_column(Str(256))
    display_name: Mapped[str] = mapped_column(Str(256), default="")
    stable_id: Mapped[str] = mapped_column(Str(256), default="")
    # A removed account's row stays: its history is kept.
    state: Mapped[AccountState] = mapped_column(Word(AccountState, 32), default=AccountState.OK)
    retry_at: Mapped[datetime | None]  # when rate limited: not before this time
    last_sync_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(LongText, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The team member on whose computer its token lives (a shared store; "" alone).
    connected_by: Mapped[str] = mapped_column(LongText, default="", server_default="")


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(Str(256), default="")
    notes: Mapped[str] = mapped_column(LongText, default="")
    tags: Mapped[str] = mapped_column(LongText, default="")  # comma-separated, folded for search
    # A merge keeps the merged person's row and points it here: nothing is deleted.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    identities: Mapped[list[Identity]] = relationship(back_populates="person")


class Identity(Base):
    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("network", "stable_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    network: Mapped[str] = mapped_column(Str(32))
    stable_id: Mapped[str] = mapped_column(Str(512))
    handle: Mapped[str] = mapped_column(Str(256), default="")
    display_name: Mapped[str] = mapped_column(Str(256), default="")
    profile_url: Mapped[str] = mapped_column(Str(1024), default="")
    # Profiles elsewhere that this one's profile links to, one URL a line (Actor.links).
    links: Mapped[str] = mapped_column(LongText, default="", server_default="")
    # Folded display name + handle, so people search is an indexed prefix match.
    search_key: Mapped[str] = mapped_column(Str(600), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship(back_populates="identities")


class Acknowledgement(Base):
    """My answer to a person's pending inbound interactions at one moment."""

    __tablename__ = "acknowledgements"
    __table_args__ = (
        # Snoozes that ran out are looked up on every pending list: keep them at hand.
        Index(
            "ix_acknowledgements_snoozed",
            "snoozed_until",
            sqlite_where=text(f"action = '{AckAction.SNOOZED}'"),
            postgresql_where=text(f"action = '{AckAction.SNOOZED}'"),
        ),
        # "Last thanked" for a page of people: one index probe each, never a row read.
        Index("ix_acknowledgements_person_action", "person_id", "action", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    action: Mapped[AckAction] = mapped_column(Word(AckAction, 16))
    how: Mapped[AckHow | str] = mapped_column(Word(AckHow, 16, blank=True), default="")
    text: Mapped[str] = mapped_column(LongText, default="")
    snoozed_until: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Who made it, on a shared store ("thanked by Ana"); "" on a store of one.
    member: Mapped[str] = mapped_column(LongText, default="", server_default="")


class Interaction(Base):
    __tablename__ = "interactions"
    __table_args__ = (
        UniqueConstraint("account_id", "external_id"),
        Index("ix_interactions_identity_time", "identity_id", "occurred_at"),
        # The pending list only ever looks at unanswered inbound rows: keep that index small.
        Index(
            "ix_interactions_unanswered",
            "identity_id",
            sqlite_where=text("direction = 'inbound' AND acknowledgement_id IS NULL"),
            postgresql_where=text("direction = 'inbound' AND acknowledgement_id IS NULL"),
        ),
        # Who has something other than likes waiting: the pending list starts here.
        Index(
            "ix_interactions_waiting_support",
            "identity_id",
            sqlite_where=text(
                "direction = 'inbound' AND acknowledgement_id IS NULL AND kind != 'like'"
            ),
            postgresql_where=text(
                "direction = 'inbound' AND acknowledgement_id IS NULL AND kind != 'like'"
            ),
        ),
        # Only answered rows: so the planner never prefers it for "IS NULL" lookups.
        Index(
            "ix_interactions_acknowledgement_id",
            "acknowledgement_id",
            sqlite_where=text("acknowledgement_id IS NOT NULL"),
            postgresql_where=text("acknowledgement_id IS NOT NULL"),
        ),
        # Ledger and people totals read only this index, never the wide rows.
        Index(
            "ix_interactions_identity_direction_kind_time",
            "identity_id",
            "direction",
            "kind",
            "occurred_at",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    external_id: Mapped[str] = mapped_column(Str(512))
    identity_id: Mapped[int] = mapped_column(ForeignKey("identities.id"))
    via_identity_id: Mapped[int | None] = mapped_column(ForeignKey("identities.id"))
    network: Mapped[str] = mapped_column(Str(32))
    kind: Mapped[str] = mapped_column(Str(16))
    direction: Mapped[str] = mapped_column(Str(16))
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    post_url: Mapped[str] = mapped_column(Str(1024), default="")
    post_text: Mapped[str] = mapped_column(LongText, default="")
    post_language: Mapped[str] = mapped_column(Str(16), default="")
    post_remote_id: Mapped[str] = mapped_column(Str(512), default="")
    acknowledgement_id: Mapped[int | None] = mapped_column(ForeignKey("acknowledgements.id"))
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)


class PersonStats(Base):
    """Per-person totals kept up to date by ingest and merge, so the People list sorts and
    pages 100,000 people without adding up a million interactions each time (derived data:
    not exported, rebuilt on import)."""

    __tablename__ = "person_stats"
    __table_args__ = (Index("ix_person_stats_last", "last_at", "person_id"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True)
    inbound: Mapped[int] = mapped_column(default=0)
    outbound: Mapped[int] = mapped_column(default=0)
    first_at: Mapped[datetime | None]
    last_at: Mapped[datetime | None]


class Feed(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    url: Mapped[str] = mapped_column(Str(1024), unique=True)
    kind: Mapped[str] = mapped_column(Str(32), default="feed")  # feed, blog_comments
    title: Mapped[str] = mapped_column(Str(512), default="")
    site_url: Mapped[str] = mapped_column(Str(1024), default="")
    etag: Mapped[str] = mapped_column(Str(512), default="")
    last_modified: Mapped[str] = mapped_column(Str(128), default="")
    last_fetched_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(LongText, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Candidate(Base):
    """A piece of content I might share, one per canonical URL."""

    __tablename__ = "candidates"
    # sharer_count in the index: the ranking's upper bound is read without touching rows.
    __table_args__ = (Index("ix_candidates_state_seen", "state", "last_seen_at", "sharer_count"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    canonical_url: Mapped[str] = mapped_column(Str(2048), unique=True)
    url: Mapped[str] = mapped_column(Str(2048))
    title: Mapped[str] = mapped_column(Str(1024), default="")
    summary: Mapped[str] = mapped_column(LongText, default="")
    author_name: Mapped[str] = mapped_column(Str(256), default="")
    author_identity_id: Mapped[int | None] = mapped_column(ForeignKey("identities.id"))
    language: Mapped[str] = mapped_column(Str(16), default="")
    published_at: Mapped[datetime | None]
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # Folded title + summary: interest keywords match accent- and case-insensitively.
    search_text: Mapped[str] = mapped_column(LongText, default="")
    state: Mapped[CandidateState] = mapped_column(
        Word(CandidateState, 16), default=CandidateState.NEW, index=True
    )
    state_changed_at: Mapped[datetime | None]
    # Distinct people in my network who shared it, derived from sightings (kept by ingest,
    # merge and import: desktop/store/sharers.py), so ranking never counts every sighting.
    sharer_count: Mapped[int] = mapped_column(default=0, server_default="0")


class Sighting(Base):
    """Where and when a candidate was seen, and who in my network shared it."""

    __tablename__ = "sightings"
    __table_args__ = (UniqueConstraint("candidate_id", "source", "source_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    sharer_identity_id: Mapped[int | None] = mapped_column(ForeignKey("identities.id"), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    source: Mapped[str] = mapped_column(Str(16))  # feed, timeline
    source_ref: Mapped[str] = mapped_column(Str(2048))
    seen_at: Mapped[datetime]


class SyncCursor(Base):
    """Where each stream of an account stopped; saved only after its events are committed."""

    __tablename__ = "sync_cursors"
    __table_args__ = (UniqueConstraint("account_id", "stream"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    stream: Mapped[str] = mapped_column(Str(64))
    cursor: Mapped[str] = mapped_column(LongText, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """Settings that belong with the data (interests, thank-likes policy); JSON values."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(Str(64), primary_key=True)
    value: Mapped[str] = mapped_column(LongText)


__all__ = [
    "Account",
    "Acknowledgement",
    "Base",
    "Candidate",
    "Feed",
    "Identity",
    "Interaction",
    "Person",
    "Setting",
    "Sighting",
    "SyncCursor",
    "utcnow",
]
