"""The print screen: the real sheet PDF previewed, the job's state shown, one tap one job, sheet confirmed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.config import WardConfig
from kiosk.content.loader import load_library
from kiosk.record.model import DischargeRecord, DischargeState, Escort, Patient
from kiosk.sheet.builder import build_sheet
from kiosk.ui.nurse.printing import PrintScreen, status_look

NOW = datetime(2026, 11, 21, 14, 37).astimezone()
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sheet the sheet builder makes for a demo discharge (the very bytes that would be printed)."""
    procedure = load_library(today=NOW.date()).get("nerve-root-injection")
    record = DischargeRecord(
        record_id="D-0001",
        created_at=NOW - timedelta(minutes=30),
        patient=Patient("Margaret Oyelaran-Smith", date(1948, 3, 9), "RHQ1234567"),
        procedure_id=procedure.id,
        procedure_version=procedure.document.version,
        content_hash=procedure.content_hash,
        procedure_ended=NOW - timedelta(hours=1),
        side_level="Left L5",
        state=DischargeState.SIGNED_OFF,
        escort=Escort("Ade Oyelaran", "son", "+447700900123", "07700 900123", NOW + timedelta(hours=23)),
    )
    path = tmp_path_factory.mktemp("sheet") / "sheet.pdf"
    path.write_bytes(build_sheet(record, procedure, WardConfig(ward_name="Ward 5"), NOW))
    return path


def make_screen(qtbot: QtBot) -> PrintScreen:
    screen = PrintScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def enabled(screen: PrintScreen) -> tuple[bool, ...]:
    buttons = (screen.print_button, screen.retry_button, screen.cancel_button, screen.in_hand_button)
    return tuple(b.isEnabled() for b in buttons)


def test_the_sheet_is_previewed_and_print_is_offered(qtbot: QtBot, sheet: Path, tmp_path: Path) -> None:
    screen = make_screen(qtbot)
    assert enabled(screen) == (False, False, False, False)
    screen.show_sheet(sheet)
    screen.show_status("Printer KioskPDF is ready.", "ok", can_retry=False, can_cancel=False, can_confirm=False)
    assert screen.preview.path == sheet
    assert screen.preview.page_count >= 1
    assert enabled(screen) == (True, False, False, False)
    assert screen.status.text() == "Printer KioskPDF is ready."
    assert screen.status.property("state") == "ok"
    qtbot.wait(50)
    assert screen.grab().save(str(tmp_path / "print.png"))


def test_one_tap_one_job_then_the_job_state_decides(qtbot: QtBot, sheet: Path) -> None:
    """A second tap on Print while the job is followed sends nothing (no duplicate sheets)."""
    screen = make_screen(qtbot)
    screen.show_sheet(sheet)
    with qtbot.waitSignal(screen.print_requested, timeout=1000):
        qtbot.mouseClick(screen.print_button, LEFT)
    with qtbot.assertNotEmitted(screen.print_requested):
        qtbot.mouseClick(screen.print_button, LEFT)

    screen.show_status("Waiting: the printer is out of paper.", "pending", False, True, False)
    assert enabled(screen) == (False, False, True, False)
    with qtbot.waitSignal(screen.cancel_job, timeout=1000):
        qtbot.mouseClick(screen.cancel_button, LEFT)

    screen.show_status("Cancelled. Print again when the printer is ready.", "cancelled", True, False, False)
    assert screen.status.property("state") == "problem"
    with qtbot.waitSignal(screen.retry, timeout=1000):
        qtbot.mouseClick(screen.retry_button, LEFT)

    screen.show_status("Printed. Give the sheet to the patient.", "completed", False, False, True)
    assert enabled(screen) == (False, False, False, True)
    with qtbot.waitSignal(screen.sheet_in_hand, timeout=1000):
        qtbot.mouseClick(screen.in_hand_button, LEFT)


def test_print_comes_back_if_no_job_follows(qtbot: QtBot, sheet: Path) -> None:
    """If the print service failed before making a job, the nurse can tap Print again after a moment."""
    screen = make_screen(qtbot)
    screen._print_again.setInterval(20)
    screen.show_sheet(sheet)
    qtbot.mouseClick(screen.print_button, LEFT)
    assert not screen.print_button.isEnabled()
    qtbot.waitUntil(screen.print_button.isEnabled, timeout=1000)


def test_print_stays_off_once_a_job_exists(qtbot: QtBot, sheet: Path) -> None:
    screen = make_screen(qtbot)
    screen._print_again.setInterval(20)
    screen.show_sheet(sheet)
    qtbot.mouseClick(screen.print_button, LEFT)
    screen.show_status("Sent to the printer.", "processing", False, True, False)
    qtbot.wait(60)
    assert not screen.print_button.isEnabled()


def test_finish_is_always_possible_and_clear_drops_the_sheet(qtbot: QtBot, sheet: Path) -> None:
    screen = make_screen(qtbot)
    screen.show_sheet(sheet)
    with qtbot.waitSignal(screen.finish, timeout=1000):
        qtbot.mouseClick(screen.finish_button, LEFT)
    screen.show_status("Printed.", "completed", False, False, True)
    screen.clear()
    assert screen.preview.path is None
    assert screen.status.text() == ""
    assert enabled(screen) == (False, False, False, False)


@pytest.mark.parametrize(
    ("state", "look"),
    [("ok", "ok"), ("completed", "ok"), ("pending", "working"), ("paused", "problem"), ("stuck", "problem")],
)
def test_status_looks(state: str, look: str) -> None:
    assert status_look(state) == look
