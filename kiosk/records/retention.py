"""Retention: discharges older than the ward's setting are deleted with everything attached, PDFs included.

Run by the kiosk at start and daily, and by ``main.py records purge``. The PDFs go first, then the rows (one
transaction; foreign keys cascade to every attached table), so a crash in between leaves at worst a record
without its PDF (a reprint rebuilds it from the record), never an unlisted PDF. ``secure_delete`` overwrites
the freed space with zeros, and a ``TRUNCATE`` checkpoint copies the zeroed pages into the database file and
empties the WAL, so a purged name is found in neither file (hazard H8). The audit trail keeps only the record
ids purged: it never held patient data.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.records.store import RecordStore

log = logging.getLogger(__name__)

# Sheets are saved as <record id>[anything].pdf; the record id carries the day it was started. The id is the
# whole run of digits, so purging DK-...-1000 never takes DK-...-10000's sheet.
_SHEET_NAME = re.compile(r"^(DK-(\d{8})-\d{4,})(?!\d).*\.pdf$", re.IGNORECASE)


@dataclass(frozen=True)
class PurgeResult:
    discharges: int
    files: int
    cutoff: date
    wal_emptied: bool


# Rows are deleted in batches of about this many discharges (whole days), each its own transaction with its own
# audit row: the kiosk's own writes wait for one batch at most, never for a purge of years of history.
BATCH = 2000


def purge(store: RecordStore, retention_days: int) -> PurgeResult:
    """Delete discharges started before ``today - retention_days`` and their sheets.

    Linear in what is purged: the record ids go in a set, and each file name is looked up in it once.
    """
    if retention_days < 0:
        raise ValueError("retention_days must be 0 or more")
    cutoff = store.clock.today() - timedelta(days=retention_days)
    old = (cutoff.isoformat(),)
    with store._reading() as conn:
        days = conn.execute(
            "SELECT created_day, count(*) FROM discharges WHERE created_day < ? GROUP BY created_day ORDER BY 1", old
        ).fetchall()
        ids = [row[0] for row in conn.execute("SELECT record_id FROM discharges WHERE created_day < ?", old)]
        recorded = [
            Path(row[0])
            for row in conn.execute(
                "SELECT DISTINCT p.pdf_path FROM print_events p JOIN discharges d USING (record_id) "
                "WHERE p.pdf_path != '' AND d.created_day < ?",
                old,
            )
        ]
    files = _delete_sheets(store.outbox, set(ids), recorded, cutoff)
    batches = _batches(days)
    for number, (first, last) in enumerate(batches, start=1):
        at = store.clock.now().isoformat()
        with store._transaction() as conn:
            span = (first, last)
            batch = [
                row[0]
                for row in conn.execute(
                    "SELECT record_id FROM discharges WHERE created_day BETWEEN ? AND ? ORDER BY record_id", span
                )
            ]
            conn.execute("DELETE FROM discharges WHERE created_day BETWEEN ? AND ?", span)
            facts: dict[str, object] = {"records": batch, "cutoff": cutoff.isoformat()}
            facts["retention_days"] = retention_days
            facts["files"] = files if number == 1 else 0  # the sheets were all deleted before the first batch
            if len(batches) > 1:
                facts["batch"] = f"{number}/{len(batches)}"
            store._append_audit(conn, at, None, "purged", "retention", facts)
    wal_emptied = _checkpoint(store)
    if ids or files:
        log.info("retention purge: %d discharges and %d sheets before %s", len(ids), files, cutoff)
    return PurgeResult(len(ids), files, cutoff, wal_emptied)


def _batches(days: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """Runs of whole days (first, last) holding about ``BATCH`` discharges each, oldest first."""
    spans: list[tuple[str, str]] = []
    first, size = "", 0
    for day, count in days:
        first = first or day
        size += count
        if size >= BATCH:
            spans.append((first, day))
            first, size = "", 0
    if first:
        spans.append((first, days[-1][0]))
    return spans


def _delete_sheets(outbox: Path, ids: set[str], recorded: list[Path], cutoff: date) -> int:
    """The purged discharges' PDFs in the outbox and wherever a print event recorded one, plus outbox sheets
    of any earlier day before the cutoff whose record is already gone. Only files named after a record id."""
    targets: set[Path] = set()
    for path in recorded:
        match = _SHEET_NAME.match(path.name)
        if match and match.group(1) in ids:
            targets.add(path)
    if outbox.is_dir():
        before = f"{cutoff:%Y%m%d}"
        for path in outbox.iterdir():
            match = _SHEET_NAME.match(path.name)
            if match and (match.group(1) in ids or match.group(2) < before):
                targets.add(path)
    deleted = 0
    for path in sorted(targets):
        try:
            path.unlink()
            deleted += 1
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.error("could not delete purged sheet %s: %s", path, exc)
    return deleted


def _checkpoint(store: RecordStore) -> bool:
    """Copy the WAL into the database and empty it; False if another program's read kept it from finishing."""
    with store._lock:
        busy, _, _ = store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return bool(busy == 0)
