"""Logging: a rotating, private log file in the data dir. Tracebacks go there, not to users."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(directory: Path, *, verbose: bool = False) -> Path:
    """Log to DIR/reciprocity.log (1 MB x 3 files). Returns the log file path."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / "reciprocity.log"
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_reciprocity", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler._reciprocity = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # urllib3 logs request lines at DEBUG; headers (tokens) are never logged by it.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    return path
