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
    """Qt's warnings reach the kiosk's log for IT; the offscreen platform's chatter does not."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from kiosk.app import qt_message_to_log

    real = "QPainter::begin: Paint device returned engine == 0"
    noise = "This plugin does not support propagateSizeHints()"
    with caplog.at_level(logging.DEBUG, logger="qt"):
        qt_message_to_log(QtMsgType.QtWarningMsg, QMessageLogContext(), real)
        qt_message_to_log(QtMsgType.QtWarningMsg, QMessageLogContext(), noise)
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [(logging.WARNING, real)]
