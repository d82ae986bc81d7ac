"""Logging to a file in the data folder, so an error a patient never sees is still there for IT."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os

from kiosk import paths
from kiosk.private import PRIVATE_FILE_MODE


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the current one and each new one after a rollover) is 0600."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        os.fchmod(stream.fileno(), PRIVATE_FILE_MODE)
        return stream


def configure_logging(level: int = logging.INFO) -> None:
    handler = PrivateRotatingFileHandler(
        paths.log_dir() / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
