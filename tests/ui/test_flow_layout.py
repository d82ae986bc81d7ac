"""FlowLayout (a layout written in Python) deletes its layout items when it is deleted, as Qt's own layouts do
(issue 19: each screen torn down left its flow layouts' items behind, memory the kiosk never got back)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kiosk.ui.flow_layout import FlowLayout


def test_the_items_go_with_the_layout(qtbot: QtBot) -> None:
    screen = QWidget()
    layout = FlowLayout(screen)
    for number in range(5):
        layout.addWidget(QLabel(f"choice {number}"))
    screen.resize(300, 200)
    screen.show()
    qtbot.waitExposed(screen)
    items = [layout.itemAt(index) for index in range(layout.count())]
    assert len(items) == 5 and all(item is not None and isValid(item) for item in items)
    screen.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(layout)
    assert not any(isValid(item) for item in items)


def test_a_widget_removed_first_leaves_the_rest_to_the_layout(qtbot: QtBot) -> None:
    """Qt takes a widget's item out itself when the widget goes; the layout's own deletion then skips it."""
    screen = QWidget()
    layout = FlowLayout(screen)
    first, second = QLabel("first"), QLabel("second")
    layout.addWidget(first)
    layout.addWidget(second)
    first.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert layout.count() == 1
    left = layout.itemAt(0)
    assert left is not None and left.widget() is second
    screen.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(left)
