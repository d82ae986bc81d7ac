"""Issue 12 items 4 and 6: no default focus on a button, answer feedback that never misleads, the question in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from kiosk.content.model import Factor
from kiosk.discharge import feedback
from kiosk.discharge.flow import ScreenKind
from kiosk.ui import theme
from kiosk.ui.patient.question import QuestionScreen
from tests.discharge_support import BLOCK, INJECTION, library, new_discharge
from tests.ui.driver import Kiosk
from tests.ui.fit import _clipped, _window_rect, settle


def _focused_button() -> str:
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    return focused.objectName() if isinstance(focused, QAbstractButton) else ""


def test_no_screen_opens_with_the_focus_on_an_answer_or_a_committing_button(qtbot: QtBot, tmp_path: Path) -> None:
    """Each question, the escort screen ("Nobody...") and thank you ("Finish") open with no button focused, also
    after the patient typed in a text field (Qt would move the focus into the next page's first control)."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.window.activateWindow()
    kiosk.hand_over(new_discharge(BLOCK, factors=frozenset(Factor)))
    kiosk.click("start")
    seen: list[tuple[str, str]] = []
    while kiosk.walk_kind() is not ScreenKind.THANK_YOU:
        walk = kiosk.session.walk
        assert walk is not None
        seen.append((walk.current.key, _focused_button()))
        if walk.current.kind is ScreenKind.QUESTION:
            assert walk.current.question is not None
            kiosk.click(f"option-{walk.current.question.answer}")
            seen.append((walk.current.key + " answered", _focused_button()))
            kiosk.click("next")
        elif walk.current.kind is ScreenKind.ESCORT:
            kiosk.fill_escort()
            # The patient's last touch was a text field: the focus is there, where the typing went.
            kiosk.type_text(kiosk.screen.name_edit, " Jr")  # type: ignore[attr-defined]
            kiosk.click("confirm-escort")
        else:
            kiosk.understand()
    seen.append(("thank-you", _focused_button()))
    assert any(key.startswith("question:") for key, _ in seen)
    assert [(key, name) for key, name in seen if name] == []


def test_a_tap_never_leaves_a_focus_ring_on_the_button(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.window.activateWindow()
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("size-largest")
    assert _focused_button() == ""
    kiosk.click("start")
    assert _focused_button() == ""


def _answer(kiosk: Kiosk, right: bool) -> QuestionScreen:
    kiosk.click("start")
    while kiosk.walk_kind() is not ScreenKind.QUESTION:
        kiosk.understand()
    walk = kiosk.session.walk
    assert walk is not None and walk.current.question is not None
    question = walk.current.question
    chosen = question.answer if right else next(i for i in range(len(question.options)) if i != question.answer)
    kiosk.click(f"option-{chosen}")
    screen = kiosk.screen
    assert isinstance(screen, QuestionScreen)
    return screen


def _fill_colour(button: QAbstractButton) -> str:
    """The colour drawn inside the button, right of its (left-aligned) text and clear of its border."""
    image = button.grab().toImage()
    return image.pixelColor(QPoint(button.width() - 40, button.height() // 2)).name()


@pytest.mark.parametrize("palette", list(theme.Palette))
def test_a_wrong_answer_is_marked_and_the_right_one_highlighted_never_greyed(
    qtbot: QtBot, tmp_path: Path, palette: theme.Palette
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    if palette is theme.Palette.HIGH_CONTRAST:
        kiosk.click("high-contrast")
    screen = _answer(kiosk, right=False)
    walk = kiosk.session.walk
    assert walk is not None and walk.current.question is not None
    question = walk.current.question
    wrong = next(i for i in range(len(question.options)) if i != question.answer)
    right_button = kiosk.button(f"option-{question.answer}")
    wrong_button = kiosk.button(f"option-{wrong}")
    assert right_button.text().startswith(feedback.RIGHT_MARK)
    assert wrong_button.text().startswith(feedback.WRONG_MARK)
    assert right_button.property("mark") == "right" and wrong_button.property("mark") == "wrong"
    colours = theme.palette_colours(palette)
    assert _fill_colour(right_button) == colours["primary"]
    assert _fill_colour(right_button) != colours["disabled"]
    assert _fill_colour(wrong_button) == colours["warning_background"]
    assert screen.verdict.text().startswith(feedback.WRONG_MARK + " Not quite")


def test_a_right_answer_is_marked_right_in_words_that_are_not_an_option(qtbot: QtBot, tmp_path: Path) -> None:
    """Answering "No" (rightly) to "Can you drive yourself home today?" never gets "Yes, that's right."."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    screen = _answer(kiosk, right=True)
    assert screen.question.text() == "Can you drive yourself home today?"
    assert kiosk.button("option-1").text() == f"{feedback.RIGHT_MARK}  No"
    assert not screen.verdict.text().startswith(("Yes", "No"))
    assert screen.verdict.text().startswith(f"{feedback.RIGHT_MARK} Correct")


def test_every_verdict_of_every_shipped_question_starts_true_to_the_result() -> None:
    for procedure in library().procedures:
        for question in procedure.questions:
            for chosen in range(len(question.options)):
                correct = chosen == question.answer
                for ask_again in (True, False):
                    text = feedback.verdict(correct, ask_again and not correct, question.right_option)
                    first = text.split()[1].strip(".,:")
                    assert first == ("Correct" if correct else "Not"), text
                    assert first not in {o.split()[0] for o in question.options}, (question.id, text)
                marks = feedback.option_marks(question.options, chosen, question.answer)
                assert marks[question.answer] is feedback.Mark.RIGHT
                assert marks.count(feedback.Mark.WRONG) == (0 if correct else 1)


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280), (1024, 768)], ids=["1280x800", "800x1280", "1024x768"])
def test_the_question_stays_in_view_after_an_answer_at_the_largest_text(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.window.resize(*size)
    kiosk.hand_over(new_discharge(INJECTION))
    kiosk.click("size-largest")
    screen = _answer(kiosk, right=False)
    qtbot.wait(50)
    settle()
    for widget in (screen.progress, screen.question, screen.verdict):
        assert widget.isVisible()
        whole, seen = _window_rect(widget, kiosk.window), _clipped(widget, kiosk.window)
        assert seen == whole, f"{widget.objectName()} {whole.getRect()} shows only {seen.getRect()}"
    assert screen.progress.text() == "Question 1 of 4"
