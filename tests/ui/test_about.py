"""Reciprocity → About: the version from the one place, how this copy is installed and
where its data lives; it opens without blocking the window and closes with Escape."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import desktop
from desktop.app.services import Services
from desktop.ui.main_window import MainWindow


def shown_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_about_names_the_version_the_install_and_the_data(qtbot, store, tmp_path):
    window = MainWindow(Services(store), data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    assert window.about_action in window.menuBar().actions()[0].menu().actions()
    window.about_action.trigger()  # returns at once: the box is opened, not exec'd
    qtbot.waitUntil(lambda: len(shown_boxes(window)) == 1, timeout=2000)
    (box,) = shown_boxes(window)
    text = box.text()
    assert f"{desktop.APP_NAME} {desktop.__version__}" in text
    assert sys.prefix in text  # installed as: this Python's prefix (a bundle: its folder)
    assert str(tmp_path / "data") in text
    assert "GPL" in text
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown_boxes(window), timeout=2000)
    window.tasks.wait()
