"""The Qt binding itself must not leak or drop references: a kiosk runs for days.

PySide6 6.12.0 on Python 3.11 released a reference to None on every void call and to True on every signal
emit, which aborts the process after a few thousand calls ("Fatal Python error: bool_dealloc"). These tests
fail on such a version before a ward ever sees the crash.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 500


class Emitter(QObject):
    fired = Signal()


def test_void_calls_keep_the_reference_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        label.setText(str(number))
    assert sys.getrefcount(None) - before > -CALLS // 10


def test_signal_emits_keep_the_reference_to_true(qtbot: QtBot) -> None:
    emitter = Emitter()
    received: list[int] = []
    emitter.fired.connect(lambda: received.append(1))
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        emitter.fired.emit()
    assert len(received) == CALLS
    assert sys.getrefcount(True) - before > -CALLS // 10
