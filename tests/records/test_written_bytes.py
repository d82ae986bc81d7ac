"""What the store writes for a fixed discharge stays byte for byte what it wrote before issue 19's trimming.

Issue 19 (fifth session) cut the Python cost of a commit (the file checks, the fact id, the head file's text,
one statement fewer per fact). None of it may change what is written: the audit trail is the legal record and
its hash chain is checked by every ``records verify``. So a discharge with every kind of fact is written with
the randomness fixed (the salt and fact ids come from ``os.urandom``, here a counter's sha256) and the clock a
fake one moving across the UK's clock change, and the audit rows, the fact ids, every record row and the head
file beside the database are hashed together. ``EXPECTED`` was computed with main's code at 4be3e97 (before
the change), by this very test.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.clock import DEFAULT_ZONE, FakeClock
from kiosk.record.model import Escort, Patient, PrintEvent, PrintEventKind
from kiosk.records import RecordStore
from kiosk.records.audit import DIGESTED
from kiosk.records.db import fact_id
from tests.records.factories import make_procedure

# sha256 of everything the scenario below writes, from main's code at 4be3e97 (this test, run there).
EXPECTED = "27fbd1c941ade1d75cd90bb0737df0b637794b09c2aa7c068352731919a5667a"


def _written(store_path: Path) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(store_path) as conn:
        for query in (
            "SELECT seq, at, record_id, event, actor, detail, hash FROM audit ORDER BY seq",
            "SELECT seq, fact_id FROM fact_ids ORDER BY seq",
            "SELECT seq, hash FROM audit_head",
            *(f"SELECT * FROM {table} ORDER BY audit_seq" for table in DIGESTED),
        ):
            for row in conn.execute(query):
                digest.update(repr(row).encode())
    conn.close()
    digest.update(store_path.with_name(store_path.name + "-head").read_bytes())
    return digest.hexdigest()


def _scenario(store: RecordStore, clock: FakeClock) -> None:
    procedure = make_procedure()
    record = store.start_discharge(
        Patient("Zoë Marchetti-Okafor", date(1950, 3, 14), "rj123456", "943 476 5919"),
        procedure,
        clock.now() - timedelta(minutes=45),
        "left L4/5",
        ("paracetamol",),
        frozenset(),
        False,
        "Nurse Ana",
    )
    rid = record.record_id
    store.set_language(rid, "pl")
    for n, step in enumerate(procedure.steps):
        clock.advance(minutes=20)  # 00:20 ... across 01:00 UTC, when the clocks go forward
        content = {"language": "pl", "translation_hash": f"sha256:{n:064d}"} if n else None
        store.confirm_step(rid, step.id, content)
    store.record_answer(rid, "drive", 1, True, {"language": "pl"})
    store.record_escort(rid, Escort("Ade Okafor", "son", "07700 900123", "", clock.now() + timedelta(hours=24)))
    for _ in range(3):  # a step confirmed again: a new row each time
        store.confirm_step(rid, procedure.steps[0].id)
    store.record_help(rid, "requested")
    store.record_help(rid, "answered", "Nurse Ana")
    store.record_override(rid, "escort", "Daughter collects at 18:00", "Nurse Ana")
    store.sign_off(rid, "Nurse Ana", (("Wound checked", True), ("Pain controlled", True)))
    clock.advance(minutes=1)
    at = clock.now()
    store.record_print_event(rid, PrintEvent(PrintEventKind.SUBMITTED, at, 7, "KioskPDF", "pending", "", False, ""))
    store.record_print_event(rid, PrintEvent(PrintEventKind.COMPLETED, at, 7, "KioskPDF", "completed", "", False, ""))
    store.record_print_event(
        rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, at, None, "", "", "", False, "", nurse_name="Nurse Ana")
    )
    other = store.start_discharge(
        Patient("Ola Nowak", date(1961, 7, 2), "rj654321"),
        procedure,
        clock.now(),
        "right L5",
        (),
        frozenset(),
        True,
        "Nurse Ben",
    )  # a second discharge the same day: its record number, the head file's numbers
    store.record_no_escort(other.record_id)
    store.abandon(other.record_id, "Felt unwell", "Nurse Ben")


def test_a_fixed_discharge_writes_the_same_bytes_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = itertools.count()
    monkeypatch.setattr(os, "urandom", lambda n: hashlib.sha256(str(next(counter)).encode()).digest()[:n])
    clock = FakeClock(datetime(2026, 3, 29, 0, 0, tzinfo=UTC).astimezone(DEFAULT_ZONE))
    path = tmp_path / "records.sqlite3"
    with RecordStore(path, clock) as store:
        _scenario(store, clock)
        assert store.verify_audit().ok
    assert _written(path) == EXPECTED


def test_a_fact_id_is_exactly_a_version_4_uuid_of_the_same_random_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """``db.fact_id`` replaced ``uuid.uuid4().hex``: the same text for the same 16 bytes (all bits set, none
    set, and random ones), so the server's ``uuid`` column and every check of an id see no difference."""
    samples = [b"\xff" * 16, b"\x00" * 16, *(os.urandom(16) for _ in range(500))]
    for raw in samples:
        monkeypatch.setattr(os, "urandom", lambda n, raw=raw: raw[:n])
        made = fact_id()
        monkeypatch.undo()
        assert made == uuid.UUID(bytes=raw, version=4).hex
        assert uuid.UUID(hex=made).version == 4
