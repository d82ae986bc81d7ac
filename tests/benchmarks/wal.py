"""Write-ahead logs at full length before timing: the state a kiosk's database spends its days in.

A fresh log grows on every commit, and an ``fdatasync`` that makes a file longer flushes its metadata too, so a
side whose log is still growing pays a flush the other may not (issue 19: the records goal read 1.21x fresh and
1.50x with both logs full, in the same minutes). Once a log has reached SQLite's checkpoint point (1000 pages)
and been restarted, each commit rewrites frames inside the file instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

WAL_FULL_BYTES = 1000 * (4096 + 24)  # SQLite's default wal_autocheckpoint (pages), each frame a page and a header
FRAME_BYTES = 4096 + 24


def wal_size(database: Path) -> int:
    wal = database.with_name(database.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def steady_wal(database: Path, commit: Callable[[], object]) -> None:
    """Commit until the database's WAL has reached its full length and been restarted (untimed set-up)."""
    while wal_size(database) < WAL_FULL_BYTES:
        commit()
    for _ in range(50):
        commit()
