"""Python's cyclic garbage collector, run on the GUI thread only.

The automatic collector runs in whichever thread happens to allocate when a generation's count passes its
threshold. In the kiosk that is often a worker (the sheet builder, the print stage, the records writer), and a
collection there frees whatever cyclic garbage exists, widgets included: a Qt widget deleted off the GUI thread, while
the GUI thread walks every widget (``QApplication.setStyleSheet`` releases Python's lock while it re-polishes them),
is a segmentation fault. The suite died so: "Garbage-collecting" on the main thread's trace (the flag is the
interpreter's) while a worker stood in reportlab's ``getAscentDescent``, allocating.

So the automatic collector is switched off once the application exists, and a timer on the GUI thread runs the
same generational schedule the interpreter would (the pattern long-lived PyQt applications such as calibre use).
Collections then only ever happen between two events of the GUI thread, never inside a Qt call and never in a worker.
Garbage waits at most one tick; nothing else changes.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from kiosk.ui.app_scoped import one_per_application

TICK_MS = 500
"""How often the GUI thread checks the counts: short enough that garbage never piles up between ticks (a discharge
makes a few thousand objects), long enough to cost nothing measurable (a check is three integer comparisons)."""


class GuiThreadCollector(QObject):
    """Collects on the GUI thread when a generation is due, exactly as the interpreter's own thresholds say."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        gc.disable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count is past its threshold; the number of objects freed.

        Called by the timer, and by the test suite after each test (tests rarely return to the event loop). Only
        ever on the GUI thread: from a worker it would be the very fault this module prevents."""
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("garbage must be collected on the GUI thread")
        gc.disable()  # something (a test, a library) may have switched the automatic collector back on
        young, middle, old = gc.get_count()
        first, second, third = self._thresholds
        if young <= first:
            return 0
        generation = 0
        if middle > second:
            generation = 2 if old > third else 1
        return gc.collect(generation)


def install(app: QCoreApplication) -> GuiThreadCollector:
    """The application's one collector (made on first call): from then on garbage is freed on the GUI thread only."""
    return one_per_application(app, GuiThreadCollector, lambda: GuiThreadCollector(app))


def freeze_start() -> None:
    """Take everything that exists once the start screen is painted (about 21,000 objects) out of every later
    collection.

    The modules, the theme, the window and its start screen live as long as the kiosk, and every full collection
    walked all of them again: each of a ward's oldest-generation collections on the GUI thread (21-23 ms once the
    kiosk has started, 12-14 ms with them frozen), and the interpreter's last one when the kiosk exits (the exit
    took 22-28 ms against a bare PySide6 window's 10, and 10-11 ms frozen: the cold start, issue 19). ``gc.freeze``
    moves them to the permanent generation in constant time; reference counting still frees any of them that
    is let go, so only a reference cycle among them is never freed. The start makes about 450 such objects
    before its paint (the pure-Python ``datetime`` classes that ``_datetime`` replaces, the command line's parser),
    a few tens of kilobytes kept once, never more with each discharge (``tests/ui/test_frozen_start.py``).
    Collecting them first would cost the 8 ms a full collection costs here, on the first paint's path.
    """
    gc.freeze()  # not ``get_freeze_count``, which walks every frozen object (about 2 ms here)
