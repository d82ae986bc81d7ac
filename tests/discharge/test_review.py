"""The review summary: question outcomes from the attempts, and what blocks sign-off."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from kiosk.content import personalise
from kiosk.content.loader import load_library
from kiosk.content.model import Factor
from kiosk.discharge.review import Outcome, no_escort_reason, outcome, said_nobody, summarise
from kiosk.record.model import AnswerAttempt, DischargeState, Escort, StepConfirmation
from tests.ui.nurse.records import NOW, record

BLOCK = load_library(today=NOW.date()).get("nerve-root-block")


def attempt(correct: bool, minutes: int) -> AnswerAttempt:
    return AnswerAttempt("q", 0 if correct else 1, correct, NOW + timedelta(minutes=minutes))


def test_outcomes() -> None:
    assert outcome(()) is Outcome.NOT_ANSWERED
    assert outcome((attempt(True, 1),)) is Outcome.FIRST_TIME
    assert outcome((attempt(True, 2), attempt(False, 1))) is Outcome.SECOND_TIME, "ordered by time, not by list"
    assert outcome((attempt(False, 1), attempt(False, 2))) is Outcome.WRONG
    assert outcome((attempt(False, 1),)) is Outcome.WRONG


def complete(factors: frozenset[Factor]):
    base = dataclasses.replace(record(1, "A B", DischargeState.AWAITING_NURSE, procedure_id=BLOCK.id), factors=factors)
    steps = [s.id for s in personalise.applicable_steps(BLOCK, factors)] + ["warning-signs"]
    questions = personalise.questions_for(BLOCK, factors)
    return dataclasses.replace(
        base,
        confirmations=tuple(StepConfirmation(s, NOW) for s in steps),
        answers=tuple(AnswerAttempt(q.id, q.answer, True, NOW) for q in questions),
        escort=Escort("C D", "friend", "+447700900123", "07700 900123", NOW + timedelta(hours=24)),
    )


def test_a_complete_record_can_be_signed_off_and_lists_only_its_steps() -> None:
    summary = summarise(complete(frozenset()), BLOCK)
    assert summary.can_sign_off
    headings = [line.heading for line in summary.steps]
    assert "Check your blood sugar" not in headings
    assert headings[-1].startswith("Warning signs")
    diabetic = summarise(complete(frozenset({Factor.DIABETIC})), BLOCK)
    assert "Check your blood sugar" in [line.heading for line in diabetic.steps]


def test_nobody_staying_needs_the_nurse_reason() -> None:
    nobody = dataclasses.replace(complete(frozenset()), escort=None, no_escort_reason="")
    assert said_nobody(nobody)
    assert no_escort_reason(nobody) is None
    assert not summarise(nobody, BLOCK).can_sign_off
    with_override = dataclasses.replace(nobody, overrides=(("no-escort", "Stays on the ward"),))
    assert no_escort_reason(with_override) == "Stays on the ward"
    summary = summarise(with_override, BLOCK)
    assert summary.can_sign_off
    assert summary.escort == (("Nobody", "Stays on the ward"),)


def test_not_yet_answered_escort_blocks() -> None:
    unanswered = dataclasses.replace(complete(frozenset()), escort=None, no_escort_reason=None)
    assert not said_nobody(unanswered)
    assert "has not said who is staying" in " ".join(summarise(unanswered, BLOCK).blockers)
