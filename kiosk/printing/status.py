"""What the print service knows about a queue and a job, and how it says so to a nurse.

CUPS speaks in IPP states and reason keywords (``printer-state 5``, ``media-empty-error``); a nurse at discharge
needs one plain sentence that says what is wrong and what to do. This module is the one translation table, kept
separate from the pycups calls so the words can be read, reviewed and tested on their own (docs/PRINTING.md
lists them).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path


class QueueState(StrEnum):
    OK = "ok"
    PAUSED = "paused"  # cupsdisable / stopped by an error: jobs would wait
    REJECTING = "rejecting"  # cupsreject: new jobs are refused
    NOT_FOUND = "not-found"  # no queue of that name on the print server
    NO_PRINT_SYSTEM = "no-print-system"  # CUPS not running or not installed
    NOT_ANSWERING = "not-answering"  # the print server took a connection but gave no answer by the deadline
    NOT_CONFIGURED = "not-configured"  # the ward set no printer: sheets go to the outbox only


class JobStatus(StrEnum):
    OUTBOX_ONLY = "outbox-only"  # no printer set up: the sheet is saved, nothing submitted
    REFUSED = "refused"  # the queue was not ready: nothing submitted
    PENDING = "pending"  # accepted by CUPS, waiting (queue busy, paused, or held)
    PROCESSING = "processing"  # being sent to the printer
    COMPLETED = "completed"  # CUPS handed it to the printer: the nurse still confirms "sheet in hand"
    STUCK = "stuck"  # not completed by the deadline: the nurse may cancel and print again
    FAILED = "failed"  # CUPS aborted it, or it was cancelled at the printer
    CANCELLED = "cancelled"  # cancelled from the kiosk (before printing again)


# Statuses after which polling CUPS can change nothing.
FINISHED = frozenset(
    {JobStatus.OUTBOX_ONLY, JobStatus.REFUSED, JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED}
)

# IPP job-state numbers (RFC 8011 5.3.7).
CUPS_JOB_STATES = {
    3: "pending",
    4: "held",
    5: "processing",
    6: "stopped",
    7: "canceled",
    8: "aborted",
    9: "completed",
}

# printer-state-reasons keywords (suffix -error/-warning/-report removed) -> plain words.
REASON_WORDS = {
    "media-empty": "out of paper",
    "media-needed": "out of paper",
    "media-jam": "paper jam",
    "media-low": "paper running low",
    "toner-empty": "out of toner",
    "toner-low": "toner running low",
    "marker-supply-empty": "out of ink or toner",
    "marker-supply-low": "ink or toner running low",
    "marker-waste-full": "waste toner box full",
    "cover-open": "a cover is open",
    "door-open": "a door is open",
    "interlock-open": "a cover is open",
    "input-tray-missing": "a paper tray is missing",
    "output-area-full": "the output tray is full",
    "offline": "not reachable",
    "connecting-to-device": "not reachable",
    "timed-out": "not reachable",
    "shutdown": "switched off",
    "paused": "paused",
    "cups-missing-filter": "a driver problem",
    "cups-insecure-filter": "a driver problem",
}

# Backends report unreachable printers in free text rather than reasons; recognise the usual phrasings.
UNREACHABLE_PHRASES = (
    "unable to connect",
    "not responding",
    "may not exist or is unavailable",
    "connection refused",
    "unable to locate printer",
    "network host",
    "no route to host",
    "host is down",
)

ASK = "Ask the ward clerk or IT to check the printer."
NOT_ANSWERING = "The print system is not answering. Ask IT to check CUPS."
NOT_ANSWERING_JOB = (
    "The print system is not answering: the sheet may not have printed. It is saved as {path}. "
    "Check the printer tray; if nothing came out, press Retry."
)
NOT_ANSWERING_WAIT = (
    "The print system is not answering yet. The sheet is saved as {path}. "
    "Retry comes back once it answers (printing again now could make two copies)."
)
NOT_ANSWERING_FOLLOW = "The print system is not answering; the sheet may still print. Check the printer tray."
NOT_ANSWERING_CANCEL = "The print system is not answering: the sheet was not cancelled and may still print."
NOT_SETTLED = (
    "The print system has not answered the last Print yet, so printing again now could make two copies. "
    "Wait a moment and check the printer tray."
)


def reason_words(reasons: tuple[str, ...], message: str = "") -> tuple[str, ...]:
    """The printer's condition in plain words, most useful first, without repeats."""
    words: list[str] = []
    for reason in reasons:
        key = reason
        for suffix in ("-error", "-warning", "-report"):
            key = key.removesuffix(suffix)
        word = REASON_WORDS.get(key)
        if word and word not in words:
            words.append(word)
    lowered = message.lower()
    if "not reachable" not in words and any(phrase in lowered for phrase in UNREACHABLE_PHRASES):
        words.append("not reachable")
    return tuple(words)


def describe_printer(words: tuple[str, ...], message: str) -> str:
    """One short phrase for the screen: "out of paper", "paused (Toner change)", or the printer's own message."""
    text = ", ".join(words)
    message = message.strip()
    if text and message and message.lower() not in text:
        return f"{text} ({message})"
    return text or message


@dataclass(frozen=True)
class QueueStatus:
    """Whether a sheet can be sent to the ward's queue right now, and if not, why in plain words."""

    state: QueueState
    queue: str
    message: str  # for the nurse
    printer_message: str = ""  # the printer's own state message / reasons in plain words
    reasons: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.state is QueueState.OK


def queue_message(state: QueueState, queue: str, printer_message: str = "") -> str:
    """The nurse's sentence for a queue that is (not) ready."""
    said = f" The printer says: {printer_message}." if printer_message else ""
    if state is QueueState.OK:
        return f"The printer {queue} is ready."
    if state is QueueState.PAUSED:
        return f"The printer {queue} is paused.{said} Ask the ward clerk or IT to resume it."
    if state is QueueState.REJECTING:
        return f"The printer {queue} is not accepting sheets.{said} Ask the ward clerk or IT to turn it back on."
    if state is QueueState.NOT_FOUND:
        return f"There is no printer called {queue!r}. Ask IT to check the printer name in the kiosk settings."
    if state is QueueState.NO_PRINT_SYSTEM:
        return "The print system is not running on this kiosk. Ask IT to start CUPS."
    if state is QueueState.NOT_ANSWERING:
        return NOT_ANSWERING
    return "No printer is set up for this kiosk."


@dataclass(frozen=True)
class PrintJob:
    """One attempt to print one sheet. Immutable: ``PrintService.poll`` returns the next version."""

    record_id: str
    pdf_path: Path
    queue: str
    status: JobStatus
    nurse_message: str
    reprint: bool = False
    job_id: int | None = None
    submitted_at: datetime | None = None
    cups_state: str = ""  # CUPS' own word: pending, held, processing, stopped, completed, canceled, aborted
    printer_message: str = ""  # plain words: "out of paper", "paused", "not reachable"
    queue_state: QueueState | None = None  # why a REFUSED job was refused

    @property
    def finished(self) -> bool:
        """Nothing more will happen without the nurse: stop polling."""
        return self.status in FINISHED

    @property
    def can_retry(self) -> bool:
        """Print again is offered: the sheet did not reach the printer (or may never)."""
        return self.status in {
            JobStatus.REFUSED,
            JobStatus.STUCK,
            JobStatus.FAILED,
            JobStatus.CANCELLED,
            JobStatus.OUTBOX_ONLY,
        }

    def but(self, **changes: object) -> PrintJob:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]  # fields checked by replace() at run time


def job_message(job: PrintJob, deadline_seconds: int = 0) -> str:
    """The nurse's sentence for a job's status (refused jobs carry the queue's sentence instead)."""
    problem = f" The printer says: {job.printer_message}." if job.printer_message else ""
    status = job.status
    if status is JobStatus.OUTBOX_ONLY and job.queue:
        return f"The sheet is saved as {job.pdf_path} but was not sent to the printer. Press Print again."
    if status is JobStatus.OUTBOX_ONLY:
        return (
            f"No printer is set up for this kiosk. The sheet is saved as {job.pdf_path}. "
            "Ask IT to print it, or to set the ward's printer."
        )
    if status is JobStatus.PENDING:
        if "paused" in job.printer_message:
            return f"The printer is paused, so the sheet is waiting.{problem} Ask the ward clerk or IT to resume it."
        return f"Waiting for the printer.{problem}"
    if status is JobStatus.PROCESSING:
        if job.printer_message:
            return f"Sending the sheet to the printer.{problem} {ASK}"
        return "Printing the sheet."
    if status is JobStatus.COMPLETED:
        return "The sheet was sent to the printer. Check it came out, give it to the patient, then confirm."
    if status is JobStatus.STUCK:
        waited = f" after {deadline_seconds} seconds" if deadline_seconds else ""
        return f"The sheet has not printed{waited}.{problem} Check the printer, or cancel and print again."
    if status is JobStatus.FAILED:
        return f"The print system gave up on this sheet.{problem} Press Print again to retry."
    if status is JobStatus.CANCELLED:
        return "Printing was cancelled. Nothing more will print. Press Print again to retry."
    return f"Nothing was printed.{problem} The sheet is saved; print it again when the printer is ready."
