"""A new nurse's name and PIN: the store's rules, checked first, plus no guessable PINs."""

from __future__ import annotations

import pytest

from kiosk.discharge.new_discharge import FormErrors
from kiosk.discharge.new_nurse import is_guessable, validate_new_nurse


@pytest.mark.parametrize("pin", ["0000", "1111", "1234", "4567", "7890", "9876", "3210", "12345678", "0987"])
def test_guessable_pins(pin: str) -> None:
    assert is_guessable(pin)


@pytest.mark.parametrize("pin", ["2580", "4071", "1357", "1212", "90210"])
def test_pins_that_are_fine(pin: str) -> None:
    assert not is_guessable(pin)


def test_a_good_name_and_pin() -> None:
    assert validate_new_nurse("  Sam   Taylor ", "4071", "4071") == ("Sam Taylor", "4071")


@pytest.mark.parametrize(
    ("name", "pin", "again", "fields"),
    [
        ("", "4071", "4071", {"name"}),
        ("Sam Taylor", "407", "407", {"pin"}),
        ("Sam Taylor", "123456789", "123456789", {"pin"}),
        ("Sam Taylor", "40a1", "40a1", {"pin"}),
        ("Sam Taylor", "1234", "1234", {"pin"}),
        ("Sam Taylor", "4071", "4017", {"pin_again"}),
        ("Nurse 2", "4071", "4017", {"name", "pin_again"}),
    ],
)
def test_problems_by_field(name: str, pin: str, again: str, fields: set[str]) -> None:
    with pytest.raises(FormErrors) as caught:
        validate_new_nurse(name, pin, again)
    assert set(caught.value.errors) == fields
