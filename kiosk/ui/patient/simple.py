"""The patient screens that only say one thing and offer one button: thank you, nobody staying (ask a nurse),
something went wrong (ask a nurse)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.i18n import fill, translate, translate_again
from kiosk.ui.flow_layout import wrap_button
from kiosk.ui.patient.base import PatientPage, patient_label
from kiosk.ui.widgets import label


class MessagePage(PatientPage):
    """A big message in the middle and one button for the nurse."""

    action = Signal()

    def __init__(self, title: str, message: str, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = patient_label(title, "title")
        self.title.setObjectName("message-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label(message, "subtitle")
        self.message.setObjectName("message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addStretch(1)
        self.body.addWidget(self.title)
        self.body.addWidget(self.message)
        self.body.addStretch(2)
        self.action_button = wrap_button(action_text, "primary", name="action")
        self.action_button.clicked.connect(self.action)
        self.footer.addStretch(1)
        self.footer.addWidget(self.action_button, 2)
        self.footer.addStretch(1)
        self._title_text = title

    def clear(self) -> None:
        super().clear()
        self.title.setText(translate_again(self._title_text))


class ThankYouScreen(MessagePage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("patient", "Thank you"),
            translate("patient", "You have finished. Please hand the tablet back to your nurse."),
            translate("patient", "Nurse: take the tablet back"),
            parent,
        )

    def show_thanks(self, first_name: str) -> None:
        self.title.setText(fill(translate("patient", "Thank you, {name}"), name=first_name))


class NoEscortScreen(MessagePage):
    """After "Nobody is staying with me": the walk stops here until a nurse records a reason (H4)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("patient", "Please ask a nurse"),
            translate(
                "patient",
                "You need an adult to stay with you for 24 hours after this procedure. "
                "A nurse will talk to you about how to get home safely.",
            ),
            translate("patient", "Nurse"),
            parent,
        )


class ErrorScreen(MessagePage):
    """What anyone sees after an unexpected error: never a traceback. What was confirmed is already saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("patient", "Something went wrong"),
            translate("patient", "Please ask a nurse. Everything you have confirmed is saved."),
            translate("patient", "Nurse"),
            parent,
        )
        self.banner.help_button.hide()


class RecordsStoppedScreen(MessagePage):
    """The records file is damaged or lost its journal, so the kiosk has stopped saving (issue 13 F2, F5).

    Whoever holds the tablet reads what to do in plain words; the technical reason, for IT, is the small print.
    There is no button: nothing on this kiosk can be saved until IT has looked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            translate("patient", "Records cannot be saved"),
            translate(
                "patient",
                "Please ask a nurse. Nurse: stop using the kiosk for discharges. Discharge patients on paper and "
                "call IT. Do not delete any file of the kiosk.",
            ),
            translate("patient", "Nurse"),
            parent,
        )
        self.message.setWordWrap(True)
        self.detail = label("", "small")
        self.detail.setObjectName("records-stopped-detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.insertWidget(self.body.indexOf(self.message) + 1, self.detail)
        self.action_button.hide()
        self.banner.help_button.hide()

    def show_reason(self, title: str, hint: str) -> None:
        """The error's own words, for IT (path and cause)."""
        self.detail.setText(translate("nurse", "For IT: {title}. {hint}").format(title=title, hint=hint))
