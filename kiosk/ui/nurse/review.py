"""The nurse reviews what the patient confirmed and ticks the discharge checklist before signing off.

Everything shown comes from the saved record (``kiosk.discharge.review.summarise``), never from the patient's
screens (H1, H6). Sign-off is refused while a checklist item is unticked or something is missing (a step not
confirmed, nobody staying with no reason: H4); the button says why. A question the patient still had wrong after
two tries has an "I went over this with the patient" button: the session records the nurse's acknowledgement
and sign-off waits for it (F9). Ticks survive that reload of the same record.
"""

from __future__ import annotations

import functools

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Procedure
from kiosk.discharge import checklist
from kiosk.discharge.review import GONE_OVER_TEXT, Outcome, ReviewSummary, summarise
from kiosk.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from kiosk.record.model import DischargeRecord
from kiosk.record.timeline import format_dob
from kiosk.ui.nurse.base import GAP, NursePage
from kiosk.ui.nurse.form_parts import TickRow
from kiosk.ui.widgets import button, label

# How each outcome reads on the review (``Outcome``'s values are the record's English words).
OUTCOME_TEXTS = {
    Outcome.FIRST_TIME: QT_TRANSLATE_NOOP("nurse", "Right first time"),
    Outcome.SECOND_TIME: QT_TRANSLATE_NOOP("nurse", "Right at the second attempt"),
    Outcome.WRONG: QT_TRANSLATE_NOOP("nurse", "Still wrong: go over this with the patient"),
    Outcome.NOT_ANSWERED: QT_TRANSLATE_NOOP("nurse", "Not answered"),
}
OUTCOME_MARKS = {
    Outcome.FIRST_TIME: "✓",
    Outcome.SECOND_TIME: "✓",
    Outcome.WRONG: "⚠",
    Outcome.NOT_ANSWERED: "✗",
}

OVERRIDE_WORDS = {
    "expired-leaflet": "Leaflet past its review date used",
    "no-escort": "Nobody staying with the patient",
}


class ReviewScreen(NursePage):
    """``load(record, procedure)``; emits ``sign_off_requested(checklist)`` or ``back()``."""

    sign_off_requested = Signal(object)
    back = Signal()
    gone_over = Signal(str)  # question id: "I went over this with the patient"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Review and sign off", parent=parent)
        self._items: tuple[checklist.ChecklistItem, ...] = ()
        self.summary: ReviewSummary | None = None
        self.tick_rows: dict[str, TickRow] = {}
        self._record_id = ""

        self.patient_line = label("", "subtitle")
        self.patient_line.setObjectName("review-patient")
        self.steps_grid = QGridLayout()
        self.steps_grid.setHorizontalSpacing(GAP)
        self.steps_grid.setVerticalSpacing(4)
        self.questions_box = QVBoxLayout()
        self.questions_box.setSpacing(GAP // 2)
        self.escort_grid = QGridLayout()
        self.escort_grid.setHorizontalSpacing(GAP)
        self.overrides_caption = label(translate("nurse", "Nurse decisions recorded"), "section")
        self.overrides_box = QVBoxLayout()
        self.help_caption = label(translate("nurse", "Calls for help"), "section")
        self.help_box = QVBoxLayout()
        left = QVBoxLayout()
        left.setSpacing(GAP)
        left.addWidget(self.patient_line)
        left.addWidget(label(translate("nurse", "What the patient confirmed"), "section"))
        left.addLayout(self.steps_grid)
        left.addWidget(label(translate("nurse", "Check questions"), "section"))
        left.addLayout(self.questions_box)
        left.addWidget(label(translate("nurse", "Who is looking after them"), "section"))
        left.addLayout(self.escort_grid)
        left.addWidget(self.overrides_caption)
        left.addLayout(self.overrides_box)
        left.addWidget(self.help_caption)
        left.addLayout(self.help_box)
        left.addStretch(1)

        self.checklist_box = QVBoxLayout()
        self.checklist_box.setSpacing(GAP // 2)
        self.blockers = label("", "warning")
        self.blockers.setObjectName("review-blockers")
        self.blockers.setVisible(False)
        right = QVBoxLayout()
        right.setSpacing(GAP)
        right.addWidget(self.blockers)
        right.addWidget(label(translate("nurse", "Discharge checklist"), "section"))
        right.addWidget(label(translate("nurse", "Tick each one you have checked with the patient."), "small"))
        right.addLayout(self.checklist_box)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(GAP * 3)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.body.addLayout(columns)

        self.back_button = button(translate("nurse", "Back"), name="review-back")
        self.back_button.clicked.connect(self.back)
        self.why_not = label("", "small")
        self.why_not.setObjectName("review-why-not")
        self.sign_button = button(translate("nurse", "Sign off"), "primary", name="review-sign-off")
        self.sign_button.clicked.connect(self._sign_off)
        self.footer.addWidget(self.back_button)
        self.footer.addWidget(self.why_not, 1)
        self.footer.addWidget(self.sign_button)
        self._refresh()

    # -- public API ------------------------------------------------------------------------------------------
    def load(self, record: DischargeRecord, procedure: Procedure) -> None:
        """Show ``record`` (read fresh from the store); ``procedure`` must be the one it names (H1)."""
        kept = self.ticked() if self._record_id == record.record_id else {}
        position = self.scroll_area.verticalScrollBar().value() if self.scroll_area is not None else 0
        self.clear()
        summary = summarise(record, procedure)
        self._record_id = record.record_id
        self.summary = summary
        self.header.set_context(procedure.title)
        patient = record.patient
        self.patient_line.setText(
            translate("nurse", "{name} · born {born} · {number}").format(
                name=patient.name, born=format_dob(patient.date_of_birth), number=patient.hospital_number
            )
        )
        for row, line in enumerate(summary.steps):
            mark = label("✓" if line.confirmed else "✗", "value", wrap=False)
            when = label(
                f"{line.confirmed_at:%H:%M}" if line.confirmed_at else translate("nurse", "Not confirmed"),
                "small",
                wrap=False,
            )
            text = label(line.heading)
            for widget in (mark, when, text):
                widget.setProperty("problem", not line.confirmed)
            self._add_to_grid(self.steps_grid, row, (mark, when, text))
        for answer in summary.questions:
            detail: str = translate_marked("nurse", OUTCOME_TEXTS[answer.outcome])
            if answer.outcome in (Outcome.SECOND_TIME, Outcome.WRONG):
                detail = translate("nurse", "{outcome}. Chose: {chosen}. Right answer: {right}").format(
                    outcome=detail,
                    chosen=translate("nurse", "; then ").join(answer.attempts),
                    right=answer.right_option,
                )
            if answer.gone_over:
                gone_over = translate_marked("nurse", GONE_OVER_TEXT)
                detail += "\n" + translate("nurse", "✓ Gone over with the patient ({gone_over}: recorded)").format(
                    gone_over=gone_over.lower()
                )
            answer_label = label(f"{OUTCOME_MARKS[answer.outcome]} {answer.question}\n{detail}")
            answer_label.setProperty("problem", answer.needs_going_over or answer.outcome is Outcome.NOT_ANSWERED)
            self.questions_box.addWidget(answer_label)
            if answer.needs_going_over:
                went = button(translate_marked("nurse", GONE_OVER_TEXT), name=f"gone-over-{answer.question_id}")
                went.clicked.connect(functools.partial(self.gone_over.emit, answer.question_id))
                self.questions_box.addWidget(went, 0, Qt.AlignmentFlag.AlignLeft)
        if not summary.questions:
            self.questions_box.addWidget(label(translate("nurse", "No check questions for this procedure."), "small"))
        escort_problem = not record.escort_answer.settled
        for row, (name, value) in enumerate(summary.escort):
            shown = label(value)
            shown.setProperty("problem", escort_problem)
            self._add_to_grid(self.escort_grid, row, (label(name, "caption", wrap=False), shown))
        for kind, reason in summary.overrides:
            self.overrides_box.addWidget(label(f"{OVERRIDE_WORDS.get(kind, kind)}: {reason}"))
        self.overrides_caption.setVisible(bool(summary.overrides))
        for call in summary.help_calls:
            self.help_box.addWidget(label(call))
        self.help_caption.setVisible(bool(summary.help_calls))

        self._items = checklist.checklist_for(record)
        for check in self._items:
            tick = TickRow(check.text, name=f"check-{check.id}")
            tick.setChecked(kept.get(check.id, False))
            tick.toggled.connect(self._refresh)
            self.checklist_box.addWidget(tick)
            self.tick_rows[check.id] = tick
        self.blockers.setText(
            translate("nurse", "Cannot sign off yet:\n") + "\n".join(f"• {b}" for b in summary.blockers)
        )
        self.blockers.setVisible(bool(summary.blockers))
        self._refresh()
        self.scroll_to_top()
        if kept and self.scroll_area is not None:
            # The same record again (after "I went over this"): the nurse stays where they were, once the new
            # rows are laid out.
            QTimer.singleShot(0, self, functools.partial(self._scroll_back, position))

    def clear(self) -> None:
        """Remove every patient detail and tick from the screen (H3)."""
        boxes = (self.steps_grid, self.questions_box, self.escort_grid, self.overrides_box, self.help_box)
        for layout in (*boxes, self.checklist_box):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setParent(None)
                    widget.deleteLater()
                if item is not None:
                    # takeAt hands the item to the caller to delete: dropped, each review left its rows' items
                    # behind for good (issue 19, memory).
                    shiboken6.delete(item)
        self.tick_rows = {}
        self._items = ()
        self.summary = None
        self._record_id = ""
        self.patient_line.clear()
        self.header.set_context("")
        self.blockers.clear()
        self.blockers.setVisible(False)
        self._refresh()

    def ticked(self) -> dict[str, bool]:
        return {item_id: row.isChecked() for item_id, row in self.tick_rows.items()}

    # -- slots -----------------------------------------------------------------------------------------------
    def _add_to_grid(self, grid: QGridLayout, row: int, widgets: tuple[QLabel, ...]) -> None:
        for column, widget in enumerate(widgets):
            grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(len(widgets) - 1, 1)

    def _scroll_back(self, position: int) -> None:
        if self.scroll_area is not None:
            self.scroll_area.verticalScrollBar().setValue(position)

    def _refresh(self) -> None:
        missing = checklist.missing(self._items, self.ticked())
        reason: str
        if self.summary is None:
            reason = translate("nurse", "Nothing to sign off.")
        elif self.summary.blockers:
            reason = translate("nurse", "Cannot sign off yet: see the box on the right.")
        elif missing:
            reason = translate("nurse", "Tick the checklist to sign off ({left} left).").format(left=len(missing))
        else:
            reason = translate("nurse", "Ready: you will be asked for your PIN.")
        self.why_not.setText(reason)
        self.sign_button.setEnabled(self.summary is not None and not self.summary.blockers and not missing)

    def _sign_off(self) -> None:
        if self.summary is None or self.summary.blockers or checklist.missing(self._items, self.ticked()):
            return  # refused: the button is disabled, this guards a queued click
        self.sign_off_requested.emit(checklist.answers(self._items, self.ticked()))
