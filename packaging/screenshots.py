"""Make the README screenshots from demo data: `make screenshots`.

Renders offscreen (no display needed) at 1280x800 into resources/screenshots/: the main
window (Thank), the check-in with its draft, the People ledger and the Share section.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
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


def main() -> int:
    from desktop.app.services import Services
    from desktop.demo import fill_demo
    from desktop.store.database import open_store
    from desktop.ui.checkin import CheckinWindow
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Reciprocity")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'reciprocity.db'}")
        fill_demo(store)
        services = Services(store)

        window = MainWindow(services)
        window.resize(*SIZE)
        window.show()
        window.start()
        thank = window.pages["thank"]
        settle(lambda: thank.model.rowCount() > 0)
        thank.panel.write.click()
        settle(lambda: bool(thank.panel.editor.toPlainText()))
        window.grab().save(str(OUT / "thank.png"))

        window.show_section("people")
        people = window.pages["people"]
        settle(lambda: people.model.rowCount() > 0 if hasattr(people, "model") else True)
        window.grab().save(str(OUT / "people.png"))

        window.show_section("share")
        settle(seconds=2)
        window.grab().save(str(OUT / "share.png"))
        window.tasks.wait()

        checkin = CheckinWindow(services)
        checkin.resize(720, 560)
        checkin.show()
        checkin.start()
        settle(lambda: bool(checkin.editor.toPlainText()))
        checkin.grab().save(str(OUT / "checkin.png"))
        checkin.tasks.wait()
        store.close()
    for name in ("thank", "people", "share", "checkin"):
        print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
