"""Fixtures for the printing tests: a sheet PDF, a journal, the real CUPS scheduler and throw-away queues."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kiosk import paths
from kiosk.clock import FakeClock
from kiosk.config import WardConfig
from kiosk.record.model import DischargeRecord, PrintEvent, PrintEventKind
from kiosk.records.store import RecordStore
from kiosk.sheet.builder import build_sheet
from tests import discharge_support
from tests.printing import cups_helpers
from tests.printing.cups_helpers import PrivateCupsd


class ListJournal:
    """Keeps print events in order, per record: for tests that look at the service alone.

    Tests of what survives a crash use the real record store instead.
    """

    def __init__(self) -> None:
        self.events: list[tuple[str, PrintEvent]] = []

    def record_print_event(self, record_id: str, event: PrintEvent) -> None:
        self.events.append((record_id, event))

    def kinds(self, record_id: str | None = None) -> list[PrintEventKind]:
        return [event.kind for rid, event in self.events if record_id is None or rid == record_id]


@pytest.fixture
def journal() -> ListJournal:
    return ListJournal()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 21, 10, 30))


def simple_sheet(name: str, record_id: str, pages: int = 1) -> bytes:
    """A small real PDF with the patient's name and record id on every page (ASCII, as cups-pdf keeps it)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 20)
        pdf.drawString(72, 760, f"Discharge sheet for {name}")
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 730, f"Record {record_id}   Page {page} of {pages}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def record_id(request: pytest.FixtureRequest) -> str:
    """A record id unique to this test run, so cups-pdf output files can be matched to one test."""
    return cups_helpers.unique_name("DK-TEST").replace("_", "-").upper()


@pytest.fixture
def sheet(record_id: str) -> bytes:
    return simple_sheet("Margaret Thompson", record_id)


@dataclass(frozen=True)
class RealSheet:
    """A discharge in a real record store, and its sheet built by the real sheet builder."""

    store: RecordStore
    record: DischargeRecord
    pdf: bytes


@pytest.fixture
def real_sheet(tmp_path: Path) -> Iterator[RealSheet]:
    clock = discharge_support.make_clock()
    with discharge_support.make_store(tmp_path, clock) as store:
        record = discharge_support.start_record(store, discharge_support.new_discharge())
        procedure = discharge_support.procedure(record.procedure_id)
        pdf = build_sheet(record, procedure, WardConfig(), clock.now())
        yield RealSheet(store, record, pdf)


@pytest.fixture(scope="session")
def system_cups() -> str:
    """The system CUPS scheduler with the KioskPDF queue. Skips only when CUPS is not installed at all."""
    if not cups_helpers.CUPSD.exists():
        pytest.skip("CUPS is not installed (/usr/sbin/cupsd missing): ./kiosk.sh test installs it")
    if not cups_helpers.scheduler_running():
        # kiosk.sh test starts it; a developer running pytest alone gets it started the same way.
        script = paths.PROJECT_ROOT / "scripts" / "setup-cups.sh"
        subprocess.run(["bash", str(script)], capture_output=True, timeout=120, check=False)
    if not cups_helpers.scheduler_running():
        pytest.fail("CUPS is installed but the scheduler is not running: run bash scripts/setup-cups.sh")
    return cups_helpers.SYSTEM_QUEUE


@pytest.fixture
def make_queue(system_cups: str) -> Iterator[Callable[[str], str]]:
    """Make throw-away queues on the system scheduler (cups-pdf driver, any device); all deleted after."""
    made: list[str] = []

    def make(device: str = "cups-pdf:/") -> str:
        name = cups_helpers.unique_name("KioskTest")
        cups_helpers.add_queue(name, device)
        made.append(name)
        return name

    yield make
    for name in made:
        cups_helpers.delete_queue(name)


@pytest.fixture
def private_cupsd(tmp_path_factory: pytest.TempPathFactory, system_cups: str) -> Iterator[PrivateCupsd]:
    """A scheduler of this test's own (with a cups-pdf queue) that the test may stop and start again."""
    root = tmp_path_factory.mktemp("cupsd")
    scheduler = PrivateCupsd(root)
    scheduler.start()
    try:
        scheduler.add_cups_pdf_queue()
        yield scheduler
    finally:
        scheduler.stop()
