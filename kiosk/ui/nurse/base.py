"""What the nurse screens share: a header strip, a scrolling body, a footer of buttons, and form fields.

The header strip uses the patient banner's colours on purpose: a nurse glancing at the tablet sees at once
whose screen it is and (when a discharge is open) which patient and procedure it is about (H1).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.keypad import NumericKeypad
from kiosk.ui.widgets import label, touch_scroll_area

MARGIN = 32
GAP = 16


class NurseHeader(QFrame):
    """ "Nurse" + the screen's title, and a context line (patient and procedure) when there is one."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.title = label(title, "banner-title")
        self.title.setObjectName("nurse-title")
        self.context = label("", "banner-context")
        self.context.setObjectName("nurse-context")
        self.context.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(MARGIN, 12, MARGIN, 12)
        row.setSpacing(GAP)
        row.addWidget(self.title, 1)
        row.addWidget(self.context, 1)

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def set_context(self, text: str) -> None:
        self.context.setText(text)


class NursePage(QWidget):
    """Base of a nurse screen: ``header``, ``body`` (a layout inside a scroll area) and ``footer`` (buttons)."""

    def __init__(self, title: str, *, scroll: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setProperty("audience", "nurse")
        self.header = NurseHeader(title)

        content = QWidget()
        content.setObjectName("page-body")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(MARGIN, 20, MARGIN, 20)
        self.body.setSpacing(GAP)
        self.scroll_area: QScrollArea | None = None
        if scroll:
            self.scroll_area = touch_scroll_area(content)

        self.footer = QHBoxLayout()
        self.footer.setContentsMargins(MARGIN, 12, MARGIN, 20)
        self.footer.setSpacing(GAP * 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area if self.scroll_area is not None else content, 1)
        layout.addLayout(self.footer)

    def scroll_to_top(self) -> None:
        if self.scroll_area is not None:
            self.scroll_area.verticalScrollBar().setValue(0)

    def scroll_to(self, widget: QWidget) -> None:
        if self.scroll_area is not None:
            self.scroll_area.ensureWidgetVisible(widget, 0, 80)


class FormField(QWidget):
    """A caption, the input widget, and the error message right under it (hidden while there is none)."""

    def __init__(self, caption: str, field: QWidget, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = label(caption, "caption")
        self.field = field
        self.hint = label(hint, "small") if hint else None
        self.error = label("", "field-error")
        self.error.setVisible(False)
        self.caption.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.caption)
        if self.hint is not None:
            layout.addWidget(self.hint)
        layout.addWidget(field)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""


def error_label(parent: QWidget | None = None) -> QLabel:
    """An error line for a screen (not tied to a field), hidden until ``show_error``."""
    widget = label("", "field-error", parent=parent)
    widget.setVisible(False)
    return widget


class PinPad(QWidget):
    """The PIN column of a nurse screen: a caption, an error line and a masked number pad (dots only, H8).

    ``keypad.submitted(str)`` carries what was typed; the screen wipes the pad as soon as it has handed it on.
    """

    def __init__(self, caption: str, ok_text: str, placeholder: str, max_length: int) -> None:
        super().__init__()
        self.caption = label(caption, "section")
        self.error = error_label()
        self.keypad = NumericKeypad(ok_text)
        self.keypad.set_masked(True)
        self.keypad.set_max_length(max_length)
        self.keypad.set_placeholder(placeholder)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP)
        column.addWidget(self.caption)
        column.addWidget(self.error)
        column.addWidget(self.keypad)
        column.addStretch(1)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


def beside(page: NursePage, left: QVBoxLayout, right: QWidget) -> None:
    """The nurse PIN screens' layout: what to do on the left (3 parts), the pad on the right (2 parts)."""
    columns = QHBoxLayout()
    columns.setSpacing(GAP * 3)
    columns.addLayout(left, 3)
    columns.addWidget(right, 2)
    page.body.addLayout(columns, 1)
