"""X's archive as one of the exports (the reading itself is desktop.connectors.x_archive).

Of what others did for me it holds only who follows me, by account id and without a date;
``missing`` names the rest.
"""

from __future__ import annotations

from desktop.connectors.archives import ArchiveStream
from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.x_archive import NETWORK, stream_x_archive
from desktop.core.i18n import tx


def read(export: ExportZip) -> ArchiveStream:
    me, pages = stream_x_archive(export)
    missing = [
        tx("Archive", "who shared, quoted, liked or replied to your posts"),
        tx("Archive", "mentions of you by others"),
        tx("Archive", "when anyone followed you, or you them (follows come without a date)"),
    ]
    # Follows carry the archive's date, not their own: history, never "followed you today".
    return ArchiveStream(NETWORK, me, pages, missing, undated=("follow",))
