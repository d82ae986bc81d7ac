"""Build one throw-away sheet so the first real one is quick (issue 19: the first preview after each start).

The first sheet in a process used to cost about ten warm ones: importing reportlab and the sheet modules,
parsing the DejaVu faces, the paragraph styles, the first font subsets, and the procedure's content paragraphs
(``kiosk.sheet.sections`` caches them). ``warm_up`` pays all of that once, just after the kiosk has started,
on a thread of its own, with a made-up patient: nothing of it is kept but the caches, and the PDF is dropped.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kiosk.config import WardConfig
from kiosk.content.model import Procedure
from kiosk.record.model import DischargeRecord, Patient
from kiosk.sheet.builder import build_sheet

SAMPLE_RECORD_ID = "WARM-UP-0000"  # not a record id the store gives out: never printed, never saved


def sample_record(procedure: Procedure, now: datetime) -> DischargeRecord:
    """A made-up discharge for ``procedure`` that asks for every section a real one can show."""
    ended = now - timedelta(hours=1)
    return DischargeRecord(
        record_id=SAMPLE_RECORD_ID,
        created_at=ended - timedelta(hours=2),
        patient=Patient("Sample Patient", date(1950, 1, 1), "XX000000"),
        procedure_id=procedure.id,
        procedure_version=procedure.document.version,
        content_hash=procedure.content_hash,
        procedure_ended=ended,
        side_level="Left" if procedure.asks_side_and_level else "",
        medicines=tuple(medicine.name for medicine in procedure.medicines),
        # Every factor the procedure asks about, so the paragraphs only some patients get (a diabetic's blood
        # sugar advice) are parsed, broken into lines and drawn once here too (``kiosk.sheet.paragraphs``).
        factors=procedure.factors_used(),
    )


def warm_up(procedure: Procedure, config: WardConfig, now: datetime) -> bytes:
    """Build (and return, for the caller to drop or to warm the PDF viewer with) one sample sheet."""
    return build_sheet(sample_record(procedure, now), procedure, config, now)
