import shutil
import sqlite3
import stat
import time

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Text, inspect, text

from desktop.store import database
from desktop.store.database import NewerStoreError, StoreError, head_revision, open_store
from desktop.store.models import Base


def _url(path):
    return f"sqlite:///{path}"


def test_fresh_store_is_private_migrated_and_in_wal_mode(tmp_path):
    path = tmp_path / "new" / "reciprocity.db"
    store = open_store(_url(path))
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            # Checkpoints sized for a sync's writes into a big store (see database.py).
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 10000
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            tables = set(inspect(conn).get_table_names())
        assert version == head_revision()
        assert {"persons", "identities", "interactions", "candidates", "sightings"} <= tables
    finally:
        store.close()


SEARCH_TABLES = ("identity_search", "interaction_search", "person_search")
SEARCH_INDEXES = {
    "ix_interactions_search",
    "ix_identities_search",
    "ix_persons_search",
    "ix_identities_search_trgm",  # people search on PostgreSQL (0009)
}


def test_models_match_the_migrated_schema(store):
    def ours(obj, name, type_, reflected, compare_to):
        # The full-text indexes are the backends' own, not models: SQLite's FTS5 tables
        # (migrations 0005 and 0010), PostgreSQL's search words and GIN indexes (0010).
        if type_ == "table":
            return not name.startswith(SEARCH_TABLES)
        if type_ == "index":
            return name not in SEARCH_INDEXES
        return not (type_ == "column" and name == "search_doc")

    def widened(context, inspected, metadata_column, inspected_type, metadata_type):
        # PostgreSQL's bounded VARCHARs are TEXT since migration 0008, as SQLite treats them.
        if context.dialect.name == "postgresql" and isinstance(inspected_type, Text):
            return False
        return None  # Alembic's own comparison

    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": ours, "compare_type": widened}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_opening_twice_keeps_data_and_makes_no_backup(tmp_path):
    path = tmp_path / "reciprocity.db"
    first = open_store(_url(path))
    with first.session() as s:
        s.execute(text("INSERT INTO settings (key, value) VALUES ('interests', '[\"x\"]')"))
    first.close()
    second = open_store(_url(path))
    with second.session() as s:
        assert s.execute(text("SELECT value FROM settings")).scalar() == '["x"]'
    second.close()
    assert not (tmp_path / "backups").exists()


def test_store_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "reciprocity.db"
    open_store(_url(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(NewerStoreError, match="newer version of Reciprocity"):
        open_store(_url(path))
    assert path.read_bytes() == before


def test_corrupt_file_is_a_clear_error(tmp_path):
    path = tmp_path / "reciprocity.db"
    path.write_bytes(b"this is not sqlite at all\x00" * 400)
    with pytest.raises(StoreError, match="damaged or not a Reciprocity store"):
        open_store(_url(path))


def test_a_directory_in_place_of_the_store_is_a_clear_error(tmp_path):
    path = tmp_path / "reciprocity.db"
    path.mkdir()
    with pytest.raises(StoreError, match="is a directory"):
        open_store(_url(path))


def test_some_other_sqlite_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    with pytest.raises(StoreError, match="not a Reciprocity store"):
        open_store(_url(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]


NEXT_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "{next}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("pronouns", sa.String(32), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("pronouns")
"""


def test_migration_backs_up_the_store_first_and_keeps_the_data(tmp_path, monkeypatch):
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(database, "MIGRATIONS", migrations)
    path = tmp_path / "data" / "reciprocity.db"
    old = open_store(_url(path))
    with old.session() as s:
        s.execute(
            text(
                "INSERT INTO persons (display_name, notes, tags, created_at) "
                "VALUES ('Ana', '', '', '2026-01-01 00:00:00')"
            )
        )
    old.close()

    head = head_revision()
    following = f"{int(head) + 1:04d}"
    (migrations / "versions" / f"{following}_pronouns.py").write_text(
        NEXT_REVISION.format(head=head, next=following)
    )
    new = open_store(_url(path))
    with new.session() as s:
        assert s.execute(text("SELECT display_name, pronouns FROM persons")).all() == [("Ana", "")]
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == following
    new.close()

    backups = list((path.parent / "backups").glob(f"reciprocity-{head}-*.db"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT display_name FROM persons").fetchall() == [("Ana",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)


def test_two_writers_queue_up_instead_of_failing(store):
    """Both writers read, then write. Had the second begun a plain (deferred) transaction,
    its read snapshot would be stale by the time it writes: "database is locked". Writers
    take the lock up front, so the second one waits for the first to commit."""
    import threading

    started, second_has_read = threading.Event(), threading.Event()
    errors = []

    def insert(s, name):
        s.execute(
            text(
                "INSERT INTO persons (display_name, notes, tags, created_at) "
                f"VALUES ('{name}', '', '', '2026-01-01 00:00:00')"
            )
        )

    def first():
        with store.session() as s:
            s.execute(text("SELECT count(*) FROM persons")).scalar()
            started.set()
            second_has_read.wait(timeout=1)  # never set when writers queue up
            insert(s, "first")

    def second():
        started.wait(timeout=5)
        try:
            with store.session() as s:
                s.execute(text("SELECT count(*) FROM persons")).scalar()
                second_has_read.set()
                time.sleep(0.2)  # let the first writer commit meanwhile
                insert(s, "second")
        except Exception as exc:  # the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM persons")).scalar() == 2


@pytest.mark.parametrize(
    "url",
    [
        "not a url at all",
        "nosuchdb://user:secret@host/db",
        "postgresql+nosuchdriver://u:secret@h/d",
    ],
)
def test_an_unusable_database_url_is_a_clear_error_without_the_password(url):
    with pytest.raises(StoreError, match="database URL is not usable") as caught:
        open_store(url)
    assert "secret" not in str(caught.value)
    assert "\n" not in str(caught.value)


def _old_store(path, revision: str, *statements: str) -> None:
    """A store at an older ``revision``, with these rows written as that schema had them."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine(_url(path))
    cfg = Config()
    cfg.set_main_option("script_location", str(database.MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def test_a_baseline_store_migrates_to_the_newest_schema(tmp_path):
    path = tmp_path / "old.db"
    _old_store(
        path,
        "0001",
        "INSERT INTO accounts (network, server_url, handle, display_name, "
        "stable_id, state, last_error, created_at) VALUES ('mastodon', "
        "'https://x.example', '@me', '', '', 'ok', '', '2026-01-01')",
    )
    store = open_store(_url(path))
    with store.read() as s:
        assert s.execute(text("SELECT handle, retry_at FROM accounts")).one() == ("@me", None)
    store.close()
    assert len(list((tmp_path / "backups").glob("old-0001-*.db"))) == 1


@pytest.mark.sqlite_only("SQLite's page cache (PRAGMA cache_size)")
def test_bulk_writes_get_a_roomier_cache_for_their_duration_only(store):
    from desktop.store.database import BULK_CACHE, DEFAULT_CACHE

    def cache(session):
        return session.connection().exec_driver_sql("PRAGMA cache_size").scalar()

    with store.session(bulk=True) as session:
        assert cache(session) == BULK_CACHE
    with store.session() as session:  # the same pooled connection, back to the default
        assert cache(session) == DEFAULT_CACHE
    with pytest.raises(RuntimeError), store.session(bulk=True):
        raise RuntimeError("a page failed")
    with store.read() as session:
        assert cache(session) == DEFAULT_CACHE


def test_identities_gain_their_links_in_place_and_stay_searchable(tmp_path):
    """0007 adds identities.links with a plain ADD COLUMN: the full-text triggers of 0005
    keep working on the old rows."""
    from desktop.core.events import Actor
    from desktop.queries.ledger import count_people
    from desktop.store.identities import resolve_identities

    path = tmp_path / "old.db"
    _old_store(
        path,
        "0006",
        "INSERT INTO persons (id, display_name, notes, tags, created_at) "
        "VALUES (1, 'Lucía Méndez', '', '', '2026-01-01')",
        "INSERT INTO identities (person_id, network, stable_id, handle, display_name,"
        " profile_url, search_key, created_at) VALUES (1, 'mastodon', '301', '@lucia',"
        " 'Lucía Méndez', 'https://s.example/@lucia', 'lucia mendez @lucia', '2026-01-01')",
    )
    store = open_store(_url(path))
    link = "https://www.linkedin.com/in/lucia-mendez"
    with store.session() as s:
        actor = Actor("mastodon", "301", "@lucia", "Lucía Méndez", "", (link,))
        resolve_identities(s, [actor])
    with store.read() as s:
        assert s.execute(text("SELECT links FROM identities")).scalar_one() == link
        assert count_people(s, search="luc") == 1
    store.close()
