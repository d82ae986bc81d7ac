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

import logging
import os
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from kiosk import paths
from kiosk.clock import Clock, SystemClock
from kiosk.content.model import Factor, Procedure
from kiosk.languages import DEFAULT_LANGUAGE
from kiosk.languages import language as known_language
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
    HELP_ANSWERED,
    HELP_REQUESTED,
    DischargeRecord,
    DischargeState,
    Escort,
    Patient,
    PrintEvent,
    PrintEventKind,
)
from kiosk.records.audit import DIGESTED, AuditReport, canonical, row_digest
from kiosk.records.db import Database
from kiosk.records.errors import RecordStateError, RecordStoreError, UnknownRecord
from kiosk.records.export import export_csv
from kiosk.records.reading import Reader
from kiosk.records.retention import purge
from kiosk.records.schema import DEFAULT_BUSY_TIMEOUT_MS
from kiosk.text import ValidationError, clean_text

log = logging.getLogger(__name__)

_S = DischargeState
# The order a discharge moves through; used so a late event never moves a record backwards.
_ORDER = {s: i for i, s in enumerate((_S.STARTED, _S.WITH_PATIENT, _S.AWAITING_NURSE, _S.SIGNED_OFF, _S.PRINTED))}
_ORDER[_S.COMPLETED] = len(_ORDER)
_FINISHED = frozenset({_S.COMPLETED, _S.ABANDONED})
_STATES = {state.value: state for state in DischargeState}  # the enum's call is its slowest way in (every fact)

_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(cols)}, audit_seq) VALUES ({', '.join('?' * (len(cols) + 1))})"
    for table, cols in DIGESTED.items()
    if table != "discharges"
}
_INSERT_DISCHARGE = (
    f"INSERT INTO discharges ({', '.join(DIGESTED['discharges'])}, created_day, salt, state, audit_seq, language) "
    f"VALUES ({', '.join('?' * (len(DIGESTED['discharges']) + 5))})"
)
# The discharge and the audit head in one statement: every fact needs both (the head for its audit row).
_SELECT_RECORD = (
    "SELECT d.salt, d.state, h.seq, h.hash FROM discharges d JOIN audit_head h ON h.id = 1 WHERE d.record_id = ?"
)
_UPDATE_STATE = "UPDATE discharges SET state = ? WHERE record_id = ?"
_SELECT_LANGUAGE = "SELECT language FROM discharges WHERE record_id = ?"
_UPDATE_LANGUAGE = "UPDATE discharges SET language = ? WHERE record_id = ?"
# A sheet sent to the printer awaits the nurse's "sheet in hand" (H5); the table is the nurse's home's index.
_SHEET_SENT = frozenset({PrintEventKind.SUBMITTED, PrintEventKind.COMPLETED})
_SHEET_UNCONFIRMED = "INSERT OR IGNORE INTO unconfirmed_sheets (record_id) VALUES (?)"
_SHEET_CONFIRMED = "DELETE FROM unconfirmed_sheets WHERE record_id = ?"


def _iso(moment: datetime) -> str:
    return (moment if moment.tzinfo else moment.astimezone()).isoformat()


_MAX_FREE_TEXT = 2000  # far above any screen's limit: the store refuses hidden characters, not long reasons


def _required(text: str, what: str) -> str:
    """Free text a nurse gave (a name, a reason): no hidden or control characters reach the record (F8)."""
    value = clean_text(text, field="", max_length=_MAX_FREE_TEXT, what=what)
    if not value:
        raise ValidationError(f"Please give {what}.")
    return value


class RecordStore(Reader):
    """The discharges: every write is one transaction of ``db`` (``kiosk.records.db``) with its audit row."""

    def __init__(
        self,
        path: Path,
        clock: Clock,
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        outbox: Path | None = None,
        kiosk_id: str = "",
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self._outbox = outbox
        # With several kiosks on one central store, each kiosk's id goes into its record ids (unique fleet-wide).
        self.kiosk_id = kiosk_id
        # The database layer, shared with nurse accounts, retention and the export (all through ``store.db``).
        self.db = Database(self.path, busy_timeout_ms=busy_timeout_ms)

    @classmethod
    def open(cls, path: Path | None = None, clock: Clock | None = None, kiosk_id: str = "") -> RecordStore:
        return cls(path or paths.database_path(), clock or SystemClock(), kiosk_id=kiosk_id)

    def add_commit_listener(self, listener: Callable[[], None]) -> None:
        """See ``Database.add_commit_listener`` (the central sender's wake-up)."""
        self.db.add_commit_listener(listener)

    @property
    def outbox(self) -> Path:
        """Where this ward's sheets are saved; the purge deletes a discharge's PDFs there."""
        return self._outbox or paths.outbox_dir()

    @property
    def connection(self) -> sqlite3.Connection:
        return self.db.connection

    @property
    def stopped(self) -> RecordStoreError | None:
        """Why writing is stopped for good (a damaged file, lost records or a lost journal), or None."""
        return self.db.stopped

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ----- the file's health (kept here: the kiosk, the CLI and the tests ask the store) -----

    def integrity_problems(self, quick: bool = False) -> list[str]:
        return self.db.integrity_problems(quick)

    def quick_check(self) -> None:
        self.db.quick_check()

    def check_writable(self) -> None:
        self.db.check_writable()

    def accept_loss(self) -> tuple[int, int]:
        return self.db.accept_loss(_iso(self.clock.now()))

    def verify_audit(self) -> AuditReport:
        return self.db.verify_audit()

    # ----- a discharge's rows, inside one of ``db``'s transactions -----

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
        digest = row_digest(salt, values)
        seq = self.db.append_audit(conn, at, record_id, event, actor, {**(facts or {}), "row": digest})
        self.db.cursor.execute(_INSERT[table], (*values, seq))  # ``conn``'s own cursor: no new one a fact
        return seq

    def _open_record(
        self, conn: sqlite3.Connection, record_id: str, *, finished_ok: bool = False
    ) -> tuple[bytes, DischargeState]:
        row = self.db.cursor.execute(_SELECT_RECORD, (record_id,)).fetchone()
        if row is None:
            raise UnknownRecord(record_id)
        self.db.note_head(row[2], row[3])
        state = _STATES.get(row[1]) or DischargeState(row[1])
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
        self.db.append_audit(conn, at, record_id, "state-changed", actor, {"from": old.value, "state": new.value})

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
        language: str = DEFAULT_LANGUAGE,
    ) -> DischargeRecord:
        """``language``: the nurse's preset of the patient's language (the patient can change it later)."""
        now = self.clock.now()
        language = known_language(language).code
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
        with self.db.transaction() as conn:
            day = now.strftime("%Y%m%d")
            number = self.db.next_number(conn, day)
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
                canonical(list(medicines)),
                canonical(sorted(f.value for f in factors)),
                int(bool(large_print)),
                nurse_name,
            )
            facts = {
                "procedure": procedure.id,
                "version": procedure.document.version,
                "content_hash": procedure.content_hash,
                "state": _S.STARTED.value,
                "language": language,
                "row": row_digest(salt, values),
            }
            seq = self.db.append_audit(conn, at, record_id, "discharge-started", nurse_name, facts)
            conn.execute(_INSERT_DISCHARGE, (*values, now.date().isoformat(), salt, _S.STARTED.value, seq, language))
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
            language=language,
        )

    def set_language(self, record_id: str, code: str, actor: str = "patient") -> bool:
        """The patient chose another language (or the nurse changed the preset): kept on the discharge, with an
        audit row saying from which to which. The same language again writes nothing; returns whether it changed.
        """
        code = known_language(code).code
        at = _iso(self.clock.now())
        with self.db.transaction() as conn:
            self._open_record(conn, record_id)
            old = str(conn.execute(_SELECT_LANGUAGE, (record_id,)).fetchone()[0])
            if old == code:
                return False
            conn.execute(_UPDATE_LANGUAGE, (code, record_id))
            self.db.append_audit(conn, at, record_id, "language-changed", actor, {"from": old, "language": code})
        return True

    def set_state(self, record_id: str, state: DischargeState) -> None:
        """Move the discharge on; the safety-relevant states need their evidence first (see module docstring)."""
        state = DischargeState(state)
        if state is _S.ABANDONED:
            raise ValueError("use abandon(record_id, reason, nurse_name): abandoning needs a reason")
        with self.db.transaction() as conn:
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

    def confirm_step(self, record_id: str, step_id: str, content: Mapping[str, str] | None = None) -> None:
        """``content``: which text the patient read (its language, and the translation's hash and approval when
        translated: ``kiosk.discharge.content_language.audit_facts``), kept in the audit row (H13)."""
        at = _iso(self.clock.now())
        values = (record_id, step_id, at)
        with self.db.transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "confirmations", salt, values, "step-confirmed", "patient", at, dict(content or {}))

    def record_answer(
        self, record_id: str, question_id: str, chosen: int, correct: bool, content: Mapping[str, str] | None = None
    ) -> None:
        """``content``: which text the question was asked in, as for ``confirm_step``."""
        at = _iso(self.clock.now())
        values = (record_id, question_id, int(chosen), int(bool(correct)), at)
        facts = {**(content or {}), "question": question_id}
        with self.db.transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "answers", salt, values, "answer-recorded", "patient", at, facts)

    def record_escort(self, record_id: str, escort: Escort) -> None:
        """The responsible adult, re-validated here so a bad phone number can never reach the sheet (H4)."""
        phone, display = normalise_phone(escort.phone)
        stays_until = _iso(escort.stays_until)
        name = validate_person_name(escort.name, field="escort_name")
        relationship = validate_relationship(escort.relationship)
        at = _iso(self.clock.now())
        values = (record_id, name, relationship, phone, display, stays_until, at)
        with self.db.transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "escorts", salt, values, "escort-recorded", "patient", at)

    def record_no_escort(self, record_id: str) -> None:
        """The patient said nobody will stay with them: recorded, and the nurse must override with a reason."""
        at = _iso(self.clock.now())
        values = (record_id, None, "", "", "", None, at)
        with self.db.transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            self._add_row(conn, "escorts", salt, values, "no-escort", "patient", at)

    def record_help(self, record_id: str, kind: str, nurse_name: str = "", at: datetime | None = None) -> None:
        """The patient's "I need help" (``requested``) or the nurse's PIN that answered it (``answered``, with
        their name): one fact with its audit row, like every other. ``at``: when the patient tapped (the write
        may have waited for another program's lock); the store's clock otherwise."""
        if kind not in (HELP_REQUESTED, HELP_ANSWERED):
            raise ValueError(f"a call for help is requested or answered, not {kind!r}")
        if kind == HELP_ANSWERED:
            nurse_name = _required(nurse_name, "the nurse's name")
        when = _iso(self.clock.now() if at is None else at)
        with self.db.transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            values = (record_id, kind, nurse_name, when)
            actor = nurse_name if kind == HELP_ANSWERED else "patient"
            self._add_row(conn, "help_calls", salt, values, f"help-{kind}", actor, when)

    def record_override(self, record_id: str, kind: str, reason: str, nurse_name: str) -> None:
        kind = _required(kind, "the kind of override")
        reason = _required(reason, "a reason")
        nurse_name = _required(nurse_name, "the nurse's name")
        at = _iso(self.clock.now())
        with self.db.transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            values = (record_id, kind, reason, nurse_name, at)
            self._add_row(conn, "overrides", salt, values, "override", nurse_name, at, {"kind": kind})

    def sign_off(self, record_id: str, nurse_name: str, checklist: tuple[tuple[str, bool], ...]) -> None:
        nurse_name = _required(nurse_name, "the nurse's name")
        items = [[str(label), bool(ticked)] for label, ticked in checklist]
        at = _iso(self.clock.now())
        with self.db.transaction() as conn:
            salt, old = self._open_record(conn, record_id)
            values = (record_id, nurse_name, at, canonical(items))
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
        with self.db.transaction() as conn:
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
        with self.db.transaction() as conn:
            salt, _ = self._open_record(conn, record_id)
            conn.execute(_UPDATE_STATE, (_S.ABANDONED.value, record_id))
            values = (record_id, "abandoned", reason, nurse_name, at)
            self._add_row(conn, "overrides", salt, values, "abandoned", nurse_name, at, {"state": _S.ABANDONED.value})

    # ----- reading (get, list_discharges, nurse_home, ...: reading.Reader, shared with the central store) -----

    def _read(self, record_id: str | None = None) -> AbstractContextManager[sqlite3.Connection]:
        return self.db.reading()

    # ----- audit, retention, export -----

    def purge(self, retention_days: int, *, keep_unsent: bool = False) -> int:
        return purge(self, retention_days, keep_unsent=keep_unsent).discharges

    def export_csv(self, start: date, end: date, out: Path) -> int:
        return export_csv(self, start, end, out)
