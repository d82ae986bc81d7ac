"""First start: the first nurse sets up a name and a PIN typed twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.ui.nurse.first_nurse import FirstNurseScreen


def make_screen(qtbot: QtBot) -> FirstNurseScreen:
    screen = FirstNurseScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def enter_pin(qtbot: QtBot, screen: FirstNurseScreen, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(screen.keypad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.ok_key, Qt.MouseButton.LeftButton)


def test_name_and_the_same_pin_twice_create_the_nurse(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    qtbot.keyClicks(screen.name_edit, "  Sam   Taylor, RN ")
    enter_pin(qtbot, screen, "258036")
    assert "again" in screen.pin_caption.text()
    with qtbot.waitSignal(screen.nurse_created, timeout=1000) as blocker:
        enter_pin(qtbot, screen, "258036")
    assert blocker.args == ["Sam Taylor, RN", "258036", ""]
    assert screen.keypad.text() == ""
    assert "again" not in screen.pin_caption.text()


def test_different_pins_start_the_pin_again(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    qtbot.keyClicks(screen.name_edit, "Sam Taylor")
    enter_pin(qtbot, screen, "258036")
    with qtbot.assertNotEmitted(screen.nurse_created):
        enter_pin(qtbot, screen, "258037")
    assert screen.error.isVisible()
    assert "different" in screen.error.text()
    assert "again" not in screen.pin_caption.text()


def test_a_guessable_or_short_pin_is_refused_at_once(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    qtbot.keyClicks(screen.name_edit, "Sam Taylor")
    enter_pin(qtbot, screen, "123456")
    assert screen.error.isVisible() and "guess" in screen.error.text()
    enter_pin(qtbot, screen, "258")
    assert "6 to 8 digits" in screen.error.text()
    assert "again" not in screen.pin_caption.text()


def test_a_missing_name_is_shown_next_to_the_name(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    enter_pin(qtbot, screen, "258036")
    with qtbot.assertNotEmitted(screen.nurse_created):
        enter_pin(qtbot, screen, "258036")
    assert screen.name_field.error_text()
    qtbot.keyClicks(screen.name_edit, "Sam Taylor")
    with qtbot.waitSignal(screen.nurse_created, timeout=1000) as blocker:
        enter_pin(qtbot, screen, "258036")
    assert blocker.args == ["Sam Taylor", "258036", ""]


def test_start_again_and_store_errors(qtbot: QtBot, tmp_path: Path) -> None:
    screen = make_screen(qtbot)
    qtbot.keyClicks(screen.name_edit, "Sam Taylor")
    enter_pin(qtbot, screen, "258036")
    assert screen.start_again.isVisible()
    qtbot.mouseClick(screen.start_again, Qt.MouseButton.LeftButton)
    assert "again" not in screen.pin_caption.text()
    screen.show_error("A nurse called Sam Taylor already exists.")
    assert screen.error.text() == "A nurse called Sam Taylor already exists."
    assert screen.height() == 800
    assert screen.grab().save(str(tmp_path / "first-nurse.png"))
    screen.clear()
    assert screen.name_edit.text() == "" and not screen.error.isVisible()


def test_the_real_kiosk_sets_up_the_first_nurse_only_with_the_code(qtbot: QtBot, tmp_path: Path) -> None:
    """F1 on the real window: a never-used kiosk asks for IT's code; a wrong code is said on the set-up screen."""
    import io

    from kiosk.discharge.session import Stage
    from kiosk.records.first_nurse import FirstNurseSetup
    from tests.ui.driver import Kiosk

    kiosk = Kiosk(qtbot, tmp_path, nurse=False)
    setup = FirstNurseSetup(kiosk.store, console=io.StringIO())
    kiosk.session.first_nurse = setup
    code = setup.issue()
    assert code is not None
    kiosk.click(kiosk.window.start_screen.nurse_button)
    assert kiosk.session.stage is Stage.FIRST_NURSE
    screen = kiosk.screen
    assert isinstance(screen, FirstNurseScreen)
    kiosk.type_text(screen.code_edit, "999999999999")
    kiosk.type_text(screen.name_edit, "Sam Taylor")
    enter_pin(qtbot, screen, "258036")
    enter_pin(qtbot, screen, "258036")
    assert kiosk.session.stage is Stage.FIRST_NURSE and "not right" in screen.error.text()
    assert not kiosk.session.accounts.list()
    screen.code_edit.clear()
    kiosk.type_text(screen.code_edit, code)
    enter_pin(qtbot, screen, "258036")
    enter_pin(qtbot, screen, "258036")
    assert kiosk.session.stage is Stage.NURSE_HOME and kiosk.session.nurse == "Sam Taylor"


def test_no_active_account_says_ask_ward_it_and_offers_no_set_up(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.discharge.session import Stage
    from kiosk.ui.nurse.pin import NO_NURSE_MESSAGE
    from tests.ui.driver import NURSE, Kiosk

    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.session.accounts.disable(NURSE)
    kiosk.click(kiosk.window.start_screen.nurse_button)
    assert kiosk.session.stage is Stage.PIN
    pin = kiosk.flow.pin_screen
    assert pin.no_names.isVisible() and pin.no_names.text() == NO_NURSE_MESSAGE
    assert "No nurse can sign in on this kiosk: ask ward IT" in NO_NURSE_MESSAGE
    assert not pin.keypad.isEnabled() and not pin.name_buttons
    assert kiosk.window.grab().save(str(tmp_path / "no-nurse.png"))
    kiosk.click(pin.cancel_button)
    assert kiosk.session.stage is Stage.LOCKED
