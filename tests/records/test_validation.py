"""What nurses and patients type is checked and normalised before it reaches the record or the sheet (H4)."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.errors import KioskError
from kiosk.record.fields import (
    normalise_phone,
    valid_nhs_number,
    validate_date_of_birth,
    validate_hospital_number,
    validate_patient_name,
    validate_relationship,
)
from kiosk.text import ValidationError


@pytest.mark.parametrize(
    ("typed", "e164", "display"),
    [
        ("07700 900123", "+447700900123", "07700 900123"),  # Ofcom's drama range: accepted for training
        ("07911123456", "+447911123456", "07911 123456"),
        ("+44 7911 123456", "+447911123456", "07911 123456"),
        ("0044 (0)20 7946 0018", "+442079460018", "020 7946 0018"),
        ("0161 496 0000", "+441614960000", "0161 496 0000"),
        ("+33 6 12 34 56 78", "+33612345678", "+33 6 12 34 56 78"),
        ("+1 202-555-0143", "+12025550143", "+1 202-555-0143"),
        ("+353 87 123 4567", "+353871234567", "+353 87 123 4567"),
    ],
)
def test_phone_numbers_are_normalised_to_e164_with_a_readable_form(typed: str, e164: str, display: str) -> None:
    """UK numbers are shown the way people in the UK write them; others in international form."""
    assert normalise_phone(typed) == (e164, display)


@pytest.mark.parametrize("typed", ["", "   ", "12345", "07700 90012", "999", "0791112345678", "call me", "O7911123456"])
def test_impossible_phone_numbers_are_refused_with_a_message_a_patient_understands(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        normalise_phone(typed)
    assert isinstance(refused.value, KioskError)
    assert refused.value.field == "phone"
    assert "phone number" in refused.value.title
    assert "E.164" not in refused.value.title


def test_a_number_without_country_code_is_read_in_the_default_region() -> None:
    assert normalise_phone("06 12 34 56 78", default_region="FR") == ("+33612345678", "+33 6 12 34 56 78")


@pytest.mark.parametrize(("typed", "digits"), [("943 476 5919", "9434765919"), ("401-023-2137", "4010232137")])
def test_nhs_numbers_with_a_correct_check_digit_are_accepted(typed: str, digits: str) -> None:
    assert valid_nhs_number(typed) == digits


@pytest.mark.parametrize(
    "typed", ["943 476 5918", "4010232138", "943476591", "94347659190", "1111111111", "abcdefghij"]
)
def test_nhs_numbers_with_a_wrong_check_digit_or_length_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="NHS number"):
        valid_nhs_number(typed)


@pytest.mark.parametrize("last", range(10))
def test_a_number_whose_check_digit_would_be_ten_is_never_valid(last: int) -> None:
    """Modulus 11: 1..9 weighted 10..2 sum to 210, remainder 1, check digit 10: no such number is issued."""
    with pytest.raises(ValidationError):
        valid_nhs_number(f"123456789{last}")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Zoë   O'Brien-Łukasz ", "Zoë O'Brien-Łukasz"),
        ("محمد عبد الله", "محمد عبد الله"),
        ("Nguyễn Thị Minh Khai", "Nguyễn Thị Minh Khai"),
        ("श्रीनिवास रामानुजन", "श्रीनिवास रामानुजन"),
        ("Dr. J. Smith (Jr)", "Dr. J. Smith (Jr)"),
    ],
)
def test_names_in_any_script_are_kept_with_spaces_tidied(typed: str, kept: str) -> None:
    assert validate_patient_name(typed) == kept


@pytest.mark.parametrize("typed", ["", "   ", "RJ123456", "Smith<b>", "x" * 101, "---"])
def test_empty_numeric_symbolic_or_overlong_names_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        validate_patient_name(typed)


def test_date_of_birth_cannot_be_in_the_future_or_implausibly_old() -> None:
    today = date(2026, 11, 21)
    assert validate_date_of_birth(date(1950, 3, 14), today) == date(1950, 3, 14)
    assert validate_date_of_birth(today, today) == today
    with pytest.raises(ValidationError, match="future"):
        validate_date_of_birth(date(2026, 11, 22), today)
    with pytest.raises(ValidationError, match="130 years"):
        validate_date_of_birth(date(1890, 1, 1), today)


@pytest.mark.parametrize(
    ("typed", "kept"), [("rj123456", "RJ123456"), (" H 123 456 ", "H 123 456"), ("A1/22-3", "A1/22-3")]
)
def test_hospital_numbers_are_upper_cased_and_tidied(typed: str, kept: str) -> None:
    assert validate_hospital_number(typed) == kept


@pytest.mark.parametrize("typed", ["", "A1", "x" * 21, "RJ12#45", "Ä123456", "-123-"])
def test_bad_hospital_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="hospital number"):
        validate_hospital_number(typed)


def test_relationship_is_short_free_text() -> None:
    assert validate_relationship("  my   wife ") == "my wife"
    with pytest.raises(ValidationError):
        validate_relationship("")
    with pytest.raises(ValidationError):
        validate_relationship("x" * 41)
