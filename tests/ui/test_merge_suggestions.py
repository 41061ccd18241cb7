"""People → Suggested merges: the pair and why, one click merges, "Not the same" is kept."""

from factories import ANA, add, ev
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.app.services import Services
from desktop.core.events import Actor
from desktop.ui.main_window import MainWindow

ANA_LI = Actor(
    "linkedin",
    "in/ana-garcia",
    "ana-garcia",
    "Ana García",
    "https://www.linkedin.com/in/ana-garcia",
)


def people_page(qtbot, store):
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.show_section("people")
    return window, window.pages["people"]


def test_a_suggestion_says_why_and_merges_in_one_click(qtbot, store):
    add(store, ev(ANA, "share"))
    add(store, ev(ANA_LI, "follow"), network="linkedin")
    window, page = people_page(qtbot, store)
    qtbot.waitUntil(page.suggestions_button.isVisible, timeout=10000)
    assert page.suggestions_button.text() == "1 suggested merge…"
    page.suggestions_button.click()
    dialog = page.suggestions_dialog
    (label,) = [w for w in dialog.rows[0].findChildren(QLabel)]
    assert label.text() == "Ana García (Mastodon) and Ana García (LinkedIn): the same name"
    merge = next(b for b in dialog.rows[0].findChildren(QPushButton) if b.text() == "Merge")
    merge.click()
    qtbot.waitUntil(lambda: "are now one person" in dialog.status.text(), timeout=10000)
    assert Services(store).people_count() == 1
    dialog.reject()
    qtbot.waitUntil(lambda: not page.suggestions_button.isVisible(), timeout=10000)
    window.tasks.wait()


def test_not_the_same_is_remembered(qtbot, store):
    add(store, ev(ANA, "share"))
    add(store, ev(ANA_LI, "follow"), network="linkedin")
    window, page = people_page(qtbot, store)
    qtbot.waitUntil(page.suggestions_button.isVisible, timeout=10000)
    page.open_suggestions()
    dialog = page.suggestions_dialog
    no = next(b for b in dialog.rows[0].findChildren(QPushButton) if b.text() == "Not the same")
    no.click()
    qtbot.waitUntil(lambda: dialog.status.text() == "No more suggestions.", timeout=10000)
    assert Services(store).merge_suggestions() == [] and Services(store).people_count() == 2
    window.tasks.wait()


def test_a_profile_link_is_shown_as_the_evidence(qtbot, store):
    link = "https://www.linkedin.com/in/ana-garcia"
    ana = Actor(
        "mastodon", "101", "@ana@social.example", "Ana", "https://social.example/@ana", (link,)
    )
    add(store, ev(ana, "share"))
    add(store, ev(ANA_LI, "follow"), network="linkedin")
    window, page = people_page(qtbot, store)
    qtbot.waitUntil(page.suggestions_button.isVisible, timeout=10000)
    page.open_suggestions()
    (label,) = page.suggestions_dialog.rows[0].findChildren(QLabel)
    assert label.text().endswith(f": their Mastodon profile links to {link}")
    window.tasks.wait()
