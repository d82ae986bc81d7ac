"""Discharge records and a procedure for the nurse-screen tests, built from the shared dataclasses."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kiosk.record.model import DischargeRecord, DischargeState, Patient

NOW = datetime(2026, 11, 21, 15, 0).astimezone()


def record(
    number: int,
    name: str,
    state: DischargeState,
    hours_ago: float = 1.0,
    procedure_id: str = "nerve-root-injection",
) -> DischargeRecord:
    created = NOW - timedelta(hours=hours_ago)
    return DischargeRecord(
        record_id=f"D-{number:04d}",
        created_at=created,
        patient=Patient(name, date(1950, 1, 2), f"RX{number:05d}"),
        procedure_id=procedure_id,
        procedure_version="2",
        content_hash="abc",
        procedure_ended=created - timedelta(minutes=30),
        state=state,
    )
