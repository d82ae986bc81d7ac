"""The ward's audit export: one CSV row per discharge, for the ward manager's spreadsheet.

It answers "was every discharge done properly?": state, times, which nurse started and signed it off, whether
the escort was recorded, whether the sheet printed and was handed over, how many times the patient called for
help and how many calls a nurse answered on the kiosk. It carries no patient identifiers and
no free text (override reasons may name people): the record id links back to the kiosk while the record is
kept. Cells that a spreadsheet would run as a formula are quoted, and the file is written whole or not at all.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.errors import EnvironmentProblem
from kiosk.private import write_atomically
from kiosk.record.model import HELP_ANSWERED, HELP_REQUESTED, DischargeRecord
from kiosk.records.reading import load_discharges

if TYPE_CHECKING:
    from kiosk.records.store import RecordStore

HEADER = (
    "record_id",
    "started_at",
    "started_by",
    "procedure_id",
    "procedure_version",
    "state",
    "procedure_ended",
    "steps_confirmed",
    "check_answers",
    "check_answers_wrong",
    "escort_recorded",
    "overrides",
    "signed_off_by",
    "signed_off_at",
    "printed",
    "reprints",
    "print_failures",
    "sheet_in_hand_at",
    "help_calls",
    "help_calls_answered",
)
_FAILURES = frozenset({"refused", "stuck", "failed"})


def export_csv(store: RecordStore, start: date, end: date, out: Path) -> int:
    """Discharges started from ``start`` to ``end`` (local days, both included), oldest first; returns the count."""
    with store.db.reading() as conn:
        rows = export_rows(conn, start, end)
    _write(out, rows)
    return len(rows)


def export_from(conn: sqlite3.Connection, start: date, end: date, out: Path) -> int:
    """The same export from any database with the kiosk's schema: a snapshot of a ward's central rows
    (``kiosk.records.central.server``), so both exports are the same code."""
    rows = export_rows(conn, start, end)
    _write(out, rows)
    return len(rows)


def export_rows(conn: sqlite3.Connection, start: date, end: date) -> list[list[str]]:
    """The CSV rows (without the header) for the discharges started from ``start`` to ``end``, oldest first."""
    if end < start:
        raise ValueError("the end date is before the start date")
    where = "WHERE created_day BETWEEN ? AND ?"
    params = (start.isoformat(), end.isoformat())
    records = load_discharges(conn, where, params)
    events: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for record_id, kind, at, reprint in conn.execute(
        "SELECT record_id, kind, at, reprint FROM print_events "
        f"WHERE record_id IN (SELECT record_id FROM discharges {where}) ORDER BY id",
        params,
    ):
        events[record_id].append((kind, at, reprint))
    records.reverse()
    return [_row(record, events.get(record.record_id, [])) for record in records]


def _row(record: DischargeRecord, events: list[tuple[str, str, int]]) -> list[str]:
    if record.escort is not None:
        escort = "yes"
    elif record.no_escort_reason is not None:
        escort = "nobody"
    else:
        escort = "no"
    sign_off = record.sign_off
    in_hand = [at for kind, at, _ in events if kind == "sheet-in-hand"]
    return [
        record.record_id,
        record.created_at.isoformat(timespec="seconds"),
        record.started_by,
        record.procedure_id,
        record.procedure_version,
        record.state.value,
        record.procedure_ended.isoformat(timespec="seconds"),
        str(len(record.confirmed_step_ids)),
        str(len(record.answers)),
        str(sum(1 for a in record.answers if not a.correct)),
        escort,
        " ".join(kind for kind, _ in record.overrides),
        sign_off.nurse_name if sign_off else "",
        sign_off.signed_at.isoformat(timespec="seconds") if sign_off else "",
        "yes" if any(kind == "completed" for kind, _, _ in events) else "no",
        str(sum(1 for kind, _, reprint in events if kind == "submitted" and reprint)),
        str(sum(1 for kind, _, _ in events if kind in _FAILURES)),
        datetime.fromisoformat(in_hand[-1]).isoformat(timespec="seconds") if in_hand else "",
        str(sum(1 for call in record.help_calls if call.kind == HELP_REQUESTED)),
        str(sum(1 for call in record.help_calls if call.kind == HELP_ANSWERED)),
    ]


def _safe(cell: str) -> str:
    """Stop a spreadsheet from running a cell as a formula (a nurse name typed as "=HYPERLINK(...)")."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def _write(out: Path, rows: list[list[str]]) -> None:
    """The whole CSV in memory, then written 0600 and atomically: a full disk leaves no partial export."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    out = Path(out)
    try:
        write_atomically(out, buffer.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        raise EnvironmentProblem(f"Cannot write the export to {out}", f"{exc.strerror or exc}") from exc
