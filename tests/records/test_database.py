"""The database file: its safety settings, versions, and what a nurse is told when the disk or file fails."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Procedure
from kiosk.record.model import DischargeState, Patient, PrintEvent, PrintEventKind
from kiosk.records import (
    CannotOpenDatabase,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    DiskFull,
    ReadOnlyStore,
    RecordStore,
    RecordStoreError,
)
from kiosk.records.schema import SCHEMA_VERSION
from tests.records.factories import start


def test_the_connection_is_set_up_for_durability(store: RecordStore) -> None:
    """Hazard H6: WAL with synchronous=FULL, foreign keys, secure delete and a busy timeout."""
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_open_defaults_to_the_data_folder(data_dir: Path) -> None:
    with RecordStore.open() as store:
        assert store.path == data_dir / "records.sqlite3"
    assert (data_dir / "records.sqlite3").exists()


def test_a_database_from_a_newer_app_is_refused_and_left_untouched(db_path: Path, clock: FakeClock) -> None:
    RecordStore(db_path, clock).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNew, match="newer version") as refused:
        RecordStore(db_path, clock)
    assert "not been changed" in refused.value.hint
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_another_programs_database_is_not_touched(db_path: Path, clock: FakeClock) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE music (title TEXT)")
    conn.close()
    with pytest.raises(DatabaseDamaged, match="not a Discharge Kiosk"):
        RecordStore(db_path, clock)
    with sqlite3.connect(db_path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_schema")] == ["music"]
    conn.close()


def test_a_file_that_is_not_a_database_gives_a_clear_error(db_path: Path, clock: FakeClock) -> None:
    db_path.write_bytes(b"this is a shopping list, not a database" * 200)
    with pytest.raises(DatabaseDamaged, match="damaged or is not a kiosk database") as refused:
        RecordStore(db_path, clock)
    assert "Do not delete the file" in refused.value.hint and "on paper" in refused.value.hint


def test_a_folder_that_cannot_hold_the_database_gives_a_clear_error(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(CannotOpenDatabase, match="Cannot open"):
        RecordStore(blocker / "records.sqlite3", clock)


def test_a_full_disk_loses_nothing_already_saved_and_does_not_complete_the_discharge(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    """The disk fills up (SQLite's page limit stands in for it): the nurse gets the app's error; everything
    committed before is intact; the step that failed is not half-recorded; the discharge is not completed."""
    rid = start(store, patient, procedure).record_id
    store.sign_off(rid, "Sam Patel", ())
    store.record_print_event(rid, PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=1))
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")
    saved = 0
    with pytest.raises(DiskFull) as full:
        for n in range(10_000):
            store.confirm_step(rid, f"step-{n:05d}-" + "x" * 200)
            saved += 1
    assert saved > 0
    assert "disk is full" in full.value.title
    assert "already saved is safe" in full.value.hint
    with pytest.raises(DiskFull):
        store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))
    store.connection.execute(f"PRAGMA max_page_count = {pages * 100}")
    got = store.get(rid)
    assert len(got.confirmations) == saved
    assert got.state is DischargeState.PRINTED  # not completed: the sheet-in-hand was not saved
    assert store.verify_audit().ok
    assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))
    assert store.get(rid).state is DischargeState.COMPLETED


def test_a_read_only_database_gives_the_apps_error(store: RecordStore, patient: Patient, procedure: Procedure) -> None:
    rid = start(store, patient, procedure).record_id
    store.connection.execute("PRAGMA query_only = ON")  # what SQLite reports for a read-only file or folder
    with pytest.raises(ReadOnlyStore, match="read-only") as refused:
        store.confirm_step(rid, "rest")
    assert "writable" in refused.value.hint
    store.connection.execute("PRAGMA query_only = OFF")
    assert store.get(rid).confirmations == ()


def test_a_locked_database_gives_the_apps_error_then_works_again(
    db_path: Path, clock: FakeClock, patient: Patient, procedure: Procedure
) -> None:
    with RecordStore(db_path, clock, busy_timeout_ms=100) as store:
        rid = start(store, patient, procedure).record_id
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseLocked, match="busy") as locked:
            store.confirm_step(rid, "rest")
        assert isinstance(locked.value, RecordStoreError)
        assert store.get(rid).confirmations == ()  # readers are never blocked (WAL)
        other.execute("ROLLBACK")
        other.close()
        store.confirm_step(rid, "rest")
        assert len(store.get(rid).confirmations) == 1


def test_a_failed_migration_leaves_the_database_as_it_was(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each migration is one transaction with its user_version bump: a failure half-way changes nothing."""
    from kiosk.records import schema

    broken = (*schema.MIGRATIONS[0][:5], "CREATE TABLE broken (")
    monkeypatch.setattr(schema, "MIGRATIONS", (broken,))
    with pytest.raises(RecordStoreError):
        RecordStore(db_path, clock)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0
    conn.close()
    monkeypatch.undo()
    with RecordStore(db_path, clock) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_version_1_database_gets_a_fact_id_for_every_audit_row(
    db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 3 (the central store): rows written before it get fact ids too, so they can be sent."""
    from kiosk.records import schema
    from tests.records.factories import make_procedure, start

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    patient = Patient("Ann Old", date(1950, 1, 1), "RJ123456")
    with RecordStore(db_path, clock) as store:
        # Version 1 had no fact_ids table; a throw-away temp one takes the ids this code writes, so the file
        # holds exactly what version 1 wrote.
        store.connection.execute("CREATE TEMP TABLE fact_ids (seq INTEGER, fact_id TEXT)")
        # Likewise the language column (version 6) this code writes, dropped again before the file is closed.
        store.connection.execute("ALTER TABLE discharges ADD COLUMN language TEXT NOT NULL DEFAULT 'en'")
        rid = start(store, patient, make_procedure()).record_id
        store.confirm_step(rid, "rest")
        store.connection.execute("ALTER TABLE discharges DROP COLUMN language")
    monkeypatch.undo()
    with RecordStore(db_path, clock) as store:
        conn = store.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        ids = conn.execute("SELECT a.seq, f.fact_id FROM audit a LEFT JOIN fact_ids f USING (seq)").fetchall()
        assert len(ids) == 2 and all(len(fact_id) == 32 for _, fact_id in ids)
        assert len({fact_id for _, fact_id in ids}) == 2
        assert conn.execute("SELECT sent_seq FROM central_sent").fetchone()[0] == 0
        store.confirm_step(rid, "drive")
        assert conn.execute("SELECT count(*) FROM fact_ids").fetchone()[0] == 3


def test_version_4_indexes_the_unconfirmed_sheets_of_an_older_database(
    db_path: Path, clock: FakeClock, patient: Patient, procedure: Procedure
) -> None:
    """A database from before version 4 keeps listing its printed, unconfirmed sheets after the upgrade (H5)."""
    with RecordStore(db_path, clock) as store:
        waiting = start(store, patient, procedure).record_id
        handed = start(store, patient, procedure).record_id
        for rid in (waiting, handed):
            store.sign_off(rid, "Sam Patel", ())
            store.record_print_event(rid, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=1))
        store.record_print_event(handed, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))
        conn = store.connection
        conn.execute("DROP TABLE help_calls")  # back to version 4 (no calls for help were made here)
        conn.execute("DROP TABLE unconfirmed_sheets")  # back to version 3: the list came from print_events
        conn.execute("DROP INDEX audit_record")
        conn.execute("ALTER TABLE discharges DROP COLUMN language")  # version 6
        conn.execute("PRAGMA user_version = 3")
    with RecordStore(db_path, clock) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [r.record_id for r in store.unconfirmed_sheets()] == [waiting]
        assert store.verify_audit().ok


def test_version_5_keeps_calls_for_help_and_an_older_database_upgrades(
    db_path: Path, clock: FakeClock, patient: Patient, procedure: Procedure
) -> None:
    """Version 5 (issue 12 item 7): a version-4 database gets the help_calls table, and a call saved after the
    upgrade is on the discharge, in the audit trail, and verifies."""
    with RecordStore(db_path, clock) as store:
        rid = start(store, patient, procedure).record_id
        store.connection.execute("DROP TABLE help_calls")
        store.connection.execute("ALTER TABLE discharges DROP COLUMN language")  # and version 6's column
        store.connection.execute("PRAGMA user_version = 4")
    with RecordStore(db_path, clock) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        store.record_help(rid, "requested")
        store.record_help(rid, "answered", "Sam Patel")
        assert [(h.kind, h.nurse_name) for h in store.get(rid).help_calls] == [
            ("requested", ""),
            ("answered", "Sam Patel"),
        ]
        events = [
            e for (e,) in store.connection.execute("SELECT event FROM audit WHERE record_id = ? ORDER BY seq", (rid,))
        ]
        assert events[-2:] == ["help-requested", "help-answered"]
        assert store.verify_audit().ok
        with pytest.raises(ValueError):
            store.record_help(rid, "ignored")
        store.connection.execute("DELETE FROM help_calls WHERE kind = 'answered'")
        assert not store.verify_audit().ok, "a deleted answer is found"
