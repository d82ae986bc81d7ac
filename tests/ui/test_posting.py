"""A worker that finishes at the moment its window is deleted must not take the process down.

The suite once died of a segmentation fault: a lane's thread emitted on its window's ``GuiPoster`` while the
window was being deleted. The poster is now the application's (``gui_poster()``), so an answer for a window that
has gone reaches a handler that finds it gone, and is dropped.
"""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.posting import Workers, gui_poster
from kiosk.workers import Result


def test_answers_arriving_while_their_window_is_deleted_are_dropped_safely(qtbot: QtBot) -> None:
    finished = 0
    delivered: list[Result[int]] = []
    lock = threading.Lock()

    def work() -> int:
        nonlocal finished
        time.sleep(0.002)
        with lock:
            finished += 1
        return 1

    for _ in range(60):
        window = QWidget()
        workers = Workers(window)
        for _ in range(5):
            workers.records.submit(work, 5.0, delivered.append)
        time.sleep(0.004)  # some calls done, one running, some queued: the window goes now
        shiboken6.delete(window)
        QCoreApplication.processEvents()
    time.sleep(0.1)
    QCoreApplication.processEvents()
    assert finished > 0
    assert shiboken6.isValid(gui_poster())


def test_one_poster_for_the_application(qtbot: QtBot) -> None:
    first, second = QWidget(), QWidget()
    assert Workers(first).poster is Workers(second).poster is gui_poster()
    assert gui_poster().parent() is QCoreApplication.instance()
    shiboken6.delete(first)
    shiboken6.delete(second)
