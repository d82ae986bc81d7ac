"""Retention runs every day while the kiosk stays up, not only at start (hazard H8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kiosk.app import PURGE_INTERVAL_MS, schedule_daily_purge
from kiosk.records import UnknownRecord
from tests.discharge_support import INJECTION, PATIENT_A, library, make_clock, make_store


def test_a_discharge_past_retention_is_purged_by_the_daily_timer(qtbot: QtBot, tmp_path: Path) -> None:
    clock = make_clock()
    store = make_store(tmp_path, clock)
    old = store.start_discharge(
        PATIENT_A, library().get(INJECTION), clock.now(), "", (), frozenset(), False, "Nurse Adebayo"
    )
    owner = QObject()
    timer = schedule_daily_purge(owner, store, retention_days=30)
    assert timer.isActive() and timer.interval() == PURGE_INTERVAL_MS

    clock.advance(days=10)
    timer.timeout.emit()
    assert store.get(old.record_id).patient.name == PATIENT_A.name  # within retention: kept

    clock.advance(days=25)
    recent = store.start_discharge(
        PATIENT_A, library().get(INJECTION), clock.now(), "", (), frozenset(), False, "Nurse Adebayo"
    )
    timer.timeout.emit()
    with pytest.raises(UnknownRecord):
        store.get(old.record_id)
    assert store.get(recent.record_id).patient.name == PATIENT_A.name
    store.close()
