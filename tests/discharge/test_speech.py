"""What 'Read this to me' may say: the screen's words, never the patient's identifiers beyond the first name."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.discharge.speech import SpokenIdentity, choose_locale, redact, script

MARGARET = SpokenIdentity.from_name("Margaret Oyelaran-Smith", date(1948, 3, 9), "RHQ1234567", "943 476 5919")


def test_the_first_name_stays_and_the_surname_goes() -> None:
    assert redact("Hello Margaret Oyelaran-Smith, let's begin.", MARGARET) == "Hello Margaret, let's begin."


@pytest.mark.parametrize(
    "text",
    [
        "Hospital number RHQ1234567.",
        "Hospital number rhq 123 4567.",
        "NHS number 943 476 5919.",
        "NHS number 9434765919.",
        "Born 9 Mar 1948.",
        "Born 09/03/1948.",
        "Born 1948-03-09.",
        "Born 9th March 1948.",
    ],
)
def test_numbers_and_the_date_of_birth_are_never_spoken(text: str) -> None:
    spoken = redact(text, MARGARET)
    assert not any(part in spoken.replace(" ", "") for part in ("1234567", "9434765919", "1948", "09/03"))


def test_a_one_letter_initial_is_not_taken_out_of_every_word() -> None:
    person = SpokenIdentity.from_name("Anna K Nowak")
    assert redact("Keep the dressing on, Anna.", person) == "Keep the dressing on, Anna."
    assert redact("Anna Nowak", person) == "Anna"


def test_the_script_reads_each_text_as_a_sentence() -> None:
    parts = ["Step 2 of 6", "Do not drive yourself home", "A responsible adult must drive you.", "", "I understand"]
    assert script(parts, None) == (
        "Step 2 of 6. Do not drive yourself home. A responsible adult must drive you. I understand."
    )


def test_the_script_redacts_what_it_reads() -> None:
    assert script(["Thank you, Margaret Oyelaran-Smith"], MARGARET) == "Thank you, Margaret."


@pytest.mark.parametrize(
    ("language", "available", "chosen"),
    [
        ("pl", ["en_GB", "pl_PL"], "pl_PL"),
        ("pl_PL", ["en_GB", "pl_PL"], "pl_PL"),
        ("en", ["en_US", "en_GB"], "en_GB"),
        ("en_GB", ["en_US"], "en_US"),
        ("ur", ["en_GB", "pl_PL"], None),
        ("pa-IN", ["pa_IN"], "pa_IN"),
    ],
)
def test_a_voice_is_chosen_for_the_language_or_none(language: str, available: list[str], chosen: str | None) -> None:
    assert choose_locale(language, available) == chosen


def test_direction_marks_are_not_spoken_and_do_not_hide_a_surname_from_redaction() -> None:
    """A right-to-left screen puts bidi isolates round names and phone numbers; they say nothing."""
    from kiosk.discharge.speech import SpokenIdentity, script

    identity = SpokenIdentity.from_name("Margaret Okafor")
    words = script(["\u2068Margaret Okafor\u2069", "\u20660114 263 2115\u2069"], identity)
    assert not any(ch in words for ch in "\u2066\u2068\u2069")
    assert "Okafor" not in words and "0114 263 2115" in words
