"""Notices when nobody has touched the tablet for a while (hazards H3 and H8: an unattended tablet).

One event filter on the QApplication sees every touch, mouse, key and wheel event before any widget does, so a
patient tapping anywhere counts as activity, including on a touchscreen that sends only touch events. The clock
is injected (``time.monotonic`` in the kiosk) so tests move time with a fake clock instead of waiting minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

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
