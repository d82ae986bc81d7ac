"""The nurse's list: states in plain words, actions per state, unfinished discharges first."""

from __future__ import annotations

from kiosk.discharge.nurse_list import STATE_WORDS, row_for, rows_for
from kiosk.record.model import DischargeState
from tests.ui.nurse.records import NOW, record


def test_every_state_has_words() -> None:
    assert set(STATE_WORDS) == set(DischargeState)
    assert STATE_WORDS[DischargeState.PRINTED] == "Printed - sheet not confirmed"


def test_actions_per_state() -> None:
    expected = {
        DischargeState.STARTED: (True, False, True),
        DischargeState.WITH_PATIENT: (True, False, True),
        DischargeState.AWAITING_NURSE: (True, False, True),
        DischargeState.SIGNED_OFF: (True, False, True),
        DischargeState.PRINTED: (True, True, True),
        DischargeState.COMPLETED: (False, True, False),
        DischargeState.ABANDONED: (False, False, False),
    }
    for state, actions in expected.items():
        row = row_for(record(1, "A B", state), {})
        assert (row.can_resume, row.can_reprint, row.can_abandon) == actions, state


def test_unfinished_first_then_newest_first() -> None:
    records = [
        record(1, "Done early", DischargeState.COMPLETED, hours_ago=6),
        record(2, "Done late", DischargeState.COMPLETED, hours_ago=1),
        record(3, "Open early", DischargeState.WITH_PATIENT, hours_ago=5),
        record(4, "Open late", DischargeState.PRINTED, hours_ago=2),
    ]
    assert [row.patient for row in rows_for(records)] == ["Open late", "Open early", "Done late", "Done early"]


def test_titles_and_dates() -> None:
    row = row_for(record(1, "A B", DischargeState.COMPLETED, hours_ago=1), {"nerve-root-injection": "NRI"}, NOW.date())
    assert row.procedure == "NRI"
    assert row.when == "14:00"
    old = row_for(record(2, "A B", DischargeState.PRINTED, hours_ago=30), {}, NOW.date())
    assert old.when == "Fri 20 Nov 09:00"
    assert old.procedure == "nerve-root-injection"
