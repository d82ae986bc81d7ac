"""The shape of a discharge record, shared by the record store, the sheet and the screens.

The store (``kiosk.records``) persists and returns these; the sheet (``kiosk.sheet``) is built only from a
``DischargeRecord`` and the procedure it names (hazard H1: never from what happens to be on screen).
All datetimes are timezone-aware local times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kiosk.content.model import Factor, Procedure


class DischargeState(StrEnum):
    STARTED = "started"
    WITH_PATIENT = "with-patient"
    AWAITING_NURSE = "awaiting-nurse"
    SIGNED_OFF = "signed-off"
    PRINTED = "printed"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


UNFINISHED_STATES = frozenset(
    {
        DischargeState.STARTED,
        DischargeState.WITH_PATIENT,
        DischargeState.AWAITING_NURSE,
        DischargeState.SIGNED_OFF,
        DischargeState.PRINTED,
    }
)


@dataclass(frozen=True)
class Patient:
    name: str
    date_of_birth: date
    hospital_number: str
    nhs_number: str | None = None

    @property
    def first_name(self) -> str:
        parts = self.name.split()
        return parts[0] if parts else self.name


@dataclass(frozen=True)
class Escort:
    """The responsible adult who takes the patient home and stays with them.

    ``phone`` is normalised E.164 (``+447700900123``); ``phone_display`` is how it is shown and printed.
    """

    name: str
    relationship: str
    phone: str
    phone_display: str
    stays_until: datetime


@dataclass(frozen=True)
class StepConfirmation:
    step_id: str
    confirmed_at: datetime


@dataclass(frozen=True)
class AnswerAttempt:
    question_id: str
    chosen: int
    correct: bool
    answered_at: datetime


@dataclass(frozen=True)
class SignOff:
    nurse_name: str
    signed_at: datetime
    checklist: tuple[tuple[str, bool], ...] = ()


HELP_REQUESTED = "requested"
"""A patient tapped "I need help" (issue 12 item 7)."""
HELP_ANSWERED = "answered"
"""A nurse's PIN answered the patient's call for help."""


@dataclass(frozen=True)
class HelpEvent:
    """One line of a discharge's calls for help: the patient's call, or the nurse who answered it."""

    kind: str  # HELP_REQUESTED or HELP_ANSWERED
    at: datetime
    nurse_name: str = ""


NO_ESCORT_OVERRIDE = "no-escort"
"""The override a nurse records to discharge a patient with nobody staying (its reason is the escort reason)."""


class EscortAnswer(StrEnum):
    """Who stays with the patient for the first 24 hours, as the record says (H4)."""

    NOT_ANSWERED = "not-answered"  # the patient has not reached the question
    NAMED = "named"  # an adult is named: ``record.escort``
    NOBODY = "nobody"  # "Nobody is staying with me", and no nurse has recorded why that is safe yet
    NOBODY_EXCUSED = "nobody-excused"  # nobody, and a nurse's reason is recorded (``record.escort_reason``)

    @property
    def settled(self) -> bool:
        """Sign-off may go ahead as far as the escort is concerned."""
        return self in (EscortAnswer.NAMED, EscortAnswer.NOBODY_EXCUSED)


@dataclass(frozen=True)
class DischargeRecord:
    """Everything known about one discharge at the moment it was read from the store."""

    record_id: str
    created_at: datetime
    patient: Patient
    procedure_id: str
    procedure_version: str
    content_hash: str
    procedure_ended: datetime
    side_level: str = ""
    medicines: tuple[str, ...] = ()
    factors: frozenset[Factor] = frozenset()
    large_print: bool = False
    state: DischargeState = DischargeState.STARTED
    escort: Escort | None = None
    no_escort_reason: str | None = None
    confirmations: tuple[StepConfirmation, ...] = ()
    answers: tuple[AnswerAttempt, ...] = ()
    sign_off: SignOff | None = None
    overrides: tuple[tuple[str, str], ...] = ()
    help_calls: tuple[HelpEvent, ...] = ()  # oldest first
    # The nurse who started the discharge (added for the audit export; empty in records made before it).
    started_by: str = ""
    # The patient's language (a code of ``kiosk.languages``): the nurse's preset, then the patient's own choice.
    language: str = "en"

    @property
    def confirmed_step_ids(self) -> frozenset[str]:
        return frozenset(c.step_id for c in self.confirmations)

    def has_content_of(self, procedure: Procedure) -> bool:
        """The procedure is the very one this discharge was started with: same id, same content hash (H1).

        The one check used by the session (resume) and the sheet (print). Strict: a record without a hash never
        matches, so a sheet can never carry advice nobody can show the patient saw.
        """
        return (
            procedure.id == self.procedure_id
            and bool(self.content_hash)
            and self.content_hash == procedure.content_hash
        )

    @property
    def escort_reason(self) -> str | None:
        """The nurse's reason for discharging with nobody staying (or the newest no-escort override), else None."""
        if self.escort is not None:
            return None
        if self.no_escort_reason:
            return self.no_escort_reason
        for kind, reason in reversed(self.overrides):
            if kind == NO_ESCORT_OVERRIDE and reason.strip():
                return reason
        return None

    @property
    def escort_answer(self) -> EscortAnswer:
        """Where the escort question stands: the one place that reads ``escort`` and ``no_escort_reason`` together."""
        if self.escort is not None:
            return EscortAnswer.NAMED
        if self.escort_reason is not None:
            return EscortAnswer.NOBODY_EXCUSED
        if self.no_escort_reason is not None:
            return EscortAnswer.NOBODY
        return EscortAnswer.NOT_ANSWERED


class PrintEventKind(StrEnum):
    SAVED_TO_OUTBOX = "saved-to-outbox"
    REFUSED = "refused"  # queue paused/rejecting/missing or no print system: nothing submitted
    SUBMITTED = "submitted"
    STATE = "state"  # the job or printer state changed (pending, processing, held, "out of paper"...)
    COMPLETED = "completed"
    STUCK = "stuck"  # past the deadline without completing
    FAILED = "failed"  # aborted or cancelled by CUPS
    CANCELLED = "cancelled"  # cancelled by the nurse (before a resubmit)
    SHEET_IN_HAND = "sheet-in-hand"  # the nurse confirms the patient holds the sheet


@dataclass(frozen=True)
class PrintEvent:
    """One thing that happened to a discharge's sheet; the printing service emits, the record store keeps."""

    kind: PrintEventKind
    at: datetime
    job_id: int | None = None
    queue: str = ""
    state: str = ""
    message: str = ""
    reprint: bool = False
    pdf_path: str = ""
    nurse_name: str = ""
