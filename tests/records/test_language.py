"""The patient's language on the discharge record (issue 17): preset, changed, audited, migrated."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Procedure
from kiosk.record.model import Patient
from kiosk.records import RecordStore
from tests.records.factories import start


def _audit(store: RecordStore, record_id: str) -> list[tuple[str, str, dict[str, object]]]:
    rows = store.connection.execute(
        "SELECT event, actor, detail FROM audit WHERE record_id = ? ORDER BY seq", (record_id,)
    ).fetchall()
    return [(str(e), str(a), json.loads(d)) for e, a, d in rows]


def test_a_discharge_starts_in_english_unless_the_nurse_presets_another(
    store: RecordStore, patient: Patient, procedure: Procedure
) -> None:
    plain = start(store, patient, procedure)
    assert plain.language == "en" and store.get(plain.record_id).language == "en"
    polish = start(store, patient, procedure, language="pl")
    assert polish.language == "pl" and store.get(polish.record_id).language == "pl"
    started = _audit(store, polish.record_id)[0]
    assert started[0] == "discharge-started" and started[2]["language"] == "pl"


def test_a_change_of_language_is_kept_and_audited_from_and_to(
    store: RecordStore, patient: Patient, procedure: Procedure
) -> None:
    rid = start(store, patient, procedure, language="pl").record_id
    assert store.set_language(rid, "ur") is True
    assert store.set_language(rid, "ur") is False  # the same again: no audit row
    assert store.get(rid).language == "ur"
    changes = [row for row in _audit(store, rid) if row[0] == "language-changed"]
    assert changes == [("language-changed", "patient", {"from": "pl", "language": "ur"})]
    assert store.verify_audit().ok


def test_an_unknown_language_is_refused_and_nothing_is_written(
    store: RecordStore, patient: Patient, procedure: Procedure
) -> None:
    rid = start(store, patient, procedure).record_id
    before = len(_audit(store, rid))
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        store.set_language(rid, "xx")
    with pytest.raises(ValueError, match="unknown language"):
        start(store, patient, procedure, language="english")
    assert len(_audit(store, rid)) == before and store.get(rid).language == "en"


def test_a_database_from_before_version_6_reads_its_discharges_as_english(
    db_path: Path, clock: FakeClock, patient: Patient, procedure: Procedure
) -> None:
    with RecordStore(db_path, clock) as store:
        rid = start(store, patient, procedure).record_id
        conn = store.connection
        conn.execute("ALTER TABLE discharges DROP COLUMN language")  # back to version 5
        conn.execute("PRAGMA user_version = 5")
    with sqlite3.connect(db_path) as raw:
        assert "language" not in [row[1] for row in raw.execute("PRAGMA table_info(discharges)")]
    raw.close()
    with RecordStore(db_path, clock) as store:
        assert store.get(rid).language == "en"
        store.set_language(rid, "ar")
        assert store.get(rid).language == "ar"
        assert store.verify_audit().ok
