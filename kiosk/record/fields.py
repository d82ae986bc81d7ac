"""Checks on what a nurse or a patient types into a discharge record, shared by the screens and the record store.

Each function returns the value in the one form the record keeps (a phone number as E.164, an NHS number as ten
digits) or raises ``ValidationError`` with a sentence the person at the screen can act on. The screens show the
message as it is, so it never names a format, a library or a field name.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.text import ValidationError, character_problem, clean_text, is_visible_letter

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


def normalise_phone(text: str, default_region: str = "GB") -> tuple[str, str]:
    """(E.164, display form): UK numbers shown the national way ("07700 900123"), others internationally.

    A number without a country code is read as a number in ``default_region``; "+", "00" and "(0)" prefixes are
    understood. Only numbers that can exist are accepted (right length and a real range for that country).
    """
    import phonenumbers  # here, not at import: the settings and name checks run before the first paint

    cleaned = (text or "").strip()
    if not cleaned:
        raise ValidationError(QT_TRANSLATE_NOOP("patient", "Please type a phone number."), field="phone")
    if any(character_problem(ch) for ch in cleaned):
        raise ValidationError(
            QT_TRANSLATE_NOOP("patient", "That phone number contains a hidden character. Please type it again."),
            field="phone",
        )
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


_BAD_PHONE = QT_TRANSLATE_NOOP("patient", "That does not look like a phone number. Please check the digits.")


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
    name = clean_text(text, field=field, max_length=MAX_NAME_LENGTH, what=QT_TRANSLATE_NOOP("patient", "the name"))
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("patient", "Please type the name."), field=field)
    if not any(is_visible_letter(ch) for ch in name):
        raise ValidationError(
            QT_TRANSLATE_NOOP("patient", "A name needs at least one letter you can see."), field=field
        )
    for ch in name:
        if ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LM":
            continue
        if ch.isdigit():
            raise ValidationError(
                QT_TRANSLATE_NOOP("patient", "A name cannot contain numbers. Please check it."), field=field
            )
        # Only visible characters are left here (clean_text refused the rest), so naming it is safe.
        raise ValidationError(
            QT_TRANSLATE_NOOP("patient", "A name cannot contain “{character}”. Please check it."),
            field=field,
            values={"character": ch},
        )
    return name


def validate_patient_name(text: str) -> str:
    return validate_person_name(text, field="patient_name")


def validate_relationship(text: str) -> str:
    """How the escort is related to the patient ("wife", "son", "friend"): short free text."""
    value = clean_text(
        text, field="relationship", max_length=10_000, what=QT_TRANSLATE_NOOP("patient", "who they are to you")
    )
    if not value:
        raise ValidationError(
            QT_TRANSLATE_NOOP("patient", "Please say how they know you, for example: wife, son, friend."),
            field="relationship",
        )
    if len(value) > MAX_RELATIONSHIP_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "patient", "Please keep it short (at most {most} characters), for example: wife, son, friend."
            ),
            field="relationship",
            values={"most": str(MAX_RELATIONSHIP_LENGTH)},
        )
    if not any(is_visible_letter(ch) for ch in value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("patient", "Please use words, for example: wife, son, friend."), field="relationship"
        )
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
