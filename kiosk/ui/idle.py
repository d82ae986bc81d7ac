"""Notices when nobody has touched the tablet for a while (hazards H3 and H8: an unattended tablet).

One event filter on the QApplication sees every touch, mouse, key and wheel event before any widget does, so a
patient tapping anywhere counts as activity, including on a touchscreen that sends only touch events. The clock
is injected (``time.monotonic`` in the kiosk) so tests move time with a fake clock instead of waiting minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits ``timed_out`` once when ``timeout`` seconds pass with no activity; ``timeout`` None switches it off.

    ``check()`` is what the timer calls every ``poll_ms``; tests call it directly after moving the fake clock.
    """

    timed_out = Signal()

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last = clock()
        self._timeout: float | None = None
        self._fired = False
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        self._watched: QCoreApplication | None = None

    def watch(self, app: QCoreApplication) -> None:
        """See every event of ``app`` before any widget does."""
        self._watched = app
        app.installEventFilter(self)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Off the application's events while Qt works through a burst that holds no input.

        A theme's restyle sends every widget its style, font, palette and layout events (about 17 each, 5,000 for
        the kiosk's 300 widgets), and each one a filter sees is a call into Python: a quarter to a half of the
        time a patient waits after tapping a text size. No touch can arrive meanwhile: input is delivered only by
        the event loop, which the restyle does not run.
        """
        app = self._watched
        if app is None:
            yield
            return
        app.removeEventFilter(self)
        try:
            yield
        finally:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last = self._clock()
            self._fired = False
        return False

    @property
    def timeout(self) -> float | None:
        return self._timeout

    def set_timeout(self, seconds: float | None) -> None:
        """Start watching with a new limit (None: stop); the idle time starts again from now."""
        self._timeout = seconds
        self.touch()
        if seconds is None:
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()

    def touch(self) -> None:
        """Count now as activity (a screen change the kiosk made itself, e.g. after "I am still here")."""
        self._last = self._clock()
        self._fired = False

    def idle_seconds(self) -> float:
        return self._clock() - self._last

    def check(self) -> None:
        if self._timeout is None or self._fired:
            return
        if self.idle_seconds() >= self._timeout:
            self._fired = True
            self.timed_out.emit()
