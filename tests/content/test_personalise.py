"""Which steps and questions a patient gets, from the factors the nurse ticked."""

from __future__ import annotations

from kiosk.content.loader import Library
from kiosk.content.model import Factor
from kiosk.content.personalise import applicable_steps, conditional_factors, questions_for


def ids(items: tuple) -> list[str]:
    return [item.id for item in items]


def test_blood_sugar_advice_only_for_diabetic_patients(library: Library) -> None:
    block = library.get("nerve-root-block")
    plain = ids(applicable_steps(block, frozenset()))
    diabetic = ids(applicable_steps(block, frozenset({Factor.DIABETIC})))
    assert "blood-sugar" not in plain
    assert "blood-sugar" in diabetic
    assert [step for step in diabetic if step != "blood-sugar"] == plain


def test_steps_keep_the_order_of_the_file(library: Library) -> None:
    block = library.get("nerve-root-block")
    everything = frozenset(Factor)
    assert ids(applicable_steps(block, everything)) == ids(block.steps)
    assert ids(applicable_steps(block, frozenset())) == [
        "someone-with-you",
        "no-driving",
        "dressing",
        "painkillers",
        "moving",
    ]


def test_blood_thinner_step_only_for_patients_on_blood_thinners(library: Library) -> None:
    block = library.get("nerve-root-block")
    assert "blood-thinners" in ids(applicable_steps(block, frozenset({Factor.BLOOD_THINNERS})))
    assert "blood-thinners" not in ids(applicable_steps(block, frozenset({Factor.SEDATION})))


def test_diabetic_patients_get_the_extra_question(library: Library) -> None:
    block = library.get("nerve-root-block")
    assert ids(questions_for(block, frozenset())) == ["drive-home", "adult-hours", "leg-weakness"]
    assert ids(questions_for(block, frozenset({Factor.DIABETIC}))) == [
        "drive-home",
        "adult-hours",
        "leg-weakness",
        "blood-sugar",
    ]


def test_a_procedure_without_conditions_gives_everything_to_everyone(library: Library) -> None:
    injection = library.get("nerve-root-injection")
    for factors in (frozenset(), frozenset(Factor)):
        assert applicable_steps(injection, factors) == injection.steps
        assert questions_for(injection, factors) == injection.questions
    assert conditional_factors(injection) == frozenset()


def test_factors_stored_as_plain_strings_work_too(library: Library) -> None:
    """A record read back from the database may hold the factor names as strings."""
    block = library.get("nerve-root-block")
    as_strings = frozenset({"diabetic"})
    assert applicable_steps(block, as_strings) == applicable_steps(block, frozenset({Factor.DIABETIC}))  # type: ignore[arg-type]


def test_conditional_factors_are_the_ones_worth_asking_about(library: Library) -> None:
    assert conditional_factors(library.get("nerve-root-block")) == {Factor.DIABETIC, Factor.BLOOD_THINNERS}
