"""Scrolling by dragging a finger across a page, for a touchscreen with nothing to hover and no wheel.

Not ``QScroller.grabGesture``: every call registers a new gesture recognizer (and a new gesture type) that Qt
keeps for the life of the process, even after the widget is deleted and the gesture ungrabbed. The kiosk builds
fresh screens for every discharge (so nothing of one patient survives into the next), and on a kiosk that runs
for weeks those registrations added up to most of its memory growth. This filter registers nothing.

Touch arrives as synthesised left-button mouse events. Labels and page backgrounds ignore presses, so those reach
the scroll area's viewport, where this filter sees them; a press on a button stays a tap on that button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractScrollArea

# How far a finger may wander before a touch becomes a drag (so a shaky tap is still a tap).
DRAG_THRESHOLD_PX = 12


class DragScroll(QObject):
    """Installed on a scroll area's viewport: a vertical drag moves the page with the finger."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self._bar = area.verticalScrollBar()
        self._start_y: float | None = None
        self._start_value = 0
        self._dragging = False
        area.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                self._start_y = event.globalPosition().y()
                self._start_value = self._bar.value()
                self._dragging = False
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent) and self._start_y is not None:
            moved = event.globalPosition().y() - self._start_y
            if self._dragging or abs(moved) > DRAG_THRESHOLD_PX:
                self._dragging = True
                self._bar.setValue(round(self._start_value - moved))
                return True
        elif kind == QEvent.Type.MouseButtonRelease:
            was_drag = self._dragging
            self._start_y = None
            self._dragging = False
            return was_drag  # the end of a drag is not a tap on whatever is under the finger
        return False
