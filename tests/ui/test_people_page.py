import threading
from datetime import UTC, datetime

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, DAN, add, ev
from PySide6.QtCore import Qt

from desktop.app.services import Services
from desktop.core.events import Actor
from desktop.ui.models.history import HistoryModel
from desktop.ui.models.people import PAGE_SIZE, PeopleModel
from desktop.ui.pages.people import PeoplePage
from desktop.ui.tasks import TaskRunner


def many_people(store, n: int = 1000) -> None:
    """n people, each with one like; Person 0 the most recent. One transaction."""
    add(
        store,
        *[
            ev(
                Actor("mastodon", f"p{i}", f"@p{i}@many.example", f"Person {i}", ""),
                "like",
                hours_ago=i + 1,
            )
            for i in range(n)
        ],
    )


def names(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.fixture
def page(qtbot, store):
    services = Services(store)
    p = PeoplePage(services, TaskRunner())
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.tasks.wait()
    qtbot.waitUntil(lambda: p.tasks.pending() == 0)


def loaded(qtbot, page, n: int) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == n and not page.model.loading, timeout=5000)


def select(qtbot, page, name: str) -> None:
    row = names(page.model).index(name)
    page.table.selectRow(row)
    qtbot.waitUntil(
        lambda: page.details.ledger is not None and page.details.ledger.name == name,
        timeout=5000,
    )


# -- the lazy ledger ---------------------------------------------------------------------


def test_the_model_counts_then_reads_only_the_pages_in_sight(qtbot, store, qtmodeltester):
    many_people(store, 1000)
    tasks = TaskRunner()
    model = PeopleModel(Services(store), tasks)
    qtbot.wait(50)
    assert model.rowCount() == 0 and model.pages_read == 0  # nothing read at construction
    model.reload()
    assert model.loading
    qtbot.waitUntil(lambda: model.complete and not model.loading, timeout=5000)
    assert model.rowCount() == 1000  # the scroll bar is true from the first answer
    assert model.pages_read == 1
    first = [model.index(r, 0).data() for r in range(3)]
    assert first == ["Person 0", "Person 1", "Person 2"]  # most recent first
    # The last row: its page is read, and none of the 3 pages between.
    assert model.index(999, PeopleModel.NAME).data() == "…"
    assert model.index(999, PeopleModel.INBOUND).data() is None
    qtbot.waitUntil(lambda: model.is_loaded(999), timeout=5000)
    assert model.index(999, PeopleModel.NAME).data() == "Person 999"
    assert model.index(998, PeopleModel.NETWORKS).data() == "@p998@many.example"
    assert model.pages_read == 2
    assert not any(model.is_loaded(r) for r in range(PAGE_SIZE, 800))
    qtmodeltester.check(model)
    tasks.wait()


def test_pages_out_of_sight_are_let_go_and_read_again(qtbot, store):
    many_people(store, 1000)
    tasks = TaskRunner()
    model = PeopleModel(Services(store), tasks, keep_pages=2)
    model.reload()
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    for row in (450, 850):  # pages 2 and 4: page 0 is the least recently shown
        model.index(row, 0).data()
        qtbot.waitUntil(lambda r=row: model.is_loaded(r), timeout=5000)
    assert not model.is_loaded(0) and model.person(0) is None
    assert model.index(0, 0).data() == "…"
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=5000)
    assert model.index(0, 0).data() == "Person 0"
    assert model.pages_read == 4
    tasks.wait()


def test_a_store_that_keeps_counting_more_than_it_lists_does_not_loop(qtbot, store):
    many_people(store, 450)

    class Shrinking(Services):
        counts = 0

        def people_count(self, **kw):
            self.counts += 1
            return super().people_count(**kw) + 1550  # as if they were merged away meanwhile

    services = Shrinking(store)
    tasks = TaskRunner()
    model = PeopleModel(services, tasks)
    model.reload()
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert model.rowCount() == 2000
    for _ in range(6):  # a view keeps asking for row 450; its page stays short
        model.index(450, 0).data()
        qtbot.waitUntil(lambda: not model.loading and model.complete, timeout=5000)
        qtbot.wait(20)
    assert services.counts == 4  # counted again three times, then shows what there is
    assert model.index(449, 0).data() == "Person 449"
    assert model.index(450, 0).data() is None and model.person(450) is None
    tasks.wait()


def test_a_failed_read_is_shown_keeps_what_was_read_and_is_not_retried_on_every_paint(
    qtbot, store, page
):
    from desktop.store.database import StoreError

    many_people(store, 450)
    reads = []
    broken = [True]
    real = page.services.people

    def flaky(**kw):
        reads.append(kw["offset"])
        if kw["offset"] and broken[0]:
            raise StoreError("the store could not be read: disk I/O error")
        return real(**kw)

    page.services.people = flaky
    page.refresh()
    loaded(qtbot, page, 450)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.error is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            page.list_status.text()
            == "Could not read the list: the store could not be read: disk I/O error"
        ),
        timeout=5000,
    )
    for _ in range(5):  # the view repaints and asks for the rows again: no new reads
        page.table.viewport().repaint()
        qtbot.wait(20)
    # One failed read (the page the view reached first: the last one, or on a loaded
    # machine one it passed on the way down), never asked again on a repaint.
    assert reads[0] == 0 and len(reads) == 2 and reads[1] in (200, 400), reads
    assert page.model.index(0, 0).data() == "Person 0"  # the first page is still there
    broken[0] = False
    page.model.reload()  # what the user's next search or refresh does
    qtbot.waitUntil(lambda: page.model.complete and not page.model.loading, timeout=5000)
    page.model.index(449, 0).data()
    qtbot.waitUntil(lambda: page.model.is_loaded(449), timeout=5000)
    assert page.model.index(449, 0).data() == "Person 449"
    assert page.model.error is None


def test_the_model_is_valid_while_pages_arrive(qtbot, store, qtmodeltester):
    many_people(store, 450)
    tasks = TaskRunner()
    model = PeopleModel(Services(store), tasks, page_size=100)
    # The C++ tester stays attached and checks every reset and change while pages arrive.
    qtmodeltester.check(model)
    model.reload()
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert model.rowCount() == 450
    for row in range(0, 450, 100):
        model.index(row, 0).data()
        qtbot.waitUntil(lambda r=row: model.is_loaded(r), timeout=5000)
    assert len(set(names(model))) == 450
    model.set_search("person 4")
    qtbot.waitUntil(lambda: model.complete and not model.loading, timeout=5000)
    assert model.rowCount() == 1 + 10 + 50  # Person 4, 40-49, 400-449
    qtmodeltester.check(model, force_py=True)
    tasks.wait()


def test_the_page_shows_the_first_rows_and_the_end_is_one_read_away(qtbot, store, page):
    many_people(store, 1000)
    page.refresh()
    loaded(qtbot, page, 1000)
    thousand = page.locale().toString(1000)  # "1,000" or "1000", as the locale writes it
    qtbot.waitUntil(lambda: page.heading.text() == f"{thousand} people", timeout=5000)
    assert page.list_status.text() == ""
    qtbot.wait(50)
    assert page.model.pages_read == 1  # the view does not pull everything
    assert page.model.index(0, PeopleModel.INBOUND).data() == "1"
    assert page.model.index(0, PeopleModel.NETWORKS).data() == "@p0@many.example"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.is_loaded(999), timeout=5000)
    # The last person is shown, in the list and in the details, after one more read.
    qtbot.waitUntil(
        lambda: page.details.ledger is not None and page.details.ledger.name == "Person 999",
        timeout=5000,
    )
    assert page.model.pages_read == 2
    assert not page.table.isSortingEnabled()


def test_search_asks_the_store_with_accents_folded(qtbot, store, page):
    add(store, ev(ANA, "share"), ev(BEN, "reply"), ev(CLARA, "like"), ev(DAN, "quote"))
    page.refresh()
    loaded(qtbot, page, 4)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "nunez")
    assert page.model.rowCount() == 4  # debounced: no query per keystroke
    qtbot.waitUntil(lambda: names(page.model) == ["Clara Núñez"], timeout=5000)
    assert page.list_status.text() == "1 found."
    qtbot.waitUntil(lambda: page.details.name.text() == "Clara Núñez", timeout=5000)
    page.search.clear()
    qtbot.keyClicks(page.search, "zzz")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter searches at once
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 0, timeout=5000)
    assert page.list_status.text() == "Nobody matches “zzz”."
    assert page.details.name.text() == "Nobody selected"


def test_ctrl_f_goes_to_the_search_box(qtbot, store, page):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_late_results_of_an_older_search_are_ignored(qtbot, store):
    add(store, ev(ANA, "share"), ev(BEN, "reply"))
    gate = threading.Event()

    class SlowServices(Services):
        def people(self, *, search=None, **kw):
            if search == "ana":
                gate.wait(5)  # the first search answers only after the second one
            return super().people(search=search, **kw)

    tasks = TaskRunner()
    model = PeopleModel(SlowServices(store), tasks)
    model.set_search("ana")
    model.set_search("ben")
    qtbot.waitUntil(lambda: model.complete, timeout=5000)
    assert names(model) == ["Ben Carter"]
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=5000)  # the late answer arrived
    assert names(model) == ["Ben Carter"]
    assert model.complete and not model.loading
    tasks.wait()


# -- details ---------------------------------------------------------------------------


def test_details_show_the_exact_ledger_and_history(qtbot, store, page, qtmodeltester):
    now = datetime.now(UTC)
    add(
        store,
        ev(ANA, "share", hours_ago=2 * 24, now=now),
        ev(ANA, "share", hours_ago=50 * 24, now=now),
        ev(ANA, "like", hours_ago=200 * 24, now=now),
        ev(ANA, "like", hours_ago=500 * 24, now=now),
        ev(ANA, "reply", hours_ago=5 * 24, direction="outbound", now=now),
        ev(ANA, "like", hours_ago=100 * 24, direction="outbound", now=now),
        ev(BEN, "follow", hours_ago=1, now=now),
    )
    page.refresh()
    loaded(qtbot, page, 2)
    assert names(page.model) == ["Ben Carter", "Ana García"]
    assert page.model.index(1, PeopleModel.INBOUND).data() == "4"
    assert page.model.index(1, PeopleModel.OUTBOUND).data() == "2"
    assert page.model.index(1, PeopleModel.LAST).data() == "2 days ago"
    assert page.model.index(1, PeopleModel.THANKED).data() == "never"
    select(qtbot, page, "Ana García")
    # "1\u00a0share": the cells never break a line inside a count
    cells = {key: label.text().replace("\xa0", " ") for key, label in page.details.cells.items()}
    assert cells == {
        ("30", "inbound"): "1 share",
        ("30", "outbound"): "1 reply",
        ("90", "inbound"): "2 shares",
        ("90", "outbound"): "1 reply",
        ("365", "inbound"): "2 shares, 1 like",
        ("365", "outbound"): "1 reply, 1 like",
        ("all", "inbound"): "2 shares, 2 likes",
        ("all", "outbound"): "1 reply, 1 like",
    }
    assert 'href="https://social.example/@ana"' in page.details.identities.text()
    assert "never thanked" in page.details.summary.text()
    history = page.details.history_model
    qtmodeltester.check(history)
    assert history.rowCount() == 6
    assert history.index(0, HistoryModel.WHAT).data() == (
        "They shared your post “Networking is giving before asking”"
    )
    assert history.index(1, HistoryModel.WHAT).data().startswith("You replied to them: “")
    assert history.index(2, HistoryModel.WHAT).data().startswith("They shared your post")
    assert history.index(3, HistoryModel.WHAT).data() == (
        "You liked their post “Networking is giving before asking”"
    )
    assert history.index(0, HistoryModel.NETWORK).data() == "Mastodon"
    assert "Waiting for a thank-you" in history.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    select(qtbot, page, "Ben Carter")
    assert page.details.history_model.index(0, HistoryModel.WHAT).data() == "They followed you"


def test_history_model_is_a_valid_qt_model(qtmodeltester, store):
    add(store, ev(ANA, "share"), ev(ANA, "like", direction="outbound"))
    services = Services(store)
    ana = services.people()[0]
    model = HistoryModel()
    model.set_items(services.history(ana.person_id))
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2


def test_notes_and_tags_are_saved_and_read_back(qtbot, store, page):
    add(store, ev(ANA, "share"), ev(BEN, "reply", hours_ago=3))
    page.refresh()
    loaded(qtbot, page, 2)
    select(qtbot, page, "Ana García")
    details = page.details
    assert not details.save.isEnabled()
    details.notes.setPlainText("Met at FOSDEM.\nWrites about community.")
    details.tags.setText(" mentor, open source ,, mentor")
    assert details.save.isEnabled() and details.save_status.text() == "Unsaved changes"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: details.save_status.text() == "Saved.", timeout=5000)
    assert details.tags.text() == "mentor, open source"
    assert not details.save.isEnabled()

    # Typing for someone and moving on keeps what was typed.
    select(qtbot, page, "Ben Carter")
    details.notes.setPlainText("Ben: likes long reads.")
    select(qtbot, page, "Ana García")
    assert details.notes.toPlainText() == "Met at FOSDEM.\nWrites about community."
    assert details.tags.text() == "mentor, open source"
    page.tasks.wait()

    fresh = PeoplePage(Services(store), TaskRunner())
    qtbot.addWidget(fresh)
    fresh.refresh()
    loaded(qtbot, fresh, 2)
    select(qtbot, fresh, "Ben Carter")
    assert fresh.details.notes.toPlainText() == "Ben: likes long reads."
    select(qtbot, fresh, "Ana García")
    assert fresh.details.notes.toPlainText() == "Met at FOSDEM.\nWrites about community."
    assert fresh.details.tags.text() == "mentor, open source"
    assert fresh.details.ledger.tags == ["mentor", "open source"]
    fresh.tasks.wait()


# -- merge -----------------------------------------------------------------------------


def test_merge_through_the_dialog_makes_the_two_anas_one(qtbot, store, page, qtmodeltester):
    add(
        store,
        ev(ANA, "share", hours_ago=1),
        ev(ANA_BSKY, "like", hours_ago=2),
        ev(BEN, "reply", hours_ago=3),
    )
    changed = []
    page.changed.connect(lambda: changed.append(True))
    page.refresh()
    loaded(qtbot, page, 3)
    assert names(page.model).count("Ana García") == 2
    select(qtbot, page, "Ana García")
    kept = page.details.person_id
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.merge_dialog
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    assert dialog.search.text() == "Ana García"  # the likely duplicate is offered first
    qtbot.waitUntil(lambda: dialog.model.complete, timeout=5000)
    assert names(dialog.model) == ["Ana García"]  # the other one, not herself
    assert not dialog.confirm.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.confirm_text.text() == (
        "Ana García (Mastodon) and Ana García (Bluesky) become one person; nothing is deleted."
    )
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(changed), timeout=5000)
    qtbot.waitUntil(
        lambda: names(page.model) == ["Ana García", "Ben Carter"] and page.model.complete,
        timeout=5000,
    )
    qtbot.waitUntil(lambda: "Bluesky" in page.details.identities.text(), timeout=5000)
    assert page.details.person_id == kept
    assert "Mastodon" in page.details.identities.text()
    assert page.details.cells[("all", "inbound")].text() == "1\xa0share, 1\xa0like"
    assert "combined from 2 records" in page.details.summary.text()
    assert page.table.currentIndex().row() == 0


def test_merge_dialog_says_when_nobody_else_matches(qtbot, store, page):
    add(store, ev(BEN, "reply"))
    page.refresh()
    loaded(qtbot, page, 1)
    select(qtbot, page, "Ben Carter")
    page.details.merge.click()
    dialog = page.merge_dialog
    qtbot.waitUntil(lambda: dialog.model.complete, timeout=5000)
    assert dialog.empty.text().startswith("Nobody else matches “Ben Carter”.")
    dialog.reject()


def test_an_empty_store_says_where_people_come_from(qtbot, page):
    page.refresh()
    qtbot.waitUntil(lambda: page.model.complete, timeout=5000)
    qtbot.waitUntil(lambda: page.heading.text() == "No people yet", timeout=5000)
    assert "first sync" in page.list_status.text()
    assert page.details.name.text() == "Nobody selected"
    assert not page.details.merge.isEnabled()


def test_in_the_main_window_the_list_is_read_only_when_people_is_shown(qtbot, store):
    from desktop.ui.main_window import MainWindow

    add(store, ev(ANA, "share"), ev(BEN, "reply", hours_ago=2))
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    people = window.pages["people"]
    qtbot.wait(100)
    assert not people.model.loading and not people.model.complete  # never asked yet
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: names(people.model) == ["Ana García", "Ben Carter"], timeout=5000)
    qtbot.waitUntil(lambda: people.details.name.text() == "Ana García", timeout=5000)
    qtbot.waitUntil(lambda: people.heading.text() == "2 people", timeout=5000)
    window.tasks.wait()


def test_a_narrow_list_folds_columns_so_names_stay_readable(qtbot, store, page):
    many_people(store, 30)
    page.resize(610, 480)  # the main window at 760 px, less its section list
    page.refresh()
    loaded(qtbot, page, 30)
    qtbot.wait(50)
    table = page.table
    shown = [c for c in range(page.model.columnCount()) if not table.isColumnHidden(c)]
    assert PeopleModel.NAME in shown and PeopleModel.NETWORKS not in shown
    assert table.columnWidth(PeopleModel.NAME) >= page.NAME_MIN
    assert table.horizontalScrollBar().maximum() == 0  # nothing runs off to the side
    page.resize(1280, 800)
    qtbot.waitUntil(lambda: not table.isColumnHidden(PeopleModel.NETWORKS), timeout=2000)
