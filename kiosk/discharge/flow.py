"""The patient's part of a discharge: which screens, in which order, and what each choice saves.

Plain Python, no Qt: the screens only display a ``PatientScreen`` and report what the person chose; this module
decides what comes next and writes every confirmation to the record store the moment it happens (hazard H6), so
a dead battery or an idle wipe loses nothing the patient already confirmed.

Decisions that matter for safety (see ``docs/HAZARDS.md``):
- only the steps and questions that apply to this patient's factors are shown (``kiosk.content.personalise``);
- a wrong answer shows the explanation and asks once more; both attempts are saved; after a second wrong answer
  the walk goes on and the nurse's review shows the question as "go over this with the patient";
- the escort screen cannot be skipped: it ends either with a valid escort (phone validated) or with "nobody",
  which stops the patient part and needs a nurse's recorded reason before sign-off (H4);
- resuming after an idle wipe starts again at the welcome screen (the patient sees their own first name, H3),
  then jumps to the first screen not yet done; confirmed steps stay confirmed and can be revisited with Back;
- every choice names the screen it was made on (``PatientScreen.key``); a choice for a screen that is no longer
  the current one (a second tap that arrived after the first moved the walk on) is ignored, so no step counts as
  confirmed unless the patient was shown it (H10).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from kiosk.content.model import CheckQuestion, Factor, Procedure, Step
from kiosk.i18n import fill, translate
from kiosk.record.model import DischargeRecord, Escort, EscortAnswer

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2
WARNING_SIGNS_ID = "warning-signs"
"""Saved as a step confirmation when the patient confirms they have read the warning signs."""


class FlowStore(Protocol):
    """What the walk needs from ``kiosk.records.store.RecordStore`` (each call commits)."""

    def confirm_step(self, record_id: str, step_id: str, content: Mapping[str, str] | None = None) -> object: ...

    def record_answer(
        self, record_id: str, question_id: str, chosen: int, correct: bool, content: Mapping[str, str] | None = None
    ) -> object: ...

    def record_escort(self, record_id: str, escort: Escort) -> object: ...

    def record_no_escort(self, record_id: str) -> object: ...

    def set_language(self, record_id: str, code: str) -> object: ...


class ScreenKind(StrEnum):
    WELCOME = "welcome"
    STEP = "step"
    QUESTION = "question"
    WARNING_SIGNS = "warning-signs"
    ESCORT = "escort"
    THANK_YOU = "thank-you"


@dataclass(frozen=True)
class PatientScreen:
    """One patient screen; ``number``/``total`` give "Step 3 of 9" (steps) or "Question 1 of 3" (questions)."""

    kind: ScreenKind
    key: str
    step: Step | None = None
    question: CheckQuestion | None = None
    number: int = 0
    total: int = 0

    @property
    def progress(self) -> str:
        if self.kind is ScreenKind.STEP:
            return fill(translate("patient", "Step {number} of {total}"), number=self.number, total=self.total)
        if self.kind is ScreenKind.QUESTION:
            return fill(translate("patient", "Question {number} of {total}"), number=self.number, total=self.total)
        return ""


def _applicable(procedure: Procedure, factors: frozenset[Factor]) -> tuple[tuple[Step, ...], tuple[CheckQuestion, ...]]:
    from kiosk.content import personalise

    return personalise.applicable_steps(procedure, factors), personalise.questions_for(procedure, factors)


def patient_screens(procedure: Procedure, factors: frozenset[Factor]) -> tuple[PatientScreen, ...]:
    """The ordered screens for this patient: welcome, each step that applies, each question, warning signs,
    escort, thank you."""
    steps, questions = _applicable(procedure, factors)
    screens = [PatientScreen(ScreenKind.WELCOME, "welcome")]
    screens += [
        PatientScreen(ScreenKind.STEP, f"step:{step.id}", step=step, number=n, total=len(steps))
        for n, step in enumerate(steps, start=1)
    ]
    screens += [
        PatientScreen(ScreenKind.QUESTION, f"question:{q.id}", question=q, number=n, total=len(questions))
        for n, q in enumerate(questions, start=1)
    ]
    screens += [
        PatientScreen(ScreenKind.WARNING_SIGNS, WARNING_SIGNS_ID),
        PatientScreen(ScreenKind.ESCORT, "escort"),
        PatientScreen(ScreenKind.THANK_YOU, "thank-you"),
    ]
    return tuple(screens)


@dataclass(frozen=True)
class AnswerOutcome:
    """What the question screen shows after a choice: well done, or the explanation and (maybe) a retry."""

    correct: bool
    attempt: int
    explanation: str
    right_option: str
    ask_again: bool


class WalkEnd(StrEnum):
    NOT_YET = "not-yet"
    FINISHED = "finished"  # reached thank you with an escort recorded
    NEEDS_NURSE = "needs-nurse"  # "nobody is staying with me"


class PatientWalk:
    """Where the patient is in their screens, and the record of what they have done so far.

    Holds patient details (the record), so the session drops it on an idle wipe.
    """

    def __init__(
        self,
        procedure: Procedure,
        record: DischargeRecord,
        store: FlowStore,
        *,
        resumed: bool = False,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        self.procedure = procedure
        self.record_id = record.record_id
        self.first_name = record.patient.first_name
        self.procedure_ended = record.procedure_ended
        self.large_print = record.large_print
        self.factors: frozenset[Factor] = frozenset(record.factors)
        # What this patient is told: only the signs, timings, contacts and escort hours that apply to them.
        self.shown = procedure.for_patient(self.factors)
        self.language = record.language
        self.resumed = resumed
        self._factors = record.factors
        # The procedure's text the screens use: the procedure, or its translation in the patient's language
        # (``show_content``); ``shown`` is it for this patient.
        self.content = procedure
        # Which text that is, kept with each confirmation and answer (content_language.audit_facts): set by the
        # screens with the content; English until then.
        self.content_facts: Mapping[str, str] = {"content_language": "en"}
        # A nurse's reason for using draft content on this discharge ("draft-leaflet", kiosk.discharge.session's
        # DRAFT_LEAFLET_OVERRIDE): a draft translation needs it (kiosk.discharge.content_language).
        self.draft_reason_given = any(kind == "draft-leaflet" for kind, _ in record.overrides)
        self.screens = patient_screens(procedure, record.factors)
        self._store = store
        self._on_saved = on_saved
        self._confirmed: set[str] = set(record.confirmed_step_ids)
        self._attempts: dict[str, list[bool]] = {}
        for attempt in record.answers:
            self._attempts.setdefault(attempt.question_id, []).append(attempt.correct)
        # A named escort, or "nobody" with a nurse's reason, settles the escort screen.
        answer = record.escort_answer
        self._escort_done = answer.settled
        self.end = WalkEnd.FINISHED if answer is EscortAnswer.NAMED and self._all_done() else WalkEnd.NOT_YET
        self.index = 0

    # -- where we are -----------------------------------------------------------------------------------------
    @property
    def current(self) -> PatientScreen:
        return self.screens[self.index]

    def is_done(self, screen: PatientScreen) -> bool:
        if screen.kind is ScreenKind.STEP:
            assert screen.step is not None
            return screen.step.id in self._confirmed
        if screen.kind is ScreenKind.QUESTION:
            assert screen.question is not None
            return self.question_settled(screen.question.id)
        if screen.kind is ScreenKind.WARNING_SIGNS:
            return WARNING_SIGNS_ID in self._confirmed
        if screen.kind is ScreenKind.ESCORT:
            return self._escort_done
        return screen.kind is ScreenKind.WELCOME

    def question_settled(self, question_id: str) -> bool:
        attempts = self._attempts.get(question_id, [])
        return any(attempts) or len(attempts) >= MAX_ATTEMPTS

    def attempts(self, question_id: str) -> int:
        return len(self._attempts.get(question_id, []))

    def _all_done(self) -> bool:
        return all(self.is_done(s) for s in self.screens if s.kind is not ScreenKind.THANK_YOU)

    def first_open_index(self) -> int:
        """The first screen after the welcome that still needs the patient (thank you if all are done)."""
        for index, screen in enumerate(self.screens):
            if screen.kind is not ScreenKind.WELCOME and not self.is_done(screen):
                return index
        return len(self.screens) - 1

    @property
    def can_go_back(self) -> bool:
        return 0 < self.index and self.current.kind not in (ScreenKind.THANK_YOU,)

    # -- what the patient chose -------------------------------------------------------------------------------
    def is_current(self, key: str) -> bool:
        """Whether ``key`` names the screen the patient is on; a tap meant for another screen is logged."""
        if key == self.current.key:
            return True
        log.info("a tap for %s ignored: the patient is on %s", key, self.current.key)
        return False

    def begin(self, key: str) -> PatientScreen:
        """From the welcome screen: the first step, or after a resume the first screen not yet done."""
        if not self.is_current(key):
            return self.current
        self._expect(ScreenKind.WELCOME)
        self.index = self.first_open_index() if self.resumed else 1
        return self.current

    def understand(self, key: str) -> PatientScreen:
        """ "I understand" on the step or warning signs screen ``key``: saved now, then the next screen."""
        if not self.is_current(key):
            return self.current
        screen = self.current
        if screen.kind is ScreenKind.STEP:
            assert screen.step is not None
            step_id = screen.step.id
        elif screen.kind is ScreenKind.WARNING_SIGNS:
            step_id = WARNING_SIGNS_ID
        else:
            raise FlowError(f"'I understand' is not an action on the {screen.kind} screen")
        if step_id not in self._confirmed:
            self._store.confirm_step(self.record_id, step_id, self.content_facts)
            self._confirmed.add(step_id)
            self._saved()
        return self._advance()

    def answer(self, key: str, chosen: int) -> AnswerOutcome | None:
        """Record one attempt at question ``key`` (saved now) and say what the screen shows next (None: the tap
        was for a screen no longer shown, nothing saved)."""
        if not self.is_current(key):
            return None
        screen = self._expect(ScreenKind.QUESTION)
        question = screen.question
        assert question is not None
        if not 0 <= chosen < len(question.options):
            raise FlowError(f"option {chosen} is not one of the {len(question.options)} options")
        correct = chosen == question.answer
        self._store.record_answer(self.record_id, question.id, chosen, correct, self.content_facts)
        attempts = self._attempts.setdefault(question.id, [])
        attempts.append(correct)
        self._saved()
        return AnswerOutcome(
            correct=correct,
            attempt=len(attempts),
            explanation=question.explanation,
            right_option=question.right_option,
            ask_again=not correct and len(attempts) < MAX_ATTEMPTS,
        )

    def after_answer(self, key: str) -> PatientScreen:
        """Leave the answer feedback: the same question again if it is not settled, else the next screen."""
        if not self.is_current(key):
            return self.current
        screen = self._expect(ScreenKind.QUESTION)
        assert screen.question is not None
        if not self.question_settled(screen.question.id):
            return screen
        return self._advance()

    def record_escort(
        self, key: str, name: str, relationship: str, phone_text: str, stays_until: datetime
    ) -> PatientScreen:
        """Validate and save the escort given on screen ``key``; raises ``ValidationError`` (with a
        patient-readable title) if not valid. A tap for a screen no longer shown saves nothing."""
        from kiosk.record import fields

        if not self.is_current(key):
            return self.current
        self._expect(ScreenKind.ESCORT)
        name = fields.validate_person_name(name, field="escort_name")
        relationship = fields.validate_relationship(relationship)
        e164, display = fields.normalise_phone(phone_text)
        escort = Escort(
            name=name, relationship=relationship, phone=e164, phone_display=display, stays_until=stays_until
        )
        self._store.record_escort(self.record_id, escort)
        self._escort_done = True
        self._saved()
        screen = self._advance()
        if screen.kind is ScreenKind.THANK_YOU:
            self.end = WalkEnd.FINISHED
        return screen

    def nobody(self, key: str) -> bool:
        """ "Nobody is staying with me" on screen ``key``: saved now; the patient part stops until a nurse records
        a reason. False (nothing saved) for a tap meant for a screen no longer shown."""
        if not self.is_current(key):
            return False
        self._expect(ScreenKind.ESCORT)
        self._store.record_no_escort(self.record_id)
        self._saved()
        self.end = WalkEnd.NEEDS_NURSE
        return True

    def choose_language(self, code: str) -> bool:
        """The patient chose a language on the welcome screen: saved now (with its audit row). Returns whether it
        changed. Where they are in the walk and what they have done stay as they are: only the words change."""
        if code == self.language:
            return False
        self._store.set_language(self.record_id, code)
        self.language = code
        self._saved()
        return True

    def show_content(self, shown: Procedure) -> None:
        """Show ``shown`` (the procedure in the patient's language, or the English one) from now on, at the same
        place in the walk. A translation must have the English file's steps, questions and answers in the same
        order (the content check makes sure): the record keeps the English ids, and an answer is its index."""
        screens = patient_screens(shown, self._factors)
        if [s.key for s in screens] != [s.key for s in self.screens] or any(
            a.question is not None and (b.question is None or a.question.answer != b.question.answer)
            for a, b in zip(self.screens, screens, strict=True)
        ):
            raise FlowError(f"the content shown for {self.procedure.id} does not match its steps and questions")
        self.content = shown
        self.shown = shown.for_patient(self.factors)
        self.screens = screens

    def back(self) -> PatientScreen:
        if self.can_go_back:
            self.index -= 1
        return self.current

    # -- helpers ----------------------------------------------------------------------------------------------
    def _advance(self) -> PatientScreen:
        """The next screen; jumping over screens already done only when resuming (so Back/forward is normal)."""
        self.index = min(self.index + 1, len(self.screens) - 1)
        if self.current.kind is ScreenKind.THANK_YOU and not self._all_done():
            # Something earlier is still open (e.g. Back then forward after a resume): go there, never past it.
            self.index = self.first_open_index()
        if self.current.kind is ScreenKind.THANK_YOU and self._escort_done:
            self.end = WalkEnd.FINISHED
        return self.current

    def _expect(self, kind: ScreenKind) -> PatientScreen:
        if self.current.kind is not kind:
            raise FlowError(f"expected the {kind} screen, the patient is on {self.current.kind}")
        return self.current

    def _saved(self) -> None:
        if self._on_saved is not None:
            self._on_saved()


class FlowError(RuntimeError):
    """A screen asked for something the flow does not allow here: a bug, shown only as "please ask a nurse"."""
