"""A figure: the median of several runs, the floor it is compared with, the ratio, the target.

`ratio` always reads "how many times worse than the floor": time / floor time for
durations and sizes, floor rate / rate for rates (events per second).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field


@dataclass
class Figure:
    name: str
    unit: str  # "ms", "events/s", "MB"
    median: float | None
    floor: float | None
    target: str
    check: Callable[[Figure], bool | None] = field(repr=False, default=lambda f: None)
    runs: list[float] = field(default_factory=list)
    floor_runs: list[float] = field(default_factory=list)
    floor_what: str = ""
    note: str = ""
    higher_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        if self.median is None or self.floor is None or not self.median or not self.floor:
            return None
        if self.higher_is_better:
            return self.floor / self.median
        return self.median / self.floor

    @property
    def passed(self) -> bool | None:
        if self.median is None:
            return None
        return self.check(self)

    def as_json(self) -> dict:
        data = asdict(self)
        data.pop("check")
        data.update(ratio=_round(self.ratio), passed=self.passed)
        for key in ("median", "floor"):
            data[key] = _round(data[key])
        data["runs"] = [_round(v) for v in self.runs]
        data["floor_runs"] = [_round(v) for v in self.floor_runs]
        return data


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    return round(value, 3 if abs(value) < 100 else 1)


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def at_most(limit: float) -> Callable[[Figure], bool | None]:
    return lambda f: f.median is not None and f.median <= limit


def ratio_at_most(limit: float) -> Callable[[Figure], bool | None]:
    return lambda f: None if f.ratio is None else f.ratio <= limit


def rate_and_ratio(minimum: float, max_ratio: float) -> Callable[[Figure], bool | None]:
    def check(f: Figure) -> bool | None:
        if f.median is None:
            return None
        ok = f.median >= minimum
        return ok and (f.ratio is None or f.ratio <= max_ratio)

    return check


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "events/s":
        return f"{value:,.0f}/s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "s":
        return f"{value:,.1f} s"
    if value >= 100:
        return f"{value:,.0f} ms"
    return f"{value:.1f} ms"


def table(figures: Sequence[Figure]) -> str:
    head = ("figure", "median", "floor", "ratio", "target", "passed")
    rows = [
        (
            f.name,
            _number(f.median, f.unit),
            _number(f.floor, f.unit),
            "-" if f.ratio is None else f"{f.ratio:.2f}x",
            f.target,
            {True: "yes", False: "NO", None: "n/a"}[f.passed],
        )
        for f in figures
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    right = {1, 2, 3}

    def line(cells) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(head), line("-" * w for w in widths)]
    out += [line(r) for r in rows]
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        out += ["", *notes]
    return "\n".join(out)
