"""Restyling the application must not run Python's garbage collector in the middle of Qt's walk over every widget.

The suite died twice of a segmentation fault in ``theme.apply`` ("Garbage-collecting" in the fault's trace): a
collection started inside ``setStyleSheet`` deleted widgets Qt was about to re-polish. Here the collector is made to
run at every allocation while unreachable widgets wait to be collected and a Python event filter allocates during
the walk.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.ui import theme
from kiosk.ui.theme import TextSize, ThemeChoice


def collections() -> int:
    """Collections so far, every generation (from the interpreter's own statistics)."""
    return sum(generation["collections"] for generation in gc.get_stats())


class Allocating(QObject):
    """A Python event filter, as the kiosk's idle watcher is: it allocates for every event."""

    def __init__(self) -> None:
        super().__init__()
        self.polished = 0
        self.collected_during_walk = 0
        self.active = False  # counting only inside theme.apply (showing the garbage widgets polishes them too)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.active and event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.polished += 1
            before = collections()
            [object() for _ in range(50)]  # allocate, so a collection may start here
            self.collected_during_walk += collections() - before
        return False


@pytest.fixture
def eager_collector() -> Iterator[None]:
    """The collector on (something earlier in the run may have turned it off) and running at every allocation."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(1, 1, 1)
    gc.enable()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()


def garbage_widgets(count: int) -> None:
    """Widgets alive only through a reference cycle: only the cyclic collector frees them."""
    for _ in range(count):
        window = QWidget()
        labels = [QLabel("text", window) for _ in range(3)]
        window.setProperty("cycle", 1)
        holder: dict[str, object] = {"window": window, "labels": labels}
        holder["self"] = holder
        window.show()


def test_no_collection_runs_during_the_restyling_walk(qapp: QApplication, eager_collector: None) -> None:
    spy = Allocating()
    qapp.installEventFilter(spy)

    try:
        garbage_widgets(40)
        at_start = collections()
        spy.active = True
        theme.apply(qapp, ThemeChoice(size=TextSize.LARGEST))
        theme.apply(qapp, ThemeChoice())
        spy.active = False
    finally:
        qapp.removeEventFilter(spy)
    gc.collect()
    assert spy.polished > 0
    assert collections() > at_start  # the collector did run, just never inside the walk
    assert spy.collected_during_walk == 0
