"""What Meta's two exports (Instagram, Facebook) share.

- **Mojibake.** Meta writes each UTF-8 byte of a string as its own ``\\u00XX`` escape, so
  JSON parses "Begoña" as "BegoÃ±a" and "😛" as four Latin-1 letters. :func:`repair` turns
  such a string back (encode Latin-1, decode UTF-8) only when that round-trips cleanly: a
  string that is already right ("Begoña" with a real ñ, an emoji) fails the round trip and
  is left alone. :func:`load` repairs every string of a member, keys included (Instagram's
  labels are translated: "Opmerking", "Media-eigenaar").
- **Times** are Unix seconds (a few files hold milliseconds): :func:`when`.
- **Split lists**: a long list comes as ``followers_1.json``, ``followers_2.json`` …; the
  folders moved between export generations, so :func:`numbered` finds members by the end
  of their path, part number in order, macOS resource forks (``__MACOSX/``, ``._*``) aside.
- **Repeats**: split parts repeat entries, and an export zipped with a copy of itself holds
  everything twice. :class:`Events` keeps one event per external id, so the summary counts
  each once (the store would dedupe them anyway).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.base import Page
from desktop.core.events import InteractionEvent
from desktop.core.i18n import fill, tx

FIRST_YEAR = 2004  # Facebook opened in 2004: an earlier time is a missing one


def repair(text: str) -> str:
    """``text`` as Meta meant it: "BegoÃ±a" → "Begoña"; right text stays as it is."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def repaired(value: Any) -> Any:
    """``value`` (parsed JSON) with every string repaired, keys included."""
    if isinstance(value, str):
        return repair(value)
    if isinstance(value, list):
        return [repaired(item) for item in value]
    if isinstance(value, dict):
        return {repair(str(key)): repaired(item) for key, item in value.items()}
    return value


def load(export: ExportZip, name: str) -> Any:
    """A member's JSON, repaired. Damaged JSON stops the import with one line naming it."""
    return repaired(export.json(name))


def when(value: object) -> datetime | None:
    """A Unix time (seconds, or milliseconds) as aware UTC; None if missing or implausible."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    if seconds > 1e11:
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment if moment.year >= FIRST_YEAR else None


def member_time(export: ExportZip, name: str) -> datetime | None:
    """When the export wrote ``name`` (the zip's own date for it), for undated entries."""
    try:
        stamp = datetime(*export.zip.getinfo(name).date_time, tzinfo=UTC)
    except (KeyError, ValueError):
        return None
    return stamp if stamp.year >= FIRST_YEAR else None


def numbered(export: ExportZip, stem: str, *folders: str) -> list[str]:
    """Members ``<folder>/<stem>.json`` and ``<folder>/<stem>_<n>.json`` (any folder above),
    in path and part order. No folder: anywhere in the export."""
    pattern = re.compile(rf"{re.escape(stem)}(?:_(\d+))?\.json", re.IGNORECASE)
    where = [f"{folder}/" if folder else "" for folder in folders or ("",)]
    found = export.find(*(f"{w}{stem}*.json" for w in where))
    keyed = []
    for name in found:
        path = PurePosixPath(name.replace("\\", "/"))
        match = pattern.fullmatch(path.name)
        if match is None or "__macosx" in name.lower().split("/"):
            continue
        keyed.append((str(path.parent), int(match.group(1) or 0), name))
    return [name for _, _, name in sorted(keyed)]


def records(data: Any, *keys: str) -> list[Any] | None:
    """The entries of a list file: a bare list, the lists under ``keys`` (or, with a key
    ending in ``*``, under every key with that prefix), or one bare entry that has ``keys``'
    shape. None: not a list file this reader knows."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    found: list[Any] = []
    hit = False
    for key, value in data.items():
        wanted = any(key.startswith(k[:-1]) if k.endswith("*") else key == k for k in keys if k)
        if wanted and isinstance(value, list):
            found.extend(value)
            hit = True
    return found if hit else None


def first_present(mapping: Mapping[str, Any], labels: tuple[str, ...]) -> dict[str, Any]:
    """The first of ``labels`` (translations of one label) that ``mapping`` has as a dict."""
    for label in labels:
        value = mapping.get(label)
        if isinstance(value, dict):
            return value
    return {}


def text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in ``node``, depth first (Meta's newer "label_values" records nest)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


@dataclass
class Events:
    """One page of a Meta export's events, each external id once."""

    page: Page
    seen: set[str] = field(default_factory=set)

    def add(self, event: InteractionEvent) -> None:
        if event.external_id not in self.seen:
            self.seen.add(event.external_id)
            self.page.interactions.append(event)

    def skip(self, why: str, n: int = 1) -> None:
        self.page.skipped[why] += n

    def unknown_file(self, name: str) -> None:
        self.skip("file in a layout Reciprocity does not know")
        self.page.warnings.append(
            fill(tx("Archive", "%1 is not laid out as Reciprocity expects: it was left out"), name)
        )
