"""Settings → Store: the store this data dir uses, and a team's PostgreSQL instead. The URL
is tried before anything changes; the password goes to the keyring; a restart is offered."""

from PySide6.QtWidgets import QMessageBox

from desktop.app.services import Services
from desktop.platform import paths
from desktop.ui.pages.settings import SettingsPage
from desktop.ui.tasks import TaskRunner


def open_page(qtbot, store, data_dir) -> SettingsPage:
    page = SettingsPage(Services(store), TaskRunner())
    page.language_home = data_dir  # as the window sets it
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    return page


def test_it_says_which_store_and_switches_to_a_shared_one(qtbot, store, tmp_path, postgres_url):
    data_dir = tmp_path / "data"
    page = open_page(qtbot, store, data_dir)
    box = page.store_box
    assert box.current.text().startswith("This computer's own file: ")
    assert not box.use.isEnabled() and not box.local.isVisible()
    box.url.setText(postgres_url.replace("postgres@", "postgres:team-pw@"))
    assert box.use.isEnabled()
    box.use.click()
    qtbot.waitUntil(lambda: box.status.text().startswith("Saved."), timeout=10000)
    assert box.current.text() == f"Shared with your team: {postgres_url}"
    assert box.local.isVisible()
    kept = (data_dir / paths.STORE_URL_FILE).read_text(encoding="utf-8").strip()
    assert kept == postgres_url  # no password on disk
    offered = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert offered and "after a restart" in offered[0].text()
    with qtbot.waitSignal(page.restart_requested, timeout=2000):
        offered[0].buttons()[0].click()  # Restart now
    # And back to this computer's file.
    box.local.click()
    qtbot.waitUntil(lambda: "own file" in box.current.text(), timeout=10000)
    assert not (data_dir / paths.STORE_URL_FILE).exists()
    page.tasks.wait()


def test_a_store_that_cannot_be_reached_changes_nothing(qtbot, store, tmp_path):
    data_dir = tmp_path / "data"
    page = open_page(qtbot, store, data_dir)
    box = page.store_box
    box.url.setText("postgresql://ana@127.0.0.1:9/team")
    box.url.returnPressed.emit()  # Enter in the field
    qtbot.waitUntil(lambda: box.status.text().startswith("Not changed: "), timeout=10000)
    assert "cannot reach the store" in box.status.text()
    assert box.current.text().startswith("This computer's own file: ")
    assert not (data_dir / paths.STORE_URL_FILE).exists()
    assert box.use.isEnabled()  # try again after fixing the URL
    page.tasks.wait()
