"""The lost-WAL test's child: a kiosk process that runs one whole discharge per ``discharge`` line on stdin.

Each discharge is every fact the kiosk records (start to sheet in hand) and a sheet saved in the outbox. It answers
``done RECORD_ID`` once every call returned (every commit reported to the screen), or ``stopped TITLE`` when the
store refused (the app's own error); then waits for the next line until the parent kills it.

    python -m tests.security.wal_child DB_PATH OUTBOX
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.content.model import Factor
from kiosk.discharge.model import DischargeState, Escort, Patient, PrintEvent, PrintEventKind
from kiosk.errors import KioskError
from kiosk.printing.outbox import Outbox
from kiosk.records import RecordStore
from tests.records.crash_child import PLAN, patient_name
from tests.records.factories import make_procedure


def one_discharge(store: RecordStore, outbox: Outbox, n: int) -> str:
    clock = store.clock
    procedure = make_procedure()
    rid = ""
    for fact, arg in PLAN:
        now = clock.now()
        if fact == "start":
            patient = Patient(patient_name(7, n), date(1950, 1, 1), "RJ123456")
            rid = store.start_discharge(
                patient, procedure, now, "L4/5", ("Lidocaine",), frozenset({Factor.DIABETIC}), False, "Sam"
            ).record_id
        elif fact == "state":
            store.set_state(rid, DischargeState(arg))
        elif fact == "step":
            store.confirm_step(rid, arg)
        elif fact == "answer":
            store.record_answer(rid, "drive", 1 if arg == "right" else 0, arg == "right")
        elif fact == "escort":
            store.record_escort(rid, Escort("Ade Okafor", "son", "07700 900123", "", now + timedelta(hours=24)))
        elif fact == "signoff":
            store.sign_off(rid, "Sam", (("Escort checked", True),))
        elif fact == "print":
            if arg == PrintEventKind.SUBMITTED.value:
                outbox.save(rid, f"%PDF-1.4 sheet of {patient_name(7, n)} {rid}".encode())
            store.record_print_event(rid, PrintEvent(PrintEventKind(arg), now, job_id=n, nurse_name="Sam"))
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
