"""The print screen built before the first sign-off (issue 19, the first preview within 100 ms).

``Flow.prepare_print_screen`` (the warm-up calls it after the start) builds the screen, empty and not shown; the
first sign-off must then show that same screen filled with the signed-off record's sheet, never an empty one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from kiosk.ui.nurse.printing import PrintScreen
from kiosk.ui.warm_up import WarmUp
from tests.discharge_support import INJECTION, PATIENT_A
from tests.ui.driver import Kiosk, library
from tests.ui.test_full_discharge import start_discharge

pytestmark = pytest.mark.gui


def test_the_warm_up_prepares_an_empty_print_screen_that_the_first_sign_off_fills(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    warm = WarmUp(library, kiosk.flow.config, kiosk.clock, prepare=kiosk.flow.prepare_print_screen)
    with qtbot.waitSignal(warm.finished, timeout=60_000):
        warm.start(0)
    prepared = kiosk.flow.nurse_screens[Stage.PRINT]
    assert isinstance(prepared, PrintScreen)
    assert kiosk.window.stack.indexOf(prepared) >= 0 and not prepared.isVisible()
    assert prepared.preview.page_count == 0 and not prepared.print_button.isEnabled()
    assert kiosk.flow._print_stage is not None  # and the print stage, with its journal's connection, made

    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_patient()
    kiosk.take_back()
    kiosk.review_and_sign_off()
    assert kiosk.session.stage is Stage.PRINT and kiosk.screen is prepared
    qtbot.waitUntil(lambda: prepared.preview.page_count >= 1, timeout=10_000)
    sheet = kiosk.print_and_hand_over()
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert PATIENT_A.hospital_number in text and record_id in text
