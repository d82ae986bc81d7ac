"""Hand freed heap back to the system after each discharge, so a kiosk that runs for weeks does not creep.

Measured (issue 19, heaptrack and ``mallinfo2``): over a discharge the kiosk's live heap grows by a few KB, but
its resident memory grew by about 100 KB with the QSS theme: every screen built, polished and deleted leaves
the freed memory scattered through glibc's main arena, which keeps it instead of returning it. ``malloc_trim``
releases those free pages. It runs once the lock screen is up and the old screens are deleted (a second
later), where a few milliseconds cost nobody anything. Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)

AFTER_WIPE_MS = 1000  # the screens dropped at the lock are deleted by then (deleteLater runs in the next loop)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` from the libraries the process already has loaded (``CDLL(None)``).

    Not ``ctypes.util.find_library("c")``: on Linux that runs ``ldconfig -p`` in a subprocess (about 10 ms of
    fork and exec on the GUI thread, measured in the first sign-off after a start: issue 19)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc (musl, macOS): nothing to hand back this way
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_freed_memory() -> bool:
    """Return the heap's free pages to the system now; False where that is not possible."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def release_after_wipe() -> None:
    """Release freed memory once the screens dropped just now have really been deleted."""
    QTimer.singleShot(AFTER_WIPE_MS, release_freed_memory)
