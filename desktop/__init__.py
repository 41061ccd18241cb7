"""Reciprocity: who to thank and what to share, once a day."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"  # the one place: pyproject.toml reads it, --version and About show it
APP_ID = "org.reciprocity.Reciprocity"
APP_NAME = "Reciprocity"


class MissingResource(FileNotFoundError):
    """A file the package ships is not there: a broken install or bundle, not user error."""


def resource(*parts: str) -> Path:
    """A file or folder shipped inside the package, e.g. ``resource("resources", "icons",
    "reciprocity.svg")`` or ``resource("store", "migrations")``: the one way every layer
    finds its data, from a source tree, an installed wheel and the frozen bundle alike
    (importlib.resources; PyInstaller's reader answers with the bundle's folder). Never a
    path relative to the current directory. Raises MissingResource if it is not there."""
    from importlib.resources import files

    root = files(__name__)
    if not isinstance(root, Path):  # a zipped install: not a way Reciprocity is shipped
        raise MissingResource(f"the package is not installed as files: {root}")
    path = root.joinpath(*parts)
    if not path.exists():
        raise MissingResource(f"missing from this installation: {path}")
    return path
