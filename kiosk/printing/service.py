"""Sending a sheet to the ward's CUPS queue and following it until it has printed (hazard H5).

Plain Python, no Qt: the kiosk calls ``poll`` from a QTimer (every ``POLL_INTERVAL_MS``) and shows the job's
``nurse_message``. The service keeps no state of its own: a ``PrintJob`` goes in, the next ``PrintJob`` comes out,
and every change worth knowing is written to the discharge record through the ``PrintJournal`` as it happens,
so a crash at any moment leaves the record saying exactly how far the sheet got.

The rules that make "the record says printed but no sheet came out" impossible to miss:
- nothing is submitted to a queue that is paused, rejecting or missing: the nurse is told why instead, and the
  sheet stays in the outbox (a paused queue would silently keep it until someone resumes the printer);
- a job is "completed" only when CUPS says so, and even then the nurse confirms "sheet in hand";
- a job not completed by the deadline is reported as stuck, once, and can be cancelled and printed again;
  ``resubmit`` cancels the old job first, and never re-sends a sheet that has already printed (that is a reprint,
  built again from the record and stamped REPRINT), so one Print press can never make two copies.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from kiosk.clock import Clock, elapsed
from kiosk.printing.cups_link import (
    CUPS_JOB_STATES_DONE,
    CupsLink,
    JobMissing,
    JobNotCancellable,
    PrintRefused,
    PrintSystemDown,
    PrintSystemNotAnswering,
    QueueMissing,
)
from kiosk.printing.outbox import Outbox
from kiosk.printing.recovery import last_attempt
from kiosk.printing.status import (
    ASK,
    CUPS_JOB_STATES,
    NOT_ANSWERING_CANCEL,
    JobStatus,
    PrintJob,
    QueueState,
    QueueStatus,
    describe_printer,
    job_message,
    queue_message,
    reason_words,
)
from kiosk.record.model import PrintEvent, PrintEventKind

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 1000
NOT_RUNNING = "print system not running"
NOT_ANSWERING_WORDS = "print system not answering"


def _down_words(exc: PrintSystemDown) -> str:
    return NOT_ANSWERING_WORDS if isinstance(exc, PrintSystemNotAnswering) else NOT_RUNNING


class PrintJournal(Protocol):
    """Where print events go: the record store, which keeps them with the discharge."""

    def record_print_event(self, record_id: str, event: PrintEvent) -> None: ...


class PrintService:
    """The ward's printer, as the nurse's printing screen sees it."""

    def __init__(
        self,
        queue: str,
        journal: PrintJournal,
        clock: Clock,
        deadline_seconds: int,
        *,
        server: str | None = None,
        answer_seconds: float | None = None,
    ) -> None:
        self.queue = queue.strip()
        self.deadline_seconds = deadline_seconds
        self._journal = journal
        self._clock = clock
        self._link = CupsLink(server, answer_seconds)

    # --- the queue -------------------------------------------------------------------------------------------

    def check_queue(self) -> QueueStatus:
        """Can a sheet be sent now? One IPP request; never raises for a missing printer or print system."""
        if not self.queue:
            return QueueStatus(QueueState.NOT_CONFIGURED, "", queue_message(QueueState.NOT_CONFIGURED, ""))
        try:
            printer = self._link.printer(self.queue)
        except PrintSystemNotAnswering as exc:
            log.info("print system not answering: %s", exc)
            return self._queue_status(QueueState.NOT_ANSWERING, "")
        except PrintSystemDown as exc:
            log.info("print system not reachable: %s", exc)
            return self._queue_status(QueueState.NO_PRINT_SYSTEM, NOT_RUNNING)
        except QueueMissing:
            return self._queue_status(QueueState.NOT_FOUND, "")
        except PrintRefused as exc:
            return self._queue_status(QueueState.REJECTING, str(exc))
        words = tuple(word for word in reason_words(printer.reasons, printer.message) if word != "paused")
        said = describe_printer(words, printer.message)
        if not printer.accepting:
            state = QueueState.REJECTING
        elif printer.stopped:
            state = QueueState.PAUSED
        else:
            state = QueueState.OK
        return self._queue_status(state, said, printer.reasons)

    def _queue_status(self, state: QueueState, said: str, reasons: tuple[str, ...] = ()) -> QueueStatus:
        shown = "" if state in (QueueState.NO_PRINT_SYSTEM, QueueState.NOT_ANSWERING) else said
        return QueueStatus(state, self.queue, queue_message(state, self.queue, shown), said, reasons)

    # --- sending ---------------------------------------------------------------------------------------------

    def print_sheet(self, record_id: str, pdf: bytes, outbox: Outbox, reprint: bool = False) -> PrintJob:
        """What the Print button does: save the sheet durably, note where, then send it (if there is a printer)."""
        path = self.save_sheet(record_id, pdf, outbox, reprint=reprint)
        return self.send_saved(record_id, path, reprint=reprint)

    def save_sheet(self, record_id: str, pdf: bytes, outbox: Outbox, reprint: bool = False) -> Path:
        """The first half of Print, no CUPS in it: the sheet is safe in the outbox, and the record says where."""
        path = outbox.save(record_id, pdf, reprint=reprint)
        self._record(record_id, PrintEventKind.SAVED_TO_OUTBOX, queue=self.queue, pdf_path=str(path), reprint=reprint)
        return path

    def send_saved(self, record_id: str, path: Path, reprint: bool = False) -> PrintJob:
        """The second half of Print: a saved sheet to the queue, or "outbox only" when the ward set no printer."""
        if not self.queue:
            job = PrintJob(record_id, path, "", JobStatus.OUTBOX_ONLY, "", reprint=reprint)
            return job.but(nurse_message=job_message(job), queue_state=QueueState.NOT_CONFIGURED)
        return self.submit(record_id, path, reprint=reprint)

    def submit(self, record_id: str, pdf_path: Path, reprint: bool = False) -> PrintJob:
        """Send a saved sheet, unless the queue is not ready: then record why and submit nothing."""
        job = PrintJob(record_id, pdf_path, self.queue, JobStatus.REFUSED, "", reprint=reprint)
        if not pdf_path.is_file():
            return self._refuse(job, QueueState.OK, "The sheet file is missing from the outbox. Build it again.")
        status = self.check_queue()
        if not status.ok:
            return self._refuse(job, status.state, status.message)
        try:
            job_id = self._link.print_file(self.queue, pdf_path, title=pdf_path.stem)
        except PrintSystemNotAnswering:
            return self._refuse(job, QueueState.NOT_ANSWERING, queue_message(QueueState.NOT_ANSWERING, ""))
        except PrintSystemDown:
            return self._refuse(job, QueueState.NO_PRINT_SYSTEM, queue_message(QueueState.NO_PRINT_SYSTEM, ""))
        except QueueMissing:
            return self._refuse(job, QueueState.NOT_FOUND, queue_message(QueueState.NOT_FOUND, self.queue))
        except PrintRefused as exc:  # rejecting since the check, forbidden, or another "no" from CUPS
            said = queue_message(QueueState.REJECTING, self.queue, str(exc))
            return self._refuse(job, QueueState.REJECTING, said)
        job = job.but(
            status=JobStatus.PENDING,
            job_id=job_id,
            submitted_at=self._clock.now(),
            cups_state="pending",
            printer_message=status.printer_message,
        )
        self._record(
            record_id,
            PrintEventKind.SUBMITTED,
            job_id=job_id,
            queue=self.queue,
            state=job.cups_state,
            pdf_path=str(pdf_path),
            reprint=reprint,
        )
        log.info("record %s: sheet %s submitted to %s as job %s", record_id, pdf_path.name, self.queue, job_id)
        return job.but(nurse_message=job_message(job, self.deadline_seconds))

    def _refuse(self, job: PrintJob, state: QueueState, why: str) -> PrintJob:
        where = f" The sheet is saved as {job.pdf_path}." if job.pdf_path.is_file() else " Nothing can be printed."
        message = f"{why} Nothing was printed.{where}"
        self._record(
            job.record_id,
            PrintEventKind.REFUSED,
            queue=self.queue,
            state=state.value,
            message=message,
            pdf_path=str(job.pdf_path),
            reprint=job.reprint,
        )
        log.info("record %s: not printed (%s)", job.record_id, state.value)
        return job.but(status=JobStatus.REFUSED, queue_state=state, nurse_message=message)

    # --- following -------------------------------------------------------------------------------------------

    def poll(self, job: PrintJob) -> PrintJob:
        """Ask CUPS how the job is doing; record what changed. Two IPP requests at most; never raises for CUPS."""
        if job.finished or job.job_id is None:
            return job
        try:
            snapshot = self._link.job(job.job_id)
        except PrintSystemDown as exc:
            return self._advance(job, job.status, job.cups_state, _down_words(exc))
        except JobMissing:
            why = "the print system has no record of this sheet: check the printer tray before printing again"
            return self._advance(job, JobStatus.FAILED, "missing", why)
        except PrintRefused as exc:
            return self._advance(job, job.status, job.cups_state, str(exc))
        cups_state = CUPS_JOB_STATES.get(snapshot.state, str(snapshot.state))
        if snapshot.state in CUPS_JOB_STATES_DONE:
            status = JobStatus.COMPLETED if cups_state == "completed" else JobStatus.FAILED
            why = "" if status is JobStatus.COMPLETED else _failure_words(cups_state, snapshot.reasons)
            return self._advance(job, status, cups_state, why)
        status = JobStatus.PROCESSING if cups_state in ("processing", "stopped") else JobStatus.PENDING
        return self._advance(
            job, status, cups_state, self._printer_words(job.queue, cups_state, snapshot.printer_message)
        )

    def _printer_words(self, queue: str, cups_state: str, job_message_text: str) -> str:
        try:
            printer = self._link.printer(queue)
        except PrintSystemDown as exc:
            return _down_words(exc)
        except QueueMissing:
            return "the printer has been removed"
        except PrintRefused as exc:
            return str(exc)
        message = printer.message or job_message_text
        words = list(reason_words(printer.reasons, message))
        if printer.stopped and "paused" not in words:
            words.insert(0, "paused")
        if cups_state == "held":
            words.append("on hold")
        return describe_printer(tuple(words), message)

    def _advance(self, job: PrintJob, status: JobStatus, cups_state: str, printer_message: str) -> PrintJob:
        """The job's next version, with the deadline applied and exactly the events that are new."""
        if status in (JobStatus.PENDING, JobStatus.PROCESSING) and self._past_deadline(job):
            status = JobStatus.STUCK
        if job.status is JobStatus.STUCK and status in (JobStatus.PENDING, JobStatus.PROCESSING):
            status = JobStatus.STUCK  # stays reported until it completes, fails or the nurse acts
        new = job.but(status=status, cups_state=cups_state, printer_message=printer_message)
        new = new.but(nurse_message=job_message(new, self.deadline_seconds))
        kind: PrintEventKind | None = None
        if status is not job.status and status in (JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.STUCK):
            kind = {
                JobStatus.COMPLETED: PrintEventKind.COMPLETED,
                JobStatus.FAILED: PrintEventKind.FAILED,
                JobStatus.STUCK: PrintEventKind.STUCK,
            }[status]
        elif (cups_state, printer_message) != (job.cups_state, job.printer_message):
            kind = PrintEventKind.STATE
        if kind is not None:
            self._record(
                job.record_id,
                kind,
                job_id=job.job_id,
                queue=job.queue,
                state=cups_state,
                message=printer_message,
                pdf_path=str(job.pdf_path),
                reprint=job.reprint,
            )
        return new

    def _past_deadline(self, job: PrintJob) -> bool:
        if job.submitted_at is None:
            return False
        return elapsed(job.submitted_at, self._clock.now()).total_seconds() >= self.deadline_seconds

    # --- the nurse's actions ---------------------------------------------------------------------------------

    def cancel(self, job: PrintJob) -> PrintJob:
        """Cancel a job that has not printed. A job that completed meanwhile comes back completed, not cancelled."""
        if job.finished or job.job_id is None:
            return job
        try:
            self._link.cancel(job.job_id)
        except JobNotCancellable:
            return self.poll(job)
        except JobMissing:
            pass  # nothing left in CUPS that could still print
        except PrintSystemNotAnswering:
            return job.but(printer_message=NOT_ANSWERING_WORDS, nurse_message=NOT_ANSWERING_CANCEL)
        except PrintSystemDown:
            # CUPS keeps queued jobs across a restart, so this one may still print: do not call it cancelled.
            return job.but(
                printer_message=NOT_RUNNING,
                nurse_message="Cannot cancel: the print system is not running. Ask IT to start CUPS.",
            )
        except PrintRefused as exc:
            return job.but(nurse_message=f"The print system would not cancel this sheet ({exc}). {ASK}")
        cancelled = job.but(status=JobStatus.CANCELLED, cups_state="canceled")
        cancelled = cancelled.but(nurse_message=job_message(cancelled))
        self._record(
            job.record_id,
            PrintEventKind.CANCELLED,
            job_id=job.job_id,
            queue=job.queue,
            state="canceled",
            pdf_path=str(job.pdf_path),
            reprint=job.reprint,
        )
        return cancelled

    def resubmit(self, job: PrintJob) -> PrintJob:
        """Print again: cancel the old job if it is still live, then submit the same saved sheet as a new job.

        A completed job is never re-sent (a second copy must be a reprint from the record, stamped REPRINT).
        """
        if job.status is JobStatus.COMPLETED:
            raise ValueError("this sheet has printed: a second copy is a reprint built from the record")
        if not job.finished:
            job = self.cancel(job)
            if job.status is not JobStatus.CANCELLED:
                return job  # completed meanwhile, or CUPS cannot be reached to cancel it
        return self.submit(job.record_id, job.pdf_path, reprint=job.reprint)

    def resume(self, record_id: str, events: Sequence[PrintEvent]) -> PrintJob | None:
        """After a restart: the newest sheet's job as the record's print events tell it, followed in CUPS again
        if it was still printing. None when the discharge never got as far as Print."""
        attempt = last_attempt(record_id, events, self.queue)
        if attempt is None:
            return None
        if attempt.live:
            return self.poll(attempt.job)
        job = attempt.job
        return job.but(nurse_message=job.nurse_message or job_message(job, self.deadline_seconds))

    def _record(self, record_id: str, kind: PrintEventKind, **fields: object) -> None:
        self._journal.record_print_event(record_id, PrintEvent(kind=kind, at=self._clock.now(), **fields))  # type: ignore[arg-type]  # each caller passes PrintEvent's own fields


def _failure_words(cups_state: str, reasons: tuple[str, ...]) -> str:
    if "job-canceled-at-device" in reasons or "job-canceled-by-operator" in reasons:
        return "cancelled at the printer"
    if cups_state == "canceled":
        return "cancelled at the print server"
    return "the printer could not print it"
