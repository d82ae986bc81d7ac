"""Goal: from "Print" to the job accepted by CUPS costs <= 1.5x `lp` submitting the same PDF.

"Print" is the real path: the queue is checked, the sheet is submitted with pycups and the submission is
committed to the real record store. Both sides send the same PDF to the same real cups-pdf queue.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.clock import SystemClock
from kiosk.printing.service import PrintService
from kiosk.printing.status import JobStatus
from kiosk.records import RecordStore
from tests.benchmarks import paired
from tests.benchmarks.conftest import start_discharge
from tests.printing import cups_helpers
from tests.printing.conftest import simple_sheet

QUEUE = "KioskPDF"
ROUNDS = 10


@pytest.fixture(scope="module")
def cups_queue() -> str:
    if shutil.which("lp") is None or not cups_helpers.CUPSD.exists():
        pytest.skip("CUPS is not installed: ./kiosk.sh bench installs and starts it")
    if not cups_helpers.scheduler_running():
        pytest.skip("the CUPS scheduler is not running: ./kiosk.sh bench starts it (scripts/setup-cups.sh)")
    if subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, check=False).returncode != 0:
        pytest.skip(f"no {QUEUE} queue: scripts/setup-cups.sh creates it")
    return QUEUE


@pytest.fixture
def sheet_path(tmp_path: Path) -> Path:
    path = tmp_path / "DK-BENCH-0001-sheet.pdf"
    path.write_bytes(simple_sheet("Benchmark Patient", "DK-BENCH-0001", pages=2))
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RecordStore]:
    with RecordStore(tmp_path / "records.sqlite3", SystemClock()) as opened:
        yield opened


@pytest.mark.cups
@pytest.mark.benchmark(group="printing")
def test_print_to_job_accepted(
    benchmark: Any, cups_queue: str, sheet_path: Path, store: RecordStore, quick: bool
) -> None:
    """``lp`` of the PDF and the Print path's submit alternated, ROUNDS pairs."""
    outputs: list[str] = []
    jobs: list[Any] = []

    def lp() -> None:
        done = subprocess.run(
            ["lp", "-d", cups_queue, "-t", "bench-lp", str(sheet_path)], capture_output=True, text=True
        )
        outputs.append(done.stdout)

    record = start_discharge(store)
    service = PrintService(cups_queue, store, SystemClock(), deadline_seconds=90)
    paired.run(benchmark, quick, lp, lambda: jobs.append(service.submit(record.record_id, sheet_path)), ROUNDS)
    assert "request id is" in outputs[-1]
    assert jobs[-1].status is JobStatus.PENDING
    assert jobs[-1].job_id
