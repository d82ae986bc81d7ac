"""The nurse's home says "records not sent to the central store since HH:MM" once the backlog is too old.

A real sender against a server that is not there (a closed port), the real window and the real sign-in.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from kiosk.records.central.problems import CentralProblem
from kiosk.records.central.sender import CentralSender
from kiosk.records.central.settings import CentralSettings
from tests.ui.driver import CONFIG, Kiosk

NOWHERE = CentralSettings("A1", "127.0.0.1", 9, "nowhere", "kiosk_a1", sslmode="disable", connect_timeout_seconds=1)


def test_an_old_backlog_is_shown_on_the_nurse_home(qtbot: QtBot, tmp_path: Path) -> None:
    config = replace(CONFIG, unsent_warning_minutes=15)
    kiosk = Kiosk(qtbot, tmp_path, config)  # adding the nurse committed the first fact, at the clock's start
    committed = kiosk.clock.now()
    sender = CentralSender(kiosk.store.path, NOWHERE, kiosk.clock)
    try:
        try:
            sender.send_pending()
        except CentralProblem:
            pass
        kiosk.flow.central_status = sender.status
        kiosk.clock.advance(minutes=10)
        kiosk.sign_in()
        assert kiosk.session.stage is Stage.NURSE_HOME
        home = kiosk.flow.nurse_screens[Stage.NURSE_HOME]
        assert not home.central_warning.isVisible()  # type: ignore[attr-defined]
        kiosk.click("home-lock")
        kiosk.clock.advance(minutes=10)  # now 20 minutes since the oldest unsent record
        kiosk.sign_in()
        home = kiosk.flow.nurse_screens[Stage.NURSE_HOME]
        assert home.central_warning.isVisible()  # type: ignore[attr-defined]
        expected = f"Records not sent to the central store since {committed:%H:%M}"
        assert home.central_warning.text() == expected  # type: ignore[attr-defined]
        shots = Path("/tmp/central-shots")
        if shots.is_dir():  # for a person to look at: mkdir /tmp/central-shots before the run
            kiosk.window.grab().save(str(shots / "home-warning.png"))
    finally:
        sender.stop()


def test_no_central_store_no_warning(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.clock.advance(days=1)
    kiosk.sign_in()
    home = kiosk.flow.nurse_screens[Stage.NURSE_HOME]
    assert not home.central_warning.isVisible()  # type: ignore[attr-defined]
