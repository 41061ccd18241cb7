from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from factories import ANA, BEN, CLARA, DAN, add_links, link
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from desktop.app.services import Services
from desktop.core.reasons import Reason, ReasonKind
from desktop.queries.candidates import RankedCandidate
from desktop.queries.ledger import person_ledger
from desktop.store.models import Identity
from desktop.store.settings import set_setting
from desktop.ui import pages
from desktop.ui.models.candidates import CandidateFilter, CandidatesModel
from desktop.ui.pages.share import SharePage
from desktop.ui.tasks import TaskRunner


def now():
    return datetime.now(UTC)


def titles(page) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def column(page, col: int) -> list[str]:
    return [page.proxy.index(r, col).data() for r in range(page.proxy.rowCount())]


@pytest.fixture
def links(store):
    """Four links whose order the ranking formula decides: network, interest, plain, old."""
    with store.session() as s:
        set_setting(s, "interests", ["networking"])
    at = now()
    add_links(
        store,
        link("https://a.example/plain", title="Gardening tips", hours_ago=1, now=at),
        link("https://b.example/match", title="Networking for introverts", hours_ago=1, now=at),
        link("https://c.example/tools", sharer=ANA, title="Tools we love", hours_ago=2, now=at),
        link("https://c.example/tools?utm_source=x", sharer=BEN, hours_ago=3, now=at),
        link("https://c.example/tools", sharer=CLARA, hours_ago=4, now=at),
        link("https://c.example/tools#top", sharer=DAN, hours_ago=5, now=at),
        link("https://d.example/old", title="Networking classic", hours_ago=24 * 6, now=at),
    )


@pytest.fixture
def page(qtbot, store):
    p = SharePage(Services(store), TaskRunner())
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.tasks.wait()
    qtbot.waitUntil(lambda: p.tasks.pending() == 0)


def loaded(qtbot, page, n: int) -> None:
    qtbot.waitUntil(lambda: page.proxy.rowCount() == n and page.tasks.pending() == 0, timeout=5000)


def pick(qtbot, page, title: str) -> None:
    page.table.selectRow(titles(page).index(title))
    qtbot.waitUntil(lambda: page.panel.title.text() == title)


def press(qtbot, page, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, key, modifier)


def test_links_are_listed_in_ranking_order_with_their_reasons(qtbot, page, links, tmp_path):
    assert page.model.rowCount() == 0  # nothing is read on the GUI thread
    page.refresh()
    loaded(qtbot, page, 4)
    assert titles(page) == [
        "Tools we love",  # shared by four people in my network
        "Networking for introverts",  # matches an interest
        "Gardening tips",  # fresh, nothing more
        "Networking classic",  # an interest, but six days old
    ]
    sites = ["c.example", "b.example", "a.example", "d.example"]  # no author known: the site
    assert column(page, CandidatesModel.AUTHOR) == sites
    assert column(page, CandidatesModel.SHARED_BY) == ["4", "–", "–", "–"]
    assert column(page, CandidatesModel.WHY) == [
        "Shared by 4 in your network",
        "Your interests: networking",
        "New, seen today",
        "Your interests: networking",
    ]
    assert column(page, CandidatesModel.SEEN) == ["2 h ago", "1 h ago", "1 h ago", "6 days ago"]
    assert page.heading.text() == "4 links worth sharing"
    qtbot.waitUntil(lambda: page.panel.title.text() == "Tools we love")
    assert "shared by 4 in your network" in page.panel.meta.text()
    assert "Shared by 4 people in your network" in page.panel.why.text()
    why_tip = page.proxy.index(0, CandidatesModel.WHY).data(Qt.ItemDataRole.ToolTipRole)
    assert why_tip == "shared by 4 people in your network\nseen today"
    page.grab().save(str(tmp_path / "share-1280.png"))
    page.resize(900, 600)
    qtbot.waitUntil(lambda: page.table.isColumnHidden(CandidatesModel.WHY))
    page.grab().save(str(tmp_path / "share-900.png"))


def test_the_filter_ignores_case_and_accents(qtbot, page, store, links):
    add_links(store, link("https://e.example/es", title="Difusión del trabajo", now=now()))
    page.refresh()
    loaded(qtbot, page, 5)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "DIFUSION")
    assert titles(page) == ["Difusión del trabajo"]
    page.search.setText("networking classic")
    assert titles(page) == ["Networking classic"]
    page.search.clear()
    assert page.proxy.rowCount() == 5


def test_save_and_skip_move_rows_between_the_states(qtbot, page, links):
    page.refresh()
    loaded(qtbot, page, 4)
    pick(qtbot, page, "Networking for introverts")
    press(qtbot, page, Qt.Key.Key_S)
    loaded(qtbot, page, 3)
    assert "Networking for introverts" not in titles(page)
    qtbot.waitUntil(lambda: page.panel.title.text() == "Gardening tips")  # the next one up
    press(qtbot, page, Qt.Key.Key_K)
    loaded(qtbot, page, 2)
    assert titles(page) == ["Tools we love", "Networking classic"]

    press(qtbot, page, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.states.currentIndex() == 1
    loaded(qtbot, page, 1)
    assert titles(page) == ["Networking for introverts"]
    assert page.heading.text() == "1 saved for later"
    qtbot.waitUntil(lambda: page.panel.title.text() == "Networking for introverts")
    assert not page.panel.save.isEnabled() and page.panel.skip.isEnabled()

    page.states.setCurrentIndex(3)
    loaded(qtbot, page, 1)
    assert titles(page) == ["Gardening tips"]
    qtbot.waitUntil(lambda: page.panel.save.text() == "Restore")
    qtbot.mouseClick(page.panel.save, Qt.MouseButton.LeftButton)  # back to Open
    loaded(qtbot, page, 0)
    assert page.heading.text() == "Nothing skipped"
    assert page.panel.title.text() == "Nothing selected"
    assert not page.panel.compose.isEnabled()

    page.states.setCurrentIndex(0)
    loaded(qtbot, page, 3)
    assert titles(page) == ["Tools we love", "Gardening tips", "Networking classic"]


@pytest.fixture
def by_ana(store):
    add_links(
        store,
        link(
            "https://blog.example/networking-is-giving?utm_source=masto",
            author=ANA,
            sharer=BEN,
            title="Networking is giving",
            summary="Why amplifying others pays off.",
            hours_ago=1,
            now=now(),
        ),
    )


def ana_outbound(store) -> dict[str, int]:
    with store.read() as s:
        person_id = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
        return person_ledger(s, person_id).windows["all"]["outbound"]


def test_compose_copy_and_mark_shared_credits_the_author(qtbot, page, store, by_ana, tmp_path):
    page.refresh()
    loaded(qtbot, page, 1)
    qtbot.waitUntil(lambda: page.panel.title.text() == "Networking is giving")
    press(qtbot, page, Qt.Key.Key_C)
    composer = page.panel.composer
    qtbot.waitUntil(composer.isVisible, timeout=5000)
    assert composer.network.currentData() == "mastodon"
    assert composer.editor.toPlainText() == (
        "“Networking is giving” by @ana@social.example\n"
        "https://blog.example/networking-is-giving\n"
        "via @ben@social.example"
    )
    assert composer.count.text() == f"{len('“Networking is giving” by @ana') + 25 + 8} / 500"
    assert not composer.reason.isVisible()
    page.grab().save(str(tmp_path / "compose.png"))

    # Neither is on Bluesky: names instead of handles, and 300 graphemes to fit in.
    composer.network.setCurrentIndex(composer.network.findData("bluesky"))
    assert composer.editor.toPlainText() == (
        "“Networking is giving” by Ana García\n"
        "https://blog.example/networking-is-giving\n"
        "via Ben Carter"
    )
    assert composer.count.text().endswith("/ 300")

    composer.editor.setPlainText("x" * 301)
    assert composer.reason.isVisible()
    assert "1 grapheme over Bluesky's limit of 300" in composer.reason.text()
    composer.editor.setPlainText("Worth reading, by Ana")
    qtbot.keyClick(
        composer.editor,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text() == "Worth reading, by Ana"

    press(qtbot, page, Qt.Key.Key_M)
    loaded(qtbot, page, 0)
    assert ana_outbound(store) == {"share": 1}
    page.states.setCurrentIndex(2)
    loaded(qtbot, page, 1)
    qtbot.waitUntil(lambda: page.panel.title.text() == "Networking is giving")
    assert not page.panel.mark.isEnabled()
    press(qtbot, page, Qt.Key.Key_M)  # already shared: nothing happens
    page.tasks.wait()
    assert ana_outbound(store) == {"share": 1}


def test_open_in_browser_and_copy_link(qtbot, page, by_ana, monkeypatch):
    opened = []
    monkeypatch.setattr(
        pages.share.page,
        "QDesktopServices",
        SimpleNamespace(openUrl=lambda url: opened.append(url)),
    )
    page.refresh()
    loaded(qtbot, page, 1)
    qtbot.waitUntil(lambda: page.panel.open.isEnabled())
    press(qtbot, page, Qt.Key.Key_O)
    assert [u.toString() for u in opened] == ["https://blog.example/networking-is-giving"]
    press(qtbot, page, Qt.Key.Key_L)
    assert QGuiApplication.clipboard().text() == "https://blog.example/networking-is-giving"
    page.table.doubleClicked.emit(page.proxy.index(0, 0))
    assert len(opened) == 2


def test_escape_puts_the_draft_away(qtbot, page, by_ana):
    page.refresh()
    loaded(qtbot, page, 1)
    qtbot.waitUntil(lambda: page.panel.compose.isEnabled())
    qtbot.mouseClick(page.panel.compose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.panel.composer.isVisible, timeout=5000)
    assert not page.panel.why.isVisible()  # the reasons step aside for the draft
    editor = page.panel.composer.editor
    editor.setFocus()
    qtbot.keyClicks(editor, " mosklc")  # letters are text here, not shortcuts
    assert editor.toPlainText().endswith(" mosklc")
    page.tasks.wait()
    assert page.model.candidate(0).state == "new" and page.proxy.rowCount() == 1
    qtbot.keyClick(page.panel.composer.editor, Qt.Key.Key_Escape)
    assert not page.panel.composer.isVisible()
    assert page.panel.why.isVisible()


def ranked(i: int, **kw) -> RankedCandidate:
    values = {
        "candidate_id": i,
        "url": f"https://site{i}.example/post",
        "title": f"Post {i}",
        "summary": "",
        "author": f"Author {i}",
        "shared_by_count": i % 3,
        "score": 1.0 / (i + 1),
        "reasons": (Reason(ReasonKind.SEEN),),
        "state": "new",
        "last_seen_at": now() - timedelta(hours=i),
    }
    values.update(kw)
    return RankedCandidate(**values)


def test_the_candidates_model_passes_the_model_tester(qtmodeltester):
    model = CandidatesModel()
    qtmodeltester.check(model)
    model.set_candidates([ranked(i) for i in range(25)] + [ranked(99, title="", reasons=())])
    qtmodeltester.check(model)
    assert model.index(25, CandidatesModel.TITLE).data() == "site99.example"
    assert model.index(25, CandidatesModel.WHY).data() == ""
    assert model.row_of(99) == 25 and model.row_of(1234) is None
    proxy = CandidateFilter()
    proxy.setSourceModel(model)
    proxy.set_text("post 1")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 12  # every word, anywhere: Post 1, 10..19 and 21


def test_share_and_settings_inside_the_main_window_with_demo_data(qtbot, store, tmp_path):
    from desktop.demo import fill_demo
    from desktop.ui.main_window import MainWindow

    fill_demo(store)
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    window.show_section("share")
    share = window.pages["share"]
    qtbot.waitUntil(lambda: share.proxy.rowCount() > 5, timeout=10000)
    qtbot.waitUntil(lambda: share.panel.compose.isEnabled())
    share.compose()
    qtbot.waitUntil(share.panel.composer.isVisible, timeout=5000)
    assert share.panel.composer.editor.toPlainText()
    window.grab().save(str(tmp_path / "main-share-900.png"))
    window.show_section("settings")
    settings = window.pages["settings"]
    qtbot.waitUntil(lambda: settings.loaded, timeout=5000)
    assert settings.interests.text()  # the demo's interests
    window.grab().save(str(tmp_path / "main-settings-900.png"))
    window.tasks.wait()
