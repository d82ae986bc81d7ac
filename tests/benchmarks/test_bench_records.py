"""Goal: one committed confirmation costs <= 1.5x a bare sqlite3 insert-and-commit of one row.

Both sides use a real database file in WAL mode with synchronous=FULL, so both pay for a real fsync. A durable
commit of the store is the database's fsync **and** the head file's (``kiosk/records/durability.py``: the
audit head beside the database, issue 13 F2), so the floor writes one 1 KB slot of a file beside its database
with ``pwrite`` and ``fdatasync`` after each commit too (issue 19: a floor without it measured the head file
against nothing).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from kiosk.clock import SystemClock
from kiosk.content.loader import load_library
from kiosk.records import RecordStore
from kiosk.records.durability import SLOT_SIZE
from tests.benchmarks import paired
from tests.benchmarks.conftest import start_discharge

# fsync time on a VM disk wanders from moment to moment: a fixed, large sample on both sides steadies the medians.
ROUNDS = 300
WARMUP = 30


@pytest.fixture
def bare_db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(tmp_path / "bare.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE confirmations (id INTEGER PRIMARY KEY, record_id TEXT, step_id TEXT, at TEXT)")
    yield connection
    connection.close()


@pytest.fixture
def bare_head(tmp_path: Path) -> Iterator[int]:
    """The floor's equivalent of the store's head file: one descriptor, slots rewritten in place."""
    fd = os.open(tmp_path / "bare.sqlite3-head", os.O_RDWR | os.O_CREAT, 0o600)
    yield fd
    os.close(fd)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    with RecordStore(tmp_path / "records.sqlite3", SystemClock()) as opened:
        yield opened


@pytest.mark.benchmark(group="records")
def test_confirm_step(
    benchmark: Any, bare_db: sqlite3.Connection, bare_head: int, store: RecordStore, quick: bool
) -> None:
    """A bare BEGIN/INSERT/COMMIT plus a head-file flush and ``confirm_step`` alternated, ROUNDS pairs after
    WARMUP."""
    numbers = count()

    def insert() -> None:
        number = next(numbers)
        bare_db.execute("BEGIN")
        bare_db.execute(
            "INSERT INTO confirmations (record_id, step_id, at) VALUES (?, ?, ?)",
            ("DK-20261121-0001", f"step-{number}", datetime.now().isoformat()),
        )
        bare_db.execute("COMMIT")
        os.pwrite(bare_head, f'{{"seq": {number}}}'.encode().ljust(SLOT_SIZE, b" "), (number % 2) * SLOT_SIZE)
        os.fdatasync(bare_head)

    record = start_discharge(store)
    procedure = load_library().get(record.procedure_id)
    step_id = procedure.steps[0].id
    paired.run(benchmark, quick, insert, lambda: store.confirm_step(record.record_id, step_id), ROUNDS, warmup=WARMUP)
    assert bare_db.execute("SELECT count(*) FROM confirmations").fetchone()[0] >= 1
    assert os.fstat(bare_head).st_size >= SLOT_SIZE
    assert step_id in store.get(record.record_id).confirmed_step_ids
