"""The locked start screen: what the tablet shows between patients."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from kiosk.config import WardConfig
from kiosk.ui.main_window import KioskWindow


def make_window(qtbot: QtBot) -> KioskWindow:
    window = KioskWindow(WardConfig(ward_name="Ward 5 Day Case Unit", trust_name="Example NHS Trust"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_start_screen_shows_ward_and_how_to_begin(qtbot: QtBot, tmp_path: Path) -> None:
    """The patient sees the ward's name and is told to ask a nurse; the screen renders to a picture."""
    window = make_window(qtbot)
    start = window.start_screen
    assert window.stack.currentWidget() is start
    assert start.ward_label.text() == "Ward 5 Day Case Unit"
    assert start.message.text() == "Please ask a nurse to start your discharge"
    image = window.grab()
    assert image.width() == 1280 and image.height() == 800
    assert image.save(str(tmp_path / "start.png"))
    assert (tmp_path / "start.png").stat().st_size > 5_000


def test_window_is_frameless(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_nurse_button_asks_for_a_nurse(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    with qtbot.waitSignal(window.start_screen.nurse_requested, timeout=1000):
        qtbot.mouseClick(window.start_screen.nurse_button, Qt.MouseButton.LeftButton)


def test_touch_targets_are_at_least_48_px(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.start_screen.nurse_button.height() >= 48


def test_bundled_unicode_font_is_registered(qtbot: QtBot) -> None:
    assert "DejaVu Sans" in QFontDatabase.families()


def test_full_screen_covers_the_whole_screen_even_without_a_window_manager(qtbot: QtBot) -> None:
    """Full screen is only a request to a window manager; the kiosk covers the screen itself as well."""
    window = KioskWindow(WardConfig())
    qtbot.addWidget(window)
    window.show_kiosk(full_screen=True)
    qtbot.waitExposed(window)
    screen = window.screen()
    assert screen is not None
    assert window.geometry() == screen.geometry()
