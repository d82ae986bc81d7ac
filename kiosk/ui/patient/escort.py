"""Patient screen 7: who is taking you home and staying with you (name, relationship, phone, until when).

Names are typed with the Qt Virtual Keyboard (line edits); the phone number with the big numeric keypad. "Nobody is
staying with me" is a valid answer: the flow stops and calls a nurse (H4). The screen only collects text; the
flow validates it and the screen shows the message it gets back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.i18n import QT_TRANSLATE_NOOP, fill, translate, translate_marked
from kiosk.record.fields import MAX_NAME_LENGTH, MAX_RELATIONSHIP_LENGTH
from kiosk.ui.flow_layout import FlowLayout, wrap_button
from kiosk.ui.keypad import KeypadField
from kiosk.ui.patient.base import PatientPage, patient_label
from kiosk.ui.widgets import button, label, limit_text, placeholder

# The chips fill the relationship field with the text as shown, in the patient's language (it is the patient's
# own words about their escort, printed as typed).
RELATIONSHIPS = (
    QT_TRANSLATE_NOOP("patient", "Partner"),
    QT_TRANSLATE_NOOP("patient", "Son or daughter"),
    QT_TRANSLATE_NOOP("patient", "Friend"),
    QT_TRANSLATE_NOOP("patient", "Parent"),
)


class EscortScreen(PatientPage):
    escort_given = Signal(str, str, str)
    nobody = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(translate("patient", "Who is looking after you?"), "title")
        self.heading.setObjectName("escort-heading")
        self.until = patient_label("", "subtitle")
        self.until.setObjectName("escort-until")
        # The content's responsible-adult text: what the patient and their escort must know.
        self.advice = label("")
        self.advice.setObjectName("escort-advice")

        self.name_edit = _line_edit("escort-name", translate("patient", "Their name"))
        self.relationship_edit = _line_edit(
            "escort-relationship", translate("patient", "For example: wife, son, friend")
        )
        # Chips wrap onto more rows (and their text onto more lines) rather than being squeezed and clipped.
        picks = FlowLayout(spacing=16)
        for text in RELATIONSHIPS:
            pick = wrap_button(
                translate_marked("patient", text), "chip", name=f"relationship-{text.split()[0].lower()}"
            )
            pick.clicked.connect(lambda _=False, p=pick: self.relationship_edit.setText(p.text()))
            picks.addWidget(pick)
        self.phone_field = KeypadField(
            translate("patient", "Their phone number"),
            placeholder=translate("patient", "Tap to type"),
            phone=True,
            name="escort-phone",
        )

        # Each field under its label: side by side, a long label left too little width for the field at large text.
        form = QVBoxLayout()
        form.setSpacing(8)
        form.addWidget(label(translate("patient", "Name"), "field-label"))
        form.addWidget(self.name_edit)
        form.addSpacing(12)
        form.addWidget(label(translate("patient", "Who they are to you"), "field-label"))
        form.addWidget(self.relationship_edit)
        form.addLayout(picks)
        form.addSpacing(12)
        form.addWidget(label(translate("patient", "Phone"), "field-label"))
        form.addWidget(self.phone_field)

        self.error = label("", "error")
        self.error.setObjectName("escort-error")
        self.error.hide()
        limit_text(self.name_edit, MAX_NAME_LENGTH, self.show_error, patient=True)
        limit_text(self.relationship_edit, MAX_RELATIONSHIP_LENGTH, self.show_error, patient=True)

        self.body.addWidget(self.heading)
        self.body.addWidget(self.until)
        self.body.addWidget(self.advice)
        self.body.addLayout(form)
        self.body.addWidget(self.error)
        self.body.addStretch(1)

        self.back_button = button(translate("patient", "Back"), "", name="back")
        self.back_button.clicked.connect(self.back_requested)
        # The two decisions wrap onto more lines at large text sizes instead of losing their first and last letters.
        self.nobody_button = wrap_button(
            translate("patient", "Nobody is staying with me"), "danger", name="nobody", commit=True
        )
        self.nobody_button.clicked.connect(self.nobody)
        self.confirm_button = wrap_button(
            translate("patient", "They will stay with me"), "primary", name="confirm-escort", commit=True
        )
        self.confirm_button.clicked.connect(self._confirm)
        self.footer.addWidget(self.back_button, 0)
        self.footer.addWidget(self.nobody_button, 1)
        self.footer.addWidget(self.confirm_button, 1)

    def show_escort(
        self,
        until_text: str,
        hours: int,
        name: str = "",
        relationship: str = "",
        phone: str = "",
        advice: str = "",
    ) -> None:
        """``until_text`` is the clock time ("14:30 Sat 22 Nov"); ``advice`` is the content's responsible-adult
        text (what the patient and escort must know); fields are prefilled when revisiting."""
        self.until.setText(
            fill(
                translate(
                    "patient",
                    "An adult must take you home and stay with you for {hours} hours: until {until}. "
                    "They must not leave you alone before then.",
                ),
                hours=hours,
                until=until_text,
            )
        )
        self.advice.setText(" ".join(advice.split()))
        self.advice.setVisible(bool(advice.strip()))
        self.name_edit.setText(name)
        self.relationship_edit.setText(relationship)
        self.phone_field.set_value(phone)
        self.show_error("")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _confirm(self) -> None:
        self.escort_given.emit(self.name_edit.text(), self.relationship_edit.text(), self.phone_field.value())

    def clear(self) -> None:
        super().clear()
        self.show_error("")
        self.phone_field.clear()
        for edit in (self.name_edit, self.relationship_edit):
            # setText (unlike clear(), which can be undone) also empties the undo history: no Ctrl+Z brings it back.
            edit.setText("")


def _line_edit(name: str, hint: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    placeholder(edit, hint)
    # No autocompletion or prediction: the next patient must never be offered this one's words (H3).
    edit.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData)
    return edit
