"""Every patient and nurse screen fits at every text size, in both palettes, at three screen sizes (issue 12), in
every language the patient can choose (issue 17).

Each screen is reached the way a ward reaches it (the driver clicks the real buttons through two discharges:
one walked to the end with a wrong answer, one that says "Nobody is staying with me"), then measured with
``tests/ui/fit.py`` under each of the six themes: no text wider or taller than the rect it is drawn in, no two
controls overlapping, nothing cut off by the window.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.content.model import Factor
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import PATIENT_STAGES, Stage
from kiosk.languages import LANGUAGES
from kiosk.ui import theme
from tests.discharge_support import BLOCK, INJECTION, new_discharge
from tests.ui.driver import Kiosk
from tests.ui.fit import fit_problems

SCREEN_SIZES = [(1280, 800), (800, 1280), (1024, 768)]
THEMES = [theme.ThemeChoice(size, palette) for size in theme.TextSize for palette in theme.Palette]
# By design, a nurse screen with no patient walk open is shown at the default text size and palette: the text size
# is the patient's choice, made on their welcome screen and dropped with their walk (Flow._drop_patient_screens);
# nurses have no size control. So those screens are measured in both palettes at that size (FitCheck asserts the
# size each time; test_nurse_screens_drop_the_patients_text_size shows it after a patient chose the largest).
# The nurse screens shown while a walk is open (the PIN pads for take-back, nobody staying and a call for help, the
# no-escort reason) are at the patient's size, so they are measured at every size like the patient's screens.
NURSE_THEMES = [theme.ThemeChoice(theme.TextSize.NORMAL, palette) for palette in theme.Palette]


class FitCheck:
    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.problems: list[str] = []
        self.screens: list[str] = []

    def __call__(self, where: str) -> None:
        """Measure the screen showing now under every theme, then go back to the one the patient chose."""
        flow = self.kiosk.flow
        chosen = flow.theme_choice
        self.screens.append(where)
        patient = self.kiosk.session.stage in PATIENT_STAGES or self.kiosk.session.walk is not None
        if not patient:
            assert chosen.size is theme.TextSize.NORMAL, f"{where} shown at {chosen.size}"
        for choice in THEMES if patient else NURSE_THEMES:
            flow._set_theme(choice)
            for problem in fit_problems(self.kiosk.window):
                self.problems.append(f"{where} [{choice.size.value}, {choice.palette.value}]: {problem}")
        flow._set_theme(chosen)


REASON = "Training kiosk: the review is booked"


def assert_content_in(kiosk: Kiosk, language: str) -> None:
    """The walk shows the procedure from its translation file in ``language`` (not the English with the UI in it)."""
    walk = kiosk.session.walk
    assert walk is not None and walk.content_facts["content_language"] == language, walk and walk.content_facts


def walk_every_screen(kiosk: Kiosk, check: FitCheck, language: str = "en") -> None:
    check("start")
    kiosk.click(kiosk.window.start_screen.nurse_button)
    check("nurse PIN")
    kiosk.type_pin()
    check("nurse home")
    kiosk.click("home-new")
    check("new discharge, empty")
    kiosk.session.new_discharge_cancelled()
    # The procedure's own text in the language, from its translation (a draft: shown with the nurse's reason).
    translated = language != "en"
    new = new_discharge(BLOCK, factors=frozenset(Factor), expired_reason=REASON)
    kiosk.hand_over(replace(new, language=language, draft_translation=translated))
    assert_content_in(kiosk, language)
    check("welcome")
    kiosk.click("start")
    wrong_shown = False
    while kiosk.walk_kind() is not ScreenKind.THANK_YOU:
        walk = kiosk.session.walk
        assert walk is not None
        screen = walk.current
        check(f"{screen.kind.value} {screen.key}")
        if screen.kind is ScreenKind.QUESTION:
            assert screen.question is not None
            if not wrong_shown:
                wrong = next(i for i in range(len(screen.question.options)) if i != screen.question.answer)
                kiosk.click(f"option-{wrong}")
                check(f"{screen.key} wrong answer")
                kiosk.click("next")
                wrong_shown = True
            kiosk.click(f"option-{screen.question.answer}")
            check(f"{screen.key} right answer")
            kiosk.click("next")
        elif screen.kind is ScreenKind.ESCORT:
            kiosk.click("confirm-escort")
            check("escort with an error")
            kiosk.fill_escort(name="Alexandra Oyelaran-Smith", relationship="Son or daughter")
            check("escort filled")
            kiosk.click("confirm-escort")
        else:
            if screen.number == 2:
                kiosk.ticks.advance(kiosk.flow.config.patient_idle_seconds + 1)
                kiosk.flow.idle.check()
                check("are you still there")
                kiosk.click("still-here")
                kiosk.click("help")
                check("a nurse is on the way")
                kiosk.click("help-answer")
                check("nurse PIN: answer a call for help")
                kiosk.type_pin()
            kiosk.understand()
    check("thank you")
    kiosk.click("action")
    if kiosk.session.stage is Stage.PIN:
        kiosk.type_pin()
    assert kiosk.session.stage is Stage.REVIEW
    check("nurse review")
    kiosk.session.lock()

    kiosk.sign_in()
    kiosk.hand_over(replace(new_discharge(INJECTION, expired_reason=REASON), language=language))
    assert_content_in(kiosk, language)
    kiosk.walk_to_escort()
    kiosk.click("nobody")
    check("nobody staying: ask a nurse")
    kiosk.click("action")
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.REASON
    edit = kiosk.screen.findChild(QLineEdit, "reason-text")
    if edit is not None:
        kiosk.type_text(edit, "Her sister collects her; she stays on the ward until then.")
    check("nobody staying: the nurse's reason")
    kiosk.session.failed()
    check("something went wrong")


# Each walk measures about 25 screens under six themes (a minute on a busy machine): English, Polish (the longest
# words) and Urdu (right to left, tall script) at every screen size; the other languages at the kiosk's own.
LANGUAGE_SIZES = [
    *((code, size) for code in ("en", "pl", "ur") for size in SCREEN_SIZES),
    *((code, SCREEN_SIZES[0]) for code in LANGUAGES if code not in ("en", "pl", "ur")),
]


@pytest.mark.parametrize(
    ("language", "size"), LANGUAGE_SIZES, ids=[f"{code}-{w}x{h}" for code, (w, h) in LANGUAGE_SIZES]
)
def test_every_screen_fits_at_every_text_size(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int], language: str
) -> None:
    """Each language's words are longer or taller than English somewhere (Polish and Romanian run long, Gurmukhi
    and Arabic script stand taller): every screen is measured in each."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.window.resize(*size)
    check = FitCheck(kiosk)
    walk_every_screen(kiosk, check, language)
    assert len(check.screens) >= 20, check.screens
    assert not check.problems, f"{len(check.problems)} problems:\n" + "\n".join(check.problems[:60])


def test_first_nurse_screen_fits(qtbot: QtBot, tmp_path: Path) -> None:
    problems: list[str] = []
    kiosk = Kiosk(qtbot, tmp_path, nurse=False)
    for size in SCREEN_SIZES:
        kiosk.window.resize(*size)
        if kiosk.session.stage is Stage.LOCKED:
            kiosk.click(kiosk.window.start_screen.nurse_button)
        assert kiosk.session.stage is Stage.FIRST_NURSE
        check = FitCheck(kiosk)
        check(f"first nurse {size}")
        problems += check.problems
    assert not problems, "\n".join(problems[:40])


def test_nurse_screens_drop_the_patients_text_size(qtbot: QtBot, tmp_path: Path) -> None:
    """The patient chose the largest text and high contrast; the nurse screens after their walk (the review, and
    nurse home after it) are at the default again, and fit there. The PIN pad of the take-back, still inside
    the walk, keeps the patient's choice (and is measured at every size by the walk above)."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("size-largest")
    kiosk.click("high-contrast")
    largest = theme.ThemeChoice(theme.TextSize.LARGEST, theme.Palette.HIGH_CONTRAST)
    assert kiosk.flow.theme_choice == largest
    kiosk.walk_patient()
    kiosk.click("action")
    assert kiosk.session.stage is Stage.PIN and kiosk.flow.theme_choice == largest
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.REVIEW and kiosk.session.walk is None
    assert kiosk.flow.theme_choice == theme.ThemeChoice()
    assert not fit_problems(kiosk.window)
    kiosk.click("review-back")
    assert kiosk.session.stage is Stage.NURSE_HOME
    assert kiosk.flow.theme_choice == theme.ThemeChoice()
    assert not fit_problems(kiosk.window)
