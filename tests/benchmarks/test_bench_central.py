"""Goals for the central store, against the real PostgreSQL server the central tests start.

- ``central-confirm``: a committed confirmation while the sender runs (forwarding every fact to the server) costs
  <= 1.5x the same confirmation with no central store: the sender is never on the tap's path.
- ``central-drain``: draining a 1200-fact backlog costs <= 3x a bare psycopg loop inserting 1200 one-row facts in
  one transaction, as the owner, into a table with no row security (the sender also reads the journal, writes
  about 2.25 rows per fact under row security, and moves its mark); ``facts_per_second`` is recorded for both.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kiosk.clock import SystemClock
from kiosk.content.loader import load_library
from kiosk.records import RecordStore
from kiosk.records.central.sender import CentralSender
from kiosk.records.central.settings import CentralSettings
from tests.benchmarks.conftest import mark, start_discharge
from tests.central.fixtures import CentralDb
from tests.central.kiosk_child import FACTS_PER_DISCHARGE, one_discharge
from tests.central.pg_server import PrivatePostgres
from tests.central.support import wait_until

ROUNDS = 300
WARMUP = 30
BACKLOG_DISCHARGES = 100
BACKLOG = BACKLOG_DISCHARGES * FACTS_PER_DISCHARGE


@pytest.fixture
def confirm_store(tmp_path: Path) -> Iterator[RecordStore]:
    with RecordStore(tmp_path / "records.sqlite3", SystemClock(), kiosk_id="A1") as opened:
        yield opened


def _confirm(benchmark: Any, store: RecordStore) -> None:
    record = start_discharge(store)
    step_id = load_library().get(record.procedure_id).steps[0].id
    benchmark.pedantic(store.confirm_step, args=(record.record_id, step_id), rounds=ROUNDS, warmup_rounds=WARMUP)


@pytest.mark.benchmark(group="central-confirm")
def test_floor_confirm_without_a_central_store(benchmark: Any, confirm_store: RecordStore) -> None:
    mark(benchmark, "floor")
    _confirm(benchmark, confirm_store)


@pytest.mark.benchmark(group="central-confirm")
def test_confirm_while_the_sender_runs(
    benchmark: Any,
    confirm_store: RecordStore,
    central: CentralDb,
) -> None:
    mark(benchmark, "measured")
    settings = central.add_kiosk("A1")
    sender = CentralSender(confirm_store.path, settings, SystemClock(), poll_seconds=0.05)
    confirm_store.add_commit_listener(sender.wake)
    sender.start()
    try:
        _confirm(benchmark, confirm_store)
        # The sender really was forwarding: everything reaches the server (the sender waits 0.2 s after a wake).
        wait_until(lambda: sender.status().sent_total > 0 and sender.status().unsent == 0, what="the sender")
    finally:
        sender.stop()
    assert sender.status().problem == ""


@pytest.fixture(scope="module")
def backlog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal of 100 whole discharges (1200 facts), made once and copied for each round."""
    path = tmp_path_factory.mktemp("backlog") / "journal.sqlite3"
    clock = SystemClock()
    with RecordStore(path, clock, kiosk_id="A1") as store:
        for n in range(BACKLOG_DISCHARGES):
            one_discharge(store, clock, "A", n)
    return path


@pytest.fixture
def template(central: CentralDb) -> CentralSettings:
    """The test's migrated database with the kiosk role: each drain round gets a fresh copy of it."""
    return central.add_kiosk("A1")


def _fresh(central: CentralDb, settings: CentralSettings, rounds: Iterator[int]) -> CentralSettings:
    name = f"{central.name}_r{next(rounds)}"
    with psycopg.connect(central.server.admin_dsn, autocommit=True) as conn:
        conn.execute(
            psycopg.sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                psycopg.sql.Identifier(name), psycopg.sql.Identifier(central.name)
            )
        )
    return CentralSettings(**{**settings.__dict__, "database": name})


@pytest.mark.benchmark(group="central-drain")
def test_floor_bare_psycopg_insert_loop(
    benchmark: Any,
    central: CentralDb,
    pg_server: PrivatePostgres,
) -> None:
    mark(benchmark, "floor")
    with central.admin() as conn:
        conn.execute("CREATE TABLE bare (fact_id uuid PRIMARY KEY, seq bigint, detail text)")
    with psycopg.connect(central.admin_dsn) as conn:
        numbers = count()

        def insert_loop() -> None:
            with conn.transaction(), conn.cursor() as cur:
                for _ in range(BACKLOG):
                    cur.execute(
                        "INSERT INTO bare (fact_id, seq, detail) VALUES (%s, %s, %s)",
                        (uuid.uuid4().hex, next(numbers), '{"row":"' + "ab" * 32 + '"}'),
                    )

        benchmark.pedantic(insert_loop, rounds=5, warmup_rounds=1)
    benchmark.extra_info["facts_per_second"] = BACKLOG / benchmark.stats.stats.median if benchmark.stats else 0


@pytest.mark.benchmark(group="central-drain")
def test_drain_a_backlog(
    benchmark: Any,
    central: CentralDb,
    template: CentralSettings,
    backlog: Path,
    tmp_path: Path,
) -> None:
    mark(benchmark, "measured")
    rounds = count()
    made: list[str] = []

    def setup() -> tuple[tuple[CentralSender], dict[str, Any]]:
        settings = _fresh(central, template, rounds)
        made.append(settings.database)
        journal = tmp_path / f"{settings.database}.sqlite3"
        shutil.copy(backlog, journal)
        return (CentralSender(journal, settings, SystemClock()),), {}

    def drain(sender: CentralSender) -> None:
        try:
            assert sender.send_pending() == BACKLOG
        finally:
            sender.stop()

    try:
        benchmark.pedantic(drain, setup=setup, rounds=5, warmup_rounds=1)
    finally:
        with psycopg.connect(central.server.admin_dsn, autocommit=True) as conn:
            for name in made:
                conn.execute(
                    psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psycopg.sql.Identifier(name))
                )
    benchmark.extra_info["facts_per_second"] = BACKLOG / benchmark.stats.stats.median if benchmark.stats else 0
    with sqlite3.connect(backlog) as conn:  # the shared journal was only ever copied
        assert conn.execute("SELECT sent_seq FROM central_sent").fetchone()[0] == 0
    conn.close()
