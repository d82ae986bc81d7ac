"""F9 on the real window: the review only behind a nurse's PIN; a question still wrong needs the nurse's
"I went over this with the patient" (recorded) before sign-off. Real widgets, real SQLite, shipped procedures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.review import GONE_OVER_OVERRIDE
from kiosk.discharge.session import PinPurpose, Stage
from kiosk.ui.nurse.review import ReviewScreen
from tests.discharge_support import INJECTION, PATIENT_A
from tests.ui.driver import Kiosk
from tests.ui.test_full_discharge import start_discharge


def test_take_back_asks_for_a_pin_before_the_review_and_cancel_returns_to_the_patient(
    qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_patient()
    kiosk.click("action")  # "Nurse: take the tablet back"
    assert kiosk.session.stage is Stage.PIN and kiosk.session.pin_purpose is PinPurpose.TAKE_BACK
    assert kiosk.screen is kiosk.flow.pin_screen
    assert not [w for w in kiosk.window.findChildren(ReviewScreen)]  # no review, no checklist behind the PIN
    assert not [b for b in kiosk.window.findChildren(QCheckBox) if b.objectName().startswith("check-")]
    assert kiosk.window.grab().save(str(tmp_path / "take-back-pin.png"))
    kiosk.click(kiosk.flow.pin_screen.cancel_button)
    assert kiosk.session.stage is Stage.PATIENT and kiosk.walk_kind() is ScreenKind.THANK_YOU
    kiosk.take_back()
    assert isinstance(kiosk.screen, ReviewScreen)
    kiosk.session.lock()


def test_a_question_wrong_twice_must_be_gone_over_before_sign_off(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_patient(wrong_twice=True)
    kiosk.take_back()
    review = kiosk.screen
    assert isinstance(review, ReviewScreen) and review.summary is not None
    wrong = [line.question_id for line in review.summary.questions if line.needs_going_over]
    assert wrong
    for box in review.findChildren(QCheckBox):
        if box.objectName().startswith("check-") and not box.isChecked():
            kiosk.click(box)
    assert not review.sign_button.isEnabled()
    assert "not yet gone over" in review.blockers.text()
    assert review.grab().save(str(tmp_path / "review-gone-over.png"))
    for question_id in wrong:
        qtbot.waitUntil(lambda qid=question_id: bool(kiosk.screen.findChild(QPushButton, f"gone-over-{qid}")))
        QApplication.processEvents()  # a refreshed review's new rows are shown on the next turn of the loop
        kiosk.click(f"gone-over-{question_id}")
    review = kiosk.screen
    assert isinstance(review, ReviewScreen)
    assert all(review.ticked().values())  # the ticks survive the refresh
    assert not review.blockers.isVisible() and review.sign_button.isEnabled()
    record = kiosk.store.get(record_id)
    assert [kind for kind, _ in record.overrides].count(GONE_OVER_OVERRIDE) == len(wrong)
    kiosk.click("review-sign-off")
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.PRINT
    kiosk.session.lock()
