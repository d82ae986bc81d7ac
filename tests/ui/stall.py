"""How long the GUI event loop went without running: a 5 ms QTimer notes the longest gap between its ticks.

The machine is shared (two cores, several test runs at once), so part of any gap can be time the GUI thread was
ready to run while the kernel ran other programs. Linux counts that per thread (``/proc/thread-self/schedstat``:
time on a CPU, time waiting in the run queue), and ``own`` is the gap without it: what the kiosk itself spent
blocked or busy (a pycups call waiting on a dead server, a lock, the GIL held by a worker, its own work). The raw
gaps are kept too, for the report.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer

SCHEDSTAT = Path("/proc/thread-self/schedstat")


def _queued_seconds() -> float:
    """Seconds this thread has spent ready to run but waiting for a CPU (0 where Linux does not say)."""
    try:
        return int(SCHEDSTAT.read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class StallMeter:
    """``start()``, do things, ``worst`` (seconds): the event loop's longest stall of its own; ``where`` names it."""

    def __init__(self, interval_ms: int = 5) -> None:
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._queued = 0.0
        self.started = 0.0
        self.gaps: list[tuple[float, float, float, str]] = []  # (at, raw gap, own gap, phase) for gaps over 30 ms
        self.worst = 0.0
        self.worst_raw = 0.0
        self.where = ""
        self._phase = ""

    def start(self, phase: str = "") -> None:
        self._last = self.started = time.monotonic()
        self._queued = _queued_seconds()
        self._phase = phase
        self._timer.start()

    def phase(self, name: str) -> None:
        """Name what happens next (the slow one is reported by name)."""
        self._tick()
        self._phase = name

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.worst

    def report(self) -> str:
        gaps = ", ".join(
            f"{raw * 1000:.0f} ms ({own * 1000:.0f} own) at {at:.2f}s {p}" for at, raw, own, p in self.gaps
        )
        return f"worst own stall {self.worst * 1000:.0f} ms while {self.where}; gaps over 30 ms: {gaps or 'none'}"

    def _tick(self) -> None:
        now = time.monotonic()
        queued = _queued_seconds()
        raw = now - self._last
        own = max(0.0, raw - (queued - self._queued))
        if raw > 0.030:
            self.gaps.append((round(now - self.started, 3), raw, own, self._phase))
        self.worst_raw = max(self.worst_raw, raw)
        if own > self.worst:
            self.worst, self.where = own, self._phase
        self._last, self._queued = now, queued
