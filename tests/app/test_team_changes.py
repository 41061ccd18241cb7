"""A shared store's changes reach the other members: every write session on PostgreSQL
notifies, on commit only, with the writer's id, so a member's own writes are not news."""

import select

import pytest
from factories import ANA, BEN, add, ev
from sqlalchemy import text

from desktop.app.services import Services
from desktop.app.stores import open_store
from desktop.app.team_changes import ChangeListener, is_shared


def heard(listener: ChangeListener, within: float = 2.0) -> int:
    """Notices from others that arrive within ``within`` seconds."""
    total = 0
    while True:
        ready, _, _ = select.select([listener.fileno()], [], [], within)
        if not ready:
            return total
        total += listener.drain()
        within = 0.2  # the rest of a burst


@pytest.fixture
def members(postgres_url):
    ana, ben = open_store(postgres_url), open_store(postgres_url)
    yield ana, ben
    ana.close()
    ben.close()


def test_a_teammates_write_is_heard_and_ones_own_is_not(members):
    ana, ben = members
    assert is_shared(ana)
    listener = ChangeListener(ana)
    try:
        add(ben, ev(ANA, "share"))
        assert heard(listener) >= 1
        add(ana, ev(BEN, "reply"))
        assert heard(listener, within=0.5) == 0  # Ana's own write
    finally:
        listener.close()


def test_a_rolled_back_write_tells_no_one(members):
    ana, ben = members
    listener = ChangeListener(ana)
    try:
        with pytest.raises(RuntimeError), ben.session() as s:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))
            raise RuntimeError("changed my mind")
        assert heard(listener, within=0.5) == 0
    finally:
        listener.close()


def test_a_thank_you_by_one_member_is_heard_by_the_other(members):
    ana, ben = members
    add(ben, ev(ANA, "share"))
    listener = ChangeListener(ana)
    try:
        (person,) = Services(ana).pending()
        Services(ben).acknowledge(person.person_id, "thanked")
        assert heard(listener) >= 1
        assert Services(ana).pending() == []
    finally:
        listener.close()


def test_sqlite_stores_are_not_shared(store):
    if store.engine.dialect.name == "sqlite":
        assert not is_shared(store)
