"""How long a status may be on an instance (its configuration, or 500 and 23 per URL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class InstanceLimits:
    max_characters: int
    characters_reserved_per_url: int


DEFAULT_LIMITS = InstanceLimits(500, 23)


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _length_rules(statuses: Any) -> InstanceLimits | None:
    if not isinstance(statuses, dict) or not _positive_int(statuses.get("max_characters")):
        return None
    per_url = statuses.get("characters_reserved_per_url")
    if not isinstance(per_url, int) or not (_positive_int(per_url) or per_url == 0):
        per_url = DEFAULT_LIMITS.characters_reserved_per_url
    return InstanceLimits(statuses["max_characters"], per_url)
