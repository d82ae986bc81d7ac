"""The nurse's list of today's discharges: state in words, the right actions per row, nothing left after clear."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.record.model import DischargeState
from kiosk.ui.nurse.home import NurseHomeScreen
from tests.ui.nurse.records import NOW, record

TITLES = {"nerve-root-injection": "Nerve root injection"}


def make_screen(qtbot: QtBot) -> NurseHomeScreen:
    screen = NurseHomeScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def sample() -> list:
    return [
        record(1, "Margaret O'Neill", DischargeState.COMPLETED, hours_ago=5),
        record(2, "Jan Kowalski", DischargeState.WITH_PATIENT, hours_ago=0.5),
        record(3, "Aisha Rahman", DischargeState.PRINTED, hours_ago=2),
        record(4, "Peter Smith", DischargeState.ABANDONED, hours_ago=4),
        record(5, "Chloé Dubois", DischargeState.AWAITING_NURSE, hours_ago=1),
    ]


def test_unfinished_first_with_state_in_nurse_words(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.show_discharges(sample(), TITLES, today=NOW.date())
    names = [row.patient.text() for row in screen.rows]
    assert names == ["Jan Kowalski", "Chloé Dubois", "Aisha Rahman", "Peter Smith", "Margaret O'Neill"]
    states = [row.state.text() for row in screen.rows]
    assert states == [
        "With patient",
        "Awaiting sign-off",
        "Printed - sheet not confirmed",
        "Abandoned",
        "Completed",
    ]
    assert "Nerve root injection" in screen.rows[0].details.text()
    assert screen.rows[0].when.text() == "14:30"
    assert screen.header.context.text() == "3 unfinished"
    assert not screen.empty.isVisible()


def test_each_row_offers_only_the_actions_that_make_sense(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.show_discharges(sample(), TITLES)
    by_name = {row.patient.text(): row for row in screen.rows}
    offered = {
        name: tuple(b.isVisibleTo(row) for b in (row.resume_button, row.reprint_button, row.abandon_button))
        for name, row in by_name.items()
    }
    assert offered == {
        "Jan Kowalski": (True, False, True),
        "Chloé Dubois": (True, False, True),
        "Aisha Rahman": (True, True, True),
        "Peter Smith": (False, False, False),
        "Margaret O'Neill": (False, True, False),
    }


def test_row_buttons_send_the_record_id(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    screen.show_discharges(sample(), TITLES)
    printed = next(row for row in screen.rows if row.patient.text() == "Aisha Rahman")
    for button, signal in (
        (printed.resume_button, screen.resume),
        (printed.reprint_button, screen.reprint),
        (printed.abandon_button, screen.abandon_requested),
    ):
        screen.scroll_to(button)
        with qtbot.waitSignal(signal, timeout=1000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == ["D-0003"]


def test_footer_buttons(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    for button, signal in (
        (screen.new_button, screen.new_discharge),
        (screen.lock_button, screen.lock),
        (screen.close_button, screen.close_kiosk),
    ):
        assert button.height() >= 56
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_other_days_show_their_date_and_unknown_procedures_their_id(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    old = record(7, "Ann Lee", DischargeState.PRINTED, hours_ago=26, procedure_id="retired-leaflet")
    screen.show_discharges([old], {}, today=NOW.date())
    assert screen.rows[0].when.text() == "Fri 20 Nov 13:00"
    assert "retired-leaflet" in screen.rows[0].details.text()


def test_clear_leaves_no_patient_detail_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    """Idle wipe (H3/H8): after clear, no label anywhere on the screen names a patient or number."""
    screen = make_screen(qtbot)
    screen.show_discharges(sample(), TITLES)
    assert screen.grab().save(str(tmp_path / "home.png"))
    screen.clear()
    texts = " ".join(widget.text() for widget in screen.findChildren(QLabel))
    for detail in ("Kowalski", "Rahman", "O'Neill", "RX0000"):
        assert detail not in texts
    assert screen.empty.isVisible()
    assert screen.rows == []
