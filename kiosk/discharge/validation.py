"""Checks on what a nurse or a patient types, shared by the kiosk screens and the record store.

Each function returns the value in the one form the record keeps (a phone number as E.164, an NHS number as ten
digits) or raises ``ValidationError`` with a sentence the person at the screen can act on. The screens show the
message as it is, so it never names a format, a library or a field name.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kiosk.errors import KioskError

# Phone numbers the UK regulator (Ofcom) keeps for drama and training: they are never given to a real line, so
# phonenumbers calls the mobile range invalid. Accepting them keeps demos and training sessions working; a
# patient typing one by chance is far less likely than a trainer needing one.
_OFCOM_DRAMA_MOBILE = re.compile(r"^\+447700900\d{3}$")

MAX_NAME_LENGTH = 100
MAX_RELATIONSHIP_LENGTH = 40
MAX_PHONE_TEXT = 40
OLDEST_AGE_YEARS = 130
# Characters allowed in a name besides letters and combining marks (any script): space, apostrophes, hyphens,
# full stop, comma, brackets. Digits and other symbols are refused: they are almost always a slip of the finger
# (or the hospital number typed in the wrong box).
_NAME_PUNCTUATION = frozenset(" '’‘-‐–.,()")
_HOSPITAL_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9 /-]{1,18}[A-Z0-9]$")


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
        return "a hidden text-direction mark"
    if category == "Cc":
        return "" if ch in _WHITESPACE_CONTROLS else "a control character"
    if category == "Cf" or code in _INVISIBLE:
        return "an invisible character"
    if category in ("Zl", "Zp"):
        return "a line break"
    if category == "Co":
        return "a private-use character"
    if category in ("Cs", "Cn"):
        return "a character the kiosk cannot show"
    return ""


def is_visible_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and not character_problem(ch)


def clean_text(text: str, *, field: str, max_length: int, what: str = "what you typed") -> str:
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
                f"There is {problem} in {what}, which cannot be kept. Please type it again without it.",
                "It may have come from copying and pasting.",
                field=field,
            )
    value = " ".join(value.split())
    if len(value) > max_length:
        raise ValidationError(
            f"{what[0].upper()}{what[1:]} is too long: at most {max_length} characters, and this has {len(value)}. "
            "Please shorten it.",
            field=field,
        )
    return value


def shown(text: str, limit: int | None = 60) -> str:
    """``text`` made safe to put in a message: hidden and control characters become "?", long text is cut
    with "..." (so a bidi override typed as a name cannot turn an error message around)."""
    safe = "".join("?" if character_problem(ch) or ch in _WHITESPACE_CONTROLS else ch for ch in text or "")
    return safe if limit is None or len(safe) <= limit else safe[: limit - 3] + "..."


def length_note(text: str, max_length: int) -> str:
    """What a field says as its text reaches its limit ("" below it): a field never cuts text silently."""
    length = len(" ".join((text or "").split()))
    if length > max_length:
        return f"Too long: at most {max_length} characters ({length} now)."
    if length == max_length:
        return f"That is the most this can hold ({max_length} characters)."
    return ""


class ValidationError(KioskError):
    """What was typed cannot be used; ``title`` says why in words the person at the screen understands."""

    def __init__(self, title: str, hint: str = "", field: str = "") -> None:
        super().__init__(title, hint)
        self.field = field


def normalise_phone(text: str, default_region: str = "GB") -> tuple[str, str]:
    """(E.164, display form): UK numbers shown the national way ("07700 900123"), others internationally.

    A number without a country code is read as a number in ``default_region``; "+", "00" and "(0)" prefixes are
    understood. Only numbers that can exist are accepted (right length and a real range for that country).
    """
    import phonenumbers  # here, not at import: the settings and name checks run before the first paint

    cleaned = (text or "").strip()
    if not cleaned:
        raise ValidationError("Please type a phone number.", field="phone")
    if any(character_problem(ch) for ch in cleaned):
        raise ValidationError("That phone number contains a hidden character. Please type it again.", field="phone")
    if len(cleaned) > MAX_PHONE_TEXT or any(ch.isalpha() for ch in cleaned):
        raise ValidationError(_BAD_PHONE, field="phone")
    try:
        number = phonenumbers.parse(cleaned, default_region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_BAD_PHONE, field="phone") from exc
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not (phonenumbers.is_valid_number(number) or _OFCOM_DRAMA_MOBILE.match(e164)):
        raise ValidationError(_BAD_PHONE, field="phone")
    style = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 44 else None
    display = phonenumbers.format_number(number, style or phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return e164, display


_BAD_PHONE = "That does not look like a phone number. Please check the digits."


def valid_nhs_number(text: str) -> str:
    """Ten digits with a correct modulus-11 check digit; spaces and hyphens in the input are allowed."""
    digits = re.sub(r"[\s-]", "", text or "")
    if not digits.isascii() or not digits.isdigit() or len(digits) != 10:
        raise ValidationError(
            "An NHS number has 10 digits.", "Check the number on the wristband or letter.", field="nhs_number"
        )
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    # Ten identical digits pass the checksum for some digits (e.g. 1111111111) but are never issued.
    if check == 10 or check != int(digits[9]) or len(set(digits)) == 1:
        raise ValidationError(
            "That NHS number is not right: its check digit does not match.",
            "Check each digit against the wristband or letter, or leave it empty.",
            field="nhs_number",
        )
    return digits


def validate_person_name(text: str, field: str = "name") -> str:
    """A person's name in any script, with spaces tidied; refuses empty, too long, digits, symbols, hidden and
    control characters, and names without one visible letter (F8)."""
    name = clean_text(text, field=field, max_length=MAX_NAME_LENGTH, what="the name")
    if not name:
        raise ValidationError("Please type the name.", field=field)
    if not any(is_visible_letter(ch) for ch in name):
        raise ValidationError("A name needs at least one letter you can see.", field=field)
    for ch in name:
        if ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LM":
            continue
        if ch.isdigit():
            raise ValidationError("A name cannot contain numbers. Please check it.", field=field)
        # Only visible characters are left here (clean_text refused the rest), so naming it is safe.
        raise ValidationError(f"A name cannot contain “{ch}”. Please check it.", field=field)
    return name


def validate_patient_name(text: str) -> str:
    return validate_person_name(text, field="patient_name")


def validate_relationship(text: str) -> str:
    """How the escort is related to the patient ("wife", "son", "friend"): short free text."""
    value = clean_text(text, field="relationship", max_length=10_000, what="who they are to you")
    if not value:
        raise ValidationError("Please say how they know you, for example: wife, son, friend.", field="relationship")
    if len(value) > MAX_RELATIONSHIP_LENGTH:
        raise ValidationError(
            f"Please keep it short (at most {MAX_RELATIONSHIP_LENGTH} characters), for example: wife, son, friend.",
            field="relationship",
        )
    if not any(is_visible_letter(ch) for ch in value):
        raise ValidationError("Please use words, for example: wife, son, friend.", field="relationship")
    return value


def validate_date_of_birth(d: date, today: date) -> date:
    if d > today:
        raise ValidationError("The date of birth is in the future. Please check it.", field="date_of_birth")
    if today.year - d.year > OLDEST_AGE_YEARS:
        raise ValidationError(
            f"The date of birth is more than {OLDEST_AGE_YEARS} years ago. Please check the year.",
            field="date_of_birth",
        )
    return d


def validate_hospital_number(text: str) -> str:
    """The hospital (MRN) number in capitals with spaces tidied: 3-20 letters, digits, spaces, / or -."""
    value = " ".join((text or "").split()).upper()
    if not value:
        raise ValidationError("Please type the hospital number.", field="hospital_number")
    if not value.isascii() or not _HOSPITAL_NUMBER.match(value):
        raise ValidationError(
            "That hospital number does not look right.",
            "Use the number on the wristband: 3 to 20 letters and digits.",
            field="hospital_number",
        )
    return value
