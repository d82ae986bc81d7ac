"""The patient's walk in plain Python: which screens, in which order, and that every choice is saved at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.model import Factor
from kiosk.discharge.flow import (
    MAX_ATTEMPTS,
    WARNING_SIGNS_ID,
    FlowError,
    PatientWalk,
    ScreenKind,
    WalkEnd,
    patient_screens,
)
from kiosk.text import ValidationError
from tests.discharge_support import (
    BLOCK,
    ESCORT_PHONE,
    INJECTION,
    make_clock,
    make_store,
    new_discharge,
    procedure,
    start_record,
    walk_to,
)


def open_walk(tmp_path: Path, procedure_id: str = INJECTION, factors: frozenset[Factor] = frozenset()):
    clock = make_clock()
    store = make_store(tmp_path, clock)
    record = start_record(store, new_discharge(procedure_id, factors=factors))
    return store, clock, PatientWalk(procedure(procedure_id), record, store)


def kinds(walk: PatientWalk) -> list[ScreenKind]:
    return [screen.kind for screen in walk.screens]


def test_screens_in_order_welcome_steps_questions_signs_escort_thanks() -> None:
    """The order is fixed: welcome, each step, each question, warning signs, who is with you, thank you."""
    proc = procedure(INJECTION)
    screens = patient_screens(proc, frozenset())
    got = [s.kind for s in screens]
    steps = [s for s in screens if s.kind is ScreenKind.STEP]
    questions = [s for s in screens if s.kind is ScreenKind.QUESTION]
    assert got[0] is ScreenKind.WELCOME
    assert got[1 : 1 + len(steps)] == [ScreenKind.STEP] * len(steps)
    assert got[-3:] == [ScreenKind.WARNING_SIGNS, ScreenKind.ESCORT, ScreenKind.THANK_YOU]
    assert [s.step.id for s in steps if s.step] == [s.id for s in proc.steps if s.condition.applies(frozenset())]
    assert len(questions) >= 1
    assert steps[2].progress == f"Step 3 of {len(steps)}"
    assert questions[0].progress == f"Question 1 of {len(questions)}"
    assert len({s.key for s in screens}) == len(screens), "every screen has its own key"


def test_diabetic_patient_sees_blood_sugar_step_and_others_do_not() -> None:
    """Only a diabetic patient is shown the blood-sugar step (and its question)."""
    proc = procedure(BLOCK)
    diabetic = patient_screens(proc, frozenset({Factor.DIABETIC}))
    other = patient_screens(proc, frozenset())
    assert "step:blood-sugar" in [s.key for s in diabetic]
    assert "step:blood-sugar" not in [s.key for s in other]
    diabetic_questions = [s.key for s in diabetic if s.kind is ScreenKind.QUESTION]
    other_questions = [s.key for s in other if s.kind is ScreenKind.QUESTION]
    assert len(diabetic_questions) == len(other_questions) + 1


def test_each_step_confirmation_is_in_the_store_the_moment_it_is_made(tmp_path: Path) -> None:
    """'I understand' writes the confirmation before the next screen shows (H6)."""
    store, _, walk = open_walk(tmp_path)
    walk.begin(walk.current.key)
    first = walk.current
    assert first.kind is ScreenKind.STEP and first.step is not None
    assert store.get(walk.record_id).confirmations == ()
    second = walk.understand(walk.current.key)
    assert store.get(walk.record_id).confirmed_step_ids == {first.step.id}
    assert second.number == 2


def test_back_shows_the_previous_step_and_a_second_understand_is_not_saved_twice(tmp_path: Path) -> None:
    store, _, walk = open_walk(tmp_path)
    walk.begin(walk.current.key)
    walk.understand(walk.current.key)
    walk.understand(walk.current.key)
    assert walk.back().number == 2
    assert walk.back().number == 1
    assert not walk.can_go_back or walk.back().kind is ScreenKind.WELCOME
    walk_to(walk, ScreenKind.QUESTION)
    ids = [c.step_id for c in store.get(walk.record_id).confirmations]
    assert len(ids) == len(set(ids))


def test_wrong_answer_shows_explanation_then_asks_again_and_both_attempts_are_saved(tmp_path: Path) -> None:
    """A wrong answer: the explanation, the same question again; the second (right) attempt is saved too."""
    store, _, walk = open_walk(tmp_path)
    walk_to(walk, ScreenKind.QUESTION)
    question = walk.current.question
    assert question is not None
    wrong = next(i for i in range(len(question.options)) if i != question.answer)
    outcome = walk.answer(walk.current.key, wrong)
    assert not outcome.correct and outcome.ask_again
    assert outcome.explanation == question.explanation
    assert walk.after_answer(walk.current.key).question == question, "asked again"
    again = walk.answer(walk.current.key, question.answer)
    assert again.correct and again.attempt == 2
    assert walk.after_answer(walk.current.key).key != f"question:{question.id}"
    answers = [(a.question_id, a.chosen, a.correct) for a in store.get(walk.record_id).answers]
    assert answers == [(question.id, wrong, False), (question.id, question.answer, True)]


def test_two_wrong_answers_move_on_and_leave_it_for_the_nurse(tmp_path: Path) -> None:
    """After the last attempt the walk goes on (no endless loop); the record shows both wrong attempts."""
    store, _, walk = open_walk(tmp_path)
    walk_to(walk, ScreenKind.QUESTION)
    question = walk.current.question
    assert question is not None
    wrong = next(i for i in range(len(question.options)) if i != question.answer)
    outcomes = [walk.answer(walk.current.key, wrong)]
    walk.after_answer(walk.current.key)
    outcomes.append(walk.answer(walk.current.key, wrong))
    assert [o.ask_again for o in outcomes] == [True, False]
    assert len(outcomes) == MAX_ATTEMPTS
    assert walk.after_answer(walk.current.key).key != f"question:{question.id}"
    assert [a.correct for a in store.get(walk.record_id).answers] == [False, False]


def test_warning_signs_confirmation_is_saved(tmp_path: Path) -> None:
    store, _, walk = open_walk(tmp_path)
    walk_to(walk, ScreenKind.WARNING_SIGNS)
    assert walk.understand(walk.current.key).kind is ScreenKind.ESCORT
    assert WARNING_SIGNS_ID in store.get(walk.record_id).confirmed_step_ids


def test_escort_is_validated_saved_and_finishes_the_walk(tmp_path: Path) -> None:
    """A bad phone number is refused with a readable message; a good escort is saved and the walk ends."""
    from kiosk.record.timeline import escort_until

    store, _, walk = open_walk(tmp_path)
    walk_to(walk, ScreenKind.ESCORT)
    until = escort_until(walk.procedure, walk.procedure_ended)
    with pytest.raises(ValidationError) as bad:
        walk.record_escort(walk.current.key, "Ade Smith", "Son", "12345", until)
    assert "phone" in bad.value.title
    assert store.get(walk.record_id).escort is None
    assert (
        walk.record_escort(walk.current.key, "  Ade   Smith ", "Son", ESCORT_PHONE, until).kind is ScreenKind.THANK_YOU
    )
    assert walk.end is WalkEnd.FINISHED
    escort = store.get(walk.record_id).escort
    assert escort is not None
    assert (escort.name, escort.relationship, escort.phone, escort.stays_until) == (
        "Ade Smith",
        "Son",
        "+447700900123",
        until,
    )


def test_nobody_is_saved_and_stops_the_walk_for_a_nurse(tmp_path: Path) -> None:
    """'Nobody is staying with me' is saved and the walk does not reach thank you (H4)."""
    store, _, walk = open_walk(tmp_path)
    walk_to(walk, ScreenKind.ESCORT)
    walk.nobody(walk.current.key)
    assert walk.end is WalkEnd.NEEDS_NURSE
    assert walk.current.kind is ScreenKind.ESCORT
    record = store.get(walk.record_id)
    assert record.escort is None and record.no_escort_reason == ""


def test_resume_starts_at_welcome_then_jumps_to_the_first_screen_not_done(tmp_path: Path) -> None:
    """After an idle wipe the patient sees the welcome again, then carries on where they stopped."""
    store, _, walk = open_walk(tmp_path)
    walk.begin(walk.current.key)
    walk.understand(walk.current.key)
    walk.understand(walk.current.key)
    third = walk.current
    resumed = PatientWalk(walk.procedure, store.get(walk.record_id), store, resumed=True)
    assert resumed.current.kind is ScreenKind.WELCOME
    assert resumed.begin(resumed.current.key) == third


def test_actions_on_the_wrong_screen_are_refused(tmp_path: Path) -> None:
    _, _, walk = open_walk(tmp_path)
    with pytest.raises(FlowError):
        walk.understand(walk.current.key)
    with pytest.raises(FlowError):
        walk.answer(walk.current.key, 0)
    walk.begin(walk.current.key)
    with pytest.raises(FlowError):
        walk.nobody(walk.current.key)


def test_every_step_of_both_procedures_can_be_walked_to_thank_you(tmp_path: Path) -> None:
    for index, procedure_id in enumerate((INJECTION, BLOCK)):
        folder = tmp_path / str(index)
        folder.mkdir()
        store, _, walk = open_walk(folder, procedure_id, frozenset(Factor))
        walk_to(walk, ScreenKind.ESCORT)
        from kiosk.record.timeline import escort_until

        walk.record_escort(
            walk.current.key, "Ade Smith", "Son", ESCORT_PHONE, escort_until(walk.procedure, walk.procedure_ended)
        )
        record = store.get(walk.record_id)
        steps = {s.step.id for s in walk.screens if s.step}
        assert steps | {WARNING_SIGNS_ID} == record.confirmed_step_ids
        assert kinds(walk)[walk.index] is ScreenKind.THANK_YOU


def test_a_tap_meant_for_a_screen_no_longer_shown_is_ignored(tmp_path: Path) -> None:
    """H10: the second tap of a double tap on "I understand" names step 1, the walk is on step 2: step 2 is
    not confirmed, nothing is saved, the walk stays on step 2. The same for a stale answer, Next and Start."""
    store, _, walk = open_walk(tmp_path)
    welcome = walk.current
    walk.begin(welcome.key)
    first = walk.current
    assert walk.begin(welcome.key) == first, "a second tap on Start does nothing"
    second = walk.understand(first.key)
    assert second.kind is ScreenKind.STEP and second != first
    assert walk.understand(first.key) == second
    assert walk.current == second
    assert first.step is not None
    assert store.get(walk.record_id).confirmed_step_ids == frozenset({first.step.id})

    while walk.current.kind is ScreenKind.STEP:
        walk.understand(walk.current.key)
    question = walk.current
    assert question.kind is ScreenKind.QUESTION and question.question is not None
    assert walk.answer(second.key, question.question.answer) is None
    assert walk.after_answer(second.key) == question
    assert store.get(walk.record_id).answers == ()


def test_an_escort_or_nobody_meant_for_a_screen_no_longer_shown_is_ignored(tmp_path: Path) -> None:
    """H10 for the escort screen too: "They will stay with me" and "Nobody is staying with me" name the screen
    they were tapped on. Tapped for the escort screen when the patient has gone Back to the warning signs, each
    saves nothing and the walk stays where it is (before, both raised FlowError: the error screen, a wipe)."""
    from kiosk.record.timeline import escort_until

    store, _, walk = open_walk(tmp_path)
    walk_to(walk, ScreenKind.ESCORT)
    escort_screen = walk.current
    until = escort_until(walk.procedure, walk.procedure_ended)
    shown_before = walk.back()
    assert shown_before.kind is not ScreenKind.ESCORT
    assert walk.nobody(escort_screen.key) is False
    assert walk.record_escort(escort_screen.key, "Ade Smith", "Son", ESCORT_PHONE, until) == shown_before
    assert walk.current == shown_before and walk.end is WalkEnd.NOT_YET
    record = store.get(walk.record_id)
    assert record.escort is None and record.no_escort_reason is None
    walk.understand(walk.current.key)
    assert walk.current == escort_screen
    assert walk.nobody(escort_screen.key) is True
    assert store.get(walk.record_id).no_escort_reason == ""
