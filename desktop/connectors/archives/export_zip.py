"""A data export zip, opened with suspicion: read in place (never extracted), member by
member, each one streamed. What makes a zip unsafe or unreadable stops the import with one
line naming the file: not a zip, truncated, a zip bomb (too large, or compressed too well to
be real data), entry names that climb out of the folder."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator
from datetime import UTC, datetime
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import IO, Any

from desktop.connectors.archives.json_stream import JsonDamaged, JsonStream
from desktop.connectors.base import BadResponse
from desktop.core.i18n import fill, tx

MAX_TOTAL_BYTES = 4 * 1024**3  # all members, uncompressed: real exports stay far below
MAX_MEMBER_BYTES = 1024**3
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR: text zips ~10x
RATIO_FLOOR = 8 * 1024**2


Progress = Callable[[int, int], None]  # (bytes read so far, bytes to read in all)


class _Counting(io.RawIOBase):
    """A member's bytes as they are read, counted for the progress bar."""

    def __init__(self, raw: IO[bytes], on_read: Callable[[int], None]) -> None:
        super().__init__()
        self.raw, self.on_read = raw, on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.on_read(len(data))
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


class ExportZip:
    """The members of an export zip, read safely. Use as a context manager. ``progress``
    hears how much of the uncompressed whole has been read (an estimate of the work: a
    reader reads what it knows, not every member)."""

    def __init__(self, path: Path, progress: Progress | None = None) -> None:
        self.path = path
        self.progress = progress
        self.done = 0
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise BadResponse(fill(tx("Archive", "%1 does not exist"), path)) from None
        except IsADirectoryError:
            raise BadResponse(
                fill(tx("Archive", "%1 is a folder: choose the export's .zip file"), path)
            ) from None
        except (zipfile.BadZipFile, OSError):
            raise BadResponse(
                fill(tx("Archive", "%1 is not a zip file, or it is cut short"), path)
            ) from None
        self.names = self._checked_names()
        self.total = sum(info.file_size for info in self.zip.infolist()) or 1

    def __enter__(self) -> ExportZip:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.zip.close()

    def _checked_names(self) -> list[str]:
        names, total = [], 0
        for info in self.zip.infolist():
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in info.filename:
                raise BadResponse(
                    fill(
                        tx("Archive", "%1 holds an entry that points outside it (%2): refused"),
                        self.path,
                        info.filename,
                    )
                )
            total += info.file_size
            big = info.file_size > RATIO_FLOOR
            if (
                info.file_size > MAX_MEMBER_BYTES
                or total > MAX_TOTAL_BYTES
                or (big and info.file_size > MAX_RATIO * max(info.compress_size, 1))
            ):
                raise BadResponse(
                    fill(
                        tx("Archive", "%1 unpacks to far more than any export (%2): refused"),
                        self.path,
                        info.filename,
                    )
                )
            if not info.is_dir():
                names.append(info.filename)
        return names

    def plan(self, names: Iterable[str]) -> None:
        """The members a reader is going to read: progress then counts toward their size,
        not the whole zip's (an export's photos and videos are never read)."""
        self.total = sum(self.zip.getinfo(name).file_size for name in set(names)) or 1

    def find(self, *patterns: str) -> list[str]:
        """Members whose path ends with one of ``patterns`` (shell-style, any case), in
        name order: exports nest their files in a folder named after the user."""
        found = []
        for name in self.names:
            lowered = name.lower()
            for pattern in patterns:
                if fnmatch(lowered, pattern.lower()) or fnmatch(lowered, "*/" + pattern.lower()):
                    found.append(name)
                    break
        return sorted(found)

    def open(self, name: str) -> IO[bytes]:
        try:
            member = self.zip.open(name)
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise self._unreadable(name, exc) from None
        if self.progress is None:
            return member
        return io.BufferedReader(_Counting(member, self._read))

    def _read(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def _unreadable(self, name: str, exc: BaseException) -> BadResponse:
        return BadResponse(
            fill(tx("Archive", "%1 in %2 cannot be read: %3"), name, self.path.name, exc)
        )

    def text(self, name: str) -> str:
        """A member as text (UTF-8, a byte-order mark dropped)."""
        try:
            with self.open(name) as member:
                return member.read().decode("utf-8-sig", errors="replace")
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise self._unreadable(name, exc) from None

    def json(self, name: str, *, prefix: str = "") -> Any:
        """A member as JSON, parsed whole (small files: a profile, a manifest); ``prefix``
        (X's "window.YTD.x.part0 = ") cut off first. Lists are read with json_entries."""
        text = self.text(name)
        if prefix and text.lstrip().startswith(prefix):
            text = text.lstrip()[len(prefix) :]
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise self._not_json(name, exc.lineno) from None

    def _not_json(self, name: str, line: int) -> BadResponse:
        return BadResponse(
            fill(
                tx("Archive", "%1 in %2 is not valid JSON (line %3): the export is damaged"),
                name,
                self.path.name,
                line,
            )
        )

    def json_entries(self, name: str, keys: tuple[str, ...] = ()) -> JsonEntries:
        """A list member's entries, streamed: a top-level list, or the lists under
        ``keys`` (see json_stream.JsonStream)."""
        return JsonEntries(self, name, JsonStream(keys))

    def csv_rows(
        self, name: str, header: tuple[str, ...], *, backslash_escapes: bool = True
    ) -> CsvRows:
        """A member's CSV rows as dicts keyed by its header as written, streamed.
        ``backslash_escapes=False`` for files whose cells hold backslashes of their own
        (Takeout's comments are JSON: \\n, \\u003e, \\" must reach the JSON reader)."""
        return CsvRows(self, name, header, backslash_escapes=backslash_escapes)

    def written_at(self, name: str) -> datetime | None:
        """When the zip says a member was written (taken as UTC: zips keep no zone), None
        for the format's empty default (1980) or a member it does not have."""
        try:
            stamp = self.zip.getinfo(name).date_time
        except KeyError:
            return None
        if stamp[0] <= 1980:
            return None
        try:
            return datetime(*stamp, tzinfo=UTC)
        except ValueError:
            return None


def column_key(name: str) -> str:
    """'Connected On', 'connected_on', 'CONNECTED ON' -> 'connectedon'."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


class CsvRows:
    """One CSV member's rows, streamed, the one way exports' CSVs are read.

    The header is the first line that has every column of ``header`` (case, spaces and
    underscores ignored): lines above it are skipped, as LinkedIn puts notes there; a file
    without one yields nothing and leaves ``columns`` None. A byte-order mark and \\r\\n
    are fine, and a quote inside a cell may be doubled ("") or, unless the file's cells
    hold backslashes of their own (``backslash_escapes=False``), escaped (\\"). A quote that
    never closes stops the import with one line naming the file and the line, rather than
    reading the rest of the file as one cell.
    """

    def __init__(
        self,
        export: ExportZip,
        name: str,
        header: tuple[str, ...],
        *,
        backslash_escapes: bool = True,
    ) -> None:
        self.export, self.name = export, name
        self.required = {column_key(column) for column in header}
        self.escapechar = "\\" if backslash_escapes else None
        # What the reading found, in a holder of its own: the generator must not hold this
        # object (a cycle would keep the member open until a garbage collection).
        self._found: list[list[str]] = []
        self._rows: Generator[dict[str, str], None, None] | None = None

    @property
    def columns(self) -> list[str] | None:
        """The header as written, once found (None: no line had the columns asked for)."""
        return self._found[0] if self._found else None

    def __iter__(self) -> CsvRows:
        return self

    def close(self) -> None:
        """Stop reading before the end: the member is closed now, not when collected."""
        if self._rows is not None:
            self._rows.close()

    def __next__(self) -> dict[str, str]:
        if self._rows is None:
            self._rows = _csv_rows(
                self.export, self.name, self.required, self._found, self.escapechar
            )
        return next(self._rows)


def _csv_rows(
    export: ExportZip,
    name: str,
    required: set[str],
    found: list[list[str]],
    escapechar: str | None,
) -> Generator[dict[str, str], None, None]:
    with export.open(name) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.reader(text, escapechar=escapechar, strict=True)
        line = 1  # where the next row starts: a broken one is named by its first line
        columns: list[str] | None = None
        try:
            for cells in reader:
                if columns is None:
                    names = [cell.strip() for cell in cells]
                    if required <= {column_key(n) for n in names}:
                        columns = names
                        found.append(names)
                    line = reader.line_num + 1
                    continue
                values = [value.strip() for value in cells]
                if any(values):
                    yield dict(zip(columns, values, strict=False))
                line = reader.line_num + 1
        except csv.Error:
            raise BadResponse(
                fill(
                    tx("Archive", "%1 in %2 is not valid CSV (line %3): the export is damaged"),
                    name,
                    export.path.name,
                    line,
                )
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise export._unreadable(name, exc) from None


class JsonEntries:
    """One JSON member's entries, streamed; after iterating, ``stream.shape`` and
    ``stream.rest`` say what else its top level held. Damaged JSON stops the import with
    one line naming the member and the line."""

    def __init__(self, export: ExportZip, name: str, stream: JsonStream) -> None:
        self.export, self.name, self.stream = export, name, stream

    def __iter__(self) -> Iterator[Any]:
        # The generator holds the stream, not this object: no cycle keeps the member open.
        return _json_entries(self.export, self.name, self.stream)


def _json_entries(export: ExportZip, name: str, stream: JsonStream) -> Iterator[Any]:
    try:
        with export.open(name) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace")
            yield from stream.read(text)
    except JsonDamaged as exc:
        raise export._not_json(name, exc.line) from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise export._unreadable(name, exc) from None
