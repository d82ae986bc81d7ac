"""glibc's count of C heap bytes in use, for tests of memory that Qt (not Python) keeps (issue 19)."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks")
    ] + [("keepcost", ctypes.c_size_t)]


def heap_in_use() -> Callable[[], int]:
    """A reader of the bytes malloc has handed out and not had back (skips the test where glibc is absent)."""
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        pytest.skip("needs glibc's mallinfo2 to read the C heap")
    mallinfo2.restype = _MallInfo2

    def in_use() -> int:
        gc.collect()
        info = mallinfo2()
        return int(info.uordblks + info.hblkhd)

    return in_use


def growth(round_: Callable[[], None], rounds: int, warm_up: int = 30) -> int:
    """Bytes the C heap gained over ``rounds`` calls of ``round_``, after ``warm_up`` calls (Qt's and Python's own
    caches fill first). What earlier tests left to be deleted is deleted before, so it is not freed inside."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    in_use = heap_in_use()
    for _ in range(warm_up):
        round_()
    before = in_use()
    for _ in range(rounds):
        round_()
    return in_use() - before


def floor_growth(round_: Callable[[], None], rounds: int) -> int:
    """``growth`` of a floor, never below 0: a floor that shrank freed something of an earlier test's inside its
    rounds (a whole-suite run once measured -548 KB), and subtracting that would fail the measured side for it."""
    return max(0, growth(round_, rounds))
