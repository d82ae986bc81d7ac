"""A finger drag scrolls a long page; a shaky tap does not scroll, and a tap on a button is still a tap."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import button, label, touch_scroll_area


def long_page(qtbot: QtBot) -> tuple[QWidget, QWidget]:
    content = QWidget()
    column = QVBoxLayout(content)
    for number in range(40):
        column.addWidget(label(f"Line {number} of the aftercare advice"))
    area = touch_scroll_area(content)
    qtbot.addWidget(area)
    area.resize(600, 400)
    area.show()
    qtbot.waitExposed(area)
    return area, area.viewport()


def send(widget: QWidget, kind: QEvent.Type, y: int, buttons: Qt.MouseButton) -> None:
    where = QPointF(100, y)
    event = QMouseEvent(
        kind,
        where,
        QPointF(widget.mapToGlobal(QPoint(100, y))),
        Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, from_y: int, to_y: int) -> None:
    send(widget, QEvent.Type.MouseButtonPress, from_y, Qt.MouseButton.LeftButton)
    for y in range(from_y, to_y, -10 if to_y < from_y else 10):
        send(widget, QEvent.Type.MouseMove, y, Qt.MouseButton.LeftButton)
    send(widget, QEvent.Type.MouseMove, to_y, Qt.MouseButton.LeftButton)
    send(widget, QEvent.Type.MouseButtonRelease, to_y, Qt.MouseButton.NoButton)


def test_dragging_up_scrolls_down_the_page(qtbot: QtBot) -> None:
    area, viewport = long_page(qtbot)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 200
    drag(viewport, 350, 150)
    assert bar.value() == 200
    drag(viewport, 100, 250)
    assert bar.value() == 50


def test_a_shaky_tap_does_not_scroll(qtbot: QtBot) -> None:
    area, viewport = long_page(qtbot)
    drag(viewport, 200, 194)
    assert area.verticalScrollBar().value() == 0


def test_a_tap_on_a_button_in_the_page_still_clicks_it(qtbot: QtBot) -> None:
    content = QWidget()
    column = QVBoxLayout(content)
    understood = button("I understand", "primary")
    column.addWidget(understood)
    area = touch_scroll_area(content)
    qtbot.addWidget(area)
    area.resize(600, 400)
    area.show()
    with qtbot.waitSignal(understood.clicked, timeout=1000):
        qtbot.mouseClick(understood, Qt.MouseButton.LeftButton)
