"""A new nurse's name and PIN: the store's rules, checked first, plus no guessable PINs (one rule set, issue 13 F4)."""

from __future__ import annotations

import pytest

from kiosk.discharge.new_discharge import FormErrors
from kiosk.discharge.new_nurse import is_guessable, validate_new_nurse


@pytest.mark.parametrize(
    "pin",
    [
        "000000",
        "111111",
        "123456",
        "456789",
        "789012",
        "987654",
        "543210",
        "12345678",
        "098765",
        "121212",
        "123123",
        "12341234",
        "159753",
        "112233",
        "696969",
        "31415926",
    ],
)
def test_guessable_pins(pin: str) -> None:
    assert is_guessable(pin)


@pytest.mark.parametrize("pin", ["258036", "407193", "135792", "9021057", "73914682"])
def test_pins_that_are_fine(pin: str) -> None:
    assert not is_guessable(pin)


def test_a_good_name_and_pin() -> None:
    assert validate_new_nurse("  Sam   Taylor ", "407193", "407193") == ("Sam Taylor", "407193")


@pytest.mark.parametrize(
    ("name", "pin", "again", "fields"),
    [
        ("", "407193", "407193", {"name"}),
        ("Sam Taylor", "4071", "4071", {"pin"}),  # four digits were allowed before issue 13
        ("Sam Taylor", "40719", "40719", {"pin"}),
        ("Sam Taylor", "123456789", "123456789", {"pin"}),
        ("Sam Taylor", "40a193", "40a193", {"pin"}),
        ("Sam Taylor", "123456", "123456", {"pin"}),
        ("Sam Taylor", "407193", "407139", {"pin_again"}),
        ("Nurse 2", "407193", "407139", {"name", "pin_again"}),
    ],
)
def test_problems_by_field(name: str, pin: str, again: str, fields: set[str]) -> None:
    with pytest.raises(FormErrors) as caught:
        validate_new_nurse(name, pin, again)
    assert set(caught.value.errors) == fields
