"""Patient screen 3: hello by first name, how long this takes, and the text-size and contrast controls."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.ui.patient.base import PatientPage, patient_label
from kiosk.ui.theme import TextSize
from kiosk.ui.widgets import button, label

SIZE_BUTTONS: tuple[tuple[TextSize, str], ...] = (
    (TextSize.NORMAL, "A"),
    (TextSize.LARGE, "A+"),
    (TextSize.LARGEST, "A++"),
)


def minutes_for(steps: int, questions: int) -> int:
    """A fair guess of how long the walk takes: about 20 s a step, 30 s a question, 2 min for the rest."""
    seconds = steps * 20 + questions * 30 + 120
    return max(2, round(seconds / 60))


class WelcomeScreen(PatientPage):
    start_requested = Signal()
    text_size_chosen = Signal(str)
    high_contrast_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.greeting = patient_label("", "title")
        self.greeting.setObjectName("greeting")
        self.duration = label("", "subtitle")
        # What the procedure is and why it was done, from the content (short_name, what_it_is, why): the
        # patient reads it once here; what happened during it is on the sheet.
        self.about_title = label("", "subtitle")
        self.about_title.setObjectName("about-title")
        self.about = label("")
        self.about.setObjectName("about")
        self.explain = label(
            "The nurse has asked you to go through your aftercare on this tablet. "
            "Each screen shows one thing. Read it, then touch the big button at the bottom.",
        )
        self.size_title = label("Text size", "subtitle")
        self.size_group = QButtonGroup(self)
        self.size_group.setExclusive(True)
        self.size_buttons: dict[TextSize, QPushButton] = {}
        sizes = QHBoxLayout()
        sizes.setSpacing(24)
        for size, text in SIZE_BUTTONS:
            choice = button(text, "toggle", name=f"size-{size.value}")
            choice.setCheckable(True)
            choice.setAccessibleName(f"Text size {size.value}")
            choice.clicked.connect(lambda _=False, s=size: self.text_size_chosen.emit(s.value))
            self.size_group.addButton(choice)
            self.size_buttons[size] = choice
            sizes.addWidget(choice)
        sizes.addStretch(1)
        self.contrast_button = button("High contrast", "toggle", name="high-contrast")
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.high_contrast_toggled)
        contrast = QHBoxLayout()
        contrast.addWidget(self.contrast_button)
        contrast.addStretch(1)

        self.body.addWidget(self.greeting)
        self.body.addWidget(self.duration)
        self.body.addWidget(self.explain)
        self.body.addSpacing(12)
        self.body.addWidget(self.size_title)
        self.body.addLayout(sizes)
        self.body.addLayout(contrast)
        # After the text-size controls, so a patient who needs bigger text finds them without scrolling.
        self.body.addSpacing(12)
        self.body.addWidget(self.about_title)
        self.body.addWidget(self.about)
        self.body.addStretch(1)

        self.start_button = button("Start", "primary", name="start", commit=True)
        self.start_button.clicked.connect(self.start_requested)
        self.footer.addStretch(1)
        self.footer.addWidget(self.start_button, 2)

    def show_welcome(
        self, first_name: str, minutes: int, resumed: bool = False, short_name: str = "", about: str = ""
    ) -> None:
        """``short_name`` and ``about`` (what the procedure is and why) come from the procedure's content."""
        self.greeting.setText(f"Welcome back, {first_name}" if resumed else f"Hello, {first_name}")
        self.about_title.setText(f"About your {short_name[:1].lower()}{short_name[1:]}" if short_name else "")
        self.about_title.setVisible(bool(short_name))
        self.about.setText(about)
        self.about.setVisible(bool(about))
        self.duration.setText(f"This takes about {minutes} minutes." if minutes > 1 else "This takes a minute.")
        self.start_button.setText("Carry on" if resumed else "Start")

    def show_choice(self, size: TextSize, high_contrast: bool) -> None:
        """Reflect the current theme without emitting (the controller applies it)."""
        self.size_buttons[size].setChecked(True)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.blockSignals(False)
