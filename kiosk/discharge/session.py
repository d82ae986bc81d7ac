"""The whole discharge as a state machine: who holds the tablet and what they may do next.

locked -> nurse PIN -> nurse home -> new discharge -> patient walk (``flow.PatientWalk``) -> nurse review ->
sign-off PIN -> print -> sheet in hand -> locked. Plain Python, no Qt: the Qt controller calls one method per
thing a person did and shows the screen for ``stage``. Every change is written to the record store first, so
the state on screen is never ahead of what is saved (H6).

The session is the only object that holds a patient's details in memory; ``wipe()`` drops them (idle, lock,
error, end of a discharge), which is half of the H3/H8 idle wipe (the controller clears the widgets).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from kiosk.discharge import review
from kiosk.discharge.content_language import Localise, english_only
from kiosk.discharge.flow import PatientWalk, WalkEnd
from kiosk.discharge.help_call import HelpCall
from kiosk.errors import KioskError
from kiosk.record.model import NO_ESCORT_OVERRIDE, DischargeRecord, DischargeState, EscortAnswer

if TYPE_CHECKING:
    from kiosk.content.loader import Library
    from kiosk.content.model import Procedure
    from kiosk.discharge.new_discharge import NewDischarge
    from kiosk.records.first_nurse import FirstNurseSetup
    from kiosk.records.nurses import NurseAccounts, SignInResult
    from kiosk.records.store import RecordStore

log = logging.getLogger(__name__)

EXPIRED_LEAFLET_OVERRIDE = "expired-leaflet"
DRAFT_LEAFLET_OVERRIDE = "draft-leaflet"  # content not yet approved, used on a ward that allows drafts


class Stage(StrEnum):
    LOCKED = "locked"
    FIRST_NURSE = "first-nurse"
    PIN = "pin"
    NEW_PIN = "new-pin"  # signed in with a PIN shorter than today's rule: a new one first (issue 13 F3)
    NURSE_HOME = "nurse-home"
    NEW_DISCHARGE = "new-discharge"
    PATIENT = "patient"
    NO_ESCORT = "no-escort"  # patient screen: nobody is staying, please ask a nurse
    REASON = "reason"
    REVIEW = "review"
    PRINT = "print"
    ERROR = "error"
    CLOSED = "closed"
    HELP = "help"  # the patient tapped "I need help": "A nurse is on the way" until a nurse's PIN


PATIENT_STAGES = frozenset({Stage.PATIENT, Stage.NO_ESCORT})
NURSE_STAGES = frozenset({Stage.NURSE_HOME, Stage.NEW_DISCHARGE, Stage.REASON, Stage.REVIEW, Stage.PRINT})


class PinPurpose(StrEnum):
    UNLOCK = "unlock"
    NO_ESCORT = "no-escort"
    SIGN_OFF = "sign-off"
    CLOSE = "close"
    HELP = "help"
    TAKE_BACK = "take-back"  # the patient is done: the review (and its checklist) only behind a nurse's PIN (F9)


PIN_TITLES: dict[PinPurpose, str] = {
    PinPurpose.UNLOCK: "Nurse sign-in",
    PinPurpose.NO_ESCORT: "Nurse: nobody is staying with the patient",
    PinPurpose.SIGN_OFF: "Sign off this discharge",
    PinPurpose.CLOSE: "Close the kiosk",
    PinPurpose.HELP: "Nurse: answer the patient's call for help",
    PinPurpose.TAKE_BACK: "Nurse: take the tablet back",
}


class ReasonPurpose(StrEnum):
    NO_ESCORT = "no-escort"
    ABANDON = "abandon"


REASON_PROMPTS: dict[ReasonPurpose, tuple[str, str]] = {
    ReasonPurpose.NO_ESCORT: (
        "Nobody is staying with the patient",
        "Why is it safe to discharge this patient without an adult staying with them for 24 hours? "
        "Cancel to hand the tablet back so the patient can name someone.",
    ),
    ReasonPurpose.ABANDON: ("Abandon this discharge", "Why is this discharge being abandoned?"),
}


class SessionStore(Protocol):
    def start_discharge(self, *args: object, **kwargs: object) -> DischargeRecord: ...
    def get(self, record_id: str) -> DischargeRecord: ...
    def set_state(self, record_id: str, state: DischargeState) -> object: ...
    def record_override(self, record_id: str, kind: str, reason: str, nurse_name: str) -> object: ...
    def sign_off(self, record_id: str, nurse_name: str, checklist: tuple[tuple[str, bool], ...]) -> object: ...
    def abandon(self, record_id: str, reason: str, nurse_name: str) -> object: ...


class SessionError(KioskError):
    """Something the nurse must know about and can act on (shown on the nurse screen, not as a crash).

    Raising a ``KioskError`` is how the plain-Python logic tells the nurse something; the Qt controller's
    ``handle_error`` shows it (``Flow.show_nurse_message``)."""


class PinRefused(SessionError):
    """The PIN did not sign the nurse in (wrong, locked, not an active account): what the PIN screen says, sent
    the way every message for the nurse is (the controller shows it on the PIN pad's own line)."""

    def __init__(self, result: SignInResult) -> None:
        super().__init__(result.message())
        self.result = result


class KioskSession:
    def __init__(
        self,
        store: RecordStore,
        accounts: NurseAccounts,
        library: Callable[[], Library],
        now: Callable[[], datetime],
        first_nurse: FirstNurseSetup | None = None,
    ) -> None:
        self.store = store
        self.accounts = accounts
        self.first_nurse = first_nurse
        self._library = library
        self._now = now
        self.on_change: Callable[[], None] | None = None
        # The procedure in the patient's language (kiosk.discharge.content_language): the translation loader in
        # the kiosk (kiosk.app.build_flow), English for a session built alone.
        self.localise: Localise = english_only
        self.stage = Stage.LOCKED
        self.pin_purpose = PinPurpose.UNLOCK
        self.reason_purpose = ReasonPurpose.NO_ESCORT
        self.nurse: str | None = None
        self.record_id: str | None = None
        self.procedure: Procedure | None = None
        self.walk: PatientWalk | None = None
        self.help: HelpCall[Stage] = HelpCall(store)
        self.reprint = False
        self._before_pin = Stage.LOCKED
        self._pending_checklist: tuple[tuple[str, bool], ...] = ()
        self._reason_target: str | None = None
        self._pin_change_for: str | None = None  # the nurse who signed in with a short PIN, until they change it

    # -- the record in hand -----------------------------------------------------------------------------------
    def record(self) -> DischargeRecord:
        if self.record_id is None:
            raise SessionError("No discharge is open")
        return self.store.get(self.record_id)

    def library(self) -> Library:
        return self._library()

    def wipe(self) -> None:
        """Forget every patient detail held in memory (what is saved stays in the store)."""
        self.nurse = None
        self.record_id = None
        self.procedure = None
        self.walk = None
        self.help.forget()
        self.reprint = False
        self._pending_checklist = ()
        self._reason_target = None
        self._pin_change_for = None

    # -- nurse sign-in ----------------------------------------------------------------------------------------
    def nurse_requested(self) -> None:
        """The "Nurse" button: from the start or error screen, during the walk, or when the patient is done."""
        if self.stage is Stage.LOCKED and self.first_nurse_setup_open():
            self._go(Stage.FIRST_NURSE)
            return
        if self.stage is Stage.PATIENT and self.walk is not None and self.walk.end is WalkEnd.FINISHED:
            self._ask_pin(PinPurpose.TAKE_BACK)  # cancel goes back to the patient's "thank you"
            return
        if self.stage is Stage.HELP:
            self._ask_pin(PinPurpose.HELP)  # cancel goes back to "A nurse is on the way"
            return
        purpose = PinPurpose.NO_ESCORT if self.stage is Stage.NO_ESCORT else PinPurpose.UNLOCK
        self._ask_pin(purpose)

    def help_requested(self) -> tuple[str, datetime] | None:
        """ "I need help" on a patient screen: "A nurse is on the way" at once (issue 12 item 7). Returns the call
        to save on the discharge (record id, time of the tap: ``help.save_request``), or None: no patient screen,
        or a call is already open (a second tap is no second call). The walk is kept exactly as it is."""
        if self.stage not in PATIENT_STAGES or self.record_id is None:
            return None
        at = self._now()
        if not self.help.open(self.record_id, self.stage, at):
            return None
        self._go(Stage.HELP)
        return self.record_id, at

    @property
    def help_pending(self) -> bool:
        """A call for help is open and showing: "A nurse is on the way", or the PIN pad opened to answer it."""
        return self.help.active and (
            self.stage is Stage.HELP or (self.stage is Stage.PIN and self.pin_purpose is PinPurpose.HELP)
        )

    def nurse_idle(self) -> None:
        """A nurse screen (or the PIN pad) left untouched: it locks. But a PIN pad opened to answer a call for help
        goes back to "A nurse is on the way": the patient is still waiting, and their walk is not wiped (H3)."""
        if self.stage is Stage.PIN and self.pin_purpose is PinPurpose.HELP:
            self.pin_cancelled()
        else:
            self.lock()

    def first_nurse_setup_open(self) -> bool:
        """The on-screen set-up only on a kiosk that never had a nurse (F1); otherwise, with no active account,
        the PIN screen says to ask ward IT."""
        if self.first_nurse is None or self.accounts.has_any():
            return False
        return self.first_nurse.allowed()

    def first_nurse_created(self, name: str, pin: str, code: str) -> None:
        """Needs IT's one-time set-up code (``kiosk.records.first_nurse``); the code is gone once the nurse is."""
        if self.first_nurse is None or self.accounts.has_any():
            raise SessionError("No nurse can sign in on this kiosk: ask ward IT", "IT: main.py nurses add or enable")
        self.first_nurse.check(code)
        self.accounts.add(name, pin)
        self.nurse = name
        self._go(Stage.NURSE_HOME)

    def close_requested(self) -> None:
        if self.stage is not Stage.PIN:
            self._ask_pin(PinPurpose.CLOSE)

    def nurse_names(self) -> list[str]:
        return [account.name for account in self.accounts.list() if not account.disabled]

    def pin_entered(self, name: str, pin: str) -> None:
        """Check the PIN and act on it; raises ``PinRefused`` (wrong, locked) for the PIN screen to say."""
        self.sign_in_result(self.accounts.verify(name, pin))

    def sign_in_result(self, result: SignInResult) -> None:
        """Act on a checked PIN (the screen checks it off the GUI thread with ``accounts.verify``); a PIN that
        did not sign the nurse in raises ``PinRefused``."""
        if self.stage is not Stage.PIN:
            return  # the PIN screen was left (cancel, idle lock) while the PIN was being checked
        if not result.ok:
            raise PinRefused(result)
        if result.must_change_pin:
            # Right, but too short for today's rule: nothing goes on until the nurse has chosen a new PIN.
            self._pin_change_for = result.name
            self._go(Stage.NEW_PIN)
            return
        self._signed_in(result.name)

    def new_pin_chosen(self, pin: str) -> None:
        """The new PIN (checked by ``new_nurse.validate_new_pin_twice`` on the screen, and again by the store);
        then what the nurse signed in for goes ahead."""
        name = self._pin_change_for
        if name is None:
            raise SessionError("Sign in again to change your PIN")
        self.accounts.set_pin(name, pin, by=name)
        self._pin_change_for = None
        self._signed_in(name)

    def new_pin_cancelled(self) -> None:
        """No new PIN, no sign-in: back where the PIN was asked for, as if it had been cancelled."""
        self._pin_change_for = None
        self.pin_cancelled()

    def _signed_in(self, name: str) -> None:
        purpose = self.pin_purpose
        self.nurse = name
        if purpose is PinPurpose.CLOSE:
            self.wipe()
            self._go(Stage.CLOSED)
        elif purpose is PinPurpose.NO_ESCORT:
            self._ask_reason(ReasonPurpose.NO_ESCORT, self.record_id)
        elif purpose is PinPurpose.SIGN_OFF:
            self._sign_off(name)
        elif purpose is PinPurpose.TAKE_BACK:
            self._take_back()
        elif purpose is PinPurpose.HELP:
            # The nurse came: the call is answered under their name and the tablet goes back to the patient,
            # on the screen they were on (the nurse is not left signed in on a patient screen).
            back = self.help.answered(name)
            self.nurse = None
            self._go(back)
        else:
            self.walk = None  # a nurse taking over mid-walk: the discharge stays resumable from the list
            self.record_id = None
            self._go(Stage.NURSE_HOME)

    def locked_colleagues(self) -> list[str]:
        """Accounts locked after too many wrong PINs that the signed-in nurse may unlock (not their own)."""
        nurse = self._require_nurse()
        return [
            account.name
            for account in self.accounts.list()
            if account.locked_out and not account.disabled and account.name.casefold() != nurse.casefold()
        ]

    def unlock_colleague(self, name: str) -> None:
        """Another nurse, signed in, lifts a colleague's lock-out (issue 13 F4); audited under their name."""
        self.accounts.unlock(name, by=self._require_nurse())
        self._go(Stage.NURSE_HOME)

    def pin_cancelled(self) -> None:
        if self.pin_purpose is PinPurpose.SIGN_OFF:
            self._go(Stage.REVIEW)
        else:
            self._go(self._before_pin)

    # -- nurse home -------------------------------------------------------------------------------------------
    def today_discharges(self) -> list[DischargeRecord]:
        """Today's discharges, plus any older one still unfinished or with a sheet nobody confirmed (H5)."""
        records = self.store.nurse_home(self._now().date())
        return sorted(records, key=lambda record: record.created_at, reverse=True)

    def procedure_titles(self) -> dict[str, str]:
        return {procedure.id: procedure.title for procedure in self.library().procedures}

    def new_discharge(self) -> None:
        self._go(Stage.NEW_DISCHARGE)

    def new_discharge_cancelled(self) -> None:
        self._go(Stage.NURSE_HOME)

    def discharge_submitted(self, new: NewDischarge) -> None:
        """Save the new discharge, then hand the tablet to the patient (the nurse's sign-in ends here)."""
        nurse = self._require_nurse()
        procedure = self.library().get(new.procedure_id)
        draft = procedure.document.is_draft or new.draft_translation
        record = self.store.start_discharge(
            patient=new.patient,
            procedure=procedure,
            procedure_ended=new.procedure_ended,
            side_level=new.side_level,
            medicines=new.medicines,
            factors=new.factors,
            large_print=new.large_print,
            nurse_name=nurse,
            language=new.language,
        )
        if new.expired_reason:
            kind = DRAFT_LEAFLET_OVERRIDE if draft else EXPIRED_LEAFLET_OVERRIDE
            self.store.record_override(record.record_id, kind, new.expired_reason, nurse)
        self.store.set_state(record.record_id, DischargeState.WITH_PATIENT)
        self._open_walk(record.record_id, procedure, resumed=False)

    def resume(self, record_id: str) -> None:
        """Carry on an unfinished discharge from wherever its record says it stopped."""
        self._require_nurse()
        record = self.store.get(record_id)
        procedure = self._procedure_for(record)
        self.record_id, self.procedure = record_id, procedure
        if record.state in (DischargeState.STARTED, DischargeState.WITH_PATIENT):
            if record.escort_answer is EscortAnswer.NOBODY:
                # The patient said "nobody" and no nurse has recorded a reason yet (H4).
                self._ask_reason(ReasonPurpose.NO_ESCORT, record_id)
                return
            self.store.set_state(record_id, DischargeState.WITH_PATIENT)
            self._open_walk(record_id, procedure, resumed=True)
        elif record.state is DischargeState.AWAITING_NURSE:
            self._go(Stage.REVIEW)
        elif record.state in (DischargeState.SIGNED_OFF, DischargeState.PRINTED):
            self.reprint = False
            self._go(Stage.PRINT)
        else:
            raise SessionError("This discharge is already finished", "reprint it from the list if needed")

    def reprint_requested(self, record_id: str) -> None:
        self._require_nurse()
        record = self.store.get(record_id)
        if record.sign_off is None:
            raise SessionError("This discharge has not been signed off yet", "resume it to review and sign off")
        self.record_id, self.procedure = record_id, self._procedure_for(record)
        self.reprint = True
        self._go(Stage.PRINT)

    def abandon_requested(self, record_id: str) -> None:
        self._require_nurse()
        self._ask_reason(ReasonPurpose.ABANDON, record_id)

    def lock(self) -> None:
        """Lock button, nurse idle, patient idle countdown over, or after an error: back to the start screen."""
        self.wipe()
        self._go(Stage.LOCKED)

    # -- patient walk -----------------------------------------------------------------------------------------
    def patient_nobody(self) -> None:
        """The walk recorded "nobody": the patient screen asks for a nurse."""
        self._go(Stage.NO_ESCORT)

    def _take_back(self) -> None:
        assert self.record_id is not None
        self.store.set_state(self.record_id, DischargeState.AWAITING_NURSE)
        self.walk = None
        self._go(Stage.REVIEW)

    # -- reasons ----------------------------------------------------------------------------------------------
    def reason_prompt(self) -> tuple[str, str]:
        return REASON_PROMPTS[self.reason_purpose]

    def reason_given(self, reason: str) -> None:
        from kiosk.discharge.new_discharge import reason_problem, tidy_reason

        problem = reason_problem(reason) if reason.strip() else "Please write a reason"
        if problem:
            raise SessionError(problem)  # hidden or control characters, too long (F8): never echoed
        reason = tidy_reason(reason)
        nurse = self._require_nurse()
        target = self._reason_target
        assert target is not None
        if self.reason_purpose is ReasonPurpose.ABANDON:
            self.store.abandon(target, reason, nurse)
            self.wipe()
            self.nurse = nurse
            self._go(Stage.NURSE_HOME)
            return
        self.store.record_override(target, NO_ESCORT_OVERRIDE, reason, nurse)
        self.store.set_state(target, DischargeState.AWAITING_NURSE)
        self.record_id = target
        self.walk = None
        self._go(Stage.REVIEW)

    def reason_cancelled(self) -> None:
        if self.reason_purpose is ReasonPurpose.ABANDON:
            self._go(Stage.NURSE_HOME)
            return
        # No reason for "nobody": the tablet goes back to the patient on the escort screen to name someone.
        assert self._reason_target is not None
        self.record_id = self._reason_target
        self.procedure = self._procedure_for(self.store.get(self._reason_target))
        self.nurse = None
        self._open_walk(self._reason_target, self.procedure, resumed=True)

    # -- review and sign-off ----------------------------------------------------------------------------------
    def review_back(self) -> None:
        if self.nurse is None:
            self._ask_pin(PinPurpose.UNLOCK)
        else:
            self.record_id = None
            self._go(Stage.NURSE_HOME)

    def sign_off_blockers(self, record: DischargeRecord) -> list[str]:
        """Why this record cannot be signed off yet ([] if it can)."""
        problems = []
        if not record.escort_answer.settled:
            problems.append("No adult is recorded as staying with the patient, and no nurse gave a reason.")
        if record.state not in (DischargeState.AWAITING_NURSE, DischargeState.WITH_PATIENT):
            problems.append(f"This discharge is {record.state.value}, not awaiting sign-off.")
        if self.procedure is not None:
            problems.extend(review.not_gone_over_blockers(review.summarise(record, self.procedure)))
        return problems

    def question_gone_over(self, question_id: str) -> None:
        """The nurse went over a check question the patient still had wrong after two tries: a recorded fact
        (an override with its audit row, by this nurse), without which sign-off is refused (F9)."""
        nurse = self._require_nurse()
        if self.stage is not Stage.REVIEW or self.procedure is None:
            raise SessionError("Open the discharge's review first")
        record = self.record()
        summary = review.summarise(record, self.procedure)
        line = next((q for q in summary.questions if q.question_id == question_id), None)
        if line is None or line.outcome is not review.Outcome.WRONG:
            raise SessionError("That question does not need going over")
        if not line.gone_over:
            self.store.record_override(
                record.record_id, review.GONE_OVER_OVERRIDE, review.gone_over_reason(line), nurse
            )
        self._go(Stage.REVIEW)

    def sign_off_requested(self, checklist: tuple[tuple[str, bool], ...]) -> None:
        if self.stage is not Stage.REVIEW or self.nurse is None:
            raise SessionError("Sign-off is from the nurse's review, after the nurse's PIN")  # F9
        blockers = self.sign_off_blockers(self.record())
        if blockers:
            raise SessionError(blockers[0])
        self._pending_checklist = tuple(checklist)
        self._ask_pin(PinPurpose.SIGN_OFF)

    def _sign_off(self, nurse: str) -> None:
        assert self.record_id is not None
        self.store.sign_off(self.record_id, nurse, self._pending_checklist)
        self._pending_checklist = ()
        self.reprint = False
        self._go(Stage.PRINT)

    def print_finished(self) -> None:
        """Done with the print screen: a new sheet ends the discharge (locked); a reprint goes back to the list."""
        if self.reprint and self.nurse is not None:
            nurse = self.nurse
            self.wipe()
            self.nurse = nurse
            self._go(Stage.NURSE_HOME)
        else:
            self.lock()

    # -- errors -----------------------------------------------------------------------------------------------
    def failed(self) -> None:
        """An unexpected error: forget what is in memory; the saved record lets a nurse resume."""
        self.wipe()
        self._go(Stage.ERROR)

    # -- internals --------------------------------------------------------------------------------------------
    def _open_walk(self, record_id: str, procedure: Procedure, *, resumed: bool) -> None:
        record = self.store.get(record_id)
        self.record_id, self.procedure = record_id, procedure
        self.nurse = None
        self.walk = PatientWalk(procedure, record, self.store, resumed=resumed)
        self._go(Stage.PATIENT)

    def _procedure_for(self, record: DischargeRecord) -> Procedure:
        """The procedure the record was started with; refuses if its content changed since (H1)."""
        try:
            procedure = self.library().get(record.procedure_id)
        except KeyError as exc:
            raise SessionError(
                f"The leaflet '{record.procedure_id}' is no longer in the library",
                "start a new discharge with the current leaflet",
            ) from exc
        if not record.has_content_of(procedure):
            raise SessionError(
                f"The leaflet '{procedure.title}' has changed since this discharge started",
                "abandon this discharge and start a new one, so the patient sees the current advice",
            )
        return procedure

    def _ask_pin(self, purpose: PinPurpose) -> None:
        if self.stage is not Stage.PIN:
            self._before_pin = self.stage
        self.pin_purpose = purpose
        self._go(Stage.PIN)

    def _ask_reason(self, purpose: ReasonPurpose, record_id: str | None) -> None:
        self.reason_purpose = purpose
        self._reason_target = record_id
        self._go(Stage.REASON)

    def _require_nurse(self) -> str:
        if self.nurse is None:
            raise SessionError("A nurse must sign in first")
        return self.nurse

    def _go(self, stage: Stage) -> None:
        log.info("stage %s -> %s", self.stage.value, stage.value)
        self.stage = stage
        if self.on_change is not None:
            self.on_change()
