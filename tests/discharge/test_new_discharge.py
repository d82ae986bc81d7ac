"""The nurse's new-discharge form: every field checked at once, with a message for each wrong one."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.loader import Library, load_library
from kiosk.content.model import Factor, Procedure
from kiosk.discharge.new_discharge import (
    DischargeForm,
    FormErrors,
    Side,
    default_ended,
    describe_ended,
    ended_limits,
    format_date_digits,
    medicines_after_ticks,
    offered_factors,
    parse_date_of_birth,
    prefilled_medicines,
    reason_problem,
    step_ended,
    validate_new_discharge,
)

NOW = datetime(2026, 11, 21, 14, 37, 20).astimezone()


@cache
def library() -> Library:
    return load_library(today=NOW.date())


def injection() -> Procedure:
    """The Sheffield content as it will be once approved: these tests are about the form (drafts: below)."""
    draft = library().get("nerve-root-injection")
    return dataclasses.replace(
        draft, document=dataclasses.replace(draft.document, approved=True, approved_on=NOW.date())
    )


def block() -> Procedure:
    """The shipped nerve root block leaflet is past its review date (August 2025)."""
    return library().get("nerve-root-block")


def good_form(**changes: object) -> DischargeForm:
    form = DischargeForm(
        procedure_id="nerve-root-injection",
        patient_name="  Margaret   Oyelaran-Smith ",
        date_of_birth="09031948",
        hospital_number="rhq 1234567",
        nhs_number="943 476 5919",
        procedure_ended=NOW - timedelta(minutes=40),
        side=Side.LEFT.value,
        level="L5",
        medicines=("Kenalog (a steroid)", " Bupivacaine  ", "", "kenalog (a steroid)"),
        factors=frozenset({Factor.DIABETIC}),
        large_print=True,
    )
    return dataclasses.replace(form, **changes)


def errors_of(form: DischargeForm, procedure: Procedure | None) -> dict[str, str]:
    with pytest.raises(FormErrors) as caught:
        validate_new_discharge(form, procedure, NOW)
    return caught.value.errors


def test_a_complete_form_becomes_a_new_discharge_in_the_form_the_record_keeps() -> None:
    result = validate_new_discharge(good_form(), injection(), NOW)
    assert result.procedure_id == "nerve-root-injection"
    assert result.patient.name == "Margaret Oyelaran-Smith"
    assert result.patient.date_of_birth == date(1948, 3, 9)
    assert result.patient.hospital_number == "RHQ 1234567"
    assert result.patient.nhs_number == "9434765919"
    assert result.procedure_ended == NOW - timedelta(minutes=40)
    assert result.side_level == "Left L5"
    assert result.medicines == ("Kenalog (a steroid)", "Bupivacaine"), "blank lines and repeats dropped"
    assert result.factors == frozenset(), "the Sheffield content depends on no factor: a stray tick is not kept"
    assert result.large_print is True
    assert result.expired_reason is None


def test_the_form_offers_only_the_factors_the_procedure_uses_in_the_fixed_order() -> None:
    assert offered_factors(None) == ()
    assert offered_factors(injection()) == (), "no condition in the Sheffield file: no ticks"
    assert offered_factors(block()) == (Factor.DIABETIC, Factor.BLOOD_THINNERS)
    sedated = sedation_block()
    assert offered_factors(sedated) == (Factor.DIABETIC, Factor.BLOOD_THINNERS, Factor.SEDATION)
    form = good_form(
        procedure_id=sedated.id,
        factors=frozenset({Factor.DIABETIC, Factor.STEROID_GIVEN}),
        expired_reason="Checked with the pain team",
    )
    result = validate_new_discharge(form, sedated, NOW)
    assert result.factors == frozenset({Factor.DIABETIC}), "a factor the leaflet does not use is dropped"


def sedation_block() -> Procedure:
    """The block with a medicine given only under sedation (a version-2 condition on a medicine)."""
    from kiosk.content.model import Condition, Medicine

    midazolam = Medicine("Midazolam (a sedative)", "to help you relax", Condition(all_of=frozenset({Factor.SEDATION})))
    return dataclasses.replace(block(), medicines=(*block().medicines, midazolam))


def test_medicines_follow_the_ticks_but_keep_what_the_nurse_typed() -> None:
    sedated = sedation_block()
    plain = prefilled_medicines(sedated)
    assert "Midazolam (a sedative)" not in plain
    with_sedation = prefilled_medicines(sedated, frozenset({Factor.SEDATION}))
    assert with_sedation == (*plain, "Midazolam (a sedative)")
    typed = (plain[0], "Paracetamol 1 g")  # the nurse removed the steroid line and added one
    ticked = medicines_after_ticks(typed, sedated, frozenset(), frozenset({Factor.SEDATION}))
    assert ticked == (plain[0], "Paracetamol 1 g", "Midazolam (a sedative)")
    assert medicines_after_ticks(ticked, sedated, frozenset({Factor.SEDATION}), frozenset()) == typed
    edited = (*typed, "Midazolam 2 mg")  # edited by the nurse: not the prefilled line, so it stays
    assert medicines_after_ticks(edited, sedated, frozenset({Factor.SEDATION}), frozenset()) == edited


def test_every_problem_is_reported_at_once() -> None:
    """An empty form lists every required field, so the nurse fixes them in one go."""
    errors = errors_of(DischargeForm(), None)
    assert set(errors) == {"procedure", "patient_name", "date_of_birth", "hospital_number", "procedure_ended"}
    assert all(message.strip() for message in errors.values())


def test_the_chosen_procedure_must_match_the_form() -> None:
    errors = errors_of(good_form(procedure_id="nerve-root-block"), injection())
    assert set(errors) == {"procedure"}


def test_expired_leaflet_needs_a_reason_which_is_kept() -> None:
    """Hazard H2: a leaflet past its review date is used only with the nurse's recorded reason."""
    form = good_form(procedure_id="nerve-root-block")
    assert "expired_reason" in errors_of(form, block())
    assert "expired_reason" in errors_of(dataclasses.replace(form, expired_reason="  ok "), block())
    result = validate_new_discharge(
        dataclasses.replace(form, expired_reason=" Consultant  checked: advice still correct "), block(), NOW
    )
    assert result.expired_reason == "Consultant checked: advice still correct"


def test_a_current_leaflet_keeps_no_reason() -> None:
    result = validate_new_discharge(good_form(expired_reason="left over"), injection(), NOW)
    assert result.expired_reason is None


@pytest.mark.parametrize(
    ("nhs_number", "expected"),
    [("", None), ("   ", None), ("943-476-5919", "9434765919")],
)
def test_nhs_number_is_optional(nhs_number: str, expected: str | None) -> None:
    result = validate_new_discharge(good_form(nhs_number=nhs_number), injection(), NOW)
    assert result.patient.nhs_number == expected


def test_nhs_number_with_a_wrong_check_digit_is_refused() -> None:
    errors = errors_of(good_form(nhs_number="9434765918"), injection())
    assert set(errors) == {"nhs_number"}
    assert "check digit" in errors["nhs_number"]


@pytest.mark.parametrize(
    ("ended", "ok"),
    [
        (NOW, True),
        (NOW + timedelta(minutes=5), True),
        (NOW + timedelta(minutes=6), False),
        (NOW - timedelta(hours=23, minutes=59), True),
        (NOW - timedelta(hours=24, minutes=1), False),
    ],
)
def test_procedure_end_not_in_the_future_nor_more_than_a_day_ago(ended: datetime, ok: bool) -> None:
    form = good_form(procedure_ended=ended)
    if ok:
        assert validate_new_discharge(form, injection(), NOW).procedure_ended == ended
    else:
        assert set(errors_of(form, injection())) == {"procedure_ended"}


def test_side_and_level_are_needed_when_the_procedure_asks() -> None:
    errors = errors_of(good_form(side="", level=" "), injection())
    assert set(errors) == {"side", "level"}
    errors = errors_of(good_form(side="Up", level="L5"), injection())
    assert set(errors) == {"side"}
    assert validate_new_discharge(good_form(side="Both sides", level="L4  and L5"), injection(), NOW).side_level == (
        "Both sides L4 and L5"
    )


def test_side_and_level_are_not_asked_when_the_procedure_does_not_need_them() -> None:
    no_side = dataclasses.replace(injection(), asks_side_and_level=False)
    result = validate_new_discharge(good_form(side="", level=""), no_side, NOW)
    assert result.side_level == ""


def test_too_many_or_too_long_medicines() -> None:
    assert "medicines" in errors_of(good_form(medicines=("x" * 121,)), injection())
    assert "medicines" in errors_of(good_form(medicines=tuple(f"medicine {i}" for i in range(13))), injection())


@pytest.mark.parametrize(
    ("typed", "born"),
    [("09031948", date(1948, 3, 9)), ("9/3/1948", date(1948, 3, 9)), (" 09.03.1948 ", date(1948, 3, 9))],
)
def test_date_of_birth_from_the_keypad_or_typed(typed: str, born: date) -> None:
    assert parse_date_of_birth(typed) == born


@pytest.mark.parametrize("typed", ["31021950", "0903194", "1948-03-09", "yesterday"])
def test_date_of_birth_that_is_not_a_date(typed: str) -> None:
    errors = errors_of(good_form(date_of_birth=typed), injection())
    assert set(errors) == {"date_of_birth"}


def test_date_of_birth_in_the_future_is_refused() -> None:
    errors = errors_of(good_form(date_of_birth="01012027"), injection())
    assert "future" in errors["date_of_birth"]


def test_keypad_digits_show_as_a_date_while_typing() -> None:
    assert format_date_digits("") == ""
    assert format_date_digits("0") == "0"
    assert format_date_digits("0903") == "09/03"
    assert format_date_digits("090319") == "09/03/19"
    assert format_date_digits("09031948") == "09/03/1948"


def test_medicines_prefilled_from_the_procedure() -> None:
    assert prefilled_medicines(injection()) == tuple(m.name for m in injection().medicines)
    assert prefilled_medicines(injection())


def test_reason_rules() -> None:
    assert reason_problem("") and reason_problem("  a ") and reason_problem("x" * 301)
    assert reason_problem("Staying on the ward") == ""


# -- the end-time stepper ------------------------------------------------------------------------------------


def test_end_time_starts_at_now_to_the_minute() -> None:
    assert default_ended(NOW) == NOW.replace(second=0, microsecond=0)


def test_five_minute_steps_land_on_the_grid_and_hours_keep_the_minutes() -> None:
    start = NOW.replace(hour=12, minute=37, second=0)
    assert step_ended(start, -5, NOW).strftime("%H:%M") == "12:35"
    assert step_ended(start, 5, NOW).strftime("%H:%M") == "12:40"
    assert step_ended(step_ended(start, -5, NOW), -5, NOW).strftime("%H:%M") == "12:30"
    assert step_ended(start, -60, NOW).strftime("%H:%M") == "11:37"
    assert step_ended(start, 60, NOW).strftime("%H:%M") == "13:37"


def test_steps_stop_at_the_limits() -> None:
    earliest, latest = ended_limits(NOW)
    assert step_ended(default_ended(NOW), 60, NOW) == latest
    assert step_ended(earliest + timedelta(minutes=2), -60, NOW) == earliest


@given(st.lists(st.sampled_from([-60, -5, 5, 60]), max_size=60))
def test_any_taps_stay_within_the_limits_and_pass_validation(taps: list[int]) -> None:
    ended = default_ended(NOW)
    for minutes in taps:
        ended = step_ended(ended, minutes, NOW)
    earliest, latest = ended_limits(NOW)
    assert earliest <= ended <= latest
    assert validate_new_discharge(good_form(procedure_ended=ended), injection(), NOW).procedure_ended == ended


def test_end_time_described_as_the_nurse_thinks_of_it() -> None:
    assert describe_ended(NOW.replace(second=0), NOW) == "14:37 today (just now)"
    assert describe_ended(NOW - timedelta(minutes=25), NOW).startswith("14:12 today (25 minutes ago")
    assert describe_ended(NOW - timedelta(hours=15), NOW) == "23:37 yesterday (15 h 00 min ago)"


def test_a_draft_is_refused_unless_the_ward_allows_drafts_and_then_needs_a_reason() -> None:
    """H2: the shipped Sheffield content is not approved; a ward install refuses it (content.allow_drafts)."""
    draft = library().get("nerve-root-injection")
    assert draft.document.is_draft
    assert "DRAFT" in errors_of(good_form(), draft)["procedure"]
    with pytest.raises(FormErrors) as refused:
        validate_new_discharge(good_form(), draft, NOW, allow_drafts=True)
    assert "DRAFT" in refused.value.errors["expired_reason"]
    result = validate_new_discharge(good_form(expired_reason="Training day"), draft, NOW, allow_drafts=True)
    assert result.expired_reason == "Training day"
