"""Team mode: several members' apps opening one PostgreSQL database at once migrate it one
at a time. The others wait for the migration lock, then find the schema at head and leave
it; one that waited too long, or finds a newer schema once it may look, says so."""

from __future__ import annotations

import psycopg
import pytest
from team import Member, dsn, finish, lock_waiters, scalar, wait_for

from desktop.store import locks
from desktop.store.database import StoreError, head_revision, open_store

pytestmark = pytest.mark.postgresql_only("several members' apps migrating one database")


def schema(url: str) -> list[tuple]:
    """Every column and index of the public schema."""
    with psycopg.connect(dsn(url)) as conn:
        columns = conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable, column_default"
            " FROM information_schema.columns WHERE table_schema = 'public'"
            " ORDER BY table_name, column_name"
        ).fetchall()
        indexes = conn.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes"
            " WHERE schemaname = 'public' ORDER BY tablename, indexname"
        ).fetchall()
    return [*columns, *indexes]


def hold_migration_lock(url: str) -> psycopg.Connection:
    """A connection in a transaction holding the migration lock: another member's app
    migrating, as far as the others can tell. Committing or closing it ends that."""
    conn = psycopg.connect(dsn(url))
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (locks.MIGRATION_KEY,))
    return conn


def test_three_members_opening_an_empty_database_at_once_migrate_it_once(postgres_server, tmp_path):
    url = postgres_server.create_database(migrated=False)
    members = [Member(tmp_path, name, url) for name in ("ana", "ben", "clara")]
    holder = hold_migration_lock(url)  # so that all three are surely there at once
    try:
        running = [member.start("status", "--json") for member in members]
        wait_for(lambda: lock_waiters(url) == 3, "all three waiting for the migration lock")
    finally:
        holder.close()
    done = [finish(process) for process in running]

    for result in done:
        assert result.code == 0, result
        assert "Traceback" not in result.err
    assert scalar(url, "SELECT count(*) FROM alembic_version") == 1
    assert scalar(url, "SELECT version_num FROM alembic_version") == head_revision()
    reference = postgres_server.create_database()  # migrated once, alone
    try:
        assert schema(url) == schema(reference)
    finally:
        postgres_server.drop_database(reference)


def test_a_migration_that_does_not_end_elsewhere_is_a_clear_error(postgres_server, monkeypatch):
    url = postgres_server.create_database(migrated=False)
    monkeypatch.setattr(locks, "MIGRATION_WAIT_SECONDS", 1)
    holder = hold_migration_lock(url)
    try:
        with pytest.raises(StoreError, match="kept it locked too long.*try again in a minute"):
            open_store(url)
    finally:
        holder.close()
    assert scalar(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
    store = open_store(url)  # once the other is done (here: gone), this one migrates it
    store.close()
    assert scalar(url, "SELECT version_num FROM alembic_version") == head_revision()


def test_a_newer_schema_made_while_waiting_is_refused(postgres_server, tmp_path):
    """A member with a newer version migrated first: this older app must not touch it."""
    url = postgres_server.create_database(migrated=False)
    holder = hold_migration_lock(url)
    try:
        opening = Member(tmp_path, "ana", url).start("status")
        wait_for(lambda: lock_waiters(url) == 1, "Ana's app waiting for the migration lock")
        holder.execute("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        holder.execute("INSERT INTO alembic_version VALUES ('9999')")
        holder.commit()
    finally:
        holder.close()
    done = finish(opening)
    assert done.code == 1, done
    assert "Traceback" not in done.err
    assert "was written by a newer version of Reciprocity (schema 9999" in done.err
    assert scalar(url, "SELECT version_num FROM alembic_version") == "9999"
