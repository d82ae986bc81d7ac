"""The big number pad: PINs as dots, phone numbers with + and spaces, keys big enough for a finger."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.discharge.new_discharge import format_date_digits
from kiosk.ui.keypad import KeypadField, NumericKeypad


def make_keypad(qtbot: QtBot) -> NumericKeypad:
    keypad = NumericKeypad()
    qtbot.addWidget(keypad)
    keypad.resize(480, 560)
    keypad.show()
    qtbot.waitExposed(keypad)
    return keypad


def tap(qtbot: QtBot, keypad: NumericKeypad, keys: str) -> None:
    names = {"+": "plus", " ": "space"}
    for key in keys:
        qtbot.mouseClick(keypad.keys[names.get(key, key)], Qt.MouseButton.LeftButton)


def test_digits_typed_on_the_keys_are_reported_and_submitted(qtbot: QtBot) -> None:
    """Each key press reports the digits so far; OK hands them on."""
    keypad = make_keypad(qtbot)
    seen: list[str] = []
    keypad.digits_changed.connect(seen.append)
    tap(qtbot, keypad, "4071")
    assert seen == ["4", "40", "407", "4071"]
    assert keypad.display.text() == "4071"
    with qtbot.waitSignal(keypad.submitted, timeout=1000) as blocker:
        qtbot.mouseClick(keypad.ok_key, Qt.MouseButton.LeftButton)
    assert blocker.args == ["4071"]


def test_delete_and_clear(qtbot: QtBot) -> None:
    keypad = make_keypad(qtbot)
    tap(qtbot, keypad, "123")
    qtbot.mouseClick(keypad.delete_key, Qt.MouseButton.LeftButton)
    assert keypad.text() == "12"
    qtbot.mouseClick(keypad.clear_key, Qt.MouseButton.LeftButton)
    assert keypad.text() == ""
    assert keypad.display.text() == ""


def test_ok_does_nothing_while_empty(qtbot: QtBot) -> None:
    keypad = make_keypad(qtbot)
    assert not keypad.ok_key.isEnabled()
    with qtbot.assertNotEmitted(keypad.submitted):
        qtbot.keyClick(keypad, Qt.Key.Key_Return)


def test_masked_pin_shows_dots_never_digits(qtbot: QtBot) -> None:
    keypad = make_keypad(qtbot)
    keypad.set_masked(True)
    tap(qtbot, keypad, "2580")
    assert "2580" not in keypad.display.text()
    assert keypad.display.text().count("●") == 4
    assert keypad.text() == "2580"


def test_max_length_stops_typing(qtbot: QtBot) -> None:
    keypad = make_keypad(qtbot)
    keypad.set_max_length(4)
    tap(qtbot, keypad, "123456")
    assert keypad.text() == "1234"


def test_phone_mode_allows_plus_first_and_single_spaces(qtbot: QtBot) -> None:
    """The escort's number may be international (+33...) and spaced as people read it out."""
    keypad = make_keypad(qtbot)
    assert not keypad.plus_key.isVisible()
    keypad.set_phone_mode(True)
    assert keypad.plus_key.isVisible() and keypad.space_key.isVisible()
    tap(qtbot, keypad, "+44  7700+ 900123")
    assert keypad.text() == "+44 7700 900123"


def test_plus_and_space_are_refused_outside_phone_mode(qtbot: QtBot) -> None:
    keypad = make_keypad(qtbot)
    qtbot.keyClicks(keypad, "+1 2")
    assert keypad.text() == "12"


def test_physical_keyboard_works_too(qtbot: QtBot) -> None:
    """On a ward PC with a keyboard: digits, Backspace and Enter."""
    keypad = make_keypad(qtbot)
    qtbot.keyClicks(keypad, "9876")
    qtbot.keyClick(keypad, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(keypad.submitted, timeout=1000) as blocker:
        qtbot.keyClick(keypad, Qt.Key.Key_Enter)
    assert blocker.args == ["987"]


def test_keys_are_big_with_gaps(qtbot: QtBot) -> None:
    """Every key at least 72 px each way, and no two keys touch."""
    keypad = make_keypad(qtbot)
    keypad.set_phone_mode(True)
    keys = [*keypad.keys.values(), keypad.ok_key]
    for key in keys:
        assert key.height() >= 72, key.objectName()
        assert key.width() >= 72, key.objectName()
    rects = [key.geometry() for key in keypad.keys.values()]
    for index, rect in enumerate(rects):
        for other in rects[index + 1 :]:
            assert not rect.adjusted(-4, -4, 4, 4).intersects(other), "keys need a gap between them"


def test_keypad_field_opens_the_pad_over_the_window_and_keeps_the_value(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(1280, 800)
    field = KeypadField("Date of birth", placeholder="DD/MM/YYYY", max_length=8, formatter=format_date_digits)
    field.setParent(host)
    host.show()
    qtbot.waitExposed(host)
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    overlay = field.overlay
    assert overlay is not None and overlay.isVisible()
    assert overlay.geometry() == host.rect()
    tap(qtbot, overlay.keypad, "03031948")
    assert overlay.keypad.display.text() == "03/03/1948"
    with qtbot.waitSignal(field.value_changed, timeout=1000) as blocker:
        qtbot.mouseClick(overlay.keypad.ok_key, Qt.MouseButton.LeftButton)
    assert blocker.args == ["03031948"]
    assert field.overlay is None
    assert field.button.text() == "03/03/1948"


def test_keypad_field_cancel_keeps_the_old_value_and_clear_wipes_it(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    field = KeypadField("NHS number", placeholder="Optional")
    field.setParent(host)
    host.show()
    field.set_value("9434765919")
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.overlay is not None
    tap(qtbot, field.overlay.keypad, "1")
    qtbot.mouseClick(field.overlay.cancel_button, Qt.MouseButton.LeftButton)
    assert field.value() == "9434765919"
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    field.clear()
    assert field.overlay is None
    assert field.value() == ""
    assert field.button.text() == "Optional"


def test_the_pad_covers_the_fields_screen_and_goes_with_it(qtbot: QtBot) -> None:
    """H3: a pad left open when its screen is deleted (idle wipe) does not stay on top with the digits."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    screen = QWidget(window)
    screen.setObjectName("screen")
    screen.setGeometry(0, 0, 1280, 800)
    field = KeypadField("Date of birth", max_length=8)
    field.setParent(screen)
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    overlay = field.overlay
    assert overlay is not None and overlay.parentWidget() is screen
    tap(qtbot, overlay.keypad, "0303")
    screen.hide()
    assert not overlay.isVisible(), "hidden with its screen"
    screen.deleteLater()
    qtbot.waitUntil(lambda: not window.findChildren(NumericKeypad), timeout=1000)
