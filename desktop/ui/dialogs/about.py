"""Reciprocity → About: the version (desktop.__version__, the one place), how this copy
was installed and where its data lives: what a bug report needs."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

import desktop
from desktop.core.i18n import tx
from desktop.ui.format import tr_format


def installed_as() -> str:
    if getattr(sys, "frozen", False):
        return tr_format(tx("AboutDialog", "the bundle in %1"), Path(sys.executable).parent)
    return tr_format(tx("AboutDialog", "Python %1 in %2"), sys.version.split()[0], sys.prefix)


def about_text(data_dir: Path | None) -> str:
    lines = [
        f"<h3>{desktop.APP_NAME} {desktop.__version__}</h3>",
        "<p>" + tx("AboutDialog", "Who to thank and what to share, once a day.") + "</p>",
        "<p>"
        + tr_format(
            tx("AboutDialog", "Installed as %1, with Qt for Python %2."),
            installed_as(),
            pyside_version,
        )
        + "</p>",
    ]
    if data_dir is not None:
        lines.append("<p>" + tr_format(tx("AboutDialog", "Your data: %1"), data_dir) + "</p>")
    lines.append(
        "<p>" + tx("AboutDialog", "Free software under the GNU GPL, version 3 or later.") + "</p>"
    )
    return "\n".join(lines)


def show_about(parent: QWidget, data_dir: Path | None) -> QMessageBox:
    """Open (not exec: the window keeps running) and return the About box."""
    box = QMessageBox(parent)
    box.setWindowTitle(tr_format(tx("AboutDialog", "About %1"), desktop.APP_NAME))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(data_dir))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
    return box
