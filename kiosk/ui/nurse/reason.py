"""The nurse records why: nobody staying with the patient, abandoning a discharge, an out-of-date leaflet.

Common reasons are big buttons (one tap fills the reason, which can then be added to); anything else is typed.
An empty reason cannot be saved: the reason is what an auditor reads later (H2, H4).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QGridLayout, QLineEdit, QWidget

from kiosk.discharge.new_discharge import MAX_REASON_LENGTH, reason_problem, tidy_reason
from kiosk.i18n import translate
from kiosk.ui.nurse.base import GAP, FormField, NursePage
from kiosk.ui.nurse.form_parts import CardButton
from kiosk.ui.widgets import button, label, limit_text

NO_ESCORT_REASONS = (
    "Staying on the ward overnight",
    "Escort coming later: waits on the ward",
    "Transferred to another ward or hospital",
    "Doctor assessed: safe to go home alone",
)
ABANDON_REASONS = (
    "Started for the wrong patient",
    "Wrong procedure chosen",
    "Patient not going home today",
    "Patient left before it was finished",
    "Started again as a new discharge",
)
EXPIRED_LEAFLET_REASONS = (
    "Consultant checked: advice still correct",
    "New version not published yet",
)
QUICK_PICK_COLUMNS = 2


class ReasonScreen(NursePage):
    """``ask(title, prompt, quick_picks=())``; emits ``reason_given(str)`` or ``cancelled()``."""

    reason_given = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Record a reason", parent=parent)
        self.prompt_label = label("")
        self.prompt_label.setObjectName("reason-prompt")
        self.picks_caption = label(translate("nurse", "Or tap a common reason:"), "caption")
        self.picks_grid = QGridLayout()
        self.picks_grid.setSpacing(GAP)
        self.pick_buttons: list[CardButton] = []
        self._picks = QButtonGroup(self)
        self._picks.buttonClicked.connect(self._picked)

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason-text")
        self.reason_edit.setPlaceholderText(translate("nurse", "Type the reason"))
        self.reason_edit.textEdited.connect(self._edited)
        self.reason_edit.returnPressed.connect(self._save)
        self.reason_field = FormField(translate("nurse", "Type the reason"), self.reason_edit)
        limit_text(self.reason_edit, MAX_REASON_LENGTH, self.reason_field.set_error)

        self.body.addWidget(self.prompt_label)
        self.body.addWidget(self.reason_field)
        self.body.addWidget(self.picks_caption)
        self.body.addLayout(self.picks_grid)
        self.body.addStretch(1)

        self.cancel_button = button(translate("nurse", "Cancel"), name="reason-cancel")
        self.cancel_button.clicked.connect(self._cancel)
        self.save_button = button(translate("nurse", "Save reason"), "primary", name="reason-save")
        self.save_button.clicked.connect(self._save)
        self.footer.addWidget(self.cancel_button)
        self.footer.addStretch(1)
        self.footer.addWidget(self.save_button)

    # -- public API ------------------------------------------------------------------------------------------
    def ask(self, title: str, prompt: str, quick_picks: Sequence[str] = ()) -> None:
        """Ask for a reason; ``quick_picks`` are the common answers (e.g. ``NO_ESCORT_REASONS``)."""
        self.clear()
        self.header.set_title(title)
        self.prompt_label.setText(prompt)
        for index, text in enumerate(quick_picks):
            pick = CardButton((text,), name=f"reason-pick-{index}")
            self._picks.addButton(pick, index)
            self.picks_grid.addWidget(pick, index // QUICK_PICK_COLUMNS, index % QUICK_PICK_COLUMNS)
            self.pick_buttons.append(pick)
        self.picks_caption.setText(translate("nurse", "Or tap a common reason:") if quick_picks else "")

    def clear(self) -> None:
        self.reason_edit.clear()
        self.reason_field.set_error("")
        self.prompt_label.clear()
        for pick in self.pick_buttons:
            self._picks.removeButton(pick)
            self.picks_grid.removeWidget(pick)
            pick.deleteLater()
        self.pick_buttons = []

    def reason(self) -> str:
        return tidy_reason(self.reason_edit.text())

    # -- slots -----------------------------------------------------------------------------------------------
    def _picked(self, pick: QAbstractButton) -> None:
        self.reason_edit.setText(pick.accessibleName())
        self.reason_field.set_error("")

    def _edited(self, text: str) -> None:
        checked = self._picks.checkedButton()
        if checked is not None and checked.accessibleName() != text:
            self._picks.setExclusive(False)
            checked.setChecked(False)
            self._picks.setExclusive(True)

    def _save(self) -> None:
        problem = reason_problem(self.reason_edit.text())
        self.reason_field.set_error(problem)
        if problem:
            return
        reason = self.reason()
        self.clear()
        self.reason_given.emit(reason)

    def _cancel(self) -> None:
        self.clear()
        self.cancelled.emit()
