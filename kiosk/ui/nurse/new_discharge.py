"""The nurse starts a discharge: procedure, patient, when it ended, side and level, medicines, factors.

The screen collects what was typed into a ``DischargeForm`` and asks ``validate_new_discharge`` (plain Python)
whether it is right; each problem is shown next to its field. Only a checked ``NewDischarge`` leaves the screen.
Safety: no procedure is chosen for the nurse (H1); a leaflet past its review date says so in words and needs a
reason (H2); broken leaflet files are listed so the nurse knows why a procedure is missing.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.loader import Library, Problem
from kiosk.content.model import FACTOR_LABELS, Factor, Procedure, ReviewState
from kiosk.discharge.content_language import Localise, english_only, nurse_notice
from kiosk.discharge.new_discharge import (
    DRAFT_REFUSED,
    MAX_REASON_LENGTH,
    DischargeForm,
    FormErrors,
    format_date_digits,
    medicines_after_ticks,
    offered_factors,
    prefilled_medicines,
    unprintable_name_warning,
    validate_new_discharge,
)
from kiosk.i18n import translate, translate_marked
from kiosk.record.fields import MAX_NAME_LENGTH
from kiosk.record.timeline import format_dob
from kiosk.ui.keypad import KeypadField
from kiosk.ui.nurse.base import GAP, FormField, NursePage
from kiosk.ui.nurse.form_parts import (
    CardButton,
    EndTimePicker,
    LanguagePicker,
    MedicinesEditor,
    SideLevelPicker,
    TickRow,
)
from kiosk.ui.nurse.reason import EXPIRED_LEAFLET_REASONS
from kiosk.ui.widgets import button, label, limit_text

REVIEW_WORDS = {
    ReviewState.CURRENT: "Up to date: review date",
    ReviewState.DUE_SOON: "Review due soon:",
    ReviewState.EXPIRED: "⚠ PAST ITS REVIEW DATE:",
}
MAX_PROBLEMS_SHOWN = 4


def format_nhs_digits(digits: str) -> str:
    """NHS numbers are read out in groups: ``9434765919`` -> ``943 476 5919``."""
    return " ".join(part for part in (digits[:3], digits[3:6], digits[6:]) if part)


def procedure_choice_lines(procedure: Procedure, now: datetime) -> tuple[str, str, str]:
    """Title; version and approval; review state and date: what the nurse must see before choosing (H1, H2).

    A draft is never "Up to date": its review line says DRAFT first.
    """
    state = procedure.review_state(now.date())
    document = procedure.document
    review = format_dob(document.review)
    if document.is_draft:
        approval = "⚠ DRAFT - not yet approved"
        review_line = f"Review date {review}" if state is ReviewState.CURRENT else f"{REVIEW_WORDS[state]} {review}"
    else:
        approval = document.approval
        review_line = f"{REVIEW_WORDS[state]} {review}"
    return procedure.title, f"Version {document.version} · {approval}", review_line


def problems_text(problems: tuple[Problem, ...]) -> str:
    """Broken leaflet files in a few lines: which file, where, what (the check command has the detail)."""
    errors = [p for p in problems if p.is_error]
    if not errors:
        return ""
    lines = ["Some leaflet files have errors, so their procedures may be missing. Tell the leaflet team:"]
    for problem in errors[:MAX_PROBLEMS_SHOWN]:
        where = Path(problem.file).name + (f" line {problem.line}" if problem.line is not None else "")
        lines.append(f"• {where}: {problem.message}")
    if len(errors) > MAX_PROBLEMS_SHOWN:
        lines.append(f"• ... and {len(errors) - MAX_PROBLEMS_SHOWN} more (python main.py check lists them all)")
    return "\n".join(lines)


class NewDischargeScreen(NursePage):
    """``load(library, now)``; emits ``submitted(NewDischarge)`` or ``cancelled()``."""

    submitted = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New discharge", parent=parent)
        self._library: Library | None = None
        self._now: datetime | None = None
        self._allow_drafts = False
        self._procedure: Procedure | None = None
        # The procedure in the patient's language (the session's, set by the nurse wiring): see _show_procedure.
        self.localise: Localise = english_only
        self.fields: dict[str, FormField] = {}
        self._build_procedure_part()
        self._build_patient_part()
        self._build_procedure_details()

        columns = QHBoxLayout()
        columns.setSpacing(GAP * 3)
        for column in (self.left, self.right):
            holder = QWidget()
            holder.setLayout(column)
            column.setContentsMargins(0, 0, 0, 0)
            # Two equal halves whatever the buttons would like: the content is made to fit half the screen.
            holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            columns.addWidget(holder, 1)
        self.body.addLayout(columns)
        self.body.addStretch(1)

        self.cancel_button = button(translate("nurse", "Cancel"), name="new-cancel")
        self.cancel_button.clicked.connect(self._cancel)
        self.summary = label("", "field-error")
        self.summary.setObjectName("new-summary")
        self.summary.setVisible(False)
        self.submit_button = button(translate("nurse", "Hand to patient"), "primary", name="new-submit")
        self.submit_button.clicked.connect(self._submit)
        self.footer.addWidget(self.cancel_button)
        self.footer.addWidget(self.summary, 1)
        self.footer.addStretch(0)
        self.footer.addWidget(self.submit_button)

    # -- building ----------------------------------------------------------------------------------------------
    def _field(self, key: str, caption: str, widget: QWidget, hint: str = "") -> FormField:
        field = FormField(caption, widget, hint)
        field.setObjectName(f"field-{key}")
        self.fields[key] = field
        return field

    def _build_procedure_part(self) -> None:
        self.left = QVBoxLayout()
        self.left.setSpacing(GAP)
        self.left.addWidget(label(translate("nurse", "1. Procedure"), "section"))
        self.problems_label = label("", "warning")
        self.problems_label.setObjectName("library-problems")
        self.problems_label.setVisible(False)
        self.left.addWidget(self.problems_label)
        self.procedure_box = QVBoxLayout()
        self.procedure_box.setSpacing(GAP)
        self.procedure_buttons: dict[str, CardButton] = {}
        self._procedures = QButtonGroup(self)
        self._procedures.buttonClicked.connect(self._procedure_clicked)
        procedures = QWidget()
        procedures.setLayout(self.procedure_box)
        self.procedure_box.setContentsMargins(0, 0, 0, 0)
        self.left.addWidget(
            self._field("procedure", translate("nurse", "Which procedure did the patient have?"), procedures)
        )

        self.review_notice = label("", "warning")
        self.review_notice.setObjectName("review-notice")
        self.review_notice.setVisible(False)
        self.left.addWidget(self.review_notice)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("expired-reason")
        self.reason_edit.setPlaceholderText(translate("nurse", "Why is it right to use it today?"))
        self.reason_picks: list[CardButton] = []
        reason = QWidget()
        reason_box = QVBoxLayout(reason)
        reason_box.setContentsMargins(0, 0, 0, 0)
        reason_box.setSpacing(GAP // 2)
        reason_box.addWidget(self.reason_edit)
        for index, text in enumerate(EXPIRED_LEAFLET_REASONS):
            pick = CardButton((text,), name=f"expired-pick-{index}")
            pick.setCheckable(False)
            pick.clicked.connect(lambda _=False, t=text: self.reason_edit.setText(t))
            self.reason_picks.append(pick)
            reason_box.addWidget(pick)
        self.reason_field = self._field("expired_reason", translate("nurse", "Reason for using this leaflet"), reason)
        limit_text(self.reason_edit, MAX_REASON_LENGTH, self.reason_field.set_error)
        self.reason_field.setVisible(False)
        self.left.addWidget(self.reason_field)

    def _build_patient_part(self) -> None:
        self.left.addWidget(label(translate("nurse", "2. Patient"), "section"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("patient-name")
        self.name_edit.setPlaceholderText(translate("nurse", "Full name, as on the wristband"))
        self.dob_field = KeypadField(
            translate("nurse", "Date of birth"),
            placeholder=translate("nurse", "DD/MM/YYYY"),
            max_length=8,
            formatter=format_date_digits,
            name="dob",
        )
        self.hospital_edit = QLineEdit()
        self.hospital_edit.setObjectName("hospital-number")
        self.hospital_edit.setPlaceholderText(translate("nurse", "From the wristband"))
        self.nhs_field = KeypadField(
            translate("nurse", "NHS number (optional)"),
            placeholder=translate("nurse", "Optional"),
            max_length=10,
            formatter=format_nhs_digits,
            name="nhs",
        )
        name_field = self._field("patient_name", translate("nurse", "Name"), self.name_edit)
        limit_text(self.name_edit, MAX_NAME_LENGTH, name_field.set_error)
        self.left.addWidget(name_field)
        self.name_warning = label("", "warning")
        self.name_warning.setObjectName("name-unprintable")
        self.name_warning.setVisible(False)
        self.name_edit.textChanged.connect(self._name_changed)
        self.left.addWidget(self.name_warning)
        self.left.addWidget(self._field("date_of_birth", translate("nurse", "Date of birth"), self.dob_field))
        self.left.addWidget(self._field("hospital_number", translate("nurse", "Hospital number"), self.hospital_edit))
        self.left.addWidget(self._field("nhs_number", translate("nurse", "NHS number (optional)"), self.nhs_field))
        self.left.addStretch(1)

    def _build_procedure_details(self) -> None:
        self.right = QVBoxLayout()
        self.right.setSpacing(GAP)
        self.right.addWidget(label(translate("nurse", "3. The procedure"), "section"))
        self.ended = EndTimePicker()
        self.right.addWidget(self._field("procedure_ended", translate("nurse", "When it ended"), self.ended))

        self.side_level = SideLevelPicker()
        self.side_field = self._field("side", translate("nurse", "Side"), self.side_level.side_row)
        self.level_field = self._field("level", translate("nurse", "Level"), self.side_level.level_row)
        self.right.addWidget(self.side_field)
        self.right.addWidget(self.level_field)

        self.medicines = MedicinesEditor()
        self.right.addWidget(self._field("medicines", translate("nurse", "Medicines given"), self.medicines))

        self.right.addWidget(label(translate("nurse", "4. About the patient"), "section"))
        # Every factor has its row, but only those the chosen procedure's content uses are shown (offered_factors).
        self.factor_rows: dict[Factor, TickRow] = {}
        factors = QGridLayout()
        factors.setVerticalSpacing(GAP // 2)
        for index, (factor, text) in enumerate(FACTOR_LABELS.items()):
            row = TickRow(text, name=f"factor-{factor.value}")
            row.setVisible(False)
            row.toggled.connect(self._ticks_changed)
            self.factor_rows[factor] = row
            factors.addWidget(row, index, 0)
        self.right.addLayout(factors)
        self.no_factors = label("", "small")
        self.no_factors.setObjectName("no-factors")
        self.no_factors.setVisible(False)
        self.right.addWidget(self.no_factors)
        self._ticked: frozenset[Factor] = frozenset()
        self.large_print = TickRow(translate("nurse", "Large print sheet"), name="large-print")
        self.right.addWidget(self.large_print)
        self.language = LanguagePicker()
        self.language.changed.connect(lambda: self._show_procedure(self._procedure))
        self.right.addWidget(self._field("language", translate("nurse", "The patient's language"), self.language))
        # Which text the patient will read: the procedure in their language, or English and why (H2, H13).
        self.language_notice = label("", "small")
        self.language_notice.setObjectName("content-language")
        self.language_notice.setVisible(False)
        self.right.addWidget(self.language_notice)
        self.right.addStretch(1)

    # -- public API --------------------------------------------------------------------------------------------
    def load(self, library: Library, now: datetime, allow_drafts: bool = False) -> None:
        """Show ``library``'s procedures and problems, with an empty form and the end time set to ``now``.

        ``allow_drafts`` is the ward's ``content.allow_drafts``: a draft is listed either way (marked DRAFT),
        but without it choosing one says it cannot be used here.
        """
        self.clear()
        self._library = library
        self._now = now
        self._allow_drafts = allow_drafts
        for procedure in library.procedures:
            choice = CardButton(procedure_choice_lines(procedure, now), name=f"procedure-{procedure.id}")
            choice.setProperty("procedure_id", procedure.id)
            self._procedures.addButton(choice)
            self.procedure_box.addWidget(choice)
            self.procedure_buttons[procedure.id] = choice
        if not library.procedures:
            self.fields["procedure"].set_error("No procedure could be loaded: the kiosk cannot start a discharge.")
        problems = problems_text(library.problems)
        self.problems_label.setText(problems)
        self.problems_label.setVisible(bool(problems))
        self.ended.start(now)
        self._show_procedure(None)
        self.scroll_to_top()

    def set_now(self, now: datetime) -> None:
        """Move the screen's "now" on (limits of the end time, review state stay as loaded)."""
        self._now = now
        self.ended.set_now(now)

    def choose_procedure(self, procedure_id: str) -> None:
        """As if the nurse tapped that procedure (used to resume a form and in tests)."""
        self.procedure_buttons[procedure_id].click()

    def form(self) -> DischargeForm:
        """What is on the screen now, unchecked."""
        return DischargeForm(
            procedure_id=self._procedure.id if self._procedure else "",
            patient_name=self.name_edit.text(),
            date_of_birth=self.dob_field.value(),
            hospital_number=self.hospital_edit.text(),
            nhs_number=self.nhs_field.value(),
            procedure_ended=self.ended.value(),
            side=self.side_level.side(),
            level=self.side_level.level(),
            medicines=self.medicines.medicines(),
            factors=self.ticked_factors(),
            large_print=self.large_print.isChecked(),
            expired_reason=self.reason_edit.text(),
            language=self.language.language(),
        )

    def ticked_factors(self) -> frozenset[Factor]:
        """The factors ticked among those offered for the chosen procedure (a hidden row is never ticked)."""
        offered = offered_factors(self._procedure)
        return frozenset(f for f in offered if self.factor_rows[f].isChecked())

    def offered(self) -> tuple[Factor, ...]:
        """The factor ticks shown now, in order."""
        return offered_factors(self._procedure)

    def errors(self) -> dict[str, str]:
        """The messages now shown next to the fields (for tests and the idle wipe check)."""
        return {key: field.error_text() for key, field in self.fields.items() if field.error_text()}

    def clear(self) -> None:
        """Wipe every patient detail and choice from the form (idle wipe, end of a discharge: H3)."""
        for choice in list(self.procedure_buttons.values()):
            self._procedures.removeButton(choice)
            self.procedure_box.removeWidget(choice)
            choice.setParent(None)
            choice.deleteLater()
        self.procedure_buttons = {}
        self._procedure = None
        self._library = None
        self.problems_label.clear()
        self.problems_label.setVisible(False)
        self.name_edit.clear()
        self.dob_field.clear()
        self.hospital_edit.clear()
        self.nhs_field.clear()
        self.ended.clear()
        self.side_level.clear()
        self.medicines.clear()
        for row in self.factor_rows.values():
            row.setChecked(False)
        self._ticked = frozenset()
        self.large_print.setChecked(False)
        self.language.clear()
        self.reason_edit.clear()
        self._show_errors({})
        self._show_procedure(None)

    # -- slots -------------------------------------------------------------------------------------------------
    def _name_changed(self, name: str) -> None:
        warning = unprintable_name_warning(name)
        self.name_warning.setText(warning)
        self.name_warning.setVisible(bool(warning))

    def _procedure_clicked(self, choice: QPushButton) -> None:
        if self._library is None:
            return
        procedure = self._library.get(str(choice.property("procedure_id")))
        changed = self._procedure is None or procedure.id != self._procedure.id
        self._show_procedure(procedure)
        if changed:
            self.medicines.set_medicines(prefilled_medicines(procedure, self.ticked_factors()))
            self._ticked = self.ticked_factors()
        self.fields["procedure"].set_error("")

    def _show_procedure(self, procedure: Procedure | None) -> None:
        self._procedure = procedure
        self.header.set_context(procedure.title if procedure else "")
        state = procedure.review_state(self._now.date()) if procedure and self._now else ReviewState.CURRENT
        review = format_dob(procedure.document.review) if procedure else ""
        # The content the patient will read: a draft translation in the preset language is a draft too (H2).
        localised = (
            self.localise(procedure, self.language.language(), allow_drafts=self._allow_drafts)
            if procedure is not None
            else None
        )
        shown = localised.procedure if localised is not None else None
        notice = nurse_notice(localised) if localised is not None else ""
        self.language_notice.setText(notice)
        self.language_notice.setVisible(bool(notice))
        draft = shown is not None and shown.document.is_draft
        approver = shown.document.approved_by if shown is not None else ""
        notices = []
        if draft and not self._allow_drafts:
            notices.append(
                translate("nurse", "{refused} ({approver})").format(
                    refused=translate_marked("nurse", DRAFT_REFUSED), approver=approver
                )
            )
        elif draft:
            notices.append(
                translate(
                    "nurse",
                    "This leaflet is a DRAFT: nobody has approved it for use yet ({approver}). "
                    "Use it only if you are sure its advice is right, and record why. Its sheet says DRAFT - not yet "
                    "approved.",
                ).format(approver=approver)
            )
        if state is ReviewState.EXPIRED:
            notices.append(
                translate(
                    "nurse",
                    "This leaflet passed its review date on {review}. Use it only if you are sure its advice is still "
                    "right, and record why. Tell the leaflet team it needs reviewing.",
                ).format(review=review)
            )
        elif state is ReviewState.DUE_SOON:
            notices.append(
                translate("nurse", "This leaflet is due for review on {review}: please tell the leaflet team.").format(
                    review=review
                )
            )
        warn = draft or state is ReviewState.EXPIRED
        self.review_notice.setText("\n".join(notices))
        self.review_notice.setProperty("role", "warning" if warn else "notice")
        self.review_notice.style().unpolish(self.review_notice)
        self.review_notice.style().polish(self.review_notice)
        self.review_notice.setVisible(bool(notices))
        asks_reason = warn and not (draft and not self._allow_drafts)
        self.reason_field.setVisible(asks_reason)
        if not asks_reason:
            self.reason_edit.clear()
        asks = procedure is not None and procedure.asks_side_and_level
        self.side_field.setVisible(asks)
        self.level_field.setVisible(asks)
        self._show_factors(procedure)

    def _show_factors(self, procedure: Procedure | None) -> None:
        """Only the ticks this procedure's advice depends on; a tick that no longer applies is cleared."""
        offered = set(offered_factors(procedure))
        for factor, row in self.factor_rows.items():
            if factor not in offered and row.isChecked():
                row.setChecked(False)
            row.setVisible(factor in offered)
        self.no_factors.setText(
            translate("nurse", "Nothing in this leaflet depends on the patient's medical details: no questions here.")
            if procedure
            else ""
        )
        self.no_factors.setVisible(procedure is not None and not offered)

    def _ticks_changed(self, _: bool = False) -> None:
        """A factor ticked or unticked: the prefilled medicines follow (midazolam only with sedation)."""
        now = self.ticked_factors()
        if self._procedure is not None and now != self._ticked:
            lines = medicines_after_ticks(self.medicines.medicines(), self._procedure, self._ticked, now)
            if lines != self.medicines.medicines():
                self.medicines.set_medicines(lines)
        self._ticked = now

    def _submit(self) -> None:
        if self._now is None:
            return
        try:
            form = self.form()
            english = self._procedure
            shown = (
                english
                if english is None
                else self.localise(english, form.language, allow_drafts=self._allow_drafts).procedure
            )
            new_discharge = validate_new_discharge(
                form,
                shown,
                self._now,
                self._allow_drafts,
                english_approved=english is not None and not english.document.is_draft,
            )
        except FormErrors as problems:
            self._show_errors(problems.errors)
            return
        self._show_errors({})
        self.submitted.emit(new_discharge)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, field in self.fields.items():
            field.set_error(errors.get(key, ""))
        count = len(errors)
        self.summary.setText(
            translate("nurse", "1 thing to put right: see the messages above")
            if count == 1
            else translate("nurse", "{count} things to put right: see the messages above").format(count=count)
        )
        self.summary.setVisible(bool(count))
        first = next((field for key, field in self.fields.items() if key in errors), None)
        if first is not None:
            # After the messages just shown have been laid out, or the scroll position is computed too early.
            QTimer.singleShot(0, lambda: self.scroll_to(first.error))

    def _cancel(self) -> None:
        self.clear()
        self.cancelled.emit()
