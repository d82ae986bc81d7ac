"""The write path's one cursor (``Database.cursor``, issue 19) leaves no statement open after a write.

A statement left open on it would hold a read snapshot of the database for as long as the kiosk runs: no
checkpoint could then empty the write-ahead log, so a purged patient's name would stay in the ``-wal`` (H8,
retention: the purge's ``TRUNCATE`` checkpoint) and the log would grow without bound. Checked the way it would
show: after each kind of write, accepted or refused, another connection's ``TRUNCATE`` checkpoint completes
and leaves the log empty.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.content.model import Procedure
from kiosk.record.model import Patient
from kiosk.records import RecordStore
from kiosk.records.errors import RecordStateError, UnknownRecord
from tests.records.factories import start


def log_emptied_by_another_connection(db_path: Path) -> bool:
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        busy, _, _ = other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        other.close()
    wal = db_path.with_name(db_path.name + "-wal")
    return busy == 0 and (not wal.exists() or wal.stat().st_size == 0)


def test_no_write_leaves_a_read_snapshot_open(
    store: RecordStore, db_path: Path, patient: Patient, procedure: Procedure
) -> None:
    first = start(store, patient, procedure)
    second = start(store, patient, procedure)  # two discharges: a read of "every discharge" has rows left over
    assert log_emptied_by_another_connection(db_path)
    store.confirm_step(first.record_id, procedure.steps[0].id)
    assert log_emptied_by_another_connection(db_path)
    store.abandon(second.record_id, "Went home with family", "Nurse Ada")
    assert log_emptied_by_another_connection(db_path)
    with pytest.raises(RecordStateError):  # refused inside the transaction, after the discharge was read
        store.confirm_step(second.record_id, procedure.steps[0].id)
    assert log_emptied_by_another_connection(db_path)
    with pytest.raises(UnknownRecord):
        store.confirm_step("DK-20990101-0001", procedure.steps[0].id)
    assert log_emptied_by_another_connection(db_path)
    store.confirm_step(first.record_id, procedure.steps[0].id)
    assert log_emptied_by_another_connection(db_path)
