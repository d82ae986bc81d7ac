"""The rules for a nurse's name and PIN when an account is created (first start, or a new nurse).

The same checks the record store applies (``validate_person_name``, ``pin_rules.validate_new_pin``: 6 to 8
digits, not a run, a repeat or a common PIN), run before it sees them so each problem shows next to its field.
The PIN rules live in ``kiosk.records.pin_rules`` so the screens and ``main.py nurses`` share one rule set.
"""

from __future__ import annotations

from kiosk.discharge.new_discharge import FormErrors
from kiosk.record.fields import validate_person_name
from kiosk.records.pin_rules import MAX_PIN_LENGTH, MIN_PIN_LENGTH, validate_new_pin, weakness
from kiosk.text import ValidationError

__all__ = ["MAX_PIN_LENGTH", "MIN_PIN_LENGTH", "is_guessable", "validate_new_nurse", "validate_new_pin_twice"]


def is_guessable(pin: str) -> bool:
    """All one digit, a run up or down, a repeated block, or one of the most common PINs."""
    return weakness(pin) is not None


def validate_new_pin_twice(pin: str, pin_again: str) -> str:
    """A new PIN typed twice (first start, or the change asked for after signing in with a short PIN)."""
    try:
        pin = validate_new_pin(pin)
    except ValidationError as error:
        raise FormErrors({"pin": error.title}) from error
    if pin_again != pin:
        raise FormErrors({"pin_again": "The two PINs are different: enter the same PIN twice."})
    return pin


def validate_new_nurse(name: str, pin: str, pin_again: str) -> tuple[str, str]:
    """The cleaned name and the PIN, or ``FormErrors`` for fields ``name``, ``pin``, ``pin_again``."""
    errors: dict[str, str] = {}
    try:
        name = validate_person_name(name, field="name")
    except ValidationError as error:
        errors["name"] = error.title
    try:
        pin = validate_new_pin_twice(pin, pin_again)
    except FormErrors as problems:
        errors.update(problems.errors)
    if errors:
        raise FormErrors(errors)
    return name, pin
