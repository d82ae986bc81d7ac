"""The drivers' own waiting loops leave nothing behind (issue 19).

``QTimer.singleShot(ms, loop.quit)`` with a fresh ``QEventLoop``'s bound method, fired inside ``loop.exec()``,
leaks about 65 bytes of Python objects and 130 of C heap a call in PySide 6.11; the memory benchmark's child
waited that way thousands of times (``memory_child.Bot.waitUntil``, ``kiosk.demo.WindowDriver.settle``), so its
reading counted the driver's leak as the kiosk's, which never runs such a loop (``run_kiosk``: ``app.exec()``).
Both now give the timer the loop as its receiver. Measured with tracemalloc: the Python objects still alive.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kiosk.demo import WindowDriver
from tests.benchmarks.memory_child import Bot

CALLS = 1000
BOUND = 10_000  # bytes of Python objects still alive after CALLS waits; the leaking loop kept about 65,000


def _kept(wait: Callable[[], None]) -> int:
    for _ in range(50):
        wait()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(CALLS):
            wait()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_the_demo_drivers_settle_leaves_nothing(qtbot: QtBot) -> None:
    driver = WindowDriver()  # settle uses nothing of a window
    assert _kept(lambda: driver.settle(1)) < BOUND


def test_the_memory_benchmarks_wait_leaves_nothing(qtbot: QtBot) -> None:
    bot = Bot()

    def wait() -> None:
        calls = iter((False, True))
        bot.waitUntil(lambda: next(calls))

    assert _kept(wait) < BOUND
