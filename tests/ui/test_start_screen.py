"""The locked start screen: what the tablet shows between patients."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMainWindow
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


def test_window_is_frameless_from_its_first_show(qtbot: QtBot) -> None:
    """The flags are on the window's QWindow before anything shows it (the window system reads them then), and
    they are exactly what ``setWindowFlag(FramelessWindowHint)`` gives a main window; the widget's own copy says the
    same once a screen has been shown after the start screen's paint (issue 19: no ``Qt`` before that paint)."""
    window = KioskWindow(WardConfig())
    qtbot.addWidget(window)
    plain = QMainWindow()
    qtbot.addWidget(plain)
    plain.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    plain.winId()
    handle, plain_handle = window.windowHandle(), plain.windowHandle()
    assert handle is not None and plain_handle is not None
    assert not window.isVisible()
    assert handle.flags() & Qt.WindowType.FramelessWindowHint
    assert handle.flags() == plain_handle.flags() == plain.windowFlags()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert handle.flags() == plain.windowFlags()  # showing it changed nothing
    window.show_screen(window.start_screen)
    assert window.windowFlags() == plain.windowFlags()


def test_start_screen_widgets_have_their_enum_properties(qtbot: QtBot) -> None:
    """What the start screen sets by name (``kiosk.ui.enum_properties``) is what the typed calls set before."""
    window = make_window(qtbot)
    start = window.start_screen
    assert start.message.alignment() == Qt.AlignmentFlag.AlignCenter
    for label in (start.ward_label, start.trust_label, start.message):
        assert label.textFormat() is Qt.TextFormat.PlainText
        assert label.wordWrap()
    assert start.nurse_button.focusPolicy() is Qt.FocusPolicy.TabFocus
    assert window.stack.focusPolicy() is Qt.FocusPolicy.NoFocus


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
