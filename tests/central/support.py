"""Comparing a kiosk's local journal with what the central server holds (for the central-store tests)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from tests.central.fixtures import CentralDb


def local_facts(db: Path) -> list[tuple[int, str, str]]:
    """(seq, fact id, hash) of every audit row in the kiosk's journal, in order."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT a.seq, f.fact_id, a.hash FROM audit a JOIN fact_ids f USING (seq) ORDER BY seq")
        found = [(int(seq), str(fact_id), str(row_hash)) for seq, fact_id, row_hash in rows]
    conn.close()
    return found


def server_facts(central: CentralDb, kiosk_id: str) -> list[tuple[int, str, str]]:
    with central.admin() as conn:
        rows = conn.execute(
            "SELECT seq, replace(fact_id::text, '-', ''), hash FROM audit WHERE kiosk_id = %s ORDER BY seq",
            (kiosk_id,),
        ).fetchall()
    return [(int(seq), str(fact_id), str(row_hash)) for seq, fact_id, row_hash in rows]


def sent_mark(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        mark = int(conn.execute("SELECT sent_seq FROM central_sent").fetchone()[0])
    conn.close()
    return mark


def wait_until(condition: Callable[[], bool], seconds: float = 30.0, what: str = "the condition") -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(0.05)
