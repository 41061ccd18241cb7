import pytest
from PySide6.QtCore import Qt, QTime

from desktop.app.services import Services
from desktop.queries.templates import template_problem
from desktop.store.settings import DEFAULTS, all_settings, get_setting
from desktop.ui.pages.settings import SettingsPage
from desktop.ui.tasks import TaskRunner


def make_page(qtbot, store, size=(1280, 800)) -> SettingsPage:
    page = SettingsPage(Services(store), TaskRunner())
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    return page


@pytest.fixture
def page(qtbot, store):
    p = make_page(qtbot, store)
    yield p
    p.tasks.wait()
    qtbot.waitUntil(lambda: p.tasks.pending() == 0)


def stored(store) -> dict:
    with store.read() as s:
        return all_settings(s)


def pick(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_form_shows_the_defaults(page, tmp_path):
    assert page.checkin_time.time() == QTime(9, 0)
    assert page.checkin_people.value() == 3 and page.checkin_shares.value() == 2
    assert page.notifications.isChecked()
    assert (page.quiet_from.time(), page.quiet_to.time()) == (QTime(22, 0), QTime(8, 0))
    assert page.sync_interval.value() == 15
    assert page.sync_workers.value() == 16
    assert not page.thank_likes.isChecked()
    assert page.cooldown.value() == 14
    assert page.interests.text() == ""
    assert page.language.currentData() == "en"
    # The shipped English variants for one share, one per line.
    assert page.template_editor.toPlainText().startswith("Thank you for sharing “{title}”")
    assert page.template_status.text() == "The defaults from desktop/resources/templates/en.json."
    assert not page.restore.isEnabled()
    page.grab().save(str(tmp_path / "settings-1280.png"))


def test_settings_round_trip(qtbot, page, store):
    page.checkin_time.setTime(QTime(7, 30))
    page.checkin_people.setValue(5)
    page.checkin_shares.setValue(1)
    page.notifications.setChecked(False)
    assert not page.quiet_from.isEnabled()
    page.quiet_from.setTime(QTime(23, 0))
    page.quiet_to.setTime(QTime(7, 0))
    page.sync_interval.setValue(30)
    page.sync_workers.setValue(4)
    page.thank_likes.setChecked(True)
    page.cooldown.setValue(7)
    page.interests.setText(" networking,  difusión ,, open source, networking ")
    pick(page.language, "es")
    assert page.status.text() == "Unsaved changes"

    page.interests.setFocus()
    with qtbot.waitSignal(page.changed, timeout=5000):
        qtbot.keyClick(page.interests, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.status.text() == "Saved."
    values = stored(store)
    assert {k: values[k] for k in page.values()} == {
        "checkin_time": "07:30",
        "checkin_people": 5,
        "checkin_shares": 1,
        "notifications": False,
        "quiet_hours": ["23:00", "07:00"],
        "sync_interval_minutes": 30,
        "sync_workers": 4,
        "thank_likes": True,
        "thank_cooldown_days": 7,
        "interests": ["networking", "difusión", "open source"],
        "default_language": "es",
        "templates": {},
    }

    again = make_page(qtbot, store)
    assert again.checkin_time.time() == QTime(7, 30)
    assert (again.checkin_people.value(), again.checkin_shares.value()) == (5, 1)
    assert not again.notifications.isChecked() and not again.quiet_to.isEnabled()
    assert (again.quiet_from.time(), again.quiet_to.time()) == (QTime(23, 0), QTime(7, 0))
    assert again.sync_interval.value() == 30
    assert again.sync_workers.value() == 4
    assert again.thank_likes.isChecked() and again.cooldown.value() == 7
    assert again.interests.text() == "networking, difusión, open source"
    assert again.language.currentData() == "es"
    assert again.status.text() == ""
    again.tasks.wait()


def test_invalid_values_are_explained_and_nothing_is_saved(qtbot, page, store, tmp_path):
    page.checkin_people.setValue(6)
    page.quiet_from.setTime(QTime(21, 0))
    page.quiet_to.setTime(QTime(21, 0))
    page.sync_interval.setValue(3)
    page.template_editor.setPlainText("Thanks {nmae}!\nThanks {name}!")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    page.tasks.wait()
    assert page.errors.isVisible()
    lines = page.errors.text().splitlines()
    assert lines[:2] == [
        "Quiet hours must start and end at different times.",
        "Sync every 5 minutes or more: networks limit how often apps may ask.",
    ]
    assert "unknown variable {nmae}" in lines[2] and "“Thanks {nmae}!”" in lines[2]
    assert page.status.text() == "Not saved: fix what is shown in red."
    assert page.quiet_from.hasFocus()
    page.grab().save(str(tmp_path / "settings-errors.png"))
    assert stored(store) == DEFAULTS  # not even the valid change was written

    page.quiet_to.setTime(QTime(6, 0))
    page.sync_interval.setValue(5)
    page.template_editor.setPlainText("Thanks {name}!")
    with qtbot.waitSignal(page.changed, timeout=5000):
        page.save()
    assert not page.errors.isVisible()
    with store.read() as s:
        assert get_setting(s, "checkin_people") == 6
        assert get_setting(s, "sync_interval_minutes") == 5


def test_template_overrides_are_saved_and_restored_to_defaults(qtbot, page, store):
    pick(page.template_language, "es")
    pick(page.situation, "follow")
    spanish_default = page.template_editor.toPlainText()
    assert spanish_default and page.template_status.text().endswith("es.json.")
    edited = "¡Gracias por seguirme, {mention}!\n\n  ¡Bienvenida, {name}!  "
    page.template_editor.setPlainText(edited)
    assert page.template_status.text() == "Your own variants, used instead of the defaults."
    assert page.restore.isEnabled()
    pick(page.situation, "share")  # switching keeps the edit
    pick(page.situation, "follow")
    assert page.template_editor.toPlainText().startswith("¡Gracias por seguirme")

    with qtbot.waitSignal(page.changed, timeout=5000):
        page.save()
    expected = {"es": {"follow": ["¡Gracias por seguirme, {mention}!", "¡Bienvenida, {name}!"]}}
    with store.read() as s:
        assert get_setting(s, "templates") == expected

    again = make_page(qtbot, store)
    pick(again.template_language, "es")
    pick(again.situation, "follow")
    assert again.template_editor.toPlainText() == (
        "¡Gracias por seguirme, {mention}!\n¡Bienvenida, {name}!"
    )
    qtbot.mouseClick(again.restore, Qt.MouseButton.LeftButton)
    assert again.template_editor.toPlainText() == spanish_default
    assert not again.restore.isEnabled()
    with qtbot.waitSignal(again.changed, timeout=5000):
        again.save()
    with store.read() as s:
        assert get_setting(s, "templates") == {}
    again.tasks.wait()


def test_an_emptied_situation_must_keep_a_variant(qtbot, page, store):
    page.template_editor.setPlainText("   ")
    page.save()
    assert "write at least one variant, or Restore defaults" in page.errors.text()
    assert stored(store)["templates"] == {}


def test_missing_default_templates_leave_an_empty_editor_that_says_so(qtbot, store, monkeypatch):
    monkeypatch.setattr(Services, "template_defaults", lambda self: {})
    page = make_page(qtbot, store)
    assert page.template_editor.toPlainText() == ""
    assert page.template_status.text() == (
        "No default templates found (desktop/resources/templates/en.json): "
        "write your own, one per line."
    )
    page.template_editor.setPlainText("Thanks, {name}!")
    with qtbot.waitSignal(page.changed, timeout=5000):
        page.save()
    with store.read() as s:
        assert get_setting(s, "templates") == {"en": {"share": ["Thanks, {name}!"]}}
    page.tasks.wait()


def test_the_narrow_window_stacks_the_templates_below(qtbot, store, tmp_path):
    page = make_page(qtbot, store, size=(900, 600))
    assert page.columns.direction() == page.columns.Direction.TopToBottom
    page.grab().save(str(tmp_path / "settings-900.png"))
    page.resize(1280, 800)
    qtbot.waitUntil(lambda: page.columns.direction() == page.columns.Direction.LeftToRight)
    page.tasks.wait()


def test_unsaved_edits_survive_coming_back_to_the_page(qtbot, page):
    page.cooldown.setValue(3)
    page.refresh()  # what the main window does when the section is shown again
    page.tasks.wait()
    qtbot.wait(50)
    assert page.cooldown.value() == 3
    page.revert.click()
    qtbot.waitUntil(lambda: page.cooldown.value() == 14, timeout=5000)


def test_template_problems():
    variables = frozenset({"name", "title"})
    assert template_problem("Thanks {name} for {title}", variables) is None
    assert template_problem("Thanks {who}", variables) == "unknown variable {who}"
    assert template_problem("Thanks {name", variables) == "unbalanced { or }"
    assert template_problem("Thanks {0}", variables).startswith("write variables as {name}")
    assert template_problem("Thanks {name!r}", variables).startswith("write variables as")


def test_start_at_login_writes_and_removes_the_autostart_entry(qtbot, page, store, home):
    from desktop.platform import autostart

    assert not page.autostart.isChecked()
    page.autostart.setChecked(True)
    assert page.status.text() == "Unsaved changes"
    assert not autostart.is_enabled()  # nothing until Save
    with qtbot.waitSignal(page.changed, timeout=5000):
        page.save()
    assert autostart.is_enabled()
    assert page.autostart.isChecked() and page.status.text() == "Saved."
    assert "autostart" not in stored(store)  # this computer's, not a setting that travels

    page.autostart.setChecked(False)
    with qtbot.waitSignal(page.changed, timeout=5000):
        page.save()
    assert not autostart.is_enabled()
    assert list(home.rglob("*")) == []


def test_start_at_login_shows_an_entry_that_is_already_there(qtbot, store):
    from desktop.platform import autostart

    autostart.enable(["reciprocity"])
    page = make_page(qtbot, store)
    assert page.autostart.isChecked() and not page.dirty
    page.autostart.setChecked(False)
    page.reload()  # Revert
    qtbot.waitUntil(lambda: page.autostart.isChecked() and not page.dirty, timeout=5000)
    page.tasks.wait()


def test_start_at_login_that_cannot_be_written_says_so_and_saves_the_rest(qtbot, page, store):
    from desktop.platform import autostart

    autostart.autostart_path().parent.parent.mkdir(parents=True, exist_ok=True)
    autostart.autostart_path().parent.write_text("a file where the folder should be")
    page.autostart.setChecked(True)
    page.cooldown.setValue(9)
    with qtbot.waitSignal(page.changed, timeout=5000):
        page.save()
    assert page.status.text().startswith("Saved, but start at login could not be changed:")
    assert not page.autostart.isChecked() and not page.dirty
    assert stored(store)["thank_cooldown_days"] == 9


@pytest.fixture
def flatpak(tmp_path, monkeypatch):
    """Inside a Flatpak sandbox, with a fake Background portal on a private session bus:
    `flatpak(mode)` starts the portal (see tests/fake_portal.py)."""
    from fake_portal import portals, private_bus

    from desktop.platform import background_portal

    info = tmp_path / ".flatpak-info"
    info.write_text("[Application]\nname=org.reciprocity.Reciprocity\n", encoding="utf-8")
    monkeypatch.setattr(background_portal, "FLATPAK_INFO", info)
    monkeypatch.setattr(background_portal, "TIMEOUT_SECONDS", 10.0)
    with private_bus(tmp_path) as address, portals(address) as start:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield start


def test_start_at_login_in_flatpak_asks_the_portal_and_is_remembered(qtbot, flatpak, store):
    from desktop.platform import autostart

    fake = flatpak("grant")
    page = make_page(qtbot, store)
    page.autostart.setChecked(True)
    with qtbot.waitSignal(page.changed, timeout=10000):
        page.save()
    assert page.autostart.isChecked() and page.status.text() == "Saved."
    assert fake.calls[0]["options"]["autostart"] is True
    assert not autostart.autostart_path().exists()  # the portal's to write, not ours

    again = make_page(qtbot, store)  # the portal cannot be asked: the page remembers
    assert again.autostart.isChecked() and not again.dirty
    page.tasks.wait()
    again.tasks.wait()


def test_start_at_login_refused_by_the_portal_says_so_and_saves_the_rest(qtbot, flatpak, store):
    flatpak("refuse")
    page = make_page(qtbot, store)
    page.autostart.setChecked(True)
    page.cooldown.setValue(9)
    with qtbot.waitSignal(page.changed, timeout=10000):
        page.save()
    assert page.status.text() == (
        "Saved, but start at login could not be changed: the desktop did not allow it "
        "(Reciprocity may be allowed to run in the background in the system settings)"
    )
    assert not page.autostart.isChecked() and not page.dirty
    assert stored(store)["thank_cooldown_days"] == 9
    page.tasks.wait()


def test_start_at_login_granted_only_in_part_says_so(qtbot, flatpak, store):
    flatpak("no-autostart")  # background allowed, autostart not
    page = make_page(qtbot, store)
    page.autostart.setChecked(True)
    with qtbot.waitSignal(page.changed, timeout=10000):
        page.save()
    assert page.status.text() == (
        "Saved, but start at login could not be changed: the system did not allow it"
    )
    assert not page.autostart.isChecked() and not page.dirty
    page.tasks.wait()
