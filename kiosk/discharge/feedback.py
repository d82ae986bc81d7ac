"""What a check question says after an answer: the verdict line and the mark on each option. Plain Python.

The verdict's first words must be true to the result whatever the options are: the old "Yes, that's right."
read as "Yes" to a patient who had rightly answered "No" to "Can you drive yourself home today?". So a verdict
starts with a mark and a word that is never an option's own ("Correct" / "Not quite"), and names the right
option in quotes. Each option is marked in text (✓ / ✗) as well as in colour and shape (the theme draws
``mark`` = right with a thick solid border, wrong with a dashed one), so the result never rests on colour alone.
"""

from __future__ import annotations

from enum import StrEnum

from kiosk.i18n import fill, translate

RIGHT_MARK = "✓"
WRONG_MARK = "✗"


class Mark(StrEnum):
    NONE = "none"
    RIGHT = "right"  # the right answer (chosen or not): highlighted, never greyed
    WRONG = "wrong"  # the patient's wrong choice


def verdict(correct: bool, ask_again: bool, right_option: str) -> str:
    """The verdict in the patient's language; the marks stay outside the translated words (never lost in one)."""
    if correct:
        said = fill(translate("patient", "Correct: “{answer}” is the right answer."), answer=right_option)
        return f"{RIGHT_MARK} {said}"
    if ask_again:
        said = translate("patient", "Not quite. Please read this, then try again.")
        return f"{WRONG_MARK} {said}"
    said = fill(
        translate("patient", "Not quite. The right answer is “{answer}”. The nurse will go over this with you."),
        answer=right_option,
    )
    return f"{WRONG_MARK} {said}"


def option_marks(options: tuple[str, ...], chosen: int, right: int) -> list[Mark]:
    """The mark of each option once the patient has chosen ``chosen``; ``right`` is the right option's index."""
    marks = [Mark.NONE] * len(options)
    marks[right] = Mark.RIGHT
    if chosen != right:
        marks[chosen] = Mark.WRONG
    return marks


def marked_text(option: str, mark: Mark) -> str:
    if mark is Mark.RIGHT:
        return f"{RIGHT_MARK}  {option}"
    if mark is Mark.WRONG:
        return f"{WRONG_MARK}  {option}"
    return option
