"""Reading the central store: every kiosk's audit chain, a ward's export and unconfirmed sheets, retention.

The server's rows are copied into an in-memory SQLite database with the kiosk's own schema, and the kiosk's own
verifier, reader and export run over that copy. So ``records verify --central`` checks each chain with exactly
the code that checks it on the kiosk (hash chain, salted row digests, states), and ``records export --central``
writes the same CSV columns, one row per discharge of every kiosk of the ward (record ids are unique fleet-wide).

Run with a kiosk's role these see its own ward only (row security); with IT's admin role, every ward.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import psycopg

from kiosk.record.model import DischargeRecord
from kiosk.records import audit, reading, schema
from kiosk.records.export import export_from

_DISCHARGE_COLUMNS = (*audit.DIGESTED["discharges"], "created_day", "salt", "state", "audit_seq")


@dataclass(frozen=True)
class KioskChain:
    kiosk_id: str
    ward: str
    report: audit.AuditReport

    def summary(self) -> str:
        return f"kiosk {self.kiosk_id} ({self.ward}): {self.report.summary()}"


def _snapshot() -> sqlite3.Connection:
    """An empty in-memory database with the kiosk's schema (the triggers keep its audit table append-only)."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    for statements in schema.MIGRATIONS:
        for statement in statements:
            mem.execute(statement)
    return mem


def _copy(pg: psycopg.Connection[Any], mem: sqlite3.Connection, where: str, params: Sequence[object]) -> None:
    """The discharges matching ``where`` (SQL on the server's discharges) and every row attached to them."""
    cols = ", ".join(_DISCHARGE_COLUMNS)
    rows = pg.execute(
        f"SELECT {cols} FROM discharges {where} ORDER BY created_at::timestamptz, record_id",
        params,
    ).fetchall()
    mem.executemany(f"INSERT INTO discharges ({cols}) VALUES ({', '.join('?' * len(_DISCHARGE_COLUMNS))})", rows)
    scope = f"record_id IN (SELECT record_id FROM discharges {where})"
    for table, columns in audit.DIGESTED.items():
        if table == "discharges":
            continue
        names = ", ".join(("id", *columns, "audit_seq"))
        found = pg.execute(f"SELECT {names} FROM {table} WHERE {scope} ORDER BY id", params).fetchall()
        mem.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * (len(columns) + 2))})", found)


def verify_all(pg: psycopg.Connection[Any]) -> list[KioskChain]:
    """Each kiosk's chain on the server, re-computed from its first row, with its kept records' digests.

    The server's head is the last row it has: compare it with the kiosk's own ``records verify`` head to see
    whether the kiosk's backlog has drained."""
    kiosks = pg.execute("SELECT DISTINCT kiosk_id, ward FROM audit ORDER BY ward, kiosk_id").fetchall()
    chains: list[KioskChain] = []
    for kiosk_id, ward in kiosks:
        mem = _snapshot()
        try:
            trail = pg.execute(
                "SELECT seq, at, record_id, event, actor, detail, hash FROM audit WHERE kiosk_id = %s ORDER BY seq",
                (kiosk_id,),
            ).fetchall()
            mem.executemany(
                "INSERT INTO audit (seq, at, record_id, event, actor, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)", trail
            )
            if trail:
                mem.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (trail[-1][0], trail[-1][6]))
            _copy(pg, mem, "WHERE kiosk_id = %s", (kiosk_id,))
            chains.append(KioskChain(kiosk_id, ward, audit.verify(mem)))
        finally:
            mem.close()
    return chains


@contextmanager
def _ward_copy(
    pg: psycopg.Connection[Any], where: str, params: Sequence[object], ward: str | None
) -> Iterator[sqlite3.Connection]:
    """A snapshot of the discharges matching ``where`` (and of ``ward``, if given), closed after use."""
    mem = _snapshot()
    try:
        if ward:
            where, params = f"{where} AND ward = %s", [*params, ward]
        _copy(pg, mem, where, params)
        yield mem
    finally:
        mem.close()


def export_ward(pg: psycopg.Connection[Any], start: date, end: date, out: Path, ward: str | None = None) -> int:
    """One CSV row per discharge of every kiosk of the ward (or of every ward the role can see)."""
    if end < start:
        raise ValueError("the end date is before the start date")
    days = [start.isoformat(), end.isoformat()]
    with _ward_copy(pg, "WHERE created_day BETWEEN %s AND %s", days, ward) as mem:
        return export_from(mem, start, end, out)


def discharges(pg: psycopg.Connection[Any], ward: str | None = None) -> list[DischargeRecord]:
    """Every discharge the role can see (of ``ward``), newest first, read back as the kiosk reads its own."""
    with _ward_copy(pg, "WHERE true", [], ward) as mem:
        return reading.load_discharges(mem)


def unconfirmed_sheets(pg: psycopg.Connection[Any], ward: str | None = None) -> list[DischargeRecord]:
    """Every kiosk's discharges whose sheet was printed but not confirmed in the patient's hand (hazard H5)."""
    with _ward_copy(pg, "WHERE state != 'abandoned'", [], ward) as mem:
        return reading.load_discharges(mem, reading.UNCONFIRMED_SHEETS)


def purge_ward(pg: psycopg.Connection[Any], retention_days: int) -> int:
    """The server's retention for the caller's ward (``purge_ward`` on the server); the audit rows stay."""
    if retention_days < 0:
        raise ValueError("retention_days must be 0 or more")
    with pg.transaction():
        row = pg.execute("SELECT purge_ward(%s)", (retention_days,)).fetchone()
    return int(row[0]) if row else 0
