"""Shown after the patient has not touched the tablet for a while: "Are you still there?" with a countdown.

When the countdown ends the controller wipes every patient detail and returns to the locked start screen (H3/H8);
what the patient confirmed is already saved, so the nurse can resume.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.i18n import fill, translate
from kiosk.ui.patient.base import PatientPage
from kiosk.ui.widgets import button, label


class IdleWarningScreen(PatientPage):
    still_here = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = label(translate("patient", "Are you still there?"), "title")
        self.question.setObjectName("idle-question")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = label("", "countdown")
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = label(
            translate("patient", "For your privacy, this screen will close soon. Touch the button to carry on."),
            "subtitle",
        )
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addStretch(1)
        self.body.addWidget(self.question)
        self.body.addWidget(self.countdown)
        self.body.addWidget(self.explain)
        self.body.addStretch(2)
        self.here_button = button(translate("patient", "Yes, I am still here"), "primary", name="still-here")
        self.here_button.clicked.connect(self.still_here)
        self.footer.addStretch(1)
        self.footer.addWidget(self.here_button, 3)
        self.footer.addStretch(1)

    def show_seconds(self, seconds: int) -> None:
        seconds = max(0, seconds)
        # No plural forms: pyside6-lupdate does not mark Python's plurals, so each translation words "{seconds}
        # seconds" so that it reads for any number (Polish "{seconds} s").
        self.countdown.setText(
            translate("patient", "1 second")
            if seconds == 1
            else fill(translate("patient", "{seconds} seconds"), seconds=seconds)
        )
