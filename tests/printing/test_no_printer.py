"""A kiosk with no printer, or no print system at all, never crashes: the sheet is saved and the nurse told where."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.config import load_config
from kiosk.printing import JobStatus, Outbox, PrintService, QueueState
from kiosk.record.model import PrintEventKind
from tests.printing import cups_helpers
from tests.printing.conftest import ListJournal


def test_no_printer_set_saves_the_sheet_and_says_where(
    journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """The embedded default (empty queue in the ward settings): outbox only, and the nurse is told the file."""
    config = load_config()
    assert config.printer_queue == ""
    service = PrintService(config.printer_queue, journal, clock, config.job_deadline_seconds)
    assert service.check_queue().state is QueueState.NOT_CONFIGURED

    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.OUTBOX_ONLY and job.finished and job.can_retry
    assert job.pdf_path.read_bytes() == sheet
    assert str(job.pdf_path) in job.nurse_message and "No printer is set up" in job.nurse_message
    assert journal.kinds(record_id) == [PrintEventKind.SAVED_TO_OUTBOX]
    assert journal.events[0][1].pdf_path == str(job.pdf_path)
    assert service.poll(job) == job and service.cancel(job) == job


def test_a_print_system_that_is_not_there_is_named_and_nothing_is_lost(
    journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A print server nobody answers on: "print system not running", the sheet saved, no exception."""
    server = f"127.0.0.1:{cups_helpers.free_port()}"
    service = PrintService("Ward5", journal, clock, 90, server=server)
    status = service.check_queue()
    assert status.state is QueueState.NO_PRINT_SYSTEM and "print system is not running" in status.message

    job = service.print_sheet(record_id, sheet, Outbox())
    assert job.status is JobStatus.REFUSED and job.queue_state is QueueState.NO_PRINT_SYSTEM
    assert job.pdf_path.read_bytes() == sheet and str(job.pdf_path) in job.nurse_message
    refused = journal.events[-1][1]
    assert refused.kind is PrintEventKind.REFUSED and refused.state == "no-print-system"


def test_without_pycups_installed_the_kiosk_still_runs(
    monkeypatch: pytest.MonkeyPatch, journal: ListJournal, clock: FakeClock, record_id: str, sheet: bytes
) -> None:
    """A laptop without libcups/pycups reports no print system instead of failing to start."""
    monkeypatch.setitem(sys.modules, "cups", None)  # makes "import cups" raise ImportError
    service = PrintService("Ward5", journal, clock, 90)
    assert service.check_queue().state is QueueState.NO_PRINT_SYSTEM
    assert service.print_sheet(record_id, sheet, Outbox()).status is JobStatus.REFUSED


def test_a_sheet_file_that_vanished_is_not_sent(journal: ListJournal, clock: FakeClock, tmp_path: Path) -> None:
    """Submitting a sheet whose file is gone refuses with a clear reason instead of sending nothing to CUPS."""
    service = PrintService("Ward5", journal, clock, 90, server=f"127.0.0.1:{cups_helpers.free_port()}")
    job = service.submit("DK-20261121-0001", tmp_path / "gone.pdf")
    assert job.status is JobStatus.REFUSED and "missing from the outbox" in job.nurse_message
