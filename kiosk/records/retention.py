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
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.records.store import RecordStore

log = logging.getLogger(__name__)

# Sheets are saved as <record id>[anything].pdf; the record id carries the day it was started, and with a central
# store the kiosk's id (DK-20261121-0001-B3: capitals and digits; what follows an id is lowercase, "-sheet").
# The id is the whole run of digits, so purging DK-...-1000 never takes DK-...-10000's sheet.
_SHEET_NAME = re.compile(r"^(DK-(\d{8})-\d{4,}(?:-[A-Z0-9]{1,8})?)(?![0-9A-Z]).*\.(?i:pdf)$")


@dataclass(frozen=True)
class PurgeResult:
    discharges: int
    files: int
    cutoff: date
    wal_emptied: bool


# With a central store, a discharge goes only once the server has every fact about it: the kiosk's journal is
# the only copy of what has not been sent yet, so retention must not delete it first (hazard H6).
_SENT = (
    "AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.record_id = d.record_id "
    "AND a.seq > (SELECT sent_seq FROM central_sent))"
)
# Rows are deleted in batches of this many discharges, each its own transaction with its own audit row: the
# kiosk's own writes wait for one batch at most, never for a purge of years of history.
BATCH = 2000


def purge(store: RecordStore, retention_days: int, *, keep_unsent: bool = False) -> PurgeResult:
    """Delete discharges started before ``today - retention_days`` and their sheets; with ``keep_unsent``
    (records also go to the central store) only those the server has in full.

    Linear in what is purged: the record ids go in a set, and each file name is looked up in it once.
    """
    if retention_days < 0:
        raise ValueError("retention_days must be 0 or more")
    cutoff = store.clock.today() - timedelta(days=retention_days)
    old = (cutoff.isoformat(),)
    chosen = f"SELECT record_id FROM discharges d WHERE created_day < ? {_SENT if keep_unsent else ''}"
    with store.db.reading() as conn:
        ids = sorted(row[0] for row in conn.execute(chosen, old))
        purged = set(ids)
        kept = {row[0] for row in conn.execute("SELECT record_id FROM discharges WHERE created_day < ?", old)} - purged
        recorded = [
            str(row[0])
            for row in conn.execute(
                f"SELECT DISTINCT pdf_path FROM print_events WHERE pdf_path != '' AND record_id IN ({chosen})", old
            )
        ]
    files = _delete_sheets(store.outbox, purged, recorded, cutoff, kept)
    batches = [ids[start : start + BATCH] for start in range(0, len(ids), BATCH)]
    for number, batch in enumerate(batches, start=1):
        at = store.clock.now().isoformat()
        with store.db.transaction() as conn:
            conn.execute(f"DELETE FROM discharges WHERE record_id IN ({', '.join('?' * len(batch))})", batch)
            facts: dict[str, object] = {"records": batch, "cutoff": cutoff.isoformat()}
            facts["retention_days"] = retention_days
            facts["files"] = files if number == 1 else 0  # the sheets were all deleted before the first batch
            if len(batches) > 1:
                facts["batch"] = f"{number}/{len(batches)}"
            store.db.append_audit(conn, at, None, "purged", "retention", facts)
    wal_emptied = store.db.checkpoint()
    if ids or files:
        log.info("retention purge: %d discharges and %d sheets before %s", len(ids), files, cutoff)
    return PurgeResult(len(ids), files, cutoff, wal_emptied)


def _delete_sheets(outbox: Path, ids: set[str], recorded: list[str], cutoff: date, kept: set[str]) -> int:
    """The purged discharges' PDFs in the outbox and wherever a print event recorded one, plus outbox sheets
    of any earlier day before the cutoff whose record is already gone (not ``kept``: old but not yet on the
    central server). Only files named after a record id.

    Paths stay text (``os.path``, ``os.scandir``): a ``Path`` made, compared and sorted for each of 100k recorded
    sheets was more than half of a purge's time (issue 19). Most recorded sheets are long gone (the outbox
    deletes each once printed), so only those a listing of their folder finds are unlinked, not every one
    attempted with its ``FileNotFoundError``.
    """
    targets: set[str] = set()
    for path in recorded:
        match = _SHEET_NAME.match(os.path.basename(path))
        if match and match.group(1) in ids:
            targets.add(path)
    if outbox.is_dir():
        before = f"{cutoff:%Y%m%d}"
        with os.scandir(outbox) as entries:
            for entry in entries:
                match = _SHEET_NAME.match(entry.name)
                if match and match.group(1) not in kept and (match.group(1) in ids or match.group(2) < before):
                    targets.add(entry.path)
    deleted = 0
    for path in sorted(_existing(targets)):
        try:
            os.unlink(path)
            deleted += 1
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.error("could not delete purged sheet %s: %s", path, exc)
    return deleted


def _existing(paths: set[str]) -> list[str]:
    """Those of ``paths`` that are there: one listing per folder (a folder that cannot be listed: all of its)."""
    by_folder: dict[str, list[str]] = {}
    for path in paths:
        by_folder.setdefault(os.path.dirname(path), []).append(path)
    found: list[str] = []
    for folder, wanted in by_folder.items():
        try:
            with os.scandir(folder or ".") as entries:
                present = {entry.name for entry in entries}
        except FileNotFoundError:
            continue
        except OSError:
            found.extend(wanted)  # let each unlink say what is wrong
            continue
        found.extend(path for path in wanted if os.path.basename(path) in present)
    return found
