"""The Qt side of ``kiosk.workers``: results of blocking calls come back to the GUI thread as queued signals.

One ``GuiPoster`` lives in the GUI thread for the application's whole life (``gui_poster()``, a child of the
QApplication); ``post(fn)`` may be called from any thread and ``fn`` then runs in the GUI thread's event loop (a
queued connection, so never inside the worker). It is shared rather than owned by a window because a worker thread
may finish a call at the very moment the window is deleted: emitting on a poster deleted under it crashed the whole
process (a segmentation fault in the suite), whereas a handler whose window is gone only raises RuntimeError,
which ``_run`` logs and drops. ``Workers`` holds the app's lanes:
one for CUPS, one for the records database when it has to wait for another program's lock (and the PIN check),
one for retention's purge (``kiosk.app.RetentionPurge``: seconds of work that must not hold up the other two).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

from kiosk.ui.app_scoped import one_per_application
from kiosk.workers import Lane

log = logging.getLogger(__name__)


class GuiPoster(QObject):
    """``post(fn)``: run ``fn`` soon on the thread this object lives in (the GUI thread)."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        try:
            self._posted.emit(fn)
        except RuntimeError:  # the window (and this poster) is gone: nobody is left to show the answer
            log.debug("a worker's answer arrived after its window closed; dropped")

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:  # a result handler must never take the event loop down
            log.exception("handling a worker's result failed")


def gui_poster() -> GuiPoster:
    """The application's one poster, made on first use; call it on the GUI thread (where it must live)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("a GuiPoster needs the QApplication: create it first")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("gui_poster() must first be called on the GUI thread")
    return one_per_application(app, GuiPoster, lambda: GuiPoster(app))


GIL_SWITCH_SECONDS = 0.001
"""A worker busy in Python (building the sheet with reportlab) must hand the interpreter back to the GUI thread
quickly: every Qt event the kiosk's Python event filters see needs it. Python's default is 5 ms per hand-over,
and every event the GUI thread handles in Python would wait up to that long while the sheet is being built."""


class Workers(QObject):
    """The app's worker lanes, results posted to the GUI thread. Built once, with the controller."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > GIL_SWITCH_SECONDS:
            sys.setswitchinterval(GIL_SWITCH_SECONDS)
        self.poster = gui_poster()
        # Up to three CUPS calls may hang at once (a server that answers its socket but not its print requests);
        # beyond that the print stage hears "not answering" at once instead of another thread being started.
        self.cups = Lane("cups", self.poster.post)
        self.records = Lane("records", self.poster.post)
        self.purge = Lane("purge", self.poster.post)
        lanes = (self.cups, self.records, self.purge)

        def close_lanes(*_: object) -> None:
            for lane in lanes:
                lane.close()

        # The window (and so this object) deleted: its lanes' threads end too (a hung call's when it returns).
        self.destroyed.connect(close_lanes)

    def close(self) -> None:
        self.cups.close()
        self.records.close()
        self.purge.close()
