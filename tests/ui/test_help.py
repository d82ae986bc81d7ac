"""Issue 12 item 7 on the real window: "I need help" on every patient screen, the alert, the PIN, the resume."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.config import parse_config
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.ui.help_alert import SoundState
from kiosk.ui.patient.help_screen import SOUND_UNAVAILABLE, HelpScreen
from tests.discharge_support import BLOCK, new_discharge
from tests.ui.driver import CONFIG, NURSE, Kiosk


def test_every_patient_screen_has_i_need_help(qtbot: QtBot, tmp_path: Path) -> None:
    """On every patient screen (welcome, each step, question, answer feedback, escort, warning signs, "Are you
    still there?", thank you, "nobody is staying"), "I need help" says so, calls (no PIN pad: the old banner
    button "Nurse" opened one), and after the nurse's PIN the same screen is back."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    seen: list[str] = []

    def call_and_answer(where: str) -> None:
        seen.append(where)
        page, key = kiosk.screen, kiosk.session.walk.current.key if kiosk.session.walk else ""
        help_button = kiosk.button("help")
        assert help_button.text() == "I need help" and help_button.isVisible(), where
        assert not [b for b in kiosk.screen.findChildren(QPushButton, "banner-nurse") if b.isVisible()], where
        kiosk.click(help_button)
        assert kiosk.session.stage is Stage.HELP and isinstance(kiosk.screen, HelpScreen), where
        kiosk.click("help-answer")
        kiosk.type_pin()
        assert kiosk.screen is page, where
        assert (kiosk.session.walk.current.key if kiosk.session.walk else "") == key, where

    call_and_answer("welcome")
    kiosk.click("start")
    asked_idle = False
    while kiosk.walk_kind() is not ScreenKind.THANK_YOU:
        walk = kiosk.session.walk
        assert walk is not None
        call_and_answer(walk.current.key)
        if walk.current.kind is ScreenKind.QUESTION:
            assert walk.current.question is not None
            kiosk.click(f"option-{walk.current.question.answer}")
            call_and_answer(f"{walk.current.key} answered")
            kiosk.click("next")
        elif walk.current.kind is ScreenKind.ESCORT:
            kiosk.fill_escort()
            kiosk.click("confirm-escort")
        else:
            if not asked_idle:
                asked_idle = True
                kiosk.ticks.advance(CONFIG.patient_idle_seconds + 1)
                kiosk.flow.idle.check()
                idle_page = kiosk.screen
                assert kiosk.button("still-here").isVisible()
                kiosk.click("help")  # from "Are you still there?": the countdown stops, the call is made
                assert kiosk.session.stage is Stage.HELP
                kiosk.ticks.advance(CONFIG.idle_countdown_seconds + 60)
                kiosk.flow.tick_countdown()
                assert kiosk.session.stage is Stage.HELP and kiosk.session.walk is walk
                kiosk.click("help-answer")
                kiosk.type_pin()
                assert kiosk.screen is not idle_page and kiosk.session.walk is walk
                seen.append("are you still there")
            kiosk.understand()
    call_and_answer("thank you")
    assert any(s.startswith("question") for s in seen) and "escort" in seen and "are you still there" in seen

    kiosk.session.lock()
    kiosk.sign_in()
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.walk_to_escort()
    kiosk.click("nobody")
    assert kiosk.session.stage is Stage.NO_ESCORT
    call_and_answer("nobody is staying")
    assert kiosk.session.stage is Stage.NO_ESCORT


# The suite's own process has no sound server (tests/conftest.py points PulseAudio at nothing, so the result is
# the same on every machine): Qt Multimedia says so once, and pyproject.toml's qt_log_ignore lets that one warning
# through for every test. The chime on a real audio server is tests/ui/test_help_sound.py (a PulseAudio null sink).
def test_help_alerts_until_a_nurse_pin_then_the_escort_screen_is_as_the_patient_left_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.walk_to_escort()
    name = kiosk.screen.findChild(QLineEdit, "escort-name")
    assert name is not None
    kiosk.type_text(name, "Ade Smith")
    escort_page = kiosk.screen
    record_id = kiosk.session.record_id
    assert record_id is not None

    kiosk.click("help")
    assert kiosk.session.stage is Stage.HELP
    assert isinstance(kiosk.screen, HelpScreen)
    assert kiosk.screen.title.text() == "A nurse is on the way"
    assert kiosk.screen.geometry() == kiosk.window.stack.geometry().translated(
        -kiosk.window.stack.x(), -kiosk.window.stack.y()
    )
    alert = kiosk.flow.help_alert
    assert alert is not None and alert.running
    flashes = [kiosk.screen.property("bright")]
    qtbot.wait(800)
    flashes.append(kiosk.screen.property("bright"))
    assert flashes[0] != flashes[1], "the screen flashes"
    # No audio output here: the alert is visible only, and the screen says so for the nurse.
    assert alert.sound is SoundState.UNAVAILABLE and alert.effect is None
    assert kiosk.screen.sound_note.isVisible()
    assert kiosk.screen.sound_note.text() == SOUND_UNAVAILABLE
    assert [h.kind for h in kiosk.store.get(record_id).help_calls] == ["requested"]
    # The patient waits: no idle wipe while the call is open.
    kiosk.ticks.advance(CONFIG.patient_idle_seconds + CONFIG.idle_countdown_seconds + 60)
    kiosk.flow.idle.check()
    assert kiosk.session.stage is Stage.HELP

    kiosk.click("help-answer")
    assert kiosk.session.stage is Stage.PIN
    assert alert.running, "only a nurse's PIN clears the alert: the PIN pad alone does not"
    # The PIN pad left untouched goes back to the call, never to a lock that wipes the patient's walk.
    kiosk.ticks.advance(CONFIG.nurse_idle_seconds + 1)
    kiosk.flow.idle.check()
    assert kiosk.session.stage is Stage.HELP and alert.running
    kiosk.click("help-answer")
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.PATIENT
    assert kiosk.screen is escort_page
    assert name.text() == "Ade Smith", "the walk resumes exactly where it was"
    assert not alert.running
    assert kiosk.session.nurse is None
    calls = kiosk.store.get(record_id).help_calls
    assert [(h.kind, h.nurse_name) for h in calls] == [("requested", ""), ("answered", NURSE)]


def test_a_call_waits_for_a_locked_database_without_freezing_the_alert(qtbot: QtBot, tmp_path: Path) -> None:
    """Another program holds the write lock: "A nurse is on the way" shows at once, the call is saved after."""
    import sqlite3

    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    record_id = kiosk.session.record_id
    assert record_id is not None
    other = sqlite3.connect(kiosk.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        kiosk.click("help")
        assert kiosk.session.stage is Stage.HELP and isinstance(kiosk.screen, HelpScreen)
        assert kiosk.flow.help_alert is not None and kiosk.flow.help_alert.running
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: len(kiosk.store.get(record_id).help_calls) == 1, timeout=15_000)
    assert kiosk.session.stage is Stage.HELP


def test_the_ward_can_turn_the_chime_off(qtbot: QtBot, tmp_path: Path) -> None:
    config = replace(CONFIG, help_sound=False)
    kiosk = Kiosk(qtbot, tmp_path, config=config)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("help")
    alert = kiosk.flow.help_alert
    assert alert is not None and alert.running and alert.effect is None
    assert parse_config({"help": {"sound": False}}).help_sound is False
    assert parse_config({}).help_sound is True
