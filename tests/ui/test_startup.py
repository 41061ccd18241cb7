"""Start-up: `reciprocity checkin` paints its window before the store is opened and before
SQLAlchemy, the domain and the network libraries are imported; the store, read by a worker,
then fills it. A store that cannot be used as it is still stops the launch with one line."""

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from factories import ANA, BEN, add, ev

from desktop.app.services import Services
from desktop.store import database
from desktop.store.database import at_head, open_store
from desktop.ui.app import DesktopApp
from desktop.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]

# Imported before the first paint, any of these would cost the window tens of milliseconds.
HEAVY = (
    "sqlalchemy",
    "alembic",
    "requests",
    "keyring",
    "feedparser",
    "jeepney",
    # The domain's vocabulary and text tools; desktop.core.i18n (a few lines) is imported
    # at start-up to translate.
    "desktop.core.events",
    "desktop.core.text",
    "desktop.core.reasons",
    "desktop.queries",
    "desktop.store.models",
    "desktop.queries.notices",
    "desktop.ui.pages.thank",
)

# The real entry point, with a look at sys.modules from the check-in window's first paint.
CHILD = """
import json, sys
from desktop.cli import commands
from desktop.cli.main import main

HEAVY = sys.argv[2].split(",")
seen = {}
original = commands.checkin


def checkin(context, args):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop.ui import checkin as module

    def quit_soon():
        QTimer.singleShot(0, QApplication.instance().quit)

    class Watched(module.CheckinWindow):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            QTimer.singleShot(60_000, quit_soon)  # never hang the test run

        def paintEvent(self, event):
            super().paintEvent(event)
            if "paint" not in seen:
                seen["paint"] = {
                    "heavy": sorted(m for m in HEAVY if m in sys.modules),
                    "step": self.step,
                    "name": self.person_name.text(),
                    "draft": self.draft_editor.text(),
                    "read_only": self.editor.isReadOnly(),
                    "main_window_shown": any(
                        isinstance(w, QMainWindow) and w.isVisible()
                        for w in QApplication.topLevelWidgets()
                    ),
                }

        def _planned(self, plan):
            super()._planned(plan)
            seen["planned"] = [p.name for p in plan.people]

        def _drafted(self, draft):
            super()._drafted(draft)
            seen["drafted"] = {"text": draft.text, "shown": self.draft_editor.text()}
            quit_soon()

        def _error(self, exc):
            super()._error(exc)
            seen["error"] = str(exc)
            quit_soon()

    module.CheckinWindow = Watched
    return original(context, args)


commands.checkin = checkin
code = main(["--data-dir", sys.argv[1], "checkin"])
print(json.dumps({"code": code, **seen}))
"""


def launch_checkin(data_dir: Path) -> tuple[dict, str]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


@pytest.fixture
def data_dir(tmp_path) -> Path:
    store = open_store(f"sqlite:///{tmp_path / 'reciprocity.db'}")
    now = datetime.now(UTC)
    add(store, ev(ANA, "share", now=now), ev(BEN, "reply", now=now, hours_ago=2))
    store.close()
    return tmp_path


def test_checkin_paints_before_the_store_and_heavy_libraries_load(data_dir):
    result, stderr = launch_checkin(data_dir)
    assert result["code"] == 0, stderr
    painted = result["paint"]
    assert painted["heavy"] == [], "imported before the check-in window's first paint"
    assert painted["step"] == "loading"  # painted first, filled from a worker after
    assert painted["main_window_shown"]  # the main window is there too, as it always was
    assert sorted(result["planned"]) == ["Ana García", "Ben Carter"]
    assert painted["name"] == "" and painted["draft"] == ""


def test_with_a_first_screen_kept_the_first_paint_already_shows_the_person_and_draft(data_dir):
    store = open_store(f"sqlite:///{data_dir / 'reciprocity.db'}")
    services = Services(store)
    services.checkin_plan(date.today())  # as the first check-in of the day saves it
    kept = services.remember_first_screen(date.today())
    store.close()
    assert kept is not None and kept.checkin_person is not None
    result, stderr = launch_checkin(data_dir)
    assert result["code"] == 0, stderr
    painted = result["paint"]
    # Still nothing heavy: the screen is a small JSON file read with the standard library.
    assert set(painted["heavy"]) <= {"desktop.queries"}, painted["heavy"]
    assert "sqlalchemy" not in painted["heavy"]
    assert painted["name"] == kept.checkin_person.name
    assert painted["draft"] == kept.draft_text and painted["draft"]
    assert painted["read_only"]  # nothing is edited or sent from the kept copy
    assert result["drafted"]["shown"] == result["drafted"]["text"] == kept.draft_text


def test_a_first_screen_made_before_a_write_is_not_shown(data_dir):
    store = open_store(f"sqlite:///{data_dir / 'reciprocity.db'}")
    services = Services(store)
    services.checkin_plan(date.today())
    assert services.remember_first_screen(date.today()) is not None
    kept = (data_dir / "reciprocity.first-screen.json").read_bytes()
    add(store, ev(BEN, "share", now=datetime.now(UTC)))  # a write: the file is forgotten
    assert not (data_dir / "reciprocity.first-screen.json").exists()
    store.close()
    # As if another program put the old file back: the store's ids no longer match it.
    (data_dir / "reciprocity.first-screen.json").write_bytes(kept)
    result, stderr = launch_checkin(data_dir)
    assert result["code"] == 0, stderr
    assert result["paint"]["step"] == "loading" and result["paint"]["draft"] == ""


def test_checkin_on_a_newer_store_says_so_in_one_line_and_opens_no_window(data_dir):
    with sqlite3.connect(data_dir / "reciprocity.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    result, stderr = launch_checkin(data_dir)
    assert result["code"] == 1
    assert "paint" not in result
    assert stderr.count("\n") == 1 and "newer version of Reciprocity" in stderr
    assert "Traceback" not in stderr


def test_checkin_on_an_older_store_migrates_it_before_the_window(data_dir):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    url = f"sqlite:///{data_dir / 'reciprocity.db'}"
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(database.MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    engine.dispose()
    assert not at_head(url)
    result, stderr = launch_checkin(data_dir)
    assert result["code"] == 0, stderr
    assert sorted(result["planned"]) == ["Ana García", "Ben Carter"]
    assert at_head(url)
    assert len(list((data_dir / "backups").glob("reciprocity-0004-*.db"))) == 1


def test_at_head_reads_the_revision_without_sqlalchemy_and_says_when_to_open_now(tmp_path):
    url = f"sqlite:///{tmp_path / 'reciprocity.db'}"
    assert not at_head(url)  # no store yet: it is created (and migrated) now
    assert not (tmp_path / "reciprocity.db").exists()  # ... by open_store, not by asking
    open_store(url).close()
    assert at_head(url)
    with sqlite3.connect(tmp_path / "reciprocity.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.close()
    assert not at_head(url)  # older: migrated now
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert not at_head(f"sqlite:///{garbage}")  # open_store says what is wrong
    assert not at_head("postgresql://localhost/reciprocity")
    assert not at_head(f"sqlite:///{tmp_path / 'reciprocity.db'}?timeout=5")


def test_the_window_builds_its_pages_only_when_they_are_needed(qtbot, store):
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.pages.built() == {}
    assert window.stack.currentWidget() is window.placeholder
    add(store, ev(ANA, "share", now=datetime.now(UTC)))
    window.start()
    qtbot.waitUntil(lambda: "thank" in window.pages.built(), timeout=15000)
    assert window.stack.currentWidget() is window.pages["thank"]
    qtbot.waitUntil(lambda: window.pages["thank"].model.rowCount() == 1, timeout=15000)
    assert set(window.pages.built()) == {"thank"}
    window.show_section("people")
    assert window.stack.currentWidget() is window.pages["people"]
    window.tasks.wait()


def test_a_light_start_opens_the_store_and_the_tray_only_after_the_first_paint(
    qtbot, qapp, tmp_path, monkeypatch
):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    opened = []
    real = open_store(f"sqlite:///{tmp_path / 'reciprocity.db'}")
    add(real, ev(ANA, "share", now=datetime.now(UTC)))

    def store():
        opened.append(True)
        return real

    context = SimpleNamespace(store=store, data_dir=tmp_path)
    app = DesktopApp(context, sync_on_start=False, tray_available=False, light_start=True)
    window = app.start(checkin=True)
    qtbot.addWidget(window)
    assert (opened, app.tray, app.scheduler) == ([], None, None)
    assert app.checkin_window.step == "loading"
    qtbot.waitUntil(lambda: app.checkin_window.step == "thank", timeout=15000)
    assert opened == [True]  # once, by a worker, however many asked
    assert app.checkin_window.person_name.text() == "Ana García"
    qtbot.waitUntil(lambda: app.scheduler is not None and app.scheduler.is_running(), timeout=5000)
    app.checkin_window.close()
    app.shutdown()
    real.close()


def test_a_light_start_of_the_window_alone_loads_it_after_its_first_paint(
    qtbot, qapp, tmp_path, monkeypatch
):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    real = open_store(f"sqlite:///{tmp_path / 'reciprocity.db'}")
    add(real, ev(ANA, "share", now=datetime.now(UTC)))
    opened = []
    context = SimpleNamespace(store=lambda: opened.append(True) or real, data_dir=tmp_path)
    app = DesktopApp(context, sync_on_start=False, tray_available=False, light_start=True)
    window = app.start()
    qtbot.addWidget(window)
    assert (opened, window.pages.built(), app.tray) == ([], {}, None)
    qtbot.waitUntil(lambda: "thank" in window.pages.built(), timeout=15000)
    qtbot.waitUntil(lambda: window.pages["thank"].model.rowCount() == 1, timeout=15000)
    assert app.checkin_window is None
    qtbot.waitUntil(lambda: app.scheduler is not None and app.scheduler.is_running(), timeout=5000)
    app.shutdown()
    real.close()
