"""After a restart, a discharge's print events alone say how far its sheet got, and what the nurse can do next."""

from __future__ import annotations

from datetime import datetime, timedelta

from kiosk.printing.recovery import last_attempt
from kiosk.printing.status import JobStatus, QueueState
from kiosk.record.model import PrintEvent, PrintEventKind

AT = datetime(2026, 11, 21, 10, 0).astimezone()
RECORD = "DK-20261121-0001"
PDF = f"/data/outbox/{RECORD}-sheet.pdf"


def ev(kind: PrintEventKind, minute: int = 0, **fields: object) -> PrintEvent:
    return PrintEvent(kind=kind, at=AT + timedelta(minutes=minute), queue="Ward5", pdf_path=PDF, **fields)  # type: ignore[arg-type]


def test_nothing_saved_means_nothing_to_resume() -> None:
    assert last_attempt(RECORD, [], "Ward5") is None


def test_a_job_still_with_cups_is_followed_again() -> None:
    events = [
        ev(PrintEventKind.SAVED_TO_OUTBOX),
        ev(PrintEventKind.SUBMITTED, job_id=12, state="pending"),
        ev(PrintEventKind.STATE, job_id=12, state="processing", message="out of paper"),
    ]
    attempt = last_attempt(RECORD, events, "Ward5")
    assert attempt is not None and attempt.live
    job = attempt.job
    assert (job.job_id, job.status, job.cups_state, job.printer_message) == (
        12,
        JobStatus.PENDING,
        "processing",
        "out of paper",
    )
    assert job.submitted_at == AT + timedelta(minutes=0) and str(job.pdf_path) == PDF


def test_a_completed_job_waits_for_sheet_in_hand_and_is_not_followed() -> None:
    events = [
        ev(PrintEventKind.SAVED_TO_OUTBOX),
        ev(PrintEventKind.SUBMITTED, job_id=12),
        ev(PrintEventKind.COMPLETED, 1, job_id=12, state="completed"),
    ]
    attempt = last_attempt(RECORD, events, "Ward5")
    assert attempt is not None and not attempt.live and attempt.job.status is JobStatus.COMPLETED


def test_a_stuck_job_stays_stuck_and_only_the_newest_attempt_counts() -> None:
    events = [
        ev(PrintEventKind.SAVED_TO_OUTBOX),
        ev(PrintEventKind.SUBMITTED, job_id=12),
        ev(PrintEventKind.STUCK, 2, job_id=12, state="processing", message="not reachable"),
        ev(PrintEventKind.CANCELLED, 3, job_id=12),
        ev(PrintEventKind.SUBMITTED, 3, job_id=13),
        ev(PrintEventKind.STUCK, 5, job_id=13, state="pending", message="paused"),
    ]
    attempt = last_attempt(RECORD, events, "Ward5")
    assert attempt is not None and attempt.live
    assert (attempt.job.job_id, attempt.job.status, attempt.job.printer_message) == (13, JobStatus.STUCK, "paused")


def test_a_refused_sheet_comes_back_ready_to_print_again_with_the_reason() -> None:
    events = [
        ev(PrintEventKind.SAVED_TO_OUTBOX, reprint=True),
        ev(PrintEventKind.REFUSED, state="paused", message="The printer Ward5 is paused."),
    ]
    attempt = last_attempt(RECORD, events, "Ward5")
    assert attempt is not None and not attempt.live
    job = attempt.job
    assert job.status is JobStatus.REFUSED and job.queue_state is QueueState.PAUSED and job.can_retry
    assert job.reprint and "paused" in job.nurse_message


def test_saved_but_never_sent_is_ready_to_print_again() -> None:
    """The kiosk stopped between saving the sheet and sending it: the saved PDF is offered for Print again."""
    attempt = last_attempt(RECORD, [ev(PrintEventKind.SAVED_TO_OUTBOX)], "Ward5")
    assert attempt is not None and attempt.job.status is JobStatus.OUTBOX_ONLY and attempt.job.can_retry
