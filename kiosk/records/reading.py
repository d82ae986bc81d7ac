"""Rows of the records database back into the shared ``DischargeRecord`` and ``PrintEvent`` objects.

One query per table for a whole set of discharges (not one per discharge), so the nurse's lists stay quick.
Every stored time is ISO 8601 with its UTC offset, read back as the same aware datetime.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from kiosk.content.model import Factor
from kiosk.record.model import (
    UNFINISHED_STATES,
    AnswerAttempt,
    DischargeRecord,
    DischargeState,
    Escort,
    HelpEvent,
    Patient,
    PrintEvent,
    PrintEventKind,
    SignOff,
    StepConfirmation,
)
from kiosk.records.errors import UnknownRecord

_DISCHARGE_COLUMNS = (
    "record_id, created_at, patient_name, date_of_birth, hospital_number, nhs_number, procedure_id, "
    "procedure_version, content_hash, procedure_ended, side_level, medicines, factors, large_print, state, started_by, "
    "language"
)
_PRINT_COLUMNS = "kind, at, job_id, queue, state, message, reprint, pdf_path, nurse_name"
_NO_ESCORT_KIND = "no-escort"
# Discharges whose sheet went to the printer after the last "sheet in hand" (or with none): hazard H5.
UNCONFIRMED_SHEETS = (
    "WHERE state != 'abandoned' AND record_id IN (SELECT record_id FROM print_events GROUP BY record_id "
    "HAVING max(CASE WHEN kind IN ('submitted', 'completed') THEN id ELSE 0 END) "
    "> max(CASE WHEN kind = 'sheet-in-hand' THEN id ELSE 0 END))"
)


# What the kiosk's own table says (kept with each print event, an index whatever the history): the same set.
UNCONFIRMED_SHEETS_INDEXED = "WHERE state != 'abandoned' AND record_id IN (SELECT record_id FROM unconfirmed_sheets)"


def list_where(on: date | None, states: frozenset[DischargeState] | None) -> tuple[str, list[object]] | None:
    """The discharges list's filter: ``on`` the local day it was started, ``states`` its states (None: any);
    None when nothing can match (an empty set of states). Shared by the kiosk's store and the central reader."""
    clauses: list[str] = []
    params: list[object] = []
    if on is not None:
        clauses.append("created_day = ?")
        params.append(on.isoformat())
    if states is not None:
        if not states:
            return None
        clauses.append(f"state IN ({', '.join('?' * len(states))})")
        params.extend(sorted(DischargeState(s).value for s in states))
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def nurse_home_where(day: date, unfinished: frozenset[DischargeState]) -> tuple[str, tuple[object, ...]]:
    """The nurse's home in one pass: the day's discharges, every unfinished one, and every one not abandoned whose
    sheet awaits "sheet in hand" (H5). Each part is an index (day, state, unconfirmed_sheets)."""
    states = sorted(s.value for s in unfinished)
    where = (
        f"WHERE created_day = ? OR state IN ({', '.join('?' * len(states))}) OR "
        "(record_id IN (SELECT record_id FROM unconfirmed_sheets) AND state != 'abandoned')"
    )
    return where, (day.isoformat(), *states)


class Reader:
    """What ``records`` and the nurse's screens read back, over any database with the kiosk's schema: the kiosk's
    own store (``RecordStore``) and a copy of the central store's rows (``central.server.CentralReader``) are the
    same code, so a discharge reads back from the server exactly as from the kiosk that recorded it."""

    @property
    def _home(self) -> Recent:
        """The nurse's home's last reading (made on first use: the readers have no ``__init__`` in common)."""
        recent: Recent | None = self.__dict__.get("_home_recent")
        if recent is None:
            recent = self.__dict__["_home_recent"] = Recent()
        return recent

    def _read(self, record_id: str | None = None) -> AbstractContextManager[sqlite3.Connection]:
        """One consistent snapshot to read from (holding at least ``record_id``'s discharge, if given)."""
        raise NotImplementedError

    def get(self, record_id: str) -> DischargeRecord:
        with self._read(record_id) as conn:
            found = load_discharges(conn, "WHERE record_id = ?", (record_id,))
        if not found:
            raise UnknownRecord(record_id)
        return found[0]

    def list_discharges(
        self, on: date | None = None, states: frozenset[DischargeState] | None = None
    ) -> list[DischargeRecord]:
        """Newest first; ``on`` is the local day the discharge was started (on its kiosk's clock)."""
        found = list_where(on, states)
        if found is None:
            return []
        with self._read() as conn:
            return load_discharges(conn, *found)

    def unfinished(self) -> list[DischargeRecord]:
        return self.list_discharges(states=UNFINISHED_STATES)

    def nurse_home(self, day: date) -> list[DischargeRecord]:
        """The nurse's home list in one pass: the day's discharges, every unfinished one, and every one not abandoned
        whose sheet awaits "sheet in hand" (H5). Each part is an index (day, state, unconfirmed_sheets), so the
        list costs the same with years of history as on the first day."""
        with self._read() as conn:
            return load_discharges(conn, *nurse_home_where(day, UNFINISHED_STATES), self._home)

    def unconfirmed_sheets(self) -> list[DischargeRecord]:
        """Discharges whose sheet went to the printer after the last "sheet in hand" (or with none): hazard H5."""
        with self._read() as conn:
            return load_discharges(conn, UNCONFIRMED_SHEETS_INDEXED)

    def print_events(self, record_id: str) -> list[PrintEvent]:
        with self._read(record_id) as conn:
            if conn.execute("SELECT 1 FROM discharges WHERE record_id = ?", (record_id,)).fetchone() is None:
                raise UnknownRecord(record_id)
            return load_print_events(conn, record_id)


# The JSON columns repeat from discharge to discharge (the same medicines, factors, checklist): each text is
# parsed once into its immutable value, which the nurse's lists then share.
@lru_cache(maxsize=512)
def _medicines(text: str) -> tuple[str, ...]:
    return tuple(str(name) for name in json.loads(text))


@lru_cache(maxsize=512)
def _factors(text: str) -> frozenset[Factor]:
    return frozenset(Factor(value) for value in json.loads(text))


@lru_cache(maxsize=512)
def _checklist(text: str) -> tuple[tuple[str, bool], ...]:
    return tuple((str(label), bool(ticked)) for label, ticked in json.loads(text))


# The tables are STRICT, so each column comes back as its declared type: no ``str()`` of a value that is a str
# already, and ``fromisoformat`` called as itself (the nurse's home reads about five times a discharge).
_time = datetime.fromisoformat
_day = date.fromisoformat

# An enum's call (``DischargeState(text)``) is its slowest way in: the nurse's home reads one per discharge.
_STATES = {state.value: state for state in DischargeState}

Row = tuple[Any, ...]  # a row of a STRICT table: each value of its column's declared type
# A discharge row and its attached rows (confirmations, answers, escorts, overrides, sign-offs, calls for help).
Rows = tuple[Row, list[Row], list[Row], list[Row], list[Row], list[Row], list[Row]]


def load_discharges(
    conn: sqlite3.Connection, where: str = "", params: Sequence[object] = (), recent: Recent | None = None
) -> list[DischargeRecord]:
    """Discharges matching ``where`` (SQL on the discharges table), newest first, with everything attached;
    ``recent``: the same list's last reading, whose unchanged records are used again (and which this replaces)."""
    rows = conn.execute(f"SELECT {_DISCHARGE_COLUMNS} FROM discharges {where} ORDER BY rowid DESC", params).fetchall()
    if not rows:
        return []
    # The attached rows by the ids just found (each a probe of the child's record_id index), not by running the
    # discharges query again for every child table. One JSON array parameter keeps the SQL text the same for any
    # number of ids, so the statement cache does not fill with one statement per list length.
    scope = "record_id IN (SELECT value FROM json_each(?))"
    scope_params = (json.dumps([row[0] for row in rows]),)

    def children(query: str) -> dict[str, list[Row]]:
        """Each discharge's rows of one table (record id first, kept in the row: no copy of each row)."""
        found: dict[str, list[Row]] = defaultdict(list)
        for row in conn.execute(query.format(scope=scope), scope_params):
            found[row[0]].append(row)
        return found

    confirmations = children("SELECT record_id, step_id, confirmed_at FROM confirmations WHERE {scope} ORDER BY id")
    answers = children(
        "SELECT record_id, question_id, chosen, correct, answered_at FROM answers WHERE {scope} ORDER BY id"
    )
    escorts = children(
        "SELECT record_id, name, relationship, phone, phone_display, stays_until FROM escorts WHERE {scope} ORDER BY id"
    )
    overrides = children("SELECT record_id, kind, reason FROM overrides WHERE {scope} ORDER BY id")
    sign_offs = children("SELECT record_id, nurse_name, signed_at, checklist FROM sign_offs WHERE {scope} ORDER BY id")
    help_calls = children("SELECT record_id, kind, at, nurse_name FROM help_calls WHERE {scope} ORDER BY id")
    none: list[Row] = []
    built: dict[str, tuple[Rows, DischargeRecord]] = {}
    earlier = recent.built if recent is not None else {}
    found: list[DischargeRecord] = []
    for row in rows:
        record_id = row[0]
        key = (
            row,
            confirmations.get(record_id, none),
            answers.get(record_id, none),
            escorts.get(record_id, none),
            overrides.get(record_id, none),
            sign_offs.get(record_id, none),
            help_calls.get(record_id, none),
        )
        before = earlier.get(record_id)
        record = before[1] if before is not None and before[0] == key else _record(*key)
        built[record_id] = (key, record)
        found.append(record)
    if recent is not None:
        recent.built = built
    return found


class Recent:
    """The records of one list's last reading, each with the rows it was built from (issue 19).

    The nurse's home is read again on every render, and between two renders at most a few of its discharges
    change; building a ``DischargeRecord`` was most of its time. A record whose rows are equal to last time's is
    the same immutable object again; any changed row (a new confirmation, a state) builds it anew. Only the last
    list is kept, so it holds no more than the screen already does.
    """

    def __init__(self) -> None:
        self.built: dict[str, tuple[Rows, DischargeRecord]] = {}


def _record(
    row: Row,
    confirmations: list[Row],
    answers: list[Row],
    escorts: list[Row],
    overrides: list[Row],
    sign_offs: list[Row],
    help_calls: list[Row],
) -> DischargeRecord:
    (
        record_id,
        created_at,
        name,
        dob,
        hospital_number,
        nhs_number,
        procedure_id,
        version,
        content_hash,
        ended,
        side_level,
        medicines,
        factors,
        large_print,
        state,
        started_by,
        language,
    ) = row
    escort, no_escort_reason = _escort(escorts, overrides)
    sign_off = None
    if sign_offs:
        _, nurse, signed_at, checklist = sign_offs[-1]
        sign_off = SignOff(nurse_name=nurse, signed_at=_time(signed_at), checklist=_checklist(checklist))
    # Keywords, not positions: most fields are text, and a field moved in the model must not swap two silently.
    return DischargeRecord(
        record_id=record_id,
        created_at=_time(created_at),
        patient=Patient(name=name, date_of_birth=_day(dob), hospital_number=hospital_number, nhs_number=nhs_number),
        procedure_id=procedure_id,
        procedure_version=version,
        content_hash=content_hash,
        procedure_ended=_time(ended),
        side_level=side_level,
        medicines=_medicines(medicines),
        factors=_factors(factors),
        large_print=bool(large_print),
        state=_STATES.get(state) or DischargeState(state),
        escort=escort,
        no_escort_reason=no_escort_reason,
        confirmations=tuple([StepConfirmation(step_id=step, confirmed_at=_time(at)) for _, step, at in confirmations]),
        answers=tuple(
            [
                AnswerAttempt(question_id=question, chosen=chosen, correct=bool(correct), answered_at=_time(at))
                for _, question, chosen, correct, at in answers
            ]
        ),
        sign_off=sign_off,
        overrides=tuple([(kind, reason) for _, kind, reason in overrides]),
        help_calls=tuple([HelpEvent(kind=kind, at=_time(at), nurse_name=nurse) for _, kind, at, nurse in help_calls]),
        started_by=started_by,
        language=language,
    )


def _escort(escorts: list[Row], overrides: list[Row]) -> tuple[Escort | None, str | None]:
    """The newest answer counts. "Nobody" gives no escort and the reason of the nurse's no-escort override
    ("" until the nurse has recorded one); a named escort gives ``no_escort_reason`` None."""
    if not escorts:
        return None, None
    _, name, relationship, phone, display, stays_until = escorts[-1]
    if name is None:
        reasons = [reason for _, kind, reason in overrides if kind == _NO_ESCORT_KIND]
        return None, reasons[-1] if reasons else ""
    escort = Escort(
        name=name, relationship=relationship, phone=phone, phone_display=display, stays_until=_time(stays_until)
    )
    return escort, None


def load_print_events(conn: sqlite3.Connection, record_id: str) -> list[PrintEvent]:
    rows = conn.execute(f"SELECT {_PRINT_COLUMNS} FROM print_events WHERE record_id = ? ORDER BY id", (record_id,))
    return [
        PrintEvent(
            kind=PrintEventKind(kind),
            at=_time(at),
            job_id=job_id,
            queue=queue,
            state=state,
            message=message,
            reprint=bool(reprint),
            pdf_path=pdf_path,
            nurse_name=nurse_name,
        )
        for kind, at, job_id, queue, state, message, reprint, pdf_path, nurse_name in rows
    ]
