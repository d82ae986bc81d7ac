"""First start: nobody can sign in yet, so the first nurse sets up their own name and PIN here.

Shown only on a kiosk that never had a nurse, and only with the one-time set-up code ward IT holds (printed on
the kiosk's console at start, kept in its data folder): ``kiosk.records.first_nurse`` decides and checks (F1).

The PIN is typed twice on the pad (dots only) and checked by ``kiosk.discharge.new_nurse`` (length, not
guessable, both the same) before it is handed on; the record store hashes it. The typed PINs are wiped from the
screen as soon as they are handed on or the screen is cleared (H8).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.discharge.new_discharge import FormErrors
from kiosk.discharge.new_nurse import MAX_PIN_LENGTH, MIN_PIN_LENGTH, validate_new_nurse
from kiosk.i18n import translate
from kiosk.record.fields import MAX_NAME_LENGTH
from kiosk.ui.keypad import NumericKeypad
from kiosk.ui.nurse.base import GAP, FormField, NursePage, error_label
from kiosk.ui.widgets import button, label, limit_text

FIRST_PROMPT = "Choose a PIN"
AGAIN_PROMPT = "The same PIN again"
PIN_RULE = f"{MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits"
NARROW_WIDTH = 1000


class FirstNurseScreen(NursePage):
    """Set-up code, name and PIN twice; emits ``nurse_created(name, pin, code)`` once name and PINs are right."""

    nurse_created = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        # Scrolls: with the on-screen keyboard open, only the top half of the screen is left for it.
        super().__init__("Set up the first nurse", parent=parent)
        self._first_pin = ""

        intro = label(
            translate(
                "nurse",
                "No nurse has been set up on this kiosk yet. Type the one-time set-up code from ward IT, then your "
                "own name and PIN: you will use them to start discharges, sign them off and close the kiosk.",
            ),
        )
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("setup-code")
        self.code_edit.setMaxLength(20)
        self.code_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.code_edit.setPlaceholderText(translate("nurse", "12 digits from ward IT"))
        self.code_field = FormField(translate("nurse", "1. Set-up code from ward IT"), self.code_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nurse-name")
        self.name_edit.setPlaceholderText(translate("nurse", "e.g. Sam Taylor, RN"))
        self.name_field = FormField(translate("nurse", "2. Your name"), self.name_edit)
        limit_text(self.name_edit, MAX_NAME_LENGTH, self.name_field.set_error)
        self.start_again = button(translate("nurse", "Start the PIN again"), name="pin-restart")
        self.start_again.clicked.connect(self._restart_pin)
        self.start_again.setVisible(False)
        left = QVBoxLayout()
        left.setSpacing(GAP * 2)
        left.addWidget(intro)
        left.addWidget(self.code_field)
        left.addWidget(self.name_field)
        left.addWidget(
            label(
                translate("nurse", "3. Choose a PIN ({rule}, not an easy one like 123456 or 000000).").format(
                    rule=PIN_RULE
                ),
                "small",
            )
        )
        left.addWidget(label(translate("nurse", "4. Type the same PIN again to make sure."), "small"))
        left.addStretch(1)
        left.addWidget(self.start_again, 0, Qt.AlignmentFlag.AlignLeft)

        self.pin_caption = label("3. " + FIRST_PROMPT, "section")
        self.pin_caption.setObjectName("pin-caption")
        self.error = error_label()
        self.error.setObjectName("pin-error")
        self.keypad = NumericKeypad(translate("nurse", "Next"))
        self.keypad.set_masked(True)
        self.keypad.set_max_length(MAX_PIN_LENGTH)
        self.keypad.set_placeholder(PIN_RULE)
        self.keypad.submitted.connect(self._pin_typed)
        right = QVBoxLayout()
        right.setSpacing(GAP)
        right.addWidget(self.pin_caption)
        right.addWidget(self.error)
        right.addWidget(self.keypad)
        right.addStretch(1)

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(GAP * 3)
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)
        self.body.addLayout(self.columns, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side on a landscape screen; the PIN pad under the name on a narrow (portrait) one."""
        narrow = event.size().width() < NARROW_WIDTH
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)

    # -- public API ------------------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        """A problem the store found (e.g. that name is taken): shown by the PIN, which starts again."""
        self._restart_pin()
        self._set_pin_error(message)

    def show_message(self, text: str) -> None:
        """The nurse's messages on this screen (``kiosk.ui.notice.MessagePlace``): a wrong code, a taken name."""
        self.show_error(text)

    def clear(self) -> None:
        self.code_edit.clear()
        self.name_edit.clear()
        self.name_field.set_error("")
        self._restart_pin()

    # -- slots -----------------------------------------------------------------------------------------------
    def _pin_typed(self, pin: str) -> None:
        self.keypad.clear()
        if not self._first_pin:
            try:
                validate_new_nurse(self.name_edit.text() or "x", pin, pin)
            except FormErrors as problems:
                if "pin" in problems.errors:
                    self._set_pin_error(problems.errors["pin"])
                    return
            self._first_pin = pin
            self._set_pin_error("")
            self.pin_caption.setText("4. " + AGAIN_PROMPT)
            self.keypad.set_ok_text(translate("nurse", "Set up"))
            self.start_again.setVisible(True)
            return
        first, self._first_pin = self._first_pin, ""
        try:
            name, checked = validate_new_nurse(self.name_edit.text(), first, pin)
        except FormErrors as problems:
            self.name_field.set_error(problems.errors.get("name", ""))
            if "name" in problems.errors and "pin_again" not in problems.errors:
                self._first_pin = first  # the PINs matched: keep them while the name is fixed
                return
            self._restart_pin()
            self._set_pin_error(problems.errors.get("pin_again") or problems.errors.get("pin", ""))
            return
        self.name_field.set_error("")
        self._restart_pin()
        self.nurse_created.emit(name, checked, self.code_edit.text())

    def _restart_pin(self) -> None:
        self._first_pin = ""
        self.keypad.clear()
        self.keypad.set_ok_text(translate("nurse", "Next"))
        self.pin_caption.setText("3. " + FIRST_PROMPT)
        self.start_again.setVisible(False)
        self._set_pin_error("")

    def _set_pin_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
