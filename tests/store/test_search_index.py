"""The archive search's post words on SQLite are indexed after the writes, not during them
(desktop/store/search_index.py): nothing written is ever missing from a search, deleted and
edited posts leave the index, and a crash between batches keeps what was done."""

import sqlite3
import time

import pytest
from factories import ANA, BEN, CLARA, Post, add, ev
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop.app.services import Services
from desktop.store import search_index
from desktop.store.search_index import behind, catch_up

pytestmark = pytest.mark.sqlite_only("PostgreSQL keeps its search words in a generated column")


def indexed(store, word: str) -> list[str]:
    """The external ids whose post the index (not a search) says has ``word``."""
    with store.read() as s:
        return sorted(
            s.scalars(
                text(
                    "SELECT external_id FROM interactions WHERE id IN (SELECT rowid FROM"
                    " interaction_search WHERE interaction_search MATCH :word)"
                ),
                {"word": word},
            )
        )


def post(words: str, key: str) -> Post:
    return Post(f"https://social.example/@me/{key}", words, "en", key)


def test_ingest_leaves_new_posts_to_the_catch_up_which_indexes_them_all(store):
    add(store, *[ev(ANA, "share", post=post(f"giraffe number {n}", str(n))) for n in range(7)])
    assert indexed(store, "giraffe") == [] and behind(store) == 7
    assert catch_up(store, batch=3) == 7  # three transactions
    assert len(indexed(store, "giraffe")) == 7 and behind(store) == 0
    assert catch_up(store) == 0


def test_a_search_through_the_app_sees_rows_written_since_the_last_catch_up(store):
    services = Services(store)
    add(store, ev(BEN, "reply", post=post("okapi sighting", "o")))
    page = services.search_interactions("okapi")
    assert [hit.name for hit in page.hits] == ["Ben Carter"]
    assert behind(store) == 0


def test_a_catch_up_stopped_or_failing_between_batches_keeps_what_it_did(store, monkeypatch):
    add(store, *[ev(CLARA, "like", post=post(f"tapir {n}", f"t{n}")) for n in range(10)])
    batches = []
    assert catch_up(store, batch=4, cancelled=lambda: len(batches) > 0 or batches.append(1)) == 4
    assert len(indexed(store, "tapir")) == 4 and behind(store) == 6
    # The next batch fails after its words went in: they are rolled back with it.
    monkeypatch.setattr(search_index, "_DONE", text("UPDATE no_such_table SET x = :through"))
    with pytest.raises(OperationalError):
        catch_up(store, batch=4)
    assert len(indexed(store, "tapir")) == 4 and behind(store) == 6
    monkeypatch.undo()
    assert catch_up(store) == 6
    assert len(indexed(store, "tapir")) == 10


def test_deleted_and_edited_posts_leave_the_index(store):
    add(
        store,
        ev(ANA, "share", post=post("llama parade", "l1")),
        ev(BEN, "like", post=post("llama", "l2")),
    )
    catch_up(store)
    add(store, ev(CLARA, "reply", post=post("llama late", "l3")))  # not indexed yet
    with store.session() as s:
        s.execute(
            text("UPDATE interactions SET post_text = 'alpaca parade' WHERE post_url LIKE '%/l1'")
        )
        s.execute(text("DELETE FROM interactions WHERE post_url LIKE '%/l2'"))
        s.execute(
            text("UPDATE interactions SET post_text = 'alpaca late' WHERE post_url LIKE '%/l3'")
        )
    catch_up(store)
    assert indexed(store, "llama") == []
    assert len(indexed(store, "alpaca")) == 2
    # FTS5's own check: the index holds exactly the words of the rows it points to.
    with store.session() as s:
        s.execute(
            text("INSERT INTO interaction_search(interaction_search) VALUES ('integrity-check')")
        )


def test_the_newest_rows_deleted_their_ids_are_indexed_again_when_reused(store):
    add(store, *[ev(ANA, "share", post=post(f"heron {n}", f"h{n}")) for n in range(3)])
    catch_up(store)
    with store.session() as s:
        newest = s.scalar(text("SELECT max(id) FROM interactions"))
        s.execute(text("DELETE FROM interactions WHERE id >= :id - 1"), {"id": newest})
    add(
        store, ev(BEN, "reply", post=post("egret", "e1")), ev(BEN, "like", post=post("egret", "e2"))
    )
    with store.read() as s:
        reused = s.scalar(text("SELECT max(id) FROM interactions"))
    assert reused == newest  # SQLite handed the deleted ids out again
    catch_up(store)
    assert len(indexed(store, "egret")) == 2
    assert len(indexed(store, "heron")) == 1


def test_a_search_while_a_sync_holds_the_write_lock_does_not_queue_behind_it(store):
    services = Services(store)
    add(store, ev(ANA, "share", post=post("ibex on the ridge", "i1")))
    assert [hit.name for hit in services.search_interactions("ibex").hits] == ["Ana García"]
    add(store, ev(BEN, "like", post=post("ibex again", "i2")))
    path = store.engine.url.database
    sync = sqlite3.connect(path, isolation_level=None)  # a sync's open write transaction
    sync.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        page = services.search_interactions("ibex")
        # Not the 15 s any writer would wait: the search answers from the index it has,
        # and the sync's own catch-up indexes the rest when it ends.
        assert time.monotonic() - started < 5
        assert [hit.name for hit in page.hits] == ["Ana García"]
    finally:
        sync.execute("ROLLBACK")
        sync.close()
    assert catch_up(store) == 1
    assert [hit.name for hit in services.search_interactions("ibex").hits] == [
        "Ben Carter",
        "Ana García",
    ]


def test_a_store_copied_or_imported_into_sqlite_is_searchable_at_once(store, tmp_path):
    from desktop.store.copy import copy_store
    from desktop.store.database import open_store

    add(store, ev(CLARA, "reply", post=post("quokka selfie", "q")))
    copied = open_store(f"sqlite:///{tmp_path / 'copy' / 'reciprocity.db'}")
    copy_store(store, copied)
    assert behind(copied) == 0 and len(indexed(copied, "quokka")) == 1
    Services(store).export_store(tmp_path / "export.json")
    imported = open_store(f"sqlite:///{tmp_path / 'imported' / 'reciprocity.db'}")
    Services(imported).import_store(tmp_path / "export.json")
    assert behind(imported) == 0 and len(indexed(imported, "quokka")) == 1
    copied.close()
    imported.close()
