"""What Meta's two exports (Instagram, Facebook) share.

- **Mojibake.** Meta writes each UTF-8 byte of a string as its own ``\\u00XX`` escape, so
  JSON parses "Begoña" as "BegoÃ±a" and "😛" as four Latin-1 letters. :func:`repair` turns
  such a string back (encode Latin-1, decode UTF-8) only when that round-trips cleanly: a
  string that is already right ("Begoña" with a real ñ, an emoji) fails the round trip and
  is left alone. :func:`repaired` repairs every string of an entry, keys included
  (Instagram's labels are translated: "Opmerking", "Media-eigenaar").
- **Lists** are streamed (:class:`Entries`): a followers file of 300,000 entries is read an
  entry at a time, each repaired as it comes; small files (a profile) are read whole
  by :func:`load`.
- **Times** are Unix seconds (a few files hold milliseconds): :func:`when`.
- **Split lists**: a long list comes as ``followers_1.json``, ``followers_2.json`` …; the
  folders moved between export generations, so :func:`numbered` finds members by the end
  of their path, part number in order, macOS resource forks (``__MACOSX/``, ``._*``) aside.
- **Repeats**: split parts repeat entries, and an export zipped with a copy of itself holds
  everything twice. :class:`Events` keeps one event per external id, so the summary counts
  each once (the store would dedupe them anyway): the ids seen are the one thing kept for
  the whole export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from desktop.connectors.archives import Pager
from desktop.connectors.archives.export_zip import ExportZip
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
    """A small member's JSON, whole and repaired. Damaged JSON stops the import with one
    line naming it."""
    return repaired(export.json(name))


class Entries:
    """The entries of a list file, streamed and repaired: a bare list, or the lists under
    ``keys`` (a key ending in ``*``: under every key with that prefix). Once iterated,
    ``known`` says whether it was one of those (else: not a list file the reader knows),
    and ``rest`` holds what else its top level had, repaired (a single entry)."""

    def __init__(self, export: ExportZip, name: str, *keys: str) -> None:
        self.json = export.json_entries(name, tuple(k for k in keys if k))

    def __iter__(self) -> Iterator[Any]:
        return (repaired(entry) for entry in self.json)

    @property
    def known(self) -> bool:
        return self.json.stream.shape is not None

    @property
    def rest(self) -> dict[str, Any]:
        rest: dict[str, Any] = repaired(self.json.stream.rest)
        return rest


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


class Events(Pager):
    """A Meta export's events in pages, each external id once."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream, unique=True)

    def unknown_file(self, name: str) -> None:
        self.skip("file in a layout Reciprocity does not know")
        self.warnings.append(
            fill(tx("Archive", "%1 is not laid out as Reciprocity expects: it was left out"), name)
        )
