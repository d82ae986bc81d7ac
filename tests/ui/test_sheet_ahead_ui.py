"""The sheet built ahead during the review and the sign-off PIN (issue 19), in the real kiosk.

Real widgets, real SQLite, the real sheet builder; the sheets are read back with pypdf. The preview shown and the
PDF printed are always the signed-off record's sheet: the early one only when nothing it prints has changed
(hazard H1, wrong or stale sheet; ``tests/sheet/test_sheet_ahead.py`` has the same at the plain-Python level).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from kiosk.record.model import Escort
from kiosk.record.timeline import format_clock
from kiosk.sheet.builder import build_sheet
from tests.discharge_support import INJECTION, PATIENT_A
from tests.ui.driver import Kiosk
from tests.ui.test_full_discharge import start_discharge

pytestmark = pytest.mark.gui


def to_review(kiosk: Kiosk) -> str:
    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_patient()
    kiosk.take_back()
    assert kiosk.session.stage is Stage.REVIEW
    return record_id


def early_sheet(kiosk: Kiosk, qtbot: QtBot) -> bytes:
    """The sheet the review built ahead, once it is built."""
    qtbot.waitUntil(lambda: kiosk.flow._ahead.ready, timeout=10_000)
    pdf = kiosk.flow._ahead._pdf
    assert pdf is not None
    return pdf


def sign_off(kiosk: Kiosk, at_pin: Callable[[], None] = lambda: None) -> bytes:
    """Tick, Sign off, (``at_pin`` with the PIN pad up), the PIN; the sheet the print screen then shows."""
    for box in kiosk.screen.findChildren(QCheckBox):
        if box.objectName().startswith("check-") and not box.isChecked():
            kiosk.click(box)
    kiosk.click("review-sign-off")
    at_pin()
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.PRINT
    kiosk.qtbot.waitUntil(lambda: kiosk.screen.preview.page_count >= 1, timeout=10_000)  # type: ignore[attr-defined]
    sheet = kiosk.flow.print_stage().sheet
    assert isinstance(sheet, bytes)
    return sheet


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def fresh_build(kiosk: Kiosk) -> bytes:
    """What the sign-off would build now from the stored, signed-off record."""
    procedure = kiosk.session.procedure
    assert procedure is not None
    return build_sheet(kiosk.session.record(), procedure, kiosk.flow.config, kiosk.clock.now())


def test_an_unchanged_record_shows_and_prints_the_early_sheet_which_is_the_signed_off_records_sheet(
    qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    to_review(kiosk)
    early = early_sheet(kiosk, qtbot)
    shown = sign_off(kiosk)
    assert shown is early  # taken, not built again
    assert shown == fresh_build(kiosk)  # byte for byte what the signed-off record builds
    printed = kiosk.print_and_hand_over()
    assert printed.getvalue() == early  # printing prints exactly the PDF shown


def test_an_escort_edited_after_the_early_build_gets_a_new_sheet(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    record_id = to_review(kiosk)
    early = early_sheet(kiosk, qtbot)
    assert "Ade Smith" in text_of(early)

    def edit_escort() -> None:  # the latest moment: the PIN pad is up and its early build already checked
        old = kiosk.store.get(record_id).escort
        assert old is not None
        new = Escort("Bola Smith", "Daughter", old.phone, old.phone_display, old.stays_until)
        kiosk.store.record_escort(record_id, new)

    shown = sign_off(kiosk, at_pin=edit_escort)
    assert shown is not early and shown == fresh_build(kiosk)
    assert "Bola Smith" in text_of(shown) and "Ade Smith" not in text_of(shown)
    assert "Bola Smith" in text_of(kiosk.print_and_hand_over().getvalue())


def test_a_review_that_crosses_a_minute_is_built_again_for_the_sign_off_minute(qtbot: QtBot, tmp_path: Path) -> None:
    """The sheet prints the minute it was made: a review longer than that minute gets the PIN screen's build."""
    kiosk = Kiosk(qtbot, tmp_path)
    to_review(kiosk)
    early = early_sheet(kiosk, qtbot)
    kiosk.clock.advance(minutes=3)
    shown = sign_off(kiosk)
    assert shown is not early and shown == fresh_build(kiosk)
    printed = f"Printed {format_clock(kiosk.clock.now(), kiosk.clock.now().year, kiosk.flow.config.zone)}"
    assert printed.replace("\u00a0", " ") in text_of(shown).replace("\u00a0", " ")
    earlier = kiosk.clock.now() - timedelta(minutes=3)
    assert format_clock(earlier, earlier.year, kiosk.flow.config.zone) not in text_of(shown)
