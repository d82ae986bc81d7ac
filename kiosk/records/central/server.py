"""Reading the central store: every kiosk's audit chain, a ward's export and unconfirmed sheets, retention.

The server's rows are copied into an in-memory SQLite database with the kiosk's own schema, and the kiosk's own
verifier, reader and export run over that copy. So ``records verify --central`` checks each chain with exactly
the code that checks it on the kiosk (hash chain, salted row digests, states), and ``records export --central``
writes the same CSV columns, one row per discharge of every kiosk of the ward (record ids are unique fleet-wide).
``CentralReader`` is the record store's whole reading API (``reading.Reader``) over such copies.

Run with a kiosk's role these see its own ward only (row security); with IT's admin role, every ward.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

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


@contextmanager
def _read_only(pg: psycopg.Connection[Any]) -> Iterator[None]:
    """One snapshot of the server for a whole copy: a sender committing meanwhile cannot tear it (a discharge
    without the confirmation its audit row names)."""
    idle = pg.info.transaction_status == TransactionStatus.IDLE
    with pg.transaction():
        if idle:  # else the caller's own transaction is the snapshot (SET TRANSACTION must come first)
            pg.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _copy(pg: psycopg.Connection[Any], mem: sqlite3.Connection, where: str, params: Sequence[object]) -> None:
    """The discharges matching ``where`` (SQL on the server's discharges) and every row attached to them.

    Inserted in the order they were started (the kiosk's own reading order is its insertion order): by start
    time across kiosks, and by each kiosk's audit order within one time (a kiosk clock set back keeps it)."""
    cols = ", ".join(_DISCHARGE_COLUMNS)
    rows = pg.execute(
        f"SELECT {cols} FROM discharges {where} ORDER BY created_at::timestamptz, kiosk_id, audit_seq",
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
    # The kiosk keeps this index with each print event; the server has the print events it comes from.
    mem.execute(
        f"INSERT INTO unconfirmed_sheets (record_id) SELECT record_id FROM discharges {reading.UNCONFIRMED_SHEETS}"
    )


def _chain(pg: psycopg.Connection[Any], kiosk_id: str) -> audit.AuditReport:
    """One kiosk's chain on the server, re-computed from its first row, with its kept records' digests."""
    mem = _snapshot()
    try:
        with _read_only(pg):
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
        return audit.verify(mem)
    finally:
        mem.close()


def verify_all(pg: psycopg.Connection[Any]) -> list[KioskChain]:
    """Each kiosk's chain on the server, re-computed from its first row, with its kept records' digests.

    The server's head is the last row it has: ``heads.compare``, run on a kiosk, says whether the kiosk's own
    trail is further, or differs."""
    with pg.transaction():
        kiosks = pg.execute("SELECT DISTINCT kiosk_id, ward FROM audit ORDER BY ward, kiosk_id").fetchall()
    return [KioskChain(kiosk_id, ward, _chain(pg, kiosk_id)) for kiosk_id, ward in kiosks]


class CentralReader(reading.Reader):
    """The record store's reading API (``RecordStore.get``, ``list_discharges``, ...) over the central server.

    Every call copies its scope (the ward the role can see, narrowed to ``ward`` and ``kiosk_id`` if given) from
    one server snapshot into memory and runs the kiosk's own reading code on it, so a discharge reads back from
    the server exactly as from the kiosk that recorded it. The copy is dropped after each call: patient data
    never reaches a file here.
    """

    def __init__(self, pg: psycopg.Connection[Any], *, ward: str | None = None, kiosk_id: str | None = None) -> None:
        self.pg = pg
        self.ward = ward
        self.kiosk_id = kiosk_id

    @contextmanager
    def _copy(self, where: str = "WHERE true", params: Sequence[object] = ()) -> Iterator[sqlite3.Connection]:
        """A snapshot of the discharges matching ``where`` in this reader's scope, closed after use."""
        params = list(params)
        if self.ward:
            where, params = f"{where} AND ward = %s", [*params, self.ward]
        if self.kiosk_id:
            where, params = f"{where} AND kiosk_id = %s", [*params, self.kiosk_id]
        mem = _snapshot()
        try:
            with _read_only(self.pg):
                _copy(self.pg, mem, where, params)
            yield mem
        finally:
            mem.close()

    def _read(self, record_id: str | None = None) -> AbstractContextManager[sqlite3.Connection]:
        """The scope's discharges (only ``record_id``'s, if given: one record needs no copy of the whole ward)."""
        return self._copy("WHERE record_id = %s", [record_id]) if record_id is not None else self._copy()

    def verify_audit(self) -> audit.AuditReport:
        """The chain of this reader's kiosk as the server holds it (one kiosk: the chain is per kiosk)."""
        if not self.kiosk_id:
            raise ValueError("the audit chain is per kiosk: give the reader a kiosk_id (or use verify_all)")
        return _chain(self.pg, self.kiosk_id)

    def export_csv(self, start: date, end: date, out: Path) -> int:
        """One CSV row per discharge of every kiosk in scope, the kiosk's own export columns."""
        if end < start:
            raise ValueError("the end date is before the start date")
        with self._copy("WHERE created_day BETWEEN %s AND %s", [start.isoformat(), end.isoformat()]) as mem:
            return export_from(mem, start, end, out)


def export_ward(pg: psycopg.Connection[Any], start: date, end: date, out: Path, ward: str | None = None) -> int:
    """One CSV row per discharge of every kiosk of the ward (or of every ward the role can see)."""
    return CentralReader(pg, ward=ward).export_csv(start, end, out)


def discharges(pg: psycopg.Connection[Any], ward: str | None = None) -> list[DischargeRecord]:
    """Every discharge the role can see (of ``ward``), newest first, read back as the kiosk reads its own."""
    return CentralReader(pg, ward=ward).list_discharges()


def unconfirmed_sheets(pg: psycopg.Connection[Any], ward: str | None = None) -> list[DischargeRecord]:
    """Every kiosk's discharges whose sheet was printed but not confirmed in the patient's hand (hazard H5)."""
    return CentralReader(pg, ward=ward).unconfirmed_sheets()


def purge_ward(pg: psycopg.Connection[Any], retention_days: int) -> int:
    """The server's retention for the caller's ward (``purge_ward`` on the server); the audit rows stay."""
    if retention_days < 0:
        raise ValueError("retention_days must be 0 or more")
    with pg.transaction():
        row = pg.execute("SELECT purge_ward(%s)", (retention_days,)).fetchone()
    return int(row[0]) if row else 0
