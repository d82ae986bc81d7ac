"""The demo discharge and the one driver of the kiosk window, with the demo's data.

``WindowDriver`` finds and presses the real widgets of a ``KioskWindow`` (the current screen, a visible button by
name, the keypad overlay, waiting for the controller's background answers); ``DemoRun`` uses it for
``main.py screenshots`` and the tests' ``tests.ui.driver.Kiosk`` is built on it. Buttons are pressed with
``QAbstractButton.click()`` and text typed into the real line edits and keypads, so the pictures show exactly what
a nurse and a patient would see. With
``real_window`` the window is full screen on a real display, the pictures are of the whole screen, and the screens
with text fields are shot with the last field typed focused and the on-screen keyboard open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.keypad import NumericKeypad

import re
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from kiosk.clock import FakeClock
from kiosk.config import WardConfig
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.ui.main_window import KioskWindow

DEMO_NURSE = "Sam Okafor"
DEMO_PIN = "730519"
DEMO_NOW = datetime(2026, 11, 23, 14, 30)
TEST_QUEUE = "KioskPDF"
"""The cups-pdf queue the demo and the tests print on when CUPS has it (``scripts/setup-cups.sh`` makes it)."""
ESCORTS = [("Ade Oyelaran", "Son", "07700 900123"), ("", "", "")]
PRINT_WAIT_SECONDS = 20.0


SHIPPED_DEMO = ("nerve-root-block", "nerve-root-injection")
DEMO_PEOPLE: tuple[tuple[str, date, str, str], ...] = (
    ("Margaret Oyelaran-Smith", date(1948, 3, 9), "RHQ1234567", "9434765919"),
    ("Tomasz Wiśniewski", date(1961, 7, 30), "RHQ7654321", ""),
)


def demo_patients() -> list[tuple[str, str, date, str, str]]:
    """(procedure id, name, date of birth, hospital number, NHS number) for the demo discharges.

    The shipped procedures, one patient each; with ``--procedures DIR`` (an author's draft folder), one demo
    discharge per procedure in that folder, so the author sees every screen of their own file.
    """
    from kiosk.content.loader import load_library

    ids = load_library().ids()
    chosen = [pid for pid in SHIPPED_DEMO if pid in ids] if set(SHIPPED_DEMO) <= set(ids) else list(ids)
    return [(pid, *DEMO_PEOPLE[index % len(DEMO_PEOPLE)]) for index, pid in enumerate(chosen)]


class Ticks:
    """The idle watcher's clock for a scripted run: it moves only when the script moves it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class WindowDriver:
    """The kiosk window as a person at it sees it: the screen shown, its visible buttons, the keypad."""

    window: KioskWindow

    @property
    def screen(self) -> QWidget:
        widget = self.window.stack.currentWidget()
        assert widget is not None
        return widget

    def visible_buttons(self, name: str, *, screen_only: bool = True) -> list[QAbstractButton]:
        """Visible buttons called ``name`` on the current screen (or anywhere in the window: overlays)."""
        where: QWidget = self.screen if screen_only else self.window
        return [b for b in where.findChildren(QAbstractButton, name) if b.isVisible()]

    def button(self, name: str) -> QAbstractButton:
        found = self.visible_buttons(name)
        assert found, f"no visible button {name!r} on {type(self.screen).__name__}"
        return found[0]

    def open_keypad(self) -> NumericKeypad:
        """The keypad overlay open now (the newest if several)."""
        from kiosk.ui.keypad import KeypadOverlay

        overlays = [o for o in self.window.findChildren(KeypadOverlay) if o.isVisible()]
        assert overlays, "no keypad open"
        return overlays[-1].keypad

    @staticmethod
    def key_name(char: str) -> str:
        return {"+": "plus", " ": "space"}.get(char, char)

    def read_to_end(self) -> int:
        """Scroll the current page down a screenful at a time to its end, as a patient drags it up to read on,
        letting Qt lay out and react after each move (the warning signs offer "I understand" only once the last
        sign has been in view). Returns how many moves it took (0: everything was in view already)."""
        from PySide6.QtWidgets import QScrollArea

        area = self.screen.findChild(QScrollArea, "page-scroll")
        assert area is not None, f"no scrolling page on {type(self.screen).__name__}"
        QApplication.processEvents()
        bar = area.verticalScrollBar()
        moves = 0
        while bar.value() < bar.maximum():
            bar.setValue(min(bar.maximum(), bar.value() + max(1, bar.pageStep())))
            moves += 1
            QApplication.processEvents()
        self.settle(0)
        return moves

    def settle(self, ms: int) -> None:
        """Let Qt run for ``ms`` (the PDF preview renders in the background; workers answer through the loop).

        The timer is given the loop as its receiver: ``singleShot(ms, loop.quit)`` with a bound method, fired
        inside ``loop.exec()``, leaks about 200 bytes a call in PySide 6.11 (a wrapper never released; issue 19:
        thousands of waits made the memory benchmark count the driver's leak as the kiosk's)."""
        loop = QEventLoop()
        QTimer.singleShot(ms, loop, loop.quit)
        loop.exec()

    def wait_until(self, condition: Callable[[], bool], seconds: float = 10.0) -> bool:
        """Run the event loop until ``condition`` holds (the print stage's answers arrive as queued signals)."""
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                return False
            self.settle(50)
        return True


class DemoRun(WindowDriver):
    def __init__(
        self,
        folder: Path,
        size: tuple[int, int],
        printer: str | None,
        real_window: bool = False,
        text_size: str = "",
        language: str = "",
    ) -> None:
        self.folder = folder
        self.text_size = text_size
        self.language = language
        self.size = size
        self.printer = printer
        self.real_window = real_window
        self.count = 0
        self._typed: QLineEdit | None = None

    # -- set-up ------------------------------------------------------------------------------------------------
    def _queue(self) -> str:
        if self.printer is not None:
            return self.printer
        from kiosk.printing.service import PrintService

        probe = PrintService(TEST_QUEUE, _NoJournal(), FakeClock(DEMO_NOW), 60)
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
            # A proof of every screen: the Sheffield draft is shown too, marked DRAFT with the nurse's reason.
            allow_drafts=True,
            # The pictures include "A nurse is on the way": no chime from the machine taking them.
            help_sound=False,
        )
        self.clock = FakeClock(DEMO_NOW)
        self.ticks = Ticks()
        self.store = RecordStore.open(clock=self.clock)
        NurseAccounts(self.store).add(DEMO_NURSE, DEMO_PIN)
        self.window = KioskWindow(config)
        if self.real_window:
            from kiosk.ui.input_panel import create_input_panel

            self.window.show_kiosk(full_screen=True)
            self.settle(300)
            create_input_panel(self.window)
        else:
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
    def shot(self, name: str) -> None:
        QApplication.processEvents()
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        path = str(self.folder / f"{self.count:02d}-{slug}.png")
        if not self.real_window:
            self.window.grab().save(path)
            return
        from PySide6.QtGui import QGuiApplication

        field, self._typed = self._typed, None
        method = QGuiApplication.inputMethod()
        if field is not None and field.isVisible():
            field.setFocus()
            method.show()
            self._wait(method.isVisible)
            self.settle(400)  # the keyboard slides in; the page makes room and scrolls the field into view
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(path)
        if method.isVisible():
            method.hide()
            self.settle(300)

    def _wait(self, condition: Callable[[], bool], seconds: float = 5.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            self.settle(20)

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
        self._typed = edit

    def keypad(self, digits: str) -> None:
        pad = self.open_keypad()
        for char in digits:
            pad.keys[self.key_name(char)].click()
        pad.ok_key.click()
        QApplication.processEvents()

    def confirm_warning_signs(self) -> None:
        """The warning signs as a patient reads them: a picture of the top, scrolled to the last sign (a second
        picture when that needed a scroll), then "I understand" (offered only once the last sign was in view)."""
        self.settle(0)
        self.shot("warning signs")
        if self.read_to_end():
            self.shot("warning signs end")
        self.press("understand")

    def name_the_escort(self) -> None:
        """The first made-up escort typed in, the phone number on the kiosk's own number pad, then confirmed."""
        escort, relationship, phone = ESCORTS[0]
        self.type_into("escort-name", escort)
        self.type_into("escort-relationship", relationship)
        self.press("escort-phone")
        self.keypad(phone)
        self.shot("escort")
        self.press("confirm-escort")

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
    def discharge(self, index: int, procedure_id: str, name: str, born: date, hospital: str, nhs: str) -> None:
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
        self.keypad(born.strftime("%d%m%Y"))
        self.type_into("hospital-number", hospital)
        if nhs:
            self.press("nhs")
            self.keypad(nhs)
        if [b for b in self.window.findChildren(QAbstractButton, "side-left") if b.isVisible()]:
            self.press("side-left")
            self.press("level-L5")
        if first and self._has("factor-diabetic"):  # offered only where the leaflet's advice depends on it
            self.press("factor-diabetic")
            if self.language:
                self.press(f"preset-language-{self.language}")
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
        if self.language and not first:
            self.press(f"language-{self.language}")
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
                    self.press("help")
                    self.shot("a nurse is on the way")
                    self.press("help-answer")
                    self.pin(shoot="nurse pin answer a call for help")
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
                self.confirm_warning_signs()
            elif kind is ScreenKind.ESCORT:
                if first:
                    self.name_the_escort()
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
            self._typed = edits[0]

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
        print_button = self.screen.findChild(QAbstractButton, "print-print")
        self.wait_until(lambda: print_button is not None and print_button.isEnabled())
        self.settle(600)
        self.shot("sheet preview")
        self.press("print-print")
        self.wait_until(lambda: self.flow.job is not None and self.flow.job.finished, PRINT_WAIT_SECONDS)
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
