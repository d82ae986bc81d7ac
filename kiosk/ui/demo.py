"""A scripted demo discharge on the real kiosk window, pressing the real buttons, saving a PNG per screen.

Used by ``main.py screenshots``. Buttons are pressed with ``QAbstractButton.click()`` and text typed into the
real line edits and keypads, so the pictures show exactly what a nurse and a patient would see.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from kiosk.clock import FakeClock
from kiosk.commands.screenshots import DEMO_NOW, DEMO_NURSE, DEMO_PIN, TEST_QUEUE, demo_patients
from kiosk.config import WardConfig
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage

ESCORTS = [("Ade Oyelaran", "Son", "07700 900123"), ("", "", "")]
PRINT_WAIT_SECONDS = 20.0


class _Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class DemoRun:
    def __init__(self, folder: Path, size: tuple[int, int], printer: str | None, text_size: str = "") -> None:
        self.folder = folder
        self.text_size = text_size
        self.size = size
        self.printer = printer
        self.count = 0

    # -- set-up ------------------------------------------------------------------------------------------------
    def _queue(self) -> str:
        if self.printer is not None:
            return self.printer
        from kiosk.printing.service import PrintService

        probe = PrintService(TEST_QUEUE, _NoJournal(), FakeClock(DEMO_NOW.astimezone()), 60)
        return TEST_QUEUE if probe.check_queue().ok else ""

    def run(self) -> int:
        from kiosk.app import build_flow, create_application
        from kiosk.records.nurses import NurseAccounts
        from kiosk.records.store import RecordStore
        from kiosk.ui.main_window import KioskWindow

        create_application()
        config = WardConfig(
            ward_name="Ward 5 Day Case Unit",
            trust_name="Example Teaching Hospitals NHS Trust",
            ward_phone="0114 000 0000",
            printer_queue=self._queue(),
        )
        self.clock = FakeClock(DEMO_NOW.astimezone())
        self.ticks = _Ticks()
        self.store = RecordStore.open(clock=self.clock)
        NurseAccounts(self.store).add(DEMO_NURSE, DEMO_PIN)
        self.window = KioskWindow(config)
        self.window.resize(*self.size)
        self.window.show()
        self.flow = build_flow(self.window, config, self.clock, self.store, monotonic=self.ticks)
        self.session = self.flow.session
        try:
            for index, patient in enumerate(demo_patients()):
                self.discharge(index, *patient)
        finally:
            self.window.allow_close()
            self.window.close()
            # Gone for good (with the controller's idle filter on the application), not just hidden.
            self.window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self.store.close()
        return self.count

    # -- looking and pressing ----------------------------------------------------------------------------------
    def settle(self, ms: int) -> None:
        """Let Qt run for ``ms`` (the PDF preview renders its pages in the background)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(self, name: str) -> None:
        QApplication.processEvents()
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        self.window.grab().save(str(self.folder / f"{self.count:02d}-{slug}.png"))

    @property
    def screen(self) -> QWidget:
        widget = self.window.stack.currentWidget()
        assert widget is not None
        return widget

    def current_stage(self) -> Stage:
        """The session's stage now: a call, so a check after a tap is not narrowed by one made before it."""
        return self.session.stage

    def press(self, name: str) -> None:
        found = [b for b in self.window.findChildren(QAbstractButton, name) if b.isVisible() and b.isEnabled()]
        if not found:
            raise RuntimeError(f"demo: no button {name!r} on {type(self.screen).__name__}")
        found[-1].click()
        QApplication.processEvents()

    def type_into(self, name: str, text: str) -> None:
        edit = self.screen.findChild(QLineEdit, name)
        if edit is None:
            raise RuntimeError(f"demo: no field {name!r}")
        edit.setText(text)

    def keypad(self, digits: str) -> None:
        from kiosk.ui.keypad import KeypadOverlay

        overlay = [o for o in self.window.findChildren(KeypadOverlay) if o.isVisible()][-1]
        for char in digits:
            overlay.keypad.keys[{"+": "plus", " ": "space"}.get(char, char)].click()
        overlay.keypad.ok_key.click()
        QApplication.processEvents()

    def pin(self, shoot: str = "") -> None:
        pin_screen = self.flow.pin_screen
        for choice in pin_screen.name_buttons:
            if choice.text() == DEMO_NURSE:
                choice.click()
        for digit in DEMO_PIN:
            pin_screen.keypad.keys[digit].click()
        if shoot:
            self.shot(shoot)
        pin_screen.keypad.ok_key.click()
        while self.flow.checking_pin:  # the PIN is checked off the GUI thread
            QApplication.processEvents()
        QApplication.processEvents()

    # -- one discharge -----------------------------------------------------------------------------------------
    def discharge(self, index: int, procedure_id: str, name: str, born: object, hospital: str, nhs: str) -> None:
        first = index == 0
        self.shot("start")
        self.press("nurse-button")
        self.pin(shoot="nurse sign in")
        self.shot("nurse home")
        self.press("home-new")
        self.press(f"procedure-{procedure_id}")
        if self.screen.findChild(QLineEdit, "expired-reason") is not None and [
            b for b in self.window.findChildren(QAbstractButton, "expired-pick-0") if b.isVisible()
        ]:
            self.press("expired-pick-0")
        self.type_into("patient-name", name)
        self.press("dob")
        self.keypad(born.strftime("%d%m%Y"))  # type: ignore[attr-defined]
        self.type_into("hospital-number", hospital)
        if nhs:
            self.press("nhs")
            self.keypad(nhs)
        if [b for b in self.window.findChildren(QAbstractButton, "side-left") if b.isVisible()]:
            self.press("side-left")
            self.press("level-L5")
        if first:
            self.press("factor-diabetic")
        self.shot("new discharge")
        self.press("new-submit")
        if self.session.stage is not Stage.PATIENT:
            raise RuntimeError(f"demo: the new discharge was not accepted ({self.session.stage})")
        self.walk(first)
        self.review_and_print(first)

    def walk(self, first: bool) -> None:
        walk = self.session.walk
        assert walk is not None
        if not first:
            # The second patient chooses bigger text and high contrast: the pictures show both themes.
            self.press("size-large")
            self.press("high-contrast")
        if self.text_size:
            self.press(f"size-{self.text_size}")
        self.shot("welcome")
        self.press("start")
        wrong_shown = not first
        while True:
            screen = walk.current
            kind = screen.kind
            if kind is ScreenKind.STEP:
                assert screen.step is not None
                self.shot(f"step {screen.number} {screen.step.id}")
                if first and screen.number == 2:
                    self.ticks.now += self.flow.config.patient_idle_seconds
                    self.flow.idle.check()
                    self.ticks.now += 3
                    self.flow.tick_countdown()
                    self.shot("idle warning")
                    self.press("still-here")
                self.press("understand")
            elif kind is ScreenKind.QUESTION:
                assert screen.question is not None
                self.shot(f"question {screen.number}")
                if not wrong_shown:
                    wrong = next(i for i in range(len(screen.question.options)) if i != screen.question.answer)
                    self.press(f"option-{wrong}")
                    self.shot(f"question {screen.number} wrong answer")
                    self.press("next")
                    wrong_shown = True
                self.press(f"option-{screen.question.answer}")
                self.shot(f"question {screen.number} right answer")
                self.press("next")
            elif kind is ScreenKind.WARNING_SIGNS:
                self.shot("warning signs")
                self.press("understand")
            elif kind is ScreenKind.ESCORT:
                if first:
                    escort, relationship, phone = ESCORTS[0]
                    self.type_into("escort-name", escort)
                    self.type_into("escort-relationship", relationship)
                    self.press("escort-phone")
                    self.keypad(phone)
                    self.shot("escort")
                    self.press("confirm-escort")
                else:
                    self.shot("escort")
                    self.press("nobody")
                    self.shot("no escort ask a nurse")
                    self.press("action")
                    self.pin()
                    self.press("reason-pick-0") if self._has("reason-pick-0") else self._type_reason()
                    self.shot("no escort reason")
                    self.press("reason-save")
                    return
            elif kind is ScreenKind.THANK_YOU:
                self.shot("thank you")
                self.press("action")  # "Nurse: take the tablet back": the review is behind the PIN (F9)
                self.pin(shoot="take back pin")
                return

    def _has(self, name: str) -> bool:
        return bool([b for b in self.window.findChildren(QAbstractButton, name) if b.isVisible()])

    def _type_reason(self) -> None:
        edits = [e for e in self.screen.findChildren(QLineEdit) if e.isVisible()]
        from PySide6.QtWidgets import QPlainTextEdit

        texts = [e for e in self.screen.findChildren(QPlainTextEdit) if e.isVisible()]
        reason = "Patient's sister collects him; he stays on the ward until she arrives."
        if texts:
            texts[0].setPlainText(reason)
        elif edits:
            edits[0].setText(reason)

    def review_and_print(self, first: bool) -> None:
        if self.session.stage is not Stage.REVIEW:
            raise RuntimeError(f"demo: expected the nurse review, got {self.session.stage}")
        self.shot("nurse review")
        from PySide6.QtWidgets import QCheckBox

        for box in self.screen.findChildren(QCheckBox):
            if not box.isChecked():
                box.click()
        self.shot("nurse review ticked")
        self.press("review-sign-off")
        self.pin(shoot="sign off pin")
        self.settle(600)
        self.shot("sheet preview")
        self.press("print-print")
        deadline = time.monotonic() + PRINT_WAIT_SECONDS
        while self.flow.job is not None and not self.flow.job.finished and time.monotonic() < deadline:
            time.sleep(0.25)
            self.flow.poll_job()
        self.settle(300)
        self.shot("printed")
        self.press("print-in-hand")
        if self.current_stage() is not Stage.LOCKED:
            raise RuntimeError(
                f"demo: expected the start screen after the sheet was handed over ({self.session.stage})"
            )


class _NoJournal:
    def record_print_event(self, record_id: str, event: object) -> None:
        raise AssertionError("checking the queue records nothing")
