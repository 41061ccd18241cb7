"""Choosing a template variant and fitting it within the network's length rule."""

from __future__ import annotations

import functools
import math
import random
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.core.length import (
    LengthCheck,
    LengthRule,
    check,
)
from desktop.core.text import excerpt
from desktop.queries.drafts.model import MIN_TITLE, TITLE_LIMIT
from desktop.queries.templates import (
    VARIABLES,
    template_fields,
)


@functools.cache
def _variant_pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".*?")
    return re.compile("".join(parts), re.DOTALL)


def _same_variant(template: str, text: str) -> bool:
    """Was ``text`` made from ``template`` (whatever names and titles filled it)?"""
    return bool(text) and _variant_pattern(template).fullmatch(text.strip()) is not None


def _leads_with_mention(template: str) -> bool:
    return template.lstrip().startswith(("{mention}", "{mentions}"))


def _reads_well_without_at(template: str) -> bool:
    """On networks without @-mentions the mention is a plain name: avoid variants that open
    with it or that name the person twice."""
    return not _leads_with_mention(template) and "name" not in template_fields(template)


# --- names, mentions, titles -----------------------------------------------------------


@dataclass
class _Choice:
    index: int
    text: str
    length: LengthCheck


def _candidates(
    variants: Sequence[str],
    *,
    has_title: bool,
    at_mentions: bool,
    avoid: Iterable[str],
) -> list[int]:
    available = VARIABLES if has_title else VARIABLES - {"title"}
    usable = [i for i, v in enumerate(variants) if template_fields(v) <= available]
    usable = usable or list(range(len(variants)))
    if not at_mentions:
        usable = [i for i in usable if _reads_well_without_at(variants[i])] or usable
    previous = [t for t in avoid if t]
    fresh = [i for i in usable if not any(_same_variant(variants[i], t) for t in previous)]
    return fresh or usable


def _fit(
    variants: Sequence[str],
    order: Sequence[int],
    values: dict[str, object],
    title_source: str,
    rule: LengthRule | None,
) -> _Choice:
    """The first variant in ``order`` that fits; then the same with shorter titles; else
    the shortest of all, not ok."""

    def render(index: int, title: str) -> _Choice:
        text = variants[index].format_map({**values, "title": title})
        return _Choice(index, text, check(text, rule))

    full_title = excerpt(title_source, TITLE_LIMIT) if title_source else ""
    tried: list[_Choice] = []
    for index in order:
        choice = render(index, full_title)
        if choice.length.ok:
            return choice
        tried.append(choice)
    for first in list(tried):
        if "title" not in template_fields(variants[first.index]) or not full_title:
            continue
        choice, title = first, full_title
        while not choice.length.ok:
            over = -(choice.length.remaining or 0)
            limit = min(len(title) - 1, len(title) - over)
            if limit < MIN_TITLE:
                break
            title = excerpt(title_source, limit)
            choice = render(first.index, title)
            tried.append(choice)
        if choice.length.ok:
            return choice
    return min(tried, key=lambda c: c.length.used)


def _default_rng(key: str, now: datetime) -> random.Random:
    return random.Random(f"{key}:{now.date().isoformat()}")


# --- reading what is pending -------------------------------------------------------------


def _split(n: int, fits: Callable[[list[int]], bool]) -> list[list[int]]:
    """Split positions 0..n-1 into as few consecutive chunks as fit, of even sizes when
    possible (30 people that fit 12 at a time: 10, 10, 10 rather than 12, 12, 6)."""
    largest = 0
    while largest < n and fits(list(range(largest + 1))):
        largest += 1
    if largest == n:
        return [list(range(n))]
    parts = math.ceil(n / max(largest, 1))
    size = math.ceil(n / parts)
    even = [list(range(start, min(start + size, n))) for start in range(0, n, size)]
    if all(fits(chunk) for chunk in even):
        return even
    chunks: list[list[int]] = []  # mentions differ in length: fill greedily instead
    current: list[int] = []
    for i in range(n):
        if current and not fits([*current, i]):
            chunks.append(current)
            current = []
        current.append(i)
    chunks.append(current)
    return chunks
