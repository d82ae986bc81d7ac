"""Small building blocks every screen uses, so sizes and roles come from the theme in one way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

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
    DragScroll(area)
    return area


def limit_text(edit: QLineEdit, max_length: int, show: Callable[[str], None]) -> None:
    """A line edit that says when its text reaches ``max_length`` and never cuts pasted text to fit silently (F8).

    Qt's own limit is one character more than allowed, so pasting 10,000 characters leaves a text that is too
    long, which the field says at once and validation refuses, instead of a quietly shortened name.
    """
    from kiosk.discharge.validation import length_note  # not at import: the start screen does not need phonenumbers

    edit.setMaxLength(max_length + 1)
    edit.textChanged.connect(lambda text: show(length_note(text, max_length)))
