"""The plain-SQL ingest on SQLite: the same rows, datetimes, totals and search index as the
portable SQLAlchemy path, and the same guarantees (idempotence, renames, exact totals)."""

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from factories import (
    ANA,
    BEN,
    CLARA,
    NOW,
    POST1,
    POST2,
    account,
    ev,
    kept_totals,
    recomputed_totals,
)
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError

from desktop.core.events import Actor, InteractionEvent, Kind
from desktop.queries.ledger import list_people
from desktop.store import sqlite_bulk
from desktop.store.database import open_store
from desktop.store.identities import resolve_identities
from desktop.store.ingest import ingest_interactions
from desktop.store.models import Identity, Interaction, Person, PersonStats
from desktop.store.search_index import catch_up
from desktop.store.sqlite_bulk import sqlite_stamp

STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


@pytest.fixture(params=["plain", "portable"])
def path(request, monkeypatch):
    """Run a test on the plain-SQL path and again on the portable SQLAlchemy path."""
    monkeypatch.setattr(sqlite_bulk, "PLAIN_SQLITE", request.param == "plain")
    return request.param


def table_counts(session) -> dict[str, int]:
    return {
        model.__tablename__: session.scalar(select(func.count()).select_from(model))
        for model in (Person, Identity, Interaction, PersonStats)
    }


def test_sqlite_stamp_is_what_sqlalchemy_stores():
    from sqlalchemy.dialects.sqlite.base import DATETIME

    process = DATETIME().bind_processor(None)
    for when in (
        datetime(2026, 11, 20, 12, 0, tzinfo=UTC),  # no microseconds: still written out
        datetime(2026, 11, 20, 12, 0, 5, 120, tzinfo=UTC),
        datetime(2026, 11, 20, 14, 30, 0, 999999, tzinfo=timezone(timedelta(hours=2))),
        datetime(1999, 1, 2, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=-7, minutes=-30))),
    ):
        assert sqlite_stamp(when) == process(when.astimezone(UTC).replace(tzinfo=None))
    with pytest.raises(ValueError):
        sqlite_stamp(datetime(2026, 1, 1))


@pytest.mark.sqlite_only("the plain sqlite3 path and its timestamp text")
def test_plain_sql_rows_read_back_through_the_orm_as_written(store):
    """Times in other zones, without microseconds, with them: the ORM reads back equal
    aware UTC datetimes, stored as text in exactly the format it writes itself."""
    times = [
        NOW,
        NOW.replace(microsecond=123456),
        datetime(2026, 3, 29, 1, 30, 0, 5, tzinfo=timezone(timedelta(hours=2))),
    ]
    events = [ev(ANA, "like", external_id=f"t{i}", now=when) for i, when in enumerate(times)]
    with store.session() as s:
        acc = account(s)
        ingest_interactions(s, acc, events)
        # The ORM writes the same times next to them, for comparison.
        s.execute(
            insert(Interaction),
            [
                {
                    "account_id": acc,
                    "external_id": f"orm{i}",
                    "identity_id": s.scalar(select(Identity.id)),
                    "network": "mastodon",
                    "kind": "like",
                    "direction": "inbound",
                    "occurred_at": e.occurred_at,
                }
                for i, e in enumerate(events)
            ],
        )
    with store.session() as s:
        raw = dict(s.execute(text("SELECT external_id, occurred_at FROM interactions")).all())
        for i, e in enumerate(events):
            assert raw[f"t{i}"] == raw[f"orm{i}"]
            assert STAMP.match(raw[f"t{i}"])
            got = s.scalars(select(Interaction).where(Interaction.external_id == f"t{i}")).one()
            assert got.occurred_at == e.occurred_at and got.occurred_at.tzinfo == UTC
            assert STAMP.match(
                s.scalar(text(f"SELECT ingested_at FROM interactions WHERE id={got.id}"))
            )
        totals = s.scalars(select(PersonStats)).one()
        occurred = [e.occurred_at for e in events]
        assert (totals.first_at, totals.last_at) == (min(occurred), max(occurred))
        assert totals.first_at.tzinfo == UTC
        for column in ("first_at", "last_at"):
            assert STAMP.match(s.scalar(text(f"SELECT {column} FROM person_stats")))
        for table in ("persons", "identities"):
            assert STAMP.match(s.scalar(text(f"SELECT created_at FROM {table}")))


def _mixed_batch() -> list[InteractionEvent]:
    via = Actor("mastodon", "https://social.example/@relay", "@relay@social.example", "Relay")
    renamed_ana = replace(ANA, display_name="Ana G.", handle="@ana@moved.example")
    return [
        ev(ANA, "share", hours_ago=30),
        ev(BEN, "reply", hours_ago=2, post=POST2),
        ev(CLARA, "follow", hours_ago=5),
        ev(BEN, "mention", hours_ago=1, direction="outbound"),
        replace(ev(CLARA, "like", hours_ago=3), via=via),
        ev(ANA, "quote", hours_ago=6, post=replace(POST1, text="ünïcødé \u0000 text")),
        ev(renamed_ana, "like", hours_ago=4),  # the latest name wins
    ]


def _snapshot(store) -> dict:
    """Everything ingest writes, without ids' and clocks' incidental values."""
    catch_up(store)  # what every sync does once its pages are written
    with store.session() as s:
        identities = {
            i.id: (i.network, i.stable_id, i.handle, i.display_name, i.profile_url, i.search_key)
            for i in s.scalars(select(Identity))
        }
        person_of = {i.id: i.person_id for i in s.scalars(select(Identity))}
        person_key = {i.person_id: identities[i.id][:2] for i in s.scalars(select(Identity))}
        interactions = sorted(
            (
                r.external_id,
                identities[r.identity_id][:2],
                identities[r.via_identity_id][:2] if r.via_identity_id else None,
                r.network,
                r.kind,
                r.direction,
                r.occurred_at,
                r.post_url,
                r.post_text,
                r.post_language,
                r.post_remote_id,
                r.acknowledgement_id,
            )
            for r in s.scalars(select(Interaction))
        )
        persons = sorted(
            (person_key[p.id], p.display_name, p.notes, p.tags, p.merged_into_id)
            for p in s.scalars(select(Person))
        )
        totals = {person_key[p]: t for p, t in kept_totals(s).items()}
        assert kept_totals(s) == recomputed_totals(s)
        found = {
            word: sorted(identities[i][1] for i in _fts(s, word)) for word in ("ana", "g", "moved")
        }
        people = {identities[i][:2] for i, p in person_of.items()}
        posts = sorted(  # the archive search's index of post words (migration 0010)
            s.scalars(
                text(
                    "SELECT external_id FROM interactions WHERE id IN (SELECT rowid FROM"
                    " interaction_search WHERE interaction_search MATCH 'difundir OR giving')"
                )
            )
        )
        return {
            "posts": posts,
            "identities": sorted(identities.values()),
            "interactions": interactions,
            "persons": persons,
            "totals": totals,
            "search": found,
            "people": people,
        }


def _fts(session, word: str) -> list[int]:
    return session.scalars(
        text("SELECT rowid FROM identity_search WHERE identity_search MATCH :q"),
        {"q": f'"{word}"*'},
    ).all()


def test_plain_sql_and_the_portable_path_store_the_same(tmp_path, monkeypatch):
    snapshots = []
    batch = _mixed_batch()
    for plain in (True, False):
        monkeypatch.setattr(sqlite_bulk, "PLAIN_SQLITE", plain)
        store = open_store(f"sqlite:///{tmp_path / str(plain) / 'reciprocity.db'}")
        try:
            with store.session() as s:
                acc = account(s)
            for start in (0, 3):  # two pages, the second repeating part of the first
                with store.session() as s:
                    ingest_interactions(s, acc, batch[start : start + 4])
            snapshots.append(_snapshot(store))
        finally:
            store.close()
    assert snapshots[0] == snapshots[1]
    assert len(snapshots[0]["posts"]) == 5  # every post's words in the archive search
    assert snapshots[0]["search"]["moved"]  # the rename reached the search index
    assert len(snapshots[0]["interactions"]) == 7


def test_the_same_page_again_changes_no_row_and_no_total(store, path):
    batch = _mixed_batch()
    with store.session() as s:
        acc = account(s)
        first = ingest_interactions(s, acc, batch)
    with store.session() as s:
        before = (table_counts(s), kept_totals(s))
        again = ingest_interactions(s, acc, batch)
        assert (table_counts(s), kept_totals(s)) == before
    assert (first.new, first.known, len(first.new_interaction_ids)) == (7, 0, 7)
    assert (again.new, again.known, again.new_interaction_ids) == (0, 7, [])


def test_a_page_mixing_new_and_known_adds_only_the_new_to_the_totals(store, path):
    known = [ev(ANA, "share", hours_ago=10), ev(BEN, "like", hours_ago=20)]
    fresh = [
        ev(ANA, "like", hours_ago=1),  # newer than what Ana had
        ev(BEN, "reply", hours_ago=50, direction="outbound"),  # older than what Ben had
        ev(CLARA, "follow", hours_ago=5),  # someone new
    ]
    with store.session() as s:
        acc = account(s)
        ingest_interactions(s, acc, known)
    with store.session() as s:
        result = ingest_interactions(s, acc, [*known, *fresh, fresh[0]])
        assert (result.new, result.known) == (3, 2)
        ids = s.scalars(
            select(Interaction.id)
            .where(Interaction.external_id.in_([e.external_id for e in fresh]))
            .order_by(Interaction.id)
        ).all()
        assert result.new_interaction_ids == ids
        totals = kept_totals(s)
        assert totals == recomputed_totals(s)
        person = dict(s.execute(select(Identity.stable_id, Identity.person_id)).all())
        assert totals[person[ANA.stable_id]] == (
            2,
            0,
            NOW - timedelta(hours=10),
            NOW - timedelta(hours=1),
        )
        assert totals[person[BEN.stable_id]] == (
            1,
            1,
            NOW - timedelta(hours=50),
            NOW - timedelta(hours=20),
        )
        assert totals[person[CLARA.stable_id]][:2] == (1, 0)


def test_bad_events_are_rejected_and_the_good_ones_stored(store, path):
    naive = replace(ev(BEN, "like"), occurred_at=datetime(2026, 1, 1))
    nameless = ev(Actor("mastodon", "", "@ghost"), "like")
    with store.session() as s:
        result = ingest_interactions(s, account(s), [naive, ev(ANA, "share"), nameless])
        assert (result.new, len(result.rejected)) == (1, 2)
        assert table_counts(s)["interactions"] == 1
        assert kept_totals(s) == recomputed_totals(s)


def test_a_rename_reaches_the_search_index_and_the_sessions_objects(store, path):
    with store.session() as s:
        acc = account(s)
        ingest_interactions(s, acc, [ev(ANA, "like")])
    with store.session() as s:
        identity = s.scalars(select(Identity)).one()
        assert identity.display_name == "Ana García"  # loaded before the rename
        renamed = replace(ANA, display_name="Zoë Q", handle="@zoe@else.example")
        ingest_interactions(s, acc, [ev(renamed, "share")])
        assert identity.display_name == "Zoë Q"
        assert identity.search_key == "zoe q @zoe@else.example"
        assert [p.name for p in list_people(s, search="zoe")] == ["Ana García"]
        assert list_people(s, search="garcia") == []


def test_a_handle_that_only_repeats_the_stable_id_replaces_no_handle(store, path):
    """A YouTube channel id stands in as handle where a source (a Takeout subscription)
    knows no @handle: it must not undo the @handle the API gave."""
    channel = "UCanaanaanaanaanaanaanaA"
    named = Actor("youtube", channel, "@ana", "@ana", "http://www.youtube.com/@ana")
    bare = Actor(
        "youtube", channel, channel, "Ana Makes", f"https://www.youtube.com/channel/{channel}"
    )
    with store.session() as s:
        resolve_identities(s, [named])
        resolve_identities(s, [bare])
        row = s.execute(select(Identity.handle, Identity.display_name, Identity.search_key)).one()
        assert tuple(row) == ("@ana", "Ana Makes", "ana makes @ana")
        # A new channel known only by its id keeps the id as its handle.
        resolve_identities(
            s,
            [
                replace(
                    bare, stable_id="UCbenbenbenbenbenbenbenB", handle="UCbenbenbenbenbenbenbenB"
                )
            ],
        )
        handles = set(s.scalars(select(Identity.handle)))
        assert handles == {"@ana", "UCbenbenbenbenbenbenbenB"}


def test_pending_orm_changes_are_seen_by_plain_sql(store, path):
    """An identity added in the same session but not flushed yet is found, not duplicated."""
    with store.session() as s:
        acc = account(s)
        person = Person(display_name="Ana")
        s.add(person)
        s.flush()
        s.add(
            Identity(
                person_id=person.id,
                network=ANA.network,
                stable_id=ANA.stable_id,
                handle=ANA.handle,
                search_key="ana",
            )
        )
        ingest_interactions(s, acc, [ev(ANA, "like")])
        assert table_counts(s)["identities"] == 1
        assert s.scalar(select(Interaction.identity_id)) == s.scalar(select(Identity.id))


def test_resolve_identities_keeps_its_contract(store, path):
    with store.session() as s:
        first = resolve_identities(s, [ANA, BEN, ANA])
        again = resolve_identities(s, [replace(BEN, display_name="Benjamin"), ANA])
        assert first == again and set(first) == {
            (ANA.network, ANA.stable_id),
            (BEN.network, BEN.stable_id),
        }
        assert s.scalar(
            select(Identity.display_name).where(Identity.stable_id == BEN.stable_id)
        ) == ("Benjamin")
        assert resolve_identities(s, []) == {}


def test_a_database_error_is_sqlalchemys_on_both_paths(store, path):
    """The CLI and the app tell a user about SQLAlchemy's errors; plain SQL raises the same."""
    with pytest.raises(IntegrityError), store.session() as s:
        ingest_interactions(s, 999, [ev(ANA, "like")])  # no such account
    with store.session() as s:
        assert table_counts(s)["interactions"] == 0


def test_kinds_and_directions_given_as_plain_text_are_stored_as_text(store, path):
    event = replace(ev(ANA, "like"), kind="like", direction="inbound")
    with store.session() as s:
        ingest_interactions(s, account(s), [event, replace(ev(BEN, "share"), kind=Kind.SHARE)])
        assert sorted(s.execute(text("SELECT kind, direction FROM interactions")).all()) == [
            ("like", "inbound"),
            ("share", "inbound"),
        ]
