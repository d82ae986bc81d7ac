"""Another program holding the records database's write lock never freezes the patient's "I understand" tap.

A real second process opens the same SQLite file and holds ``BEGIN IMMEDIATE`` for a few seconds (as a records
tool might during a purge). The tap is not lost and not doubled: the screen waits, disabled, the event loop keeps
running, and the confirmation is committed (once) as soon as the lock is released; only then the next screen.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.discharge.flow import ScreenKind
from tests.discharge_support import new_discharge
from tests.ui.driver import Kiosk
from tests.ui.stall import StallMeter

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
print("released", flush=True)
"""


def hold_write_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_i_understand_waits_for_another_programs_lock_without_freezing(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge())
    kiosk.click("start")
    assert kiosk.walk_kind() is ScreenKind.STEP
    record_id = kiosk.session.record_id
    assert record_id is not None
    step = kiosk.screen
    first = kiosk.session.walk.current.step.id  # type: ignore[union-attr]

    holder = hold_write_lock(kiosk.store.path, 2.5)
    try:
        meter = StallMeter()
        meter.start("I understand, database locked")
        kiosk.understand()
        qtbot.wait(300)
        assert kiosk.screen is step and not step.isEnabled()  # waiting for the save, not moved on
        assert kiosk.store.get(record_id).confirmations == ()
        qtbot.waitUntil(lambda: kiosk.store.get(record_id).confirmations != (), timeout=10_000)
        qtbot.waitUntil(lambda: kiosk.screen is not step or kiosk.session.walk.current.step.id != first, timeout=5000)  # type: ignore[union-attr]
        worst = meter.stop()
        print(meter.report())
    finally:
        holder.wait(timeout=20)
        assert holder.stdout is not None
        holder.stdout.close()
    assert worst < 0.100, meter.report()
    confirmations = kiosk.store.get(record_id).confirmations
    assert [c.step_id for c in confirmations] == [first]  # saved once, not lost, not doubled
    assert step.isEnabled()
