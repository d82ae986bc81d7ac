"""Patient screen 6: the warning signs that need urgent help, and exactly whom to call, when."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.model import Procedure
from kiosk.ui.patient.base import PatientPage
from kiosk.ui.widgets import button, label


def call_line(procedure: Procedure, contact_ids: tuple[str, ...]) -> str:
    """ "Call: Pain Clinic 01752 437706 (Mon-Fri 9-5), or NHS 111 (any time)" for one warning sign."""
    parts = []
    for contact_id in contact_ids:
        contact = procedure.contact(contact_id)
        text = contact.name
        if contact.number:
            text += f" {contact.number}"
        if contact.hours:
            text += f" ({contact.hours})"
        parts.append(text)
    return "Call: " + ", or ".join(parts) if parts else ""


class WarningSignsScreen(PatientPage):
    understood = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label("Get help urgently if", "title")
        self.heading.setObjectName("warning-heading")
        self.advice = label("", "")
        self.advice.setObjectName("warning-advice")
        self.body.addWidget(self.heading)
        self.signs: list[QLabel] = []
        self._signs_at = self.body.count()
        self.body.addWidget(self.advice)
        self.body.addStretch(1)
        self.back_button = button("Back", "", name="back")
        self.back_button.clicked.connect(self.back_requested)
        self.understand_button = button("I understand", "primary", name="understand")
        self.understand_button.clicked.connect(self.understood)
        self.footer.addWidget(self.back_button, 1)
        self.footer.addWidget(self.understand_button, 3)

    def show_signs(self, procedure: Procedure) -> None:
        for old in self.signs:
            self.body.removeWidget(old)
            old.deleteLater()
        self.signs = []
        for index, flag in enumerate(procedure.red_flags):
            sign = label(f"{flag.sign}\n{call_line(procedure, flag.call)}", "warning")
            sign.setObjectName(f"red-flag-{flag.id}")
            self.body.insertWidget(self._signs_at + index, sign)
            self.signs.append(sign)
        self.advice.setText(procedure.red_flag_advice)
        self.scroll.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        super().clear()
        self.advice.clear()
        for sign in self.signs:
            sign.clear()
