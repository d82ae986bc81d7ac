"""Small building blocks every screen uses, so sizes and roles come from the theme in one way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QWidget

from kiosk.ui.drag_scroll import DragScroll


def label(text: str = "", role: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A label styled by its theme ``role`` (title, subtitle, small, warning...), never as rich text.

    Plain text format: a patient name such as ``<b>`` must show as typed, not as markup.
    """
    widget = QLabel(text, parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def button(text: str, role: str = "", *, name: str = "", parent: QWidget | None = None) -> QPushButton:
    widget = QPushButton(text, parent)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return widget


def touch_scroll_area(content: QWidget) -> QScrollArea:
    """A vertical scroll area a finger can drag: no scroll bar to aim at, nothing that needs a hover."""
    area = QScrollArea()
    area.setObjectName("page-scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    # It may shrink to nothing: the page's header and footer must fit above the on-screen keyboard (issue 12).
    area.setMinimumHeight(1)
    DragScroll(area)
    return area
