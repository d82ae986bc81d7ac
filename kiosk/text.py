"""Checks on any one line of text a person types, wherever it is kept: the record, the config, a nurse's name.

Hidden and control characters are refused and never echoed back (``clean_text``, ``shown``), and nothing is cut
short silently (``length_note``). The record's own field rules (names, phone and NHS numbers) build on these in
``kiosk.record.fields``; the config and the content checker use them too, which is why they live in no package.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from kiosk.errors import KioskError
from kiosk.i18n import QT_TRANSLATE_NOOP

# Characters that draw nothing yet are letters or marks by their Unicode category (so a category check alone lets
# them through): Hangul fillers, the combining grapheme joiner, Khmer inherent vowels, Mongolian free variation
# selectors and the variation selectors. From Unicode's Default_Ignorable_Code_Point list, which Python's
# unicodedata does not expose. A name made of U+3164 prints as empty boxes.
_INVISIBLE = frozenset(
    {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x2800, 0x3164, 0xFFA0}
    | set(range(0xFE00, 0xFE10))
    | set(range(0xE0100, 0xE01F0))
)
# Controls that change the direction text is drawn in (they can make the rest of a message read backwards).
_BIDI_CONTROLS = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
_WHITESPACE_CONTROLS = frozenset("\t\n\r")


def character_problem(ch: str) -> str:
    """What is wrong with ``ch`` in typed text, in words (never the character itself), or "" if nothing.

    By Unicode category, so every control (Cc), format character (Cf: zero-width spaces and joiners, U+2060..,
    U+FEFF, the bidi controls), surrogate, private-use or unassigned code point is caught, plus the invisible
    letters above and line or paragraph separators.
    """
    code = ord(ch)
    category = unicodedata.category(ch)
    if code in _BIDI_CONTROLS:
        return QT_TRANSLATE_NOOP("patient", "a hidden text-direction mark")
    if category == "Cc":
        return "" if ch in _WHITESPACE_CONTROLS else QT_TRANSLATE_NOOP("patient", "a control character")
    if category == "Cf" or code in _INVISIBLE:
        return QT_TRANSLATE_NOOP("patient", "an invisible character")
    if category in ("Zl", "Zp"):
        return QT_TRANSLATE_NOOP("patient", "a line break")
    if category == "Co":
        return QT_TRANSLATE_NOOP("patient", "a private-use character")
    if category in ("Cs", "Cn"):
        return QT_TRANSLATE_NOOP("patient", "a character the kiosk cannot show")
    return ""


def is_visible_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and not character_problem(ch)


# The patient's screens show these in the patient's language (the values too, where they are marked texts):
# ``ValidationError.template`` and ``values``, translated by ``kiosk.ui.patient_text``.
HIDDEN_CHARACTER = QT_TRANSLATE_NOOP(
    "patient", "There is {problem} in {what}, which cannot be kept. Please type it again without it."
)
TOO_LONG = QT_TRANSLATE_NOOP(
    "patient", "Too long: at most {most} characters, and this has {length}. Please shorten {what}."
)
TOO_LONG_NOTE = QT_TRANSLATE_NOOP("patient", "Too long: at most {most} characters ({length} now).")
FULL_NOTE = QT_TRANSLATE_NOOP("patient", "That is the most this can hold ({most} characters).")
WHAT_YOU_TYPED = QT_TRANSLATE_NOOP("patient", "what you typed")


def clean_text(text: str, *, field: str, max_length: int, what: str = WHAT_YOU_TYPED) -> str:
    """One line of free text as the record keeps it: NFC, spaces tidied; refuses hidden or control characters
    and text over ``max_length`` with a message that names the problem and never echoes what was typed (F8).

    Used by every free-text field (names, relationship, reasons, medicines, nurse names; screens, store and
    command line), so no path keeps BEL, ESC, NUL or a bidi override, and nothing is cut short silently.
    """
    value = unicodedata.normalize("NFC", text or "")
    for ch in value:
        problem = character_problem(ch)
        if problem:
            raise ValidationError(
                HIDDEN_CHARACTER,
                "It may have come from copying and pasting.",
                field=field,
                values={"problem": problem, "what": what},
            )
    value = " ".join(value.split())
    if len(value) > max_length:
        raise ValidationError(
            TOO_LONG, field=field, values={"most": str(max_length), "length": str(len(value)), "what": what}
        )
    return value


def shown(text: str, limit: int | None = 60) -> str:
    """``text`` made safe to put in a message: hidden and control characters become "?", long text is cut
    with "..." (so a bidi override typed as a name cannot turn an error message around)."""
    safe = "".join("?" if character_problem(ch) or ch in _WHITESPACE_CONTROLS else ch for ch in text or "")
    return safe if limit is None or len(safe) <= limit else safe[: limit - 3] + "..."


def length_note(text: str, max_length: int) -> str:
    """What a field says as its text reaches its limit ("" below it): a field never cuts text silently."""
    template, values = length_note_parts(text, max_length)
    return template.format(**values)


def length_note_parts(text: str, max_length: int) -> tuple[str, dict[str, str]]:
    """``length_note`` as its template and values (a patient's screen shows it in their language)."""
    length = len(" ".join((text or "").split()))
    if length > max_length:
        return TOO_LONG_NOTE, {"most": str(max_length), "length": str(length)}
    if length == max_length:
        return FULL_NOTE, {"most": str(max_length)}
    return "", {}


class ValidationError(KioskError):
    """What was typed cannot be used; ``title`` says why in words the person at the screen understands.

    ``title`` may be a template with ``{fields}`` filled from ``values``; ``template`` and ``values`` are kept so a
    patient's screen can say it in the patient's language (``kiosk.ui.patient_text``): the English ``title`` is
    what the nurse's screens, the log and the command line show.
    """

    def __init__(self, title: str, hint: str = "", field: str = "", *, values: Mapping[str, str] | None = None) -> None:
        self.template = title
        self.values: dict[str, str] = dict(values or {})
        super().__init__(title.format(**self.values) if values else title, hint)
        self.field = field
