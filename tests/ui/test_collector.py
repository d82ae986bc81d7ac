"""Garbage (widgets included) is freed on the GUI thread only, never in a worker that happens to allocate.

The suite's remaining segmentation fault: a worker building a sheet allocated, the interpreter's automatic collector
ran in that worker and freed cyclic garbage holding widgets, while the GUI thread was inside
``QApplication.setStyleSheet`` walking every widget. Here a worker allocates while widgets wait in a reference cycle,
with the interpreter's collector as eager as it can be (a collection at every allocation).
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui import collector


@pytest.fixture
def eager_thresholds() -> Iterator[None]:
    """The interpreter's thresholds at their most eager; restored after (the collector's own copy too)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def widget_in_a_cycle(freed_in: list[str]) -> None:
    """A widget only a reference cycle keeps; records the name of the thread its wrapper is freed in."""
    widget = QWidget()
    holder: dict[str, object] = {"widget": widget}
    holder["self"] = holder
    weakref.finalize(widget, lambda: freed_in.append(threading.current_thread().name))


def allocate_in_a_worker(automatic_collector: bool = False) -> None:
    def work() -> None:
        if automatic_collector:  # switched on here, so the first collection is the worker's (not thread start's)
            gc.enable()
        for _ in range(2_000):
            [object() for _ in range(5)]  # a cycle-tracked list per turn: the automatic collector's trigger

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()


def test_a_worker_that_allocates_frees_no_widget(qapp: QApplication, eager_thresholds: None) -> None:
    gui_collector = collector.install(qapp)
    freed_in: list[str] = []
    widget_in_a_cycle(freed_in)

    allocate_in_a_worker()
    assert freed_in == []  # the worker allocated thousands of times and collected nothing

    gui_collector.collect_due()
    gc.collect()  # whatever generation the cycle reached
    assert freed_in == ["MainThread"]


def test_without_the_collector_a_worker_frees_the_widget(qapp: QApplication, eager_thresholds: None) -> None:
    """The fault this module prevents, shown: with the automatic collector on, the worker frees the widget."""
    collector.install(qapp)
    freed_in: list[str] = []
    widget_in_a_cycle(freed_in)  # made while no collection can run, so it is still in the youngest generation
    try:
        allocate_in_a_worker(automatic_collector=True)
    finally:
        gc.disable()
    assert freed_in == ["worker"]


def test_install_is_once_per_application_and_switches_the_automatic_collector_off(qapp: QApplication) -> None:
    assert collector.install(qapp) is collector.install(qapp)
    assert not gc.isenabled()


def test_collect_due_follows_the_interpreters_thresholds(qapp: QApplication) -> None:
    gui_collector = collector.install(qapp)
    gc.collect()
    assert gui_collector.collect_due() == 0  # nothing allocated since: not due
    freed_in: list[str] = []
    for _ in range(gc.get_threshold()[0] + 10):
        widget_in_a_cycle(freed_in)
    gui_collector.collect_due()
    assert len(freed_in) > 0


def test_collecting_from_a_worker_is_refused(qapp: QApplication) -> None:
    gui_collector = collector.install(qapp)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            gui_collector.collect_due()
        except RuntimeError as exc:
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert len(errors) == 1
