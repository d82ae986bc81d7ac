"""Full screen after "I need help": "A nurse is on the way", flashing, until a nurse's PIN answers the call.

No patient detail is on it (anyone passing can see it). The button is for the nurse: it asks for their PIN (a
committing button: the second tap of a double tap never lands on the PIN pad's keys). When the chime cannot play
(``help_alert.SoundState.UNAVAILABLE``) a line says so, for the nurse who answers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.flow_layout import wrap_button
from kiosk.ui.widgets import label

SOUND_UNAVAILABLE = "The alarm sound is not working on this tablet. Nurse: please tell ward IT."


class HelpScreen(QFrame):
    nurse_here = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help-screen")
        self.setProperty("bright", False)
        self.title = label(translate("patient", "A nurse is on the way"), "help-title")
        self.title.setObjectName("help-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label(
            translate(
                "patient",
                "Please stay where you are. Everything you have done so far is saved, and you will carry on from here.",
            ),
            "subtitle",
        )
        self.message.setObjectName("help-message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sound_note = label(SOUND_UNAVAILABLE, "subtitle")
        self.sound_note.setObjectName("help-sound")
        self.sound_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sound_note.hide()
        self.nurse_button = wrap_button(
            translate("patient", "Nurse: answer this call"), "primary", name="help-answer", commit=True
        )
        self.nurse_button.clicked.connect(self.nurse_here)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(32)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.sound_note)
        layout.addStretch(2)
        layout.addWidget(self.nurse_button)

    def flash(self, bright: bool) -> None:
        """The visible alert: the frame's border and title swap colours with each beat."""
        self.setProperty("bright", bright)
        for widget in (self, self.title, self.message, self.sound_note):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def show_sound(self, state: str) -> None:
        """``help_alert.SoundState`` value: the line shows only when the chime was wanted but cannot play."""
        self.sound_note.setVisible(state == "unavailable")
