"""After a restart: how far did each sheet get? Read back from the record's print events alone.

The kiosk may be killed, lose power or be restarted at any moment between Print and "sheet in hand". The record
store lists those discharges (``unconfirmed_sheets``); this module turns one discharge's print events into the
``PrintJob`` to show the nurse, so the printing screen picks up exactly where it was: still printing (then the
service follows the same CUPS job again), printed and waiting for "sheet in hand", or not printed and ready to
print again from the saved PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.printing.status import JobStatus, PrintJob, QueueState
from kiosk.record.model import PrintEvent, PrintEventKind

_ENDINGS = {
    PrintEventKind.COMPLETED: JobStatus.COMPLETED,
    PrintEventKind.FAILED: JobStatus.FAILED,
    PrintEventKind.CANCELLED: JobStatus.CANCELLED,
}


@dataclass(frozen=True)
class LastAttempt:
    """The newest print attempt in a record's events, and whether CUPS may still be working on it."""

    job: PrintJob
    live: bool  # submitted and not yet completed, failed or cancelled: follow it in CUPS again


def last_attempt(record_id: str, events: Sequence[PrintEvent], queue: str) -> LastAttempt | None:
    """The state of the newest sheet as the record tells it, or None if nothing was ever saved or printed."""
    saved = [e for e in events if e.kind in (PrintEventKind.SAVED_TO_OUTBOX, PrintEventKind.SUBMITTED)]
    if not saved:
        return None
    newest = saved[-1]
    after = events[events.index(newest) + 1 :]
    pdf_path = Path(newest.pdf_path)
    if newest.kind is PrintEventKind.SAVED_TO_OUTBOX:
        refused = [e for e in after if e.kind is PrintEventKind.REFUSED]
        if refused:
            state = QueueState(refused[-1].state) if refused[-1].state in set(QueueState) else None
            job = PrintJob(record_id, pdf_path, queue, JobStatus.REFUSED, refused[-1].message, newest.reprint)
            return LastAttempt(job.but(queue_state=state), live=False)
        # Saved but never sent (no printer set, or the kiosk stopped in between): ready to print again.
        job = PrintJob(record_id, pdf_path, queue, JobStatus.OUTBOX_ONLY, "", newest.reprint)
        return LastAttempt(job, live=False)
    job = PrintJob(
        record_id,
        pdf_path,
        newest.queue or queue,
        JobStatus.PENDING,
        "",
        reprint=newest.reprint,
        job_id=newest.job_id,
        submitted_at=newest.at,
        cups_state=newest.state or "pending",
    )
    for event in after:
        if event.job_id != newest.job_id:
            continue
        if event.kind in _ENDINGS:
            return LastAttempt(job.but(status=_ENDINGS[event.kind], cups_state=event.state), live=False)
        if event.kind is PrintEventKind.STUCK:
            job = job.but(status=JobStatus.STUCK)
        if event.kind in (PrintEventKind.STATE, PrintEventKind.STUCK):
            job = job.but(cups_state=event.state or job.cups_state, printer_message=event.message)
    return LastAttempt(job, live=True)
