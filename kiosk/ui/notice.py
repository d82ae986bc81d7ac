"""A message bar over the bottom of the window, for things a nurse must know and can act on.

"This leaflet has changed since the discharge started", "the record store is busy": problems that are not bugs
and not the patient's business. Screens do not need a ``show_error`` of their own for these; the controller
shows the bar and hides it when the screen changes. Not a modal dialog: nothing blocks, nothing needs dismissing
before the kiosk can go on (and tests never hang on ``exec()``).

The bar is one ``MessagePlace``; a nurse screen whose messages belong beside what was just typed (the PIN pads)
is another, and ``Flow.show_nurse_message`` picks the screen's own when it has one.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.widgets import button, label

HEIGHT_MARGIN = 24


@runtime_checkable
class MessagePlace(Protocol):
    """Where a message for the nurse is shown: the notice bar, or a screen's own message line."""

    def show_message(self, text: str) -> None: ...


class NoticeBar(QFrame):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("notice-bar")
        self.setProperty("role", "notice-bar")
        self.message = label("", "error")
        self.message.setObjectName("notice-message")
        self.dismiss_button = button(translate("nurse", "OK"), name="notice-ok")
        self.dismiss_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(24)
        row.addWidget(self.message, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        host.installEventFilter(self)
        self.hide()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self._place()
        self.show()
        self.raise_()

    def text(self) -> str:
        return self.message.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.message.clear()
        self.hide()

    def _place(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        width = host.width() - 2 * HEIGHT_MARGIN
        layout = self.layout()
        height = self.sizeHint().height() if layout is None else layout.heightForWidth(width)
        height = max(height, self.sizeHint().height())
        self.setGeometry(HEIGHT_MARGIN, host.height() - height - HEIGHT_MARGIN, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
