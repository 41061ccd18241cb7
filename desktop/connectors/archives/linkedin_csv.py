"""Reading LinkedIn's CSV files: the tables, their dates, their profile addresses.

LinkedIn renames and reorders columns between exports, so a column is found by its name
with case, spaces and underscores ignored ("inviterProfileUrl" is "Inviter Profile URL").
A table's header is the first line that has the columns asked for: Connections.csv opens
with a "Notes:" preamble. Files may start with a byte-order mark and end lines with \\r\\n.

Quoting: most files double a quote inside a quoted cell (""), but Comments.csv has been
seen escaping it with a backslash (\\"), so both are read. A cell whose quote never closes,
or text after a closing quote, is a damaged file: the import stops with one line naming it,
rather than reading the rest of the file as one cell (ExportZip.csv_rows does the reading).

Dates differ per file: "08 Feb 2026" (Connections), "2025-06-01 14:03:22 UTC" (messages),
"1/29/26, 2:37 PM" (Invitations, and older exports' messages and connections),
"2026-02-09 01:21:47" (Shares, Comments, Reactions). Those without a zone are taken as UTC;
a date alone is midnight UTC. Month names are read as English whatever the machine's locale.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import unquote

from desktop.connectors.archives.export_zip import ExportZip, column_key

Row = dict[str, str]  # column (as column_key() spells it) -> cell, stripped

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([a-z]{3})[a-z]*\.?[ -](\d{4})")
_YEAR_FIRST = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
)
_MONTH_FIRST = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:,? +(\d{1,2}):(\d{2})(?::(\d{2}))? *([ap]\.?m\.?)?)?"
)
_ZONE = re.compile(r"\s*(?:utc|gmt|z)$")
_PROFILE = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)*linkedin\.com/([^?#\s]*)(?:[?#]\S*)?", re.IGNORECASE
)
_PROFILES_IN_TEXT = re.compile(r"(?:https?://)?(?:[\w-]+\.)*linkedin\.com/[^\s,;]+", re.I)


class Table:
    """One CSV member's rows keyed by column_key(), streamed (ExportZip.csv_rows reads
    them). ``columns`` stays None if no line had the columns asked for: a file from an
    export whose shape we do not know."""

    def __init__(self, export: ExportZip, name: str, required: tuple[str, ...]) -> None:
        self.rows = export.csv_rows(name, required)
        self.name = name
        self.columns: list[str] | None = None

    def __iter__(self) -> Iterator[Row]:
        for row in self.rows:
            yield {column_key(column): value for column, value in row.items()}
        found = self.rows.columns
        self.columns = [column_key(c) for c in found] if found is not None else None


def cell(row: Row, *names: str) -> str:
    """The first non-empty cell of these columns (older and newer names of one column)."""
    for name in names:
        value = row.get(column_key(name), "")
        if value:
            return value
    return ""


def when(text: str) -> datetime | None:
    """A LinkedIn date or time as an aware UTC datetime (None: not one we can read)."""
    text = _ZONE.sub("", " ".join(text.split()).lower())
    if not text:
        return None
    try:
        if _YEAR_FIRST.fullmatch(text) is None:  # offsets, "T": ISO forms Python knows
            parsed = datetime.fromisoformat(text.upper())
            return parsed.replace(tzinfo=parsed.tzinfo or UTC).astimezone(UTC)
    except ValueError:
        pass
    try:
        if match := _YEAR_FIRST.fullmatch(text):
            year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
        elif match := _DAY_MONTH_YEAR.fullmatch(text):
            day, year, hour, minute, second = int(match[1]), int(match[3]), 0, 0, 0
            month = _MONTHS.get(match[2], 0)
        elif match := _MONTH_FIRST.fullmatch(text):
            month, day, year, hour, minute, second = (int(g or 0) for g in match.groups()[:6])
            year += 2000 if year < 100 else 0
            if match[7]:  # 12-hour clock: 12:05 AM is 00:05, 12:05 PM is 12:05
                hour = hour % 12 + (12 if match[7].startswith("p") else 0)
        else:
            return None
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


def profile(url: str) -> tuple[str, str] | None:
    """(key, address) of a LinkedIn profile address, None if it is not one: the key is its
    path, decoded and lower-cased ("in/ana-garcia"; LinkedIn's addresses ignore case), the
    address the canonical https://www.linkedin.com/<path> with the path as written."""
    match = _PROFILE.fullmatch(url.strip())
    if match is None:
        return None
    parts = [part for part in match[1].split("/") if part]
    if not parts:
        return None
    key = "/".join(unquote(part) for part in parts).lower()
    return key, "https://www.linkedin.com/" + "/".join(parts)


def profiles_in(text: str) -> list[str]:
    """The profile addresses in one cell (a message to several people lists several)."""
    return _PROFILES_IN_TEXT.findall(text)
