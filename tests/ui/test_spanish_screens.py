"""Under the Spanish locale, every page, dialog, the check-in, the tray menu and Qt's own
dialogs speak Spanish: no visible text (label, button, header, cell, menu, tooltip,
placeholder, window title) is an English source string, nor holds an English word.

"An English word" is one the English source strings use and no Spanish translation does,
less the words of the data shown (people's names, posts: Spanish on purpose here) and the
few words both languages share (SAME_IN_BOTH).
"""

from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import CLARA, Actor, add, add_links, ev, link
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop.app.services import Services
from desktop.core.events import Post
from desktop.ui import translations
from desktop.ui.checkin import CheckinWindow
from desktop.ui.main_window import SECTIONS, MainWindow

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "resources" / "translations" / "reciprocity_es.ts"

# Words and names that are the same in both languages (or are names, never translated).
SAME_IN_BOTH = {
    "reciprocity",
    "mastodon",
    "bluesky",
    "linkedin",
    "x",
    "ok",
    "url",
    "urls",
    "opml",
    "rss",
    "atom",
    "json",
    "ctrl",
    "alt",
    "shift",
    "esc",
    "enter",
    "return",
    "delete",
    "tab",
    "pdf",
    "token",
    "english",  # the language's name in its own words, in Settings → Language
    "feed",  # "feeds" the English; the Spanish says "fuentes", but OPML files keep "feed"
}
WORD = re.compile(r"[^\W\d_]{2,}")
TAGS = re.compile(r"<[^>]+>")
# URLs, file paths, file names and handles are data
PATHS = re.compile(r"\S*[/\\]\S*|\S+@\S+|\S+\.(?:zip|json|csv|js|opml|xml)\b")

ME = "https://social.example/@me/"
POSTS = [
    Post(ME + "1", "Cómo difundir el trabajo de otras personas", "es", "1"),
    Post(ME + "2", "Comunidad abierta: diez ideas para encuentros", "es", "2"),
]
BEGONA = Actor(
    "mastodon", "201", "@begona@red.example", "Begoña Ruiz", "https://red.example/@begona"
)
RAMON = Actor("mastodon", "202", "@ramon@red.example", "Ramón Díaz", "https://red.example/@ramon")


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def catalog() -> tuple[set[str], set[str]]:
    """(English sources, Spanish translations) of the catalog, accelerators removed."""
    sources: set[str] = set()
    spanish: set[str] = set()
    for message in ET.parse(CATALOG).getroot().iter("message"):
        sources.add((message.findtext("source") or "").replace("&", ""))
        translation = message.find("translation")
        forms = translation.findall("numerusform") or [translation]
        spanish.update((form.text or "").replace("&", "") for form in forms)
    return sources, spanish


def data_words(database: Path) -> set[str]:
    """Every word of every text the store holds: what the screens show as data."""
    found: set[str] = set()
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        found |= words(value)
    return found


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person can read in ``root`` and its visible children."""
    found: list[tuple[str, str]] = []

    def add_text(where: QWidget | str, text: str) -> None:
        text = TAGS.sub(" ", text or "").replace("&nbsp;", " ")
        if text.strip():
            name = where if isinstance(where, str) else type(where).__name__
            found.append((name, text.strip()))

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        add_text(widget, widget.toolTip())
        if widget.isWindow():
            add_text(widget, widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            add_text(widget, widget.text())
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            add_text(widget, widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add_text(widget, widget.itemText(i))
        elif isinstance(widget, QGroupBox):
            add_text(widget, widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add_text(widget, widget.tabText(i))
                add_text(widget, widget.tabToolTip(i))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column, its count private
                columns = 1
            for column in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    header = model.headerData(column, Qt.Orientation.Horizontal, role)
                    add_text(f"{type(widget).__name__} header", str(header or ""))
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(columns):
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            add_text(f"{type(widget).__name__} cell", value)
        for action in widget.actions():
            add_text(f"{type(widget).__name__} action", action.text())
            add_text(f"{type(widget).__name__} action", action.toolTip())
    return found


class Checker:
    """Collects what is still English, from every screen the test opens."""

    def __init__(self, database: Path) -> None:
        self.sources, self.spanish = catalog()
        shared = words(" ".join(self.spanish)) | SAME_IN_BOTH | data_words(database)
        self.english = words(" ".join(self.sources)) - shared
        self.problems: list[tuple[str, str, str]] = []
        self.seen = 0

    def check(self, screen: str, root: QWidget) -> None:
        for where, text in visible_texts(root):
            self.seen += 1
            bare = text.replace("&", "")
            untranslated = bare in self.sources and bare not in self.spanish
            if untranslated and bare.lower() not in SAME_IN_BOTH:
                self.problems.append((screen, where, text))
                continue
            english = sorted(words(PATHS.sub(" ", bare)) & self.english)
            if english:
                self.problems.append((screen, where, f"{text}  [{', '.join(english)}]"))

    def check_menu(self, screen: str, menu: QMenu) -> None:
        for action in menu.actions():
            if action.text():
                self.check_text(screen, "QMenu action", action.text())
            if action.menu() is not None:
                self.check_menu(screen, action.menu())

    def check_text(self, screen: str, where: str, text: str) -> None:
        label = QLabel(text)
        self.check(screen, label)
        label.deleteLater()


@pytest.fixture
def spanish(qapp):
    translations.install("es")
    yield
    translations.install("en")


@pytest.fixture
def filled(store, tmp_path):
    """A store with something on every page: pending people, links, accounts, history;
    its texts in Spanish, as a Spanish-speaking user's network would write them."""
    now = datetime.now(UTC)
    events = [
        ev(BEGONA, "share", hours_ago=2, post=POSTS[0], now=now),
        ev(BEGONA, "like", hours_ago=3, post=POSTS[1], now=now),
        ev(RAMON, "reply", hours_ago=5, post=POSTS[0], now=now),
        ev(RAMON, "share", hours_ago=6, post=POSTS[0], now=now),
        ev(BEGONA, "follow", hours_ago=30, now=now),
        ev(RAMON, "like", hours_ago=50, post=POSTS[0], direction="outbound", now=now),
    ]
    add(store, *events)
    add(store, ev(CLARA, "quote", hours_ago=4, post=POSTS[1], now=now), network="bluesky")
    begona_linkedin = Actor(
        "linkedin", "in/begona-ruiz", "begona-ruiz", "Begoña Ruiz", "https://linkedin.com/in/b"
    )
    add(store, ev(begona_linkedin, "follow", hours_ago=70, now=now), network="linkedin")
    add_links(
        store,
        link(
            "https://comunidadabierta.example.org/encuentros",
            sharer=RAMON,
            title="Encuentros que funcionan",
            summary="Diez ideas para organizar encuentros de comunidad.",
            now=now - timedelta(hours=1),
        ),
        link(
            "https://comunidadabierta.example.org/difusion",
            sharer=BEGONA,
            title="La difusión también es trabajo",
            summary="Por qué compartir el trabajo de otras personas importa.",
            now=now - timedelta(hours=2),
        ),
    )
    return store


def database_of(store) -> Path:
    return Path(store.engine.url.database)


def settle(qtbot, window, ms: int = 400) -> None:
    qtbot.wait(ms)
    window.tasks.wait()
    qtbot.wait(50)


def test_every_screen_speaks_spanish(qtbot, spanish, filled, tmp_path):
    checker = Checker(database_of(filled))
    services = Services(filled)
    window = MainWindow(services, data_dir=tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.start()
    for key, *_ in SECTIONS:
        window.show_section(key)
        settle(qtbot, window)
        page = window.pages[key]
        checker.check(key, window)
        for tab in page.findChildren(QTabBar):
            for index in range(tab.count()):
                tab.setCurrentIndex(index)
                settle(qtbot, window, 200)
                checker.check(f"{key} tab {index}", window)
    thank = window.pages["thank"]
    thank.panel.write.click()
    settle(qtbot, window)
    checker.check("thank, with a draft", window)

    window.show_section("people")
    people = window.pages["people"]
    qtbot.waitUntil(lambda: people.details.ledger is not None, timeout=5000)
    people.open_merge()
    qtbot.waitUntil(lambda: people.merge_dialog.isVisible(), timeout=5000)
    settle(qtbot, window)
    checker.check("merge two people", people.merge_dialog)
    people.merge_dialog.reject()
    qtbot.waitUntil(people.suggestions_button.isVisible, timeout=5000)
    people.open_suggestions()
    checker.check("suggested merges", people.suggestions_dialog)
    people.suggestions_dialog.reject()

    accounts = window.pages["accounts"]
    for network in ("mastodon", "bluesky", "youtube", "feeds"):
        accounts.connect_network(network)
        qtbot.wait(100)
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        checker.check(f"sign in to {network}", dialog)
        dialog.reject()
    window.tasks.wait()
    from connectors.test_x_archive import make_archive, tweet

    export = make_archive(
        tmp_path / "export.zip", [tweet("1", "RT @ana: Hola", mentions=[("ana", "Ana")])]
    )
    archive = accounts.import_archive(str(export))
    qtbot.waitUntil(lambda: archive.preview is not None, timeout=10000)
    checker.check("archive preview", archive)
    archive.reject()
    window.tasks.wait()
    quick = window.open_quick_entry()
    qtbot.waitUntil(lambda: bool(quick.names.stringList()), timeout=5000)
    checker.check("log an interaction (Ctrl+L)", quick)
    quick.reject()

    checkin = CheckinWindow(services)
    qtbot.addWidget(checkin)
    checkin.show()
    checkin.start()
    qtbot.waitUntil(lambda: checkin.step != "loading", timeout=10000)
    settle(qtbot, checkin)
    checker.check("check-in", checkin)
    qtbot.keyClick(checkin, Qt.Key.Key_F1)
    qtbot.waitUntil(checkin.help.isVisible)
    checker.check("check-in, F1", checkin)
    checkin.tasks.wait()
    for menu in window.findChildren(QMenu):
        checker.check_menu("main window menus", menu)

    assert checker.seen > 200
    assert not checker.problems, "\n".join(" | ".join(p) for p in checker.problems)


def test_on_a_small_window_no_spanish_page_scrolls_sideways(qtbot, spanish, filled, tmp_path):
    # A page wider than its scroll area's viewport is scrolled sideways as soon as a
    # field takes the focus, and cuts the start of every group title off ("lmacén").
    window = MainWindow(Services(filled), data_dir=tmp_path)
    qtbot.addWidget(window)
    window.resize(760, 520)
    window.show()
    window.start()
    too_wide = []
    for key, *_ in SECTIONS:
        window.show_section(key)
        settle(qtbot, window, 200)
        for area in window.pages[key].findChildren(QScrollArea):
            if area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                continue
            if area.widget() is None or not area.isVisible():
                continue
            needed = area.widget().minimumSizeHint().width()
            if needed > area.viewport().width():
                too_wide.append(f"{key}: {needed} px in {area.viewport().width()} px")
    assert not too_wide


def test_the_welcome_view_and_the_help_speak_spanish(qtbot, spanish, store, tmp_path):
    checker = Checker(database_of(store))
    window = MainWindow(Services(store), data_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(qtbot, window)
    checker.check("welcome", window)
    assert not checker.problems, "\n".join(" | ".join(p) for p in checker.problems)


def test_qt_own_dialogs_speak_spanish(qtbot, spanish):
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = {b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton)}
    assert {"Abrir", "Cancelar"} <= buttons
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    # What Qt's own Spanish catalog lacks, ours adds (desktop/ui/qt_words.py).
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Ver en:", "&Nombre de fichero:", "Ficheros de &tipo:"} <= labels


@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_the_tray_menu_and_tooltip_speak_spanish(qtbot, spanish, store):
    from desktop.ui.platform.tray import Tray

    checker = Checker(database_of(store))
    tray = Tray(available=True)
    tray.set_pending(3)
    tray.rebuild_menu()
    assert tray.menu is not None
    checker.check_menu("tray", tray.menu)
    checker.check_text("tray", "tooltip", tray.tooltip())
    tray.hide()
    assert not checker.problems, "\n".join(" | ".join(p) for p in checker.problems)
