"""Goals against a ward's history: the purge, the nurse's lists and ``records verify`` with years of discharges.

Each size is a database of completed past discharges (``history.py``: 11 audit rows each) built once per
session; the growth table shows each figure at about 1k, 100k and 1M audit rows, and the goals are judged at
the largest (100k discharges, 1.1M audit rows). Floor and measurement alternate round by round
(``paired.py``). In the normal test run (benchmarks disabled) only the smallest size runs, one pair, for
correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk import paths
from kiosk.clock import FakeClock
from kiosk.discharge.nurse_list import rows_for
from kiosk.record.model import DischargeState, PrintEvent, PrintEventKind
from kiosk.records import RecordStore, audit
from kiosk.records.retention import purge
from tests.benchmarks import history, paired
from tests.discharge_support import PATIENT_A
from tests.records.factories import make_procedure, start

SIZES = (100, 10_000, 100_000)  # past discharges: 1.1k, 110k and 1.1M audit rows
GOAL_SIZE = SIZES[-1]
VERIFY_MEMORY_SIZES = (*SIZES, 160_000)  # and the 1.76M audit rows, where the old verify held 682 MiB
MAIN = paths.PROJECT_ROOT / "main.py"
# Pairs per size. Three pairs made the upper quartile nearly the worst pair (verify: q3 1.79 against a median of
# 1.47 in one run); the slow goals get more pairs, not a looser limit (issue 19). Each pair is each side's median
# of BLOCK alternations (``paired.alternate``): a purge or a verify takes seconds, long enough for a neighbour's
# burst of load to land on one side of a single pair, and with 5 or 7 single pairs two such pairs decided the
# upper quartile (verify held at q3 1.47 against 1.5 in the last full run). Verify's pairs went from 7 single to
# 5 of 3 (15 timed alternations, not 7), so the bench stays within minutes.
PURGE_ROUNDS = 5
PURGE_BLOCK = 3
VERIFY_ROUNDS = 5
VERIFY_BLOCK = 3
# 16 alternations of about 11 s at the goal's size, more under load: past the suite's 300 s per test.
LONG_TIMEOUT_S = 1200
# The nurse's home takes about 0.1 ms: one descheduled call on the shared machine was a pair's ratio (15 pairs of
# 5 calls gave a median of 1.67x and an upper quartile of 4.61x under load 6), so each pair is each side's median
# of a block of alternations.
LIST_ROUNDS = 20
LIST_BLOCK = 5


@pytest.fixture(scope="session")
def history_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("history")


def sized(request: pytest.FixtureRequest, quick: bool, discharges: int, goal_size: int = GOAL_SIZE) -> None:
    if quick and discharges > SIZES[0]:
        pytest.skip("a long history is built and timed only in the benchmark run (./kiosk.sh bench)")
    benchmark = request.getfixturevalue("benchmark")
    benchmark.extra_info["discharges"] = discharges
    if discharges == goal_size:
        benchmark.group = request.node.get_closest_marker("goal").args[0]


def growth(benchmark: Any, figure: str, path: Path) -> None:
    benchmark.extra_info["growth"] = figure
    benchmark.extra_info["audit_rows"] = history.audit_rows(path)


def clock_today() -> FakeClock:
    return FakeClock(datetime.combine(history.TODAY, datetime.min.time(), UTC).replace(hour=15))


# ----- purge -----------------------------------------------------------------------------------------------


@pytest.mark.goal("purge")
@pytest.mark.timeout(LONG_TIMEOUT_S)
@pytest.mark.parametrize("discharges", SIZES)
def test_purge_against_a_bare_delete(
    benchmark: Any, request: pytest.FixtureRequest, quick: bool, history_root: Path, tmp_path: Path, discharges: int
) -> None:
    """``retention.purge`` of every past discharge (sheets, batches, audit rows, checkpoint) vs one bare DELETE
    of the same rows on a connection with the store's settings (WAL, FULL, foreign keys, secure delete);
    PURGE_ROUNDS pairs of PURGE_BLOCK alternations, each side on a fresh copy."""
    sized(request, quick, discharges)
    source = history.cached(history_root, discharges)
    growth(benchmark, "purge", source)
    state: dict[str, Any] = {}

    def fresh_bare() -> None:
        conn = sqlite3.connect(history.copy_of(source, tmp_path / "bare"), isolation_level=None)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "secure_delete = ON"):
            conn.execute(f"PRAGMA {pragma}")
        state["bare"] = conn

    def bare_delete() -> None:
        conn = state.pop("bare")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM discharges WHERE created_day < ?", (history.TODAY.isoformat(),))
        conn.execute("COMMIT")
        conn.close()

    def fresh_store() -> None:
        path = history.copy_of(source, tmp_path / "kiosk")
        state["store"] = RecordStore(path, clock_today(), outbox=tmp_path / "kiosk" / "outbox")

    def kiosk_purge() -> None:
        with state.pop("store") as store:
            state["result"] = purge(store, 0)

    paired.run(
        benchmark,
        quick,
        bare_delete,
        kiosk_purge,
        PURGE_ROUNDS,
        warmup=0,
        block=PURGE_BLOCK,
        floor_setup=fresh_bare,
        measured_setup=fresh_store,
    )
    assert state["result"].discharges == discharges


# ----- the nurse's lists -----------------------------------------------------------------------------------

_TODAY_ROWS = (
    "SELECT * FROM discharges WHERE created_day = ?",
    *(
        f"SELECT * FROM {table} WHERE record_id IN (SELECT record_id FROM discharges WHERE created_day = ?)"
        for table in ("confirmations", "answers", "escorts", "overrides", "sign_offs", "help_calls")
    ),
)


def add_today(store: RecordStore, clock: FakeClock) -> list[str]:
    """A day on the ward so far: 12 discharges, 3 with the patient (their ids returned), 2 printed and not yet
    handed over."""
    procedure = make_procedure()
    with_patient: list[str] = []
    for number in range(12):
        clock.advance(minutes=20)
        rid = start(store, PATIENT_A, procedure).record_id
        if number < 3:
            store.set_state(rid, DischargeState.WITH_PATIENT)
            with_patient.append(rid)
            continue
        store.sign_off(rid, "Sam Patel", ())
        store.record_print_event(rid, PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=number))
        if number >= 5:
            store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))
    return with_patient


@pytest.mark.goal("lists")
@pytest.mark.parametrize("discharges", SIZES)
def test_nurse_home_against_bare_indexed_queries(
    benchmark: Any, request: pytest.FixtureRequest, quick: bool, history_root: Path, tmp_path: Path, discharges: int
) -> None:
    """The nurse's home (today, every unfinished, every unconfirmed sheet, as rows) vs bare indexed SELECTs of
    the same day's discharges and their attached rows (every attached table the home reads).

    Before each call on either side (untimed), a patient confirms a step on one of the day's discharges, as
    between two renders on the ward: the home then builds that one record anew and takes the others from its
    last reading (``reading.Recent``), so the figure is not that of an unchanged list."""
    sized(request, quick, discharges)
    path = history.copy_of(history.cached(history_root, discharges), tmp_path)
    growth(benchmark, "lists", path)
    clock = clock_today()
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(RecordStore(path, clock, outbox=tmp_path / "outbox"))
        patients = itertools.cycle(add_today(store, clock))
        # The store's own connection: a second one would find its page cache stale after each write between
        # calls, and pay for reading the pages again where the store does not.
        bare = store.db.connection
        day = (history.TODAY.isoformat(),)
        shown: list[int] = []

        def bare_queries() -> None:
            for query in _TODAY_ROWS:
                bare.execute(query, day).fetchall()

        def nurse_home() -> None:
            shown.append(len(rows_for(store.nurse_home(history.TODAY), {}, history.TODAY)))

        def a_step_confirmed() -> None:
            store.confirm_step(next(patients), "rest")

        paired.run(
            benchmark,
            quick,
            bare_queries,
            nurse_home,
            LIST_ROUNDS,
            repeat=3,
            block=LIST_BLOCK,
            floor_setup=a_step_confirmed,
            measured_setup=a_step_confirmed,
        )
        assert shown[-1] == 12


# ----- records verify --------------------------------------------------------------------------------------


def read_and_hash(conn: sqlite3.Connection) -> int:
    """The floor: every row of the trail and of each record table read once and hashed once."""
    count = 0
    for table in ("audit", *audit.DIGESTED):
        for row in conn.execute(f"SELECT * FROM {table}"):
            hashlib.sha256(str(row).encode("utf-8")).digest()
            count += 1
    return count


@pytest.mark.goal("verify")
@pytest.mark.timeout(LONG_TIMEOUT_S)
@pytest.mark.parametrize("discharges", SIZES)
def test_verify_against_reading_and_hashing_each_row(
    benchmark: Any, request: pytest.FixtureRequest, quick: bool, history_root: Path, discharges: int
) -> None:
    sized(request, quick, discharges)
    path = history.cached(history_root, discharges)
    growth(benchmark, "verify", path)
    reports: list[audit.AuditReport] = []
    with RecordStore(path, clock_today()) as store, contextlib.closing(sqlite3.connect(path)) as bare:
        paired.run(
            benchmark,
            quick,
            lambda: read_and_hash(bare),
            lambda: reports.append(store.verify_audit()),
            VERIFY_ROUNDS,
            block=VERIFY_BLOCK,
        )
    assert reports[-1].ok and reports[-1].rows == history.audit_rows(path)


_FLOOR_PROCESS = """
import hashlib, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
for table in ("audit", "discharges", "confirmations", "answers", "escorts", "overrides", "sign_offs", "print_events"):
    for row in conn.execute(f"SELECT * FROM {table}"):
        hashlib.sha256(str(row).encode("utf-8")).digest()
"""
PEAK = Path(__file__).with_name("peak_memory.py")


def peak_mib(script: Path, *args: str) -> float:
    """Peak resident memory of one whole Python process running ``script`` (``peak_memory.py``)."""
    done = subprocess.run(
        [sys.executable, str(PEAK), str(script), *args], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.rsplit("peak-kib ", 1)[1]) / 1024


@pytest.mark.goal("verify-memory")
@pytest.mark.parametrize("discharges", VERIFY_MEMORY_SIZES)
def test_verify_memory(
    benchmark: Any, request: pytest.FixtureRequest, quick: bool, history_root: Path, tmp_path: Path, discharges: int
) -> None:
    """Peak RSS of the whole ``main.py records verify`` process; a process reading and hashing the same rows
    is shown for scale."""
    sized(request, quick, discharges, VERIFY_MEMORY_SIZES[-1])
    path = history.cached(history_root, discharges)
    growth(benchmark, "verify-memory", path)
    floor_script = tmp_path / "read_and_hash.py"
    floor_script.write_text(_FLOOR_PROCESS, encoding="utf-8")
    peaks: dict[str, float] = {}

    def both() -> None:
        peaks["floor"] = peak_mib(floor_script, str(path))
        peaks["measured"] = peak_mib(MAIN, "--data-dir", str(path.parent), "records", "verify")

    benchmark.pedantic(both, rounds=1, iterations=1)
    benchmark.extra_info["role"] = "measured"
    benchmark.extra_info["mb"] = round(peaks["measured"], 1)
    benchmark.extra_info["floor_mb"] = round(peaks["floor"], 1)
    assert peaks["measured"] > 0


def test_history_dates_are_all_in_the_past() -> None:
    """The history builder's days end the day before TODAY, so a purge with 0 days takes all of them."""
    days = list(history._days(100, history.TODAY))
    assert days[-1][0] == history.TODAY - timedelta(days=1)
    assert len({day for day, _ in days}) == 3
