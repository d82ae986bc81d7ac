"""Issue 13 F3 on screen: a good sign-in with a PIN shorter than 6 digits asks for a new PIN before anything else."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from kiosk.records import SignInStatus
from kiosk.ui.nurse.new_pin import NewPinScreen
from tests.security.test_pins import add_old_account
from tests.ui.driver import Kiosk

OLD_PIN = "2580"
NEW_PIN = "407193"


def type_new_pin(kiosk: Kiosk, pin: str) -> None:
    screen = kiosk.screen
    assert isinstance(screen, NewPinScreen)
    for digit in pin:
        kiosk.click(screen.keypad.keys[digit])
    kiosk.click(screen.keypad.ok_key)


def test_a_short_pin_signs_in_then_the_nurse_chooses_a_new_one(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path, nurse=False)
    add_old_account(kiosk.store, "Nurse Adebayo", OLD_PIN)
    kiosk.click(kiosk.window.start_screen.nurse_button)
    kiosk.type_pin(OLD_PIN)
    assert kiosk.session.stage is Stage.NEW_PIN and isinstance(kiosk.screen, NewPinScreen)
    assert kiosk.session.nurse is None
    kiosk.screen.grab().save(str(tmp_path / "new-pin.png"))
    type_new_pin(kiosk, "123456")
    assert "Too easy to guess" in kiosk.screen.error.text()  # type: ignore[attr-defined]
    type_new_pin(kiosk, NEW_PIN)
    assert kiosk.screen.pin_caption.text() == "The same PIN again"  # type: ignore[attr-defined]
    type_new_pin(kiosk, "407139")
    assert "different" in kiosk.screen.error.text()  # type: ignore[attr-defined]
    type_new_pin(kiosk, NEW_PIN)
    type_new_pin(kiosk, NEW_PIN)
    assert kiosk.session.stage is Stage.NURSE_HOME, kiosk.flow.notice.text()
    assert kiosk.accounts.verify("Nurse Adebayo", OLD_PIN).status is SignInStatus.WRONG
    assert kiosk.accounts.verify("Nurse Adebayo", NEW_PIN).ok


def test_cancel_on_the_new_pin_screen_goes_back_locked(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path, nurse=False)
    add_old_account(kiosk.store, "Nurse Adebayo", OLD_PIN)
    kiosk.click(kiosk.window.start_screen.nurse_button)
    kiosk.type_pin(OLD_PIN)
    kiosk.click("new-pin-cancel")
    assert kiosk.session.stage is Stage.LOCKED and kiosk.session.nurse is None


def test_another_nurse_unlocks_a_locked_out_colleague_from_the_home_screen(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.records.nurses import MAX_WRONG_PER_DAY
    from tests.ui.driver import NURSE

    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.accounts.add("Sam Patel", "864207")
    for _ in range(MAX_WRONG_PER_DAY):
        kiosk.accounts.verify("Sam Patel", "111111")
        kiosk.clock.advance(minutes=30)
    assert kiosk.accounts.verify("Sam Patel", "864207").status is SignInStatus.LOCKED_OUT
    kiosk.sign_in()
    assert kiosk.session.stage is Stage.NURSE_HOME and kiosk.session.nurse == NURSE
    assert kiosk.screen.locked_caption.isVisible()  # type: ignore[attr-defined]
    kiosk.screen.grab().save(str(tmp_path / "home-locked.png"))
    kiosk.click("home-unlock-0")
    assert kiosk.session.stage is Stage.NURSE_HOME
    assert not kiosk.screen.locked_caption.isVisible()  # type: ignore[attr-defined]
    assert kiosk.accounts.verify("Sam Patel", "864207").ok


def test_the_slow_pin_check_runs_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    """scrypt at the production cost takes about 0.3 s: the screen keeps running meanwhile (no frozen pad)."""
    from PySide6.QtCore import QTimer

    from kiosk.records import NurseAccounts
    from tests.ui.driver import NURSE, PIN

    kiosk = Kiosk(qtbot, tmp_path, nurse=False)
    production = NurseAccounts(kiosk.store)  # the app's own cost, not the test suite's cheap one
    production.add(NURSE, PIN)
    kiosk.session.accounts = production
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    kiosk.click(kiosk.window.start_screen.nurse_button)
    pin_screen = kiosk.flow.pin_screen
    for digit in PIN:
        kiosk.click(pin_screen.keypad.keys[digit])
    timer.start()
    kiosk.click(pin_screen.keypad.ok_key)
    assert kiosk.flow.checking_pin and not pin_screen.keypad.isEnabled()
    assert pin_screen.pin_caption.text() == "Checking your PIN..."
    qtbot.waitUntil(lambda: not kiosk.flow.checking_pin, timeout=10_000)
    timer.stop()
    assert kiosk.session.stage is Stage.NURSE_HOME
    assert len(ticks) >= 5, f"the event loop ran only {len(ticks)} times during the check"
