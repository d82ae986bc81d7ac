"""A kiosk in a process of its own, for the central-store tests (importable without pytest).

    python -m tests.central.kiosk_child discharges DB KIOSK_ID SETTINGS_JSON COUNT
        runs COUNT whole discharges with its sender running, then waits until the server has everything
    python -m tests.central.kiosk_child send DB KIOSK_ID SETTINGS_JSON BATCH
        only sends the journal's backlog, BATCH facts per server transaction, saying "sent N" after each

Each line is flushed at once so the parent knows how far the child got before it killed it.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from kiosk.clock import Clock, SystemClock
from kiosk.content.model import Factor
from kiosk.record.model import DischargeState, Escort, Patient, PrintEvent, PrintEventKind
from kiosk.records import RecordStore
from kiosk.records.central import facts
from kiosk.records.central.sender import CentralSender
from kiosk.records.central.settings import CentralSettings
from tests.records.factories import make_procedure

# One discharge, fact by fact (each a store call, so one audit row each): 12 facts.
FACTS_PER_DISCHARGE = 12


def spelled(n: int) -> str:
    """Names refuse digits: a number in letters."""
    return "".join("abcdefghij"[int(d)] for d in str(n)).title()


def one_discharge(store: RecordStore, clock: Clock, who: str, n: int, *, between: object = None) -> str:
    """A whole discharge, started to sheet in hand; ``between`` (a callable) runs after each fact."""
    procedure = make_procedure()
    now = clock.now()

    def step() -> None:
        if callable(between):
            between()

    letters = "".join("abcdefghij"[int(c)] if c.isdigit() else c for c in who)
    patient = Patient(f"Central {letters} {spelled(n)}", date(1950, 1, 1), "RJ123456")
    rid = store.start_discharge(
        patient, procedure, now, "L4/5", ("Lidocaine",), frozenset({Factor.DIABETIC}), False, "Sam Patel"
    ).record_id
    step()
    store.set_state(rid, DischargeState.WITH_PATIENT)
    step()
    for step_id in ("rest", "drive"):
        store.confirm_step(rid, step_id)
        step()
    store.record_answer(rid, "drive", 0, False)
    step()
    store.record_answer(rid, "drive", 1, True)
    step()
    store.record_escort(rid, Escort("Ade Okafor", "son", "07700 900123", "", now + timedelta(hours=24)))
    step()
    store.set_state(rid, DischargeState.AWAITING_NURSE)
    step()
    store.sign_off(rid, "Sam Patel", (("Escort checked", True),))
    step()
    for kind in (PrintEventKind.SUBMITTED, PrintEventKind.COMPLETED, PrintEventKind.SHEET_IN_HAND):
        store.record_print_event(rid, PrintEvent(kind, clock.now(), job_id=n, nurse_name="Sam Patel"))
        step()
    return rid


def settings_from(text: str) -> CentralSettings:
    return CentralSettings(**json.loads(text))


def run_discharges(db: Path, kiosk_id: str, settings: CentralSettings, count: int) -> None:
    clock = SystemClock()
    sender = CentralSender(db, settings, clock, poll_seconds=0.2, retry_seconds=0.2)
    with RecordStore(db, clock, kiosk_id=kiosk_id) as store:
        store.add_commit_listener(sender.wake)
        sender.start()
        problems: set[str] = set()

        def note() -> None:
            """Between taps (a patient reads for a moment): what the sender says about the server."""
            if sender.status().problem:
                problems.add(sender.status().problem.split(":")[0])
            time.sleep(0.02)

        for n in range(count):
            rid = one_discharge(store, clock, kiosk_id, n, between=note)
            print("discharge", rid, flush=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with RecordStore(db, clock) as check:
                if facts.backlog(check.connection).unsent == 0:
                    break
            note()
        sender.stop()
        for problem in sorted(problems):
            print("problem", problem, flush=True)
        print("drained", sender.status().unsent, flush=True)


def send_only(db: Path, settings: CentralSettings, batch: int) -> None:
    def said(seq: int) -> None:
        print("sent", seq, flush=True)

    sender = CentralSender(db, settings, SystemClock(), batch_size=batch, after_batch=said)
    sender.send_pending()
    print("finished", flush=True)


if __name__ == "__main__":
    mode, db_path, kiosk, settings_json, number = sys.argv[1:6]
    if mode == "discharges":
        run_discharges(Path(db_path), kiosk, settings_from(settings_json), int(number))
    else:
        send_only(Path(db_path), settings_from(settings_json), int(number))
