"""The print stage: everything that happens between the nurse's sign-off and "sheet in hand", as plain Python.

It owns the sheet's job (``PrintJob``), when to ask CUPS again, Print, Retry, Cancel, picking a job up again
after a restart (a sheet still in the queue, or printed and not yet confirmed, is followed rather than printed a
second time: H5), and "sheet in hand". The Qt print screen only shows ``view`` and forwards taps.

Nothing here blocks: every CUPS question runs on the ``cups`` lane and saving the sheet on the ``records`` lane
(``kiosk.workers``), each with a deadline, and the answer comes back through the lane's ``post``. When the print
server does not answer in time the nurse reads "The print system is not answering", the sheet is already safe in
the outbox, and a late answer is reconciled, never taken for a fresh one:
- a late answer to a poll or cancel applies only if it is about the job still shown;
- a late "submitted" is adopted as the job if the nurse has not printed again since (so Retry cannot make a
  second copy of a sheet that did reach CUPS), and cancelled at once if a newer job has replaced it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from kiosk.clock import Clock
from kiosk.printing.outbox import Outbox, hand_over
from kiosk.printing.recovery import last_attempt
from kiosk.printing.service import PrintJournal, PrintService
from kiosk.printing.status import (
    NOT_ANSWERING,
    NOT_ANSWERING_CANCEL,
    NOT_ANSWERING_FOLLOW,
    NOT_ANSWERING_JOB,
    NOT_ANSWERING_WAIT,
    NOT_SETTLED,
    JobStatus,
    PrintJob,
    QueueState,
    QueueStatus,
    job_message,
)
from kiosk.record.model import PrintEvent, PrintEventKind
from kiosk.workers import Outcome, Result

log = logging.getLogger(__name__)

T = TypeVar("T")

CALL_DEADLINE_SECONDS = 8.0
"""A CUPS request on a working local scheduler takes milliseconds; after this the nurse is told it is not answering."""
ANSWER_SECONDS = 3.0
"""The print service's own check that the server answers at all (``cups_link.answers_within``), per request:
well inside the deadline, so a dead server is reported by the service and its thread is free again."""
SAVE_DEADLINE_SECONDS = 30.0

FOLLOWABLE = frozenset({JobStatus.PENDING, JobStatus.PROCESSING, JobStatus.STUCK, JobStatus.COMPLETED})
"""A sheet found in the record in one of these is followed (or confirmed), never printed again (H5)."""
CONFIRMABLE = frozenset({JobStatus.COMPLETED, JobStatus.OUTBOX_ONLY})

ASKING = "Asking the printer…"
SENDING = "Sending the sheet to the printer…"


class Runs(Protocol):
    """A ``kiosk.workers.Lane``: runs ``work`` elsewhere and delivers its ``Result`` back on the caller's thread."""

    def submit(self, work: Callable[[], T], deadline: float, deliver: Callable[[Result[T]], None]) -> int: ...


class Writes(Protocol):
    """A ``kiosk.db_wait.RecordWrites``: a records write now, or once another program's lock has cleared."""

    def run(
        self,
        write: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        *,
        waiting: Callable[[bool], None] | None = None,
    ) -> None: ...


@dataclass(frozen=True)
class PrintView:
    """What the print screen shows now: one sentence, a state for its look, which buttons make sense."""

    message: str
    state: str  # a QueueState or JobStatus value, or "working"
    can_retry: bool = False
    can_cancel: bool = False
    can_confirm: bool = False


class PrintStage:
    """One discharge's sheet from the print screen's opening to "sheet in hand". Driven by the session's stage.

    ``journal`` takes "sheet in hand" (the GUI's record store, written through ``writes``); ``service`` keeps
    its own journal for what CUPS says. ``changed`` is called after every change of ``view`` or ``sheet``,
    ``finished`` once "sheet in hand" is saved, ``failed`` with an error the nurse must read.
    """

    def __init__(
        self,
        service: PrintService,
        cups: Runs,
        records: Runs,
        writes: Writes,
        journal: PrintJournal,
        clock: Clock,
        *,
        changed: Callable[[], None] = lambda: None,
        finished: Callable[[], None] = lambda: None,
        failed: Callable[[BaseException], None] = lambda exc: None,
        outbox: Callable[[], Outbox] = Outbox,
        call_deadline: float = CALL_DEADLINE_SECONDS,
    ) -> None:
        self.service = service
        self._cups = cups
        self._records = records
        self._writes = writes
        self._journal = journal
        self._clock = clock
        self.changed = changed
        self.finished = finished
        self.failed = failed
        self._outbox = outbox
        self.call_deadline = call_deadline
        self._generation = 0
        self._reset()

    def _reset(self) -> None:
        self.record_id: str | None = None
        self.reprint = False
        self.job: PrintJob | None = None
        self.sheet: Path | bytes | None = None  # on screen: the file sent before, or the bytes about to be sent
        self.view = PrintView("", "working")
        self.confirmed = False
        self._pdf = b""
        self._build: Callable[[], bytes] | None = None
        self._ready: bytes | None = None  # the sheet built ahead, for the first build only
        self._in_flight: set[int] = set()  # this stage's calls not yet answered
        self._acting = False  # a tap's call (Print, Retry, Cancel, sheet in hand) is on its way
        self._submits: list[int] = []  # Print/Retry calls that ran or may still run, oldest first
        self._never_ran: set[int] = set()
        self._unsettled: int | None = None  # a submit that ran past its deadline: it may yet make a job

    # -- the session drives these ---------------------------------------------------------------------------
    def open(
        self,
        record_id: str,
        reprint: bool,
        events: Sequence[PrintEvent],
        build_sheet: Callable[[], bytes],
        ready: bytes | None = None,
    ) -> None:
        """The print screen opens for ``record_id``: follow the sheet the record says was sent, or get ready.

        ``ready``: the sheet ``build_sheet`` would build, already built (``kiosk.sheet.ahead``: only when built from
        exactly this record); shown at once instead of building it. Any later build uses ``build_sheet``."""
        self.close()
        self.record_id, self.reprint, self._build = record_id, reprint, build_sheet
        self._ready = ready
        attempt = None if reprint else last_attempt(record_id, events, self.service.queue)
        # A reprint always starts a new job; a first sheet already with CUPS (or printed) is followed instead.
        if attempt is not None and (attempt.live or attempt.job.status in FOLLOWABLE):
            job = attempt.job
            if job.pdf_path.is_file():
                self.sheet = job.pdf_path
            else:
                self._build_sheet(check_queue=False)
            if attempt.live:
                # Shown as the job's state at once, so Print is off while CUPS is asked about it.
                self.job = job.but(nurse_message=ASKING)
                self._show(PrintView(ASKING, job.status.value))
                self._call(self._cups, lambda: self.service.poll(job), self._resumed)
            else:
                self._take(job.but(nurse_message=job.nurse_message or job_message(job, self.service.deadline_seconds)))
            return
        self._build_sheet(check_queue=True)

    def close(self) -> None:
        """The print screen is left: forget the job and ignore every answer still on its way."""
        self._generation += 1
        self._reset()

    @property
    def wants_polling(self) -> bool:
        return self.job is not None and not self.job.finished

    # -- the nurse's taps -----------------------------------------------------------------------------------
    def print_sheet(self) -> None:
        """Print: the sheet is saved in the outbox (records lane), then sent (cups lane). One tap, one job."""
        if self.record_id is None or self.job is not None or not self._pdf or self._acting:
            return
        record_id, pdf, reprint = self.record_id, self._pdf, self.reprint
        self._acting = True
        self._show(PrintView(SENDING, "working"))
        outbox = self._outbox()

        def save() -> Path:
            return self.service.save_sheet(record_id, pdf, outbox, reprint=reprint)

        self._call(self._records, save, self._saved, deadline=SAVE_DEADLINE_SECONDS)

    def retry(self) -> None:
        """Print again the same saved sheet (the old job cancelled first if it is still live)."""
        job = self.job
        if job is None or self._acting or not (job.can_retry or job.status is JobStatus.STUCK):
            return
        if self._unsettled is not None:
            # The last Print may still reach CUPS: sending again now could make two copies (H5).
            self._take(job.but(nurse_message=NOT_SETTLED))
            return
        self._acting = True
        self._show(PrintView(SENDING, "working"))
        self._submit(lambda: self.service.resubmit(job), job.pdf_path)

    def cancel(self) -> None:
        job = self.job
        if job is None or job.finished or self._acting:
            return
        self._acting = True
        self._show(PrintView("Cancelling…", "working"))
        self._call(self._cups, lambda: self.service.cancel(job), self._cancelled)

    def poll(self) -> None:
        """Ask CUPS how the job is doing (the screen's timer calls this every second); one question at a time."""
        job = self.job
        if job is None or job.finished or self._in_flight:
            return
        self._call(self._cups, lambda: self.service.poll(job), self._polled)

    def sheet_in_hand(self, nurse: str) -> None:
        """The nurse confirms the patient holds the sheet: saved (never lost to a locked database), then done."""
        if self.record_id is None or self.confirmed or self._acting:
            return
        job = self.job
        event = PrintEvent(
            PrintEventKind.SHEET_IN_HAND,
            at=self._clock.now(),
            job_id=job.job_id if job else None,
            queue=job.queue if job else "",
            reprint=self.reprint,
            pdf_path=str(job.pdf_path) if job else "",
            nurse_name=nurse,
        )
        record_id = self.record_id
        generation = self._generation
        self._acting = True

        def done(_: None) -> None:
            self._acting = False
            if generation == self._generation:
                self.confirmed = True
                self.finished()

        def not_saved(exc: BaseException) -> None:
            self._acting = False
            self.failed(exc)

        outbox = self._outbox()

        def save() -> None:
            # Recorded first, then the discharge's sheet files go (the paper is with the patient: issue 13 F7).
            hand_over(self._journal, outbox, record_id, event)

        self._writes.run(save, done, not_saved)

    # -- answers --------------------------------------------------------------------------------------------
    def _resumed(self, result: Result[PrintJob]) -> None:
        if result.outcome is Outcome.OVERDUE:
            assert self.job is not None
            self._take(self.job.but(nurse_message=NOT_ANSWERING_FOLLOW))
            return
        if result.outcome in (Outcome.FAILED, Outcome.LATE_FAILED):
            self._report(result)
            return
        job = result.value
        assert job is not None
        if result.outcome.late and not self._about_shown_job(job):
            return
        if job.status in FOLLOWABLE:
            self._take(job)
        else:
            # CUPS has no such job any more (or it failed): nothing is waiting to print, so print it afresh.
            self.job = None
            self._build_sheet(check_queue=True)

    def _queue_checked(self, result: Result[QueueStatus]) -> None:
        if self.job is not None:
            return  # a late answer about the queue after a job exists says nothing new
        if result.outcome is Outcome.OVERDUE:
            self._show(PrintView(NOT_ANSWERING, QueueState.NOT_ANSWERING.value))
            return
        if result.outcome in (Outcome.FAILED, Outcome.LATE_FAILED):
            self._report(result)
            return
        status = result.value
        assert status is not None
        self._show(PrintView(status.message, status.state.value))

    def _saved(self, result: Result[Path]) -> None:
        if result.outcome is Outcome.OVERDUE:
            self._acting = False
            self._show(
                PrintView("Saving the sheet is taking too long. Wait a moment, then press Print again.", "failed")
            )
            return
        if result.outcome.late:
            return  # the nurse was told to press Print again; that saves it again (same file name, atomic)
        if result.outcome is Outcome.FAILED:
            self._acting = False
            self._show(PrintView("The sheet could not be saved. Nothing was printed.", "failed"))
            self._report(result)
            return
        path = result.value
        assert path is not None and self.record_id is not None
        record_id, reprint = self.record_id, self.reprint
        self._submit(lambda: self.service.send_saved(record_id, path, reprint=reprint), path)

    def _submit(self, work: Callable[[], PrintJob], path: Path) -> None:
        ticket = self._call(self._cups, work, lambda result: self._sent(result, path))
        if ticket not in self._never_ran:
            self._submits.append(ticket)

    def _sent(self, result: Result[PrintJob], path: Path) -> None:
        ticket = result.ticket
        if result.outcome is Outcome.OVERDUE:
            self._acting = False
            if not result.started:
                # Never sent (the lane was jammed or it waited too long in line): it cannot make a job later.
                self._never_ran.add(ticket)
                if ticket in self._submits:
                    self._submits.remove(ticket)
            else:
                self._unsettled = ticket  # no Retry until it answers: it may still make a job
            assert self.record_id is not None
            message = (NOT_ANSWERING_WAIT if self._unsettled == ticket else NOT_ANSWERING_JOB).format(path=path)
            placeholder = PrintJob(
                self.record_id, path, self.service.queue, JobStatus.REFUSED, message, reprint=self.reprint
            )
            if self.job is not None and self.job.job_id is not None and not self.job.finished:
                # A live job is still there (a Retry whose cancel never got through): keep showing that one.
                self._take(self.job.but(nurse_message=NOT_ANSWERING_CANCEL))
                return
            self._take(placeholder.but(queue_state=QueueState.NOT_ANSWERING))
            return
        if result.outcome.late and self._unsettled == ticket:
            self._unsettled = None
        if result.outcome is Outcome.LATE_FAILED:
            log.info("a late print answer was an error: %s", result.error)
            self._refresh()
            return
        if result.outcome is Outcome.FAILED:
            self._acting = False
            self._report(result)
            return
        job = result.value
        assert job is not None
        if result.outcome is Outcome.LATE_DONE:
            self._late_submit(job, ticket)
            return
        self._acting = False
        self._take(job)

    def _late_submit(self, job: PrintJob, ticket: int) -> None:
        """A submit answered after "not answering" was shown. If it made a job, that job is the sheet's job."""
        newest = bool(self._submits) and self._submits[-1] == ticket
        shown_has_no_job = self.job is None or self.job.job_id is None
        if job.job_id is None or job.finished:
            # Refused after all: nothing reached CUPS, so Retry is safe now; its words replace "not answering".
            if newest and shown_has_no_job:
                self._take(job)
            else:
                self._refresh()
            return
        if newest and shown_has_no_job:
            log.warning("record %s: a late submit made job %s: following it", job.record_id, job.job_id)
            self._take(job)
            return
        # The nurse printed again meanwhile: this older job would be a second copy. Cancel it now.
        log.warning("record %s: late job %s superseded by a newer one: cancelling it", job.record_id, job.job_id)
        self._call(self._cups, lambda: self.service.cancel(job), lambda result: None, own=False)

    def _cancelled(self, result: Result[PrintJob]) -> None:
        if result.outcome is Outcome.OVERDUE:
            self._acting = False
            assert self.job is not None
            self._take(self.job.but(nurse_message=NOT_ANSWERING_CANCEL))
            return
        if result.outcome in (Outcome.FAILED, Outcome.LATE_FAILED):
            self._acting = False
            self._report(result)
            return
        job = result.value
        assert job is not None
        if result.outcome.late and not self._about_shown_job(job):
            return
        self._acting = False
        self._take(job)

    def _polled(self, result: Result[PrintJob]) -> None:
        if result.outcome is Outcome.OVERDUE:
            if self.job is not None and not self._acting:
                self._take(self.job.but(nurse_message=NOT_ANSWERING_FOLLOW))
            return
        if result.outcome in (Outcome.FAILED, Outcome.LATE_FAILED):
            self._report(result)
            return
        job = result.value
        assert job is not None
        if self._acting or not self._about_shown_job(job):
            return  # the nurse's tap is on its way: its answer decides
        self._take(job)

    # -- internals ------------------------------------------------------------------------------------------
    def _about_shown_job(self, job: PrintJob) -> bool:
        return self.job is not None and self.job.job_id is not None and self.job.job_id == job.job_id

    def _build_sheet(self, *, check_queue: bool) -> None:
        """Build the sheet off the GUI thread (reportlab); for a new sheet, ask about the queue meanwhile."""
        assert self._build is not None
        if check_queue:
            self._show(PrintView(ASKING, "working"))
        ready, self._ready = self._ready, None
        if ready is not None:  # built ahead from this very record: shown now, once
            self._pdf = self.sheet = ready
            self.changed()
        else:
            self._call(self._records, self._build, self._built, deadline=SAVE_DEADLINE_SECONDS)
        if check_queue:  # at the same time, on the other lane
            self._call(self._cups, self.service.check_queue, self._queue_checked)

    def _built(self, result: Result[bytes]) -> None:
        if result.outcome.late:
            return
        if result.outcome is Outcome.OVERDUE:
            self._show(
                PrintView("Building the sheet is taking too long. Leave this screen and open it again.", "failed")
            )
            return
        if result.outcome is Outcome.FAILED:
            self._show(PrintView("The sheet could not be built. Nothing was printed.", "failed"))
            self._report(result)
            return
        assert result.value is not None
        self._pdf = self.sheet = result.value
        self.changed()

    def _refresh(self) -> None:
        if self.job is not None:
            self._take(self.job)

    def _take(self, job: PrintJob) -> None:
        self.job = job
        self._show(
            PrintView(
                job.nurse_message,
                job.status.value,
                can_retry=job.can_retry and self._unsettled is None,
                can_cancel=not job.finished,
                can_confirm=job.status in CONFIRMABLE,
            )
        )

    def _show(self, view: PrintView) -> None:
        self.view = view
        self.changed()

    def _report(self, result: Result[Any]) -> None:
        assert result.error is not None
        log.error("print stage call failed", exc_info=result.error)
        self.failed(result.error)

    def _call(
        self,
        lane: Runs,
        work: Callable[[], T],
        then: Callable[[Result[T]], None],
        *,
        deadline: float | None = None,
        own: bool = True,
    ) -> int:
        """Run ``work`` on ``lane``; ``then`` gets its answer unless the stage was closed or reopened since."""
        generation = self._generation
        answered: set[int] = set()

        def deliver(result: Result[T]) -> None:
            answered.add(result.ticket)
            current = generation == self._generation
            if current:
                self._in_flight.discard(result.ticket)
            if own and not current:
                log.info("print answer for a closed print screen ignored (%s)", result.outcome.value)
                return
            try:
                then(result)
            except Exception as exc:
                self._acting = False
                self.failed(exc)

        ticket = lane.submit(work, self.call_deadline if deadline is None else deadline, deliver)
        if own and ticket not in answered:
            self._in_flight.add(ticket)
        return ticket
