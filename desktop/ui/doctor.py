"""The Qt half of `reciprocity doctor`: the platform plugins, SVG icons, the catalogs read
by QTranslator, Qt's own translations, and (with --window) the main window opened on the
data dir, shown with its data, then closed. The checks without Qt: desktop.app.doctor.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QLibraryInfo,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QImageReader
from PySide6.QtWidgets import QApplication

import desktop
from desktop.app.doctor import Check
from desktop.core.i18n import fill, tx

PLATFORMS = ("xcb", "wayland", "offscreen")  # what a Linux desktop (and CI) may ask for
WINDOW_TIMEOUT_MS = 30_000
IGNORED = ("propagateSizeHints",)  # said by the offscreen plugin to every window


def _platforms() -> Check:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    names = {p.name.removeprefix("libq").removesuffix(".so") for p in folder.glob("libq*.so")}
    missing = [name for name in PLATFORMS if name not in names]
    if missing:
        return Check("qt plugins", False, fill(tx("Doctor", "missing: %1"), ", ".join(missing)))
    return Check(
        "qt plugins", True, f"PySide6 {pyside_version}: " + ", ".join(PLATFORMS), str(folder)
    )


def _svg() -> Check:
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    ok = "svg" in formats
    detail = "svg" if ok else fill(tx("Doctor", "missing: %1"), "svg")
    return Check("svg icons", ok, detail)


def _catalog_reads() -> Check:
    """Every shipped catalog loads and translates the first word of the window."""
    from desktop.ui.translations import CATALOG, catalog_bytes

    folder = desktop.resource("resources", "translations")
    read = []
    for path in sorted(folder.glob(f"{CATALOG}_*.qm")):
        language = path.stem.removeprefix(f"{CATALOG}_")
        data = catalog_bytes(language)
        translator = QTranslator()
        if data is None or not translator.load(data):
            return Check("translations", False, fill(tx("Doctor", "cannot read %1"), path))
        if translator.translate("MainWindow", "Thank") in ("", "Thank"):
            return Check("translations", False, fill(tx("Doctor", "%1 is empty"), path))
        read.append(language)
    return Check("translations", bool(read), ", ".join(read), str(folder))


def _qt_translations() -> Check:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    ok = (folder / "qtbase_es.qm").is_file()
    detail = "qtbase_es" if ok else fill(tx("Doctor", "missing: %1"), "qtbase_es.qm")
    return Check("qt translations", ok, detail, str(folder))


def checks() -> Iterator[Check]:
    """The Qt checks that need no window (a QGuiApplication must exist for SVG formats)."""
    yield _platforms()
    yield _svg()
    yield _catalog_reads()
    yield _qt_translations()


def window_check(context, since_start: Callable[[], float]) -> Check:
    """Open the main window on ``context``'s store as the app does (no sync, no single
    instance), wait until it shows its data (the Thank page's rows, or the welcome), then
    close it. A Qt warning meanwhile fails the check: it is how a missing plugin, image
    format or font shows. ``since_start``: seconds since the process started."""
    from desktop.ui.app import DesktopApp, FirstPaint

    app = QApplication.instance() or QApplication([desktop.APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(desktop.APP_NAME)
    app.setDesktopFileName(desktop.APP_ID)
    warnings: list[str] = []

    def handler(kind: QtMsgType, _where: QMessageLogContext, message: str) -> None:
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        if not quiet and not any(word in message for word in IGNORED):
            warnings.append(message)

    previous = qInstallMessageHandler(handler)
    shown: dict[str, float] = {}
    controller = DesktopApp(context, sync_on_start=False, light_start=True)
    window = controller.start()

    def note_paint() -> None:
        shown.setdefault("painted", since_start())

    FirstPaint(window, note_paint, window, 60_000)

    def look() -> None:
        welcome = window.stack.currentWidget() is window.welcome
        thank = window.pages.get("thank")  # made when first shown
        rows = thank.model.rowCount() if thank is not None else 0
        if controller.running and (welcome or rows) and "after" not in shown:
            shown["after"] = since_start()
            shown["rows"] = rows
            QTimer.singleShot(200, app.quit)  # the tray and the rest set up meanwhile

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(20)
    QTimer.singleShot(WINDOW_TIMEOUT_MS, app.quit)
    app.exec()
    poll.stop()
    controller.quit()
    controller.shutdown()
    window.close()
    qInstallMessageHandler(previous)
    if "after" not in shown:
        seconds = WINDOW_TIMEOUT_MS // 1000
        return Check("window", False, fill(tx("Doctor", "no data shown within %1 s"), seconds))
    if warnings:
        return Check("window", False, "; ".join(warnings[:3]))
    painted = round(shown.get("painted", shown["after"]) * 1000)
    took = round(shown["after"] * 1000)
    detail = fill(
        tx(
            "Doctor", "painted %1 ms after start, its data shown at %2 ms (%3); people to thank: %4"
        ),
        painted,
        took,
        QGuiApplication.platformName(),
        int(shown["rows"]),
    )
    return Check("window", True, detail)


def qt_checks(context, *, window: bool) -> list[Check]:
    """The Qt checks. Without a window, no display is needed: the offscreen platform,
    unless QT_QPA_PLATFORM says otherwise."""
    if not window and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication([desktop.APP_NAME])
    results = list(checks())
    del app
    return results


__all__ = ["checks", "qt_checks", "window_check"]
