"""Ctrl+L logs what no export holds, from the keyboard: a known name completes, a profile
URL picks its network and makes the identity, Enter saves and clears for the next one."""

from factories import ANA, add, ev
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.app.services import Services
from desktop.store.models import Identity, Interaction
from desktop.ui.main_window import MainWindow


def open_dialog(qtbot, store):
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # a window shortcut needs its window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.quick_entry
    assert dialog is not None and dialog.isVisible()
    return window, dialog


def logged(store):
    with store.read() as s:
        rows = s.execute(
            select(Identity.display_name, Identity.network, Interaction.kind, Interaction.direction)
            .join(Identity, Interaction.identity_id == Identity.id)
            .order_by(Interaction.id)
        ).all()
    return [tuple(str(v) for v in row) for row in rows]


def test_ten_entries_in_a_row_from_the_keyboard(qtbot, store):
    add(store, ev(ANA, "share"))
    window, dialog = open_dialog(qtbot, store)
    qtbot.waitUntil(lambda: "Ana García" in dialog.names.stringList(), timeout=5000)
    for n in range(10):
        qtbot.keyClicks(dialog.person, f"Persona {n}")
        qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=n: dialog.saved == n + 1, timeout=5000)
        assert dialog.person.text() == "" and dialog.person.hasFocus()
    rows = logged(store)
    assert len([r for r in rows if r[0].startswith("Persona")]) == 10
    assert rows[-1] == ("Persona 9", "linkedin", "reply", "inbound")
    assert (
        dialog.status.text() == "Saved: Persona 9, Commented or replied on LinkedIn (a new person)."
    )
    window.tasks.wait()


def test_a_known_name_is_the_same_person_and_a_url_makes_the_identity(qtbot, store):
    add(store, ev(ANA, "share"))
    window, dialog = open_dialog(qtbot, store)
    dialog.person.setText("ana garcía")
    dialog.kind.setCurrentIndex(dialog.kind.findData("like"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved == 1, timeout=5000)
    assert dialog.status.text() == "Saved: ana garcía, Liked or reacted on LinkedIn."
    qtbot.keyClicks(dialog.person, "https://www.instagram.com/ramon.diaz/")
    assert dialog.network.currentData() == "instagram"  # the URL chose it
    dialog.direction.setCurrentIndex(dialog.direction.findData("outbound"))
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.saved == 2, timeout=5000)
    with store.read() as s:
        ramon = s.scalar(select(Identity).where(Identity.network == "instagram"))
        assert (ramon.stable_id, ramon.profile_url) == (
            "ramon.diaz",
            "https://www.instagram.com/ramon.diaz/",
        )
        ana_ids = s.scalars(
            select(Identity.person_id).where(Identity.display_name.ilike("ana garc%"))
        ).all()
    assert len(set(ana_ids)) == 1  # her LinkedIn like went to the Ana already known
    # The kind stays as chosen: the next entry is often of the same kind.
    assert logged(store)[-1] == ("ramon.diaz", "instagram", "like", "outbound")
    window.tasks.wait()


def test_nobody_named_is_said_and_nothing_saved(qtbot, store):
    window, dialog = open_dialog(qtbot, store)
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    assert dialog.status.text() == "Say who: a name or a profile URL."
    assert logged(store) == []
    window.tasks.wait()
