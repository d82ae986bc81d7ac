"""The nurse's home: today's discharges with their state in plain words, and what can be done with each.

Unfinished discharges come first (they need the nurse); a printed sheet nobody has confirmed is listed as such
until someone does (H5). Which actions a row offers is decided in ``kiosk.discharge.nurse_list``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.discharge.nurse_list import DischargeRow, rows_for
from kiosk.i18n import translate
from kiosk.record.model import DischargeRecord
from kiosk.ui.nurse.base import GAP, NursePage
from kiosk.ui.widgets import button, label


class DischargeRowWidget(QFrame):
    """One discharge: when, who, which procedure, its state, and its action buttons."""

    def __init__(self, row: DischargeRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "nurse-row")
        self.setObjectName(f"row-{row.record_id}")
        self.row = row
        self.when = label(row.when, "value", wrap=False)
        self.patient = label(row.patient, "value")
        self.patient.setObjectName("row-patient")
        self.details = label(f"{row.hospital_number} · {row.procedure}", "small")
        self.state = label(row.state_words, "small")
        self.state.setObjectName("row-state")
        self.state.setProperty("attention", row.needs_attention)

        self.resume_button = button(
            translate("nurse", "Resume"), "primary" if row.needs_attention else "", name="row-resume"
        )
        self.reprint_button = button(translate("nurse", "Reprint"), name="row-reprint")
        self.abandon_button = button(translate("nurse", "Abandon"), "danger", name="row-abandon")
        self.resume_button.setVisible(row.can_resume)
        self.reprint_button.setVisible(row.can_reprint)
        self.abandon_button.setVisible(row.can_abandon)
        self.resume_button.setMinimumHeight(56)

        text = QGridLayout()
        text.setHorizontalSpacing(GAP)
        text.setVerticalSpacing(2)
        text.addWidget(self.when, 0, 0)
        text.addWidget(self.patient, 0, 1)
        text.addWidget(self.details, 1, 1)
        text.addWidget(self.state, 2, 1)
        text.setColumnStretch(1, 1)
        text.setColumnMinimumWidth(0, 90)

        actions = QHBoxLayout()
        actions.setSpacing(GAP)
        actions.addWidget(self.abandon_button, 0, Qt.AlignmentFlag.AlignVCenter)
        actions.addSpacing(GAP)  # a wider gap keeps Abandon away from the buttons used most
        actions.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignVCenter)
        actions.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignVCenter)

        row_layout = QHBoxLayout(self)
        row_layout.setContentsMargins(20, 12, 20, 12)
        row_layout.setSpacing(GAP * 2)
        row_layout.addLayout(text, 1)
        row_layout.addLayout(actions)


class NurseHomeScreen(NursePage):
    """``show_discharges(records)``; emits what the nurse chose (record ids for the per-row actions)."""

    new_discharge = Signal()
    resume = Signal(str)
    reprint = Signal(str)
    abandon_requested = Signal(str)
    lock = Signal()
    close_kiosk = Signal()
    unlock_colleague = Signal(str)  # a colleague's account locked after too many wrong PINs (issue 13 F4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Today's discharges", parent=parent)
        self.rows: list[DischargeRowWidget] = []
        self.unlock_buttons: list[QPushButton] = []
        self.locked_caption = label(
            translate(
                "nurse",
                "Locked after too many wrong PINs today. Unlock an account only after checking with that nurse.",
            ),
            "notice",
        )
        self.locked_caption.setObjectName("home-locked")
        self.locked_caption.setVisible(False)
        self.locked_row = QHBoxLayout()
        self.locked_row.setSpacing(GAP)
        self.body.addWidget(self.locked_caption)
        self.body.addLayout(self.locked_row)
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(GAP)
        self.empty = label(translate("nurse", "No discharges yet today. Tap “New discharge” to start one."), "notice")
        self.empty.setObjectName("home-empty")
        # "Records not sent to the central store since HH:MM" (kiosk.records.central.sender), else hidden.
        self.central_warning = label("", "warning")
        self.central_warning.setObjectName("home-central-warning")
        self.central_warning.hide()
        self.body.addWidget(self.central_warning)
        self.body.addWidget(self.empty)
        self.body.addLayout(self.list_box)
        self.body.addStretch(1)

        self.close_button = button(translate("nurse", "Close kiosk"), name="home-close")
        self.lock_button = button(translate("nurse", "Lock"), name="home-lock")
        self.new_button = button(translate("nurse", "New discharge"), "primary", name="home-new")
        self.close_button.clicked.connect(self.close_kiosk)
        self.lock_button.clicked.connect(self.lock)
        self.new_button.clicked.connect(self.new_discharge)
        self.footer.addWidget(self.close_button)
        self.footer.addWidget(self.lock_button)
        self.footer.addStretch(1)
        self.footer.addWidget(self.new_button)

    def show_discharges(
        self,
        records: list[DischargeRecord],
        procedure_titles: Mapping[str, str] | None = None,
        today: date | None = None,
    ) -> None:
        """List ``records``; ``procedure_titles`` maps procedure ids to titles (the id is shown otherwise);
        ``today`` adds the date to discharges from other days (e.g. an unconfirmed sheet from yesterday)."""
        self.clear()
        for row in rows_for(records, procedure_titles, today):
            widget = DischargeRowWidget(row)
            record_id = row.record_id
            widget.resume_button.clicked.connect(lambda _=False, r=record_id: self.resume.emit(r))
            widget.reprint_button.clicked.connect(lambda _=False, r=record_id: self.reprint.emit(r))
            widget.abandon_button.clicked.connect(lambda _=False, r=record_id: self.abandon_requested.emit(r))
            self.list_box.addWidget(widget)
            self.rows.append(widget)
        self.empty.setVisible(not self.rows)
        unfinished = sum(1 for widget in self.rows if widget.row.needs_attention)
        self.header.set_context(f"{unfinished} unfinished" if unfinished else "")

    def show_locked(self, names: list[str]) -> None:
        """Colleagues whose accounts are locked out; one "Unlock" button each (the session checks who may)."""
        for old in self.unlock_buttons:
            self.locked_row.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        self.unlock_buttons = []
        for index, name in enumerate(names):
            unlock = button(translate("nurse", "Unlock {name}").format(name=name), name=f"home-unlock-{index}")
            unlock.clicked.connect(lambda _=False, n=name: self.unlock_colleague.emit(n))
            self.locked_row.addWidget(unlock)
            self.unlock_buttons.append(unlock)
        self.locked_caption.setVisible(bool(names))

    def show_central_warning(self, text: str | None) -> None:
        """The central store's backlog warning, or nothing (no central store, or it is up to date)."""
        self.central_warning.setText(text or "")
        self.central_warning.setVisible(bool(text))

    def clear(self) -> None:
        """Remove every row (patient names and numbers) from the screen."""
        for widget in self.rows:
            self.list_box.removeWidget(widget)
            widget.setParent(None)  # out of the widget tree at once, not at the next event loop turn
            widget.deleteLater()
        self.rows = []
        self.empty.setVisible(True)
        self.header.set_context("")
