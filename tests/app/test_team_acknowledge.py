"""Team mode: members answering the same person at the same moment, from their own
`reciprocity` processes on one PostgreSQL database. One answer wins; the others are told
who was answered how and when (exit 1, no traceback), and nothing is answered twice."""

from __future__ import annotations

import json

import pytest
from factories import ANA, BEN, POST1, add, ev
from sqlalchemy import select
from team import Member, dsn, finish, lock_waiters, wait_for

from desktop.store.database import open_store
from desktop.store.models import Identity

pytestmark = pytest.mark.postgresql_only("several members' apps answering one person")


@pytest.fixture
def ana_waits(postgres_url):
    """Ana shared and liked my post; Ben liked it. Ana's person id."""
    store = open_store(postgres_url)
    add(store, ev(ANA, "share", post=POST1), ev(ANA, "like", post=POST1), ev(BEN, "share"))
    with store.read() as s:
        person = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
    store.close()
    return person


def test_three_members_answering_one_person_at_once_one_wins(postgres_url, tmp_path, ana_waits):
    import psycopg

    members = [Member(tmp_path, name, postgres_url) for name in ("ana", "ben", "clara")]
    commands = [
        ("thank", ana_waits, "--how", "like"),
        ("dismiss", ana_waits),
        ("thank", ana_waits),
    ]
    # Ana's pending rows held for a moment, so that all three reach them at once.
    with psycopg.connect(dsn(postgres_url)) as holder:
        holder.execute("SELECT id FROM interactions WHERE acknowledgement_id IS NULL FOR UPDATE")
        running = [m.start(*c) for m, c in zip(members, commands, strict=True)]
        wait_for(lambda: lock_waiters(postgres_url) == 3, "all three waiting for Ana's rows")
    done = [finish(process) for process in running]

    won = [d for d in done if d.code == 0]
    assert len(won) == 1, done
    winner = won[0].out
    action = "dismissed" if winner.startswith("Dismissed") else "thanked"
    for told in (d for d in done if d.code != 0):
        assert told.code == 1, told
        assert "Traceback" not in told.err
        assert told.err.startswith(
            f"reciprocity: nothing is pending for Ana García any more: {action} at "
        ), told

    ledger = json.loads(members[0].run("person", ana_waits, "--json").out)
    assert [a["action"] for a in ledger["acknowledgements"]] == [action]
    pending = json.loads(members[1].run("pending", "--json").out)
    assert [p["name"] for p in pending] == ["Ben Carter"]  # Ben's own share still waits
