"""Logging to a file in the data folder, so an error a patient never sees is still there for IT."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from kiosk import paths
from kiosk.private import PRIVATE_FILE_MODE

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the current one and each new one after a rollover) is 0600."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        os.fchmod(stream.fileno(), PRIVATE_FILE_MODE)
        return stream


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Log to ``kiosk.log`` in the data folder; returns its path, or None when it cannot be written (a read-only
    or missing data folder), in which case the log goes to standard error, so a start-up failure is never
    silent (F6)."""
    root = logging.getLogger()
    root.setLevel(level)
    try:
        path = paths.log_dir() / "kiosk.log"
        handler: logging.Handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
        logging.getLogger(__name__).error("cannot write the log file in the data folder (%s): logging here", exc)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return path
