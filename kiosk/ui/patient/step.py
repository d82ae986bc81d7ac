"""Patient screen 4: one aftercare step, "Step 3 of 9", Back, and a big "I understand".

One instance shows every step in turn (``show_step``), so moving on costs a few label updates, not a new widget.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.i18n import translate
from kiosk.ui.patient.base import PatientPage, patient_label
from kiosk.ui.widgets import button, label


class StepScreen(PatientPage):
    understood = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = label("", "progress")
        self.progress.setObjectName("progress")
        self.heading = label("", "title")
        self.heading.setObjectName("step-heading")
        self.text = label("", "body")
        self.text.setObjectName("step-text")
        self.timing = patient_label("", "timing")
        self.timing.setObjectName("step-timing")
        self.body.addWidget(self.progress)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.text)
        self.body.addWidget(self.timing)
        self.body.addStretch(1)

        self.back_button = button(translate("patient", "Back"), "", name="back")
        self.back_button.clicked.connect(self.back_requested)
        self.understand_button = button(translate("patient", "I understand"), "primary", name="understand", commit=True)
        self.understand_button.clicked.connect(self.understood)
        self.footer.addWidget(self.back_button, 1)
        self.footer.addWidget(self.understand_button, 3)

    def show_step(self, progress: str, heading: str, text: str, timing: str = "", can_go_back: bool = True) -> None:
        """``timing`` is the step's clock time for this patient ("Do not drive until 08:00 Sun 23 Nov")."""
        self.progress.setText(progress)
        self.heading.setText(heading)
        self.text.setText(text)
        self.timing.setText(timing)
        self.timing.setVisible(bool(timing))
        self.back_button.setEnabled(can_go_back)
        self.scroll_area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        super().clear()
        for widget in (self.progress, self.heading, self.text, self.timing):
            widget.clear()
