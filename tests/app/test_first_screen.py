"""The first screen kept beside the store: made from the real plan and draft, read back the
same, and never shown once the store changed (a write of this process or another's), on
another day or in another language, or from a damaged file."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from factories import ANA, BEN, add, ev

from desktop.app import first_screen
from desktop.app.services import Services
from desktop.core import i18n
from desktop.store.database import first_screen_path

pytestmark = pytest.mark.sqlite_only("the first screen is a file beside the SQLite store")

TODAY = date.today()


@pytest.fixture
def kept(store):
    now = datetime.now(UTC)
    add(store, ev(ANA, "share", now=now), ev(BEN, "reply", now=now, hours_ago=2))
    services = Services(store)
    services.checkin_plan(TODAY)  # the day's plan, saved as the check-in saves it
    screen = services.remember_first_screen(TODAY)
    assert screen is not None
    return services, screen


def test_it_holds_the_check_ins_first_person_and_draft_and_the_thank_rows(store, kept):
    from desktop.queries.checkin import plan as make_plan

    services, screen = kept
    with store.read() as s:
        plan = make_plan(s, TODAY, save=False)
    assert screen.checkin_person == plan.people[0] and screen.checkin_count == 2
    assert screen.draft_text == services.draft(plan.people[0].person_id).text
    assert screen.thank_rows == services.pending() and screen.thank_total == 2
    again = first_screen.read(store.path, TODAY, i18n.language())
    assert again == screen  # every field back as it was, times with their offsets


def test_any_write_forgets_it(store, kept):
    services, _ = kept
    assert first_screen_path(store.path).exists()
    services.set_setting("thank_likes", True)
    assert not first_screen_path(store.path).exists()
    assert first_screen.read(store.path, TODAY, i18n.language()) is None


def test_a_copy_put_back_after_another_program_wrote_is_not_used(store, kept):
    path = first_screen_path(store.path)
    old = path.read_bytes()
    add(store, ev(ANA, "like", now=datetime.now(UTC)))
    path.write_bytes(old)
    assert first_screen.read(store.path, TODAY, i18n.language()) is None


def test_another_day_or_language_does_not_use_it(store, kept):
    assert first_screen.read(store.path, TODAY + timedelta(days=1), i18n.language()) is None
    assert first_screen.read(store.path, TODAY, "es") is None
    assert first_screen.read(None, TODAY, i18n.language()) is None  # PostgreSQL: none


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        json.dumps({"version": 99}).encode(),
        b'{"version": 1, "day": "yesterday"}',
        b"\xff\xfe" * 10,
    ],
)
def test_a_damaged_file_is_passed_over(store, kept, damage):
    first_screen_path(store.path).write_bytes(damage)
    assert first_screen.read(store.path, TODAY, i18n.language()) is None


def test_a_huge_file_is_not_read(store, kept):
    first_screen_path(store.path).write_bytes(b" " * (first_screen.MAX_BYTES + 1))
    assert first_screen.read(store.path, TODAY, i18n.language()) is None


def test_one_made_while_this_process_wrote_is_not_kept(store, kept, monkeypatch):
    services, _ = kept
    first_screen_path(store.path).unlink()
    real_draft = Services.draft

    def draft_while_a_sync_writes(self, person_id, **kw):
        add(store, ev(BEN, "like", now=datetime.now(UTC)))  # another thread's commit
        return real_draft(self, person_id, **kw)

    monkeypatch.setattr(Services, "draft", draft_while_a_sync_writes)
    assert services.remember_first_screen(TODAY) is None
    assert not first_screen_path(store.path).exists()


def test_making_it_ahead_fixes_no_plan(store):
    """Made before the first check-in of the day, it must not freeze that day's plan."""
    add(store, ev(ANA, "share", now=datetime.now(UTC)))
    services = Services(store)
    screen = services.remember_first_screen(TODAY)
    assert screen is not None and screen.checkin_person is not None
    with store.read() as s:
        from desktop.store.settings import get_setting

        assert not get_setting(s, "checkin_state")
