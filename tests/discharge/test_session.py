"""The whole discharge as a state machine, with a real store and real nurse accounts (no screens)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.discharge.flow import ScreenKind, WalkEnd
from kiosk.discharge.session import KioskSession, PinPurpose, PinRefused, ReasonPurpose, SessionError, Stage
from kiosk.record.model import DischargeState
from kiosk.record.timeline import escort_until
from kiosk.records.first_nurse import FirstNurseSetup
from kiosk.records.nurses import NurseAccounts
from tests.discharge_support import ESCORT_PHONE, library, make_clock, make_store, new_discharge, walk_to
from tests.pins import TEST_COST

NURSE = "Nurse Adebayo"
PIN = "730519"


def make_session(tmp_path: Path) -> KioskSession:
    clock = make_clock()
    store = make_store(tmp_path, clock)
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add(NURSE, PIN)
    return KioskSession(store, accounts, library, clock.now)


def signed_in(tmp_path: Path) -> KioskSession:
    session = make_session(tmp_path)
    session.nurse_requested()
    assert session.stage is Stage.PIN and session.pin_purpose is PinPurpose.UNLOCK
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.NURSE_HOME
    return session


def with_patient(tmp_path: Path) -> KioskSession:
    session = signed_in(tmp_path)
    session.new_discharge()
    session.discharge_submitted(new_discharge())
    return session


def test_first_start_with_no_nurse_asks_for_the_first_account(tmp_path: Path) -> None:
    clock = make_clock()
    store = make_store(tmp_path, clock)
    setup = FirstNurseSetup(store, console=io.StringIO())
    session = KioskSession(store, NurseAccounts(store, TEST_COST), library, clock.now, setup)
    code = setup.issue()
    assert code is not None
    session.nurse_requested()
    assert session.stage is Stage.FIRST_NURSE
    session.first_nurse_created(NURSE, PIN, code)
    assert session.stage is Stage.NURSE_HOME and session.nurse == NURSE


def test_wrong_pin_says_so_and_stays_on_the_pin_screen(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    session.nurse_requested()
    with pytest.raises(PinRefused, match="not right"):
        session.pin_entered(NURSE, "0000")
    assert session.stage is Stage.PIN and session.nurse is None


def test_five_wrong_pins_lock_the_account_even_for_the_right_pin(tmp_path: Path) -> None:
    session = make_session(tmp_path)
    session.nurse_requested()
    for _ in range(5):
        with pytest.raises(PinRefused) as refused:
            session.pin_entered(NURSE, "0000")
    assert "locked" in refused.value.title
    with pytest.raises(PinRefused, match="locked"):
        session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.PIN


def test_new_discharge_is_saved_and_handed_to_the_patient(tmp_path: Path) -> None:
    """Handing over ends the nurse's sign-in: the patient cannot reach nurse screens without a PIN."""
    session = with_patient(tmp_path)
    assert session.stage is Stage.PATIENT and session.nurse is None
    record = session.record()
    assert record.state is DischargeState.WITH_PATIENT and record.started_by == NURSE
    assert session.walk is not None and session.walk.current.kind is ScreenKind.WELCOME


def test_expired_leaflet_reason_is_recorded(tmp_path: Path) -> None:
    session = signed_in(tmp_path)
    session.discharge_submitted(new_discharge("nerve-root-block", expired_reason="Current version awaited"))
    assert ("expired-leaflet", "Current version awaited") in session.record().overrides


def test_nobody_needs_a_nurse_reason_before_sign_off(tmp_path: Path) -> None:
    """'Nobody' -> please ask a nurse -> PIN -> reason; without a reason there is no sign-off (H4)."""
    session = with_patient(tmp_path)
    walk = session.walk
    assert walk is not None
    walk_to(walk, ScreenKind.ESCORT)
    walk.nobody(walk.current.key)
    session.patient_nobody()
    assert session.stage is Stage.NO_ESCORT
    assert session.sign_off_blockers(session.record())
    session.nurse_requested()
    assert session.stage is Stage.PIN and session.pin_purpose is PinPurpose.NO_ESCORT
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.REASON and session.reason_purpose is ReasonPurpose.NO_ESCORT
    with pytest.raises(SessionError):
        session.reason_given("   ")
    session.reason_given("Stays overnight on the ward")
    assert session.stage is Stage.REVIEW
    record = session.record()
    assert record.no_escort_reason == "Stays overnight on the ward"
    assert record.state is DischargeState.AWAITING_NURSE
    assert session.sign_off_blockers(record) == []


def test_cancelling_the_no_escort_reason_hands_the_tablet_back_to_the_escort_screen(tmp_path: Path) -> None:
    session = with_patient(tmp_path)
    assert session.walk is not None
    walk_to(session.walk, ScreenKind.ESCORT)
    session.walk.nobody(session.walk.current.key)
    session.patient_nobody()
    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    session.reason_cancelled()
    assert session.stage is Stage.PATIENT and session.nurse is None
    assert session.walk is not None
    session.walk.begin(session.walk.current.key)
    assert session.walk.current.kind is ScreenKind.ESCORT


def finish_walk(session: KioskSession) -> None:
    walk = session.walk
    assert walk is not None
    walk_to(walk, ScreenKind.ESCORT)
    walk.record_escort(
        walk.current.key, "Ade Smith", "Son", ESCORT_PHONE, escort_until(walk.procedure, walk.procedure_ended)
    )
    assert walk.end is WalkEnd.FINISHED


def test_take_back_review_sign_off_with_pin_then_print(tmp_path: Path) -> None:
    session = with_patient(tmp_path)
    finish_walk(session)
    session.nurse_requested()
    assert session.stage is Stage.PIN and session.pin_purpose is PinPurpose.TAKE_BACK
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.REVIEW
    assert session.record().state is DischargeState.AWAITING_NURSE
    checklist = (("observations", True), ("escort-present", True))
    session.sign_off_requested(checklist)
    assert session.stage is Stage.PIN and session.pin_purpose is PinPurpose.SIGN_OFF
    session.pin_cancelled()
    assert session.stage is Stage.REVIEW and session.record().sign_off is None
    session.sign_off_requested(checklist)
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.PRINT
    record = session.record()
    assert record.state is DischargeState.SIGNED_OFF
    assert record.sign_off is not None and record.sign_off.nurse_name == NURSE
    assert record.sign_off.checklist == checklist


def test_the_review_opens_only_after_a_nurse_pin(tmp_path: Path) -> None:
    """F9: "Nurse: take the tablet back" asks for a PIN before the review and its checklist; a wrong PIN or
    cancel leaves the patient's "thank you" and the record untouched."""
    session = with_patient(tmp_path)
    finish_walk(session)
    session.nurse_requested()
    assert session.stage is Stage.PIN and session.pin_purpose is PinPurpose.TAKE_BACK
    with pytest.raises(PinRefused, match="not right"):
        session.pin_entered(NURSE, "9753")
    assert session.stage is Stage.PIN and session.nurse is None
    session.pin_cancelled()
    assert session.stage is Stage.PATIENT and session.walk is not None and session.walk.end is WalkEnd.FINISHED
    assert session.record().state is DischargeState.WITH_PATIENT
    with pytest.raises(SessionError):
        session.sign_off_requested((("observations", True),))
    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.REVIEW and session.nurse == NURSE and session.walk is None
    assert session.record().state is DischargeState.AWAITING_NURSE
    session.review_back()  # the nurse is signed in: back to the list, no second PIN
    assert session.stage is Stage.NURSE_HOME


def test_a_question_still_wrong_needs_the_nurse_to_go_over_it_before_sign_off(tmp_path: Path) -> None:
    """F9: wrong twice -> sign-off refused until the nurse records "I went over this with the patient"."""
    from kiosk.discharge.review import GONE_OVER_OVERRIDE, summarise

    session = with_patient(tmp_path)
    walk = session.walk
    assert walk is not None
    walk.begin(walk.current.key)
    while walk.current.kind is not ScreenKind.ESCORT:
        key = walk.current.key
        if walk.current.kind is ScreenKind.QUESTION:
            question = walk.current.question
            assert question is not None
            wrong = (question.answer + 1) % len(question.options)
            first, second = walk.answer(key, wrong), walk.answer(key, wrong)
            assert first is not None and first.ask_again
            assert second is not None and not second.ask_again
            walk.after_answer(key)
        else:
            walk.understand(key)
    walk.record_escort(
        walk.current.key, "Ade Smith", "Son", ESCORT_PHONE, escort_until(walk.procedure, walk.procedure_ended)
    )
    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    assert session.procedure is not None
    wrong_lines = [q for q in summarise(session.record(), session.procedure).questions if q.needs_going_over]
    assert wrong_lines
    checklist = (("observations", True), ("escort-present", True))
    with pytest.raises(SessionError, match="gone over"):
        session.sign_off_requested(checklist)
    for line in wrong_lines:
        session.question_gone_over(line.question_id)
        session.question_gone_over(line.question_id)  # a second tap records nothing new
    record = session.record()
    gone_over = [reason for kind, reason in record.overrides if kind == GONE_OVER_OVERRIDE]
    assert len(gone_over) == len(wrong_lines)
    assert all("I went over this with the patient" in reason for reason in gone_over)
    with session.store.db.reading() as conn:
        audited = conn.execute(
            "SELECT COUNT(*) FROM audit WHERE event = 'override' AND actor = ? AND record_id = ?",
            (NURSE, record.record_id),
        ).fetchone()[0]
    assert audited == len(wrong_lines)
    assert not summarise(record, session.procedure).blockers
    session.sign_off_requested(checklist)
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.PRINT


def test_lock_wipes_the_session(tmp_path: Path) -> None:
    session = with_patient(tmp_path)
    session.lock()
    assert session.stage is Stage.LOCKED
    assert (session.walk, session.record_id, session.procedure, session.nurse) == (None, None, None, None)


def test_resume_after_idle_carries_on_where_the_patient_stopped(tmp_path: Path) -> None:
    session = with_patient(tmp_path)
    assert session.walk is not None
    session.walk.begin(session.walk.current.key)
    session.walk.understand(session.walk.current.key)
    expected = session.walk.current
    record_id = session.record_id
    session.lock()
    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    assert [r.record_id for r in session.today_discharges()] == [record_id]
    assert record_id is not None
    session.resume(record_id)
    assert session.stage is Stage.PATIENT and session.walk is not None and session.walk.resumed
    assert session.walk.begin(session.walk.current.key) == expected


def test_abandon_needs_a_reason(tmp_path: Path) -> None:
    session = with_patient(tmp_path)
    record_id = session.record_id
    assert record_id is not None
    session.lock()
    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    session.abandon_requested(record_id)
    assert session.stage is Stage.REASON
    session.reason_given("Patient stays in overnight")
    assert session.stage is Stage.NURSE_HOME
    assert session.store.get(record_id).state is DischargeState.ABANDONED


def test_close_needs_a_pin_and_cancel_goes_back(tmp_path: Path) -> None:
    session = with_patient(tmp_path)
    session.close_requested()
    assert session.stage is Stage.PIN and session.pin_purpose is PinPurpose.CLOSE
    session.pin_cancelled()
    assert session.stage is Stage.PATIENT
    session.close_requested()
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.CLOSED and session.walk is None


def test_resume_refuses_a_changed_leaflet(tmp_path: Path) -> None:
    """If the leaflet file changed since the discharge started, resuming says so instead of showing other
    advice than the record was started with (H1)."""
    import shutil

    from kiosk import paths
    from kiosk.content.loader import load_library
    from tests.discharge_support import START

    folder = tmp_path / "procedures"
    shutil.copytree(paths.procedures_dir(), folder)
    libraries = [load_library(folder, today=START.date())]
    clock = make_clock()
    store = make_store(tmp_path, clock)
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add(NURSE, PIN)
    session = KioskSession(store, accounts, lambda: libraries[-1], clock.now)
    session.nurse = NURSE
    session.discharge_submitted(new_discharge())
    record_id = session.record_id
    assert record_id is not None
    session.lock()

    leaflet = folder / "nerve-root-injection.yaml"
    leaflet.write_text(leaflet.read_text(encoding="utf-8").replace("You must not drive", "Do not drive"), "utf-8")
    libraries.append(load_library(folder, today=START.date()))
    assert libraries[-1].get("nerve-root-injection").content_hash != store.get(record_id).content_hash

    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    with pytest.raises(SessionError, match="changed"):
        session.resume(record_id)
    assert session.walk is None
