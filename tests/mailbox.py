"""The "GUI thread" of a plain-Python test: results a ``kiosk.workers.Lane`` posts wait here until pumped."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable


class Mailbox:
    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def post(self, fn: Callable[[], None]) -> None:
        self._queue.put(fn)

    def pump(self, seconds: float = 0.0) -> int:
        """Run what has arrived (waiting up to ``seconds`` for the first); returns how many ran."""
        ran = 0
        deadline = time.monotonic() + seconds
        while True:
            try:
                fn = self._queue.get(timeout=max(0.0, deadline - time.monotonic()) if ran == 0 else 0)
            except queue.Empty:
                return ran
            fn()
            ran += 1

    def pump_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("gave up waiting for the worker's answer")
            self.pump(0.05)
