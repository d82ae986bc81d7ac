"""F8 on the real widgets: pasted hostile or overlong text is refused with a message that does not echo it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk import text as text_checks
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.record import fields
from kiosk.ui.nurse.reason import ReasonScreen
from kiosk.ui.patient.escort import EscortScreen
from tests.discharge_support import INJECTION, PATIENT_A
from tests.ui.driver import Kiosk
from tests.ui.test_full_discharge import start_discharge


def settle(kiosk: Kiosk) -> None:
    """Lock the kiosk (its wipe clears every field) and run the deleteLater()s the event loop runs on the ward,
    so nothing typed here is still in a widget when a later test looks at every widget of the application."""
    kiosk.session.lock()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def paste(edit: QLineEdit, text: str) -> None:
    """As a patient or nurse pasting would: through the clipboard and the field's own paste()."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)
    edit.setFocus()
    edit.selectAll()
    edit.paste()


def test_the_escort_screen_says_too_long_and_refuses_control_characters(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_to_escort()
    screen = kiosk.screen
    name = screen.findChild(QLineEdit, "escort-name")
    relationship = screen.findChild(QLineEdit, "escort-relationship")
    assert name is not None and relationship is not None
    assert isinstance(screen, EscortScreen)
    error = screen.error

    paste(name, "A" * 10_000)
    assert len(name.text()) == fields.MAX_NAME_LENGTH + 1  # one over: never a quietly shortened name
    assert error.isVisible() and "Too long" in error.text()
    kiosk.type_text(relationship, "Son")
    kiosk.click("escort-phone")
    kiosk.type_keypad("07700900123")
    kiosk.click("confirm-escort")
    assert kiosk.walk_kind() is ScreenKind.ESCORT and "too long" in error.text().lower()
    assert kiosk.store.get(record_id).escort is None

    name.setText("A" * fields.MAX_NAME_LENGTH)
    assert "the most" in error.text()  # at its limit, the field says so
    name.setText("Ade Smith")
    paste(relationship, "son\x07\x1b[2J\u202eevil")
    kiosk.click("confirm-escort")
    assert kiosk.walk_kind() is ScreenKind.ESCORT
    assert "hidden text-direction mark" in error.text() or "control character" in error.text()
    assert not any(text_checks.character_problem(ch) for ch in error.text())
    assert kiosk.store.get(record_id).escort is None
    assert screen.grab().save(str(tmp_path / "escort-hostile.png"))

    name.setText("\u3164\u3164")
    relationship.setText("Son")
    kiosk.click("confirm-escort")
    assert kiosk.walk_kind() is ScreenKind.ESCORT and kiosk.store.get(record_id).escort is None
    assert "\u3164" not in error.text()
    name.setText("Ade Smith")
    kiosk.click("confirm-escort")
    escort = kiosk.store.get(record_id).escort
    assert escort is not None and (escort.name, escort.relationship) == ("Ade Smith", "Son")
    settle(kiosk)


def test_a_nurse_reason_with_a_bidi_override_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_to_escort()
    kiosk.click("nobody")
    kiosk.click("action")
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.REASON
    screen = kiosk.screen
    assert isinstance(screen, ReasonScreen)
    paste(screen.reason_edit, "Sister collects him \u202etonight")
    kiosk.click("reason-save")
    assert kiosk.session.stage is Stage.REASON
    shown = screen.reason_field.error_text() + kiosk.flow.notice.text()
    assert "hidden text-direction mark" in shown and "\u202e" not in shown
    assert kiosk.store.get(record_id).no_escort_reason == ""
    settle(kiosk)
