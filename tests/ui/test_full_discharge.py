"""Whole discharges, start screen to printed sheet, clicking the real buttons on the real screens.

Real SQLite in tmp_path, real nurse accounts, the shipped procedures, the real sheet builder and print service
(the ``KioskPDF`` cups-pdf queue when CUPS has it, otherwise the outbox only).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.content.model import Factor
from kiosk.discharge.flow import WARNING_SIGNS_ID, ScreenKind
from kiosk.discharge.session import PinPurpose, Stage
from kiosk.record.model import DischargeState, PrintEventKind
from tests.discharge_support import BLOCK, INJECTION, PATIENT_A, PATIENT_B, procedure
from tests.ui.driver import NURSE, Kiosk, print_config

EXPIRED_REASON = "Updated leaflet not yet issued; content checked by the pain team"


def start_discharge(kiosk: Kiosk, procedure_id: str, patient, factors=frozenset()) -> str:  # type: ignore[no-untyped-def]
    kiosk.sign_in()
    assert kiosk.session.stage is Stage.NURSE_HOME
    kiosk.click("home-new")
    expired = EXPIRED_REASON  # the Plymouth leaflet is past its review date, the Sheffield one a draft
    kiosk.fill_new_discharge(procedure_id, patient, factors, expired_reason=expired)
    assert kiosk.session.stage is Stage.PATIENT, kiosk.flow.notice.text()
    assert kiosk.session.record_id is not None
    return kiosk.session.record_id


@pytest.mark.parametrize("procedure_id", [INJECTION, BLOCK])
def test_full_discharge_from_start_screen_to_printed_sheet(qtbot: QtBot, tmp_path: Path, procedure_id: str) -> None:
    """The record ends with every confirmation, every answer, the escort, the sign-off and the sheet in hand."""
    kiosk = Kiosk(qtbot, tmp_path, print_config())
    record_id = start_discharge(kiosk, procedure_id, PATIENT_A)
    kiosk.walk_patient(wrong_first=True)
    assert kiosk.walk_kind() is ScreenKind.THANK_YOU
    kiosk.take_back()
    kiosk.review_and_sign_off()
    assert kiosk.session.stage is Stage.PRINT
    pdf = kiosk.print_and_hand_over()
    assert kiosk.session.stage is Stage.LOCKED and kiosk.screen is kiosk.window.start_screen

    record = kiosk.store.get(record_id)
    walk_steps = {s.id for s in procedure(procedure_id).steps if s.condition.applies(frozenset())}
    assert record.confirmed_step_ids == walk_steps | {WARNING_SIGNS_ID}
    questions = [q.id for q in procedure(procedure_id).questions if q.condition.applies(frozenset())]
    assert [a.question_id for a in record.answers] == [q for q in questions for _ in (0, 1)]
    assert [a.correct for a in record.answers] == [False, True] * len(questions)
    assert record.escort is not None and record.escort.name == "Ade Smith"
    assert record.escort.phone == "+447700900123" and record.escort.relationship == "Son"
    assert record.sign_off is not None and record.sign_off.nurse_name == NURSE
    assert record.sign_off.checklist and all(ticked for _, ticked in record.sign_off.checklist)
    assert record.state is DischargeState.COMPLETED
    kinds = [event.kind for event in kiosk.store.print_events(record_id)]
    assert PrintEventKind.SAVED_TO_OUTBOX in kinds and kinds[-1] is PrintEventKind.SHEET_IN_HAND
    if procedure_id == BLOCK:
        assert ("expired-leaflet", EXPIRED_REASON) in record.overrides
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Oyelaran-Smith" in text and record_id in text


def test_diabetic_patient_sees_the_blood_sugar_step_and_a_non_diabetic_does_not(qtbot: QtBot, tmp_path: Path) -> None:
    seen: dict[bool, list[str]] = {}
    for diabetic in (True, False):
        kiosk = Kiosk(qtbot, tmp_path / str(diabetic))
        factors = frozenset({Factor.DIABETIC}) if diabetic else frozenset()
        start_discharge(kiosk, BLOCK, PATIENT_A, factors)
        kiosk.click("start")
        headings = []
        while kiosk.walk_kind() is ScreenKind.STEP:
            headings.append(kiosk.session.walk.current.step.id)  # type: ignore[union-attr]
            kiosk.understand()
        seen[diabetic] = headings
    assert "blood-sugar" in seen[True]
    assert "blood-sugar" not in seen[False]


def test_nobody_cannot_reach_sign_off_without_a_nurse_reason(qtbot: QtBot, tmp_path: Path) -> None:
    """ "Nobody is staying with me" -> please ask a nurse -> PIN -> reason -> review; no reason, no sign-off."""
    kiosk = Kiosk(qtbot, tmp_path)
    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_patient(escort=False)
    assert kiosk.session.stage is Stage.NO_ESCORT
    assert kiosk.screen.findChild(type(kiosk.window.start_screen)) is None
    kiosk.click("action")
    assert kiosk.session.stage is Stage.PIN and kiosk.session.pin_purpose is PinPurpose.NO_ESCORT
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.REASON
    kiosk.click("reason-cancel")
    assert kiosk.session.stage is Stage.PATIENT, "no reason: back to the patient to name someone"
    kiosk.click("start")
    assert kiosk.walk_kind() is ScreenKind.ESCORT
    assert kiosk.session.sign_off_blockers(kiosk.store.get(record_id))
    kiosk.click("nobody")
    kiosk.click("action")
    kiosk.type_pin()
    kiosk.give_reason("Stays on the ward overnight; bed booked")
    assert kiosk.session.stage is Stage.REVIEW
    record = kiosk.store.get(record_id)
    assert record.no_escort_reason == "Stays on the ward overnight; bed booked" and record.escort is None
    kiosk.review_and_sign_off()
    assert kiosk.store.get(record_id).sign_off is not None


def test_idle_then_resume_carries_on_from_the_record(qtbot: QtBot, tmp_path: Path) -> None:
    """Idle wipe mid-walk, then the nurse resumes from the list: the patient carries on where they stopped."""
    kiosk = Kiosk(qtbot, tmp_path)
    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.click("start")
    kiosk.understand()
    kiosk.understand()
    where = kiosk.session.walk.current  # type: ignore[union-attr]
    kiosk.ticks.advance(kiosk.flow.config.patient_idle_seconds)
    kiosk.flow.idle.check()
    kiosk.ticks.advance(kiosk.flow.config.idle_countdown_seconds)
    kiosk.flow.tick_countdown()
    assert kiosk.session.stage is Stage.LOCKED
    assert not [t for t in kiosk.texts() if "Margaret" in t]
    kiosk.sign_in()
    kiosk.click(kiosk.button_in_row(record_id, "row-resume"))
    assert kiosk.session.stage is Stage.PATIENT
    greeting = [t for t in kiosk.texts() if t.startswith("Welcome back")]
    assert greeting == ["Welcome back, Margaret"]
    kiosk.click("start")
    assert kiosk.session.walk.current == where  # type: ignore[union-attr]


def test_patient_a_then_b_nothing_of_a_on_bs_screens_or_sheet(qtbot: QtBot, tmp_path: Path) -> None:
    """Two discharges in a row: nothing of patient A on any of B's screens, widgets or B's sheet (H3)."""
    kiosk = Kiosk(qtbot, tmp_path, print_config())
    start_discharge(kiosk, BLOCK, PATIENT_A, frozenset({Factor.DIABETIC}))
    kiosk.walk_patient()
    kiosk.take_back()
    kiosk.review_and_sign_off()
    kiosk.print_and_hand_over()
    # Nor in memory behind the screens: every call the discharge made is answered and dropped by its lane (issue
    # 19: a lane kept each call, its record or sheet PDF included, until its deadline, 30 s after it was answered).
    lanes = (kiosk.flow.workers.cups, kiosk.flow.workers.records, kiosk.flow.workers.purge)
    assert [lane.pending_deadlines for lane in lanes] == [0, 0, 0]

    a_details = [PATIENT_A.name, PATIENT_A.first_name, PATIENT_A.hospital_number, PATIENT_A.nhs_number, "Ade Smith"]
    seen_on_b: list[str] = []
    record_b = start_discharge(kiosk, INJECTION, PATIENT_B)
    seen_on_b += kiosk.texts()
    kiosk.click("start")
    while kiosk.walk_kind() is not ScreenKind.THANK_YOU:
        seen_on_b += kiosk.texts()
        kind = kiosk.walk_kind()
        if kind is ScreenKind.QUESTION:
            question = kiosk.session.walk.current.question  # type: ignore[union-attr]
            kiosk.click(f"option-{question.answer}")
            kiosk.click("next")
        elif kind is ScreenKind.ESCORT:
            kiosk.fill_escort("Ola Nowak", "Wife", "07700 900456")
            seen_on_b += kiosk.texts()
            kiosk.click("confirm-escort")
        else:
            kiosk.understand()
    seen_on_b += kiosk.texts()
    kiosk.take_back()
    seen_on_b += kiosk.texts()
    kiosk.review_and_sign_off()
    seen_on_b += kiosk.texts()
    pdf = kiosk.print_and_hand_over(before_hand_over=lambda: seen_on_b.extend(kiosk.texts()))
    sheet = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert PATIENT_B.hospital_number in sheet and record_b in sheet
    for detail in a_details:
        assert detail
        assert detail not in sheet, f"{detail!r} of patient A on patient B's sheet"
        assert not [t for t in seen_on_b if detail in t], f"{detail!r} of patient A on patient B's screens"
