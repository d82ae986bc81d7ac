"""Shared fixtures. Qt runs offscreen; every test gets its own data folder; GUI tests are marked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Must be set before anything imports Qt: with no display and no platform, Qt aborts the whole run (exit 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No sound server for the suite's own process, on every machine alike: Qt Multimedia finds no audio output, and
# the call for help's alert is visible only (what tests/ui/test_help.py checks). The chime on a real audio server
# is tests/ui/test_help_sound.py, which starts its own PulseAudio null sink for a child process.
os.environ["PULSE_SERVER"] = "unix:/nonexistent/kiosk-tests-have-no-sound-server"

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk import paths
from kiosk.ui import collector

# The private PostgreSQL server and its databases, for the central-store tests and the records tests' second
# backend (one server per session, whichever folder asks first).
pytest_plugins = ("tests.central.fixtures",)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh ward data folder for each test, so no test sees another's records, config or sheets."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    yield folder


@pytest.fixture(scope="session")
def qapp(qapp: QApplication) -> QApplication:
    """pytest-qt's application, with garbage freed on the GUI thread only, as the kiosk's (``kiosk.ui.collector``)."""
    collector.install(qapp)
    return qapp


@pytest.fixture(autouse=True)
def garbage_on_the_gui_thread() -> Iterator[None]:
    """After each test, the garbage that is due, collected here on the main thread.

    Once an application exists the interpreter's automatic collector is off (``kiosk.ui.collector``: a worker must
    never free a widget), and tests rarely return to the event loop where the collector's timer runs."""
    yield
    app = QCoreApplication.instance()
    if app is not None:
        collector.install(app).collect_due()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    ui_root = Path(__file__).parent / "ui"
    for item in items:
        if ui_root in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
