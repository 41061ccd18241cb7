"""X's archive as one of the exports (the reading itself is desktop.connectors.x_archive)."""

from __future__ import annotations

from desktop.connectors.archives import ArchiveRead
from desktop.connectors.archives.export_zip import ExportZip
from desktop.connectors.x_archive import NETWORK, read_x_archive
from desktop.core.i18n import tx


def read(export: ExportZip) -> ArchiveRead:
    me, page = read_x_archive(export.path)
    missing = [
        tx("Archive", "who shared, quoted or liked your posts (X's archive lists none of it)"),
        tx("Archive", "replies and mentions by others (only your own posts are in it)"),
    ]
    return ArchiveRead(NETWORK, me, page, missing)
