"""A new PIN, asked for right after a good sign-in with a PIN shorter than today's 6-digit rule (issue 13 F3).

Typed twice on the pad (dots only), checked by ``kiosk.discharge.new_nurse.validate_new_pin_twice`` (the one rule
set the CLI uses too) before it is handed on; nothing the nurse signed in for happens until it is saved. The
typed PINs are wiped from the pad as soon as they are handed on or the screen is cleared (H8).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.discharge.new_discharge import FormErrors
from kiosk.discharge.new_nurse import MAX_PIN_LENGTH, MIN_PIN_LENGTH, validate_new_pin_twice
from kiosk.i18n import translate
from kiosk.ui.nurse.base import GAP, NursePage, PinPad, beside
from kiosk.ui.widgets import button, label

FIRST_PROMPT = "Choose a new PIN"
AGAIN_PROMPT = "The same PIN again"


class NewPinScreen(NursePage):
    """Emits ``pin_chosen(pin)`` once the new PIN passed the rules twice, or ``cancelled()``."""

    pin_chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Choose a new PIN", scroll=False, parent=parent)
        self._first_pin = ""
        intro = label(
            translate(
                "nurse",
                "Your PIN is too short for this kiosk now. Choose a new PIN of {least} to {most} "
                "digits before you go on; not an easy one like 123456, 121212 or 000000.",
            ).format(least=MIN_PIN_LENGTH, most=MAX_PIN_LENGTH)
        )
        intro.setObjectName("new-pin-intro")
        self.cancel_button = button(translate("nurse", "Cancel"), name="new-pin-cancel")
        self.cancel_button.clicked.connect(self._cancel)
        left = QVBoxLayout()
        left.setSpacing(GAP * 2)
        left.addWidget(intro)
        left.addStretch(1)
        left.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.pad = PinPad(FIRST_PROMPT, "Next", f"{MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits", MAX_PIN_LENGTH)
        self.pin_caption, self.error, self.keypad = self.pad.caption, self.pad.error, self.pad.keypad
        self.pin_caption.setObjectName("new-pin-caption")
        self.error.setObjectName("new-pin-error")
        self.keypad.setObjectName("new-pin-keypad")
        self.keypad.submitted.connect(self._pin_typed)
        beside(self, left, self.pad)

    def clear(self) -> None:
        self._restart()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keypad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _pin_typed(self, pin: str) -> None:
        self.keypad.clear()
        if not self._first_pin:
            try:
                validate_new_pin_twice(pin, pin)
            except FormErrors as problems:
                self._show_error(problems.errors.get("pin", ""))
                return
            self._first_pin = pin
            self._show_error("")
            self.pin_caption.setText(AGAIN_PROMPT)
            self.keypad.set_ok_text(translate("nurse", "Save"))
            return
        first = self._first_pin
        try:
            checked = validate_new_pin_twice(first, pin)
        except FormErrors as problems:
            self._restart()
            self._show_error(problems.errors.get("pin_again") or problems.errors.get("pin", ""))
            return
        self._restart()
        self.pin_chosen.emit(checked)

    def _cancel(self) -> None:
        self._restart()
        self.cancelled.emit()

    def _restart(self) -> None:
        self._first_pin = ""
        self.keypad.clear()
        self.keypad.set_ok_text(translate("nurse", "Next"))
        self.pin_caption.setText(FIRST_PROMPT)
        self._show_error("")

    def show_message(self, text: str) -> None:
        """The nurse's messages on this screen (``kiosk.ui.notice.MessagePlace``): the pad's line, which starts
        again."""
        self._restart()
        self._show_error(text)

    def _show_error(self, message: str) -> None:
        self.pad.show_error(message)
