"""Logging to a file in the data folder, so an error a patient never sees is still there for IT."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kiosk import paths
from kiosk.private import PrivateFileHandler

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5


def configure_logging(level: int = logging.INFO, *, rotating: bool = True) -> Path | None:
    """Log to ``kiosk.log`` in the data folder; returns its path, or None when it cannot be written (a read-only
    or missing data folder), in which case the log goes to standard error, so a start-up failure is never
    silent (F6).

    ``rotating=False`` (the kiosk's start) appends to the same file without rotating it until ``start_rotating``:
    the rotating handler's module, ``logging.handlers``, and what it imports (sockets, pickle, queues) cost 5 ms
    before the start screen's first paint (issue 19)."""
    root = logging.getLogger()
    root.setLevel(level)
    try:
        path = paths.log_dir() / "kiosk.log"
        handler: logging.Handler = _rotating(path) if rotating else PrivateFileHandler(path, encoding="utf-8")
    except OSError as exc:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
        logging.getLogger(__name__).error("cannot write the log file in the data folder (%s): logging here", exc)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return path


def start_rotating() -> None:
    """The log set up with ``rotating=False`` rotates from now on (at ``MAX_BYTES``, ``BACKUP_COUNT`` old files).

    The rotating handler is added before the plain one is removed, so no line is lost in between."""
    root = logging.getLogger()
    for plain in [h for h in root.handlers if type(h) is PrivateFileHandler]:
        rotating = _rotating(Path(plain.baseFilename))
        rotating.setFormatter(plain.formatter)
        root.addHandler(rotating)
        root.removeHandler(plain)
        plain.close()


def _rotating(path: Path) -> logging.Handler:
    from kiosk.log_rotation import PrivateRotatingFileHandler

    return PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
