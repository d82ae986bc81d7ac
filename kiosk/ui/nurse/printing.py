"""The nurse prints the sheet: the very PDF that goes to the printer on the left, the job's state on the right.

A job is followed to the end (the controller polls the print service and calls ``show_status``); the nurse
then confirms "Printed - sheet in hand". Finishing without that confirmation is allowed, but the discharge stays
on the nurse's list as "printed - sheet not confirmed" (H5). The buttons only say what the nurse wants; the
print service decides what happens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.nurse.base import GAP, NursePage
from kiosk.ui.preview import SheetPreview
from kiosk.ui.widgets import button, label

# Queue and job states (``kiosk.printing.status``) grouped by how the status box looks.
PROBLEM_STATES = frozenset(
    {"paused", "rejecting", "not-found", "no-print-system", "not-answering", "refused", "stuck", "failed", "cancelled"}
)
OK_STATES = frozenset({"ok", "completed"})
# Job states: once one is shown, a job exists and Print gives way to Retry.
JOB_STATES = frozenset({"outbox-only", "refused", "pending", "processing", "completed", "stuck", "failed", "cancelled"})
PRINT_AGAIN_AFTER_MS = 5000
"""If no job state follows a tap on Print (the print service failed), Print can be tapped again after this."""

INSTRUCTIONS = "Check the sheet, then Print. Confirm once the patient holds it."
FINISH_NOTE = "Finish without confirming: listed as “sheet not confirmed”."


def status_look(state: str) -> str:
    if state in PROBLEM_STATES:
        return "problem"
    if state in OK_STATES:
        return "ok"
    return "working"


class PrintScreen(NursePage):
    """``show_sheet(pdf_path)``, ``show_status(...)``; emits the nurse's choice of Print, Retry, Cancel job,
    "Printed - sheet in hand" or Finish."""

    print_requested = Signal()
    retry = Signal()
    cancel_job = Signal()
    sheet_in_hand = Signal()
    finish = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Print the sheet", scroll=False, parent=parent)
        self._job_started = False
        self.preview = SheetPreview()
        self.instructions = label(INSTRUCTIONS, "small")
        self.status = label("", "status")
        self.status.setObjectName("print-status")
        self.status.setProperty("state", "working")
        self.print_button = button(translate("nurse", "Print"), "primary", name="print-print")
        self.retry_button = button(translate("nurse", "Retry"), name="print-retry")
        self.cancel_button = button(translate("nurse", "Cancel job"), name="print-cancel")
        self.in_hand_button = button(translate("nurse", "Printed - sheet in hand"), "primary", name="print-in-hand")
        self.finish_button = button(translate("nurse", "Finish"), name="print-finish")
        self.finish_note = label(FINISH_NOTE, "small")
        self.print_button.clicked.connect(self._print)
        self.retry_button.clicked.connect(self.retry)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.in_hand_button.clicked.connect(self.sheet_in_hand)
        self.finish_button.clicked.connect(self.finish)
        self._print_again = QTimer(self)
        self._print_again.setSingleShot(True)
        self._print_again.setInterval(PRINT_AGAIN_AFTER_MS)
        self._print_again.timeout.connect(self._allow_print_again)

        side = QVBoxLayout()
        side.setSpacing(GAP)
        side.addWidget(self.instructions)
        side.addWidget(self.status)
        side.addWidget(self.print_button)
        retry_row = QHBoxLayout()
        retry_row.setSpacing(GAP)
        retry_row.addWidget(self.retry_button, 1)
        retry_row.addWidget(self.cancel_button, 1)
        side.addLayout(retry_row)
        side.addWidget(self.in_hand_button)
        side.addStretch(1)
        side.addWidget(self.finish_note)
        side.addWidget(self.finish_button)

        columns = QHBoxLayout()
        columns.setSpacing(GAP * 2)
        columns.addWidget(self.preview, 3)
        columns.addLayout(side, 2)
        self.body.addLayout(columns, 1)
        self.clear()

    # -- public API ------------------------------------------------------------------------------------------
    def show_sheet(self, sheet: Path | bytes) -> None:
        """Show the sheet about to be printed (the same bytes, or the file a resumed job printed); Print becomes
        available."""
        self.preview.show_pdf(sheet if isinstance(sheet, bytes) else Path(sheet))
        self._job_started = False
        self.print_button.setEnabled(True)

    def show_status(self, message: str, state: str, can_retry: bool, can_cancel: bool, can_confirm: bool) -> None:
        """The printer's or the job's state in the nurse's words, and which buttons make sense now."""
        self.status.setText(message)
        self._set_look(status_look(state))
        if state in JOB_STATES:
            self._job_started = True
            self._print_again.stop()
            self.print_button.setEnabled(False)
        self.retry_button.setEnabled(can_retry)
        self.cancel_button.setEnabled(can_cancel)
        self.in_hand_button.setEnabled(can_confirm)

    def clear(self) -> None:
        """Drop the sheet from the screen and reset every button (H3)."""
        self.preview.clear()
        self._job_started = False
        self._print_again.stop()
        self.status.clear()
        self._set_look("working")
        self.print_button.setEnabled(False)
        self.retry_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.in_hand_button.setEnabled(False)

    def _set_look(self, look: str) -> None:
        if self.status.property("state") == look:
            return  # re-polishing costs ~10 ms: only when the look changes
        self.status.setProperty("state", look)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    # -- slots -----------------------------------------------------------------------------------------------
    def _print(self) -> None:
        # One tap, one job: Print stays disabled while the job is followed (Retry takes over).
        self.print_button.setEnabled(False)
        self._print_again.start()
        self.print_requested.emit()

    def _allow_print_again(self) -> None:
        if not self._job_started:
            self.print_button.setEnabled(True)
