"""Drives the real kiosk window through a discharge with clicks on the real buttons (pytest-qt).

Everything is real: the window, the controller, the session, SQLite in tmp_path, nurse accounts, the shipped
procedures. Time is fake: ``clock`` (wall time for records and clock times) and ``ticks`` (the idle clock).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import build_flow
from kiosk.config import WardConfig
from kiosk.content.loader import Library
from kiosk.demo import TEST_QUEUE, WindowDriver
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.ui.controller import Flow
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.read_aloud import ReadAloud
from tests.discharge_support import ESCORT_PHONE, library, make_clock, make_store
from tests.pins import accounts

NURSE = "Nurse Adebayo"
PIN = "730519"
CONFIG = WardConfig(
    ward_name="Ward 5 Day Case Unit",
    trust_name="Example NHS Trust",
    ward_phone="0114 000 0000",
    patient_idle_seconds=120,
    idle_countdown_seconds=30,
    nurse_idle_seconds=300,
    # The shipped Sheffield content is a DRAFT: these tests run as a training kiosk that allows drafts (each
    # needs the nurse's reason, as an expired leaflet does); refusal is tested on its own.
    allow_drafts=True,
)


class Ticks:
    """A monotonic clock that moves only when told (the idle watcher's clock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Kiosk(WindowDriver):
    """The demo's window driver (``kiosk.demo.WindowDriver``) with real mouse clicks and input-method typing."""

    def __init__(
        self,
        qtbot: QtBot,
        tmp_path: Path,
        config: WardConfig = CONFIG,
        nurse: bool = True,
        read_aloud: ReadAloud | None = None,
        print_server: str | None = None,
        content: Callable[[], Library] | None = None,
    ) -> None:
        """``content``: the procedures (default: the shipped ones, as the kiosk loads them)."""
        self.qtbot = qtbot
        self.clock = make_clock()
        self.ticks = Ticks()
        self.store = make_store(tmp_path, self.clock)
        self.accounts = accounts(self.store)
        if nurse:
            self.accounts.add(NURSE, PIN)
        self.window = KioskWindow(config)
        # Deleted after the test, so a later test's "nothing of the patient left" check sees only its own kiosk.
        qtbot.addWidget(self.window, before_close_func=lambda window: window.deleteLater())
        self.window.resize(1280, 800)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.flow: Flow = build_flow(
            self.window,
            config,
            self.clock,
            self.store,
            content or library,
            self.ticks,
            read_aloud=read_aloud,
            accounts=self.accounts,
            print_server=print_server,
        )
        self.session = self.flow.session

    @classmethod
    def around(cls, qtbot: Any, window: KioskWindow, flow: Flow, clock: Any, ticks: Ticks, store: Any) -> Kiosk:
        """A driver for a window and controller built elsewhere (the memory benchmark builds them as
        ``run_kiosk`` does, in a process of its own)."""
        kiosk = cls.__new__(cls)
        kiosk.qtbot, kiosk.window, kiosk.flow, kiosk.session = qtbot, window, flow, flow.session
        kiosk.clock, kiosk.ticks, kiosk.store = clock, ticks, store
        return kiosk

    # -- looking -----------------------------------------------------------------------------------------------
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
    def type_text(self, widget: QWidget, text: str) -> None:
        """Type as the Qt Virtual Keyboard does: each character committed through an input-method event
        (QTest key clicks cannot type letters such as "ś")."""
        from PySide6.QtGui import QInputMethodEvent

        widget.setFocus()
        for char in text:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)

    def type_pin(self, pin: str = PIN, name: str = NURSE) -> None:
        assert self.session.stage is Stage.PIN, self.session.stage
        pin_screen = self.flow.pin_screen
        for button in pin_screen.name_buttons:
            if button.text() == name and not button.isChecked():
                self.click(button)
        for digit in pin:
            self.click(pin_screen.keypad.keys[digit])
        self.click(pin_screen.keypad.ok_key)
        self.qtbot.waitUntil(lambda: not self.flow.checking_pin, timeout=10_000)  # checked off the GUI thread

    def take_back(self) -> None:
        """The patient is done: "Nurse: take the tablet back", then the nurse's PIN opens the review (F9)."""
        self.click("action")
        assert self.session.stage is Stage.PIN, self.session.stage
        self.type_pin()
        assert self.session.stage is Stage.REVIEW, self.session.stage

    def sign_in(self) -> None:
        self.click(self.window.start_screen.nurse_button)
        self.type_pin()

    def type_keypad(self, digits: str) -> None:
        """Type on the keypad overlay that is open now, then press its OK/Done key."""
        pad: Any = self.open_keypad()
        for char in digits:
            self.click(pad.keys[self.key_name(char)])
        self.click(pad.ok_key)

    def walk_patient(self, escort: bool = True, wrong_first: bool = False, wrong_twice: bool = False) -> None:
        """From the welcome screen to thank you (or to the no-escort screen), clicking the real buttons;
        ``wrong_twice`` leaves every check question still wrong for the nurse to go over (F9)."""
        self.click("start")
        while True:
            kind = self.walk_kind()
            if kind in (ScreenKind.STEP, ScreenKind.WARNING_SIGNS):
                self.understand()
            elif kind is ScreenKind.QUESTION:
                assert self.session.walk is not None
                question = self.session.walk.current.question
                assert question is not None
                wrong = next(i for i in range(len(question.options)) if i != question.answer)
                for _ in range(2 if wrong_twice else 1 if wrong_first else 0):
                    self.click(f"option-{wrong}")
                    self.click("next")
                if not wrong_twice:
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

    def walk_to_escort(self) -> None:
        """From the welcome screen to the escort screen, confirming every step and answering right first time."""
        self.click("start")
        while self.walk_kind() is not ScreenKind.ESCORT:
            if self.walk_kind() is ScreenKind.QUESTION:
                assert self.session.walk is not None
                question = self.session.walk.current.question
                assert question is not None
                self.click(f"option-{question.answer}")
                self.click("next")
            else:
                self.understand()

    def understand(self) -> None:
        """ "I understand" on a step, or on the warning signs after scrolling to the last one."""
        if self.walk_kind() is ScreenKind.WARNING_SIGNS:
            self.read_signs()
        self.click("understand")

    def read_signs(self) -> None:
        """Scroll the warning signs to the last one, as a patient does, and wait for "I understand"."""
        self.read_to_end()
        self.qtbot.waitUntil(lambda: self.button("understand").isEnabled(), timeout=5_000)

    def fill_escort(self, name: str = "Ade Smith", relationship: str = "Son", phone: str = ESCORT_PHONE) -> None:
        screen = self.screen
        name_edit = screen.findChild(QLineEdit, "escort-name")
        assert name_edit is not None
        self.type_text(name_edit, name)
        relationship_edit = screen.findChild(QLineEdit, "escort-relationship")
        assert relationship_edit is not None
        self.type_text(relationship_edit, relationship)
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
        language: str = "",
    ) -> None:
        """On the nurse's new-discharge form: tap and type every field, then "Hand to patient"."""
        assert self.session.stage is Stage.NEW_DISCHARGE, self.session.stage
        self.click(f"procedure-{procedure_id}")
        if expired_reason:
            reason = self.screen.findChild(QLineEdit, "expired-reason")
            assert reason is not None and reason.isVisible()
            self.type_text(reason, expired_reason)
        name = self.screen.findChild(QLineEdit, "patient-name")
        assert name is not None
        self.type_text(name, patient.name)
        self.click("dob")
        self.type_keypad(patient.date_of_birth.strftime("%d%m%Y"))
        hospital = self.screen.findChild(QLineEdit, "hospital-number")
        assert hospital is not None
        self.type_text(hospital, patient.hospital_number)
        if patient.nhs_number:
            self.click("nhs")
            self.type_keypad(patient.nhs_number)
        if [b for b in self.screen.findChildren(QAbstractButton, "side-left") if b.isVisible()]:
            self.click("side-left")
            self.click("level-L5")
        for factor in factors:
            self.click(f"factor-{factor.value}")
        if language:
            self.click(f"preset-language-{language}")
        self.click("new-submit")

    def give_reason(self, text: str) -> None:
        assert self.session.stage is Stage.REASON
        edit = self.screen.findChild(QLineEdit, "reason-text")
        assert edit is not None
        self.type_text(edit, text)
        self.click("reason-save")

    def button_in_row(self, record_id: str, name: str) -> QAbstractButton:
        row = self.screen.findChild(QWidget, f"row-{record_id}")
        assert row is not None, f"no row for {record_id} on {type(self.screen).__name__}"
        found = row.findChild(QAbstractButton, name)
        assert found is not None and found.isVisible(), f"no {name} on the row of {record_id}"
        return found

    def review_and_sign_off(self) -> None:
        """Tick every checklist item on the review screen, sign off, type the PIN."""
        from PySide6.QtWidgets import QCheckBox

        assert self.session.stage is Stage.REVIEW, self.session.stage
        for box in self.screen.findChildren(QCheckBox):
            if box.objectName().startswith("check-") and not box.isChecked():
                self.click(box)
        self.click("review-sign-off")
        self.type_pin()
        assert self.session.stage is Stage.PRINT, (self.session.stage, self.flow.notice.text())
        # The sheet is built off the GUI thread: wait until the print screen shows it.
        self.qtbot.waitUntil(lambda: self.screen.preview.page_count >= 1, timeout=10_000)  # type: ignore[attr-defined]

    def wait_for_print_button(self) -> None:
        """The print screen builds the sheet and asks the queue off the GUI thread: wait until Print is offered."""
        self.qtbot.waitUntil(lambda: self.button("print-print").isEnabled(), timeout=10_000)

    def print_and_hand_over(self, before_hand_over: Any = None, wait_seconds: float = 30.0) -> io.BytesIO:
        """Print on the print screen, follow the job until it is done, confirm "sheet in hand".

        Returns the sheet that went to the printer (the outbox copy, read just before "sheet in hand" deletes it).
        """
        import time

        assert self.session.stage is Stage.PRINT, self.session.stage
        self.wait_for_print_button()
        self.click("print-print")
        self.qtbot.waitUntil(lambda: self.flow.job is not None or bool(self.flow.notice.text()), timeout=10_000)
        job = self.flow.job
        assert job is not None, self.flow.notice.text()
        deadline = time.monotonic() + wait_seconds
        while self.flow.job is not None and not self.flow.job.finished and time.monotonic() < deadline:
            self.qtbot.wait(200)
            self.flow.poll_job()
        job = self.flow.job
        assert job is not None and job.finished, job
        assert job.status.value in ("completed", "outbox-only"), job.nurse_message
        if before_hand_over is not None:
            before_hand_over()
        sheet = io.BytesIO(job.pdf_path.read_bytes())
        self.click("print-in-hand")
        return sheet


def print_config() -> WardConfig:
    """The ward config with the real KioskPDF cups-pdf queue when CUPS has it ready, else outbox only."""
    from dataclasses import replace

    from kiosk.clock import SystemClock
    from kiosk.printing.service import PrintService

    class _Nothing:
        def record_print_event(self, record_id: str, event: object) -> None:
            raise AssertionError("checking the queue records nothing")

    ready = PrintService(TEST_QUEUE, _Nothing(), SystemClock(), 60).check_queue().ok
    return replace(CONFIG, printer_queue=TEST_QUEUE if ready else "")
