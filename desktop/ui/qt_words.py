"""Words of Qt's own dialogs that Qt's Spanish catalog (qtbase_es of Qt 6.11) lacks: the
file dialog's "&Look in:" and "Files of &type:", and the "Folder" file type. Written here
so lupdate puts them, under Qt's own contexts, into our catalog, which Qt asks first.
Nothing calls this: the calls are only there to be read by lupdate."""

from __future__ import annotations

from desktop.core.i18n import tx


def qt_words() -> list[str]:
    return [
        tx("QFileDialog", "&Look in:"),
        tx("QFileDialog", "Files of &type:"),
        tx("QAbstractFileIconProvider", "Folder", "All other platforms"),
    ]
