"""Kiosk behaviour of the window: frameless, and it cannot be closed (close, Alt+F4, Escape) without a PIN."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.discharge.session import PinPurpose, Stage
from kiosk.ui.patient.simple import ErrorScreen
from tests.discharge_support import INJECTION, new_discharge
from tests.ui.driver import PIN, Kiosk


def test_closing_the_window_asks_for_a_pin_instead(qtbot: QtBot, tmp_path: Path) -> None:
    """A window-manager close (what Alt+F4 sends) is refused and turned into a PIN request."""
    kiosk = Kiosk(qtbot, tmp_path)
    assert kiosk.window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()
    assert kiosk.session.stage is Stage.PIN and kiosk.session.pin_purpose is PinPurpose.CLOSE


def test_escape_asks_for_a_pin_and_cancel_goes_back_to_the_patient(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION))
    kiosk.click("start")
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Escape)
    assert kiosk.session.stage is Stage.PIN
    kiosk.click("pin-cancel")
    assert kiosk.session.stage is Stage.PATIENT and kiosk.window.isVisible()


def test_wrong_pin_does_not_close_and_the_right_pin_does(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.window.close()
    kiosk.type_pin("1111")
    error = kiosk.flow.pin_screen.findChild(QLabel, "pin-error")
    assert error is not None and error.isVisible() and "not right" in error.text()
    assert kiosk.window.isVisible()
    kiosk.type_pin(PIN)
    assert kiosk.session.stage is Stage.CLOSED
    assert not kiosk.window.isVisible()


def test_five_wrong_pins_lock_the_nurse_out(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.click(kiosk.window.start_screen.nurse_button)
    for _ in range(5):
        kiosk.type_pin("1111")
    error = kiosk.flow.pin_screen.findChild(QLabel, "pin-error")
    assert error is not None and "locked" in error.text()
    kiosk.type_pin(PIN)
    assert "locked" in error.text()
    assert kiosk.session.stage is Stage.PIN and kiosk.session.nurse is None


def test_an_unexpected_error_shows_please_ask_a_nurse_and_keeps_what_was_saved(qtbot: QtBot, tmp_path: Path) -> None:
    """A bug in a slot: logged, the screen says "please ask a nurse", no traceback, confirmations kept."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION))
    record_id = kiosk.session.record_id
    kiosk.click("start")
    kiosk.understand()

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    walk = kiosk.session.walk
    assert walk is not None
    walk.understand = broken  # type: ignore[method-assign]
    kiosk.understand()
    assert kiosk.session.stage is Stage.ERROR
    assert isinstance(kiosk.screen, ErrorScreen)
    shown = " ".join(kiosk.texts())
    assert "ask a nurse" in shown.lower()
    assert "Traceback" not in shown and "ZeroDivisionError" not in shown
    assert len(kiosk.store.get(record_id).confirmations) == 1  # type: ignore[arg-type]
    kiosk.click("action")
    assert kiosk.session.stage is Stage.PIN
