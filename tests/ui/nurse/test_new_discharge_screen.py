"""The nurse's new-discharge screen, driven by taps and typing on the real widgets, with the shipped library."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.content.loader import Library, load_library
from kiosk.content.model import Factor
from kiosk.discharge.new_discharge import NewDischarge
from kiosk.ui.keypad import KeypadField
from kiosk.ui.nurse.new_discharge import NewDischargeScreen

NOW = datetime(2026, 11, 21, 14, 37).astimezone()
LEFT = Qt.MouseButton.LeftButton


@cache
def shipped() -> Library:
    return load_library(today=NOW.date())


@cache
def approved_library() -> Library:
    """The shipped library with the Sheffield draft as it will be once approved: for the tests about the form
    itself (approval has its own tests below)."""
    procedures = tuple(
        dataclasses.replace(p, document=dataclasses.replace(p.document, approved=True, approved_on=NOW.date()))
        for p in shipped().procedures
    )
    return Library(shipped().directory, procedures, shipped().problems)


def make_screen(qtbot: QtBot, library: Library | None = None, allow_drafts: bool = False) -> NewDischargeScreen:
    screen = NewDischargeScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    screen.load(library or shipped(), NOW, allow_drafts)
    return screen


def tap(qtbot: QtBot, screen: NewDischargeScreen, widget: QWidget) -> None:
    screen.scroll_to(widget)
    qtbot.mouseClick(widget, LEFT)


def type_into(qtbot: QtBot, screen: NewDischargeScreen, edit: QLineEdit, text: str) -> None:
    screen.scroll_to(edit)
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def keypad_entry(qtbot: QtBot, screen: NewDischargeScreen, field: KeypadField, digits: str) -> None:
    tap(qtbot, screen, field.button)
    assert field.overlay is not None
    for digit in digits:
        qtbot.mouseClick(field.overlay.keypad.keys[digit], LEFT)
    qtbot.mouseClick(field.overlay.keypad.ok_key, LEFT)


def fill_patient(qtbot: QtBot, screen: NewDischargeScreen) -> None:
    type_into(qtbot, screen, screen.name_edit, "Margaret Oyelaran-Smith")
    keypad_entry(qtbot, screen, screen.dob_field, "09031948")
    type_into(qtbot, screen, screen.hospital_edit, "rhq1234567")
    keypad_entry(qtbot, screen, screen.nhs_field, "9434765919")


def submit(qtbot: QtBot, screen: NewDischargeScreen) -> NewDischarge:
    with qtbot.waitSignal(screen.submitted, timeout=1000) as blocker:
        qtbot.mouseClick(screen.submit_button, LEFT)
    result = blocker.args[0]
    assert isinstance(result, NewDischarge)
    return result


def test_procedures_show_version_and_review_state_and_none_is_chosen_for_the_nurse(qtbot: QtBot) -> None:
    """H1/H2: the nurse picks the procedure; each shows its version, and an out-of-date one says so."""
    screen = make_screen(qtbot)
    assert set(screen.procedure_buttons) == {"nerve-root-block", "nerve-root-injection"}
    assert not any(choice.isChecked() for choice in screen.procedure_buttons.values())
    block = screen.procedure_buttons["nerve-root-block"].text_lines()
    assert block[0] == "Nerve root block"
    assert block[1].startswith("Version 3 · Approved by Pain Management")
    assert "PAST ITS REVIEW DATE" in block[2] and "31 Aug 2025" in block[2]
    injection = screen.procedure_buttons["nerve-root-injection"].text_lines()
    # On main this draft read "Up to date": its approval is the first thing the nurse reads now.
    assert injection[1].endswith("⚠ DRAFT - not yet approved")
    assert injection[2] == "Review date 21 Nov 2027"  # not "Up to date"
    assert not screen.problems_label.isVisible()
    assert not screen.side_field.isVisible(), "side and level appear once a procedure that asks is chosen"


def test_a_complete_discharge_by_taps_and_typing(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, approved_library())
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-injection"])
    assert screen.header.context.text() == "Nerve root injection (spine)"
    assert not screen.reason_field.isVisible()
    fill_patient(qtbot, screen)
    tap(qtbot, screen, screen.ended.step_buttons[-5])
    tap(qtbot, screen, screen.ended.step_buttons[-5])
    assert screen.ended.display.text().startswith("14:30 today")
    tap(qtbot, screen, screen.side_level.side_buttons["Right"])
    tap(qtbot, screen, screen.side_level.level_buttons["L5"])
    assert screen.medicines.medicines() == tuple(m.name for m in shipped().get("nerve-root-injection").medicines)
    tap(qtbot, screen, screen.medicines.remove_buttons()[3])
    tap(qtbot, screen, screen.medicines.add_button)
    qtbot.keyClicks(screen.medicines.lines[-1], "Paracetamol 1 g")
    assert not any(row.isVisible() for row in screen.factor_rows.values()), "Sheffield depends on no factor"
    tap(qtbot, screen, screen.large_print.checkbox)

    result = submit(qtbot, screen)
    assert result.procedure_id == "nerve-root-injection"
    assert result.patient.name == "Margaret Oyelaran-Smith"
    assert result.patient.date_of_birth.isoformat() == "1948-03-09"
    assert result.patient.hospital_number == "RHQ1234567"
    assert result.patient.nhs_number == "9434765919"
    assert result.procedure_ended == NOW - timedelta(minutes=7)
    assert result.side_level == "Right L5"
    assert result.medicines[-1] == "Paracetamol 1 g"
    assert "Dye (contrast)" not in result.medicines
    assert result.factors == frozenset()
    assert result.large_print is True
    assert result.expired_reason is None
    assert screen.errors() == {}


def test_an_out_of_date_leaflet_needs_a_reason(qtbot: QtBot) -> None:
    """H2: choosing the expired leaflet shows a warning, and it cannot be used without a reason."""
    screen = make_screen(qtbot)
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-block"])
    assert screen.review_notice.isVisible()
    assert "passed its review date on 31 Aug 2025" in screen.review_notice.text()
    assert screen.reason_field.isVisible()
    fill_patient(qtbot, screen)
    tap(qtbot, screen, screen.side_level.side_buttons["Left"])
    type_into(qtbot, screen, screen.side_level.level_edit, "L4/5")
    with qtbot.assertNotEmitted(screen.submitted):
        qtbot.mouseClick(screen.submit_button, LEFT)
    assert set(screen.errors()) == {"expired_reason"}
    assert screen.summary.isVisible() and screen.summary.text().startswith("1 thing")

    tap(qtbot, screen, screen.reason_picks[0])
    result = submit(qtbot, screen)
    assert result.expired_reason == screen.reason_edit.text() == "Consultant checked: advice still correct"
    assert result.side_level == "Left L4/5"


def test_every_problem_shows_next_to_its_field(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    with qtbot.assertNotEmitted(screen.submitted):
        qtbot.mouseClick(screen.submit_button, LEFT)
    errors = screen.errors()
    assert set(errors) == {"procedure", "patient_name", "date_of_birth", "hospital_number"}
    assert screen.fields["procedure"].error.isVisibleTo(screen)
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-injection"])
    assert "procedure" not in screen.errors(), "choosing a procedure clears its message"
    keypad_entry(qtbot, screen, screen.nhs_field, "9434765918")
    qtbot.mouseClick(screen.submit_button, LEFT)
    assert "check digit" in screen.errors()["nhs_number"]
    assert {"side", "level"} <= set(screen.errors())


def test_end_time_buttons_stop_at_the_limits(qtbot: QtBot) -> None:
    screen = make_screen(qtbot)
    plus_hour = screen.ended.step_buttons[60]
    tap(qtbot, screen, plus_hour)
    assert not plus_hour.isEnabled(), "no later than 5 minutes from now"
    assert screen.ended.value() == NOW + timedelta(minutes=5)
    minus_hour = screen.ended.step_buttons[-60]
    for _ in range(30):
        if minus_hour.isEnabled():
            qtbot.mouseClick(minus_hour, LEFT)
    assert not minus_hour.isEnabled()
    assert screen.ended.value() > NOW - timedelta(hours=24)
    qtbot.mouseClick(screen.ended.now_button, LEFT)
    assert screen.ended.value() == NOW


def test_changing_procedure_refills_the_medicines_and_side_level_follows_the_procedure(qtbot: QtBot) -> None:
    injection = shipped().get("nerve-root-injection")
    no_side = dataclasses.replace(shipped().get("nerve-root-block"), asks_side_and_level=False)
    library = Library("test", (no_side, injection), ())
    screen = make_screen(qtbot, library)
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-block"])
    assert not screen.side_field.isVisible()
    assert screen.medicines.medicines() == ("Local anaesthetic", "Steroid (not always given)")
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-injection"])
    assert screen.side_field.isVisible()
    assert screen.medicines.medicines()[0] == "Kenalog (a steroid)"


def test_a_procedure_due_for_review_shows_a_notice_and_needs_no_reason(qtbot: QtBot) -> None:
    injection = approved_library().get("nerve-root-injection")
    due = dataclasses.replace(
        injection, document=dataclasses.replace(injection.document, review=NOW.date() + timedelta(days=10))
    )
    screen = make_screen(qtbot, Library("test", (due,), ()))
    assert screen.procedure_buttons[due.id].text_lines()[2].startswith("Review due soon")
    tap(qtbot, screen, screen.procedure_buttons[due.id])
    assert screen.review_notice.isVisible() and "due for review" in screen.review_notice.text()
    assert not screen.reason_field.isVisible()


def test_broken_leaflet_files_are_shown_to_the_nurse(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "procedures"
    folder.mkdir()
    shutil.copy(paths.procedures_dir() / "nerve-root-injection.yaml", folder)
    (folder / "broken-leaflet.yaml").write_text("id: broken-leaflet\ntitle: [unclosed\n", encoding="utf-8")
    library = load_library(folder, today=NOW.date())
    assert library.has_errors
    screen = make_screen(qtbot, library)
    assert screen.problems_label.isVisible()
    assert "broken-leaflet.yaml" in screen.problems_label.text()
    assert list(screen.procedure_buttons) == ["nerve-root-injection"]


def test_the_ticks_offered_follow_the_procedure_and_a_tick_that_no_longer_applies_is_cleared(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, approved_library())
    assert not any(row.isVisible() for row in screen.factor_rows.values()), "no procedure chosen: no ticks"
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-block"])
    shown = [f for f, row in screen.factor_rows.items() if row.isVisible()]
    assert shown == [Factor.DIABETIC, Factor.BLOOD_THINNERS]
    assert not screen.no_factors.isVisible()
    tap(qtbot, screen, screen.factor_rows[Factor.DIABETIC])
    assert screen.form().factors == frozenset({Factor.DIABETIC})

    tap(qtbot, screen, screen.procedure_buttons["nerve-root-injection"])
    assert not any(row.isVisible() for row in screen.factor_rows.values())
    assert not any(row.isChecked() for row in screen.factor_rows.values()), "the diabetic tick was cleared"
    assert screen.no_factors.isVisible() and "no questions" in screen.no_factors.text()
    assert screen.form().factors == frozenset()

    tap(qtbot, screen, screen.procedure_buttons["nerve-root-block"])
    assert not screen.factor_rows[Factor.DIABETIC].isChecked(), "coming back does not bring the old tick back"


def test_ticking_sedation_adds_the_sedation_only_medicine_and_unticking_removes_it(qtbot: QtBot) -> None:
    from kiosk.content.model import Condition, Medicine

    base = approved_library()
    block = base.get("nerve-root-block")
    midazolam = Medicine("Midazolam", "to help you relax", Condition(all_of=frozenset({Factor.SEDATION})))
    sedated = dataclasses.replace(block, medicines=(*block.medicines, midazolam))
    library = Library(base.directory, (sedated,), ())
    screen = make_screen(qtbot, library)
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-block"])
    assert screen.factor_rows[Factor.SEDATION].isVisible()
    assert "Midazolam" not in screen.medicines.medicines()
    tap(qtbot, screen, screen.factor_rows[Factor.SEDATION])
    assert screen.medicines.medicines()[-1] == "Midazolam"
    tap(qtbot, screen, screen.factor_rows[Factor.SEDATION])
    assert "Midazolam" not in screen.medicines.medicines()


def test_an_empty_library_says_no_discharge_can_start(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, Library("empty", (), ()))
    assert "No procedure" in screen.fields["procedure"].error_text()


def test_cancel_and_clear_leave_no_patient_detail_anywhere(qtbot: QtBot) -> None:
    """H3: after clear (idle wipe) or cancel, no widget on the screen holds anything the nurse typed."""
    screen = make_screen(qtbot)
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-block"])
    fill_patient(qtbot, screen)
    type_into(qtbot, screen, screen.reason_edit, "Checked with Dr Patel")
    tap(qtbot, screen, screen.factor_rows[Factor.BLOOD_THINNERS])
    with qtbot.waitSignal(screen.cancelled, timeout=1000):
        qtbot.mouseClick(screen.cancel_button, LEFT)
    shown = [w.text() for w in screen.findChildren(QLineEdit)]
    shown += [w.text() for w in screen.findChildren(QLabel)]
    shown += [w.text() for w in screen.findChildren(QAbstractButton)]
    everything = " ".join(shown)
    for detail in ("Oyelaran", "RHQ", "rhq", "1948", "943", "Patel", "Nerve root block"):
        assert detail not in everything, detail
    assert screen.dob_field.value() == "" and screen.nhs_field.value() == ""
    assert not any(row.isChecked() for row in screen.factor_rows.values())
    assert screen.procedure_buttons == {}


@pytest.mark.parametrize("procedure_id", ["nerve-root-injection", "nerve-root-block"])
def test_renders_at_tablet_size_with_touch_sized_controls(qtbot: QtBot, tmp_path: Path, procedure_id: str) -> None:
    screen = make_screen(qtbot)
    tap(qtbot, screen, screen.procedure_buttons[procedure_id])
    qtbot.mouseClick(screen.submit_button, LEFT)
    qtbot.wait(20)
    for control in screen.findChildren(QAbstractButton) + screen.findChildren(QLineEdit):
        if control.isVisibleTo(screen) and not isinstance(control.parent(), QAbstractButton):
            assert control.height() >= 48, control.objectName()
    assert screen.height() == 800
    assert screen.grab().save(str(tmp_path / f"new-{procedure_id}.png"))


def test_a_draft_is_refused_on_a_ward_that_refuses_drafts(qtbot: QtBot) -> None:
    """H2: the default ward install cannot start a discharge with content nobody has approved."""
    screen = make_screen(qtbot)
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-injection"])
    assert screen.review_notice.isVisible() and "does not use drafts" in screen.review_notice.text()
    assert not screen.reason_field.isVisible()
    fill_patient(qtbot, screen)
    tap(qtbot, screen, screen.side_level.side_buttons["Right"])
    tap(qtbot, screen, screen.side_level.level_buttons["L5"])
    with qtbot.assertNotEmitted(screen.submitted):
        qtbot.mouseClick(screen.submit_button, LEFT)
    assert "DRAFT" in screen.errors()["procedure"]


def test_where_drafts_are_allowed_a_draft_needs_a_reason_which_is_kept(qtbot: QtBot) -> None:
    screen = make_screen(qtbot, allow_drafts=True)
    tap(qtbot, screen, screen.procedure_buttons["nerve-root-injection"])
    assert "DRAFT" in screen.review_notice.text() and screen.reason_field.isVisible()
    fill_patient(qtbot, screen)
    tap(qtbot, screen, screen.side_level.side_buttons["Right"])
    tap(qtbot, screen, screen.side_level.level_buttons["L5"])
    with qtbot.assertNotEmitted(screen.submitted):
        qtbot.mouseClick(screen.submit_button, LEFT)
    assert "DRAFT" in screen.errors()["expired_reason"]
    type_into(qtbot, screen, screen.reason_edit, "Training kiosk: spinal service demonstration")
    assert submit(qtbot, screen).expired_reason == "Training kiosk: spinal service demonstration"
