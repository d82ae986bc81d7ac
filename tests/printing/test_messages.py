"""What the nurse reads: CUPS' states and reason keywords become one plain sentence with what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.printing.status import (
    JobStatus,
    PrintJob,
    QueueState,
    describe_printer,
    job_message,
    queue_message,
    reason_words,
)


@pytest.mark.parametrize(
    ("reasons", "message", "words"),
    [
        (("media-empty-error",), "", ("out of paper",)),
        (("media-jam-error", "cover-open-warning"), "", ("paper jam", "a cover is open")),
        (("toner-low-report",), "", ("toner running low",)),
        (("offline-report",), "", ("not reachable",)),
        ((), "The printer may not exist or is unavailable at this time.", ("not reachable",)),
        ((), "Unable to connect to printer; will retry in 30 seconds.", ("not reachable",)),
        (("paused",), "Paused", ("paused",)),
        (("com.vendor-thing-report",), "", ()),
        ((), "", ()),
    ],
)
def test_printer_reasons_become_plain_words(reasons: tuple[str, ...], message: str, words: tuple[str, ...]) -> None:
    assert reason_words(reasons, message) == words


def test_the_printers_own_message_is_kept_when_it_adds_something() -> None:
    """IT's reason for pausing ("Toner change") is shown; a message that only repeats the words is not."""
    assert describe_printer(("paused",), "Toner change") == "paused (Toner change)"
    assert describe_printer(("paused",), "Paused") == "paused"
    assert describe_printer((), "Warming up") == "Warming up"


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (QueueState.PAUSED, "paused"),
        (QueueState.REJECTING, "not accepting"),
        (QueueState.NOT_FOUND, "no printer called 'Ward5'"),
        (QueueState.NO_PRINT_SYSTEM, "print system is not running"),
        (QueueState.NOT_CONFIGURED, "No printer is set up"),
    ],
)
def test_every_queue_problem_says_what_is_wrong(state: QueueState, expected: str) -> None:
    text = queue_message(state, "Ward5")
    assert expected in text
    if state is not QueueState.NOT_CONFIGURED:
        assert "Ask" in text  # and who can fix it


def job(status: JobStatus, printer_message: str = "", queue: str = "Ward5") -> PrintJob:
    return PrintJob(
        "DK-20261121-0001",
        Path("/data/outbox/DK-20261121-0001-sheet.pdf"),
        queue,
        status,
        "",
        False,
        job_id=7,
        printer_message=printer_message,
    )


def test_a_waiting_job_says_what_the_printer_reports() -> None:
    assert job_message(job(JobStatus.PENDING, "paused")).startswith("The printer is paused")
    text = job_message(job(JobStatus.PROCESSING, "out of paper"))
    assert "out of paper" in text and "Ask the ward clerk" in text


def test_a_completed_job_asks_the_nurse_to_check_and_confirm() -> None:
    """CUPS "completed" means handed to the printer, not in the patient's hand (H5): the nurse still confirms."""
    text = job_message(job(JobStatus.COMPLETED))
    assert "Check it came out" in text and "confirm" in text


def test_a_stuck_job_says_how_long_and_what_to_do() -> None:
    text = job_message(job(JobStatus.STUCK, "not reachable"), deadline_seconds=90)
    assert "90 seconds" in text and "not reachable" in text and "cancel and print again" in text


def test_no_printer_tells_the_nurse_where_the_sheet_is() -> None:
    assert "/data/outbox/DK-20261121-0001-sheet.pdf" in job_message(job(JobStatus.OUTBOX_ONLY, queue=""))
    saved_not_sent = job_message(job(JobStatus.OUTBOX_ONLY))
    assert "not sent to the printer" in saved_not_sent and "Print again" in saved_not_sent


def test_only_unprinted_jobs_offer_print_again() -> None:
    retry = {s for s in JobStatus if job(s).can_retry}
    assert JobStatus.COMPLETED not in retry and JobStatus.PENDING not in retry
    assert {JobStatus.STUCK, JobStatus.FAILED, JobStatus.REFUSED, JobStatus.CANCELLED} <= retry
