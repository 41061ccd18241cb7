"""Make the README screenshots from demo data: `make screenshots`.

Renders offscreen (no display needed) at 1280x800 into resources/screenshots/ (English) and
resources/screenshots/es/ (Spanish): the main window (Thank), the check-in with its draft,
the People ledger, the Share, Accounts and Settings sections. `--small` also renders every
section at the window's smallest size into /tmp/reciprocity-small/<language>/, to look at
(not kept: the README shows the full size).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "screenshots"
SIZE = (1280, 800)


def settle(until=lambda: True, seconds: float = 10.0) -> None:
    """Let workers deliver and the window paint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(30):
        QCoreApplication.processEvents()
        time.sleep(0.01)


LANGUAGES = {"en": OUT, "es": OUT / "es"}
SMALL_OUT = Path(tempfile.gettempdir()) / "reciprocity-small"


def main(argv: list[str]) -> int:
    from desktop.ui import translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Reciprocity")
    for language, out in LANGUAGES.items():
        translations.install(language)
        shoot(out)
        if "--small" in argv:
            shoot_small(SMALL_OUT / language)
    translations.install("en")
    return 0


@contextmanager
def demo_services() -> Iterator[tuple[Any, Path]]:
    """Services on a fresh demo store in a temporary data dir, closed afterwards."""
    from desktop.app.services import Services
    from desktop.demo import fill_demo
    from desktop.store.database import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'reciprocity.db'}")
        fill_demo(store)
        try:
            yield Services(store), Path(tmp)
        finally:
            store.close()


def grab_checkin(services, out: Path, size) -> None:
    from desktop.ui.checkin import CheckinWindow

    checkin = CheckinWindow(services)
    checkin.resize(QSize(*size) if size else checkin.minimumSize())
    checkin.show()
    checkin.start()
    settle(lambda: bool(checkin.editor.toPlainText()))
    checkin.grab().save(str(out / "checkin.png"))
    checkin.tasks.wait()
    checkin.close()


def shoot_small(out: Path) -> None:
    """Every section at the smallest size the window allows."""
    from desktop.ui.main_window import SECTIONS, MainWindow

    out.mkdir(parents=True, exist_ok=True)
    with demo_services() as (services, data_dir):
        window = MainWindow(services, data_dir=data_dir)
        window.resize(window.minimumSize())
        window.show()
        window.start()
        for key, *_ in SECTIONS:
            window.show_section(key)
            settle(seconds=1.5)
            window.grab().save(str(out / f"{key}.png"))
        window.tasks.wait()
        grab_checkin(services, out, None)
        window.close()
    print(out)


def shoot(out: Path) -> None:
    from desktop.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    with demo_services() as (services, data_dir):
        window = MainWindow(services, data_dir=data_dir)
        window.resize(*SIZE)
        window.show()
        window.start()
        thank = window.pages["thank"]
        settle(lambda: thank.model.rowCount() > 0)
        thank.panel.write.click()
        settle(lambda: bool(thank.panel.editor.toPlainText()))
        window.grab().save(str(out / "thank.png"))

        window.show_section("people")
        people = window.pages["people"]
        settle(lambda: people.model.rowCount() > 0 if hasattr(people, "model") else True)
        window.grab().save(str(out / "people.png"))

        for key in ("share", "accounts", "settings"):
            window.show_section(key)
            settle(seconds=2)
            window.grab().save(str(out / f"{key}.png"))
        window.tasks.wait()
        grab_checkin(services, out, (720, 560))
        window.close()
    for name in ("thank", "people", "share", "accounts", "settings", "checkin"):
        print(out / f"{name}.png")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
