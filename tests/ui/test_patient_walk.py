"""The patient's screens, driven through the real controller with clicks on the real buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.content.model import Factor
from kiosk.discharge.flow import ScreenKind
from kiosk.ui.patient.base import PatientPage
from tests.discharge_support import BLOCK, INJECTION, new_discharge, procedure
from tests.ui.driver import Kiosk

MIN_TOUCH = 48
MIN_BODY_PX = 22


def check_patient_screen(kiosk: Kiosk, title: str) -> None:
    """H1 and touch rules on the screen showing now: the procedure title, 48 px targets, 22 px text."""
    screen = kiosk.screen
    assert isinstance(screen, PatientPage), type(screen).__name__
    assert screen.banner.title.text() == title and screen.banner.title.isVisible()
    for button in screen.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.height() >= MIN_TOUCH, f"{button.objectName()} is {button.height()} px high"
            assert button.width() >= MIN_TOUCH, f"{button.objectName()} is {button.width()} px wide"
    for label in screen.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert label.font().pixelSize() >= MIN_BODY_PX, f"{label.text()[:30]!r} at {label.font().pixelSize()} px"


def test_every_patient_screen_shows_the_procedure_title_and_is_touch_sized(qtbot: QtBot, tmp_path: Path) -> None:
    """From welcome to thank you: the procedure's title in the banner, targets >= 48 px, text >= 22 px (H1)."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK, factors=frozenset(Factor)))
    title = procedure(BLOCK).title
    seen = []
    check_patient_screen(kiosk, title)
    kiosk.click("start")
    while kiosk.walk_kind() is not ScreenKind.THANK_YOU:
        kind = kiosk.walk_kind()
        seen.append(kind)
        check_patient_screen(kiosk, title)
        if kind is ScreenKind.QUESTION:
            question = kiosk.session.walk.current.question  # type: ignore[union-attr]
            kiosk.click(f"option-{question.answer}")
            check_patient_screen(kiosk, title)
            kiosk.click("next")
        elif kind is ScreenKind.ESCORT:
            kiosk.fill_escort()
            kiosk.click("confirm-escort")
        else:
            kiosk.understand()
    check_patient_screen(kiosk, title)
    assert {ScreenKind.STEP, ScreenKind.QUESTION, ScreenKind.WARNING_SIGNS, ScreenKind.ESCORT} <= set(seen)


def test_step_screen_shows_progress_and_back_goes_to_the_previous_step(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION))
    kiosk.click("start")
    progress = kiosk.screen.findChild(QLabel, "progress")
    assert progress is not None
    total = sum(1 for s in kiosk.session.walk.screens if s.kind is ScreenKind.STEP)  # type: ignore[union-attr]
    assert progress.text() == f"Step 1 of {total}"
    kiosk.understand()
    assert progress.text() == f"Step 2 of {total}"
    kiosk.click("back")
    assert progress.text() == f"Step 1 of {total}"
    assert len(kiosk.store.get(kiosk.session.record_id).confirmations) == 1  # type: ignore[arg-type]


def test_timed_step_shows_the_clock_time_for_this_patient(qtbot: QtBot, tmp_path: Path) -> None:
    """A step with a timing says the clock time ("Do not drive until 08:00 Sun 22 Nov"), not just hours."""
    from kiosk.record.timeline import format_clock, moment

    kiosk = Kiosk(qtbot, tmp_path)
    new = new_discharge(INJECTION)
    kiosk.hand_over(new)
    kiosk.click("start")
    walk = kiosk.session.walk
    assert walk is not None
    while walk.current.step is None or walk.current.step.timing is None:
        kiosk.understand()
    step = walk.current.step
    timing = kiosk.screen.findChild(QLabel, "step-timing")
    assert timing is not None and timing.isVisible()
    assert timing.text() == f"{step.timing.label} {format_clock(moment(step.timing, new.procedure_ended))}"


def test_wrong_answer_shows_the_explanation_then_asks_again(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION))
    kiosk.click("start")
    while kiosk.walk_kind() is not ScreenKind.QUESTION:
        kiosk.understand()
    question = kiosk.session.walk.current.question  # type: ignore[union-attr]
    wrong = next(i for i in range(len(question.options)) if i != question.answer)
    kiosk.click(f"option-{wrong}")
    explanation = kiosk.screen.findChild(QLabel, "explanation")
    verdict = kiosk.screen.findChild(QLabel, "verdict")
    assert explanation is not None and verdict is not None
    assert explanation.isVisible() and explanation.text() == question.explanation
    assert "try again" in verdict.text().lower()
    assert not kiosk.button(f"option-{question.answer}").isEnabled(), "no second tap before reading"
    assert kiosk.button("next").text() == "Try again"
    kiosk.click("next")
    assert kiosk.button(f"option-{question.answer}").isEnabled() and not explanation.isVisible()
    kiosk.click(f"option-{question.answer}")
    assert "right" in verdict.text()
    answers = kiosk.store.get(kiosk.session.record_id).answers  # type: ignore[arg-type]
    assert [(a.chosen, a.correct) for a in answers] == [(wrong, False), (question.answer, True)]


def test_bad_phone_number_is_refused_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION))
    kiosk.walk_to_escort()
    kiosk.fill_escort(phone="12345")
    kiosk.click("confirm-escort")
    error = kiosk.screen.findChild(QLabel, "escort-error")
    assert error is not None and error.isVisible() and "phone" in error.text()
    assert kiosk.walk_kind() is ScreenKind.ESCORT
    assert kiosk.store.get(kiosk.session.record_id).escort is None  # type: ignore[arg-type]


def test_text_size_and_high_contrast_change_the_whole_app_and_reset_after(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.ui import theme

    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(INJECTION))
    greeting = kiosk.screen.findChild(QLabel, "greeting")
    assert greeting is not None
    normal = greeting.font().pixelSize()
    kiosk.click("size-largest")
    assert greeting.font().pixelSize() > normal
    kiosk.click("high-contrast")
    assert kiosk.flow.theme_choice == theme.ThemeChoice(theme.TextSize.LARGEST, theme.Palette.HIGH_CONTRAST)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.styleSheet() == theme.stylesheet(kiosk.flow.theme_choice)
    kiosk.session.lock()
    assert kiosk.flow.theme_choice == theme.ThemeChoice()
    assert app.styleSheet() == theme.stylesheet(theme.ThemeChoice()), "the next patient starts with the default"


def test_large_print_patient_starts_with_bigger_text(qtbot: QtBot, tmp_path: Path) -> None:
    """The nurse ticked large print: the patient's screens start at the larger text size (they can change it)."""
    from dataclasses import replace

    from kiosk.ui import theme

    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(replace(new_discharge(INJECTION), large_print=True))
    assert kiosk.flow.theme_choice.size is theme.TextSize.LARGE
    assert kiosk.button("size-large").isChecked()
    kiosk.click("size-normal")
    assert kiosk.flow.theme_choice.size is theme.TextSize.NORMAL
    kiosk.session.lock()
    kiosk.hand_over(new_discharge(INJECTION))
    assert kiosk.flow.theme_choice == theme.ThemeChoice()
