"""Nurse sign-in: tap a name, type the PIN; the screen only reports who and what, and keeps no PIN."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.ui.nurse.pin import PinScreen

NURSES = ["Sam Taylor", "Priya Shah", "Olu Adeyemi"]


def make_screen(qtbot: QtBot) -> PinScreen:
    screen = PinScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def type_pin(qtbot: QtBot, screen: PinScreen, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(screen.keypad.keys[digit], Qt.MouseButton.LeftButton)


def test_name_then_pin_reports_both_and_wipes_the_pad(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.prompt("Nurse sign-in", NURSES)
    assert [b.text() for b in screen.name_buttons] == NURSES
    qtbot.mouseClick(screen.name_buttons[1], Qt.MouseButton.LeftButton)
    type_pin(qtbot, screen, "4071")
    with qtbot.waitSignal(screen.pin_entered, timeout=1000) as blocker:
        qtbot.mouseClick(screen.keypad.ok_key, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Priya Shah", "4071"]
    assert screen.keypad.text() == ""


def test_pin_without_a_name_asks_for_the_name(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.prompt("Nurse sign-in", NURSES)
    type_pin(qtbot, screen, "4071")
    with qtbot.assertNotEmitted(screen.pin_entered):
        qtbot.mouseClick(screen.keypad.ok_key, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible()
    assert "name" in screen.error.text()


def test_a_single_nurse_is_chosen_already(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.prompt("Close the kiosk", ["Sam Taylor"])
    assert screen.header.title.text() == "Close the kiosk"
    type_pin(qtbot, screen, "9051")
    with qtbot.waitSignal(screen.pin_entered, timeout=1000) as blocker:
        qtbot.keyClick(screen.keypad, Qt.Key.Key_Return)
    assert blocker.args == ["Sam Taylor", "9051"]


def test_error_is_shown_and_the_pad_emptied_for_another_try(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.prompt("Nurse sign-in", NURSES)
    qtbot.mouseClick(screen.name_buttons[0], Qt.MouseButton.LeftButton)
    type_pin(qtbot, screen, "12")
    screen.show_error("Wrong PIN: 4 attempts left.")
    assert screen.error.isVisible() and screen.error.text() == "Wrong PIN: 4 attempts left."
    assert screen.keypad.text() == ""
    assert screen.selected_name() == "Sam Taylor"


def test_cancel(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.prompt("Nurse sign-in", NURSES)
    type_pin(qtbot, screen, "12")
    with qtbot.waitSignal(screen.cancelled, timeout=1000):
        qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.keypad.text() == ""


def test_prompt_again_starts_fresh(qtbot: QtBot) -> None:
    """A second prompt shows only the new names, nothing chosen or typed from before."""
    screen = make_screen(qtbot)
    screen.prompt("Nurse sign-in", NURSES)
    qtbot.mouseClick(screen.name_buttons[2], Qt.MouseButton.LeftButton)
    type_pin(qtbot, screen, "55")
    screen.prompt("Sign off this discharge", ["Jo Brown", "Sam Taylor"])
    assert [b.text() for b in screen.name_buttons] == ["Jo Brown", "Sam Taylor"]
    assert screen.selected_name() == ""
    assert screen.keypad.text() == ""


def test_no_nurses_says_so(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.prompt("Nurse sign-in", [])
    assert screen.no_names.isVisible()


def test_renders_at_tablet_size_with_big_targets(qtbot: QtBot, tmp_path: Path) -> None:
    screen = make_screen(qtbot)
    screen.prompt("Nurse sign-in", NURSES)
    for name_button in screen.name_buttons:
        assert name_button.height() >= 56
    assert screen.cancel_button.height() >= 48
    assert screen.height() == 800, "everything fits on the tablet screen without growing the window"
    assert screen.grab().save(str(tmp_path / "pin.png"))


def test_many_nurses_scroll_and_the_pad_stays_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    screen = make_screen(qtbot)
    names = [f"Nurse {letter} Smith" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    screen.prompt("Nurse sign-in", names)
    # The scroll range follows a chain of posted layout requests (the names' flow layout, then the scroll
    # area); under load one short wait can end before the last of them, so wait for the range itself.
    qtbot.waitUntil(lambda: screen.names_scroll.verticalScrollBar().maximum() > 0, timeout=5000)
    assert screen.height() == 800
    last = screen.name_buttons[-1]
    screen.names_scroll.ensureWidgetVisible(last)
    qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    type_pin(qtbot, screen, "4071")
    with qtbot.waitSignal(screen.pin_entered, timeout=1000) as blocker:
        qtbot.mouseClick(screen.keypad.ok_key, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Nurse Z Smith", "4071"]
    assert screen.grab().save(str(tmp_path / "pin-many.png"))
