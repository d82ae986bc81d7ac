"""What every patient screen shares: the procedure banner on top (H1), a scrolling body, a footer of buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.widgets import button, label, touch_scroll_area, ui_text

MARGIN = 40
GAP = 24


class PatientBanner(QFrame):
    """The strip at the top of every patient screen: which procedure this advice is for, and "I need help" (which
    calls a nurse: issue 12 item 7; the old "Nurse" button here only opened a PIN pad).

    Hazard H1: a patient (or a nurse glancing over) can always see whose procedure's advice this is.
    """

    help_requested = Signal()
    read_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.title = label("", "banner-title", wrap=True)
        self.title.setObjectName("procedure-title")
        # Shown only where a voice speaks the patient's language (kiosk.ui.read_aloud).
        self.read_button = button(translate("patient", "Read this to me"), "banner", name="banner-read-aloud")
        self.read_button.clicked.connect(self.read_requested)
        self.read_button.setVisible(False)
        self.help_button = button(translate("patient", "I need help"), "help", name="help")
        self.help_button.clicked.connect(self.help_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(MARGIN, 12, 24, 12)
        row.setSpacing(GAP)
        row.addWidget(self.title, 1)
        row.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_read_aloud(self, available: bool, speaking: bool) -> None:
        """The read-aloud button: hidden with no voice; "Stop reading" while it speaks."""
        self.read_button.setVisible(available)
        ui_text(
            self.read_button,
            translate("patient", "Stop reading") if speaking else translate("patient", "Read this to me"),
        )

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def clear(self) -> None:
        self.title.clear()


class PatientPage(QWidget):
    """Base of a patient screen: ``body`` (scrolls when the text is large) and ``footer`` (buttons)."""

    help_requested = Signal()
    read_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setProperty("audience", "patient")
        self.banner = PatientBanner()
        self.banner.help_requested.connect(self.help_requested)
        self.banner.read_requested.connect(self.read_requested)

        content = QWidget()
        content.setObjectName("page-body")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(MARGIN, 24, MARGIN, 24)
        self.body.setSpacing(GAP)
        self.scroll_area = touch_scroll_area(content)

        self.footer = QHBoxLayout()
        self.footer.setContentsMargins(MARGIN, 12, MARGIN, 28)
        self.footer.setSpacing(GAP * 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(self.footer)
        self._layout = layout

    def pin_above_scroll(self, *widgets: QWidget) -> None:
        """Show ``widgets`` between the banner and the scrolling body: they never scroll out of view."""
        pinned = QWidget()
        pinned.setObjectName("page-pinned")
        box = QVBoxLayout(pinned)
        box.setContentsMargins(MARGIN, 16, MARGIN, 0)
        box.setSpacing(8)
        for widget in widgets:
            box.addWidget(widget)
        self._layout.insertWidget(1, pinned)

    def pin_below_scroll(self, *widgets: QWidget) -> None:
        """Show ``widgets`` between the scrolling body and the footer: always in view, next to the buttons."""
        pinned = QWidget()
        pinned.setObjectName("page-pinned-below")
        box = QVBoxLayout(pinned)
        box.setContentsMargins(MARGIN, 8, MARGIN, 0)
        box.setSpacing(8)
        for widget in widgets:
            box.addWidget(widget)
        self._layout.insertWidget(self._layout.indexOf(self.scroll_area) + 1, pinned)

    def set_procedure(self, title: str) -> None:
        self.banner.set_title(title)

    def clear(self) -> None:
        """Remove every patient detail from this screen (subclasses clear their own labels too)."""
        self.banner.clear()
        for child in self.findChildren(QLabel):
            if child.property("patient-data"):
                child.clear()


def patient_label(text: str = "", role: str = "") -> QLabel:
    """A label that shows patient-specific text: ``PatientPage.clear`` empties it."""
    widget = label(text, role)
    widget.setProperty("patient-data", True)
    return widget
