"""The lost-WAL test's child: a kiosk process that runs one whole discharge per ``discharge`` line on stdin.

Each discharge is every fact the kiosk records (start to sheet in hand) and a sheet saved in the outbox. It answers
``done RECORD_ID`` once every call returned (every commit reported to the screen), or ``stopped TITLE`` when the
store refused (the app's own error); then waits for the next line until the parent kills it.

    python -m tests.security.wal_child DB_PATH OUTBOX
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.errors import KioskError
from kiosk.printing.outbox import Outbox
from kiosk.record.model import PrintEventKind
from kiosk.records import RecordStore
from tests.records.crash_child import PLAN, patient_name, record_fact
from tests.records.factories import make_procedure


def one_discharge(store: RecordStore, outbox: Outbox, n: int) -> str:
    """Every fact of a whole discharge (``crash_child.PLAN``), with the sheet saved when it goes to the printer."""
    procedure = make_procedure()
    rid = ""
    for fact, arg in PLAN:
        if (fact, arg) == ("print", PrintEventKind.SUBMITTED.value):
            outbox.save(rid, f"%PDF-1.4 sheet of {patient_name(7, n)} {rid}".encode())
        rid = record_fact(store, procedure, rid, fact, arg, patient_name(7, n), n)
    return rid


def main(path: str, outbox_dir: str) -> None:
    store = RecordStore(Path(path), SystemClock())
    outbox = Outbox(Path(outbox_dir))
    print("ready", flush=True)
    n = 0
    for line in sys.stdin:
        if line.strip() != "discharge":
            continue
        try:
            print("done", one_discharge(store, outbox, n), flush=True)
        except KioskError as exc:
            print("stopped", exc.title, flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
