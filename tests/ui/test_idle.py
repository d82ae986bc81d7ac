"""Idle: touch, mouse and key events all count as activity; an idle patient is asked "Are you still there?",
then every trace of them is wiped from the screen; idle nurse screens lock. Time is a fake clock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.patient.idle_warning import IdleWarningScreen
from tests.discharge_support import INJECTION, PATIENT_A, new_discharge
from tests.ui.driver import CONFIG, Kiosk, Ticks
from tests.ui.filter_spy import spy_on_filter


def make_watcher(qtbot: QtBot, seconds: float = 120) -> tuple[IdleWatcher, Ticks, QWidget]:
    ticks = Ticks()
    watcher = IdleWatcher(clock=ticks)
    target = QWidget()
    qtbot.addWidget(target)
    target.show()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watcher)
    watcher.set_timeout(seconds)
    return watcher, ticks, target


def test_watcher_fires_once_after_the_timeout(qtbot: QtBot) -> None:
    watcher, ticks, _ = make_watcher(qtbot)
    fired: list[bool] = []
    watcher.timed_out.connect(lambda: fired.append(True))
    ticks.advance(119)
    watcher.check()
    assert fired == []
    ticks.advance(1)
    watcher.check()
    watcher.check()
    assert fired == [True]
    QApplication.instance().removeEventFilter(watcher)  # type: ignore[union-attr]


def test_mouse_key_and_touch_events_each_count_as_activity(qtbot: QtBot) -> None:
    """A touchscreen may send only touch events: they must reset the idle time like a click or a key."""
    watcher, ticks, target = make_watcher(qtbot)
    touchscreen = QTest.createTouchDevice()

    def send_touch() -> None:
        # Through the platform layer, as a real touchscreen's events arrive (not synthesised into mouse events).
        QTest.touchEvent(target.windowHandle(), touchscreen).press(0, QPoint(10, 10)).commit()
        QTest.touchEvent(target.windowHandle(), touchscreen).release(0, QPoint(10, 10)).commit()

    actions = {
        "mouse": lambda: qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(5, 5)),
        "key": lambda: QApplication.sendEvent(
            target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        ),
        "touch": send_touch,
    }
    for name, act in actions.items():
        ticks.advance(100)
        assert watcher.idle_seconds() >= 100
        act()
        assert watcher.idle_seconds() == 0, f"{name} did not count as activity"
    QApplication.instance().removeEventFilter(watcher)  # type: ignore[union-attr]


def test_a_text_size_change_skips_the_idle_filter_and_the_next_touch_counts(qtbot: QtBot, tmp_path: Path) -> None:
    """A restyle sends each widget about 17 events and none of them is input: the watcher is off the
    application's events meanwhile (a quarter to a half of the wait after a tap on a size), and back on after."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION, patient=PATIENT_A))
    watcher = kiosk.flow.idle
    seen = spy_on_filter(watcher)
    for size in ("largest", "large", "normal"):
        kiosk.flow._text_size(size)
        assert kiosk.flow.theme_choice.size.value == size
        assert seen == [], f"the restyle to {size} went through the idle filter: {len(seen)} events"
    kiosk.ticks.advance(100)
    assert watcher.idle_seconds() >= 100
    touchscreen = QTest.createTouchDevice()
    window = kiosk.window.windowHandle()
    QTest.touchEvent(window, touchscreen).press(0, QPoint(40, 40)).commit()
    QTest.touchEvent(window, touchscreen).release(0, QPoint(40, 40)).commit()
    assert QEvent.Type.TouchBegin in seen, "the watcher is on the application's events again"
    assert watcher.idle_seconds() == 0, "a touch after the restyle counts as activity"


def walk_a_little(kiosk: Kiosk) -> None:
    kiosk.hand_over(new_discharge(INJECTION, patient=PATIENT_A))
    kiosk.click("start")
    kiosk.understand()
    kiosk.understand()


def test_idle_patient_sees_are_you_still_there_and_can_carry_on(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    walk_a_little(kiosk)
    before = kiosk.session.walk.current  # type: ignore[union-attr]
    kiosk.ticks.advance(CONFIG.patient_idle_seconds)
    kiosk.flow.idle.check()
    assert isinstance(kiosk.screen, IdleWarningScreen)
    countdown = kiosk.screen.findChild(QLabel, "countdown")
    assert countdown is not None and countdown.text() == "30 seconds"
    kiosk.ticks.advance(12)
    kiosk.flow.tick_countdown()
    assert countdown.text() == "18 seconds"
    kiosk.click("still-here")
    assert kiosk.session.stage is Stage.PATIENT and kiosk.session.walk.current == before  # type: ignore[union-attr]
    kiosk.ticks.advance(CONFIG.idle_countdown_seconds + 1)
    kiosk.flow.tick_countdown()
    assert kiosk.session.stage is Stage.PATIENT, "the countdown stopped when the patient answered"


def patient_details(new) -> list[str]:  # type: ignore[no-untyped-def]
    patient = new.patient
    first = patient.first_name
    return [patient.name, first, patient.hospital_number, patient.nhs_number or first, "Ade Smith", "07700"]


def test_idle_countdown_wipes_every_trace_of_the_patient(qtbot: QtBot, tmp_path: Path) -> None:
    """After the countdown: no widget text, no input field, not the clipboard nor the session holds the
    patient's details; what they confirmed is still in the database (H3, H6, H8)."""
    kiosk = Kiosk(qtbot, tmp_path)
    new = new_discharge(INJECTION, patient=PATIENT_A)
    kiosk.hand_over(new)
    record_id = kiosk.session.record_id
    kiosk.walk_to_escort()
    # The patient starts typing their escort, then walks away; someone copied the name.
    edit = kiosk.screen.findChild(QLineEdit, "escort-name")
    assert edit is not None
    qtbot.keyClicks(edit, "Ade Smith")
    kiosk.click("escort-phone")
    QGuiApplication.clipboard().setText(PATIENT_A.name)
    details = patient_details(new)
    assert any(PATIENT_A.first_name in text for text in kiosk.texts())

    kiosk.ticks.advance(CONFIG.patient_idle_seconds)
    kiosk.flow.idle.check()
    kiosk.ticks.advance(CONFIG.idle_countdown_seconds)
    kiosk.flow.tick_countdown()

    assert kiosk.session.stage is Stage.LOCKED
    assert kiosk.screen is kiosk.window.start_screen
    texts = kiosk.texts()
    for detail in details:
        assert not [t for t in texts if detail in t], f"{detail!r} still on a widget"
    for edit in QApplication.allWidgets():
        if isinstance(edit, QLineEdit):
            assert edit.text() == "" and not edit.isUndoAvailable()
    assert QGuiApplication.clipboard().text() == ""
    session = kiosk.session
    assert (session.walk, session.record_id, session.procedure, session.nurse) == (None, None, None, None)
    assert not [v for v in vars(session).values() if isinstance(v, str) and any(d in v for d in details)]
    assert kiosk.flow.patient_screens == {}
    record = kiosk.store.get(record_id)  # type: ignore[arg-type]
    assert len(record.confirmed_step_ids) >= 3 and record.answers


def test_idle_nurse_screen_locks(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.click(kiosk.window.start_screen.nurse_button)
    assert kiosk.session.stage is Stage.PIN
    kiosk.ticks.advance(CONFIG.nurse_idle_seconds - 1)
    kiosk.flow.idle.check()
    assert kiosk.session.stage is Stage.PIN
    kiosk.ticks.advance(1)
    kiosk.flow.idle.check()
    assert kiosk.session.stage is Stage.LOCKED and kiosk.screen is kiosk.window.start_screen
