"""Kiosks as separate processes against one real PostgreSQL server: writing at once, killed while sending,
and the issue's "done when": two kiosks of one ward, the server stopped and started under them, one export."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from kiosk import paths
from kiosk.clock import SystemClock
from kiosk.records import RecordStore
from kiosk.records.central import server
from kiosk.records.central.settings import CentralSettings
from tests.central.fixtures import CentralDb
from tests.central.kiosk_child import FACTS_PER_DISCHARGE, one_discharge
from tests.central.pg_server import PrivatePostgres
from tests.central.support import kiosk_folder, local_facts, records, sent_mark, server_facts


def child(mode: str, db: Path, kiosk_id: str, settings: CentralSettings, number: int) -> subprocess.Popen[str]:
    argv = [sys.executable, "-m", "tests.central.kiosk_child", mode, str(db), kiosk_id]
    argv += [json.dumps(dataclasses.asdict(settings)), str(number)]
    return subprocess.Popen(
        argv, cwd=paths.PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()
    )


def finish(process: subprocess.Popen[str], seconds: float = 120) -> str:
    out, err = process.communicate(timeout=seconds)
    assert process.returncode == 0, err
    return out


def export_rows(central: CentralDb, tmp_path: Path, settings: CentralSettings) -> list[dict[str, str]]:
    """``records export --central`` as the kiosk's own role sees it (its ward only)."""
    import psycopg

    out = tmp_path / "ward.csv"
    with psycopg.connect(**settings.connect_kwargs()) as conn:
        server.export_ward(conn, date(2000, 1, 1), date(2100, 1, 1), out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_two_kiosk_processes_write_at_once(central: CentralDb, tmp_path: Path) -> None:
    a1, a2 = central.add_kiosk("A1"), central.add_kiosk("A2")
    other_ward = central.add_kiosk("B1", ward="ward-9")
    db1, db2 = tmp_path / "a1.sqlite3", tmp_path / "a2.sqlite3"
    kiosks = [child("discharges", db1, "A1", a1, 4), child("discharges", db2, "A2", a2, 4)]
    outputs = [finish(process) for process in kiosks]
    assert all("drained 0" in out for out in outputs), outputs
    for db, kiosk_id in ((db1, "A1"), (db2, "A2")):
        assert server_facts(central, kiosk_id) == local_facts(db)
        assert len(local_facts(db)) == 4 * FACTS_PER_DISCHARGE
    with central.admin() as conn:
        chains = server.verify_all(conn)
    assert [(c.kiosk_id, c.report.ok, c.report.rows) for c in chains] == [("A1", True, 48), ("A2", True, 48)]
    rows = export_rows(central, tmp_path, a1)
    ids = sorted(row["record_id"] for row in rows)
    assert len(ids) == len(set(ids)) == 8
    assert {rid.rsplit("-", 1)[1] for rid in ids} == {"A1", "A2"}
    assert all(row["state"] == "completed" for row in rows)
    assert export_rows(central, tmp_path, other_ward) == []  # another ward's kiosk sees none of them


def test_a_kiosk_killed_while_sending_delivers_each_fact_exactly_once(central: CentralDb, tmp_path: Path) -> None:
    settings = central.add_kiosk("A1")
    db = tmp_path / "a1.sqlite3"
    clock = SystemClock()
    with RecordStore(db, clock, kiosk_id="A1") as store:
        for n in range(25):
            one_discharge(store, clock, "A", n)
    total = 25 * FACTS_PER_DISCHARGE
    kills = 0
    for wait_for in (2, 5, 9):  # SIGKILL after a few batches each time, wherever the sender then is
        process = child("send", db, "A1", settings, 7)
        assert process.stdout is not None
        seen = 0
        for line in process.stdout:
            if line.startswith("sent"):
                seen += 1
                if seen == wait_for:
                    time.sleep(0.003 * wait_for)  # land inside a later batch, not always right after a mark
                    process.send_signal(signal.SIGKILL)
                    break
        process.communicate(timeout=30)  # reaps it and closes its pipes
        if process.returncode == -signal.SIGKILL:
            kills += 1
        assert 0 < sent_mark(db) < total
    assert kills == 3
    out = finish(child("send", db, "A1", settings, 7))
    assert out.rstrip().endswith("finished")
    assert sent_mark(db) == total
    assert server_facts(central, "A1") == local_facts(db)
    assert central.count("SELECT count(*) FROM confirmations") == 2 * 25
    assert central.count("SELECT count(*) FROM (SELECT record_id FROM discharges GROUP BY record_id) AS d") == 25
    with central.admin() as conn:
        (chain,) = server.verify_all(conn)
    assert chain.report.ok and chain.report.rows == total, chain.summary()


def test_two_kiosks_finish_their_discharges_through_a_server_restart(
    central: CentralDb, pg_server: PrivatePostgres, tmp_path: Path
) -> None:
    """The issue's "done when": PostgreSQL stopped and started under two kiosk processes of one ward; both finish
    their discharges, and one ``records export --central`` (as ward IT runs it on a kiosk) lists both kiosks'
    discharges exactly once."""
    a1, a2 = central.add_kiosk("A1"), central.add_kiosk("A2")
    folders = {"A1": kiosk_folder(tmp_path, a1), "A2": kiosk_folder(tmp_path, a2)}
    db1, db2 = folders["A1"] / "records.sqlite3", folders["A2"] / "records.sqlite3"
    kiosks = [child("discharges", db1, "A1", a1, 8), child("discharges", db2, "A2", a2, 8)]
    for process in kiosks:  # both are in the middle of their discharges...
        assert process.stdout is not None
        assert process.stdout.readline().startswith("discharge ")
    pg_server.stop()  # ...when the server goes away
    time.sleep(1.0)
    pg_server.start()
    outputs = [finish(process) for process in kiosks]
    started: list[str] = []
    for out in outputs:
        assert out.count("discharge ") == 7 and "drained 0" in out, out
        assert "problem Cannot reach the central records server" in out, out  # each kiosk saw the outage
        started += [line.split()[1] for line in out.splitlines() if line.startswith("discharge ")]
    for db, kiosk_id in ((db1, "A1"), (db2, "A2")):
        assert server_facts(central, kiosk_id) == local_facts(db)
    out = tmp_path / "ward.csv"
    exported = records(
        folders["A2"], "export", "--central", "--from", "2000-01-01", "--to", "2100-01-01", "--csv", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    assert "exported 16 discharges of every kiosk" in exported.stdout
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = [row["record_id"] for row in rows]
    assert len(ids) == len(set(ids)) == 16
    assert {rid.rsplit("-", 1)[1] for rid in ids} == {"A1", "A2"}
    # The 14 the children printed (each prints a discharge once it is whole; the first of each was read above).
    assert set(started) < set(ids)
    assert all(row["state"] == "completed" for row in rows)
    for kiosk_id, folder in folders.items():  # and on each kiosk, the server's copy of its trail is its own
        verified = records(folder, "verify", "--central")
        assert verified.returncode == 0, verified.stderr
        assert f"this kiosk ({kiosk_id}): the central store has all 96 of its audit rows" in verified.stdout
