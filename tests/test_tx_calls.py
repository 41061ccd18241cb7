"""Every desktop.core.i18n.tx call is one lupdate can extract (make translations).

pyside6-lupdate's Python parser reads only string literals as the context and the text, and
it silently skips a five-argument (plural) call whose last argument is followed by a comma
(the comma ruff format adds when it puts one argument per line) or whose count is anything
but a name, a call or a number (``r.count``, ``n - 2``). A skipped call is no error anywhere:
its sentence just never reaches the catalog, so it stays English.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCES = Path(__file__).resolve().parents[1] / "desktop"


def _tx_calls() -> list[tuple[str, ast.Call, str]]:
    calls = []
    for path in sorted(SOURCES.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tx":
                where = f"{path.relative_to(SOURCES.parent)}:{node.lineno}"
                calls.append((where, node, source))
    return calls


CALLS = _tx_calls()


def _tail(call: ast.Call, source: str) -> str:
    """The source between the last argument and the closing parenthesis."""
    last = call.args[-1]
    lines = source.splitlines()[last.end_lineno - 1 : call.end_lineno]  # type: ignore[operator]
    text = "\n".join(lines)
    start = last.end_col_offset or 0
    end = len(text) - (len(lines[-1]) - (call.end_col_offset or 0))
    return text[start:end]


def test_there_are_calls_to_check() -> None:
    assert len(CALLS) > 20  # the scan finds them


@pytest.mark.parametrize(("where", "call", "source"), CALLS, ids=[w for w, _, _ in CALLS])
def test_a_tx_call_lupdate_can_read(where: str, call: ast.Call, source: str) -> None:
    assert not call.keywords, f"{where}: tx takes its arguments by position"
    assert len(call.args) in (2, 3, 5), f"{where}: tx(context, text[, disambiguation]) or plural"
    if len(call.args) == 3:
        disambiguation = call.args[2]
        assert isinstance(disambiguation, ast.Constant) and isinstance(disambiguation.value, str), (
            f"{where}: the disambiguation must be a string literal"
        )
    context, text = call.args[0], call.args[1]
    assert isinstance(context, ast.Constant) and isinstance(context.value, str), (
        f"{where}: the context must be a string literal"
    )
    assert isinstance(text, ast.Constant) and isinstance(text.value, str), (
        f"{where}: the text must be a string literal (fill() the %1, %2 afterwards)"
    )
    if "%n" in text.value:
        assert len(call.args) == 5, f"{where}: %n needs tx(ctx, text, None, PLURAL, n)"
    if len(call.args) == 5:
        plural = call.args[3]
        assert isinstance(plural, ast.Name) and plural.id == "PLURAL", f"{where}: PLURAL"
        count = call.args[4]
        assert isinstance(count, ast.Name | ast.Call) or (
            isinstance(count, ast.Constant) and isinstance(count.value, int)
        ), f"{where}: the count must be a name, a call or a number (lupdate skips the rest)"
        assert "," not in _tail(call, source), (
            f"{where}: no comma after the count (lupdate skips the call); put the arguments "
            "on one line"
        )
