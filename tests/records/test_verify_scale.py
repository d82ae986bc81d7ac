"""`records verify` streams: its memory does not grow with the trail, and its fast hashing is the canonical one."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from kiosk.records import audit
from tests.benchmarks import history


def _slow_canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_the_direct_hashing_gives_exactly_the_canonical_text() -> None:
    """chain_hash and row_digest write the JSON themselves for speed: byte for byte what json.dumps writes."""
    rng = random.Random(19)
    alphabet = 'aZ09"\\/\n\t\x00\x1f\x7f é€😀\u2028{}[],:'

    def text() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))

    for index in range(3000):
        row = [rng.randint(-5, 10**12), text(), None if index % 5 == 0 else text(), text(), text(), text()]
        want = hashlib.sha256(("p" + _slow_canonical(row)).encode("utf-8")).hexdigest()
        assert audit.chain_hash("p", *row) == want, row
        values = [rng.choice([None, rng.randint(-(10**15), 10**15), text(), True, 1.5]) for _ in range(6)]
        want = hashlib.sha256(b"s" + _slow_canonical(values).encode("utf-8")).hexdigest()
        assert audit.row_digest(b"s", values) == want, values


def test_verify_holds_no_more_memory_for_a_longer_trail(tmp_path: Path) -> None:
    """The old verify kept a dict entry per kept record row: megabytes at 20k rows, hundreds at 1.75M."""
    path = tmp_path / "records.sqlite3"
    rows = history.build(path, 2000)
    conn = sqlite3.connect(path)
    try:
        tracemalloc.start()
        report = audit.verify(conn)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        conn.close()
    assert report.ok and report.rows == rows > 20_000
    assert peak < 512 * 1024, f"verify held {peak / 1024:.0f} KiB at its peak"


def test_sqlite_writes_the_canonical_text_and_a_mismatch_is_rechecked_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """verify hashes SQLite's json_array text; should SQLite ever write a value differently from canonical(),
    the row is re-hashed from its values in Python before anything is called changed (no false alarm)."""
    path = tmp_path / "records.sqlite3"
    history.build(path, 30)
    conn = sqlite3.connect(path)
    try:
        for values in (['a"b\n\x01é€😀\u2028', None, -(2**62), "\t\r\b\f/"], [1, "", "{}"]):
            sql = conn.execute(f"SELECT json_array({', '.join('?' * len(values))})", values).fetchone()[0]
            assert sql == audit.canonical(values)
        monkeypatch.setattr(audit, "_CHAIN", audit._CHAIN.replace("detail)", "detail || ' ')"))
        original = audit._row_query
        monkeypatch.setattr(audit, "_row_query", lambda t, c: original(t, c).replace("json_array(", "json_array(1, "))
        assert audit.verify(conn).ok
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET actor = 'someone else' WHERE seq = 5")
        report = audit.verify(conn)
        assert (report.ok, report.first_bad_seq) == (False, 5)
    finally:
        conn.close()


def test_records_verify_does_not_load_qt(tmp_path: Path) -> None:
    """The record store only marks its texts for translation; loading Qt for that cost ``records verify`` 15 MB
    of its peak memory (24 against 39 MB for an empty store) and the command 40 ms a start."""
    root = Path(__file__).resolve().parents[2]
    child = (
        "import sys\n"
        "from kiosk.cli import main\n"
        f"code = main(['--data-dir', {str(tmp_path)!r}, 'records', 'verify'])\n"
        "print('qt' if any(name.startswith('PySide6') for name in sys.modules) else 'no qt', code)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, cwd=root, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "no qt 0"
