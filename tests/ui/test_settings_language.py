"""Settings → Language: System, English or Español, kept in the data dir for the window and
the CLI; a new language is spoken after a restart the app offers to do itself."""

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app.services import Services
from desktop.platform import language
from desktop.ui import app as app_module
from desktop.ui.main_window import MainWindow


def settings_of(qtbot, store, data_dir):
    window = MainWindow(Services(store), data_dir=data_dir)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.show_section("settings")
    page = window.pages["settings"]
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    return window, page


def restart_box():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    return next((b for b in boxes if b.isVisible()), None)


def test_choosing_spanish_keeps_it_and_offers_a_restart(qtbot, store, tmp_path):
    window, page = settings_of(qtbot, store, tmp_path)
    combo = page.interface_language
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "en", "es"]
    assert combo.itemText(0) == "System (English)" and combo.itemText(2) == "Español"
    assert combo.currentData() == "system" and combo.isEnabled()

    combo.setCurrentIndex(combo.findData("es"))
    assert page.dirty
    with qtbot.waitSignal(window.restart_requested, timeout=5000):
        page.save()
        qtbot.waitUntil(lambda: restart_box() is not None, timeout=5000)
        box = restart_box()
        assert "Español" in box.text()
        restart = next(b for b in box.buttons() if "Restart" in b.text())
        restart.click()
    assert language.chosen(tmp_path) == "es"
    window.tasks.wait()


def test_later_keeps_the_choice_without_restarting(qtbot, store, tmp_path):
    window, page = settings_of(qtbot, store, tmp_path)
    page.interface_language.setCurrentIndex(page.interface_language.findData("es"))
    restarts = []
    window.restart_requested.connect(lambda: restarts.append(True))
    page.save()
    qtbot.waitUntil(lambda: restart_box() is not None, timeout=5000)
    later = next(b for b in restart_box().buttons() if "Later" in b.text())
    later.click()
    assert restarts == [] and language.chosen(tmp_path) == "es"
    # Back to the language spoken now: nothing to restart for, nothing asked.
    page.interface_language.setCurrentIndex(page.interface_language.findData("system"))
    page.save()
    qtbot.waitUntil(lambda: not page.dirty, timeout=5000)
    assert restart_box() is None
    assert language.chosen(tmp_path) == "system"
    window.tasks.wait()


def test_without_a_data_dir_the_language_is_not_offered(qtbot, store):
    window, page = settings_of(qtbot, store, None)
    assert not page.interface_language.isEnabled()
    window.tasks.wait()


def test_the_app_restarts_the_way_it_was_started(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/opt/bin/reciprocity", "checkin"])
    assert app_module.relaunch_command() == (sys.executable, ["/opt/bin/reciprocity", "checkin"])
    monkeypatch.setattr(sys, "argv", ["/src/desktop/__main__.py"])
    assert app_module.relaunch_command() == (sys.executable, ["-m", "desktop"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["/opt/Reciprocity/reciprocity", "gui"])
    assert app_module.relaunch_command() == (sys.executable, ["gui"])
