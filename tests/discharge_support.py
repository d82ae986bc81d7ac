"""Helpers for tests that drive whole discharges: the shipped procedures, a real store, a demo patient."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.content.loader import Library, load_library
from kiosk.content.model import Factor, Procedure
from kiosk.discharge.flow import PatientWalk, ScreenKind
from kiosk.discharge.new_discharge import NewDischarge
from kiosk.record.model import DischargeRecord, Patient
from kiosk.records.store import RecordStore

START = datetime(2026, 11, 21, 14, 30).astimezone()
INJECTION = "nerve-root-injection"
BLOCK = "nerve-root-block"

PATIENT_A = Patient("Margaret Oyelaran-Smith", date(1948, 3, 9), "RHQ1234567", "9434765919")
PATIENT_B = Patient("Tomasz Wiśniewski", date(1961, 7, 30), "RHQ7654321")
ESCORT_PHONE = "07700 900123"


@cache
def library() -> Library:
    return load_library(today=START.date())


def procedure(procedure_id: str) -> Procedure:
    return library().get(procedure_id)


def make_clock() -> FakeClock:
    return FakeClock(START)


def make_store(tmp_path: Path, clock: FakeClock) -> RecordStore:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return RecordStore(tmp_path / "records.sqlite3", clock, outbox=tmp_path / "outbox")


def new_discharge(
    procedure_id: str = INJECTION,
    patient: Patient = PATIENT_A,
    factors: frozenset[Factor] = frozenset(),
    expired_reason: str | None = None,
) -> NewDischarge:
    proc = procedure(procedure_id)
    return NewDischarge(
        procedure_id=procedure_id,
        patient=patient,
        procedure_ended=START - timedelta(minutes=40),
        side_level="Left L5" if proc.asks_side_and_level else "",
        medicines=tuple(m.name for m in proc.medicines),
        factors=factors,
        large_print=False,
        expired_reason=expired_reason,
    )


def start_record(store: RecordStore, new: NewDischarge, nurse: str = "Nurse Adebayo") -> DischargeRecord:
    return store.start_discharge(
        patient=new.patient,
        procedure=procedure(new.procedure_id),
        procedure_ended=new.procedure_ended,
        side_level=new.side_level,
        medicines=new.medicines,
        factors=new.factors,
        large_print=new.large_print,
        nurse_name=nurse,
    )


def walk_to(walk: PatientWalk, kind: ScreenKind) -> None:
    """Confirm and answer (right first time) until the walk reaches ``kind``."""
    if walk.current.kind is ScreenKind.WELCOME:
        walk.begin(walk.current.key)
    while walk.current.kind is not kind:
        screen = walk.current
        if screen.kind in (ScreenKind.STEP, ScreenKind.WARNING_SIGNS):
            walk.understand(walk.current.key)
        elif screen.kind is ScreenKind.QUESTION:
            assert screen.question is not None
            walk.answer(walk.current.key, screen.question.answer)
            walk.after_answer(walk.current.key)
        else:
            raise AssertionError(f"cannot walk past {screen.kind}")
