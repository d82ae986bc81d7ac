"""The rules for a nurse's name and PIN when an account is created (first start, or a new nurse).

The same checks the record store applies (``validate_person_name``, ``nurses.validate_pin``), run before it
sees them so each problem shows next to its field, plus one more: the PIN guards patient data on an unattended
tablet (H8), so a PIN anyone would guess first (``0000``, ``1234``, ``9876``) is refused.
"""

from __future__ import annotations

import itertools

from kiosk.discharge.new_discharge import FormErrors
from kiosk.discharge.validation import ValidationError, validate_person_name
from kiosk.records.nurses import validate_pin

MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 8


def is_guessable(pin: str) -> bool:
    """All one digit, or a run up or down (``1234``, ``3210``, ``7890``)."""
    if len(set(pin)) == 1:
        return True
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return steps in ({1}, {9})


def validate_new_nurse(name: str, pin: str, pin_again: str) -> tuple[str, str]:
    """The cleaned name and the PIN, or ``FormErrors`` for fields ``name``, ``pin``, ``pin_again``."""
    errors: dict[str, str] = {}
    try:
        name = validate_person_name(name, field="name")
    except ValidationError as error:
        errors["name"] = error.title
    try:
        pin = validate_pin(pin)
    except ValidationError as error:
        errors["pin"] = error.title
    else:
        if is_guessable(pin):
            errors["pin"] = "Too easy to guess: avoid runs like 1234 and repeats like 0000."
        elif pin_again != pin:
            errors["pin_again"] = "The two PINs are different: enter the same PIN twice."
    if errors:
        raise FormErrors(errors)
    return name, pin
