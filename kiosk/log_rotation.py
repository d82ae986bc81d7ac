"""The kiosk's rotating log file, in a module of its own: ``logging.handlers`` is imported only once the start
screen is painted (``kiosk.logs.start_rotating``, issue 19)."""

from __future__ import annotations

import logging.handlers

from kiosk.private import PrivateFileHandler


class PrivateRotatingFileHandler(PrivateFileHandler, logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the current one and each new one after a rollover) is 0600: the private
    handler's own ``_open`` opens each of them."""
