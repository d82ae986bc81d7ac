"""The nurse records a reason: a tap on a common one, or typed; never empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui import theme
from kiosk.ui.nurse.reason import ABANDON_REASONS, NO_ESCORT_REASONS, ReasonScreen


def make_screen(qtbot: QtBot) -> ReasonScreen:
    screen = ReasonScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_a_quick_pick_fills_the_reason_which_can_be_added_to(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.ask("Nobody is staying with the patient", "Why is it safe?", NO_ESCORT_REASONS)
    assert screen.header.title.text() == "Nobody is staying with the patient"
    assert screen.prompt_label.text() == "Why is it safe?"
    assert [b.text_lines()[0] for b in screen.pick_buttons] == list(NO_ESCORT_REASONS)
    qtbot.mouseClick(screen.pick_buttons[0], Qt.MouseButton.LeftButton)
    assert screen.reason_edit.text() == NO_ESCORT_REASONS[0]
    screen.reason_edit.end(False)
    qtbot.keyClicks(screen.reason_edit, " (bed 4)")
    assert not screen.pick_buttons[0].isChecked(), "an edited reason is no longer the quick pick"
    with qtbot.waitSignal(screen.reason_given, timeout=1000) as blocker:
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [f"{NO_ESCORT_REASONS[0]} (bed 4)"]
    assert screen.reason_edit.text() == ""


def test_an_empty_or_blank_reason_is_refused(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.ask("Abandon this discharge", "Why?", ABANDON_REASONS)
    with qtbot.assertNotEmitted(screen.reason_given):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(screen.reason_edit, "   ")
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.reason_field.error_text()


def test_typed_reason_with_enter_and_spaces_tidied(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.ask("Abandon this discharge", "Why?")
    assert screen.pick_buttons == []
    qtbot.keyClicks(screen.reason_edit, "  duplicate   record ")
    with qtbot.waitSignal(screen.reason_given, timeout=1000) as blocker:
        qtbot.keyClick(screen.reason_edit, Qt.Key.Key_Return)
    assert blocker.args == ["duplicate record"]


def test_cancel_wipes_what_was_typed(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.ask("Abandon this discharge", "Why?", ABANDON_REASONS)
    qtbot.keyClicks(screen.reason_edit, "something")
    with qtbot.waitSignal(screen.cancelled, timeout=1000):
        qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.reason_edit.text() == ""


@pytest.mark.parametrize("size", list(theme.TextSize))
def test_renders_with_every_quick_pick_in_view(qtbot: QtBot, tmp_path: Path, qapp: QApplication, size: str) -> None:
    """At every text size the patient may have chosen, the quick picks wrap rather than cut off."""
    theme.apply(qapp, theme.ThemeChoice(theme.TextSize(size)))
    qtbot.addWidget(screen := ReasonScreen())
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    screen.ask("Abandon this discharge", "Why is this discharge being abandoned?", ABANDON_REASONS)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)  # error showing too
    qtbot.wait(10)
    assert screen.scroll_area is not None
    if size == theme.TextSize.NORMAL:
        assert screen.scroll_area.verticalScrollBar().maximum() == 0, "no scrolling needed on the tablet"
    for pick in screen.pick_buttons:
        assert pick.height() >= 56
        words = pick.lines[0]
        assert words.height() >= words.heightForWidth(words.width()), "the words wrap, never cut off"
    assert screen.grab().save(str(tmp_path / f"reason-{size}.png"))
    theme.apply(qapp)
