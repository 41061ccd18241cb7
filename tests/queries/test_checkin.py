from datetime import timedelta

from factories import ANA, BEN, CLARA, DAN, NOW, add, add_links, ev, link

from desktop.queries.checkin import finish, load_progress, plan, record, streak
from desktop.queries.people import acknowledge
from desktop.store.settings import set_setting

TODAY = NOW.date()


def test_the_plan_is_fixed_for_the_day_and_progress_survives(store):
    add(
        store,
        ev(ANA, "share", hours_ago=1),
        ev(BEN, "quote", hours_ago=2),
        ev(CLARA, "reply", hours_ago=3),
        ev(DAN, "mention", hours_ago=4),
    )
    add_links(
        store,
        link("https://x.example/1", hours_ago=1),
        link("https://x.example/2", hours_ago=2),
        link("https://x.example/3", hours_ago=3),
    )
    with store.session() as s:
        first = plan(s, TODAY)
        assert [p.name for p in first.people] == ["Ana García", "Ben Carter", "Clara Núñez"]
        assert len(first.candidates) == 2
        ana = first.people[0].person_id
        record(s, TODAY, person_id=first.people[1].person_id, outcome="skipped")
        acknowledge(s, ana, "thanked", now=NOW)
        record(s, TODAY, person_id=ana, outcome="thanked")
    add(store, ev(DAN, "share", hours_ago=0.5))  # Dan now outranks: the plan stays put
    with store.session() as s:
        again = plan(s, TODAY)
        assert [p.name for p in again.people] == ["Ben Carter", "Clara Núñez"]
        assert again.progress.people == {ana: "thanked", first.people[1].person_id: "skipped"}
        assert again.progress.thanked == 1
        tomorrow = plan(s, TODAY + timedelta(days=1))
        assert tomorrow.progress.people == {}
        assert tomorrow.people[0].name == "Dan Ito"


def test_check_in_size_follows_the_settings(store):
    add(store, ev(ANA, "share"), ev(BEN, "quote"), ev(CLARA, "reply"))
    with store.session() as s:
        set_setting(s, "checkin_people", 1)
        assert [p.name for p in plan(s, TODAY).people] == ["Ana García"]


def test_streak_counts_days_in_a_row(store):
    with store.session() as s:
        for days_ago in (4, 2, 1, 0):
            finish(s, TODAY - timedelta(days=days_ago))
        assert streak(s, TODAY) == 3
        assert streak(s, TODAY + timedelta(days=1)) == 3  # today not done yet: still 3
        assert streak(s, TODAY + timedelta(days=2)) == 0
        assert load_progress(s, TODAY).finished


def test_an_unreadable_state_starts_the_day_afresh(store):
    with store.session() as s:
        set_setting(s, "checkin_state", {"date": TODAY.isoformat(), "people": {"x": 1}})
        assert load_progress(s, TODAY).people == {}
