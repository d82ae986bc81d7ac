"""Patient screen 6: the warning signs that need urgent help, and exactly whom to call, when."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.model import Procedure
from kiosk.ui.patient.base import PatientPage
from kiosk.ui.widgets import button, label


def contact_line(procedure: Procedure, contact_id: str) -> str:
    """ "Pain Clinic 01752 437706 (office hours)"; a number already in the name ("NHS 111") is not repeated."""
    contact = procedure.contact(contact_id)
    text = contact.name
    if contact.number and contact.number not in contact.name:
        text += f" {contact.number}"
    if contact.hours:
        text += f" ({contact.hours})"
    return text


def sign_groups(procedure: Procedure) -> list[tuple[list[str], tuple[str, ...]]]:
    """The warning signs grouped by whom to call, in the content's order: one box per group, so the numbers
    are not repeated under every sign when they are the same."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for flag in procedure.red_flags:
        groups.setdefault(flag.call, []).append(flag.sign)
    return [(signs, call) for call, signs in groups.items()]


def group_text(procedure: Procedure, signs: list[str], call: tuple[str, ...]) -> str:
    lines = [f"• {sign}" for sign in signs]
    if call:
        lines.append("")
        lines.append("Call:" if len(call) == 1 else "Call one of:")
        lines += [f"   {contact_line(procedure, contact_id)}" for contact_id in call]
    return "\n".join(lines)


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
        self.understand_button = button("I understand", "primary", name="understand", commit=True)
        self.understand_button.clicked.connect(self.understood)
        self.footer.addWidget(self.back_button, 1)
        self.footer.addWidget(self.understand_button, 3)

    def show_signs(self, procedure: Procedure) -> None:
        for old in self.signs:
            self.body.removeWidget(old)
            old.deleteLater()
        self.signs = []
        for index, (signs, call) in enumerate(sign_groups(procedure)):
            box = label(group_text(procedure, signs, call), "warning")
            box.setObjectName(f"red-flags-{index}")
            self.body.insertWidget(self._signs_at + index, box)
            self.signs.append(box)
        self.advice.setText(procedure.red_flag_advice)
        self.scroll_area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        super().clear()
        self.advice.clear()
        for sign in self.signs:
            sign.clear()
