"""The memory benchmark's own process: the kiosk set up exactly as ``run_kiosk`` does, then N discharges.

``python -m tests.benchmarks.memory_child DATA_DIR N [--warmup W]`` prints one JSON line: RSS before and after
the N discharges (after W warm-up ones). A fresh process, so nothing another benchmark left behind is counted,
and the real theme, fonts, logging and Qt message handler are in place, as on the ward.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Bot:
    """The pytest-qt calls the UI driver makes, done with QTest (no pytest in this process)."""

    def mouseClick(self, widget: object, button: object) -> None:
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, button)  # type: ignore[call-overload]

    def wait(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def addWidget(self, widget: object, **_: object) -> None:
        pass

    def waitUntil(self, callback: Callable[[], bool | None], *, timeout: int = 5000) -> None:
        """Run the event loop until ``callback`` holds, as the kiosk's own loop would run meanwhile.

        Not ``QTest.qWait``: it sleeps holding Python's lock, so the kiosk's worker threads (the PIN check, the
        sheet) barely ran while the benchmark waited for them (issue 19: a 15 ms build took 130 ms under qWait,
        15-30 ms under an event loop).
        """
        from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

        deadline = time.monotonic() + timeout / 1000
        while not callback():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} ms for {callback}")
            loop = QEventLoop()
            QTimer.singleShot(2, loop, loop.quit)  # the loop as receiver: see kiosk.demo.WindowDriver.settle
            loop.exec()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as qWait does

    def waitExposed(self, widget: object, *, timeout: int = 5000) -> None:
        from PySide6.QtTest import QTest

        QTest.qWaitForWindowExposed(widget, timeout)  # type: ignore[arg-type]


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("discharges", type=int)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--bare", action="store_true", help="no theme and no fonts (to bisect a leak)")
    args = parser.parse_args(argv)
    os.environ["KIOSK_DATA_DIR"] = str(args.data_dir)

    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_flow, build_window, create_application
    from kiosk.logs import configure_logging
    from kiosk.qt_log import route_qt_messages_to_log
    from kiosk.records.nurses import NurseAccounts
    from kiosk.ui import collector, memory
    from tests.benchmarks.test_bench_ui import one_discharge
    from tests.discharge_support import PATIENT_A, library, make_clock, make_store
    from tests.pins import TEST_COST
    from tests.ui.driver import CONFIG, NURSE, PIN, Kiosk, Ticks

    route_qt_messages_to_log()  # as run_kiosk: Qt's messages to the log, the log file, the app with fonts and theme
    configure_logging()
    if args.bare:
        QApplication([sys.argv[0]])
    else:
        create_application()
    window = build_window(CONFIG)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()  # the start screen painted, and what the start made frozen, as in run_kiosk
    collector.freeze_start()
    clock, ticks = make_clock(), Ticks()
    store = make_store(args.data_dir, clock)
    # The suite's cheap PIN hash: production scrypt is 0.3 s a sign-in, and its 128 MiB buffer is freed each time.
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add(NURSE, PIN)
    flow = build_flow(window, CONFIG, clock, store, library, ticks, accounts=accounts)
    kiosk = Kiosk.around(Bot(), window, flow, clock, ticks, store)
    bot = Bot()
    settle = memory.AFTER_WIPE_MS + 200  # both readings at the lock screen, after the kiosk's own clean-up ran
    for _ in range(args.warmup):
        one_discharge(kiosk, bot)  # type: ignore[arg-type]
    bot.wait(settle)
    before = rss_mb()
    for _ in range(args.discharges):
        one_discharge(kiosk, bot)  # type: ignore[arg-type]
    bot.wait(settle)
    after = rss_mb()
    kept = len(store.list_discharges())
    report = {"before_mb": round(before, 2), "after_mb": round(after, 2), "discharges": kept}
    print(json.dumps({**report, **frozen_garbage(PATIENT_A.name)}))
    return 0


def frozen_garbage(patient_name: str) -> dict[str, int | bool]:
    """What only the freeze at the first paint had kept (``collector.freeze_start``): once the discharges' own
    garbage is freed, the start's objects are unfrozen and collected, and what that frees is counted and searched
    for the patient's name."""
    gc.collect()  # the discharges' own garbage, as the kiosk's collector frees it
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)  # the freed objects kept in ``gc.garbage`` to be searched
    try:
        count = gc.collect()
        held = [ref for obj in gc.garbage for ref in (obj, *gc.get_referents(obj)) if isinstance(ref, str)]
        return {"frozen_garbage": count, "patient_in_frozen_garbage": any(patient_name in text for text in held)}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
