"""Accounts → Import an archive…, or a zip dropped on the window: a preview of what the
export brings, then Import writes it; a bad zip says why and imports nothing."""

import zipfile

from connectors.test_x_archive import make_archive, tweet
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.app.services import Services
from desktop.store.models import Interaction
from desktop.ui.main_window import MainWindow


def window_on(qtbot, store):
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.show_section("accounts")
    return window, window.pages["accounts"]


def x_export(tmp_path):
    return make_archive(
        tmp_path / "twitter-2026.zip",
        [
            tweet("1", "RT @ana: Hola", mentions=[("ana", "Ana García")]),
            tweet("2", "gracias @ben y @ana", mentions=[("ben", "Ben"), ("ana", "Ana García")]),
        ],
    )


def interactions(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Interaction))


def test_the_preview_says_what_comes_and_import_writes_it(qtbot, store, tmp_path):
    window, page = window_on(qtbot, store)
    dialog = page.import_archive(str(x_export(tmp_path)))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.title.text() == "X export: twitter-2026.zip"
    text = dialog.summary.text()
    assert "2 people" in text and "From you to them: 1 share, 2 mentions" in text
    assert "From them to you: nothing" in text
    assert "Not in this export:" in dialog.missing.text()
    assert interactions(store) == 0  # a preview writes nothing
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_with, timeout=10000) as said:
        dialog.import_button.click()
    assert said.args == ["Imported 3 interactions from the X export (0 already known)."]
    assert interactions(store) == 3
    window.tasks.wait()


def test_a_bad_zip_says_why_and_imports_nothing(qtbot, store, tmp_path):
    window, page = window_on(qtbot, store)
    bad = tmp_path / "export.zip"
    bad.write_text("<html>Sign in to download your data</html>")
    dialog = page.import_archive(str(bad))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert "export.zip is not a zip file, or it is cut short" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    window.tasks.wait()


def test_a_zip_dropped_on_the_window_opens_the_preview(qtbot, store, tmp_path):
    window, page = window_on(qtbot, store)
    window.show_section("thank")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(x_export(tmp_path)))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window._section_key() == "accounts"
    dialog = page.archive_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.preview.network == "x"
    dialog.reject()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.jpg"))])
    refused = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()
    window.tasks.wait()


def test_an_imported_archive_is_a_source_that_can_be_taken_out(qtbot, store, tmp_path):
    Services(store).import_archive("x", x_export(tmp_path))
    window, page = window_on(qtbot, store)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.details.status.text().startswith("Imported:"), timeout=10000)
    assert "Imported: 3 interactions with 2 people, from" in page.details.status.text()
    assert page.purge_button.isVisible() and page.purge_button.isEnabled()
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True
    page.purge_button.click()
    qtbot.waitUntil(lambda: interactions(store) == 0, timeout=10000)
    assert "the 3 interactions it brought" in asked[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    window.tasks.wait()


def test_import_writes_what_the_preview_read_without_reading_again(qtbot, store, tmp_path):
    window, page = window_on(qtbot, store)
    export = x_export(tmp_path)
    dialog = page.import_archive(str(export))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    export.unlink()  # a second read would fail: Import must not need the file any more
    with qtbot.waitSignal(dialog.finished_with, timeout=10000):
        dialog.import_button.click()
    assert interactions(store) == 3
    window.tasks.wait()


def test_a_youtube_archive_beside_the_api_channel_is_the_only_one_to_take_out(
    qtbot, store, tmp_path, httpserver
):
    from connectors.archives.test_youtube import SUBSCRIPTIONS, YT, make_takeout
    from connectors.youtube_server import KEY, FakeYouTube

    from desktop.app import sign_in
    from desktop.platform.secrets import SecretStore
    from desktop.ui.models.accounts import AccountsModel

    yt = FakeYouTube(httpserver)
    sign_in.youtube_with_key(store, SecretStore(), "@mychannel", KEY, yt.base)
    takeout = make_takeout(
        tmp_path / "takeout.zip", {YT + "subscriptions/subscriptions.csv": SUBSCRIPTIONS}
    )
    Services(store).import_archive("youtube", takeout)
    window, page = window_on(qtbot, store)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    handles = [page.model.account(row).handle for row in range(2)]
    assert handles == ["@mychannel", "YouTube archive"]
    page.table.selectRow(0)  # the channel read through the API
    assert page.sign_in_button.isEnabled()
    assert not page.purge_button.isVisible()
    page.table.selectRow(1)  # the Takeout import
    qtbot.waitUntil(lambda: page.details.status.text().startswith("Imported:"), timeout=10000)
    assert page.purge_button.isVisible() and not page.sign_in_button.isEnabled()
    assert page.sign_in_again() is None
    sync = page.model.index(1, AccountsModel.LAST_SYNC).data()
    assert sync == "Imported"


def test_the_bar_counts_bytes_read_then_interactions_written(qtbot, store, tmp_path):
    window, page = window_on(qtbot, store)
    export = x_export(tmp_path)
    dialog = page.import_archive(str(export))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    with zipfile.ZipFile(export) as z:
        js = sum(i.file_size for i in z.infolist())
    assert dialog.read_so_far == [js, js]  # the X archive's files, read to their end
    heard = []
    real = dialog._heard
    dialog._heard = lambda done, total: heard.append((done, total)) or real(done, total)
    with qtbot.waitSignal(dialog.finished_with, timeout=10000):
        dialog.import_button.click()
        assert not dialog.cancel_button.isEnabled()  # one transaction: no stopping halfway
        dialog.reject()  # Esc, the window's close button: it waits
    assert heard[-1] == (3, 3)  # then the interactions written, on the worker
    assert dialog.read_so_far == [3, 3]
    window.tasks.wait()


def test_cancelling_after_the_preview_drops_what_it_kept(qtbot, store, tmp_path):
    window, page = window_on(qtbot, store)
    dialog = page.import_archive(str(x_export(tmp_path)))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    kept = dialog.preview.read
    assert kept is not None and not kept.closed
    dialog.reject()
    assert kept.closed
    assert interactions(store) == 0
    window.tasks.wait()
