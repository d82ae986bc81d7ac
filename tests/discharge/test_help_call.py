"""Issue 12 item 7 without a screen: "I need help" is recorded, waits for a nurse's PIN, then the walk resumes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import KioskSession, PinPurpose, PinRefused, Stage
from kiosk.records.nurses import NurseAccounts
from tests.discharge_support import library, make_clock, make_store, new_discharge, walk_to
from tests.pins import TEST_COST

NURSE = "Nurse Adebayo"
PIN = "730519"


def patient_on_a_question(tmp_path: Path) -> KioskSession:
    clock = make_clock()
    store = make_store(tmp_path, clock)
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add(NURSE, PIN)
    session = KioskSession(store, accounts, library, clock.now)
    session.nurse = NURSE
    session.discharge_submitted(new_discharge())
    assert session.walk is not None
    walk_to(session.walk, ScreenKind.STEP)
    walk_to(session.walk, ScreenKind.QUESTION)
    return session


def test_a_call_for_help_is_saved_with_its_audit_row_and_waits_for_a_nurse(tmp_path: Path) -> None:
    session = patient_on_a_question(tmp_path)
    walk, record_id = session.walk, session.record_id
    assert walk is not None and record_id is not None
    where = walk.index
    call = session.help_requested()
    assert session.stage is Stage.HELP, "'A nurse is on the way' at once, before any write"
    assert call is not None and call[0] == record_id
    assert session.store.get(record_id).help_calls == ()
    session.help.save_request(*call)
    assert [h.kind for h in session.store.get(record_id).help_calls] == ["requested"]
    assert session.store.get(record_id).help_calls[0].at == call[1]
    assert session.help_requested() is None  # a second tap is no second call
    assert len(session.store.get(record_id).help_calls) == 1
    events = [row[0] for row in session.store.connection.execute("SELECT event FROM audit ORDER BY seq")]
    assert events.count("help-requested") == 1
    assert session.store.verify_audit().ok

    session.nurse_requested()
    assert session.stage is Stage.PIN and session.pin_purpose is PinPurpose.HELP
    with pytest.raises(PinRefused):  # a wrong PIN clears nothing
        session.pin_entered(NURSE, "000000")
    assert session.stage is Stage.PIN
    session.pin_cancelled()
    assert session.stage is Stage.HELP, "cancelling the PIN goes back to 'A nurse is on the way'"

    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.PATIENT
    assert session.walk is walk and walk.index == where, "the walk resumes exactly where it was"
    assert session.nurse is None, "the nurse is not left signed in on a patient screen"
    calls = session.store.get(record_id).help_calls
    assert [(h.kind, h.nurse_name) for h in calls] == [("requested", ""), ("answered", NURSE)]
    assert session.store.verify_audit().ok


def test_a_changed_help_row_is_found_by_verify(tmp_path: Path) -> None:
    session = patient_on_a_question(tmp_path)
    call = session.help_requested()
    assert call is not None
    session.help.save_request(*call)
    assert session.store.verify_audit().ok
    conn = session.store.connection
    conn.execute("UPDATE help_calls SET kind = 'answered', nurse_name = 'Nobody'")
    assert not session.store.verify_audit().ok


def test_help_only_from_a_patient_screen(tmp_path: Path) -> None:
    session = patient_on_a_question(tmp_path)
    session.lock()
    session.help_requested()
    assert session.stage is Stage.LOCKED


def test_help_from_nobody_staying_goes_back_there(tmp_path: Path) -> None:
    session = patient_on_a_question(tmp_path)
    assert session.walk is not None
    walk_to(session.walk, ScreenKind.ESCORT)
    session.walk.nobody(session.walk.current.key)
    session.patient_nobody()
    session.help_requested()
    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    assert session.stage is Stage.NO_ESCORT


def test_the_pin_pad_left_idle_goes_back_to_the_call_not_a_wipe(tmp_path: Path) -> None:
    """A nurse screen left idle locks and wipes; the PIN pad opened to answer a call goes back to the call (H3)."""
    session = patient_on_a_question(tmp_path)
    walk = session.walk
    session.help_requested()
    session.nurse_requested()
    assert session.help_pending
    session.nurse_idle()
    assert session.stage is Stage.HELP and session.walk is walk and session.help.active
    assert session.help_pending
    session.lock()
    assert not session.help_pending


def test_a_wipe_forgets_the_open_call(tmp_path: Path) -> None:
    session = patient_on_a_question(tmp_path)
    session.help_requested()
    session.wipe()
    assert not session.help.active
    assert isinstance(session.store.connection, sqlite3.Connection)


def test_the_review_and_the_export_show_each_call_and_who_answered_it(tmp_path: Path) -> None:
    """Recorded on the discharge: the nurse's review lists each call; the ward's export counts them."""
    from datetime import date, timedelta

    from kiosk.discharge import review
    from kiosk.records.export import HEADER, export_rows

    session = patient_on_a_question(tmp_path)
    record_id, procedure = session.record_id, session.procedure
    assert record_id is not None and procedure is not None
    clock = session.store.clock
    assert isinstance(clock, FakeClock)
    call = session.help_requested()
    assert call is not None
    session.help.save_request(*call)
    asked = clock.now()
    clock.advance(minutes=3)
    session.nurse_requested()
    session.pin_entered(NURSE, PIN)
    second = session.help_requested()  # a second call, still open when the kiosk is cleared
    assert second is not None
    session.help.save_request(*second)
    session.wipe()
    record = session.store.get(record_id)
    lines = review.summarise(record, procedure).help_calls
    answered = asked + timedelta(minutes=3)
    assert lines == (
        f"{asked:%H:%M} The patient asked for help: answered {answered:%H:%M} by {NURSE}",
        f"{answered:%H:%M} The patient asked for help: not answered on the kiosk",
    )
    (row,) = export_rows(session.store.connection, date(2000, 1, 1), date(2100, 1, 1))
    columns = dict(zip(HEADER, row, strict=True))
    assert (columns["help_calls"], columns["help_calls_answered"]) == ("2", "1")
