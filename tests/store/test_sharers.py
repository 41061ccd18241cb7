"""candidates.sharer_count stays equal to counting the sightings' people, through ingest,
merge, import and the migration that introduced it."""

import json

from factories import ANA, ANA_BSKY, BEN, CLARA, add_links, link, undone
from sqlalchemy import create_engine, select, text

from desktop.queries.people import merge
from desktop.store import database, sharers
from desktop.store.database import open_store
from desktop.store.models import Candidate, Identity
from desktop.store.transfer import export_store, import_store


def kept(session) -> dict[str, int]:
    return {c.canonical_url: c.sharer_count for c in session.scalars(select(Candidate))}


def recounted(session) -> dict[str, int]:
    return undone(session, lambda: sharers.recount_all(session), kept)


def person_of(session, actor) -> int:
    return session.scalar(select(Identity.person_id).where(Identity.stable_id == actor.stable_id))


def test_new_sharers_count_and_a_repeat_or_a_feed_sighting_does_not(store):
    first = [
        link("https://x.example/a", sharer=ANA, source_ref="https://s.example/1"),
        link("https://x.example/a", sharer=BEN, source_ref="https://s.example/2"),
        link("https://x.example/b", source="feed", source_ref="https://blog.example/feed"),
    ]
    add_links(store, *first)
    add_links(store, *first)  # the same sightings again: all known
    add_links(store, link("https://x.example/b", sharer=CLARA, source_ref="https://s.example/3"))
    add_links(store, link("https://x.example/a", sharer=ANA, source_ref="https://s.example/4"))
    with store.read() as s:
        counts = kept(s)
        assert counts == {"https://x.example/a": 2, "https://x.example/b": 1}
        assert counts == recounted(s)


def test_merging_two_sharers_makes_them_one(store):
    add_links(
        store,
        link("https://x.example/a", sharer=ANA),
        link("https://x.example/a", sharer=ANA_BSKY),
        link("https://x.example/a", sharer=BEN),
        link("https://x.example/c", sharer=ANA_BSKY),
    )
    with store.session() as s:
        assert kept(s)["https://x.example/a"] == 3
        merge(s, person_of(s, ANA), person_of(s, ANA_BSKY))
        assert kept(s) == {"https://x.example/a": 2, "https://x.example/c": 1} == recounted(s)


def test_an_export_without_the_counts_gets_them_back_on_import(store, tmp_path):
    add_links(
        store,
        link("https://x.example/a", sharer=ANA),
        link("https://x.example/a", sharer=BEN),
    )
    path = tmp_path / "export.json"
    with store.read() as s:
        export_store(s, path)
    document = json.loads(path.read_text())
    for row in document["tables"]["candidates"]:
        del row["sharer_count"]  # as an export made before the column existed
    path.write_text(json.dumps(document))
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        with other.session() as s:
            import_store(s, path)
        with other.read() as s:
            assert kept(s) == {"https://x.example/a": 2}
    finally:
        other.close()


def test_the_migration_counts_the_sharers_of_an_existing_store(tmp_path):
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(database.MIGRATIONS))
    stamp = "'2026-01-01 00:00:00.000000'"
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        for statement in (
            f"INSERT INTO persons (id, display_name, notes, tags, created_at) VALUES"
            f" (1, 'Ana', '', '', {stamp}), (2, 'Ben', '', '', {stamp})",
            "INSERT INTO identities (id, person_id, network, stable_id, handle, display_name,"
            f" profile_url, search_key, created_at) VALUES (1, 1, 'mastodon', '1', '@ana', '',"
            f" '', '', {stamp}), (2, 1, 'bluesky', 'did:ana', 'ana', '', '', '', {stamp}),"
            f" (3, 2, 'mastodon', '2', '@ben', '', '', '', {stamp})",
            "INSERT INTO candidates (id, canonical_url, url, title, summary, author_name,"
            " language, first_seen_at, last_seen_at, search_text, state) VALUES"
            f" (1, 'https://x.example/a', 'https://x.example/a', '', '', '', '', {stamp},"
            f" {stamp}, '', 'new'), (2, 'https://x.example/b', 'https://x.example/b', '', '',"
            f" '', '', {stamp}, {stamp}, '', 'new')",
            "INSERT INTO sightings (candidate_id, sharer_identity_id, source, source_ref,"
            f" seen_at) VALUES (1, 1, 'timeline', 'p1', {stamp}), (1, 2, 'timeline', 'p2',"
            f" {stamp}), (1, 3, 'timeline', 'p3', {stamp}), (2, NULL, 'feed', 'f', {stamp})",
        ):
            conn.execute(text(statement))
    engine.dispose()
    store = open_store(f"sqlite:///{path}")
    try:
        with store.read() as s:
            # Ana's two identities are one person: two people shared the first link.
            assert kept(s) == {"https://x.example/a": 2, "https://x.example/b": 0}
    finally:
        store.close()
