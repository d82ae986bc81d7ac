"""The background sender: forwards the kiosk's committed facts to the central PostgreSQL store.

Never on the tap's path: the store only wakes it after a commit (``RecordStore.add_commit_listener``), and the
sender reads the journal through a connection of its own, on a thread of its own. A network cut, a server
restart or a refused login only leaves facts waiting in the journal; the sender says so in its status (the
nurse's home screen shows the "not sent since" warning from it) and tries again.

Each batch of facts is one server transaction: audit rows first, then the record rows, then the state changes,
in commit order. A fact whose id the server already has is refused by the unique constraint on ``fact_id``
(``ON CONFLICT (fact_id) DO NOTHING``) and counted as delivered, so a batch resent after a crash (the server
committed, the kiosk was killed before moving its mark) lands exactly once. A *different* fact under the same
``(kiosk_id, seq)`` means two kiosks share an id: that is refused loudly and sending stops until IT fixes it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import psycopg

from kiosk.clock import Clock
from kiosk.errors import ConfigError
from kiosk.records import audit, schema
from kiosk.records.central import facts
from kiosk.records.central.facts import Fact
from kiosk.records.central.problems import CentralProblem, explain
from kiosk.records.central.schema import CentralSchemaError, check_usable
from kiosk.records.central.server import purge_ward
from kiosk.records.central.settings import CentralSettings
from kiosk.records.central.status import SenderStatus

if TYPE_CHECKING:
    from kiosk.records.store import RecordStore

log = logging.getLogger(__name__)

# Server column types (everything else is text), for the arrays each batch is sent as.
_TYPES = {
    "fact_id": "uuid",
    "seq": "bigint",
    "audit_seq": "bigint",
    "salt": "bytea",
    "chosen": "integer",
    "correct": "integer",
    "large_print": "integer",
    "job_id": "integer",
    "reprint": "integer",
}
_AUDIT_COLUMNS = ("fact_id", "kiosk_id", "ward", "seq", "at", "record_id", "event", "actor", "detail", "hash")
_DISCHARGE_COLUMNS = ("kiosk_id", "ward", *audit.DIGESTED["discharges"], *facts.DISCHARGE_EXTRA, "state", "audit_seq")
_RECORD_AT, _STATE_AT = _DISCHARGE_COLUMNS.index("record_id"), _DISCHARGE_COLUMNS.index("state")
_CHILD_COLUMNS = {
    table: ("kiosk_id", "ward", *cols, "audit_seq") for table, cols in audit.DIGESTED.items() if table != "discharges"
}


def _bulk_insert(table: str, columns: tuple[str, ...], *, only_kept: bool = False) -> str:
    """One INSERT for a whole batch of one table: a statement per table, not per row, is what makes a backlog
    drain fast (the server checks the grants and the ward rule once per statement). Rows go in in the arrays'
    order (commit order), so the server's ids keep it. ``only_kept``: a fact about a discharge the server's
    retention already removed is kept in the audit trail only."""
    arrays = ", ".join(f"%b::{_TYPES.get(c, 'text')}[]" for c in columns)
    names = ", ".join(columns)
    kept = (
        " WHERE EXISTS (SELECT 1 FROM discharges d WHERE d.record_id = u.record_id AND d.kiosk_id = u.kiosk_id)"
        if only_kept
        else ""
    )
    # Only a resend is skipped. Any other clash (a different fact at this kiosk's seq, or another kiosk's
    # discharge under the same record id) is an error, never silently dropped.
    conflict = "(fact_id)" if table == "audit" else "(kiosk_id, audit_seq)"
    return (
        f"INSERT INTO {table} ({names}) SELECT {', '.join(f'u.{c}' for c in columns)} "
        f"FROM unnest({arrays}) WITH ORDINALITY AS u({names}, n){kept} ORDER BY u.n ON CONFLICT {conflict} DO NOTHING"
    )


_AUDIT = _bulk_insert("audit", _AUDIT_COLUMNS)
_DISCHARGE = _bulk_insert("discharges", _DISCHARGE_COLUMNS)
_CHILD = {table: _bulk_insert(table, cols, only_kept=True) for table, cols in _CHILD_COLUMNS.items()}
_STATE = (
    "UPDATE discharges d SET state = u.state FROM unnest(%s::text[], %s::text[]) AS u(record_id, state) "
    "WHERE d.record_id = u.record_id AND d.kiosk_id = %s AND d.state IS DISTINCT FROM u.state"
)


def _columns(rows: list[tuple[object, ...]], width: int) -> list[list[object]]:
    """Rows to one list per column (the arrays ``_bulk_insert`` takes)."""
    return [[row[i] for row in rows] for i in range(width)]


Connect = Callable[..., psycopg.Connection[Any]]
_GATE_TIMEOUT_SECONDS = 1.0


class _Gate(Protocol):
    def acquire(self, blocking: bool = ..., timeout: float = ...) -> bool: ...

    def release(self) -> None: ...


class CentralSender:
    """Drains the journal at ``db_path`` to the server; ``start`` runs it on a background thread."""

    def __init__(
        self,
        db_path: Path,
        settings: CentralSettings,
        clock: Clock,
        *,
        batch_size: int = 1000,
        poll_seconds: float = 5.0,
        retry_seconds: float = 5.0,
        settle_seconds: float = 0.2,
        connect: Connect = psycopg.connect,
        after_batch: Callable[[int], None] | None = None,
        retention_days: int | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.settings = settings
        self.clock = clock
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.retry_seconds = retry_seconds
        # After a commit wakes it, the sender waits this long so a burst of taps goes as one batch, not one
        # server round trip (and one mark write) per tap.
        self.settle_seconds = settle_seconds
        self._connect = connect
        self._after_batch = after_batch  # told the last seq the server has, after each batch (tests, the CLI)
        # The server's retention for this kiosk's ward, applied once a day after a drain (None: not by this one).
        self.retention_days = retention_days
        self._purged_at: datetime | None = None
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._status = SenderStatus()
        self._thread: threading.Thread | None = None
        self._local: sqlite3.Connection | None = None
        self._server: psycopg.Connection[Any] | None = None
        self._ward = ""
        self._busy = False
        # The store's connection lock (``follow``): held by a tap's whole write, so the sender waits on it
        # between its steps instead of sharing the tap's moment. None: nothing to keep out of (tests, the CLI).
        self._gate: _Gate | None = None
        self._gate_deadline = 0.0

    # ----- what the rest of the kiosk sees -----

    def status(self) -> SenderStatus:
        with self._lock:
            return self._status

    @property
    def busy(self) -> bool:
        """True while a send is under way (reading the journal, sending, marking)."""
        return self._busy

    def wake(self) -> None:
        """A fact was committed: send it now rather than at the next poll. Cheap; safe from any thread."""
        self._wake.set()

    def follow(self, store: RecordStore) -> None:
        """Send each of ``store``'s facts as it commits (``wake``), and keep out of its writes: before each step
        (reading a batch, sending it, moving the mark, counting what is left) the sender waits until no write of
        the store is under way. A tap's commit then never shares its moment with the sender's own Python, its
        SQLite reads or its server round trip, except a step already under way when the tap began (issue 19:
        a tap during a send took about 1.2 ms against 0.5 ms, most of it waiting for the interpreter lock while
        the sender built and sent its batch). The sender is the one that waits, never the tap, and only for as
        long as one write takes (under a millisecond; a fact still goes out within the settling pause)."""
        store.add_commit_listener(self.wake)
        self._gate = store.db.lock

    def _keep_out_of_writes(self) -> None:
        """Wait until the followed store is not writing (see ``follow``). A send waits a second at most in all
        (``send_pending`` sets the deadline): a write stuck longer (a locked file: the store's own busy timeout
        is longer) does not hold the sending up."""
        gate = self._gate
        if gate is None:
            return
        left = self._gate_deadline - time.monotonic()
        if left > 0 and gate.acquire(timeout=left):
            gate.release()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="central-sender", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._close_server()
        if self._local is not None:
            self._local.close()
            self._local = None

    # ----- the work -----

    def _run(self) -> None:
        while not self._stopping.is_set():
            delay = self.poll_seconds
            try:
                self.send_pending()
            except CentralProblem as problem:
                delay = self.retry_seconds * (20 if problem.stop else 1)
            except Exception:  # the sender must never die silently: keep trying, say so in the log
                log.exception("central sender failed unexpectedly")
                self._set(problem="The central records sender failed unexpectedly; see the kiosk log.")
                delay = self.retry_seconds
            if delay == self.poll_seconds:
                if self._wake.wait(delay):
                    self._stopping.wait(self.settle_seconds)
            else:
                self._stopping.wait(delay)  # while the server is away, commits do not make it retry faster
            self._wake.clear()

    def send_pending(self) -> int:
        """Send every unsent fact now (in batches); the number delivered. Raises ``CentralProblem``."""
        self._busy = True
        self._gate_deadline = time.monotonic() + _GATE_TIMEOUT_SECONDS
        try:
            return self._send_all()
        finally:
            self._busy = False

    def _send_all(self) -> int:
        total = 0
        try:
            while not self._stopping.is_set():
                self._keep_out_of_writes()
                batch = facts.pending(self._journal(), self.batch_size)
                if not batch:
                    break
                self._keep_out_of_writes()
                self._send(batch)
                self._keep_out_of_writes()
                facts.mark_sent(self._journal(), batch[-1].seq)
                total += len(batch)
                self._set(last_sent_at=self.clock.now(), sent_total=self.status().sent_total + len(batch))
                if self._after_batch is not None:
                    self._after_batch(batch[-1].seq)
            self._daily_purge()
        except (psycopg.Error, CentralSchemaError, CentralProblem, ConfigError) as exc:
            self._close_server()
            if isinstance(exc, ConfigError):  # e.g. the password file is missing: IT's to fix, retried meanwhile
                problem = CentralProblem(f"{exc.title}. {exc.hint} Records are kept on this kiosk.")
            else:
                problem = exc if isinstance(exc, CentralProblem) else explain(exc, self.settings)
            if problem.message != self.status().problem:
                log.warning("central store: %s", problem.message)
            self._refresh(problem.message)
            raise problem from exc
        if self.status().problem:
            log.info("central store reachable again: the backlog is being sent")
        self._keep_out_of_writes()
        self._refresh("")
        return total

    def _daily_purge(self) -> None:
        """Retention on the server too: every kiosk of the ward may run it (it is idempotent), at most daily."""
        now = self.clock.now()
        if self.retention_days is None or self._stopping.is_set():
            return
        if self._purged_at is not None and now - self._purged_at < timedelta(days=1):
            return
        removed = purge_ward(self._server_connection(), self.retention_days)
        self._server_connection().commit()
        self._purged_at = now
        if removed:
            log.info("central store: retention removed %d old discharges of this ward", removed)

    def _journal(self) -> sqlite3.Connection:
        if self._local is None:
            self._local = schema.connect(self.db_path)
            # Only this connection's commits (the mark) skip the fsync: after a power cut the mark may be a
            # little behind, which means a resend the server refuses as a duplicate, never a loss. The taps'
            # own commits, on the store's connection, stay synchronous=FULL.
            self._local.execute("PRAGMA synchronous = NORMAL")
        return self._local

    def _server_connection(self) -> psycopg.Connection[Any]:
        if self._server is None or self._server.closed:
            conn = self._connect(**self.settings.connect_kwargs())
            try:
                check_usable(conn)
                # The ward is looked up once here and sent with every row (the column default would look it
                # up once per row); row security still checks it on the server.
                ward, kiosk_id = conn.execute("SELECT kiosk_ward(), kiosk_self()").fetchone() or (None, None)
                conn.commit()
                if ward is None or kiosk_id != self.settings.kiosk_id:
                    raise CentralProblem(
                        f"The central records server does not know role {self.settings.user!r} as kiosk "
                        f"{self.settings.kiosk_id!r} of a ward (it has {kiosk_id!r}). Ask IT to register this kiosk's "
                        "role for its ward and kiosk id. Records are kept on this kiosk and will be sent once this "
                        "is fixed."
                    )
                self._ward = str(ward)
            except BaseException:
                conn.close()
                raise
            self._server = conn
        return self._server

    def _close_server(self) -> None:
        if self._server is not None:
            try:
                self._server.close()
            except psycopg.Error:
                pass
            self._server = None

    def _send(self, batch: list[Fact]) -> None:
        """One server transaction for the batch, in commit order: audit, discharges, their facts, states."""
        kiosk = self.settings.kiosk_id
        conn = self._server_connection()
        ward = self._ward
        children: dict[str, list[tuple[object, ...]]] = defaultdict(list)
        started: list[tuple[object, ...]] = []
        states: dict[str, str] = {}  # record id -> the last state the batch moved it to
        for f in batch:
            if f.table == "discharges" and f.row:
                started.append((kiosk, ward, *f.row, f.state or "started", f.seq))
            elif f.table and f.row:
                children[f.table].append((kiosk, ward, *f.row, f.seq))
            if f.state and f.record_id and f.event != "discharge-started":
                states[f.record_id] = f.state
        # A discharge started in this batch goes in with the last state the batch gave it, and the update then
        # changes only rows whose state differs: a drained backlog of whole discharges rewrites no row, while a
        # resent start the server already had (refused as a duplicate) is still brought up to date.
        started = [
            (*row[:_STATE_AT], states.get(str(row[_RECORD_AT]), row[_STATE_AT]), *row[_STATE_AT + 1 :])
            for row in started
        ]
        # Binary parameters (%b): psycopg's text form escapes every array element with a regular expression.
        with conn.transaction(), conn.cursor() as cur:
            rows = [(f.fact_id, kiosk, ward, *f.audit_values[1:]) for f in batch]
            cur.execute(_AUDIT, _columns(rows, len(_AUDIT_COLUMNS)))
            if started:
                cur.execute(_DISCHARGE, _columns(started, len(_DISCHARGE_COLUMNS)))
            for table, found in children.items():
                cur.execute(_CHILD[table], _columns(found, len(_CHILD_COLUMNS[table])))
            if states:
                cur.execute(_STATE, (list(states), list(states.values()), kiosk))

    def _refresh(self, problem: str) -> None:
        backlog = facts.backlog(self._journal())
        self._set(unsent=backlog.unsent, oldest_unsent_at=backlog.oldest_at, problem=problem)

    def _set(self, **changes: Any) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)
