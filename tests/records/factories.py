"""Test data for the record store, importable without pytest (the crash-test child process uses it)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from kiosk.content.model import (
    CheckQuestion,
    Contact,
    DocumentControl,
    Factor,
    Procedure,
    RedFlag,
    ResponsibleAdult,
    Step,
)
from kiosk.record.model import DischargeRecord, Escort, Patient
from kiosk.records import RecordStore

START = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def make_procedure(version: str = "3.1", content_hash: str = "sha256:" + "ab" * 32) -> Procedure:
    return Procedure(
        id="nerve-root-block",
        title="Nerve root block",
        short_name="Nerve root block",
        specialty="Pain management",
        trust="Test Trust",
        department="Day Case",
        document=DocumentControl("Pain team", "PT-001", version, date(2025, 1, 1), date(2027, 1, 1), "Board"),
        what_it_is="An injection near a nerve root.",
        why="To ease pain.",
        what_happened="You had an injection.",
        asks_side_and_level=True,
        medicines=(),
        steps=(Step("rest", "Rest", "Rest today."), Step("drive", "Driving", "Do not drive today.")),
        expectations=(),
        red_flags=(RedFlag("weak", "Weak legs", ("ward",)),),
        red_flag_advice="Call us.",
        risks=(),
        follow_up=None,
        responsible_adult=ResponsibleAdult(24, True, "Someone must stay with you."),
        questions=(CheckQuestion("drive", "Can you drive home?", ("Yes", "No"), 1, "No: not today."),),
        contacts=(Contact("ward", "Ward", "020 7946 0018", "24 hours"),),
        content_hash=content_hash,
    )


def escort(stays_until: datetime | None = None) -> Escort:
    return Escort("Ade Okafor", "son", "07700 900123", "", stays_until or START + timedelta(hours=24))


def start(store: RecordStore, patient: Patient, procedure: Procedure, **changes: object) -> DischargeRecord:
    """A discharge with sensible defaults; keyword arguments override them."""
    args: dict[str, object] = {
        "patient": patient,
        "procedure": procedure,
        "procedure_ended": START - timedelta(minutes=45),
        "side_level": "left L4/5",
        "medicines": ("Lidocaine 1%", "Triamcinolone 40 mg"),
        "factors": frozenset({Factor.DIABETIC}),
        "large_print": False,
        "nurse_name": "Sam Patel",
    }
    args.update(changes)
    return store.start_discharge(**args)  # type: ignore[arg-type]
