"""An export's pages kept on disk between a preview and its import: the export is read
once, and what was read does not sit in memory while the user looks at the preview.

300,000 Instagram followers held as events took 145 MB; spilled (each page's events as
tuples, pickled and compressed), they are a 5 MB file and a page in memory at a time.
Reading the export again on Import instead would cost as much as the preview did (about
40 s for a LinkedIn export with a 430 MB messages.csv), and the file would have to still
be there.

The file is anonymous (``tempfile.TemporaryFile``: unlinked at once where the system
allows), written and read back by this process only, so pickle reads nothing it did not
write itself. ``close`` removes it; so does the garbage collector, without a warning, for
a preview nobody imported.
"""

from __future__ import annotations

import pickle
import struct
import tempfile
import weakref
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.connectors.archives import ArchiveStream
from desktop.connectors.base import Page
from desktop.core.events import Actor, InteractionEvent, Post

_LENGTH = struct.Struct("<Q")


class Spill:
    """The pages of one export's stream, on disk; ``stream()`` gives them back as they were
    read, an ArchiveStream of the same export."""

    def __init__(self, stream: ArchiveStream, directory: Path | None = None) -> None:
        self.network = stream.network
        self.me: Actor | None = stream.me
        self.missing = list(stream.missing)
        self.undated = stream.undated
        self.pages = 0
        self.events = 0  # interactions in all pages: Import's progress counts toward it
        # Open as long as the preview lives: close() or the finalizer below shuts it.
        self.file = tempfile.TemporaryFile(dir=directory, prefix="reciprocity-import-")  # noqa: SIM115
        self._finalizer = weakref.finalize(self, self.file.close)

    def add(self, page: Page) -> None:
        packed = (page.stream, [_pack(e) for e in page.interactions], page.cursor)
        extra = (dict(page.skipped), page.warnings, page.meta)
        data = zlib.compress(pickle.dumps((packed, extra), pickle.HIGHEST_PROTOCOL), 1)
        self.file.write(_LENGTH.pack(len(data)))
        self.file.write(data)
        self.pages += 1
        self.events += len(page.interactions)

    def stream(self) -> ArchiveStream:
        self.file.flush()
        self.file.seek(0)
        return ArchiveStream(self.network, self.me, self._pages(), self.missing, self.undated)

    def _pages(self) -> Iterator[Page]:
        for _ in range(self.pages):
            (length,) = _LENGTH.unpack(self.file.read(_LENGTH.size))
            (stream, events, cursor), (skipped, warnings, meta) = pickle.loads(
                zlib.decompress(self.file.read(length))
            )
            yield Page(
                stream=stream,
                interactions=[_unpack(e) for e in events],
                cursor=cursor,
                skipped=Counter(skipped),
                warnings=warnings,
                meta=meta,
            )

    def close(self) -> None:
        self._finalizer()

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive


# Events as plain tuples: pickling the dataclasses themselves took three times as long.
Packed = tuple[Any, ...]


def _pack(e: InteractionEvent) -> Packed:
    post = e.post
    return (
        e.external_id,
        e.kind,
        e.direction,
        _pack_actor(e.actor),
        e.occurred_at,
        None if post is None else (post.url, post.text, post.language, post.remote_id),
        None if e.via is None else _pack_actor(e.via),
    )


def _pack_actor(a: Actor) -> Packed:
    return (a.network, a.stable_id, a.handle, a.display_name, a.profile_url)


def _unpack(t: Packed) -> InteractionEvent:
    external_id, kind, direction, actor, at, post, via = t
    return InteractionEvent(
        external_id,
        kind,
        direction,
        Actor(*actor),
        at,
        None if post is None else Post(*post),
        None if via is None else Actor(*via),
    )
