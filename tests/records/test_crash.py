"""Crash safety (hazard H6), in the spirit of SQLite's own crash tests.

A child process runs discharges and reports each commit after the call returns; the parent kills it with
SIGKILL at a random moment, then checks the database: ``integrity_check`` is ok, the audit chain verifies,
every reported commit is there, at most the one commit in flight is there unreported, and no discharge is
half-written (every record reads back whole and matches the prefix of the plan its audit rows say it reached).

25 kills by default, 200 when ``CI`` is set (the CI run), or ``KIOSK_CRASH_KILLS``. SIGKILL ends the process
at any instruction but leaves the operating system's page cache alone, so this tests SQLite's atomic commit
and our one-transaction-per-fact design; surviving a power cut additionally rests on ``synchronous=FULL``
(the WAL is fsynced before ``commit`` returns), which is SQLite's documented guarantee.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.record.model import DischargeRecord, DischargeState, PrintEventKind
from kiosk.records import RecordStore
from tests.records.crash_child import PLAN, patient_name

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("KIOSK_CRASH_KILLS") or (200 if os.environ.get("CI") else 25))
SEED = int(os.environ.get("KIOSK_CRASH_SEED") or 20261121)


class Zygote:
    """The child-forking helper process (see crash_child.py): one Python start-up for all the kills."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.records.crash_child", "--zygote"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin, self.stdout = self.process.stdin, self.process.stdout

    def run_and_kill(self, db: Path, seed: int, delay: float) -> list[list[str]]:
        """Fork a child, let it work ``delay`` seconds from just before it opens the store, SIGKILL it, return the
        lines it reported (each written only after its commit returned)."""
        self.stdin.write(f"run {db} {seed}\n")
        self.stdin.flush()
        ready = self.stdout.readline().split()
        assert ready[:1] == ["ready"], ready
        time.sleep(delay)
        os.kill(int(ready[1]), signal.SIGKILL)
        self.stdin.write("reap\n")
        self.stdin.flush()
        lines = []
        for line in self.stdout:
            if line == "dead\n":
                return lines
            lines.append(line.split())
        raise AssertionError(f"the zygote ended: {self.process.wait()}")

    def close(self) -> None:
        self.stdin.close()
        self.process.wait(timeout=30)
        self.stdout.close()


def _expected(progress: int) -> dict[str, object]:
    """What a record holds after the first ``progress`` facts of the plan."""
    facts = PLAN[:progress]
    state = DischargeState.STARTED
    for fact, arg in facts:
        if fact == "state":
            state = DischargeState(arg)
        elif fact == "signoff":
            state = DischargeState.SIGNED_OFF
        elif fact == "print" and arg == PrintEventKind.COMPLETED:
            state = DischargeState.PRINTED
        elif fact == "print" and arg == PrintEventKind.SHEET_IN_HAND:
            state = DischargeState.COMPLETED
    return {
        "steps": tuple(arg for fact, arg in facts if fact == "step"),
        "answers": tuple(arg == "right" for fact, arg in facts if fact == "answer"),
        "escort": any(fact == "escort" for fact, _ in facts),
        "signed": any(fact == "signoff" for fact, _ in facts),
        "prints": tuple(arg for fact, arg in facts if fact == "print"),
        "state": state,
    }


def _actual(store: RecordStore, record: DischargeRecord) -> dict[str, object]:
    return {
        "steps": tuple(c.step_id for c in record.confirmations),
        "answers": tuple(a.correct for a in record.answers),
        "escort": record.escort is not None,
        "signed": record.sign_off is not None,
        "prints": tuple(e.kind.value for e in store.print_events(record.record_id)),
        "state": record.state,
    }


def test_every_reported_commit_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "records.sqlite3"
    reported: Counter[str] = Counter()  # record id -> facts the child reported for it
    names: dict[str, str] = {}
    started = time.monotonic()
    zygote = Zygote()
    try:
        in_flight = _kill_loop(zygote, rng, db, reported, names)
    finally:
        zygote.close()
    print(
        f"crash test: {KILLS} kills, {sum(reported.values())} commits ({in_flight[0]} found committed but not yet"
        f" reported), {time.monotonic() - started:.1f} s"
    )
    assert sum(reported.values()) > KILLS  # the children really committed work between kills


def _kill_loop(
    zygote: Zygote, rng: random.Random, db: Path, reported: Counter[str], names: dict[str, str]
) -> list[int]:
    audit_rows = 0
    in_flight = [0]
    for kill in range(KILLS):
        seed = rng.randrange(1, 10**6)
        # One kill in five early (while the store opens, or on its first commit), the rest anywhere in 80 ms.
        delay = rng.uniform(0.0, 0.01) if rng.random() < 0.2 else rng.uniform(0.0, 0.08)
        lines = zygote.run_and_kill(db, seed, delay)
        for words in lines:
            reported[words[1]] += 1
            if words[0] == "start":
                names[words[1]] = patient_name(int(words[2]), int(words[3]))
        where = f"kill {kill + 1}/{KILLS} (KIOSK_CRASH_SEED={SEED}, child seed {seed}, {len(lines)} reported)"

        raw = sqlite3.connect(db)
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        raw.close()
        with RecordStore(db, SystemClock()) as store:
            report = store.verify_audit()
            assert report.ok, f"{where}: {report.summary()}"
            # Each call writes one audit row: all reported commits are there, plus at most the one in flight.
            assert report.rows - audit_rows in (len(lines), len(lines) + 1), where
            audit_rows = report.rows
            per_record = Counter(
                rid for (rid,) in store.connection.execute("SELECT record_id FROM audit WHERE record_id NOT NULL")
            )
            unreported = [rid for rid, rows in per_record.items() if rows != reported[rid]]
            assert len(unreported) <= 1, where
            for rid in unreported:
                assert per_record[rid] == reported[rid] + 1, where
                reported[rid] += 1  # committed just before the kill: from now on it must stay
                in_flight[0] += 1
            for record in store.list_discharges():
                rid = record.record_id
                assert _actual(store, record) == _expected(per_record[rid]), f"{where}: {rid} half-written"
                if rid in names:
                    assert record.patient.name == names[rid], where
                assert record.patient.hospital_number == "RJ123456", where
    return in_flight
