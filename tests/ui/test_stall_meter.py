"""The stall meter itself: it must see the GUI thread blocked (so a frozen kiosk cannot pass the printing tests)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.ui.stall import StallMeter


def test_a_blocked_gui_thread_is_measured(qtbot: QtBot) -> None:
    meter = StallMeter()
    meter.start("blocked")
    QTimer.singleShot(50, lambda: time.sleep(0.25))  # what a pycups call to a dead server does to the loop
    qtbot.wait(500)
    assert meter.stop() >= 0.2, meter.report()
    assert meter.where == "blocked"


def test_a_running_loop_is_not_a_stall(qtbot: QtBot) -> None:
    meter = StallMeter()
    meter.start("idle")
    qtbot.wait(300)
    assert meter.stop() < 0.1, meter.report()
