"""Start-up choices: the on-screen keyboard only on a real display; errors reaching Qt show "ask a nurse"."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import install_excepthook, virtual_keyboard_plugin, wants_virtual_keyboard
from kiosk.discharge.session import Stage
from kiosk.ui.patient.simple import ErrorScreen
from tests.discharge_support import INJECTION, new_discharge
from tests.ui.driver import Kiosk

PLUGIN = Path("/qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")


def test_virtual_keyboard_only_on_a_real_display_with_the_plugin() -> None:
    assert wants_virtual_keyboard({"QT_QPA_PLATFORM": "xcb"}, PLUGIN)
    assert wants_virtual_keyboard({"QT_QPA_PLATFORM": "wayland"}, PLUGIN)
    assert wants_virtual_keyboard({"DISPLAY": ":0"}, PLUGIN)
    assert not wants_virtual_keyboard({"QT_QPA_PLATFORM": "offscreen"}, PLUGIN), "never in offscreen tests"
    assert not wants_virtual_keyboard({"QT_QPA_PLATFORM": "xcb"}, None), "not without the plugin"
    assert not wants_virtual_keyboard({}, PLUGIN), "no display at all"
    assert not wants_virtual_keyboard({"DISPLAY": ":0", "QT_IM_MODULE": "ibus"}, PLUGIN), "IT's choice is kept"


def test_the_installed_qt_has_the_virtual_keyboard_plugin() -> None:
    """pyside6-addons ships it; the kiosk relies on it for typing names on a touchscreen."""
    plugin = virtual_keyboard_plugin()
    assert plugin is not None and plugin.is_file()


def test_an_exception_reaching_qt_shows_the_error_screen(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION))
    saved = sys.excepthook
    try:
        install_excepthook(lambda: kiosk.flow)
        try:
            raise RuntimeError("a bug outside any slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = saved
    assert kiosk.session.stage is Stage.ERROR and isinstance(kiosk.screen, ErrorScreen)
    assert kiosk.session.walk is None


def test_qt_messages_go_to_the_log_without_offscreen_noise(caplog: pytest.LogCaptureFixture) -> None:
    """Qt's warnings reach the kiosk's log for IT (a message's next lines keep its level); the offscreen
    platform's chatter does not; other libraries' stderr lines are logged too."""
    from kiosk.qt_log import log_line

    real = "QPainter::begin: Paint device returned engine == 0"
    noise = "This plugin does not support propagateSizeHints()"
    with caplog.at_level(logging.DEBUG):
        level = log_line(f"qt-warning: {real}", logging.INFO)
        level = log_line("    QLineEdit::echoMode", level)
        log_line(f"qt-warning: {noise}", logging.INFO)
        log_line("qt-debug: details", logging.INFO)
        log_line("libEGL warning: no display", logging.WARNING)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("qt", logging.WARNING, real),
        ("stderr", logging.WARNING, "    QLineEdit::echoMode"),
        ("qt", logging.DEBUG, "details"),
        ("stderr", logging.WARNING, "libEGL warning: no display"),
    ]


def test_qt_messages_from_another_thread_reach_the_log_through_the_pipe(caplog: pytest.LogCaptureFixture) -> None:
    """No Python message handler: Qt's own handler writes to the stderr pipe, a Python thread logs it."""
    from PySide6.QtCore import QThread, qInstallMessageHandler

    from kiosk.qt_log import route_qt_messages_to_log

    class Warner(QThread):
        def run(self) -> None:
            from PySide6.QtCore import qWarning

            qWarning("said on a Qt thread")

    with caplog.at_level(logging.DEBUG, logger="qt"):
        pipe = route_qt_messages_to_log()
        try:
            warner = Warner()
            warner.start()
            assert warner.wait(5000)
        finally:
            pipe.stop()
            qInstallMessageHandler(None)
    assert ("qt", logging.WARNING, "said on a Qt thread") in [
        (r.name, r.levelno, r.getMessage()) for r in caplog.records
    ]
