"""The nurse's home read on every render: unchanged records used again, every change seen, every query indexed.

``reading.Recent`` (issue 19) hands back last render's record when its rows are equal to last time's; these
tests make each kind of fact change in turn and check the next render shows it (H5: a stale "printed" or a
missing sign-off on the nurse's list is a discharge gone wrong). The query-plan test keeps the home's cost
independent of the years of history behind it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Procedure
from kiosk.record.model import HELP_REQUESTED, DischargeRecord, DischargeState, Patient, PrintEvent, PrintEventKind
from kiosk.records import RecordStore
from tests.records.factories import escort, start


def _home(store: RecordStore, clock: FakeClock, record_id: str) -> DischargeRecord:
    found = [r for r in store.nurse_home(clock.today()) if r.record_id == record_id]
    assert len(found) == 1
    return found[0]


def test_an_unchanged_discharge_is_the_same_record_and_a_changed_one_is_read_anew(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    rid = start(store, patient, procedure).record_id
    other = start(store, patient, procedure).record_id
    first, unchanged = _home(store, clock, rid), _home(store, clock, other)
    assert _home(store, clock, rid) is first  # nothing changed: last render's object
    store.confirm_step(rid, "rest")
    changed = _home(store, clock, rid)
    assert changed is not first and [c.step_id for c in changed.confirmations] == ["rest"]
    assert _home(store, clock, other) is unchanged  # its neighbour's change does not rebuild it


CHANGES: dict[str, tuple[Callable[[RecordStore, str, FakeClock], None], Callable[[DischargeRecord], object]]] = {
    "a step confirmed": (lambda s, r, c: s.confirm_step(r, "drive"), lambda d: d.confirmed_step_ids),
    "an answer": (lambda s, r, c: s.record_answer(r, "drive", 1, True), lambda d: len(d.answers)),
    "an escort": (lambda s, r, c: s.record_escort(r, escort()), lambda d: d.escort),
    "no escort": (lambda s, r, c: s.record_no_escort(r), lambda d: d.no_escort_reason),
    "an override": (
        lambda s, r, c: s.record_override(r, "no-escort", "Lives with daughter", "Sam Patel"),
        lambda d: d.overrides,
    ),
    "a sign-off": (lambda s, r, c: s.sign_off(r, "Sam Patel", (("Escort checked", True),)), lambda d: d.sign_off),
    "a state": (lambda s, r, c: s.set_state(r, DischargeState.WITH_PATIENT), lambda d: d.state),
    "a language": (lambda s, r, c: s.set_language(r, "pl"), lambda d: d.language),
    "a call for help": (lambda s, r, c: s.record_help(r, HELP_REQUESTED), lambda d: d.help_calls),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_kind_of_fact_shows_on_the_next_render(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock, change: str
) -> None:
    act, seen = CHANGES[change]
    rid = start(store, patient, procedure).record_id
    before = seen(_home(store, clock, rid))
    act(store, rid, clock)
    after = _home(store, clock, rid)
    assert seen(after) != before
    assert after == store.get(rid)  # exactly what a fresh read gives


def test_a_sheet_in_hand_takes_an_old_discharge_off_the_home(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    rid = start(store, patient, procedure).record_id
    store.sign_off(rid, "Sam Patel", ())
    store.record_print_event(rid, PrintEvent(PrintEventKind.COMPLETED, clock.now(), job_id=4))
    clock.advance(days=2)
    assert _home(store, clock, rid).record_id == rid  # still awaiting "sheet in hand"
    store.record_print_event(rid, PrintEvent(PrintEventKind.SHEET_IN_HAND, clock.now(), nurse_name="Sam"))
    assert rid not in [r.record_id for r in store.nurse_home(clock.today())]


def test_every_query_of_the_nurse_home_searches_an_index(
    store: RecordStore, patient: Patient, procedure: Procedure, clock: FakeClock
) -> None:
    """No full scan of any table (``EXPLAIN QUERY PLAN``): the home costs the same with years of history."""
    for _ in range(3):
        rid = start(store, patient, procedure).record_id
        store.confirm_step(rid, "rest")
    queries: list[str] = []
    conn = store.db.connection
    conn.set_trace_callback(queries.append)
    try:
        store.nurse_home(clock.today())
    finally:
        conn.set_trace_callback(None)
    selects = [q for q in queries if q.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 7  # the discharges, then each attached table once
    checked = sqlite3.connect(store.path)
    try:
        for query in selects:
            plan = [str(row[3]) for row in checked.execute(f"EXPLAIN QUERY PLAN {query}")]
            scans = [step for step in plan if step.startswith("SCAN") and "json_each" not in step]
            assert not scans, (query, plan)
            assert any(step.startswith("SEARCH") for step in plan), (query, plan)
    finally:
        checked.close()
