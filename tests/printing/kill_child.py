"""The kiosk side of the crash test: Print one sheet into the real record store, then keep polling until killed.

Run as ``python -m tests.printing.kill_child QUEUE RECORD_ID PDF_FILE`` with ``KIOSK_DATA_DIR`` set; prints
``submitted <job id>`` once CUPS has the job and the record says so, then polls as the kiosk's timer would.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.printing import Outbox, PrintService
from kiosk.records.store import RecordStore


def main(queue: str, record_id: str, pdf_file: str) -> None:
    store = RecordStore.open(clock=SystemClock())
    service = PrintService(queue, store, SystemClock(), deadline_seconds=90)
    job = service.print_sheet(record_id, Path(pdf_file).read_bytes(), Outbox())
    print(f"{job.status.value} {job.job_id}", flush=True)
    while True:  # the kiosk's QTimer, until the test kills this process
        time.sleep(0.2)
        job = service.poll(job)


if __name__ == "__main__":
    main(*sys.argv[1:4])
