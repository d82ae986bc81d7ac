"""Nurse sign-in: tap your name, type your PIN on the big pad.

Names are big buttons (no typing, no list to scroll through for a handful of nurses); the PIN shows as dots and
is wiped from the pad the moment it is handed on, so it never sits in a widget (H8). The screen only reports
who and what was typed: checking the PIN, counting attempts and lockout belong to ``kiosk.records.nurses``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.discharge.new_nurse import MAX_PIN_LENGTH
from kiosk.i18n import translate
from kiosk.ui.flow_layout import FlowLayout, wrap_button
from kiosk.ui.keypad import NumericKeypad
from kiosk.ui.nurse.base import GAP, NursePage, error_label
from kiosk.ui.widgets import button, label, touch_scroll_area

# No active account, on a kiosk that had nurses: no set-up on screen, IT's command line is the way back (F1).
NO_NURSE_MESSAGE = (
    "No nurse can sign in on this kiosk: ask ward IT.\n"
    "IT can add an account or re-enable one with  main.py nurses add NAME  or  main.py nurses enable NAME."
)


class PinScreen(NursePage):
    """``prompt(title, nurse_names)``; emits ``pin_entered(name, pin)`` or ``cancelled()``."""

    pin_entered = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Nurse sign-in", scroll=False, parent=parent)
        self.name_buttons: list[QPushButton] = []
        self._names = QButtonGroup(self)
        self._names.setExclusive(True)
        self._names.buttonClicked.connect(self._name_chosen)

        self.names_caption = label(translate("nurse", "1. Tap your name"), "section")
        # Names flow onto more rows on a narrow (portrait) screen instead of being squeezed into two columns.
        self.names_grid = FlowLayout(spacing=GAP)
        self.no_names = label(NO_NURSE_MESSAGE, "notice")
        self.no_names.setObjectName("pin-no-nurse")
        self.no_names.setVisible(False)
        names = QVBoxLayout()
        names.setSpacing(GAP)
        names.addWidget(self.names_caption)
        names.addWidget(self.no_names)
        # A ward with many nurses: the names scroll (finger drag), the PIN pad stays where it is.
        names_holder = QWidget()
        names_holder.setObjectName("page-body")
        names_column = QVBoxLayout(names_holder)
        names_column.setContentsMargins(0, 0, 8, 0)
        names_column.addLayout(self.names_grid)
        names_column.addStretch(1)
        self.names_scroll = touch_scroll_area(names_holder)
        names.addWidget(self.names_scroll, 1)
        self.cancel_button = button(translate("nurse", "Cancel"), name="pin-cancel")
        self.cancel_button.clicked.connect(self._cancel)
        names.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.pin_caption = label(translate("nurse", "2. Type your PIN"), "section")
        self.error = error_label()
        self.error.setObjectName("pin-error")
        self.keypad = NumericKeypad(translate("nurse", "Sign in"))
        self.keypad.setObjectName("pin-keypad")
        self.keypad.set_masked(True)
        self.keypad.set_max_length(MAX_PIN_LENGTH)
        self.keypad.set_placeholder(translate("nurse", "PIN"))
        self.keypad.submitted.connect(self._submit)
        pin = QVBoxLayout()
        pin.setSpacing(GAP)
        pin.addWidget(self.pin_caption)
        pin.addWidget(self.error)
        pin.addWidget(self.keypad)
        pin.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(GAP * 3)
        columns.addLayout(names, 3)
        columns.addLayout(pin, 2)
        self.body.addLayout(columns, 1)

    # -- public API ------------------------------------------------------------------------------------------
    def prompt(self, title: str, nurse_names: list[str]) -> None:
        """Ask for a nurse's PIN for ``title`` ("Nurse sign-in", "Sign off this discharge"...)."""
        self.clear()
        self.header.set_title(title)
        for index, name in enumerate(nurse_names):
            # Wrapping: this pad also opens inside a patient's walk, at their text size (a long name at A++).
            choice = wrap_button(name, "choice", name=f"nurse-{index}")
            choice.setCheckable(True)
            self._names.addButton(choice, index)
            self.names_grid.addWidget(choice)
            self.name_buttons.append(choice)
        self.no_names.setVisible(not nurse_names)
        for part in (self.keypad, self.pin_caption, self.names_caption):
            part.setVisible(bool(nurse_names))
        self.keypad.setEnabled(bool(nurse_names))
        if len(nurse_names) == 1:
            self.name_buttons[0].setChecked(True)
        self.names_scroll.verticalScrollBar().setValue(0)
        self.keypad.setFocus()

    def show_error(self, message: str) -> None:
        """Say what went wrong (wrong PIN, attempts left, locked) and empty the pad for another try."""
        self.keypad.clear()
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def show_message(self, text: str) -> None:
        """The nurse's messages on this screen (``kiosk.ui.notice.MessagePlace``) go on the pad's own line."""
        self.show_error(text)

    def set_checking(self, checking: bool) -> None:
        """While the PIN is being checked (about 0.3 s): the pad and Cancel wait, the caption says why."""
        self.keypad.setEnabled(not checking)
        self.cancel_button.setEnabled(not checking)
        self.pin_caption.setText(
            translate("nurse", "Checking your PIN...") if checking else translate("nurse", "2. Type your PIN")
        )

    def clear(self) -> None:
        self.set_checking(False)
        self.keypad.clear()
        self.error.clear()
        self.error.setVisible(False)
        for choice in self.name_buttons:
            self._names.removeButton(choice)
            self.names_grid.removeWidget(choice)
            choice.hide()  # gone from the screen now, not when the event loop gets to the deletion
            choice.deleteLater()
        self.name_buttons = []

    def selected_name(self) -> str:
        checked = self._names.checkedButton()
        return checked.text() if checked is not None else ""

    # -- slots -----------------------------------------------------------------------------------------------
    def _name_chosen(self, _button: QPushButton) -> None:
        self.error.setVisible(False)
        self.keypad.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self, pin: str) -> None:
        name = self.selected_name()
        if not name:
            self.show_error("Tap your name first, then type your PIN.")
            return
        self.keypad.clear()
        self.error.setVisible(False)
        self.pin_entered.emit(name, pin)

    def _cancel(self) -> None:
        self.keypad.clear()
        self.cancelled.emit()
