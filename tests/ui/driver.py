"""Drives the real kiosk window through a discharge with clicks on the real buttons (pytest-qt).

Everything is real: the window, the controller, the session, SQLite in tmp_path, nurse accounts, the shipped
procedures. Time is fake: ``clock`` (wall time for records and clock times) and ``ticks`` (the idle clock).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import build_flow
from kiosk.config import WardConfig
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.records.nurses import NurseAccounts
from kiosk.ui.controller import Flow
from kiosk.ui.main_window import KioskWindow
from tests.discharge_support import ESCORT_PHONE, library, make_clock, make_store

NURSE = "Nurse Adebayo"
PIN = "2468"
CONFIG = WardConfig(
    ward_name="Ward 5 Day Case Unit",
    trust_name="Example NHS Trust",
    ward_phone="0114 000 0000",
    patient_idle_seconds=120,
    idle_countdown_seconds=30,
    nurse_idle_seconds=300,
)


class Ticks:
    """A monotonic clock that moves only when told (the idle watcher's clock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Kiosk:
    def __init__(self, qtbot: QtBot, tmp_path: Path, config: WardConfig = CONFIG, nurse: bool = True) -> None:
        self.qtbot = qtbot
        self.clock = make_clock()
        self.ticks = Ticks()
        self.store = make_store(tmp_path, self.clock)
        if nurse:
            NurseAccounts(self.store).add(NURSE, PIN)
        self.window = KioskWindow(config)
        # Deleted after the test, so a later test's "nothing of the patient left" check sees only its own kiosk.
        qtbot.addWidget(self.window, before_close_func=lambda window: window.deleteLater())
        self.window.resize(1280, 800)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.flow: Flow = build_flow(self.window, config, self.clock, self.store, library, self.ticks)
        self.session = self.flow.session

    # -- looking -----------------------------------------------------------------------------------------------
    @property
    def screen(self) -> QWidget:
        widget = self.window.stack.currentWidget()
        assert widget is not None
        return widget

    def button(self, name: str) -> QAbstractButton:
        found = [b for b in self.screen.findChildren(QAbstractButton, name) if b.isVisible()]
        assert found, f"no visible button {name!r} on {type(self.screen).__name__}"
        return found[0]

    def click(self, name_or_button: str | QAbstractButton) -> None:
        target = self.button(name_or_button) if isinstance(name_or_button, str) else name_or_button
        assert target.isEnabled(), f"{target.objectName()} is disabled"
        self.qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    def texts(self) -> list[str]:
        """Every text in every widget of this kiosk that exists now (not only the visible screen)."""
        QApplication.processEvents()
        out: list[str] = []
        for widget in QApplication.allWidgets():
            if widget.window() is not self.window:
                continue
            for getter in ("text", "placeholderText", "toolTip", "windowTitle", "accessibleName"):
                value: Any = getattr(widget, getter, None)
                if callable(value):
                    text = value()
                    if isinstance(text, str) and text:
                        out.append(text)
        return out

    def visible_labels(self) -> list[QLabel]:
        return [label for label in self.screen.findChildren(QLabel) if label.isVisible()]

    def walk_kind(self) -> ScreenKind:
        assert self.session.walk is not None
        return self.session.walk.current.kind

    # -- doing -------------------------------------------------------------------------------------------------
    def type_pin(self, pin: str = PIN, name: str = NURSE) -> None:
        assert self.session.stage is Stage.PIN, self.session.stage
        pin_screen = self.flow.pin_screen
        for button in pin_screen.name_buttons:
            if button.text() == name and not button.isChecked():
                self.click(button)
        for digit in pin:
            self.click(pin_screen.keypad.keys[digit])
        self.click(pin_screen.keypad.ok_key)

    def sign_in(self) -> None:
        self.click(self.window.start_screen.nurse_button)
        self.type_pin()

    def type_keypad(self, digits: str) -> None:
        """Type on the keypad overlay that is open now, then press its OK/Done key."""
        from kiosk.ui.keypad import KeypadOverlay

        overlays = [o for o in self.window.findChildren(KeypadOverlay) if o.isVisible()]
        assert overlays, "no keypad open"
        pad = overlays[-1].keypad
        for char in digits:
            key = {"+": "plus", " ": "space"}.get(char, char)
            self.click(pad.keys[key])
        self.click(pad.ok_key)

    def walk_patient(self, escort: bool = True, wrong_first: bool = False) -> None:
        """From the welcome screen to thank you (or to the no-escort screen), clicking the real buttons."""
        self.click("start")
        while True:
            kind = self.walk_kind()
            if kind in (ScreenKind.STEP, ScreenKind.WARNING_SIGNS):
                self.click("understand")
            elif kind is ScreenKind.QUESTION:
                assert self.session.walk is not None
                question = self.session.walk.current.question
                assert question is not None
                if wrong_first:
                    wrong = next(i for i in range(len(question.options)) if i != question.answer)
                    self.click(f"option-{wrong}")
                    self.click("next")
                self.click(f"option-{question.answer}")
                self.click("next")
            elif kind is ScreenKind.ESCORT:
                if not escort:
                    self.click("nobody")
                    return
                self.fill_escort()
                self.click("confirm-escort")
            elif kind is ScreenKind.THANK_YOU:
                return

    def fill_escort(self, name: str = "Ade Smith", relationship: str = "Son", phone: str = ESCORT_PHONE) -> None:
        screen = self.screen
        name_edit = screen.findChild(QLineEdit, "escort-name")
        assert name_edit is not None
        self.qtbot.keyClicks(name_edit, name)
        relationship_edit = screen.findChild(QLineEdit, "escort-relationship")
        assert relationship_edit is not None
        self.qtbot.keyClicks(relationship_edit, relationship)
        self.click("escort-phone")
        self.type_keypad(phone)

    def hand_over(self, new: Any) -> None:
        """Start a discharge as the nurse's form would (the form itself is driven in the full-discharge tests)."""
        self.session.nurse = NURSE
        self.session.discharge_submitted(new)
        assert self.session.stage is Stage.PATIENT

    def fill_new_discharge(
        self,
        procedure_id: str,
        patient: Any,
        factors: Any = frozenset(),
        expired_reason: str = "",
    ) -> None:
        """On the nurse's new-discharge form: tap and type every field, then "Hand to patient"."""
        assert self.session.stage is Stage.NEW_DISCHARGE, self.session.stage
        self.click(f"procedure-{procedure_id}")
        if expired_reason:
            reason = self.screen.findChild(QLineEdit, "expired-reason")
            assert reason is not None and reason.isVisible()
            self.qtbot.keyClicks(reason, expired_reason)
        name = self.screen.findChild(QLineEdit, "patient-name")
        assert name is not None
        self.qtbot.keyClicks(name, patient.name)
        self.click("dob")
        self.type_keypad(patient.date_of_birth.strftime("%d%m%Y"))
        hospital = self.screen.findChild(QLineEdit, "hospital-number")
        assert hospital is not None
        self.qtbot.keyClicks(hospital, patient.hospital_number)
        if patient.nhs_number:
            self.click("nhs")
            self.type_keypad(patient.nhs_number)
        if [b for b in self.screen.findChildren(QAbstractButton, "side-left") if b.isVisible()]:
            self.click("side-left")
            self.click("level-L5")
        for factor in factors:
            self.click(f"factor-{factor.value}")
        self.click("new-submit")
