"""The nurse prints the sheet: the very PDF that goes to the printer on the left, the job's state on the right.

A job is followed to the end (the controller polls the print service and calls ``show_status``); the nurse
then confirms "Printed - sheet in hand". Finishing without that confirmation is allowed, but the discharge stays
on the nurse's list as "printed - sheet not confirmed" (H5). The buttons only say what the nurse wants; the
print service decides what happens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.flow_layout import wrap_button
from kiosk.ui.nurse.base import GAP, NursePage
from kiosk.ui.preview import SheetPreview
from kiosk.ui.widgets import breakable, label, touch_scroll_area

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
NARROW_WIDTH = 1000
"""Below this (a portrait screen) the sheet goes above the status and buttons, which then get the full width."""
LR, TB = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom


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
        self._message = ""
        self.preview = SheetPreview()
        self.instructions = label(INSTRUCTIONS, "small")
        self.status = label("", "status")
        self.status.setObjectName("print-status")
        self.status.setProperty("state", "working")
        # The whole message, however long (a saved sheet's path, the printer's own words): the box is as tall as
        # its text needs at the column's width, never squeezed (it used to clip at about four lines).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.status.setSizePolicy(policy)
        self.print_button = wrap_button(translate("nurse", "Print"), "primary", name="print-print")
        self.retry_button = wrap_button(translate("nurse", "Retry"), name="print-retry")
        self.cancel_button = wrap_button(translate("nurse", "Cancel job"), name="print-cancel")
        self.in_hand_button = wrap_button(
            translate("nurse", "Printed - sheet in hand"), "primary", name="print-in-hand"
        )
        self.finish_button = wrap_button(translate("nurse", "Finish"), name="print-finish")
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

        # The status and the print buttons scroll (a finger drags them) when the text size and a long message
        # need more height than the screen has: nothing is ever cut off. Finish stays put below them.
        side_content = QWidget()
        side_content.setObjectName("page-body")
        side = QVBoxLayout(side_content)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(GAP)
        side.addWidget(self.instructions)
        side.addWidget(self.status)
        side.addWidget(self.print_button)
        self.retry_row = QBoxLayout(LR)
        self.retry_row.setSpacing(GAP)
        self.retry_row.addWidget(self.retry_button, 1)
        self.retry_row.addWidget(self.cancel_button, 1)
        side.addLayout(self.retry_row)
        side.addWidget(self.in_hand_button)
        side.addStretch(1)
        self.side = touch_scroll_area(side_content)
        side_content.installEventFilter(self)  # a new width or text size: are Retry and Cancel still side by side?
        column = QVBoxLayout()
        column.setSpacing(GAP)
        column.addWidget(self.side, 1)
        column.addWidget(self.finish_note)
        column.addWidget(self.finish_button)

        self.columns = QBoxLayout(LR)
        self.columns.setSpacing(GAP * 2)
        self.columns.addWidget(self.preview, 3)
        self.columns.addLayout(column, 2)
        self.body.addLayout(self.columns, 1)
        self.clear()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Sheet beside the buttons on a landscape screen, above them on a portrait one. (Every button's text
        wraps instead of being cut when its column is narrow.)"""
        direction = TB if event.size().width() < NARROW_WIDTH else LR
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
            # Beside: the sheet gets three fifths of the width; above: half the height, the buttons the rest.
            self.columns.setStretch(0, 3 if direction is LR else 1)
            self.columns.setStretch(1, 2 if direction is LR else 1)
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._fit_retry_row()
        return super().eventFilter(watched, event)

    def _fit_retry_row(self) -> None:
        """Retry and Cancel side by side while each half still holds its longest word, else one above the other."""
        longest = max(self.retry_button.minimumSizeHint().width(), self.cancel_button.minimumSizeHint().width())
        direction = LR if self.side.viewport().width() >= 2 * longest + GAP else TB
        if self.retry_row.direction() != direction:
            self.retry_row.setDirection(direction)

    # -- public API ------------------------------------------------------------------------------------------
    def show_sheet(self, sheet: Path | bytes) -> None:
        """Show the sheet about to be printed (the same bytes, or the file a resumed job printed); Print becomes
        available."""
        self.preview.show_pdf(sheet if isinstance(sheet, bytes) else Path(sheet))
        self._job_started = False
        self.print_button.setEnabled(True)

    def show_status(self, message: str, state: str, can_retry: bool, can_cancel: bool, can_confirm: bool) -> None:
        """The printer's or the job's state in the nurse's words, and which buttons make sense now."""
        if message != self._message:
            self._message = message
            self.status.setText(breakable(message))  # a long path wraps too, at any text size
            self._scroll_to_status()
        self._set_look(status_look(state))
        if state in JOB_STATES:
            self._job_started = True
            self._print_again.stop()
            self.print_button.setEnabled(False)
        self.retry_button.setEnabled(can_retry)
        self.cancel_button.setEnabled(can_cancel)
        self.in_hand_button.setEnabled(can_confirm)

    def _scroll_to_status(self) -> None:
        """A new message is read from its start: scroll back to the top, or to the box's top if that is lower
        than the column shows (a large text size)."""
        bar = self.side.verticalScrollBar()
        top = self.status.y()
        bar.setValue(0 if top < self.side.viewport().height() // 3 else top)

    @property
    def status_message(self) -> str:
        """The status message as given (the box shows it with invisible break chances in long runs)."""
        return self._message

    def clear(self) -> None:
        """Drop the sheet from the screen and reset every button (H3)."""
        self.preview.clear()
        self._job_started = False
        self._print_again.stop()
        self._message = ""
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
