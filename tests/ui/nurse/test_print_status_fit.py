"""The print screen's status box shows the whole message, however long, at every text size, in both palettes and
at three screen sizes (landscape and portrait), and nothing else on the screen is cut or overlapped meanwhile.

It used to clip at about four lines: the longest messages (the print system not answering, with the saved sheet's
path) lost their end, which says what to do, and a path stuck out of the column at the larger text sizes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from kiosk.printing import status
from kiosk.printing.status import JobStatus, PrintJob, QueueState
from kiosk.ui.nurse.printing import PrintScreen
from kiosk.ui.widgets import ZERO_WIDTH_SPACE
from tests.discharge_support import INJECTION, new_discharge
from tests.ui.driver import Kiosk
from tests.ui.fit import fit_problems, label_problem, settle
from tests.ui.test_fit import SCREEN_SIZES, THEMES

SAVED = Path("/var/lib/discharge-kiosk/outbox/DK-20261201-0001-B3-sheet.pdf")
PRINTER_SAYS = "out of paper, a cover is open (Tray 2 empty: load A4 paper and press OK on the printer's panel)"


def long_messages() -> list[str]:
    stuck = PrintJob("DK-20261201-0001-B3", SAVED, "KioskPDF", JobStatus.STUCK, "", printer_message=PRINTER_SAYS)
    return [
        status.NOT_ANSWERING_JOB.format(path=SAVED),
        status.NOT_ANSWERING_WAIT.format(path=SAVED),
        status.queue_message(QueueState.REJECTING, "KioskPDF", PRINTER_SAYS),
        status.job_message(stuck, 120),
    ]


def at_the_print_screen(kiosk: Kiosk) -> PrintScreen:
    kiosk.hand_over(new_discharge(INJECTION))
    kiosk.walk_patient()
    kiosk.take_back()
    kiosk.review_and_sign_off()
    screen = kiosk.screen
    assert isinstance(screen, PrintScreen)
    return screen


def test_the_whole_status_message_shows_at_every_text_size_and_in_portrait(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    screen = at_the_print_screen(kiosk)
    messages = long_messages()
    assert max(len(m) for m in messages) > 190
    problems: list[str] = []
    for width, height in SCREEN_SIZES:
        kiosk.window.resize(width, height)
        for choice in THEMES:
            kiosk.flow._set_theme(choice)
            for message in messages:
                screen.show_status(message, "not-answering", True, False, False)
                settle()
                where = f"{width}x{height} {choice.size.value} {choice.palette.value} {message[:30]!r}"
                problems += [f"{where}: {problem}" for problem in fit_problems(kiosk.window)]
                # The box is as tall as its whole text, and it is scrolled into view (its top at least).
                if label_problem(screen.status):
                    problems.append(f"{where}: {label_problem(screen.status)}")
                viewport = screen.side.viewport()
                top = screen.status.mapTo(viewport, QPoint(0, 0)).y()
                if not 0 <= top < viewport.height():
                    problems.append(f"{where}: the status box is scrolled out of view (top at {top})")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
    kiosk.window.grab().save(str(tmp_path / "print-status-last.png"))


def test_the_status_keeps_the_message_as_given_and_only_the_box_breaks_a_long_path(
    qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    screen = at_the_print_screen(kiosk)
    message = status.NOT_ANSWERING_JOB.format(path=SAVED)
    screen.show_status(message, "not-answering", True, False, False)
    assert screen.status_message == message
    assert screen.status.text().replace(ZERO_WIDTH_SPACE, "") == message
    assert f"/{ZERO_WIDTH_SPACE}outbox/{ZERO_WIDTH_SPACE}" in screen.status.text()
    screen.show_status("Printer KioskPDF is ready.", "ok", False, False, False)
    assert screen.status.text() == "Printer KioskPDF is ready."  # short words are left alone
