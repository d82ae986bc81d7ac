"""Small building blocks every screen uses, so sizes and roles come from the theme in one way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

from kiosk.ui.drag_scroll import DragScroll
from kiosk.ui.flow_layout import WrapButton


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
    """A themed push button. It takes the focus only from the keyboard (Tab), never from a tap: so the focus ring
    appears only after keyboard navigation, and a tapped button does not keep a ring that reads as "selected"."""
    widget = QPushButton(text, parent)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return widget


def wrap_button(text: str, role: str = "", *, name: str = "", parent: QWidget | None = None) -> WrapButton:
    """A button whose text wraps onto more lines when space is short (``flow_layout.WrapButton``)."""
    widget = WrapButton(text, parent)
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return widget


def drop_button_focus(window: QWidget, neutral: QWidget) -> None:
    """A screen just shown must not start with the focus on a button (an answer, "Nobody is staying with me",
    "Finish"): Qt hands the focus to the new page's first control when the old page had it. A text field may
    keep it (that is where typing goes). The focus goes to ``neutral`` (which draws no ring), not to nothing:
    with no focus widget, activating the window would hand it to the first button again."""
    from PySide6.QtWidgets import QAbstractButton, QApplication

    focused = QApplication.focusWidget()
    if focused is None or (isinstance(focused, QAbstractButton) and focused.window() is window):
        neutral.setFocus(Qt.FocusReason.OtherFocusReason)


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
