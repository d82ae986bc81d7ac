"""One channel for the logic's messages to the nurse: a ``KioskError`` raised in a slot, shown by
``Flow.show_nurse_message`` on the screen's own message line (the PIN pads) or else in the notice bar."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.discharge.session import PinRefused, SessionError, Stage
from kiosk.records import SignInStatus
from kiosk.records.nurses import SignInResult
from kiosk.ui.controller import nurse_text
from kiosk.ui.nurse.new_pin import NewPinScreen
from tests.security.test_pins import add_old_account
from tests.ui.driver import Kiosk
from tests.ui.nurse.test_new_pin import NEW_PIN, OLD_PIN, type_new_pin


def test_a_records_error_on_the_new_pin_screen_is_said_there_and_the_nurse_can_try_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """It used to be taken for a bug: "please ask a nurse" on the error screen, the sign-in thrown away."""
    kiosk = Kiosk(qtbot, tmp_path, nurse=False)
    add_old_account(kiosk.store, "Nurse Adebayo", OLD_PIN)
    kiosk.click(kiosk.window.start_screen.nurse_button)
    kiosk.type_pin(OLD_PIN)
    assert kiosk.session.stage is Stage.NEW_PIN
    kiosk.store.connection.execute("PRAGMA query_only = ON")  # what SQLite reports for a read-only file
    type_new_pin(kiosk, NEW_PIN)
    type_new_pin(kiosk, NEW_PIN)
    screen = kiosk.screen
    assert kiosk.session.stage is Stage.NEW_PIN and isinstance(screen, NewPinScreen)
    assert screen.error.isVisible() and "read-only" in screen.error.text(), screen.error.text()
    assert kiosk.flow.notice.text() == ""  # said once, beside the pad
    assert screen.keypad.text() == "" and screen.pin_caption.text() != "The same PIN again"  # starts again
    kiosk.store.connection.execute("PRAGMA query_only = OFF")
    type_new_pin(kiosk, NEW_PIN)
    type_new_pin(kiosk, NEW_PIN)
    assert kiosk.session.stage is Stage.NURSE_HOME
    assert kiosk.accounts.verify("Nurse Adebayo", NEW_PIN).ok


def test_a_message_on_a_nurse_screen_without_its_own_line_goes_to_the_notice_bar(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.click(kiosk.window.start_screen.nurse_button)
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.NURSE_HOME

    def refuse() -> None:
        raise SessionError("This discharge is already finished", "reprint it from the list if needed")

    kiosk.flow.slot(refuse)()
    assert kiosk.flow.notice.text() == "This discharge is already finished: reprint it from the list if needed."
    assert kiosk.session.stage is Stage.NURSE_HOME


def test_a_refused_pin_is_a_kiosk_error_whose_text_is_the_pin_screens_message() -> None:
    result = SignInResult(SignInStatus.WRONG, "Sam Patel", attempts_left=3)
    refused = PinRefused(result)
    assert nurse_text(refused) == result.message() == "That PIN is not right. 3 tries left before the account locks."
    assert refused.result is result


def test_the_nurse_text_joins_title_and_hint_without_doubled_stops() -> None:
    assert nurse_text(SessionError("Checking the PIN is taking too long", "try again in a moment")) == (
        "Checking the PIN is taking too long: try again in a moment."
    )
    assert nurse_text(SessionError("That set-up code is not right", "Ask ward IT for the code.")) == (
        "That set-up code is not right: Ask ward IT for the code."
    )
    assert nurse_text(SessionError("Please give a reason.", "It goes on the record.")) == (
        "Please give a reason. It goes on the record."
    )
