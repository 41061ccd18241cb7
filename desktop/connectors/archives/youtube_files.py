"""Reading Google Takeout's YouTube files: which member is which, their columns, the text of
a comment and the channels it mentions.

Takeout names its folders and files in the account's language ("YouTube and YouTube
Music/comments/comments.csv", "YouTube y YouTube Music/comentarios/comentarios.csv",
Ukrainian "коментарі.csv") and its CSV headers too, but the data keeps one order in every
language. So every CSV file in a YouTube folder is read by what it holds: by its header when
the header is English (case, spaces and underscores ignored: "Comment create timestamp" is
"Comment Create Timestamp"), else by the shape of its first row, matched against the column
orders Takeout is known to write:

- subscriptions: ``Channel Id,Channel Url,Channel Title``, always three columns, a channel
  id (UC…) then its address;
- comments, before June 2024: ``Comment ID,Channel ID,Comment Create Timestamp,Price,Parent
  Comment ID,Video ID,Comment Text``; after: ``Channel ID,Comment Create Timestamp,Price,
  Comment ID,Parent Comment ID,Video ID,Comment Text``; also seen: ``Comment ID,Channel ID,
  Comment create timestamp,Price,Parent comment ID,Post ID,Video ID,Comment text,Top-level
  comment ID``. A comment id starts "Ug"; a reply's is "<parent id>.<its own>".

Anything else there (live chats, playlists, video metadata, the channel's own settings) has
neither shape and is left alone.

Takeout's CSV doubles quotes inside quoted cells and keeps JSON's backslashes as they are
(``\\n``, ``\\u003e``, ``\\"``), so its files are read without backslash escapes.

A comment's text is JSON: ``{"takeoutSegments":[{"text":"…"}]}`` before June 2024, after it
segment objects joined by commas, ``{"text":"…"},{"text":"\\n"}``, which is not one JSON
value (a list once wrapped in brackets); its strings may hold raw line breaks. A segment
that mentions a channel carries ``"mention":{"externalChannelId":"UC…"}`` beside its text
("@name"). A text that is not JSON is taken as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.connectors.archives.export_zip import CsvRows, ExportZip, column_key

Row = dict[str, str]  # column (as column_key() spells it) -> cell, stripped

CHANNEL_ID = re.compile(r"UC[0-9A-Za-z_-]{22}")
COMMENT_ID = re.compile(r"Ug[0-9A-Za-z_-]{10,}(?:\.[0-9A-Za-z_-]+)?")
_CHANNEL_IN_URL = re.compile(r"youtube\.com/channel/(UC[0-9A-Za-z_-]{22})", re.IGNORECASE)
# The product's folder: "YouTube and YouTube Music" (before 2017 "YouTube"), "YouTube y
# YouTube Music", "YouTube 和 YouTube Music"…; Arabic writes YouTube in its own script.
_PRODUCT_FOLDER = re.compile(r"^(?:youtube\b|يوتيوب)", re.IGNORECASE)

SUBSCRIPTIONS = "subscriptions"
COMMENTS = "comments"
_SUBSCRIPTION_COLUMNS = ("channelid", "channelurl", "channeltitle")
_COMMENT_COLUMNS = ("commentid", "channelid", "commentcreatetimestamp", "commenttext")
_COMMENT_LAYOUTS = (
    (
        "commentid",
        "channelid",
        "commentcreatetimestamp",
        "price",
        "parentcommentid",
        "videoid",
        "commenttext",
    ),
    (
        "channelid",
        "commentcreatetimestamp",
        "price",
        "commentid",
        "parentcommentid",
        "videoid",
        "commenttext",
    ),
    (
        "commentid",
        "channelid",
        "commentcreatetimestamp",
        "price",
        "parentcommentid",
        "postid",
        "videoid",
        "commenttext",
        "toplevelcommentid",
    ),
)


def in_youtube_folder(name: str) -> bool:
    """Whether a member lies in Takeout's YouTube product folder, in any language."""
    return any(_PRODUCT_FOLDER.match(part) for part in name.split("/")[:-1])


def when(text: str) -> datetime | None:
    """A Takeout time ("2023-09-19T17:42:53.434647+00:00", "…Z", "… UTC") as aware UTC."""
    text = text.strip()
    text = text[:-4].strip() if text.upper().endswith(" UTC") else text
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def channel_in(*values: str) -> str:
    """The channel id these cells give: one of them, or the one in a /channel/ address."""
    for value in values:
        value = value.strip()
        if CHANNEL_ID.fullmatch(value):
            return value
        if match := _CHANNEL_IN_URL.search(value):
            return match.group(1)
    return ""


@dataclass
class Table:
    """One CSV member Takeout wrote, rows keyed by the English column names."""

    kind: str  # SUBSCRIPTIONS or COMMENTS
    name: str
    rows: Iterator[Row]


def tables(export: ExportZip) -> Iterator[Table]:
    """The subscription and comment files in the export's YouTube folders, in name order."""
    for name in sorted(n for n in export.names if n.lower().endswith(".csv")):
        if in_youtube_folder(name):
            table = _table(export, name)
            if table is not None:
                yield table


def _table(export: ExportZip, name: str) -> Table | None:
    rows = export.csv_rows(name, (), backslash_escapes=False)
    first = next(rows, None)
    columns = rows.columns or []
    keys = [column_key(c) for c in columns]
    if set(_SUBSCRIPTION_COLUMNS) <= set(keys):
        kind, renamed = SUBSCRIPTIONS, dict(zip(columns, keys, strict=True))
    elif set(_COMMENT_COLUMNS) <= set(keys):
        kind, renamed = COMMENTS, dict(zip(columns, keys, strict=True))
    elif first is not None and (shape := _by_shape(columns, first)) is not None:
        kind, renamed = shape
    else:
        rows.close()
        return None
    return Table(kind, name, _renamed(first, rows, renamed))


def _by_shape(columns: list[str], first: dict[str, str]) -> tuple[str, dict[str, str]] | None:
    """(kind, header -> English column) for a header in another language, by where the
    first row has a channel id, a time and a comment id."""
    cells = [first.get(c, "") for c in columns]
    if len(cells) == 3 and CHANNEL_ID.fullmatch(cells[0]) and channel_in(cells[1]) == cells[0]:
        return SUBSCRIPTIONS, dict(zip(columns, _SUBSCRIPTION_COLUMNS, strict=True))
    for layout in _COMMENT_LAYOUTS:
        if len(layout) != len(cells):
            continue
        cell = dict(zip(layout, cells, strict=True))
        if (
            CHANNEL_ID.fullmatch(cell["channelid"])
            and COMMENT_ID.fullmatch(cell["commentid"])
            and when(cell["commentcreatetimestamp"]) is not None
        ):
            return COMMENTS, dict(zip(columns, layout, strict=True))
    return None


def _renamed(first: dict[str, str] | None, rest: CsvRows, names: dict[str, str]) -> Iterator[Row]:
    if first is None:
        return
    yield {names[c]: v for c, v in first.items() if c in names}
    for row in rest:
        yield {names[c]: v for c, v in row.items() if c in names}


@dataclass(frozen=True)
class Mention:
    channel_id: str
    handle: str  # "@name" as the comment wrote it, or ""


@dataclass(frozen=True)
class CommentText:
    text: str
    mentions: tuple[Mention, ...]  # in the order written, each channel once
    addressee: str  # the channel the text begins by mentioning: whom a reply in a thread answers


def comment_text(cell: str) -> CommentText:
    """What a comment said and whom it mentions, from its Comment Text cell."""
    stripped = cell.strip()
    segments = _segments(stripped) if stripped.startswith("{") else None
    if segments is None:  # not JSON: a plain text, or (seen broken) nothing to read
        return CommentText("" if stripped.startswith("{") else stripped, (), "")
    parts: list[str] = []
    mentions: dict[str, Mention] = {}
    addressee = ""
    for segment in segments:
        said = segment.get("text")
        said = said if isinstance(said, str) else ""
        mention = segment.get("mention")
        channel = mention.get("externalChannelId") if isinstance(mention, dict) else None
        if isinstance(channel, str) and CHANNEL_ID.fullmatch(channel):
            name = said.strip()
            handle = name if name.startswith("@") and len(name) > 1 and " " not in name else ""
            mentions.setdefault(channel, Mention(channel, handle))
            if not "".join(parts).strip():
                addressee = addressee or channel
        parts.append(said)
    return CommentText("".join(parts).strip(), tuple(mentions.values()), addressee)


def names_a_channel(cell: str) -> bool:
    """Whether a Comment Text cell may mention a channel (cheap: no JSON read)."""
    return "externalChannelId" in cell


_JSON = json.JSONDecoder(strict=False)  # strict=False: raw line breaks inside strings


def _segments(text: str) -> list[dict[str, Any]] | None:
    try:
        data = _JSON.decode(f"[{text}]")
    except json.JSONDecodeError:
        return None
    segments: list[dict[str, Any]] = []
    for item in data:
        if not isinstance(item, dict):
            continue
        inner = item.get("takeoutSegments")
        if isinstance(inner, list):
            segments.extend(s for s in inner if isinstance(s, dict))
        else:
            segments.append(item)
    return segments
