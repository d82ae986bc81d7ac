"""Issue 13 F2, reproduced with a real kiosk process: its -wal deleted under it, then SIGKILL, then a restart.

Before the fix the second discharge was "saved" into the unlinked WAL, the kill lost both discharges, ``records
verify`` said ok, and the next patient got the lost patient's record id and overwrote their outbox sheet.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.clock import FakeClock, SystemClock
from kiosk.printing.outbox import Outbox
from kiosk.records import RecordStore
from kiosk.records.durability import LOST_MESSAGE, HeadFile, JournalLost, RecordsLost
from tests.security.cli import run_main
from tests.security.wal_child import one_discharge

ROOT = Path(__file__).resolve().parents[2]


class Child:
    def __init__(self, db: Path, outbox: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.security.wal_child", str(db), str(outbox)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.read() == "ready"

    def read(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def discharge(self) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write("discharge\n")
        self.process.stdin.flush()
        return self.read()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


def test_a_deleted_wal_then_a_crash_loses_nothing_silently_and_reuses_no_id(tmp_path: Path) -> None:
    db, outbox = tmp_path / "records.sqlite3", tmp_path / "outbox"
    child = Child(db, outbox)
    first = child.discharge()
    assert first.startswith("done DK-"), first
    first_id = first.split()[1]
    os.unlink(db.with_name("records.sqlite3-wal"))  # e.g. a clean-up script, or IT "tidying" the folder
    second = child.discharge()
    child.kill()
    reported = [first_id] + ([second.split()[1]] if second.startswith("done ") else [])
    # The kiosk noticed and said so, in words for the screen (not a traceback).
    assert second.startswith("stopped ") and "write-ahead log (-wal) was deleted" in second, second

    sheets = {path.name: path.read_bytes() for path in outbox.iterdir()}
    with RecordStore(db, SystemClock()) as store:
        kept = {record.record_id for record in store.list_discharges()}
        assert set(reported) <= kept, f"reported saved but lost: {set(reported) - kept}"
        report = store.verify_audit()
        assert report.ok, report.summary()
        new_id = one_discharge(store, Outbox(outbox), 99)
    assert new_id not in reported
    for name, content in sheets.items():
        assert (outbox / name).read_bytes() == content, f"{name} was overwritten"


def _discharges(db: Path, clock: FakeClock, count: int, start: int) -> list[str]:
    with RecordStore(db, clock) as store:
        return [one_discharge(store, Outbox(db.parent / "outbox"), start + n) for n in range(count)]


def test_a_database_behind_its_head_file_is_reported_and_gives_no_id_twice(tmp_path: Path) -> None:
    """A lost tail however it happened (here: an older copy of the file put back): verify says records were
    lost, the store writes nothing more, and no id is given out twice."""
    db = tmp_path / "records.sqlite3"
    clock = FakeClock(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    _discharges(db, clock, 1, 0)  # closing checkpoints: the file holds everything
    old = db.read_bytes()
    given = _discharges(db, clock, 2, 1)
    db.write_bytes(old)  # the tail is gone; the -wal is gone too (emptied and removed at close)
    assert not db.with_name("records.sqlite3-wal").exists()
    with RecordStore(db, clock) as store:
        report = store.verify_audit()
        assert not report.ok and LOST_MESSAGE in report.problem
        with pytest.raises(RecordsLost, match="records were lost"):
            one_discharge(store, Outbox(tmp_path / "outbox"), 50)
    done = run_main(tmp_path, "records", "verify")
    assert done.returncode == 1 and LOST_MESSAGE in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert given == ["DK-20261201-0002", "DK-20261201-0003"]
    # IT investigated and restored the newest backup (here: nothing newer): the loss is recorded, writing goes on,
    # and the lost discharges' ids are not given out again.
    accepted = run_main(tmp_path, "records", "accept-loss")
    assert accepted.returncode == 0 and "lost for good" in accepted.stdout, accepted.stderr
    with RecordStore(db, clock) as store:
        assert store.verify_audit().ok
        assert one_discharge(store, Outbox(tmp_path / "outbox"), 60) == "DK-20261201-0004"
        events = [row[0] for row in store.connection.execute("SELECT event FROM audit")]
        assert "records-lost-accepted" in events


def test_the_store_stops_when_the_wal_is_replaced(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    clock = FakeClock(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
    with RecordStore(db, clock) as store:
        one_discharge(store, Outbox(tmp_path / "outbox"), 0)
        wal = db.with_name("records.sqlite3-wal")
        wal.rename(tmp_path / "old-wal")
        wal.write_bytes(b"")
        with pytest.raises(JournalLost, match="replaced"):
            one_discharge(store, Outbox(tmp_path / "outbox"), 1)
        with pytest.raises(JournalLost):
            store.check_writable()


def test_a_torn_head_write_keeps_the_older_slot_and_every_record_number(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    head = HeadFile(db)
    head.write(5, "a" * 64, "20261201", 2)
    head.write(6, "b" * 64, "20261201", 3)
    head.close()
    assert (HeadFile(db).head.seq, HeadFile(db).last_number("20261201")) == (6, 3)
    data = bytearray(head.path.read_bytes())
    newer = 0 if b'"seq": 6' in data[:1024] else 1
    data[newer * 1024 + 10 : newer * 1024 + 30] = b"\x00" * 20  # the crash cut the last write short
    head.path.write_bytes(bytes(data))
    assert HeadFile(db).head.seq == 5  # the older head: the database is then ahead of it, which is no loss
    head.path.write_bytes(b"\x07" * 2048)
    with pytest.raises(RecordsLost, match="cannot be read"):
        HeadFile(db)
