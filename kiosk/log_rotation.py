"""The kiosk's rotating log file, in a module of its own: ``logging.handlers`` is imported only once the start
screen is painted (``kiosk.logs.start_rotating``, issue 19)."""

from __future__ import annotations

import io
import logging.handlers
import os

from kiosk.private import PRIVATE_FILE_MODE


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the current one and each new one after a rollover) is 0600."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        os.fchmod(stream.fileno(), PRIVATE_FILE_MODE)
        return stream
