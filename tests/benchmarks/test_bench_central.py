"""Goals for the central store, against the real PostgreSQL server the central tests start.

Each goal is one benchmark alternating its floor and its measurement in pairs (``paired.py``), judged on the
upper quartile of the paired ratios, so a neighbour's load lands on both sides of a pair.

- ``central-confirm``: a committed confirmation while the sender runs (forwarding every fact to the server) costs
  <= 1.5x the same confirmation on a kiosk with no central store: the sender is never on the tap's path. Timed
  as the records goal is (``test_bench_records.py``): both write-ahead logs at full length first, and each pair
  the median of a block of alternations, because single commits on a VM disk are mostly fsync noise (300
  single pairs gave upper quartiles of 1.05-1.93 for the same code, and 1.43-1.64 with no sender at all).
- ``central-drain``: draining a 1200-fact backlog costs <= 3x a bare psycopg loop inserting 1200 one-row facts in
  one transaction, as the owner, into a table with no row security (the sender also reads the journal, writes
  about 2.25 rows per fact under row security, and moves its mark); ``facts_per_second`` is recorded for both.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
import uuid
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
from tests.benchmarks import paired
from tests.benchmarks.conftest import start_discharge
from tests.benchmarks.wal import FRAME_BYTES, steady_wal, wal_size
from tests.central.fixtures import CentralDb
from tests.central.kiosk_child import FACTS_PER_DISCHARGE, one_discharge

# ROUNDS pairs, each the median of BLOCK alternations per side (paired.alternate's ``block``).
ROUNDS = 40
BLOCK = 9
WARMUP = 30
# 9 pairs, each the median of DRAIN_BLOCK alternations: a drain takes 50-100 ms, and under load the floor alone
# swung from 100 to 480 ms, so one single pair caught by a neighbour's burst was a ninth of the verdict.
DRAIN_ROUNDS = 9
DRAIN_BLOCK = 3
BACKLOG_DISCHARGES = 100
BACKLOG = BACKLOG_DISCHARGES * FACTS_PER_DISCHARGE


def _idle(sender: CentralSender) -> None:
    """Until the sender has sent everything and gone back to waiting (the floor's turn must not share it)."""
    time.sleep(0.001)  # both sides pause alike, whether or not the sender was still at work
    deadline = time.monotonic() + 30
    while sender.status().unsent or sender.busy:
        if time.monotonic() > deadline:
            raise AssertionError(f"the sender did not catch up: {sender.status()}")
        time.sleep(0.001)


@pytest.mark.benchmark(group="central-confirm")
def test_confirm_while_the_sender_runs(benchmark: Any, central: CentralDb, tmp_path: Path, quick: bool) -> None:
    """``confirm_step`` on a kiosk without a central store and on one whose sender forwards every fact, alternated:
    ROUNDS pairs, each the median of BLOCK alternations, after WARMUP, both logs at full length before timing.

    The hardest case for the tap: each side waits (untimed) until the sender is idle, makes one untimed
    confirmation, then the timed one. On the measured side the untimed commit wakes the sender, which (with no
    settling pause) reads, sends and marks it while the timed confirmation runs; on the floor's side no sender is
    at work, as on a kiosk without a central store. Both sides do the same work in the same order (a pause before
    one side only would bias it: a commit right after another is quicker here than one after a pause). The sender
    is wired as the kiosk wires it (``CentralSender.follow``: woken by each commit, and keeping out of the
    store's writes between its steps, since issue 19's fifth session)."""
    settings = central.add_kiosk("A1")
    clock = SystemClock()
    with (
        RecordStore(tmp_path / "alone.sqlite3", clock) as alone,
        RecordStore(tmp_path / "sending.sqlite3", clock, kiosk_id="A1") as sending,
    ):
        step_id = load_library().get("nerve-root-block").steps[0].id
        floor_record, measured_record = start_discharge(alone), start_discharge(sending)

        def floor_confirm() -> None:
            alone.confirm_step(floor_record.record_id, step_id)

        def measured_confirm() -> None:
            sending.confirm_step(measured_record.record_id, step_id)

        if not quick:  # before the sender starts: it sends this backlog first, untimed
            steady_wal(alone.path, floor_confirm)
            steady_wal(sending.path, measured_confirm)
        sender = CentralSender(sending.path, settings, clock, poll_seconds=0.05, settle_seconds=0)
        sender.follow(sending)  # as the kiosk wires it (kiosk.app.start_central_sender)
        sender.start()
        try:
            _idle(sender)
            logs_before = wal_size(alone.path), wal_size(sending.path)

            def floor_setup() -> None:
                _idle(sender)
                floor_confirm()

            def measured_setup() -> None:
                _idle(sender)
                measured_confirm()  # wakes the sender

            overlapped: list[bool] = []

            def measured() -> None:
                measured_confirm()
                overlapped.append(sender.busy or sender.status().unsent > 0)  # still sending the untimed one?

            paired.run(
                benchmark,
                quick,
                floor_confirm,
                measured,
                ROUNDS,
                warmup=WARMUP,
                block=BLOCK,
                floor_setup=floor_setup,
                measured_setup=measured_setup,
            )
            _idle(sender)
            # How often the sender was still at work when the timed confirmation had committed.
            benchmark.extra_info["sender_busy_share"] = round(sum(overlapped) / len(overlapped), 2)
            grown = [
                now - before
                for now, before in zip((wal_size(alone.path), wal_size(sending.path)), logs_before, strict=True)
            ]
            benchmark.extra_info["wal_grown_frames"] = [round(g / FRAME_BYTES) for g in grown]
            if not quick:  # both logs rewrote frames in place while timed, as a kiosk's do all day
                assert max(grown) <= 16 * FRAME_BYTES, grown
        finally:
            sender.stop()
    assert sender.status().problem == ""
    assert sender.status().sent_total >= 1 + 2 * (1 if quick else ROUNDS * BLOCK)  # the sender really forwarded each
    assert central.count("SELECT count(*) FROM confirmations") >= 1


@pytest.fixture(scope="module")
def backlog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal of 100 whole discharges (1200 facts), made once and copied for each round."""
    path = tmp_path_factory.mktemp("backlog") / "journal.sqlite3"
    clock = SystemClock()
    with RecordStore(path, clock, kiosk_id="A1") as store:
        for n in range(BACKLOG_DISCHARGES):
            one_discharge(store, clock, "A", n)
    return path


def _drop(central: CentralDb, names: list[str]) -> None:
    with psycopg.connect(central.server.admin_dsn, autocommit=True) as conn:
        for name in names:
            conn.execute(
                psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psycopg.sql.Identifier(name))
            )


@pytest.mark.benchmark(group="central-drain")
def test_drain_a_backlog(benchmark: Any, central: CentralDb, backlog: Path, tmp_path: Path, quick: bool) -> None:
    """A bare psycopg insert loop of 1200 rows and a drain of a 1200-fact journal into a fresh central database
    (made untimed from a migrated template, as is the journal's copy), alternated."""
    template = central.add_kiosk("A1")
    # The bare loop's table in a database of its own: a database in use cannot be a template.
    made = [f"{central.name}_bare"]
    with psycopg.connect(central.server.admin_dsn, autocommit=True) as conn:
        conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(made[0])))
    bare = psycopg.connect(central.server.dsn_for(made[0]))
    with bare.transaction():
        bare.execute("CREATE TABLE bare (fact_id uuid PRIMARY KEY, seq bigint, detail text)")
    numbers = count()
    senders: list[CentralSender] = []

    def fresh_bare() -> None:
        with bare.transaction():
            bare.execute("TRUNCATE bare")

    def insert_loop() -> None:
        with bare.transaction(), bare.cursor() as cur:
            for _ in range(BACKLOG):
                cur.execute(
                    "INSERT INTO bare (fact_id, seq, detail) VALUES (%s, %s, %s)",
                    (uuid.uuid4().hex, next(numbers), '{"row":"' + "ab" * 32 + '"}'),
                )

    def fresh_sender() -> None:
        name = f"{central.name}_r{len(made)}"
        with psycopg.connect(central.server.admin_dsn, autocommit=True) as conn:
            conn.execute(
                psycopg.sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    psycopg.sql.Identifier(name), psycopg.sql.Identifier(central.name)
                )
            )
        made.append(name)
        journal = tmp_path / f"{name}.sqlite3"
        shutil.copy(backlog, journal)
        settings = CentralSettings(**{**template.__dict__, "database": name})
        senders.append(CentralSender(journal, settings, SystemClock()))

    def drain() -> None:
        sender = senders[-1]
        try:
            assert sender.send_pending() == BACKLOG
        finally:
            sender.stop()

    try:
        result = paired.run(
            benchmark,
            quick,
            insert_loop,
            drain,
            DRAIN_ROUNDS,
            block=DRAIN_BLOCK,
            floor_setup=fresh_bare,
            measured_setup=fresh_sender,
        )
    finally:
        bare.close()
        _drop(central, made)
    benchmark.extra_info["floor_facts_per_second"] = round(BACKLOG / statistics.median(result.floor_s))
    benchmark.extra_info["facts_per_second"] = round(BACKLOG / statistics.median(result.measured_s))
    with sqlite3.connect(backlog) as conn:  # the shared journal was only ever copied
        assert conn.execute("SELECT sent_seq FROM central_sent").fetchone()[0] == 0
    conn.close()
