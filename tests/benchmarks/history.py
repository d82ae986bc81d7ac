"""Records databases with a ward's years of history, built in seconds, valid to the last hash.

One discharge is walked through the real ``RecordStore`` (started, steps confirmed, a question answered, an
escort, signed off, printed, sheet in hand): its rows, data and audit alike, are the template. Each past
discharge is a copy of it on another day and with another record id, its salted digests and the whole hash
chain re-computed as the store would, so ``records verify`` passes on the result. Rows go in with
``executemany`` in one transaction per table; ``cached`` keeps each size once per test session.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.record.model import DischargeState, PrintEvent, PrintEventKind
from kiosk.records import RecordStore, audit
from kiosk.records.durability import HEAD_SUFFIX
from tests.discharge_support import PATIENT_A
from tests.records.factories import escort, make_procedure, start

TODAY = date(2026, 11, 21)
PER_DAY = 48  # a busy day-case ward
_TEMPLATE_DAY = date(2020, 1, 6)
_CHUNK = 5000  # discharges built and inserted at a time
_CHILD_TABLES = ("confirmations", "answers", "escorts", "overrides", "sign_offs", "print_events")


@dataclass(frozen=True)
class Template:
    discharge: dict[str, object]  # column -> value
    children: dict[str, list[dict[str, object]]]  # table -> rows (column -> value), in insertion order
    audit: list[tuple[int, str, str | None, str, str, str]]  # (seq, at, record_id, event, actor, detail)
    record_id: str


def _walk(store: RecordStore, clock: FakeClock) -> str:
    """The template discharge; its sheet path is recorded as the printing service records it (the purge reads it)."""
    procedure = make_procedure()
    record = start(store, PATIENT_A, procedure)
    rid = record.record_id
    store.set_state(rid, DischargeState.WITH_PATIENT)
    store.confirm_step(rid, "rest")
    store.confirm_step(rid, "drive")
    store.record_answer(rid, "drive", 1, True)
    store.record_escort(rid, escort(clock.now() + timedelta(hours=24)))
    store.set_state(rid, DischargeState.AWAITING_NURSE)
    store.sign_off(rid, "Sam Patel", (("Escort checked", True),))
    sheet = str(store.outbox / f"{rid}-sheet.pdf")
    for kind in (PrintEventKind.SUBMITTED, PrintEventKind.COMPLETED):
        store.record_print_event(rid, PrintEvent(kind, clock.now(), job_id=7, queue="Ward", pdf_path=sheet))
    store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam Patel"))
    return rid


def template(folder: Path) -> Template:
    """One completed discharge, made by the real store in an empty ``folder``, read back row by row."""
    clock = FakeClock(datetime.combine(_TEMPLATE_DAY, datetime.min.time(), UTC).replace(hour=10))
    folder.mkdir(parents=True, exist_ok=True)
    with RecordStore(folder / "template.sqlite3", clock, outbox=folder / "outbox") as store:
        rid = _walk(store, clock)
        conn = store.connection
        conn.row_factory = sqlite3.Row
        discharge = dict(conn.execute("SELECT * FROM discharges WHERE record_id = ?", (rid,)).fetchone())
        children = {
            table: [dict(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")] for table in _CHILD_TABLES
        }
        rows = conn.execute("SELECT seq, at, record_id, event, actor, detail FROM audit ORDER BY seq").fetchall()
        conn.row_factory = None
    return Template(discharge, children, [tuple(r) for r in rows], rid)  # type: ignore[misc]


def _shift(value: object, old: tuple[str, str, str], new: tuple[str, str, str]) -> object:
    """The template's record id and day, in any text value, moved to the copy's."""
    if not isinstance(value, str):
        return value
    for before, after in zip(old, new, strict=True):
        value = value.replace(before, after)
    return value


def _days(count: int, today: date) -> Iterator[tuple[date, int]]:
    """(day, number that day) for ``count`` past discharges, PER_DAY a day, ending the day before ``today``."""
    days = (count + PER_DAY - 1) // PER_DAY
    first = today - timedelta(days=days)
    for index in range(count):
        yield first + timedelta(days=index // PER_DAY), index % PER_DAY + 1


def build(path: Path, discharges: int, today: date = TODAY) -> int:
    """A records database at ``path`` with ``discharges`` completed past discharges; returns its audit rows."""
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        tpl = template(Path(scratch))
    with RecordStore(path, FakeClock(datetime.combine(today, datetime.min.time(), UTC))):
        pass  # creates and migrates the schema exactly as the kiosk does
    d_cols = [c for c in tpl.discharge if c != "audit_seq"]
    c_cols = {t: [c for c in rows[0] if c not in ("id", "audit_seq")] for t, rows in tpl.children.items() if rows}
    inserts = {
        "audit": "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)",
        "discharges": f"INSERT INTO discharges ({', '.join(d_cols)}, audit_seq) VALUES ({_marks(len(d_cols) + 1)})",
        **{
            table: f"INSERT INTO {table} ({', '.join(cols)}, audit_seq) VALUES ({_marks(len(cols) + 1)})"
            for table, cols in c_cols.items()
        },
    }
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = OFF")  # a test fixture: fast to build; the store syncs its own writes
        conn.execute("BEGIN")
        seq, prev = 0, audit.GENESIS_HASH
        counters: dict[str, int] = {}
        days = list(_days(discharges, today))
        for first in range(0, len(days), _CHUNK):  # bounded memory: one chunk of rows at a time, one transaction
            rows, seq, prev = _copies(tpl, days[first : first + _CHUNK], d_cols, c_cols, seq, prev, counters)
            for table, values in rows.items():
                conn.executemany(inserts[table], values)
        conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (seq, prev))
        conn.executemany("INSERT INTO record_counter (day, last) VALUES (?, ?)", list(counters.items()))
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return seq


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _copies(
    tpl: Template,
    days: list[tuple[date, int]],
    d_cols: list[str],
    c_cols: dict[str, list[str]],
    seq: int,
    prev: str,
    counters: dict[str, int],
) -> tuple[dict[str, list[tuple[object, ...]]], int, str]:
    """The rows of one discharge per (day, number), chained on from (seq, prev)."""
    rows: dict[str, list[tuple[object, ...]]] = {"audit": [], "discharges": [], **{t: [] for t in c_cols}}
    old_key = (tpl.record_id, _TEMPLATE_DAY.isoformat(), f"{_TEMPLATE_DAY:%Y%m%d}")
    by_seq: dict[int, tuple[str, dict[str, object]]] = {int(str(tpl.discharge["audit_seq"])): ("discharges", {})}
    for table, template_rows in tpl.children.items():
        for row in template_rows:
            by_seq[int(str(row["audit_seq"]))] = (table, row)
    for day, number in days:
        rid = f"DK-{day:%Y%m%d}-{number:04d}"
        new_key = (rid, day.isoformat(), f"{day:%Y%m%d}")
        counters[day.isoformat()] = number
        salt = os.urandom(16)
        discharge = {c: _shift(tpl.discharge[c], old_key, new_key) for c in d_cols}
        discharge["salt"] = salt
        for t_seq, at, _, event, actor, detail in tpl.audit:
            seq += 1
            facts = json.loads(detail)
            table, row = by_seq.get(t_seq, ("", {}))
            if table == "discharges":
                facts["row"] = audit.row_digest(salt, [discharge[c] for c in audit.DIGESTED["discharges"]])
                rows["discharges"].append((*[discharge[c] for c in d_cols], seq))
            elif table:
                moved = {c: _shift(row[c], old_key, new_key) for c in c_cols[table]}
                facts["row"] = audit.row_digest(salt, [moved[c] for c in audit.DIGESTED[table]])
                rows[table].append((*[moved[c] for c in c_cols[table]], seq))
            text = audit.canonical(facts)
            at = str(_shift(at, old_key, new_key))
            prev = audit.chain_hash(prev, seq, at, rid, event, actor, text)
            rows["audit"].append((seq, at, rid, event, actor, text, prev))
    return rows, seq, prev


def cached(root: Path, discharges: int) -> Path:
    """The database with ``discharges`` past discharges, built once under ``root`` (a session temp folder), as
    ``root/<discharges>/records.sqlite3`` (a data folder of its own). Do not change it: use ``copy_of``."""
    path = root / str(discharges) / "records.sqlite3"
    if not path.exists():
        partial = root / f"building-{discharges}" / "records.sqlite3"
        partial.parent.mkdir(parents=True, exist_ok=True)
        build(partial, discharges)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.rename(path)
    return path


def audit_rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT seq FROM audit_head").fetchone()[0])


def copy_of(source: Path, folder: Path) -> Path:
    """A private copy to change (a purge deletes from it): the file only, its WAL was emptied when built. The head
    file a store wrote beside the last copy goes too: it would say the fresh copy lost the purge's rows."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "records.sqlite3"
    for suffix in ("", "-wal", "-shm", HEAD_SUFFIX):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target
