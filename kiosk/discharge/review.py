"""What the nurse reviews before sign-off, worked out from the saved record (never from what is on screen).

For each step that applies to this patient: confirmed or not, and when; for each check question: right first
time, right at the second attempt, or still wrong (go over it again); the escort or the recorded reason why
there is none; the nurse overrides. ``blockers`` lists what stops sign-off: a step not confirmed, a question
not answered, nobody staying with no reason recorded (H4). Plain Python; the review screen only displays it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.content import personalise
from kiosk.content.model import Procedure
from kiosk.discharge.flow import WARNING_SIGNS_ID
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.record.model import HELP_ANSWERED, HELP_REQUESTED, AnswerAttempt, DischargeRecord, EscortAnswer
from kiosk.record.timeline import format_clock

"""The override kind the record store reads as the no-escort reason (``kiosk.records.reading``)."""

GONE_OVER_OVERRIDE = "went-over-question"
"""The nurse's "I went over this with the patient" for a question still wrong after two tries (F9); its reason
starts with the question id, so the acknowledgement is tied to one question of this record."""
GONE_OVER_TEXT = QT_TRANSLATE_NOOP("nurse", "I went over this with the patient")

WARNING_SIGNS_HEADING = "Warning signs: when to get help"


class Outcome(StrEnum):
    FIRST_TIME = "Right first time"
    SECOND_TIME = "Right at the second attempt"
    WRONG = "Still wrong: go over this with the patient"
    NOT_ANSWERED = "Not answered"


@dataclass(frozen=True)
class StepLine:
    step_id: str
    heading: str
    confirmed_at: datetime | None

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


@dataclass(frozen=True)
class QuestionLine:
    question_id: str
    question: str
    right_option: str
    outcome: Outcome
    attempts: tuple[str, ...]
    """The options the patient chose, in order."""
    gone_over: bool = False
    """A nurse recorded "I went over this with the patient" (only asked when the answer is still wrong)."""

    @property
    def needs_going_over(self) -> bool:
        return self.outcome is Outcome.WRONG and not self.gone_over


@dataclass(frozen=True)
class ReviewSummary:
    steps: tuple[StepLine, ...]
    questions: tuple[QuestionLine, ...]
    escort: tuple[tuple[str, str], ...]
    """(label, value) pairs for the escort, or one ("Nobody", reason) pair."""
    overrides: tuple[tuple[str, str], ...]
    blockers: tuple[str, ...]
    help_calls: tuple[str, ...] = ()
    """One line per "I need help" the patient tapped: when, and when and by whom it was answered."""

    @property
    def can_sign_off(self) -> bool:
        return not self.blockers


def outcome(attempts: tuple[AnswerAttempt, ...]) -> Outcome:
    ordered = sorted(attempts, key=lambda attempt: attempt.answered_at)
    if not ordered:
        return Outcome.NOT_ANSWERED
    if ordered[0].correct:
        return Outcome.FIRST_TIME
    if len(ordered) > 1 and ordered[1].correct:
        return Outcome.SECOND_TIME
    return Outcome.WRONG


def summarise(record: DischargeRecord, procedure: Procedure) -> ReviewSummary:
    """The review of ``record``; ``procedure`` must be the one the record names (checked: H1)."""
    if procedure.id != record.procedure_id:
        raise ValueError(f"record {record.record_id} is for {record.procedure_id}, not {procedure.id}")
    confirmed = {c.step_id: c.confirmed_at for c in record.confirmations}
    applicable = personalise.applicable_steps(procedure, record.factors)
    steps = [StepLine(step.id, step.heading, confirmed.get(step.id)) for step in applicable]
    steps.append(StepLine(WARNING_SIGNS_ID, WARNING_SIGNS_HEADING, confirmed.get(WARNING_SIGNS_ID)))

    gone_over = {reason.split(":", 1)[0] for kind, reason in record.overrides if kind == GONE_OVER_OVERRIDE}
    questions = []
    for question in personalise.questions_for(procedure, record.factors):
        attempts = tuple(a for a in record.answers if a.question_id == question.id)
        chosen = tuple(_option(question.options, a.chosen) for a in sorted(attempts, key=lambda a: a.answered_at))
        result = outcome(attempts)
        done = result is Outcome.WRONG and question.id in gone_over
        questions.append(QuestionLine(question.id, question.question, question.right_option, result, chosen, done))

    escort = _escort_lines(record)
    blockers = _blockers(record, tuple(steps), tuple(questions))
    decisions = tuple(pair for pair in record.overrides if pair[0] != GONE_OVER_OVERRIDE)  # shown by each question
    return ReviewSummary(tuple(steps), tuple(questions), escort, decisions, blockers, help_lines(record))


def help_lines(record: DischargeRecord) -> tuple[str, ...]:
    """The patient's calls for help (issue 12 item 7), each with the nurse's PIN that answered it. A call with no
    answer was open when the kiosk was cleared (an error, a restart): the review says so."""
    lines: list[list[str]] = []
    for event in record.help_calls:
        if event.kind == HELP_REQUESTED:
            lines.append([f"{event.at:%H:%M} The patient asked for help", "not answered on the kiosk"])
        elif event.kind == HELP_ANSWERED and lines and lines[-1][1].startswith("not answered"):
            lines[-1][1] = f"answered {event.at:%H:%M} by {event.nurse_name}"
    return tuple(f"{asked}: {answer}" for asked, answer in lines)


def gone_over_reason(line: QuestionLine) -> str:
    """The override's reason for ``line``: its id first (read back by ``summarise``), then the words."""
    return f"{line.question_id}: {GONE_OVER_TEXT}"


def not_gone_over_blockers(summary: ReviewSummary) -> tuple[str, ...]:
    """A question still wrong after two tries blocks sign-off until the nurse went over it (F9)."""
    return _not_gone_over(summary.questions)


def _not_gone_over(questions: tuple[QuestionLine, ...]) -> tuple[str, ...]:
    waiting = [line.question for line in questions if line.needs_going_over]
    if not waiting:
        return ()
    return ("Still wrong after two tries, not yet gone over with the patient: " + "; ".join(waiting),)


def _option(options: tuple[str, ...], index: int) -> str:
    return options[index] if 0 <= index < len(options) else f"option {index + 1}"


def _escort_lines(record: DischargeRecord) -> tuple[tuple[str, str], ...]:
    if record.escort is not None:
        escort = record.escort
        return (
            ("Name", escort.name),
            ("Relationship", escort.relationship),
            ("Phone", escort.phone_display),
            ("Stays until", format_clock(escort.stays_until)),
        )
    if record.escort_answer is EscortAnswer.NOT_ANSWERED:
        return (("Not answered", "The patient has not reached this question yet"),)
    return (("Nobody", record.escort_reason or "No reason recorded yet"),)


def said_nobody(record: DischargeRecord) -> bool:
    """The patient answered "nobody is staying with me" (with or without a nurse's reason yet)."""
    return record.escort_answer in (EscortAnswer.NOBODY, EscortAnswer.NOBODY_EXCUSED)


def no_escort_reason(record: DischargeRecord) -> str | None:
    """The nurse's recorded reason for discharging with nobody staying, or None if there is none yet."""
    return record.escort_reason


def _blockers(
    record: DischargeRecord, steps: tuple[StepLine, ...], questions: tuple[QuestionLine, ...]
) -> tuple[str, ...]:
    blockers: list[str] = []
    unconfirmed = [line.heading for line in steps if not line.confirmed]
    if unconfirmed:
        blockers.append("Not confirmed by the patient: " + "; ".join(unconfirmed))
    unanswered = [line.question for line in questions if line.outcome is Outcome.NOT_ANSWERED]
    if unanswered:
        blockers.append("Not answered: " + "; ".join(unanswered))
    blockers.extend(_not_gone_over(questions))
    answer = record.escort_answer
    if answer is EscortAnswer.NOT_ANSWERED:
        blockers.append("The patient has not said who is staying with them")
    elif answer is EscortAnswer.NOBODY:
        blockers.append("Nobody is staying with the patient, and no nurse's reason is recorded")
    return tuple(blockers)
