"""The crash test's child process: runs discharges against one database until it is killed.

After each store call returns (its commit is on disk) it writes one line to stdout and flushes it, so the
parent knows exactly which commits were reported. Every call writes exactly one audit row.

    python -m tests.records.crash_child DB_PATH SEED     one child
    python -m tests.records.crash_child --zygote         forks a fresh child per "run DB SEED" line on stdin

The zygote imports everything once and forks (no threads, no open database at the fork), so each of the 200
kills costs a fork, not a Python start-up. A child says "ready PID" just before it opens the store; after the parent
killed it, the parent sends "reap" and the zygote answers "dead" once the child is gone, so every line the
child wrote comes before "dead" on the shared pipe.
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

from kiosk.clock import SystemClock
from kiosk.content.model import Factor, Procedure
from kiosk.record.model import DischargeState, Escort, Patient, PrintEvent, PrintEventKind
from kiosk.records import RecordStore
from tests.records.factories import make_procedure

# What one discharge records, in order: (fact, argument). The parent derives the expected record from a prefix.
PLAN: tuple[tuple[str, str], ...] = (
    ("start", ""),
    ("state", DischargeState.WITH_PATIENT.value),
    ("step", "rest"),
    ("step", "drive"),
    ("answer", "wrong"),
    ("answer", "right"),
    ("escort", ""),
    ("state", DischargeState.AWAITING_NURSE.value),
    ("signoff", ""),
    ("print", PrintEventKind.SUBMITTED.value),
    ("print", PrintEventKind.COMPLETED.value),
    ("print", PrintEventKind.SHEET_IN_HAND.value),
)


def patient_name(seed: int, n: int) -> str:
    """A unique name without digits (names refuse digits): the numbers spelled in letters."""
    letters = "abcdefghij"
    return f"Crash {''.join(letters[int(d)] for d in str(seed)).title()} {''.join(letters[int(d)] for d in str(n))}"


def record_fact(store: RecordStore, procedure: Procedure, rid: str, fact: str, arg: str, name: str, n: int) -> str:
    """One fact of ``PLAN`` through the store (one commit); returns the record id (new after "start")."""
    now = store.clock.now()
    if fact == "start":
        patient = Patient(name, date(1950, 1, 1), "RJ123456")
        return store.start_discharge(
            patient, procedure, now, "L4/5", ("Lidocaine",), frozenset({Factor.DIABETIC}), False, "Sam"
        ).record_id
    if fact == "state":
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
        store.record_print_event(rid, PrintEvent(PrintEventKind(arg), now, job_id=n, nurse_name="Sam"))
    return rid


def main(path: str, seed: int) -> None:
    clock = SystemClock()
    out = sys.stdout

    def said(*words: str) -> None:
        out.write(" ".join(words) + "\n")
        out.flush()

    said("ready", str(os.getpid()))  # before opening: a kill may land while the store opens (or migrates)
    store = RecordStore(Path(path), clock)
    procedure = make_procedure()
    n = 0
    while True:
        rid = ""
        for fact, arg in PLAN:
            rid = record_fact(store, procedure, rid, fact, arg, patient_name(seed, n), n)
            if fact == "start":
                said("start", rid, str(seed), str(n))
            else:
                said(fact, rid, arg)
        n += 1


def zygote() -> None:
    child = 0
    for command in sys.stdin:
        words = command.split()
        if words[0] == "run":
            sys.stdout.flush()
            child = os.fork()
            if child == 0:
                try:
                    main(words[1], int(words[2]))
                finally:
                    os._exit(1)  # only reached on an error: never run the zygote's loop in the child
        elif words[0] == "reap":
            os.waitpid(child, 0)
            sys.stdout.write("dead\n")
            sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1] == "--zygote":
        zygote()
    else:
        main(sys.argv[1], int(sys.argv[2]))
