"""Retention runs every day while the kiosk stays up, not only at start (hazard H8), and never on the GUI thread."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kiosk.app import PURGE_INTERVAL_MS, schedule_daily_purge
from kiosk.purge_worker import THREAD_NAME, PurgeWorker
from kiosk.records import UnknownRecord
from kiosk.records.retention import PurgeResult
from tests.discharge_support import INJECTION, PATIENT_A, library, make_clock, make_store


def test_a_discharge_past_retention_is_purged_by_the_daily_timer(qtbot: QtBot, tmp_path: Path) -> None:
    clock = make_clock()
    store = make_store(tmp_path, clock)
    old = store.start_discharge(
        PATIENT_A, library().get(INJECTION), clock.now(), "", (), frozenset(), False, "Nurse Adebayo"
    )
    owner = QObject()
    worker = PurgeWorker(store, 30, owner)
    timer = schedule_daily_purge(owner, worker)
    assert timer.isActive() and timer.interval() == PURGE_INTERVAL_MS

    clock.advance(days=10)
    with qtbot.waitSignal(worker.finished, timeout=10_000) as kept:
        timer.timeout.emit()
    assert kept.args[0].discharges == 0
    assert store.get(old.record_id).patient.name == PATIENT_A.name  # within retention: kept

    clock.advance(days=25)
    recent = store.start_discharge(
        PATIENT_A, library().get(INJECTION), clock.now(), "", (), frozenset(), False, "Nurse Adebayo"
    )
    with qtbot.waitSignal(worker.finished, timeout=10_000) as purged:
        timer.timeout.emit()
    assert purged.args[0].discharges == 1
    with pytest.raises(UnknownRecord):
        store.get(old.record_id)
    assert store.get(recent.record_id).patient.name == PATIENT_A.name
    store.close()


def test_the_purge_runs_on_its_own_thread_while_the_gui_keeps_reading(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """start() returns at once; the GUI's own connection reads the store while the purge deletes."""
    clock = make_clock()
    store = make_store(tmp_path, clock)
    procedure = library().get(INJECTION)
    for _ in range(300):
        store.start_discharge(PATIENT_A, procedure, clock.now(), "", (), frozenset(), False, "Nurse Adebayo")
    clock.advance(days=40)
    worker = PurgeWorker(store, 30)
    seen: list[PurgeResult] = []
    worker.finished.connect(seen.append)
    caplog.set_level(logging.INFO, logger="kiosk.records.retention")

    began = time.perf_counter()
    assert worker.start()
    returned_after = time.perf_counter() - began
    assert not worker.start()  # one purge at a time
    store.list_discharges()  # the GUI's reads are not held up by the purge's connection
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)

    assert returned_after < 0.05
    assert seen[0].discharges == 300
    assert store.list_discharges() == []
    done = [r for r in caplog.records if r.getMessage().startswith("retention purge:")]
    assert [r.threadName for r in done] == [THREAD_NAME]
    assert threading.current_thread() is threading.main_thread()
    assert worker.wait()
    store.close()
