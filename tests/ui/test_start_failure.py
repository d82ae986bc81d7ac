"""F6 on the real widgets: "The kiosk cannot start", full screen, with the reason and what IT should do."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import create_application, show_start_failure
from kiosk.config import WardConfig
from kiosk.records.errors import DatabaseDamaged
from kiosk.records.store import RecordStore
from kiosk.startup import StartupProblem
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.start_failure import TITLE, StartFailureScreen


def window(qtbot: QtBot) -> KioskWindow:
    shown = KioskWindow(WardConfig())
    qtbot.addWidget(shown, before_close_func=lambda w: w.allow_close())
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def texts(screen: StartFailureScreen) -> list[str]:
    return [label.text() for label in screen.findChildren(QLabel) if label.isVisible()]


def test_a_damaged_database_as_the_records_layer_reports_it(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "records.sqlite3"
    database.write_bytes(b"not a database " * 1000)
    with pytest.raises(DatabaseDamaged) as damaged:
        RecordStore.open(database)
    kiosk = window(qtbot)
    with caplog.at_level(logging.ERROR):
        screen = show_start_failure(kiosk, damaged.value, tmp_path / "kiosk.log")
    assert isinstance(screen, StartFailureScreen) and kiosk.stack.currentWidget() is screen
    shown = texts(screen)
    assert TITLE in shown and damaged.value.title in shown and damaged.value.hint in shown
    assert screen.size() == kiosk.stack.size()
    assert not [b for b in screen.findChildren(QLabel) if b.openExternalLinks()]
    [record] = [r for r in caplog.records if "cannot start" in r.getMessage()]
    assert record.exc_info is None  # a known problem: one plain line, no traceback
    assert kiosk.grab().save(str(tmp_path / "start-failure.png"))


def test_an_unexpected_error_says_so_and_logs_the_traceback(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = window(qtbot)
    with caplog.at_level(logging.ERROR):
        screen = show_start_failure(kiosk, ZeroDivisionError("a bug"), None)
    assert isinstance(screen, StartFailureScreen)
    assert any("unexpected problem" in text for text in texts(screen))
    assert any("standard error" in text for text in texts(screen))
    assert [r for r in caplog.records if r.exc_info is not None]


def test_missing_fonts_are_a_known_start_problem(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(paths.RESOURCES_DIR, resources)
    shutil.rmtree(resources / "fonts")
    monkeypatch.setattr(paths, "RESOURCES_DIR", resources)
    with pytest.raises(StartupProblem, match="fonts or theme") as problem:
        create_application()
    kiosk = window(qtbot)
    screen = show_start_failure(kiosk, problem.value, None)
    assert problem.value.title in texts(screen) and "reinstall" in problem.value.hint
