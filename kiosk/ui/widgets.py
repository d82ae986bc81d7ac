"""Small building blocks every screen uses, so sizes and roles come from the theme in one way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

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


class _LastCommit:
    """When (event time, ms) the last press on any committing button was taken; one for the whole kiosk."""

    at: int | None = None


class CommitButton(QPushButton):
    """A button that moves the patient on ("Start", "I understand", an answer, "Next", the escort's decision).

    A press released within the double-click interval of the last committing press, on this button or any other
    (the next screen's button is often in the same place), is ignored: a double tap confirms one step, not two
    (H10). Times are the input events' own (X server or touch) times, so a busy GUI thread that handles both
    taps late still sees them 50 ms apart.
    """

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isDown():
            stamp = int(event.timestamp())
            last = _LastCommit.at
            if stamp and last is not None and 0 <= stamp - last < QApplication.doubleClickInterval():
                self.setDown(False)
                event.accept()
                return
            if self.hitButton(event.position().toPoint()):
                _LastCommit.at = stamp
        super().mouseReleaseEvent(event)


def button(
    text: str, role: str = "", *, name: str = "", commit: bool = False, parent: QWidget | None = None
) -> QPushButton:
    """A themed button; ``commit=True`` for one that moves the patient on (see ``CommitButton``)."""
    widget = CommitButton(text, parent) if commit else QPushButton(text, parent)
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


def limit_text(edit: QLineEdit, max_length: int, show: Callable[[str], None]) -> None:
    """A line edit that says when its text reaches ``max_length`` and never cuts pasted text to fit silently (F8).

    Qt's own limit is one character more than allowed, so pasting 10,000 characters leaves a text that is too
    long, which the field says at once and validation refuses, instead of a quietly shortened name.
    """
    from kiosk.discharge.validation import length_note  # not at import: the start screen does not need phonenumbers

    edit.setMaxLength(max_length + 1)
    edit.textChanged.connect(lambda text: show(length_note(text, max_length)))
