"""The audit trail: every event chained by hash; `records verify` finds any changed or deleted row."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Procedure
from kiosk.record.model import Patient, PrintEvent, PrintEventKind
from kiosk.records import NurseAccounts, RecordStore
from tests.pins import TEST_COST
from tests.records.backends import CentralDisagrees
from tests.records.factories import escort, start

# Every test here runs on SQLite alone and on SQLite forwarding to PostgreSQL (tests/records/backends.py).
BOTH_BACKENDS = True

MAIN = Path(__file__).resolve().parents[2] / "main.py"


@pytest.fixture
def filled(store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock) -> RecordStore:
    """A store with two discharges' worth of events and a nurse sign-in."""
    for _ in range(2):
        rid = start(store, patient, procedure).record_id
        store.confirm_step(rid, "rest")
        store.record_answer(rid, "drive", 1, True)
        store.record_escort(rid, escort())
        store.record_override(rid, "expired-leaflet", "Only version available tonight", "Sam Patel")
        store.sign_off(rid, "Sam Patel", (("Escort checked", True),))
        store.record_print_event(rid, PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=5))
    return store


def tamper(db_path: Path, *statements: str) -> None:
    """What a person with the sqlite3 shell could do: drop the guard triggers and edit."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def verify_cli(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(data_dir), "records", "verify"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def rows(store: RecordStore) -> int:
    return int(store.connection.execute("SELECT count(*) FROM audit").fetchone()[0])


def test_an_untouched_trail_verifies_with_its_count(filled: RecordStore, data_dir: Path) -> None:
    report = filled.verify_audit()
    assert report.ok
    assert report.rows == rows(filled) == 14
    result = verify_cli(data_dir)
    assert result.returncode == 0
    assert result.stdout.startswith("ok: 14 rows")


def test_the_audit_table_refuses_updates_and_deletes(filled: RecordStore) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        filled.connection.execute("UPDATE audit SET actor = 'x' WHERE seq = 3")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        filled.connection.execute("DELETE FROM audit WHERE seq = 3")


@pytest.mark.parametrize("seq", [1, 5, 14])
@pytest.mark.parametrize(
    "change",
    [
        "UPDATE audit SET actor = 'Someone Else' WHERE seq = {seq}",
        "UPDATE audit SET at = '2020-01-01T00:00:00+00:00' WHERE seq = {seq}",
        "UPDATE audit SET detail = replace(detail, '\"', '\"  ') WHERE seq = {seq}",
        "UPDATE audit SET hash = '" + "1" * 64 + "' WHERE seq = {seq}",
    ],
)
def test_changing_any_audit_row_is_found_at_that_row(filled: RecordStore, db_path: Path, seq: int, change: str) -> None:
    tamper(db_path, change.format(seq=seq))
    report = filled.verify_audit()
    assert not report.ok
    assert report.first_bad_seq == seq
    assert report.summary() == f"audit row {seq}: changed: its hash does not match its contents and the row before"


@pytest.mark.parametrize("seq", [1, 2, 7, 13])
def test_deleting_an_audit_row_is_found(filled: RecordStore, db_path: Path, seq: int) -> None:
    tamper(db_path, f"DELETE FROM audit WHERE seq = {seq}")
    report = filled.verify_audit()
    assert not report.ok
    assert report.first_bad_seq == seq
    assert "missing" in report.problem


def test_records_verify_exits_1_naming_the_first_bad_row(filled: RecordStore, db_path: Path, data_dir: Path) -> None:
    tamper(db_path, "UPDATE audit SET actor = 'Someone Else' WHERE seq = 9", "DELETE FROM audit WHERE seq = 11")
    result = verify_cli(data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("audit row 9: changed")


def test_deleting_the_last_rows_is_found_by_the_head(filled: RecordStore, db_path: Path, data_dir: Path) -> None:
    tamper(db_path, "DELETE FROM audit WHERE seq >= 13")
    report = filled.verify_audit()
    assert (report.ok, report.first_bad_seq) == (False, 13)
    assert "rows at the end were removed" in report.problem
    assert verify_cli(data_dir).returncode == 1


def test_deleting_the_last_row_and_moving_the_head_is_still_found_through_the_record(
    filled: RecordStore, db_path: Path
) -> None:
    """The last event was a print event; its data row still points at the deleted audit row."""
    prev = filled.connection.execute("SELECT hash FROM audit WHERE seq = 13").fetchone()[0]
    tamper(db_path, "DELETE FROM audit WHERE seq = 14", f"UPDATE audit_head SET seq = 13, hash = '{prev}'")
    # First by the head file beside the database (issue 13 F2), which the edit inside the file cannot move...
    assert "records were lost: the database is behind its last known head" in filled.verify_audit().problem
    # ...and without it too (the one who edited the database also deleted the head file).
    (db_path.parent / "records.sqlite3-head").unlink()
    report = filled.verify_audit()
    assert not report.ok
    # Found twice over: the print event's row points at a missing audit row, and the record's state
    # ("printed") is not the last state the trail recorded (row 13, "signed-off"); the earlier one is reported.
    assert (report.first_bad_seq, report.problem) == (
        13,
        "the state of DK-20261121-0002 (printed) is not the one the audit trail recorded",
    )


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ("UPDATE confirmations SET step_id = 'drive'", "step confirmation of DK-20261121-0001 was changed"),
        ("UPDATE answers SET correct = 0", "check-question answer of DK-20261121-0001 was changed"),
        ("UPDATE escorts SET phone = '+447700900999'", "escort details of DK-20261121-0001 was changed"),
        ("UPDATE overrides SET reason = 'n/a'", "nurse override of DK-20261121-0001 was changed"),
        ("UPDATE sign_offs SET nurse_name = 'Someone Else'", "sign-off of DK-20261121-0001 was changed"),
        ("UPDATE discharges SET patient_name = 'Other Person'", "patient details of DK-20261121-0001 was changed"),
        ("UPDATE discharges SET state = 'completed'", "state of DK-20261121-0001 (completed) is not"),
        ("DELETE FROM confirmations WHERE id = 1", "step confirmation of DK-20261121-0001 recorded here was deleted"),
        (
            "INSERT INTO confirmations (record_id, step_id, confirmed_at, audit_seq) "
            "SELECT record_id, 'drive', confirmed_at, audit_seq + 1 FROM confirmations WHERE id = 1",
            "step confirmation of DK-20261121-0001 is not in the audit trail",
        ),
    ],
)
def test_changing_the_record_itself_is_found_while_it_is_kept(
    filled: RecordStore, db_path: Path, change: str, found: str
) -> None:
    tamper(db_path, change)
    report = filled.verify_audit()
    assert not report.ok
    assert found in report.problem


_COPY_CONFIRMATION = (
    "INSERT INTO confirmations (record_id, step_id, confirmed_at, audit_seq) "
    "SELECT record_id, step_id, confirmed_at, audit_seq FROM confirmations WHERE id = {id}"
)


@pytest.mark.parametrize(
    ("changes", "found"),
    [
        # An exact copy matches its audit row's digest: only two rows naming one audit row give it away.
        ((_COPY_CONFIRMATION.format(id=2),), (9, "step confirmation of DK-20261121-0002 is not in the audit trail")),
        # One row deleted and another copied: the table's row count is as before (issue 19's counts check
        # both the count and that no audit row is named twice), and the deletion comes first in the trail.
        (
            ("DELETE FROM confirmations WHERE id = 1", _COPY_CONFIRMATION.format(id=2)),
            (2, "step confirmation of DK-20261121-0001 recorded here was deleted"),
        ),
        # A deleted row in one table and a copy in another: each is found, the first in the trail reported.
        (
            ("DELETE FROM answers WHERE id = 2", _COPY_CONFIRMATION.format(id=2)),
            (9, "step confirmation of DK-20261121-0002 is not in the audit trail"),
        ),
    ],
)
def test_a_copied_row_and_a_deleted_one_are_found_whatever_the_counts(
    filled: RecordStore, db_path: Path, changes: tuple[str, ...], found: tuple[int, str]
) -> None:
    tamper(db_path, *changes)
    report = filled.verify_audit()
    assert not report.ok
    assert report.first_bad_seq == found[0], report.problem
    assert found[1] in report.problem


def test_nurse_events_are_in_the_chain(filled: RecordStore, db_path: Path) -> None:
    accounts = NurseAccounts(filled, TEST_COST)
    accounts.add("Sam Patel", "482915")
    accounts.verify("Sam Patel", "0000")
    assert filled.verify_audit().ok
    seq = rows(filled)
    tamper(db_path, f"UPDATE audit SET detail = replace(detail, 'failed\":1', 'failed\":0') WHERE seq = {seq}")
    assert filled.verify_audit().first_bad_seq == seq


def test_rewriting_the_whole_tail_consistently_is_not_detected_but_the_head_hash_changes(
    filled: RecordStore, db_path: Path, backend: str
) -> None:
    """The documented limit: whoever rewrites the chain from a row on, head included, is not caught by the
    database alone; a head hash kept elsewhere (verify prints it) is what tells."""
    from kiosk.records.audit import chain_hash

    before = filled.verify_audit().head_hash
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    prev = conn.execute("SELECT hash FROM audit WHERE seq = 1").fetchone()[0]
    for seq, at, rid, event, actor, detail in conn.execute(
        "SELECT seq, at, record_id, event, actor, detail FROM audit WHERE seq >= 2 ORDER BY seq"
    ).fetchall():
        actor = "Forged" if seq == 2 else actor
        prev = chain_hash(prev, seq, at, rid, event, actor, detail)
        conn.execute("UPDATE audit SET actor = ?, hash = ? WHERE seq = ?", (actor, prev, seq))
    conn.execute("UPDATE audit_head SET hash = ?", (prev,))
    conn.close()
    if backend == "postgresql":
        # With a central store the server is that "elsewhere": its copy keeps the chain as it was sent.
        with pytest.raises(CentralDisagrees, match=r"the kiosk's chain \(ok: 14 rows .* is not the server's"):
            filled.verify_audit()
        return
    report = filled.verify_audit()
    assert report.ok
    assert report.head_hash != before
