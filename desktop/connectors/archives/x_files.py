"""Reading an X archive's .js files: each is JavaScript that assigns one JSON value
(``window.YTD.tweets.part0 = [...]``), split in parts when large (tweets-part1.js ...).
Lists are streamed, an entry at a time; a damaged file stops the import with one line
naming it and the line."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.archives.json_stream import JsonDamaged, JsonStream
from desktop.connectors.base import BadResponse
from desktop.core.i18n import fill, tx

MAX_MEMBER_BYTES = 512 * 1024 * 1024  # refuse zip bombs; real archives stay far below
_PREFIX = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*", re.S)
_MANIFEST_PREFIX = re.compile(r"^\s*window\.__THAR_CONFIG\s*=\s*", re.S)


def checked(export: ExportZip, name: str) -> None:
    size = export.zip.getinfo(name).file_size
    if size > MAX_MEMBER_BYTES:
        raise BadResponse(
            fill(tx("Archive", "%1 in the archive is too large (%2 bytes)"), name, size)
        )


def _not_readable(name: str, line: int) -> BadResponse:
    return BadResponse(
        fill(tx("Archive", "%1 in the archive is not readable (line %2)"), name, line)
    )


def load_js(export: ExportZip, name: str, prefix: re.Pattern[str]) -> Any:
    """A small .js file (manifest.js), parsed whole."""
    checked(export, name)
    text = export.text(name)
    try:
        return json.loads(prefix.sub("", text, count=1))
    except json.JSONDecodeError as exc:
        raise _not_readable(name, exc.lineno) from None


def read_js(export: ExportZip, name: str) -> Iterator[Any]:
    """The entries of a .js file's list, one at a time."""
    checked(export, name)
    stream = JsonStream(prefix=_PREFIX)
    try:
        with export.open(name) as raw:
            yield from stream.read(io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace"))
    except JsonDamaged as exc:
        raise _not_readable(name, exc.line) from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise export._unreadable(name, exc) from None
    if stream.shape != "list":
        raise BadResponse(fill(tx("Archive", "%1 in the archive does not hold a list"), name))


def members(export: ExportZip, stem: str) -> list[str]:
    """data/<stem>.js and data/<stem>-part1.js ..., in order."""
    pattern = re.compile(rf"^(?:.*/)?data/{stem}(?:-part(\d+))?\.js$")
    found = [(pattern.match(n), n) for n in export.names]
    return [n for _, n in sorted((int(m.group(1) or 0), n) for m, n in found if m)]


def load_manifest(export: ExportZip) -> dict[str, Any]:
    """data/manifest.js, or {} when there is none or it cannot be read: only a date hangs
    on it, not worth refusing the archive for."""
    for name in members(export, "manifest"):
        try:
            data = load_js(export, name, _MANIFEST_PREFIX)
        except BadResponse:
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def generated_at(manifest: dict[str, Any]) -> datetime | None:
    info = manifest.get("archiveInfo")
    stamp = info.get("generationDate") if isinstance(info, dict) else None
    try:
        when = datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
