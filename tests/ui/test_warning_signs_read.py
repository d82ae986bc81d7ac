"""The warning signs' "I understand" is offered only once the last sign has been in view (issue 15, H10)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.discharge.flow import WARNING_SIGNS_ID, ScreenKind
from kiosk.discharge.read_to_end import ReadToEnd, bottom_in_view
from kiosk.ui.patient.warning_signs import WarningSignsScreen
from tests.discharge_support import BLOCK, INJECTION, new_discharge
from tests.ui.driver import Kiosk


def test_the_last_sign_counts_as_seen_once_its_bottom_edge_was_in_view_and_stays_seen() -> None:
    assert bottom_in_view(500, 0, 500)
    assert not bottom_in_view(900, 0, 500)
    assert bottom_in_view(900, 400, 500)
    assert not bottom_in_view(10, 0, 0), "a page not laid out yet (no viewport) shows nothing"
    reading = ReadToEnd()
    assert not reading.look(1500, 0, 600)
    assert not reading.look(1500, 600, 600)
    assert reading.look(1500, 900, 600)
    assert reading.look(1500, 0, 600), "scrolling back up to re-read keeps it offered"
    reading.reset()
    assert not reading.seen


def _to_warning_signs(kiosk: Kiosk, size: str) -> WarningSignsScreen:
    kiosk.click(f"size-{size}")
    kiosk.click("start")
    while kiosk.walk_kind() is not ScreenKind.WARNING_SIGNS:
        if kiosk.walk_kind() is ScreenKind.QUESTION:
            question = kiosk.session.walk.current.question  # type: ignore[union-attr]
            kiosk.click(f"option-{question.answer}")
            kiosk.click("next")
        else:
            kiosk.understand()
    screen = kiosk.screen
    assert isinstance(screen, WarningSignsScreen)
    kiosk.qtbot.wait(50)  # the screen looks once Qt has laid the signs out
    return screen


def _confirmed(kiosk: Kiosk) -> list[str]:
    record = kiosk.store.get(kiosk.session.record_id)  # type: ignore[arg-type]
    return [c.step_id for c in record.confirmations]


def test_portrait_at_the_largest_text_needs_a_scroll_to_the_last_sign_first(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.window.resize(800, 1280)
    kiosk.hand_over(new_discharge(INJECTION))
    screen = _to_warning_signs(kiosk, "largest")
    bar = screen.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the signs must overflow at this size for this test to mean anything"
    button = kiosk.button("understand")
    assert not button.isEnabled()
    hint = screen.findChild(QLabel, "scroll-hint")
    assert hint is not None and hint.isVisible() and "Scroll down" in hint.text()

    # A tap that gets through anyway (a programmatic click) confirms nothing.
    button.click()
    QApplication.processEvents()
    assert kiosk.walk_kind() is ScreenKind.WARNING_SIGNS
    assert WARNING_SIGNS_ID not in _confirmed(kiosk)

    # Half way down: the last sign is still below the fold.
    last = screen.signs[-1]
    bar.setValue(max(0, last.y() - screen.scroll_area.viewport().height() - 10))
    qtbot.wait(20)
    assert not button.isEnabled()

    moves = kiosk.read_to_end()
    assert moves >= 1
    qtbot.waitUntil(button.isEnabled, timeout=2000)
    assert not hint.isVisible()
    bar.setValue(0)  # back up to re-read: still offered
    qtbot.wait(20)
    assert button.isEnabled()
    kiosk.click("understand")
    assert kiosk.walk_kind() is ScreenKind.ESCORT
    assert WARNING_SIGNS_ID in _confirmed(kiosk)

    # Back to the signs: a new showing, read again from the top.
    kiosk.click("back")
    assert kiosk.walk_kind() is ScreenKind.WARNING_SIGNS
    qtbot.wait(50)
    assert bar.value() == 0 and not kiosk.button("understand").isEnabled()


def test_a_screen_that_shows_every_sign_at_once_offers_i_understand_without_a_scroll(
    qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.window.resize(1280, 1600)
    kiosk.hand_over(new_discharge(BLOCK))
    screen = _to_warning_signs(kiosk, "normal")
    assert screen.scroll_area.verticalScrollBar().maximum() == 0, "everything fits"
    qtbot.waitUntil(kiosk.button("understand").isEnabled, timeout=2000)
    hint = screen.findChild(QLabel, "scroll-hint")
    assert hint is not None and not hint.isVisible()
