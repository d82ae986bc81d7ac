"""Patient screen 3: hello by first name, how long this takes, the language, and the text-size and contrast controls.

The languages come first: a patient who reads little English finds their language's name, written in its own
script, before anything else. Each is a big toggle button; a tap emits ``language_chosen`` and the controller
saves it and retranslates the screens in place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.i18n import fill, translate
from kiosk.languages import LANGUAGES
from kiosk.ui.flow_layout import FlowLayout
from kiosk.ui.patient.base import PatientPage, patient_label
from kiosk.ui.theme import TextSize
from kiosk.ui.widgets import button, label, ui_text

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
    language_chosen = Signal(str)
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
            translate(
                "patient",
                "The nurse has asked you to go through your aftercare on this tablet. "
                "Each screen shows one thing. Read it, then touch the big button at the bottom.",
            ),
        )
        # Translated as "Język · Language": a patient who cannot read the language shown still finds the word.
        self.language_title = label(translate("patient", "Language"), "subtitle")
        self.language_title.setObjectName("language-title")
        self.language_group = QButtonGroup(self)
        self.language_group.setExclusive(True)
        self.language_buttons: dict[str, QPushButton] = {}
        languages = FlowLayout(spacing=16)
        for code, lang in LANGUAGES.items():
            # Named in its own script, never translated: that is the name its reader looks for.
            choice = button(lang.native_name, "toggle", name=f"language-{code}")
            choice.setCheckable(True)
            choice.setAccessibleName(lang.english_name)
            choice.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight)
            choice.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_group.addButton(choice)
            self.language_buttons[code] = choice
            languages.addWidget(choice)
        self.size_title = label(translate("patient", "Text size"), "subtitle")
        self.size_group = QButtonGroup(self)
        self.size_group.setExclusive(True)
        self.size_buttons: dict[TextSize, QPushButton] = {}
        sizes = QHBoxLayout()
        sizes.setSpacing(24)
        for size, text in SIZE_BUTTONS:
            choice = button(text, "toggle", name=f"size-{size.value}")
            choice.setCheckable(True)
            choice.setAccessibleName(size.value)
            choice.clicked.connect(lambda _=False, s=size: self.text_size_chosen.emit(s.value))
            self.size_group.addButton(choice)
            self.size_buttons[size] = choice
            sizes.addWidget(choice)
        sizes.addStretch(1)
        self.contrast_button = button(translate("patient", "High contrast"), "toggle", name="high-contrast")
        self.contrast_button.setCheckable(True)
        self.contrast_button.toggled.connect(self.high_contrast_toggled)
        contrast = QHBoxLayout()
        contrast.addWidget(self.contrast_button)
        contrast.addStretch(1)

        self.body.addWidget(self.greeting)
        self.body.addWidget(self.language_title)
        self.body.addLayout(languages)
        self.body.addSpacing(12)
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

        self.start_button = button(translate("patient", "Start"), "primary", name="start", commit=True)
        self.start_button.clicked.connect(self.start_requested)
        self.footer.addStretch(1)
        self.footer.addWidget(self.start_button, 2)

    def show_welcome(
        self, first_name: str, minutes: int, resumed: bool = False, short_name: str = "", about: str = ""
    ) -> None:
        """``short_name`` and ``about`` (what the procedure is and why) come from the procedure's content."""
        hello = translate("patient", "Welcome back, {name}") if resumed else translate("patient", "Hello, {name}")
        self.greeting.setText(fill(hello, name=first_name))
        about_title = (
            fill(translate("patient", "About your {procedure}"), procedure=short_name[:1].lower() + short_name[1:])
            if short_name
            else ""
        )
        self.about_title.setText(about_title)
        self.about_title.setVisible(bool(short_name))
        self.about.setText(about)
        self.about.setVisible(bool(about))
        self.duration.setText(
            fill(translate("patient", "This takes about {minutes} minutes."), minutes=minutes)
            if minutes > 1
            else translate("patient", "This takes a minute.")
        )
        ui_text(self.start_button, translate("patient", "Carry on") if resumed else translate("patient", "Start"))

    def show_choice(self, size: TextSize, high_contrast: bool, language: str = "en") -> None:
        """Reflect the current theme and language without emitting (the controller applies them)."""
        self.language_buttons[language].setChecked(True)
        self.size_buttons[size].setChecked(True)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(high_contrast)
        self.contrast_button.blockSignals(False)
