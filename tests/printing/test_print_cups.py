"""Printing real sheets through the real CUPS scheduler, and what the nurse is told when the printer is not ready.

Every test here submits to a real queue and, where a sheet should come out, finds the file cups-pdf wrote and reads
the patient's name and record id back from it. Queues that are paused, rejecting or unreachable are throw-away
queues made for the one test; the shared KioskPDF queue is only ever printed to.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import cups
import pytest

from kiosk.clock import FakeClock
from kiosk.printing import JobStatus, Outbox, PrintJob, PrintService, QueueState, status
from kiosk.record.model import PrintEventKind
from tests.printing import cups_helpers
from tests.printing.conftest import ListJournal, RealSheet

pytestmark = pytest.mark.cups


def follow(service: PrintService, job: PrintJob, until: Callable[[PrintJob], bool], timeout: float = 20.0) -> PrintJob:
    """Poll like the kiosk's timer does (faster), until the condition holds."""
    deadline = time.monotonic() + timeout
    while not until(job):
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting; last state: {job}")
        time.sleep(0.1)
        job = service.poll(job)
    return job


def finished(job: PrintJob) -> bool:
    return job.finished


def cups_jobs_on(queue: str) -> dict[int, str]:
    """Every job CUPS knows on a queue, finished or not, with its state word: proves what was submitted."""
    listed = subprocess.run(
        ["lpstat", "-W", "all", "-l", "-o", queue], capture_output=True, text=True, timeout=10, check=True
    ).stdout
    ids = [int(line.split()[0].rsplit("-", 1)[1]) for line in listed.splitlines() if line.startswith(f"{queue}-")]
    connection = cups.Connection()
    return {
        jid: status.CUPS_JOB_STATES[connection.getJobAttributes(jid, requested_attributes=["job-state"])["job-state"]]
        for jid in ids
    }


def test_a_sheet_prints_and_the_output_holds_the_patient_and_record(
    system_cups: str, real_sheet: RealSheet, clock: FakeClock
) -> None:
    """Print sends the real sheet to the ward printer; it completes, the page out of the printer shows the
    patient's name and record id, and the discharge record tells the whole story."""
    store, record_id = real_sheet.store, real_sheet.record.record_id
    service = PrintService(system_cups, store, clock, deadline_seconds=90)
    assert service.check_queue().state is QueueState.OK
    job = service.print_sheet(record_id, real_sheet.pdf, Outbox())
    assert job.status is JobStatus.PENDING and job.job_id is not None
    job = follow(service, job, finished)
    assert job.status is JobStatus.COMPLETED
    assert "confirm" in job.nurse_message

    output = cups_helpers.find_output(job.pdf_path.stem, job.job_id)
    text = " ".join(cups_helpers.pdf_text(output).split())
    assert real_sheet.record.patient.name in text
    assert record_id in text

    kinds = [event.kind for event in store.print_events(record_id)]
    assert kinds[:2] == [PrintEventKind.SAVED_TO_OUTBOX, PrintEventKind.SUBMITTED]
    assert kinds.count(PrintEventKind.COMPLETED) == 1 and kinds[-1] is PrintEventKind.COMPLETED
    assert record_id in [record.record_id for record in store.unconfirmed_sheets()]  # until "sheet in hand"
    # Polling a finished job again records nothing more, and a printed sheet is never silently sent twice.
    assert service.poll(job) == job
    assert service.cancel(job) == job
    with pytest.raises(ValueError, match="reprint"):
        service.resubmit(job)
    assert [event.kind for event in store.print_events(record_id)] == kinds


def test_paused_queue_is_refused_before_submitting_and_prints_once_when_resumed(
    make_queue: Callable[..., str], journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A paused printer is named as paused and nothing is sent; after it is resumed, Print again gives one copy."""
    queue = make_queue()
    cups_helpers.as_admin("cupsdisable", "-r", "Toner change", queue)
    service = PrintService(queue, journal, clock, deadline_seconds=90)

    status = service.check_queue()
    assert status.state is QueueState.PAUSED
    assert "paused" in status.message and "Toner change" in status.message

    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.REFUSED and job.queue_state is QueueState.PAUSED
    assert job.job_id is None and cups_jobs_on(queue) == {}
    assert "paused" in job.nurse_message and str(job.pdf_path) in job.nurse_message
    assert job.pdf_path.read_bytes() == sheet
    assert journal.kinds(record_id) == [PrintEventKind.SAVED_TO_OUTBOX, PrintEventKind.REFUSED]

    cups_helpers.as_admin("cupsenable", queue)
    job = follow(service, service.resubmit(job), finished)
    assert job.status is JobStatus.COMPLETED
    assert len(cups_helpers.outputs_for(job.pdf_path.stem)) == 1


def test_printer_paused_while_the_sheet_waits_keeps_the_job_and_prints_it_once(
    make_queue: Callable[..., str], journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A queue disabled after Print: the job is reported as paused, kept, not marked printed; then prints once."""
    # The printer is switched off at first, so the job cannot complete before the queue is disabled.
    queue = make_queue(f"socket://127.0.0.1:{cups_helpers.free_port()}")
    service = PrintService(queue, journal, clock, deadline_seconds=90)
    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.PENDING

    cups_helpers.as_admin("cupsdisable", queue)
    started = time.monotonic()
    job = follow(service, job, lambda j: "paused" in j.printer_message, timeout=5)
    assert time.monotonic() - started < 5
    assert job.status is JobStatus.PENDING and job.cups_state == "pending"
    assert "paused" in job.nurse_message
    assert PrintEventKind.COMPLETED not in journal.kinds(record_id)

    # The printer is fixed (reachable again) and the queue resumed: the same job prints, exactly one copy.
    cups_helpers.as_admin("lpadmin", "-p", queue, "-v", "cups-pdf:/")
    cups_helpers.as_admin("cupsenable", queue)
    same_job = job.job_id
    job = follow(service, job, finished)
    assert job.status is JobStatus.COMPLETED and job.job_id == same_job
    assert len(cups_helpers.outputs_for(job.pdf_path.stem)) == 1
    assert cups_jobs_on(queue) == {same_job: "completed"}


def test_rejecting_queue_is_refused_before_submitting_with_the_reason(
    make_queue: Callable[..., str], journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A queue set to reject jobs is reported with the reason IT gave, and nothing is submitted."""
    queue = make_queue()
    cups_helpers.as_admin("cupsreject", "-r", "Printer being serviced", queue)
    service = PrintService(queue, journal, clock, deadline_seconds=90)

    status = service.check_queue()
    assert status.state is QueueState.REJECTING
    assert "not accepting" in status.message and "Printer being serviced" in status.message

    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.REFUSED and job.queue_state is QueueState.REJECTING
    assert "Printer being serviced" in job.nurse_message
    assert cups_jobs_on(queue) == {}
    refused = [event for rid, event in journal.events if event.kind is PrintEventKind.REFUSED]
    assert len(refused) == 1 and refused[0].state == "rejecting" and "serviced" in refused[0].message


def test_a_queue_name_that_does_not_exist_is_named_in_the_message(
    system_cups: str, journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A mistyped printer name in the ward settings is reported as such, not as a print failure."""
    service = PrintService("Ward5-Laser-typo", journal, clock, deadline_seconds=90)
    status = service.check_queue()
    assert status.state is QueueState.NOT_FOUND
    assert "Ward5-Laser-typo" in status.message and "settings" in status.message
    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.REFUSED and job.pdf_path.is_file()


def test_unreachable_printer_is_shown_then_stuck_then_cancelled_and_printed_again(
    make_queue: Callable[..., str], journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A printer nobody can reach: the job waits with "not reachable", is reported stuck once, and can be redone."""
    queue = make_queue(f"socket://127.0.0.1:{cups_helpers.free_port()}")
    service = PrintService(queue, journal, clock, deadline_seconds=90)
    job = service.print_sheet(record_id, sheet, Outbox())
    job = follow(service, job, lambda j: "not reachable" in j.printer_message, timeout=15)
    assert job.status is JobStatus.PROCESSING
    assert "not reachable" in job.nurse_message

    clock.advance(seconds=91)
    job = service.poll(job)
    assert job.status is JobStatus.STUCK and job.can_retry
    assert "90 seconds" in job.nurse_message and "not reachable" in job.nurse_message
    job = service.poll(job)
    assert job.status is JobStatus.STUCK
    assert journal.kinds(record_id).count(PrintEventKind.STUCK) == 1

    first_id = job.job_id
    assert first_id is not None
    cancelled = service.cancel(job)
    assert cancelled.status is JobStatus.CANCELLED
    attrs = cups.Connection().getJobAttributes(first_id, requested_attributes=["job-state"])
    assert attrs["job-state"] == cups.IPP_JOB_CANCELED

    # IT reconnects the printer (once the scheduler has really stopped the cancelled job: CUPS reports it cancelled
    # while its backend is still being stopped, and a device changed meanwhile requeues the job onto the new device,
    # which then printed it as well, under load); the nurse prints again: a new job, which completes, one copy.
    deadline = time.monotonic() + 30
    while (
        cups.Connection().getPrinterAttributes(queue, requested_attributes=["printer-state"])["printer-state"]
        != cups.IPP_PRINTER_IDLE
    ):
        assert time.monotonic() < deadline, "the cancelled job's backend was never stopped"
        time.sleep(0.05)
    cups_helpers.as_admin("lpadmin", "-p", queue, "-v", "cups-pdf:/")
    again = service.resubmit(cancelled)
    assert again.status is JobStatus.PENDING and again.job_id != first_id
    again = follow(service, again, finished)
    assert again.status is JobStatus.COMPLETED
    outputs = cups_helpers.outputs_for(again.pdf_path.stem)
    assert len(outputs) == 1 and record_id in cups_helpers.pdf_text(outputs[0])
    kinds = journal.kinds(record_id)
    assert kinds.count(PrintEventKind.SUBMITTED) == 2
    assert kinds.index(PrintEventKind.CANCELLED) < kinds.index(PrintEventKind.COMPLETED)


def test_print_again_on_a_live_job_cancels_it_first(
    make_queue: Callable[..., str], journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """Print again on a job still queued cancels that job first, so it cannot also come out later."""
    queue = make_queue(f"socket://127.0.0.1:{cups_helpers.free_port()}")
    service = PrintService(queue, journal, clock, deadline_seconds=30)
    job = service.print_sheet(record_id, sheet, Outbox())
    clock.advance(seconds=31)
    job = service.poll(job)
    assert job.status is JobStatus.STUCK
    first_id = job.job_id

    again = service.resubmit(job)
    assert again.status is JobStatus.PENDING and again.job_id != first_id
    attrs = cups.Connection().getJobAttributes(first_id, requested_attributes=["job-state"])
    assert attrs["job-state"] == cups.IPP_JOB_CANCELED
    live = [jid for jid, state in cups_jobs_on(queue).items() if state not in ("canceled", "aborted", "completed")]
    assert live == [again.job_id]
    assert journal.kinds(record_id)[-2:] == [PrintEventKind.CANCELLED, PrintEventKind.SUBMITTED]


def test_stopped_print_system_keeps_the_sheet_and_retry_prints_it_after_restart(
    private_cupsd: cups_helpers.PrivateCupsd, journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """With CUPS stopped the nurse is told the print system is not running; after it restarts, Retry prints."""
    service = PrintService(private_cupsd.queue, journal, clock, deadline_seconds=90, server=private_cupsd.server)
    assert service.check_queue().ok

    private_cupsd.stop()
    status = service.check_queue()
    assert status.state is QueueState.NO_PRINT_SYSTEM
    assert "print system is not running" in status.message
    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.REFUSED and job.queue_state is QueueState.NO_PRINT_SYSTEM
    assert "print system is not running" in job.nurse_message and str(job.pdf_path) in job.nurse_message
    assert Outbox().latest(record_id) == job.pdf_path and job.pdf_path.read_bytes() == sheet

    private_cupsd.start()
    job = follow(service, service.resubmit(job), finished)
    assert job.status is JobStatus.COMPLETED
    text = cups_helpers.pdf_text(cups_helpers.find_output(job.pdf_path.stem, job.job_id or 0))
    assert record_id in text and "Margaret Thompson" in text


def test_a_job_waiting_when_the_print_system_stops_is_followed_again_after_restart(
    private_cupsd: cups_helpers.PrivateCupsd, journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """CUPS going away mid-job is shown as such, not as a failure; once it is back the same job prints."""
    service = PrintService(private_cupsd.queue, journal, clock, deadline_seconds=90, server=private_cupsd.server)
    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.PENDING
    cups_helpers.as_admin("cupsdisable", "-h", str(private_cupsd.socket), private_cupsd.queue)
    job = service.poll(job)

    private_cupsd.stop()
    job = service.poll(job)
    assert job.status is JobStatus.PENDING and job.printer_message == "print system not running"
    assert "print system not running" in job.nurse_message

    private_cupsd.start()
    cups_helpers.as_admin("cupsenable", "-h", str(private_cupsd.socket), private_cupsd.queue)
    job = follow(service, job, finished)
    assert job.status is JobStatus.COMPLETED
    assert len(cups_helpers.outputs_for(Path(job.pdf_path).stem)) == 1


def test_any_other_refusal_from_cups_is_reported_not_raised(
    private_cupsd: cups_helpers.PrivateCupsd, journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A print server that wants a password to print: the nurse reads CUPS' reason at once (no password prompt
    freezes the kiosk), nothing is printed and the kiosk does not crash."""
    socket = str(private_cupsd.socket)
    cups_helpers.as_admin("lpadmin", "-h", socket, "-p", private_cupsd.queue, "-o", "printer-op-policy=locked")
    service = PrintService(private_cupsd.queue, journal, clock, deadline_seconds=90, server=private_cupsd.server)
    assert service.check_queue().ok  # questions are still answered
    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.REFUSED and job.queue_state is QueueState.REJECTING
    assert "Unauthorized" in job.nurse_message
    assert job.pdf_path.read_bytes() == sheet
