"""Logging to a file in the data folder, so an error a patient never sees is still there for IT."""

from __future__ import annotations

import logging
import logging.handlers

from kiosk import paths


def configure_logging(level: int = logging.INFO) -> None:
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir() / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
