"""Comparing a kiosk's local journal with what the central server holds, and running ``main.py records`` as a
kiosk configured for the central store (for the central-store tests)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.records.central.settings import CentralSettings
from tests.central.fixtures import CentralDb

MAIN = Path(__file__).resolve().parents[2] / "main.py"


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


def kiosk_folder(tmp_path: Path, settings: CentralSettings) -> Path:
    """A kiosk's data folder with its config.toml pointing at the central store (no password in it)."""
    folder = tmp_path / f"kiosk-{settings.kiosk_id}"
    folder.mkdir()
    (folder / "config.toml").write_text(
        "[records]\n"
        'backend = "postgresql"\n'
        f'kiosk_id = "{settings.kiosk_id}"\n'
        f'central_host = "{settings.host}"\n'
        f"central_port = {settings.port}\n"
        f'central_database = "{settings.database}"\n'
        f'central_user = "{settings.user}"\n'
        f'central_password_file = "{settings.password_file}"\n'
        'central_sslmode = "disable"\n',
        encoding="utf-8",
    )
    return folder


def records(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    return subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(folder), "records", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
