"""Committed facts waiting for the central store, read from the kiosk's own SQLite journal.

A fact is one committed transaction: its audit row (exactly one per store call), the record row it wrote (if
any) and the state it moved the discharge to (if any, named in the audit row's facts, as ``audit.verify``
expects). Facts are read in audit order, which is commit order: seq is given out under the write lock.

``central_sent.sent_seq`` says how far the server has the journal. It only moves forward, after the server's
commit, so a crash between the two means a resend, which the server refuses by fact id (never a loss).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.records import audit

# What the server's discharges row carries beyond the digested columns (state: the one at the start).
DISCHARGE_EXTRA = ("created_day", "salt")


@dataclass(frozen=True)
class Fact:
    seq: int
    fact_id: str
    at: str
    record_id: str | None
    event: str
    actor: str
    detail: str
    hash: str
    table: str | None = None  # the record table the fact wrote a row to
    row: tuple[object, ...] | None = None  # that row's values: DIGESTED[table] (+ DISCHARGE_EXTRA for discharges)
    state: str | None = None  # the discharge state this fact set

    @property
    def audit_values(self) -> tuple[object, ...]:
        return (self.fact_id, self.seq, self.at, self.record_id, self.event, self.actor, self.detail, self.hash)


def sent_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT sent_seq FROM central_sent WHERE id = 1").fetchone()[0])


def mark_sent(conn: sqlite3.Connection, seq: int) -> None:
    """Move the mark forward (never back: two senders on one journal cannot undo each other)."""
    conn.execute("UPDATE central_sent SET sent_seq = ? WHERE id = 1 AND sent_seq < ?", (seq, seq))


def pending(conn: sqlite3.Connection, limit: int) -> list[Fact]:
    """Up to ``limit`` unsent facts, oldest first, in one read snapshot."""
    conn.execute("BEGIN")
    try:
        after = sent_seq(conn)
        rows = conn.execute(
            "SELECT a.seq, f.fact_id, a.at, a.record_id, a.event, a.actor, a.detail, a.hash "
            "FROM audit a JOIN fact_ids f USING (seq) WHERE a.seq > ? ORDER BY a.seq LIMIT ?",
            (after, limit),
        ).fetchall()
        if not rows:
            return []
        data = _record_rows(conn, rows[0][0], rows[-1][0])
    finally:
        conn.execute("COMMIT")
    facts: list[Fact] = []
    for seq, fact_id, at, record_id, event, actor, detail, row_hash in rows:
        table = audit.EVENT_TABLE.get(event)
        # Only a fact that moved the discharge names a state: the others' details need no parsing.
        state = json.loads(detail).get("state") if record_id and '"state"' in detail else None
        row = data.get((table, seq)) if table else None
        facts.append(
            Fact(seq, fact_id, at, record_id, event, actor, detail, row_hash, table if row else None, row, state)
        )
    return facts


def _record_rows(conn: sqlite3.Connection, first: int, last: int) -> dict[tuple[str, int], tuple[object, ...]]:
    """The record rows written by audit rows ``first``..``last``; a purged discharge's rows are simply absent."""
    found: dict[tuple[str, int], tuple[object, ...]] = {}
    for table, columns in audit.DIGESTED.items():
        cols: Sequence[str] = (*columns, *DISCHARGE_EXTRA) if table == "discharges" else columns
        query = f"SELECT audit_seq, {', '.join(cols)} FROM {table} WHERE audit_seq BETWEEN ? AND ?"
        for audit_seq, *values in conn.execute(query, (first, last)):
            found[table, audit_seq] = tuple(values)
    return found


@dataclass(frozen=True)
class Backlog:
    """How much of the journal the server does not have yet."""

    unsent: int
    oldest_at: datetime | None  # when the oldest unsent fact was committed (kiosk wall clock, with offset)


def backlog(conn: sqlite3.Connection) -> Backlog:
    conn.execute("BEGIN")
    try:
        after = sent_seq(conn)
        last = conn.execute("SELECT seq FROM audit_head WHERE id = 1").fetchone()[0]
        oldest = conn.execute("SELECT at FROM audit WHERE seq > ? ORDER BY seq LIMIT 1", (after,)).fetchone()
    finally:
        conn.execute("COMMIT")
    return Backlog(max(0, last - after), datetime.fromisoformat(oldest[0]) if oldest else None)
