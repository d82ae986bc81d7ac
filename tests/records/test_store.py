"""The record store keeps every fact of a discharge, committed as it happens, and guards the safety states."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Factor, Procedure
from kiosk.record.model import (
    DischargeState,
    Patient,
    PrintEvent,
    PrintEventKind,
)
from kiosk.records import RecordStateError, RecordStore, UnknownRecord
from kiosk.text import ValidationError
from tests.records.factories import START, escort, make_procedure, start

# Every test here runs on SQLite alone and on SQLite forwarding to PostgreSQL (tests/records/backends.py).
BOTH_BACKENDS = True

S = DischargeState


def _printed(store: RecordStore, record_id: str, clock: FakeClock, *, in_hand: bool = True) -> None:
    store.record_print_event(record_id, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=41, queue="KioskPDF"))
    store.record_print_event(record_id, PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=41, queue="KioskPDF"))
    if in_hand:
        store.record_print_event(record_id, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))


def test_a_whole_discharge_reads_back_exactly_as_recorded(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    record = start(store, patient, procedure)
    rid = record.record_id
    store.set_state(rid, S.WITH_PATIENT)
    clock.advance(seconds=20)
    store.confirm_step(rid, "rest")
    clock.advance(seconds=20)
    store.confirm_step(rid, "drive")
    store.record_answer(rid, "drive", 0, False)
    store.record_answer(rid, "drive", 1, True)
    store.record_escort(rid, escort())
    store.set_state(rid, S.AWAITING_NURSE)
    store.sign_off(rid, "Sam Patel", (("Escort checked", True), ("Cannula out", True)))
    _printed(store, rid, clock)

    got = store.get(rid)
    assert got.patient == Patient("Zoë Marchetti-Okafor", date(1950, 3, 14), "RJ123456", "9434765919")
    assert got.state is S.COMPLETED
    assert (got.procedure_id, got.procedure_version, got.content_hash) == (
        "nerve-root-block",
        "3.1",
        procedure.content_hash,
    )
    assert got.procedure_ended == START - timedelta(minutes=45)
    assert got.side_level == "left L4/5"
    assert got.medicines == ("Lidocaine 1%", "Triamcinolone 40 mg")
    assert got.factors == frozenset({Factor.DIABETIC})
    assert got.started_by == "Sam Patel"
    assert [(c.step_id, c.confirmed_at) for c in got.confirmations] == [
        ("rest", START + timedelta(seconds=20)),
        ("drive", START + timedelta(seconds=40)),
    ]
    assert [(a.chosen, a.correct) for a in got.answers] == [(0, False), (1, True)]
    assert got.escort is not None
    assert (got.escort.phone, got.escort.phone_display) == ("+447700900123", "07700 900123")
    assert got.escort.stays_until == START + timedelta(hours=24)
    assert got.no_escort_reason is None
    assert got.sign_off is not None
    assert got.sign_off.checklist == (("Escort checked", True), ("Cannula out", True))
    assert [e.kind for e in store.print_events(rid)] == [
        PrintEventKind.SUBMITTED,
        PrintEventKind.COMPLETED,
        PrintEventKind.SHEET_IN_HAND,
    ]
    assert got.created_at.tzinfo is not None


def test_start_returns_the_record_as_stored(store: RecordStore, patient: Patient, procedure: Procedure) -> None:
    record = start(store, patient, procedure)
    assert store.get(record.record_id) == record


def test_record_ids_are_readable_and_count_per_day(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    first = start(store, patient, procedure).record_id
    second = start(store, patient, procedure).record_id
    clock.advance(days=1)
    next_day = start(store, patient, procedure).record_id
    assert (first, second, next_day) == ("DK-20261121-0001", "DK-20261121-0002", "DK-20261122-0001")


def test_everything_survives_closing_and_reopening(
    db_path: Path, clock: FakeClock, patient: Patient, procedure: Procedure
) -> None:
    with RecordStore(db_path, clock) as store:
        rid = start(store, patient, procedure).record_id
        store.confirm_step(rid, "rest")
        before = store.get(rid)
    with RecordStore(db_path, clock) as store:
        assert store.get(rid) == before


def test_each_fact_is_one_transaction_with_its_audit_row(
    store: RecordStore, patient: Patient, procedure: Procedure
) -> None:
    """One commit per confirmation, holding the confirmation and its audit row (never two commits)."""
    rid = start(store, patient, procedure).record_id
    audit_rows = store.connection.execute("SELECT count(*) FROM audit").fetchone()[0]
    statements: list[str] = []
    store.connection.set_trace_callback(statements.append)
    store.confirm_step(rid, "rest")
    store.connection.set_trace_callback(None)
    assert [s for s in statements if s.startswith(("BEGIN", "COMMIT"))] == ["BEGIN IMMEDIATE", "COMMIT"]
    # begin, record, head, audit insert, its fact id, confirmation insert, head update, commit
    assert len(statements) <= 8
    assert store.connection.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_rows + 1
    # ...and the fact id the central sender needs is in the same commit.
    assert any(s.startswith("INSERT INTO fact_ids") for s in statements)


def test_every_method_writes_an_audit_row(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    def count() -> int:
        return store.connection.execute("SELECT count(*) FROM audit").fetchone()[0]

    rid = start(store, patient, procedure).record_id
    calls = [
        lambda: store.set_state(rid, S.WITH_PATIENT),
        lambda: store.confirm_step(rid, "rest"),
        lambda: store.record_answer(rid, "drive", 1, True),
        lambda: store.record_no_escort(rid),
        lambda: store.record_override(rid, "no-escort", "Daughter arrives at 18:00; ward keeps him till then", "Sam"),
        lambda: store.record_escort(rid, escort()),
        lambda: store.sign_off(rid, "Sam", ()),
        lambda: store.record_print_event(rid, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=3)),
    ]
    for call in calls:
        before = count()
        call()
        assert count() == before + 1


def test_nobody_escalates_and_the_nurse_reason_is_kept(
    store: RecordStore, patient: Patient, procedure: Procedure
) -> None:
    rid = start(store, patient, procedure).record_id
    store.record_no_escort(rid)
    got = store.get(rid)
    assert got.escort is None
    assert got.no_escort_reason == ""  # nobody, and no nurse reason yet
    store.record_override(rid, "no-escort", "Lives in a care home; staff collect", "Sam Patel")
    got = store.get(rid)
    assert got.no_escort_reason == "Lives in a care home; staff collect"
    assert got.overrides == (("no-escort", "Lives in a care home; staff collect"),)
    store.record_escort(rid, escort())  # the patient later names someone: the newest answer counts
    got = store.get(rid)
    assert got.escort is not None
    assert got.no_escort_reason is None


def test_an_override_needs_a_reason(store: RecordStore, patient: Patient, procedure: Procedure) -> None:
    rid = start(store, patient, procedure).record_id
    with pytest.raises(ValidationError, match="reason"):
        store.record_override(rid, "expired-leaflet", "   ", "Sam Patel")
    assert store.get(rid).overrides == ()


def test_the_escort_phone_is_validated_by_the_store_too(
    store: RecordStore, patient: Patient, procedure: Procedure
) -> None:
    """Hazard H4: a wrong phone number can never reach the record, whichever screen sent it."""
    rid = start(store, patient, procedure).record_id
    with pytest.raises(ValidationError, match="phone number"):
        store.record_escort(rid, replace(escort(), phone="0770090012"))
    assert store.get(rid).escort is None


def test_bad_patient_details_are_refused_before_anything_is_written(
    store: RecordStore, patient: Patient, procedure: Procedure
) -> None:
    with pytest.raises(ValidationError, match="NHS number"):
        start(store, replace(patient, nhs_number="943 476 5918"), procedure)
    with pytest.raises(ValidationError, match="future"):
        start(store, replace(patient, date_of_birth=date(2027, 1, 1)), procedure)
    assert store.list_discharges() == []
    assert store.connection.execute("SELECT count(*) FROM audit").fetchone()[0] == 0


def test_completed_needs_sign_off_and_sheet_in_hand(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    """Hazard H5: the record can only say "completed" after a nurse confirmed the sheet is in the patient's hand."""
    rid = start(store, patient, procedure).record_id
    for state in (S.SIGNED_OFF, S.PRINTED, S.COMPLETED):
        with pytest.raises(RecordStateError):
            store.set_state(rid, state)
    with pytest.raises(RecordStateError, match="signed off"):
        store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))
    store.sign_off(rid, "Sam Patel", ())
    assert store.get(rid).state is S.SIGNED_OFF
    _printed(store, rid, clock, in_hand=False)
    assert store.get(rid).state is S.PRINTED
    assert [r.record_id for r in store.unconfirmed_sheets()] == [rid]
    store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))
    assert store.get(rid).state is S.COMPLETED
    assert store.unconfirmed_sheets() == []


def test_a_failed_print_leaves_the_discharge_signed_off_and_listed(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    rid = start(store, patient, procedure).record_id
    store.sign_off(rid, "Sam Patel", ())
    store.record_print_event(rid, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=7))
    store.record_print_event(rid, PrintEvent(PrintEventKind.FAILED, clock.now(), job_id=7, message="Out of paper"))
    assert store.get(rid).state is S.SIGNED_OFF
    assert [r.record_id for r in store.unconfirmed_sheets()] == [rid]
    assert store.print_events(rid)[-1].message == "Out of paper"


def test_a_reprint_after_completion_is_unconfirmed_until_handed_over(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    rid = start(store, patient, procedure).record_id
    store.sign_off(rid, "Sam Patel", ())
    _printed(store, rid, clock)
    store.record_print_event(rid, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=42, reprint=True))
    assert store.get(rid).state is S.COMPLETED  # never moves backwards
    assert [r.record_id for r in store.unconfirmed_sheets()] == [rid]
    assert store.print_events(rid)[-1].reprint


def test_finished_discharges_take_no_more_answers(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    rid = start(store, patient, procedure).record_id
    store.abandon(rid, "Patient admitted overnight", "Sam Patel")
    got = store.get(rid)
    assert got.state is S.ABANDONED
    assert got.overrides == (("abandoned", "Patient admitted overnight"),)
    for call in (
        lambda: store.confirm_step(rid, "rest"),
        lambda: store.record_answer(rid, "drive", 1, True),
        lambda: store.set_state(rid, S.WITH_PATIENT),
        lambda: store.abandon(rid, "again", "Sam"),
        lambda: store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now())),
    ):
        with pytest.raises(RecordStateError):
            call()
    # ... but what the printer reports about a job sent before is still kept.
    store.record_print_event(rid, PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=9))
    assert store.get(rid).state is S.ABANDONED


def test_set_state_refuses_abandon_without_a_reason(store: RecordStore, patient: Patient, procedure: Procedure) -> None:
    rid = start(store, patient, procedure).record_id
    with pytest.raises(ValueError, match="reason"):
        store.set_state(rid, S.ABANDONED)


def test_unknown_records_are_reported(store: RecordStore) -> None:
    for call in (
        lambda: store.get("DK-20261121-9999"),
        lambda: store.confirm_step("DK-20261121-9999", "rest"),
        lambda: store.print_events("DK-20261121-9999"),
    ):
        with pytest.raises(UnknownRecord, match="DK-20261121-9999"):
            call()


def test_lists_by_day_and_state_newest_first(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    a = start(store, patient, procedure).record_id
    b = start(store, patient, procedure).record_id
    store.abandon(b, "Wrong patient selected", "Sam")
    clock.advance(days=1)
    c = start(store, patient, procedure).record_id
    store.sign_off(c, "Sam", ())
    _printed(store, c, clock)
    assert [r.record_id for r in store.list_discharges()] == [c, b, a]
    assert [r.record_id for r in store.list_discharges(on=date(2026, 11, 21))] == [b, a]
    assert [r.record_id for r in store.list_discharges(states=frozenset({S.ABANDONED}))] == [b]
    assert [r.record_id for r in store.unfinished()] == [a]
    assert store.list_discharges(states=frozenset()) == []


def test_large_print_and_factors_round_trip(store: RecordStore, patient: Patient) -> None:
    procedure = make_procedure(version="4.0", content_hash="sha256:" + "cd" * 32)
    factors = frozenset({Factor.BLOOD_THINNERS, Factor.SEDATION})
    rid = start(store, patient, procedure, large_print=True, factors=factors, medicines=()).record_id
    got = store.get(rid)
    assert (got.large_print, got.factors, got.medicines, got.procedure_version) == (True, factors, (), "4.0")


def test_tables_enforce_their_types(store: RecordStore) -> None:
    """STRICT tables: a wrong type is an error at once, not a silently converted value."""
    with pytest.raises(sqlite3.IntegrityError):
        store.connection.execute("INSERT INTO record_counter (day, last) VALUES ('x', 'not a number')")


def test_the_nurse_home_is_the_day_plus_every_unfinished_and_unconfirmed_discharge(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    """One indexed query gives what the three lists gave together: no row lost, none twice (H5)."""
    old_unfinished = start(store, patient, procedure).record_id
    old_unconfirmed = start(store, patient, procedure).record_id
    store.sign_off(old_unconfirmed, "Sam Patel", ())
    _printed(store, old_unconfirmed, clock, in_hand=False)
    old_done = start(store, patient, procedure).record_id
    store.sign_off(old_done, "Sam Patel", ())
    _printed(store, old_done, clock)
    old_abandoned = start(store, patient, procedure).record_id
    store.sign_off(old_abandoned, "Sam Patel", ())
    store.record_print_event(old_abandoned, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=3))
    store.abandon(old_abandoned, "Patient left", "Sam Patel")
    clock.advance(days=3)
    today_done = start(store, patient, procedure).record_id
    store.sign_off(today_done, "Sam Patel", ())
    _printed(store, today_done, clock)

    home = [r.record_id for r in store.nurse_home(clock.today())]

    union = {
        r.record_id for r in (*store.list_discharges(clock.today()), *store.unfinished(), *store.unconfirmed_sheets())
    }
    assert sorted(home) == sorted(union) == sorted([old_unfinished, old_unconfirmed, today_done])
