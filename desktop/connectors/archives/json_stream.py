"""A JSON member read element by element, never parsed whole: a 300 MB tweets.js or a
followers file of 300,000 entries takes the memory of one entry at a time.

Exports put their entries in one of two shapes, and only those are streamed:

- a top-level list (``[{...}, {...}]``; X's behind ``window.YTD.tweets.part0 = ``);
- lists under top-level keys (``{"relationships_following": [...]}``), the keys asked for
  matched exactly or, for one ending in ``*``, by prefix.

Everything else at the top level of an object is decoded whole and kept in ``rest`` (a
single entry, as Instagram writes one comment); a list under a key not asked for is read
through and dropped, so it costs no memory either. Each element is decoded by the standard
library's C scanner (``json.JSONDecoder.raw_decode``) straight from a buffer of the text:
only the walk over the top level is Python.

Why not ijson (3.6, wheels for CPython 3.11, its C backend yajl2_c): measured on this
machine, it is no faster — 1.4 s for a 44 MB list of 300,000 followers where this takes
1.3–2.0 s, 4.6–6.0 s for a 300 MB tweets.js where this takes 4.4–5.9 s (json.loads: 1.9 s
and 269 MB, 11.6 s and 1.4 GB) — and its fast path (``items``) streams a list under a
key only when the key is known beforehand, not ``relationships_*``. This peaks higher
(23 MB to ijson's 12: a buffer of a million characters), far below what the events cost,
and adds no dependency.

Damaged JSON (cut short, a stray comma, text after the end) raises :class:`JsonDamaged`
with the line it was found on, counted over the whole member.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

CHUNK = 1 << 20  # characters read at a time
PREFIX_ROOM = 1024  # characters read before looking for the prefix
_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER_TAIL = re.compile(r"[0-9.eE+-]*")
_DECODER = json.JSONDecoder()


class JsonDamaged(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(f"not valid JSON (line {line})")
        self.line = line


class JsonStream:
    """The top-level entries of one JSON text (see the module's docstring), from ``read``
    (once); afterwards ``shape`` says what was found: "list" (a top-level list), "keys" (lists under
    keys asked for) or None (neither: ``rest`` holds what the top level had)."""

    def __init__(self, keys: tuple[str, ...] = (), prefix: re.Pattern[str] | None = None) -> None:
        self.keys = keys
        self.prefix = prefix
        self.shape: str | None = None
        self.rest: dict[str, Any] = {}
        self._text: TextIO | None = None
        self._buffer = ""
        self._at = 0  # where reading stands in the buffer
        self._lines = 1  # the line the buffer starts on
        self._eof = False

    def wanted(self, key: str) -> bool:
        return any(key.startswith(k[:-1]) if k.endswith("*") else key == k for k in self.keys)

    def read(self, text: TextIO) -> Iterator[Any]:
        """The entries of ``text``, one at a time."""
        self._text = text
        while len(self._buffer) < PREFIX_ROOM and self._fill(CHUNK):
            pass  # enough to see a prefix whole, however small the chunks
        if self.prefix is not None:
            found = self.prefix.match(self._buffer)
            if found:
                self._at = found.end()
        first = self._peek()
        if first == "[":
            self.shape = "list"
            yield from self._elements()
        elif first == "{":
            yield from self._members()
        else:
            self.rest = {"": self._value()}  # a bare value: no entries
        if self._peek():
            raise self._damaged(self._at)  # text after the end

    # -- the top level -----------------------------------------------------------------------

    def _elements(self) -> Iterator[Any]:
        self._at += 1  # "["
        if self._peek() == "]":
            self._at += 1
            return
        while True:
            yield self._value()
            after = self._peek()
            self._at += 1
            if after == "]":
                return
            if after != ",":
                raise self._damaged(self._at - 1)

    def _members(self) -> Iterator[Any]:
        self._at += 1  # "{"
        if self._peek() == "}":
            self._at += 1
            return
        while True:
            if self._peek() != '"':
                raise self._damaged(self._at)
            key = self._value()
            if self._peek() != ":":
                raise self._damaged(self._at)
            self._at += 1
            listed = self._peek() == "["
            if listed and self.wanted(key):
                self.shape = "keys"
                yield from self._elements()
            elif listed:
                for _ in self._elements():
                    pass
            else:
                self.rest[key] = self._value()
            after = self._peek()
            self._at += 1
            if after == "}":
                return
            if after != ",":
                raise self._damaged(self._at - 1)

    # -- the buffer --------------------------------------------------------------------------

    def _fill(self, size: int) -> bool:
        """Read ``size`` more characters (what was read through is dropped); False at the end."""
        if self._eof or self._text is None:
            return False
        chunk = self._text.read(size)
        if not chunk:
            self._eof = True
            return False
        self._lines += self._buffer.count("\n", 0, self._at)
        self._buffer = self._buffer[self._at :] + chunk
        self._at = 0
        return True

    def _peek(self) -> str:
        """The next character that is not white space ("" at the end), not consumed."""
        while True:
            self._at = _SPACE.match(self._buffer, self._at).end()  # type: ignore[union-attr]
            if self._at < len(self._buffer):
                return self._buffer[self._at]
            if not self._fill(CHUNK):
                return ""

    def _value(self) -> Any:
        """One whole value from here. A value cut by the buffer's end is read again with
        more text, twice as much each time, so a large one costs linear time."""
        more = CHUNK
        self._peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buffer, self._at)
            except json.JSONDecodeError as exc:
                if not self._fill(more):
                    raise self._damaged(exc.pos) from None
            else:
                # Only a number can be cut and still read as one ("4.5e" of "4.5e10"):
                # one that runs to the buffer's end may go on in the next chunk.
                cut = isinstance(value, int | float) and _NUMBER_TAIL.fullmatch(self._buffer, end)
                if not cut or not self._fill(more):
                    self._at = end
                    return value
            more = max(more, len(self._buffer))

    def _damaged(self, at: int) -> JsonDamaged:
        return JsonDamaged(self._lines + self._buffer.count("\n", 0, min(at, len(self._buffer))))
