"""The layers run one way (docs/style.md): each folder of desktop/ may import only the
layers below it, checked on every import in every module, function-local ones included.

Imports made only for type annotations (inside ``if TYPE_CHECKING:``) create no arrow at
run time: they may name any lower layer's types, never a higher layer.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"

# layer -> the layers it may import at run time (itself and `desktop`'s constants always).
ALLOWED = {
    "resources": set(),  # data only: templates, the icon, the demo's content
    "core": set(),
    "platform": {"core"},
    "store": {"core"},
    "queries": {"store", "core"},
    "connectors": {"core"},
    "sync": {"connectors", "store", "queries", "core", "platform"},
    "demo": {"store", "queries", "core"},
    "app": {"sync", "connectors", "queries", "store", "core", "platform", "demo"},
    "ui": {"app", "core", "platform"},
    "cli": {"app", "core", "platform", "ui"},
}
# Below means: what a layer may also name in TYPE_CHECKING imports (its types only).
BELOW = {
    "ui": ALLOWED["app"] | {"app"},
    "cli": ALLOWED["app"] | {"app", "ui"},
    "app": ALLOWED["app"],
}
TOP_LEVEL = {"__init__.py", "__main__.py"}
QT = {"PySide6", "shiboken6"}


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """Line numbers of statements under `if TYPE_CHECKING:`."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and (
            (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
            or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
        ):
            for child in node.body:
                for sub in ast.walk(child):
                    if hasattr(sub, "lineno"):
                        lines.add(sub.lineno)
    return lines


def imports(path: Path) -> list[tuple[str, bool]]:
    """(module imported, only for type checking) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_blocks(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "desktop":  # from desktop import x: x may be a layer
                names = [f"desktop.{alias.name}" for alias in node.names]
        else:
            continue
        found.extend((name, node.lineno in typing_only) for name in names)
    return found


def target_layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "desktop" or len(parts) == 1:
        return None
    return parts[1]


def wrong_arrows(path: Path) -> list[str]:
    layer = layer_of(path)
    bad = []
    for module, typing_only in imports(path):
        if module.split(".")[0] in QT and layer != "ui":
            bad.append(f"{module} (Qt belongs in desktop/ui)")
        target = target_layer(module)
        if target is None or target == layer or target in {"__init__", "__version__"}:
            continue
        if target not in ALLOWED:  # a constant of the root package (APP_ID, APP_NAME)
            continue
        allowed = ALLOWED[layer] | (BELOW.get(layer, set()) if typing_only else set())
        if target not in allowed:
            bad.append(module + (" (type only)" if typing_only else ""))
    return bad


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in TOP_LEVEL or p.parent != PACKAGE)


def test_every_folder_is_a_known_layer():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert folders | modules <= set(ALLOWED), (folders | modules) - set(ALLOWED)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_only(path):
    assert wrong_arrows(path) == [], f"{layer_of(path)} may not import these"


MODULES = {
    ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): p
    for p in PACKAGE.rglob("*.py")
}


def module_imports(path: Path) -> set[str]:
    """The project's modules this file imports at run time (function-local ones too):
    `from desktop.store import stats` is the module desktop.store.stats."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_blocks(tree)
    found = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in typing_only:
            continue
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            candidates = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in candidates:
            parts = name.split(".")
            while parts and ".".join(parts) not in MODULES:
                parts.pop()
            if parts:
                found.add(".".join(parts))
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a circle (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_round_a_circle():
    """A package's __init__ aside, no two modules need each other (a function-local import
    hides a circle from Python, not from this check)."""
    graph = {
        name: {m for m in module_imports(path) if not name.startswith(m + ".") and m != name}
        for name, path in MODULES.items()
    }
    assert cycles(graph) == []


def test_the_circle_check_sees_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_check_sees_a_wrong_arrow(tmp_path, monkeypatch):
    """The scan itself: each kind of wrong arrow is caught, type-only upward ones too."""
    module = PACKAGE / "store" / "_probe.py"
    cases = {
        "from desktop.queries.people import live_person\n": ["desktop.queries.people"],
        "def f():\n    import desktop.ui.app\n": ["desktop.ui.app"],
        "from desktop import app\n": ["desktop.app"],
        "import PySide6.QtCore\n": ["PySide6.QtCore (Qt belongs in desktop/ui)"],
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from desktop.app import x\n": [
            "desktop.app (type only)"
        ],
        "from desktop.core.text import fold\n": [],
    }
    try:
        for source, expected in cases.items():
            module.write_text(source, encoding="utf-8")
            assert wrong_arrows(module) == expected, source
    finally:
        module.unlink(missing_ok=True)
