"""Qt's translators for the window and the CLI: Reciprocity's own catalog and Qt's
``qtbase`` (so file pickers and standard buttons speak the same language), plus the locale
that dates and numbers follow.

The catalogs are built from ``resources/translations/*.ts`` by ``make translations`` into
``desktop/resources/translations/*.qm`` (shipped in the wheel). English is the source text
and needs no catalog.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import desktop
from desktop.core import i18n
from desktop.platform.language import ENGLISH, system_locale

log = logging.getLogger(__name__)

CATALOG = "reciprocity"
_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer
_catalogs: list[bytes] = []  # QTranslator.load(data) reads these bytes in place
_speaking = [ENGLISH]  # the language installed last


def catalog_bytes(language: str) -> bytes | None:
    """The compiled catalog of ``language`` as shipped in the package (None: none)."""
    try:
        return desktop.resource(
            "resources", "translations", f"{CATALOG}_{language}.qm"
        ).read_bytes()
    except OSError:  # MissingResource too: English is always there
        return None


def _load_catalog(language: str) -> QTranslator | None:
    data = catalog_bytes(language)
    translator = QTranslator()
    if data is None or not translator.load(data):
        log.warning("no %s catalog for the interface; speaking English", language)
        return None
    _catalogs.append(data)
    return translator


def _load_qtbase(language: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        log.info("Qt's own %s translations are not installed", language)
        return None
    return translator


def locale_for(language: str) -> QLocale:
    """The system's locale when it is of ``language`` (es_MX stays Mexican), else the
    language's main one."""
    system = QLocale(system_locale().split(".")[0] or "C")
    if QLocale.languageToCode(system.language()) == language:
        return system
    return QLocale(language)


def install(language: str) -> None:
    """Speak ``language`` from now on, in the window (there must be a QApplication) and in
    every :func:`desktop.core.i18n.tx` below it."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    _catalogs.clear()
    _speaking[0] = language
    QLocale.setDefault(locale_for(language))
    if language == ENGLISH:
        i18n.install(None)
        return
    # Qt's first, ours last: the most recently installed translator is asked first.
    catalog = _load_catalog(language)
    for translator in (_load_qtbase(language), catalog):
        if translator is not None:
            _installed.append(translator)
            if app is not None:
                app.installTranslator(translator)
    if app is not None:
        i18n.install(
            lambda ctx, text, dis, n: QCoreApplication.translate(ctx, text, dis, n), language
        )
    else:
        i18n.install(_plain(catalog), language)


def speaking() -> str:
    """The language the interface speaks now."""
    return _speaking[0]


def _plain(translator: QTranslator | None) -> i18n.Translate:
    """A translate function with no QCoreApplication (the CLI): the catalog asked
    directly, %n filled in here as QCoreApplication.translate would."""

    def translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
        found = translator.translate(context, text, disambiguation, n) if translator else ""
        found = found or text
        return found.replace("%n", str(n)) if n >= 0 else found

    return translate
