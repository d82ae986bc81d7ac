"""The records database layer: one connection, its write and read transactions, and the audit chain's append.

Everything in ``kiosk/records`` that writes or reads the kiosk's SQLite file goes through ``Database``: the
discharge store (``store.py``), nurse accounts (``nurses.py``, ``first_nurse.py``), retention and the export.
So the safety rules about the file live in one place:
- each write is one ``BEGIN IMMEDIATE ... COMMIT``; any failure rolls back completely and becomes the app's own
  error (hazard H6: a fact and its audit row are on disk together or not at all);
- every audit row is chained to the head in the same transaction as the fact it records;
- writing stops for good once the file is damaged, lost its journal, or is behind its head file (issue 13);
- after each commit the head file beside the database is moved on, so a lost tail is noticed at the next start.

Plain Python, no Qt. The connection is shared by the GUI thread and the print-status poller, so every use of it
holds ``lock``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.records.audit import AuditReport, canonical, chain_hash
from kiosk.records.audit import verify as verify_chain
from kiosk.records.durability import LOST_MESSAGE, FileWatch, HeadFile, RecordsLost, journal_lost, records_lost
from kiosk.records.errors import DatabaseDamaged, RecordStateError, RecordStoreError, damaged, translate
from kiosk.records.schema import DEFAULT_BUSY_TIMEOUT_MS, connect

log = logging.getLogger(__name__)

_SELECT_HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1"
_INSERT_AUDIT = "INSERT INTO audit (seq, at, record_id, event, actor, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"
_INSERT_FACT_ID = "INSERT INTO fact_ids (seq, fact_id) VALUES (?, ?)"
_UPDATE_HEAD = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"
# The second value is the least number allowed: one after the last given out as the head file remembers it, so a
# counter that went back with a lost tail of the database never gives an id out twice (issue 13 F2).
_NEXT_NUMBER = (
    "INSERT INTO record_counter (day, last) VALUES (?, ?) "
    "ON CONFLICT (day) DO UPDATE SET last = max(last + 1, excluded.last) RETURNING last"
)


def fact_id() -> str:
    """A random (version 4) UUID's 32 hex digits, exactly ``uuid.uuid4().hex``: the same 16 random bytes with the
    same version and variant bits, without building a ``UUID`` object (a third of the cost, once a commit)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    return raw.hex()


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


class Database:
    """The kiosk's records file, opened (and migrated) once; see the module docstring for the rules it keeps."""

    def __init__(self, path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()  # one connection, shared by the UI and the print-status poller
        self._conn: sqlite3.Connection | None = connect(self.path, busy_timeout_ms)
        # One cursor for the write path's own statements (``transaction``'s BEGIN and COMMIT, ``append_audit``,
        # the store's reading of the discharge and its row): ``Connection.execute`` makes and registers a new
        # cursor for every statement, 0.5 us each, seven times a confirmation (issue 19). Used only under
        # ``lock``, each result read at once, and COMMIT runs on it last (executing resets what ran before), so
        # no statement stays open after a write: an open one would hold a read snapshot and keep every
        # checkpoint from emptying the WAL (HAZARDS H8; ``tests/records/test_write_cursor.py``).
        self.cursor = self._conn.cursor()
        self._commit_listeners: list[Callable[[], None]] = []
        # Once set, every write raises it: the file is damaged, lost records or lost its journal (issue 13).
        self.stopped: RecordStoreError | None = None
        self._watch = FileWatch(self.path)
        self._head_file = HeadFile(self.path)
        self._committed_head: tuple[int, str] | None = None
        self._noted_head: tuple[int, str] | None = None  # ``note_head``: read by the caller in this transaction
        self._given_number: tuple[str, int] | None = None
        try:
            db_seq = self._conn.execute(_SELECT_HEAD).fetchone()[0]
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            self.close()
            raise translate(exc, self.path) from exc
        if db_seq < self._head_file.head.seq:
            self.stopped = records_lost(self.path, self._head_file.head.seq, db_seq)
            log.critical("%s", self.stopped.title)

    @property
    def connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the record store is closed")
        return self._conn

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._watch.close()
            self._head_file.close()

    def add_commit_listener(self, listener: Callable[[], None]) -> None:
        """Called after each commit (on the committing thread: it must only note the news, e.g. set an event),
        so the central sender forwards a fact at once instead of at its next poll."""
        self._commit_listeners.append(listener)

    # ----- transactions -----

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any failure rolls back completely and becomes the app's own error."""
        with self.lock:
            conn = self.connection
            try:
                self._check_files(conn)
                self._committed_head = self._given_number = self._noted_head = None
                self.cursor.execute("BEGIN IMMEDIATE")
                yield conn
                self.cursor.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:  # e.g. SQLite already rolled back after a full disk
                        log.exception("rollback failed")
                if isinstance(exc, sqlite3.Error | UnicodeDecodeError):
                    log.error("records database error: %s", exc)
                    raise self._translate(exc) from exc
                raise
            self._after_commit()
            for listener in self._commit_listeners:
                listener()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot even while another program writes."""
        with self.lock:
            conn = self.connection
            try:
                conn.execute("BEGIN")
                yield conn
            except (sqlite3.Error, UnicodeDecodeError) as exc:
                self._end_read(conn)
                raise self._translate(exc) from exc
            except BaseException:
                self._end_read(conn)
                raise
            self._end_read(conn, strict=True)

    def _end_read(self, conn: sqlite3.Connection, strict: bool = False) -> None:
        """End the read transaction. After a failure its own error must not replace the real one (issue 13
        F5: ``finally: COMMIT`` used to hide the corruption behind "cannot commit")."""
        if not conn.in_transaction:
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if strict:
                raise self._translate(exc) from exc
            log.warning("ending a failed read: %s", exc)

    def _translate(self, exc: sqlite3.Error | UnicodeDecodeError) -> RecordStoreError:
        """The app's error; a damaged file also stops every further write to it (issue 13 F5)."""
        error = translate(exc, self.path)
        if isinstance(error, DatabaseDamaged) and self.stopped is None:
            self.stopped = error
            log.critical("records database damaged, writing stopped: %s", exc)
            with contextlib.suppress(Exception):
                log.critical("quick_check after the error: %s", self.integrity_problems(quick=True))
        return error

    # ----- inside a write transaction -----

    def append_audit(
        self, conn: sqlite3.Connection, at: str, record_id: str | None, event: str, actor: str, facts: dict[str, Any]
    ) -> int:
        """Add one audit row chained to the head, and move the head; inside the caller's ``transaction``."""
        # The head as this transaction already knows it (its own last audit row, or the caller's read of it:
        # ``note_head``), else read: one statement fewer a fact. The write lock is held, so it cannot move.
        cursor = self.cursor  # ``conn``'s (see ``__init__``)
        head_seq, prev_hash = self._committed_head or self._noted_head or cursor.execute(_SELECT_HEAD).fetchone()
        seq = int(head_seq) + 1
        detail = canonical(facts)
        row_hash = chain_hash(prev_hash, seq, at, record_id, event, actor, detail)
        cursor.execute(_INSERT_AUDIT, (seq, at, record_id, event, actor, detail, row_hash))
        cursor.execute(_INSERT_FACT_ID, (seq, fact_id()))  # what makes sending it to the central store idempotent
        cursor.execute(_UPDATE_HEAD, (seq, row_hash))
        self._committed_head = (seq, row_hash)
        return seq

    def note_head(self, seq: int, hash_: str) -> None:
        """The audit head as the caller read it inside the current ``transaction`` (with the row it needed
        anyway: ``RecordStore._open_record``), so ``append_audit`` need not read it again."""
        self._noted_head = (seq, hash_)

    def next_number(self, conn: sqlite3.Connection, day: str) -> int:
        """The next record number of ``day`` (YYYYMMDD), inside the caller's ``transaction``; never one the head
        file says was given out already, and remembered there once the transaction commits."""
        number = int(conn.execute(_NEXT_NUMBER, (day, self._head_file.last_number(day) + 1)).fetchone()[0])
        self._given_number = (day, number)
        return number

    # ----- the file's health -----

    def integrity_problems(self, quick: bool = False) -> list[str]:
        """What SQLite's ``integrity_check`` (or the faster ``quick_check``) and ``foreign_key_check`` flag;
        [] for a sound file. A file too damaged even to check gives its error as the one problem."""
        with self.lock:
            conn = self.connection
            factory = conn.text_factory
            conn.text_factory = _lenient_text  # the messages can quote damaged bytes
            try:
                found = [str(row[0]) for row in conn.execute(f"PRAGMA {'quick' if quick else 'integrity'}_check")]
                problems = [] if found == ["ok"] else found
                for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
                    problems.append(f"row {rowid} of {table} points at a missing {parent} row")
            except (sqlite3.Error, UnicodeDecodeError) as exc:
                problems = [str(exc)]
            finally:
                conn.text_factory = factory
        return problems

    def quick_check(self) -> None:
        """At start: a damaged file stops every write and raises the "damaged" error (issue 13 F5)."""
        problems = self.integrity_problems(quick=True)
        if problems:
            self.stopped = damaged(self.path, problems)
            log.critical("%s", self.stopped.title)
            raise self.stopped

    def check_writable(self) -> None:
        """Raise the reason writing is stopped, if it is (the kiosk's start screen shows it)."""
        with self.lock:
            self._check_files(self.connection)

    def _check_files(self, conn: sqlite3.Connection) -> None:
        """Refuse to write when writing is stopped, or when the database or its -wal were deleted or replaced;
        in that case first copy what the lost -wal holds into the database (issue 13 F2)."""
        if self.stopped is not None:
            raise self.stopped
        what = self._watch.problem()
        if what is None:
            return
        rescued = False
        if self._watch.wal_only():
            try:
                busy, _, _ = conn.execute("PRAGMA wal_checkpoint(FULL)").fetchone()
                rescued = busy == 0
            except sqlite3.Error:
                log.exception("could not copy the lost write-ahead log into the database")
        self.stopped = journal_lost(self.path, what, rescued)
        log.critical("%s (rescued: %s)", self.stopped.title, rescued)
        raise self.stopped

    def _after_commit(self) -> None:
        """Check the files again (a commit into a deleted -wal is rescued and reported), then write the head
        file beside the database. A failed head-file write is logged: the database is then simply ahead of it."""
        self._watch.adopt_wal()
        self._check_files(self.connection)
        if self._committed_head is None:
            return
        seq, head_hash = self._committed_head
        day, number = self._given_number or (None, None)
        try:
            self._head_file.write(seq, head_hash, day, number)
        except (OSError, RecordStoreError) as exc:
            log.error("could not write the records head file %s: %s", self._head_file.path, exc)

    def accept_loss(self, at: str) -> tuple[int, int]:
        """IT has investigated a lost tail (and restored what backup there was): record the loss in the audit
        trail and move the head file back to the database's head, keeping every record number given out, so
        writing can go on and no id is given out twice. Returns (rows the head file knew, rows the database has).
        """
        with self.lock:
            known = self._head_file.head.seq
            db_seq = self.connection.execute(_SELECT_HEAD).fetchone()[0]
            if not isinstance(self.stopped, RecordsLost):
                raise RecordStateError(
                    "No records are missing: the database is not behind its head file", "Nothing was changed."
                )
            self.stopped = None
            with self.transaction() as conn:
                facts = {"head_file_rows": known, "database_rows": db_seq}
                self.append_audit(conn, at, None, "records-lost-accepted", "IT", facts)
                seq, head_hash = conn.execute(_SELECT_HEAD).fetchone()
            self._head_file.write(seq, head_hash, accept_loss=True)
        log.warning("records loss accepted by IT: the head file said %d rows, the database had %d", known, db_seq)
        return known, db_seq

    def verify_audit(self) -> AuditReport:
        """The chain, and whether it is shorter than the head file beside the database says (issue 13 F2)."""
        problems = self.integrity_problems()
        if problems:
            return AuditReport(False, 0, None, f"damaged: {damaged(self.path, problems).title}")
        known = HeadFile(self.path).head.seq
        with self.reading() as conn:
            db_seq = conn.execute(_SELECT_HEAD).fetchone()[0]
            if db_seq < known:
                return AuditReport(
                    False, db_seq, db_seq + 1, f"{LOST_MESSAGE} (it ends at row {db_seq}, the head file says {known})"
                )
            return verify_chain(conn)

    def checkpoint(self) -> bool:
        """Copy the WAL into the database and empty it (retention, hazard H8); False if another program's read
        kept it from finishing."""
        with self.lock:
            busy, _, _ = self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return bool(busy == 0)
