"""The discharge record store: every fact committed the moment it happens, each with its audit row.

Each method is one ``BEGIN IMMEDIATE ... COMMIT`` holding the record row and its audit row together, so after a
crash or power cut either both are on disk or neither is (hazard H6), and the screen moves on only once
``commit`` has returned. Facts are appended, never overwritten: a second confirmation of a step, a second
escort answer or a reprint is a new row, and readers take the newest.

The store guards the claims that matter for safety (hazard H5): a discharge becomes "signed off" only with a
sign-off, "printed" only when the printer reported the job completed, and "completed" only when a nurse
confirmed the sheet is in the patient's hand; an abandoned or completed discharge takes no more answers.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from kiosk import paths
from kiosk.clock import Clock, SystemClock
from kiosk.content.model import Factor, Procedure
from kiosk.record.fields import (
    normalise_phone,
    valid_nhs_number,
    validate_date_of_birth,
    validate_hospital_number,
    validate_patient_name,
    validate_person_name,
    validate_relationship,
)
from kiosk.record.model import (
    UNFINISHED_STATES,
    DischargeRecord,
    DischargeState,
    Escort,
    Patient,
    PrintEvent,
    PrintEventKind,
)
from kiosk.records import audit, reading, schema
from kiosk.records.durability import LOST_MESSAGE, FileWatch, HeadFile, RecordsLost, journal_lost, records_lost
from kiosk.records.errors import (
    DatabaseDamaged,
    RecordStateError,
    RecordStoreError,
    UnknownRecord,
    damaged,
    translate,
)
from kiosk.text import ValidationError, clean_text

log = logging.getLogger(__name__)

_S = DischargeState
# The order a discharge moves through; used so a late event never moves a record backwards.
_ORDER = {s: i for i, s in enumerate((_S.STARTED, _S.WITH_PATIENT, _S.AWAITING_NURSE, _S.SIGNED_OFF, _S.PRINTED))}
_ORDER[_S.COMPLETED] = len(_ORDER)
_FINISHED = frozenset({_S.COMPLETED, _S.ABANDONED})

_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(cols)}, audit_seq) VALUES ({', '.join('?' * (len(cols) + 1))})"
    for table, cols in audit.DIGESTED.items()
    if table != "discharges"
}
_INSERT_DISCHARGE = (
    f"INSERT INTO discharges ({', '.join(audit.DIGESTED['discharges'])}, created_day, salt, state, audit_seq) "
    f"VALUES ({', '.join('?' * (len(audit.DIGESTED['discharges']) + 4))})"
)
_SELECT_RECORD = "SELECT salt, state FROM discharges WHERE record_id = ?"
_SELECT_HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1"
_INSERT_AUDIT = "INSERT INTO audit (seq, at, record_id, event, actor, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"
_INSERT_FACT_ID = "INSERT INTO fact_ids (seq, fact_id) VALUES (?, ?)"
_UPDATE_HEAD = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"
_UPDATE_STATE = "UPDATE discharges SET state = ? WHERE record_id = ?"
# A sheet sent to the printer awaits the nurse's "sheet in hand" (H5); the table is the nurse's home's index.
_SHEET_SENT = frozenset({PrintEventKind.SUBMITTED, PrintEventKind.COMPLETED})
_SHEET_UNCONFIRMED = "INSERT OR IGNORE INTO unconfirmed_sheets (record_id) VALUES (?)"
_SHEET_CONFIRMED = "DELETE FROM unconfirmed_sheets WHERE record_id = ?"
# The second value is the least number allowed: one after the last given out as the head file remembers it, so a
# counter that went back with a lost tail of the database never gives an id out twice (issue 13 F2).
_NEXT_NUMBER = (
    "INSERT INTO record_counter (day, last) VALUES (?, ?) "
    "ON CONFLICT (day) DO UPDATE SET last = max(last + 1, excluded.last) RETURNING last"
)


def _iso(moment: datetime) -> str:
    return (moment if moment.tzinfo else moment.astimezone()).isoformat()


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


_MAX_FREE_TEXT = 2000  # far above any screen's limit: the store refuses hidden characters, not long reasons


def _required(text: str, what: str) -> str:
    """Free text a nurse gave (a name, a reason): no hidden or control characters reach the record (F8)."""
    value = clean_text(text, field="", max_length=_MAX_FREE_TEXT, what=what)
    if not value:
        raise ValidationError(f"Please give {what}.")
    return value


class RecordStore:
    def __init__(
        self,
        path: Path,
        clock: Clock,
        *,
        busy_timeout_ms: int = schema.DEFAULT_BUSY_TIMEOUT_MS,
        outbox: Path | None = None,
        kiosk_id: str = "",
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self._outbox = outbox
        # With several kiosks on one central store, each kiosk's id goes into its record ids (unique fleet-wide).
        self.kiosk_id = kiosk_id
        self._commit_listeners: list[Callable[[], None]] = []
        self._lock = threading.RLock()  # one connection, shared by the UI and the print-status poller
        self._conn: sqlite3.Connection | None = schema.connect(self.path, busy_timeout_ms)
        # Once set, every write raises it: the file is damaged, lost records or lost its journal (issue 13).
        self.stopped: RecordStoreError | None = None
        self._watch = FileWatch(self.path)
        self._head_file = HeadFile(self.path)
        self._committed_head: tuple[int, str] | None = None
        self._given_number: tuple[str, int] | None = None
        try:
            db_seq = self._conn.execute(_SELECT_HEAD).fetchone()[0]
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            self.close()
            raise translate(exc, self.path) from exc
        if db_seq < self._head_file.head.seq:
            self.stopped = records_lost(self.path, self._head_file.head.seq, db_seq)
            log.critical("%s", self.stopped.title)

    @classmethod
    def open(cls, path: Path | None = None, clock: Clock | None = None, kiosk_id: str = "") -> RecordStore:
        return cls(path or paths.database_path(), clock or SystemClock(), kiosk_id=kiosk_id)

    def add_commit_listener(self, listener: Callable[[], None]) -> None:
        """Called after each commit (on the committing thread: it must only note the news, e.g. set an event),
        so the central sender forwards a fact at once instead of at its next poll."""
        self._commit_listeners.append(listener)

    @property
    def outbox(self) -> Path:
        """Where this ward's sheets are saved; the purge deletes a discharge's PDFs there."""
        return self._outbox or paths.outbox_dir()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._watch.close()
            self._head_file.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ----- the transaction and audit machinery (also used by kiosk.records.nurses and retention) -----

    @property
    def connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the record store is closed")
        return self._conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any failure rolls back completely and becomes the app's own error."""
        with self._lock:
            conn = self.connection
            try:
                self._check_files(conn)
                self._committed_head = self._given_number = None
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
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

    def _translate(self, exc: sqlite3.Error | UnicodeDecodeError) -> RecordStoreError:
        """The app's error; a damaged file also stops every further write to it (issue 13 F5)."""
        error = translate(exc, self.path)
        if isinstance(error, DatabaseDamaged) and self.stopped is None:
            self.stopped = error
            log.critical("records database damaged, writing stopped: %s", exc)
            with contextlib.suppress(Exception):
                log.critical("quick_check after the error: %s", self.integrity_problems(quick=True))
        return error

    def integrity_problems(self, quick: bool = False) -> list[str]:
        """What SQLite's ``integrity_check`` (or the faster ``quick_check``) and ``foreign_key_check`` flag;
        [] for a sound file. A file too damaged even to check gives its error as the one problem."""
        with self._lock:
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

    def accept_loss(self) -> tuple[int, int]:
        """IT has investigated a lost tail (and restored what backup there was): record the loss in the audit
        trail and move the head file back to the database's head, keeping every record number given out, so
        writing can go on and no id is given out twice. Returns (rows the head file knew, rows the database has).
        """
        with self._lock:
            known = self._head_file.head.seq
            db_seq = self.connection.execute(_SELECT_HEAD).fetchone()[0]
            if not isinstance(self.stopped, RecordsLost):
                raise RecordStateError(
                    "No records are missing: the database is not behind its head file", "Nothing was changed."
                )
            self.stopped = None
            at = _iso(self.clock.now())
            with self._transaction() as conn:
                facts = {"head_file_rows": known, "database_rows": db_seq}
                self._append_audit(conn, at, None, "records-lost-accepted", "IT", facts)
                seq, head_hash = conn.execute(_SELECT_HEAD).fetchone()
            self._head_file.write(seq, head_hash, accept_loss=True)
        log.warning("records loss accepted by IT: the head file said %d rows, the database had %d", known, db_seq)
        return known, db_seq

    def check_writable(self) -> None:
        """Raise the reason writing is stopped, if it is (the kiosk's start screen shows it)."""
        with self._lock:
            self._check_files(self.connection)

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot even while another program writes."""
        with self._lock:
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

    def _append_audit(
        self, conn: sqlite3.Connection, at: str, record_id: str | None, event: str, actor: str, facts: dict[str, Any]
    ) -> int:
        """Add one audit row chained to the head, and move the head; inside the caller's transaction."""
        head_seq, prev_hash = conn.execute(_SELECT_HEAD).fetchone()
        seq = int(head_seq) + 1
        detail = audit.canonical(facts)
        row_hash = audit.chain_hash(prev_hash, seq, at, record_id, event, actor, detail)
        conn.execute(_INSERT_AUDIT, (seq, at, record_id, event, actor, detail, row_hash))
        conn.execute(_INSERT_FACT_ID, (seq, uuid.uuid4().hex))  # what makes sending it to the central store idempotent
        conn.execute(_UPDATE_HEAD, (seq, row_hash))
        self._committed_head = (seq, row_hash)
        return seq

    def _add_row(
        self,
        conn: sqlite3.Connection,
        table: str,
        salt: bytes,
        values: tuple[str | int | None, ...],
        event: str,
        actor: str,
        at: str,
        facts: dict[str, Any] | None = None,
    ) -> int:
        """A record row plus the audit row that carries its salted digest."""
        record_id = str(values[0])
        digest = audit.row_digest(salt, values)
        seq = self._append_audit(conn, at, record_id, event, actor, {**(facts or {}), "row": digest})
        conn.execute(_INSERT[table], (*values, seq))
        return seq

    def _open_record(
        self, conn: sqlite3.Connection, record_id: str, *, finished_ok: bool = False
    ) -> tuple[bytes, DischargeState]:
        row = conn.execute(_SELECT_RECORD, (record_id,)).fetchone()
        if row is None:
            raise UnknownRecord(record_id)
        state = DischargeState(row[1])
        if state in _FINISHED and not finished_ok:
            raise RecordStateError(
                f"Discharge {record_id} is already {'completed' if state is _S.COMPLETED else 'abandoned'}",
                "Nothing more can be recorded on it. Start a new discharge if needed.",
            )
        return row[0], state

    def _move_state(
        self, conn: sqlite3.Connection, record_id: str, old: DischargeState, new: DischargeState, at: str, actor: str
    ) -> None:
        conn.execute(_UPDATE_STATE, (new.value, record_id))
        self._append_audit(conn, at, record_id, "state-changed", actor, {"from": old.value, "state": new.value})

    # ----- writing a discharge -----

    def start_discharge(
        self,
        patient: Patient,
        procedure: Procedure,
        procedure_ended: datetime,
        side_level: str,
        medicines: tuple[str, ...],
        factors: frozenset[Factor],
        large_print: bool,
        nurse_name: str,
    ) -> DischargeRecord:
        now = self.clock.now()
        patient = Patient(
            name=validate_patient_name(patient.name),
            date_of_birth=validate_date_of_birth(patient.date_of_birth, now.date()),
            hospital_number=validate_hospital_number(patient.hospital_number),
            nhs_number=valid_nhs_number(patient.nhs_number) if patient.nhs_number else None,
        )
        nurse_name = _required(nurse_name, "the nurse's name")
        ended = procedure_ended if procedure_ended.tzinfo else procedure_ended.replace(tzinfo=self.clock.zone)
        medicines = tuple(" ".join(m.split()) for m in medicines if m.strip())
        factors = frozenset(Factor(f) for f in factors)
        at = _iso(now)
        salt = os.urandom(16)
        with self._transaction() as conn:
            day = now.strftime("%Y%m%d")
            number = conn.execute(_NEXT_NUMBER, (day, self._head_file.last_number(day) + 1)).fetchone()[0]
            self._given_number = (day, number)
            record_id = f"DK-{now:%Y%m%d}-{number:04d}" + (f"-{self.kiosk_id}" if self.kiosk_id else "")
            values = (
                record_id,
                at,
                patient.name,
                patient.date_of_birth.isoformat(),
                patient.hospital_number,
                patient.nhs_number,
                procedure.id,
                procedure.document.version,
                procedure.content_hash,
                _iso(ended),
                side_level.strip(),
                audit.canonical(list(medicines)),
                audit.canonical(sorted(f.value for f in factors)),
                int(bool(large_print)),
                nurse_name,
            )
            facts = {
                "procedure": procedure.id,
                "version": procedure.document.version,
                "content_hash": procedure.content_hash,
                "state": _S.STARTED.value,
                "row": audit.row_digest(salt, values),
            }
            seq = self._append_audit(conn, at, record_id, "discharge-started", nurse_name, facts)
            conn.execute(_INSERT_DISCHARGE, (*values, now.date().isoformat(), salt, _S.STARTED.value, seq))
        return DischargeRecord(
            record_id=record_id,
            created_at=datetime.fromisoformat(at),
            patient=patient,
            procedure_id=procedure.id,
            procedure_version=procedure.document.version,
            content_hash=procedure.content_hash,
            procedure_ended=ended,
            side_level=side_level.strip(),
            medicines=medicines,
            factors=factors,
            large_print=bool(large_print),
            started_by=nurse_name,
        )

    def set_state(self, record_id: str, state: DischargeState) -> None:
        """Move the discharge on; the safety-relevant states need their evidence first (see module docstring)."""
        state = DischargeState(state)
        if state is _S.ABANDONED:
            raise ValueError("use abandon(record_id, reason, nurse_name): abandoning needs a reason")
        with self._transaction() as conn:
            _, old = self._open_record(conn, record_id)
            if old is state:
                return
            evidence = {
                _S.SIGNED_OFF: ("SELECT 1 FROM sign_offs WHERE record_id = ?", "it has not been signed off"),
                _S.PRINTED: (
                    "SELECT 1 FROM print_events WHERE record_id = ? AND kind = 'completed'",
                    "the printer has not reported the sheet printed",
                ),
                _S.COMPLETED: (
                    "SELECT 1 FROM print_events WHERE record_id = ? AND kind = 'sheet-in-hand'",
                    "no nurse has confirmed the sheet is in the patient's hand",
                ),
            }.get(state)
            if evidence and conn.execute(evidence[0], (record_id,)).fetchone() is None:
                raise RecordStateError(f"Discharge {record_id} cannot be marked {state.value}: {evidence[1]}")
            self._move_state(conn, record_id, old, state, _iso(self.clock.now()), "kiosk")

    def confirm_step(self, record_id: str, step_id: str) -> None:
        at = _iso(self.clock.now())
        with self._transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "confirmations", salt, (record_id, step_id, at), "step-confirmed", "patient", at)

    def record_answer(self, record_id: str, question_id: str, chosen: int, correct: bool) -> None:
        at = _iso(self.clock.now())
        values = (record_id, question_id, int(chosen), int(bool(correct)), at)
        with self._transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "answers", salt, values, "answer-recorded", "patient", at, {"question": question_id})

    def record_escort(self, record_id: str, escort: Escort) -> None:
        """The responsible adult, re-validated here so a bad phone number can never reach the sheet (H4)."""
        phone, display = normalise_phone(escort.phone)
        stays_until = _iso(escort.stays_until)
        name = validate_person_name(escort.name, field="escort_name")
        relationship = validate_relationship(escort.relationship)
        at = _iso(self.clock.now())
        values = (record_id, name, relationship, phone, display, stays_until, at)
        with self._transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "escorts", salt, values, "escort-recorded", "patient", at)

    def record_no_escort(self, record_id: str) -> None:
        """The patient said nobody will stay with them: recorded, and the nurse must override with a reason."""
        at = _iso(self.clock.now())
        values = (record_id, None, "", "", "", None, at)
        with self._transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "escorts", salt, values, "no-escort", "patient", at)

    def record_override(self, record_id: str, kind: str, reason: str, nurse_name: str) -> None:
        kind = _required(kind, "the kind of override")
        reason = _required(reason, "a reason")
        nurse_name = _required(nurse_name, "the nurse's name")
        at = _iso(self.clock.now())
        with self._transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            values = (record_id, kind, reason, nurse_name, at)
            self._add_row(conn, "overrides", salt, values, "override", nurse_name, at, {"kind": kind})

    def sign_off(self, record_id: str, nurse_name: str, checklist: tuple[tuple[str, bool], ...]) -> None:
        nurse_name = _required(nurse_name, "the nurse's name")
        items = [[str(label), bool(ticked)] for label, ticked in checklist]
        at = _iso(self.clock.now())
        with self._transaction() as conn:
            salt, old = self._open_record(conn, record_id)
            values = (record_id, nurse_name, at, audit.canonical(items))
            facts: dict[str, Any] = {"items": len(items), "all_ticked": all(t for _, t in items)}
            if _ORDER[old] < _ORDER[_S.SIGNED_OFF]:
                facts["state"] = _S.SIGNED_OFF.value
                conn.execute(_UPDATE_STATE, (_S.SIGNED_OFF.value, record_id))
            self._add_row(conn, "sign_offs", salt, values, "signed-off", nurse_name, at, facts)

    def record_print_event(self, record_id: str, event: PrintEvent) -> None:
        """Keep what happened to the sheet; the printer's "completed" makes the discharge printed, the nurse's
        "sheet in hand" makes it completed. Printer news about a finished discharge (a late job) is still kept."""
        kind = PrintEventKind(event.kind)
        at = _iso(self.clock.now())
        values = (
            record_id,
            kind.value,
            _iso(event.at),
            event.job_id,
            event.queue,
            event.state,
            event.message,
            int(bool(event.reprint)),
            event.pdf_path,
            event.nurse_name,
        )
        actor = event.nurse_name or "printer"
        with self._transaction() as conn:
            salt, old = self._open_record(conn, record_id, finished_ok=True)
            facts: dict[str, Any] = {"kind": kind.value, "job_id": event.job_id, "reprint": bool(event.reprint)}
            new = old
            if kind is PrintEventKind.COMPLETED and old is _S.SIGNED_OFF:
                new = _S.PRINTED
            elif kind is PrintEventKind.SHEET_IN_HAND:
                if old is _S.ABANDONED:
                    raise RecordStateError(f"Discharge {record_id} was abandoned", "Its sheet must not be handed over.")
                if _ORDER[old] < _ORDER[_S.SIGNED_OFF]:
                    raise RecordStateError(
                        f"Discharge {record_id} has not been signed off yet",
                        "Review and sign off the discharge before handing over the sheet.",
                    )
                new = _S.COMPLETED
            if new is not old:
                facts["state"] = new.value
                conn.execute(_UPDATE_STATE, (new.value, record_id))
            if kind in _SHEET_SENT:
                conn.execute(_SHEET_UNCONFIRMED, (record_id,))
            elif kind is PrintEventKind.SHEET_IN_HAND:
                conn.execute(_SHEET_CONFIRMED, (record_id,))
            self._add_row(conn, "print_events", salt, values, "print-event", actor, at, facts)

    def abandon(self, record_id: str, reason: str, nurse_name: str) -> None:
        reason = _required(reason, "a reason")
        nurse_name = _required(nurse_name, "the nurse's name")
        at = _iso(self.clock.now())
        with self._transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            conn.execute(_UPDATE_STATE, (_S.ABANDONED.value, record_id))
            values = (record_id, "abandoned", reason, nurse_name, at)
            self._add_row(conn, "overrides", salt, values, "abandoned", nurse_name, at, {"state": _S.ABANDONED.value})

    # ----- reading -----

    def get(self, record_id: str) -> DischargeRecord:
        with self._reading() as conn:
            found = reading.load_discharges(conn, "WHERE record_id = ?", (record_id,))
        if not found:
            raise UnknownRecord(record_id)
        return found[0]

    def list_discharges(
        self, on: date | None = None, states: frozenset[DischargeState] | None = None
    ) -> list[DischargeRecord]:
        """Newest first; ``on`` is the local day the discharge was started."""
        clauses: list[str] = []
        params: list[object] = []
        if on is not None:
            clauses.append("created_day = ?")
            params.append(on.isoformat())
        if states is not None:
            if not states:
                return []
            clauses.append(f"state IN ({', '.join('?' * len(states))})")
            params.extend(sorted(DischargeState(s).value for s in states))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._reading() as conn:
            return reading.load_discharges(conn, where, params)

    def unfinished(self) -> list[DischargeRecord]:
        return self.list_discharges(states=UNFINISHED_STATES)

    def nurse_home(self, day: date) -> list[DischargeRecord]:
        """The nurse's home list in one pass: the day's discharges, every unfinished one, and every one not abandoned
        whose sheet awaits "sheet in hand" (H5). Each part is an index (day, state, unconfirmed_sheets), so the
        list costs the same with years of history as on the first day."""
        unfinished = sorted(s.value for s in UNFINISHED_STATES)
        where = (
            f"WHERE created_day = ? OR state IN ({', '.join('?' * len(unfinished))}) OR "
            "(record_id IN (SELECT record_id FROM unconfirmed_sheets) AND state != 'abandoned')"
        )
        with self._reading() as conn:
            return reading.load_discharges(conn, where, (day.isoformat(), *unfinished))

    def unconfirmed_sheets(self) -> list[DischargeRecord]:
        """Discharges whose sheet went to the printer after the last "sheet in hand" (or with none): hazard H5."""
        # The kiosk's own table, kept with each print event (an index, whatever the history); the central copy,
        # which has no such table, works it out from the print events (reading.UNCONFIRMED_SHEETS).
        where = "WHERE state != 'abandoned' AND record_id IN (SELECT record_id FROM unconfirmed_sheets)"
        with self._reading() as conn:
            return reading.load_discharges(conn, where)

    def print_events(self, record_id: str) -> list[PrintEvent]:
        with self._reading() as conn:
            if conn.execute(_SELECT_RECORD, (record_id,)).fetchone() is None:
                raise UnknownRecord(record_id)
            return reading.load_print_events(conn, record_id)

    # ----- audit, retention, export -----

    def verify_audit(self) -> audit.AuditReport:
        """The chain, and whether it is shorter than the head file beside the database says (issue 13 F2)."""
        problems = self.integrity_problems()
        if problems:
            return audit.AuditReport(False, 0, None, f"damaged: {damaged(self.path, problems).title}")
        known = HeadFile(self.path).head.seq
        with self._reading() as conn:
            db_seq = conn.execute(_SELECT_HEAD).fetchone()[0]
            if db_seq < known:
                return audit.AuditReport(
                    False, db_seq, db_seq + 1, f"{LOST_MESSAGE} (it ends at row {db_seq}, the head file says {known})"
                )
            return audit.verify(conn)

    def purge(self, retention_days: int, *, keep_unsent: bool = False) -> int:
        from kiosk.records.retention import purge

        return purge(self, retention_days, keep_unsent=keep_unsent).discharges

    def export_csv(self, start: date, end: date, out: Path) -> int:
        from kiosk.records.export import export_csv

        return export_csv(self, start, end, out)
