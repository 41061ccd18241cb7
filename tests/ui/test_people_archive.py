"""The People page's archive search box: typing searches every interaction stored, on a
worker; the results replace the list until Esc; choosing one shows that person's ledger."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from factories import ANA, BEN, CLARA, add, ev
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.app.services import Services
from desktop.core.events import Post
from desktop.ui.models.search import SearchResultsModel
from desktop.ui.pages.people import PeoplePage
from desktop.ui.tasks import TaskRunner

# Near the real clock, so "2h ago" reads as it would.
RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
DIFUSION = Post("https://social.example/@me/3", "Gracias por la DIFUSIÓN del taller", "es", "3")


class Watched(Services):
    """Services that remember on which thread each archive search ran."""

    threads: list[bool]

    def search_interactions(self, text, **kw):
        self.threads.append(threading.current_thread() is threading.main_thread())
        return super().search_interactions(text, **kw)


@pytest.fixture
def page(qtbot, store):
    add(
        store,
        ev(CLARA, "reply", post=DIFUSION, hours_ago=2, now=RECENT),
        ev(BEN, "like", hours_ago=3, now=RECENT),
        *[ev(ANA, "share", post=DIFUSION, hours_ago=10 + h, now=RECENT) for h in range(12)],
    )
    services = Watched(store)
    services.threads = []
    p = PeoplePage(services, TaskRunner())
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitExposed(p)
    p.refresh()
    qtbot.waitUntil(lambda: p.model.rowCount() == 3 and not p.model.loading, timeout=5000)
    qtbot.waitUntil(lambda: p.details.ledger is not None, timeout=5000)  # the first person
    yield p
    p.tasks.wait()
    qtbot.waitUntil(lambda: p.tasks.pending() == 0)


def searched(qtbot, page, count: int) -> None:
    model = page.archive.model
    qtbot.waitUntil(lambda: model.rowCount() == count and not model.loading, timeout=5000)


def test_typing_searches_every_interaction_on_a_worker(qtbot, page):
    page.archive.box.setFocus()
    QTest.keyClicks(page.archive.box, "difusion")
    assert page.left.currentWidget() is page.archive  # the results take the list's place
    assert page.archive.status.text() == "Searching…"
    assert page.services.threads == []  # not per key: a moment after the last one
    searched(qtbot, page, 13)
    assert page.services.threads == [False]  # once, and never on the GUI thread
    model = page.archive.model
    first = model.index(0)
    assert first.data() == "Clara Núñez"
    assert first.data(SearchResultsModel.WhenRole) == "2 h ago"
    assert first.data(SearchResultsModel.SentenceRole) == (
        "They replied to you: “Gracias por la DIFUSIÓN del taller”"
    )
    assert [model.index(r).data() for r in range(1, 13)] == ["Ana García"] * 12
    assert page.archive.status.text() == "13 found, newest first."


def test_keys_go_from_the_box_to_the_results_and_enter_shows_the_ledger(qtbot, page):
    QTest.keyClicks(page.archive.box, "ana")
    QTest.keyClick(page.archive.box, Qt.Key.Key_Return)  # searches at once
    searched(qtbot, page, 12)
    assert page.archive.results.hasFocus()
    assert page.archive.results.currentIndex().row() == 0
    qtbot.waitUntil(
        lambda: page.details.ledger is not None and page.details.ledger.name == "Ana García",
        timeout=5000,
    )
    QTest.keyClick(page.archive.results, Qt.Key.Key_Up)  # from the first result, back up
    assert page.archive.box.hasFocus()
    page.archive.box.clear()
    QTest.keyClicks(page.archive.box, "gracias")
    searched(qtbot, page, 13)
    QTest.keyClick(page.archive.box, Qt.Key.Key_Down)
    assert page.archive.results.hasFocus() and page.archive.results.currentIndex().row() == 0
    qtbot.waitUntil(
        lambda: page.details.ledger is not None and page.details.ledger.name == "Clara Núñez",
        timeout=5000,
    )
    QTest.keyClick(page.archive.results, Qt.Key.Key_Down)
    QTest.keyClick(page.archive.results, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: page.details.ledger is not None and page.details.ledger.name == "Ana García",
        timeout=5000,
    )


def test_escape_goes_back_to_everyone_and_the_shortcut_comes_back(qtbot, page):
    QTest.keyClicks(page.archive.box, "ben")
    searched(qtbot, page, 1)
    QTest.keyClick(page.archive.box, Qt.Key.Key_Escape)
    assert page.archive.box.text() == ""
    assert page.left.currentWidget() is not page.archive
    assert page.table.isVisible()
    page.table.setFocus()
    QTest.keyClick(
        page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert page.archive.box.hasFocus()


def test_more_results_are_read_when_scrolled_to_the_end(qtbot, page, store):
    add(
        store, *[ev(BEN, "mention", post=DIFUSION, hours_ago=30 + h, now=RECENT) for h in range(60)]
    )
    model = page.archive.model
    model.page_size = 10
    QTest.keyClicks(page.archive.box, "difus")
    QTest.keyClick(page.archive.box, Qt.Key.Key_Return)
    # The view asks for pages until it is full, and no more.
    qtbot.waitUntil(lambda: model.rowCount() >= 10 and not model.loading, timeout=5000)
    qtbot.wait(100)
    assert not model.loading and model.rowCount() < 73
    assert page.archive.status.text() == (
        f"The newest {model.rowCount()} found; more as you scroll."
    )
    for _ in range(20):  # each time the view reaches the end, it asks for the next page
        if model.complete:
            break
        page.archive.results.scrollToBottom()
        qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    searched(qtbot, page, 73)
    hits = [model.hit(r) for r in range(73)]
    assert len({hit.interaction_id for hit in hits}) == 73
    times = [hit.occurred_at for hit in hits]
    assert times == sorted(times, reverse=True)
    assert page.archive.status.text() == "73 found, newest first."


def test_what_cannot_be_searched_is_said_in_the_panel(qtbot, page):
    QTest.keyClicks(page.archive.box, "!!!")
    qtbot.waitUntil(lambda: page.archive.model.error is not None, timeout=5000)
    assert page.archive.status.text() == (
        "Could not search: nothing to search for in '!!!': type letters or digits"
    )
    page.archive.box.clear()
    QTest.keyClicks(page.archive.box, "zebra")
    qtbot.waitUntil(lambda: page.archive.status.text().startswith("Nothing"), timeout=5000)
    assert page.archive.status.text() == "Nothing stored matches “zebra”."


def test_an_older_search_answering_late_is_dropped(qtbot, page):
    model = page.archive.model
    model.set_search("ana")
    model.set_search("clara")  # before the first answer arrives
    qtbot.waitUntil(lambda: not model.loading and model.pages_read == 1, timeout=5000)
    page.tasks.wait()
    qtbot.wait(50)
    assert [model.index(r).data() for r in range(model.rowCount())] == ["Clara Núñez"]


def test_the_results_model(qtbot, page, qtmodeltester):
    model = page.archive.model
    model.set_search("gracias")
    searched(qtbot, page, 13)
    qtmodeltester.check(model)
