"""Retention: old discharges are deleted with everything attached, leaving no trace of the patient (H8)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Procedure
from kiosk.record.model import Escort, Patient, PrintEvent, PrintEventKind
from kiosk.records import RecordStore, UnknownRecord
from kiosk.records.retention import purge
from tests.records.factories import escort, start

# Every test here runs on SQLite alone and on SQLite forwarding to PostgreSQL (tests/records/backends.py).
BOTH_BACKENDS = True

MAIN = Path(__file__).resolve().parents[2] / "main.py"
SURNAME = "Quibbleworth-Zanzibarova"
ESCORT_PHONE = "07911 123456"


def _files(db_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in db_path.parent.glob(db_path.name + "*") if p.is_file()}


def _old_discharge(store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock) -> str:
    rid = start(store, replace(patient, name=f"Wilhelmina {SURNAME}"), procedure).record_id
    store.confirm_step(rid, "rest")
    store.record_answer(rid, "drive", 1, True)
    carer = Escort(f"Bartholomew {SURNAME}", "husband", ESCORT_PHONE, "", escort().stays_until)
    store.record_escort(rid, carer)
    store.record_override(rid, "no-escort", f"Mr {SURNAME} collects her", "Sam Patel")
    store.sign_off(rid, "Sam Patel", (("Escort checked", True),))
    pdf = store.outbox / f"{rid}.pdf"
    pdf.write_bytes(b"%PDF-1.4 sheet for " + SURNAME.encode())
    (store.outbox / f"{rid}-reprint-1.pdf").write_bytes(b"%PDF-1.4 reprint")
    event = PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=3, pdf_path=str(pdf))
    store.record_print_event(rid, event)
    return rid


def test_purge_leaves_no_trace_of_the_name_in_the_database_or_its_wal(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock, db_path: Path
) -> None:
    old = _old_discharge(store, patient, procedure, clock)
    clock.advance(days=89)
    kept = start(store, patient, procedure).record_id
    (store.outbox / f"{kept}.pdf").write_bytes(b"%PDF-1.4 kept")
    store.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the name now in both the WAL and the main file
    needle = SURNAME.encode()
    assert any(needle in data for data in _files(db_path).values())

    clock.advance(days=2)
    assert store.purge(90) == 1

    for name, data in _files(db_path).items():
        assert needle not in data, f"{SURNAME} still in {name}"
        assert SURNAME.encode("utf-16-le") not in data
        assert b"+447911123456" not in data, f"escort phone still in {name}"
    assert not list(store.outbox.glob(f"{old}*"))
    assert (store.outbox / f"{kept}.pdf").exists()
    with pytest.raises(UnknownRecord):
        store.get(old)
    assert [r.record_id for r in store.list_discharges()] == [kept]
    for table in ("confirmations", "answers", "escorts", "overrides", "sign_offs", "print_events"):
        assert store.connection.execute(f"SELECT count(*) FROM {table} WHERE record_id = ?", (old,)).fetchone() == (0,)


def test_the_audit_trail_still_verifies_after_a_purge_and_records_it(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    old = _old_discharge(store, patient, procedure, clock)
    clock.advance(days=31)
    assert store.purge(30) == 1
    report = store.verify_audit()
    assert report.ok
    last = store.connection.execute("SELECT event, detail FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert last[0] == "purged"
    assert old in last[1]


def test_nothing_within_the_retention_period_is_touched(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    rid = _old_discharge(store, patient, procedure, clock)
    clock.advance(days=30)
    audit_rows = store.verify_audit().rows
    assert store.purge(30) == 0
    assert store.get(rid).record_id == rid
    assert store.verify_audit().rows == audit_rows  # a purge that deletes nothing adds no audit row


def test_a_purged_record_id_is_never_given_out_again(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    first = start(store, patient, procedure).record_id
    assert store.purge(0) == 0  # started today: kept
    clock.advance(days=1)
    assert store.purge(0) == 1
    clock.set(clock.now().replace(day=21))  # the same day again (clock put back)
    assert start(store, patient, procedure).record_id != first


def test_orphan_sheets_of_purged_days_are_removed_too(store: RecordStore, clock: FakeClock) -> None:
    """A sheet left in the outbox after its record went (a crash between the two) goes at the next purge."""
    orphan = store.outbox / "DK-20260101-0003.pdf"
    orphan.write_bytes(b"%PDF")
    other = store.outbox / "notes.pdf"
    other.write_bytes(b"%PDF")
    purge(store, 90)
    assert not orphan.exists()
    assert other.exists()


def test_purge_command_uses_the_configured_retention(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(data_dir), "records", "purge"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "(keeping 90 days)" in result.stdout


def test_export_gives_one_row_per_discharge_without_patient_identifiers(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock, tmp_path: Path
) -> None:
    done = start(store, patient, procedure).record_id
    store.confirm_step(done, "rest")
    store.confirm_step(done, "rest")
    store.record_answer(done, "drive", 0, False)
    store.record_answer(done, "drive", 1, True)
    store.record_escort(done, escort())
    store.sign_off(done, "Sam Patel", ())
    store.record_print_event(done, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=1))
    store.record_print_event(done, PrintEvent(PrintEventKind.FAILED, clock.now(), job_id=1))
    store.record_print_event(done, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=2, reprint=True))
    store.record_print_event(done, PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=2))
    store.record_print_event(done, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam Patel"))
    nobody = start(store, patient, procedure, nurse_name="=HYPERLINK(1)").record_id
    store.record_no_escort(nobody)
    clock.advance(days=3)
    start(store, patient, procedure)  # outside the range

    out = tmp_path / "audit.csv"
    assert store.export_csv(date(2026, 11, 20), date(2026, 11, 22), out) == 2
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["record_id"] for r in rows] == [done, nobody]
    first, second = rows
    assert first["state"] == "completed"
    assert (first["steps_confirmed"], first["check_answers"], first["check_answers_wrong"]) == ("1", "2", "1")
    assert (first["escort_recorded"], first["printed"], first["reprints"], first["print_failures"]) == (
        "yes",
        "yes",
        "1",
        "1",
    )
    assert first["signed_off_by"] == "Sam Patel"
    assert first["sheet_in_hand_at"] == "2026-11-21T09:30:00+00:00"
    assert (second["escort_recorded"], second["printed"], second["state"]) == ("nobody", "no", "started")
    assert second["started_by"] == "'=HYPERLINK(1)"  # never run as a spreadsheet formula
    for identifier in ("Zoë", "Marchetti", "RJ123456", "9434765919", "1950-03-14", "+4477", "Ade"):
        assert identifier not in text


def test_export_command(store: RecordStore, patient: Patient, procedure: Procedure, data_dir: Path) -> None:
    start(store, patient, procedure)
    out = data_dir / "ward.csv"
    args = ["--from", "2026-11-01", "--to", "2026-11-30", "--csv", str(out)]
    result = subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(data_dir), "records", "export", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "exported 1 discharges" in result.stdout
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 2
    bad = subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(data_dir), "records", "export", "--from", "21/11/2026"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert "not a date like 2026-11-21" in bad.stderr


@pytest.mark.sqlite_only  # it plays the sender itself, moving the journal's sent mark by hand
def test_with_a_central_store_an_unsent_discharge_is_kept_until_the_server_has_it(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    """The journal is the only copy of what the server has not got yet (H18): retention waits for the sender."""
    store.outbox.mkdir(parents=True, exist_ok=True)
    sent = start(store, patient, procedure).record_id
    (store.outbox / f"{sent}.pdf").write_bytes(b"%PDF-1.4 sent")
    head = store.connection.execute("SELECT seq FROM audit_head").fetchone()[0]
    store.connection.execute("UPDATE central_sent SET sent_seq = ?", (head,))  # the server has all of it
    unsent = start(store, patient, procedure).record_id
    (store.outbox / f"{unsent}.pdf").write_bytes(b"%PDF-1.4 unsent")
    clock.advance(days=100)
    assert store.purge(90, keep_unsent=True) == 1
    assert [r.record_id for r in store.list_discharges()] == [unsent]
    assert sorted(p.name for p in store.outbox.iterdir()) == [f"{unsent}.pdf"]
    store.connection.execute("UPDATE central_sent SET sent_seq = (SELECT seq FROM audit_head)")
    assert store.purge(90, keep_unsent=True) == 1
    assert store.list_discharges() == [] and list(store.outbox.iterdir()) == []
    assert store.verify_audit().ok


def test_without_a_central_store_the_sent_mark_does_not_hold_a_purge(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    start(store, patient, procedure)
    clock.advance(days=100)
    assert store.purge(90) == 1


def test_a_purge_keeps_the_sheet_of_a_record_whose_id_only_starts_like_a_purged_one(
    store: RecordStore, clock: FakeClock
) -> None:
    """DK-...-1000 purged must not take DK-...-10000's sheet (a prefix test did): ids are matched whole."""
    store.outbox.mkdir(parents=True, exist_ok=True)
    day = f"{clock.today():%Y%m%d}"
    longer = store.outbox / f"DK-{day}-10000-sheet.pdf"
    longer.write_bytes(b"%PDF-1.4 another record")
    purged = store.outbox / f"DK-{day}-1000-sheet.pdf"
    purged.write_bytes(b"%PDF-1.4 purged")
    from kiosk.records.retention import _delete_sheets

    assert _delete_sheets(store.outbox, {f"DK-{day}-1000"}, [], clock.today(), set()) == 1
    assert longer.exists() and not purged.exists()


def test_a_kiosk_suffixed_id_is_matched_whole_too(store: RecordStore, clock: FakeClock) -> None:
    """With a central store ids end in the kiosk's id (DK-...-0001-B3): its sheets go with it, no one else's."""
    store.outbox.mkdir(parents=True, exist_ok=True)
    day = f"{clock.today():%Y%m%d}"
    mine = store.outbox / f"DK-{day}-0001-B3-sheet.pdf"
    other_kiosk = store.outbox / f"DK-{day}-0001-B31-sheet.pdf"
    unsuffixed = store.outbox / f"DK-{day}-0001-sheet.pdf"
    for path in (mine, other_kiosk, unsuffixed):
        path.write_bytes(b"%PDF-1.4")
    from kiosk.records.retention import _delete_sheets

    assert _delete_sheets(store.outbox, {f"DK-{day}-0001-B3"}, [], clock.today(), set()) == 1
    assert not mine.exists() and other_kiosk.exists() and unsuffixed.exists()


def test_a_long_history_is_purged_in_batches_each_in_the_audit_trail(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.records import retention

    monkeypatch.setattr(retention, "BATCH", 4)
    ids = []
    for _ in range(5):  # 5 days of 3 discharges: 15, in batches of 4, 4, 4 and 3
        ids += [start(store, patient, procedure).record_id for _ in range(3)]
        clock.advance(days=1)
    kept = start(store, patient, procedure).record_id
    clock.advance(days=1)

    assert store.purge(1) == 15  # (on both backends: the server's retention removes the same 15)
    assert [r.record_id for r in store.list_discharges()] == [kept]
    assert store.verify_audit().ok
    rows = store.connection.execute("SELECT detail FROM audit WHERE event = 'purged' ORDER BY seq").fetchall()
    details = [json.loads(row[0]) for row in rows]
    assert [d["batch"] for d in details] == ["1/4", "2/4", "3/4", "4/4"]
    assert [len(d["records"]) for d in details] == [4, 4, 4, 3]
    assert sorted(rid for d in details for rid in d["records"]) == sorted(ids)


def test_recorded_sheets_elsewhere_go_and_ones_already_gone_are_not_counted(
    store: RecordStore, clock: FakeClock, tmp_path: Path
) -> None:
    """Sheets a print event recorded outside the outbox are found by listing their folder once (issue 19);
    a recorded sheet already deleted, or in a folder that is gone, is no error and not counted."""
    day = f"{clock.today():%Y%m%d}"
    elsewhere = tmp_path / "spool"
    elsewhere.mkdir()
    present = elsewhere / f"DK-{day}-0007-sheet.pdf"
    present.write_bytes(b"%PDF-1.4")
    bystander = elsewhere / f"DK-{day}-0008-sheet.pdf"
    bystander.write_bytes(b"%PDF-1.4")
    recorded = [str(present), str(elsewhere / f"DK-{day}-0007-reprint.pdf"), str(tmp_path / "gone" / "DK-x.pdf")]
    recorded.append(str(tmp_path / "gone" / f"DK-{day}-0007-sheet.pdf"))
    from kiosk.records.retention import _delete_sheets

    ids = {f"DK-{day}-0007"}
    assert _delete_sheets(store.outbox, ids, recorded, clock.today(), {f"DK-{day}-0008"}) == 1
    assert not present.exists() and bystander.exists()
