"""Retention runs every day while the kiosk stays up, not only at start (hazard H8), and never on the GUI thread:
on the purge lane of ``kiosk.workers`` (``kiosk.app.RetentionPurge``)."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import PURGE_INTERVAL_MS, RetentionPurge, schedule_daily_purge
from kiosk.records import UnknownRecord
from kiosk.records.retention import PurgeResult
from kiosk.ui.posting import Workers
from kiosk.workers import Lane, Outcome, Result
from tests.discharge_support import INJECTION, PATIENT_A, library, make_clock, make_store
from tests.mailbox import Mailbox


def test_a_discharge_past_retention_is_purged_by_the_daily_timer(qtbot: QtBot, tmp_path: Path) -> None:
    clock = make_clock()
    store = make_store(tmp_path, clock)
    old = store.start_discharge(
        PATIENT_A, library().get(INJECTION), clock.now(), "", (), frozenset(), False, "Nurse Adebayo"
    )
    owner = Workers()
    answers: list[Result[PurgeResult]] = []
    worker = RetentionPurge(store, 30, owner.purge, on_result=answers.append)
    timer = schedule_daily_purge(owner, worker)
    assert timer.isActive() and timer.interval() == PURGE_INTERVAL_MS

    clock.advance(days=10)
    timer.timeout.emit()
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=10_000)
    kept = answers[0]
    assert kept.outcome is Outcome.DONE and kept.value is not None
    assert kept.value.discharges == 0
    assert store.get(old.record_id).patient.name == PATIENT_A.name  # within retention: kept

    clock.advance(days=25)
    recent = store.start_discharge(
        PATIENT_A, library().get(INJECTION), clock.now(), "", (), frozenset(), False, "Nurse Adebayo"
    )
    timer.timeout.emit()
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    purged = answers[1].value
    assert purged is not None and purged.discharges == 1
    with pytest.raises(UnknownRecord):
        store.get(old.record_id)
    assert store.get(recent.record_id).patient.name == PATIENT_A.name
    owner.close()
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
    workers = Workers()
    seen: list[PurgeResult] = []
    worker = RetentionPurge(store, 30, workers.purge, on_result=lambda result: seen.append(result.value))
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
    assert [r.threadName for r in done] == [workers.purge.thread_name]
    assert threading.current_thread() is threading.main_thread()
    assert worker.wait()
    workers.close()
    store.close()


def test_a_failed_purge_is_logged_answered_and_the_next_one_can_start(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Plain Python (the lane posts into a mailbox): a purge that raises leaves no purge "running" for ever."""
    store = make_store(tmp_path, make_clock())
    mail = Mailbox()
    lane = Lane("purge", mail.post)
    answers: list[Result[PurgeResult]] = []
    broken = RetentionPurge(store, -1, lane, on_result=answers.append)  # retention.purge refuses -1 days
    assert broken.start()
    mail.pump_until(lambda: bool(answers))
    assert answers[0].outcome is Outcome.FAILED and isinstance(answers[0].error, ValueError)
    assert "retention purge failed" in caplog.text
    assert not broken.running and broken.start()  # tried again next time
    mail.pump_until(lambda: len(answers) == 2)
    lane.close()
    assert broken.start()  # a closed lane refuses the call: answered FAILED, and nothing is left waiting
    mail.pump_until(lambda: len(answers) == 3)
    assert answers[2].outcome is Outcome.FAILED and not broken.running and broken.wait(0)
    store.close()
