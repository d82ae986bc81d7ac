"""The outbox: every sheet is on disk, durably, before anything tries to print it (hazard H5).

A sheet exists in the outbox from the moment the nurse presses Print until the nurse confirms "sheet in hand"
(``hand_over``: the paper is with the patient, so the file is deleted: issue 13 F7) or retention purges the
discharge, so a jammed printer, a stopped print system or a killed app never loses it: the nurse can always print
it again, and a ward with no printer at all still has the PDF. A reprint after the hand-over is rebuilt from the
record and stamped REPRINT, never taken from an old file. Files are written to a temporary name, flushed to the disk
(``fsync``), renamed over the final name in one atomic step and the folder entry flushed too, so after a power cut
the file is either the whole sheet or not there; a half-written sheet can only ever be a temporary file, and those
are removed at start (``clean_temp_files``).

Names start with the record id (``DK-...-sheet.pdf``; reprints ``DK-...-reprint-2.pdf``, ``-reprint-3`` ...), so
IT can find a patient's sheet by the id printed on it, and retention can delete one discharge's files by id.
The folder and files are readable by the kiosk's user only (hazard H8: they hold patient data).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import paths
from kiosk.errors import EnvironmentProblem
from kiosk.private import TEMP_PREFIX as _TEMP_PREFIX
from kiosk.private import TEMP_SUFFIX as _TEMP_SUFFIX
from kiosk.private import fsync_dir as _fsync_dir
from kiosk.private import private_dir
from kiosk.private import write_atomically as _write_atomically

if TYPE_CHECKING:
    from kiosk.printing.service import PrintJournal
    from kiosk.record.model import PrintEvent

# Record ids become file names: letters, digits, '-' and '_' only, so an id can never escape the folder.
_RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
# A sheet's file name: its record id, then which copy. One pattern for every record: a pattern compiled per
# record id filled re's cache with one entry per discharge (issue 19, the memory growth).
_SHEET_NAME = re.compile(r"(.+)-(?:sheet|reprint-([0-9]+))\.pdf")


class Outbox:
    """The folder of sheet PDFs, one or more per discharge (the first print and any reprints)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else paths.outbox_dir()
        try:
            private_dir(self.folder)
        except OSError as exc:
            raise EnvironmentProblem(
                f"Cannot use the outbox folder {self.folder}", f"ask IT to check the disk and permissions ({exc})"
            ) from exc

    def save(self, record_id: str, pdf: bytes, reprint: bool = False) -> Path:
        """Write one sheet durably and return its path.

        The first print is ``<id>-sheet.pdf`` (saving it again replaces it: the sheet was rebuilt before it
        printed); each reprint gets the next number, so every copy that left the kiosk stays on record.
        """
        _check_record_id(record_id)
        if not pdf.startswith(b"%PDF"):
            raise ValueError(f"not a PDF for {record_id}: a sheet must be the PDF bytes")
        target = self.folder / (self._next_reprint_name(record_id) if reprint else f"{record_id}-sheet.pdf")
        try:
            _write_atomically(target, pdf)
        except OSError as exc:
            raise EnvironmentProblem(
                f"Cannot save the sheet for {record_id} in {self.folder}",
                f"the disk may be full or read-only: ask IT ({exc.strerror or exc})",
            ) from exc
        return target

    def sheets(self, record_id: str) -> list[Path]:
        """This discharge's sheets, oldest first: the first print, then reprints 2, 3, ..."""
        _check_record_id(record_id)
        names = ((_copy_of(path.name, record_id), path) for path in self.folder.iterdir())
        found = [(copy, path) for copy, path in names if copy is not None]
        return [path for _, path in sorted(found)]

    def latest(self, record_id: str) -> Path | None:
        """The newest sheet for a discharge (the one to show and print again), or None if there is none."""
        sheets = self.sheets(record_id)
        return sheets[-1] if sheets else None

    def delete(self, record_id: str) -> int:
        """Remove every sheet of one discharge (retention, or the record was deleted); returns how many."""
        return self._remove(self.sheets(record_id))

    def clean_temp_files(self) -> int:
        """Remove half-written sheets left by a crash or power cut; run once at start. Returns how many."""
        return self._remove(
            path
            for path in self.folder.iterdir()
            if path.name.startswith(_TEMP_PREFIX) and path.name.endswith(_TEMP_SUFFIX) and path.is_file()
        )

    def _remove(self, files: Iterable[Path]) -> int:
        """Unlink files (one already gone is fine), then make the removals durable with one folder fsync."""
        removed = 0
        for path in files:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
        if removed:
            _fsync_dir(self.folder)
        return removed

    def _next_reprint_name(self, record_id: str) -> str:
        existing = self.sheets(record_id)
        highest = max((_copy_of(path.name, record_id) or 1 for path in existing), default=1)
        return f"{record_id}-reprint-{highest + 1}.pdf"


def _check_record_id(record_id: str) -> None:
    if not _RECORD_ID.fullmatch(record_id):
        raise ValueError(f"record id {record_id!r} cannot be used as a file name")


def _copy_of(name: str, record_id: str) -> int | None:
    """Which copy of ``record_id``'s sheet the file ``name`` is: 1 for the first print, n for ``-reprint-n``;
    None when it is not one of this record's sheets (another record's, ``-1000`` is not ``-10000``'s)."""
    match = _SHEET_NAME.fullmatch(name)
    if match is None or match.group(1) != record_id:
        return None
    return int(match.group(2)) if match.group(2) else 1


def hand_over(store: PrintJournal, outbox: Outbox, record_id: str, event: PrintEvent) -> int:
    """The nurse confirmed "sheet in hand": record it, then delete every sheet file of this discharge.

    The record first: if it cannot be saved (full disk, damaged file) the sheets stay, so nothing is lost that
    the record still needs. Returns how many files were deleted. Deleted files can survive in the disk's free
    blocks: full-disk encryption is what protects a stolen tablet (docs/HAZARDS.md).
    """
    store.record_print_event(record_id, event)
    return outbox.delete(record_id)
