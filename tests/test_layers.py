"""The layers stay visible: only desktop/ui imports Qt; the domain never imports the UI."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_ui_imports_qt(path):
    if "ui" in path.relative_to(PACKAGE).parts:
        return
    qt = {name for name in imports(path) if name.split(".")[0] in {"PySide6", "shiboken6"}}
    assert not qt, f"{path.name} imports {qt}: Qt belongs in desktop/ui"


@pytest.mark.parametrize(
    "layer", ["core", "queries", "store", "connectors", "sync", "platform", "app"]
)
def test_lower_layers_never_import_ui_or_cli(layer):
    for path in (PACKAGE / layer).rglob("*.py"):
        bad = {n for n in imports(path) if n.startswith(("desktop.ui", "desktop.cli"))}
        assert not bad, f"{path} imports {bad}"


def test_there_are_sources_to_check():
    assert len(SOURCES) > 10
