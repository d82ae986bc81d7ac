"""Killing the kiosk between Print and the printer finishing loses nothing: the restarted kiosk lists the sheet.

The kiosk runs in a child process against the real record store and the real CUPS scheduler; it is SIGKILLed
(no clean-up of any kind) while its job is still printing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.clock import SystemClock
from kiosk.config import WardConfig
from kiosk.printing import JobStatus, Outbox, PrintService
from kiosk.record.model import DischargeRecord, DischargeState, PrintEvent, PrintEventKind
from kiosk.records.store import RecordStore
from kiosk.sheet.builder import build_sheet
from tests import discharge_support
from tests.printing import cups_helpers

pytestmark = pytest.mark.cups


def signed_off_discharge(store: RecordStore) -> DischargeRecord:
    record = discharge_support.start_record(store, discharge_support.new_discharge())
    store.sign_off(record.record_id, "Nurse Adebayo", (("Escort confirmed", True),))
    return record


def test_killing_the_kiosk_mid_print_loses_nothing(
    make_queue: Callable[..., str], data_dir: Path, tmp_path: Path
) -> None:
    """After a SIGKILL mid-print, the restarted kiosk lists the sheet as unconfirmed, has its PDF, and follows the
    same CUPS job to completion; only the nurse's "sheet in hand" takes it off the list."""
    queue = make_queue(f"socket://127.0.0.1:{cups_helpers.free_port()}")  # a printer that is off: stays printing
    clock = discharge_support.make_clock()
    with RecordStore.open(clock=clock) as store:
        record = signed_off_discharge(store)
    record_id = record.record_id
    procedure = discharge_support.procedure(record.procedure_id)
    pdf = build_sheet(record, procedure, WardConfig(), clock.now())
    pdf_file = tmp_path / "sheet-to-print.pdf"
    pdf_file.write_bytes(pdf)

    with subprocess.Popen(
        [sys.executable, "-m", "tests.printing.kill_child", queue, record_id, str(pdf_file)],
        cwd=paths.PROJECT_ROOT,
        env={**os.environ, paths.DATA_DIR_ENV: str(data_dir)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline().split()
            assert line and line[0] == "pending", f"the kiosk process did not submit: {line}"
            job_id = int(line[1])
            time.sleep(0.5)  # let it poll a few times, recording the printer's state, as the kiosk would
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    # The restarted kiosk.
    with RecordStore.open(clock=SystemClock()) as store:
        assert record_id in [record.record_id for record in store.unconfirmed_sheets()]
        assert store.get(record_id).state is DischargeState.SIGNED_OFF  # not "printed": it has not printed
        events = store.print_events(record_id)
        assert [e.kind for e in events][:2] == [PrintEventKind.SAVED_TO_OUTBOX, PrintEventKind.SUBMITTED]
        assert events[1].job_id == job_id
        saved = Outbox().latest(record_id)
        assert saved is not None and saved.read_bytes() == pdf and str(saved) == events[1].pdf_path

        service = PrintService(queue, store, SystemClock(), deadline_seconds=90)
        job = service.resume(record_id, events)
        assert job is not None and job.job_id == job_id
        assert job.status in (JobStatus.PENDING, JobStatus.PROCESSING)

        cups_helpers.as_admin("lpadmin", "-p", queue, "-v", "cups-pdf:/")  # the printer is switched on
        deadline = time.monotonic() + 20
        while not job.finished and time.monotonic() < deadline:
            time.sleep(0.1)
            job = service.poll(job)
        assert job.status is JobStatus.COMPLETED and job.job_id == job_id
        text = " ".join(cups_helpers.pdf_text(cups_helpers.find_output(saved.stem, job_id)).split())
        assert record_id in text and record.patient.name in text
        assert store.get(record_id).state is DischargeState.PRINTED
        assert record_id in [record.record_id for record in store.unconfirmed_sheets()]

        store.record_print_event(
            record_id, PrintEvent(PrintEventKind.SHEET_IN_HAND, at=SystemClock().now(), nurse_name="Nurse Adebayo")
        )
        assert record_id not in [record.record_id for record in store.unconfirmed_sheets()]
        assert store.get(record_id).state is DischargeState.COMPLETED
