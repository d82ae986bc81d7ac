"""glibc's count of C heap bytes in use, for tests of memory that Qt (not Python) keeps (issue 19)."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable

import pytest


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
