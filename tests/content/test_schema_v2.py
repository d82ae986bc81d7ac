"""Schema version 2 (issue 15): the worked example, conditions everywhere, urgency, escort, contacts and risks.

The worked example (``examples/caudal-epidural.yaml``, the same text as in procedures/README.md) is the file
every v2 feature is tested through: a sedated and a non-sedated patient must get different warning signs,
escort advice and timings.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.content.kinds import Record
from kiosk.content.loader import check_file, load_procedure
from kiosk.content.model import (
    Condition,
    Factor,
    Frequency,
    OpeningHours,
    RiskForm,
    Urgency,
    format_risk,
)
from kiosk.content.schema import PROCEDURE
from tests.content.conftest import SHIPPED

EXAMPLE = Path(__file__).parent / "examples" / "caudal-epidural.yaml"
GOOD = Path(__file__).parent / "good"
V1 = Path(__file__).parent / "v1"
GUIDE = (SHIPPED / "README.md").read_text(encoding="utf-8")
TODAY = date(2026, 12, 1)
LONDON = ZoneInfo("Europe/London")
NONE: frozenset[Factor] = frozenset()
SEDATED = frozenset({Factor.SEDATION})


@pytest.fixture(scope="module")
def example() -> object:
    return load_procedure(EXAMPLE, today=TODAY)


def test_the_worked_example_in_the_guide_is_the_shipped_example_file() -> None:
    section = GUIDE.split("## A worked example (schema version 2)", 1)[1]
    text = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert text == EXAMPLE.read_text(encoding="utf-8")


def test_the_worked_example_checks_clean_readability_included() -> None:
    report = check_file(EXAMPLE, today=TODAY, readability=True)
    assert report.procedure is not None
    assert report.problems == ()
    assert report.procedure.schema_version == 2
    assert report.procedure.document.is_draft


def _v2_keys(record: Record, found: set[str]) -> set[str]:
    for key, field in record.fields.items():
        if field.since >= 2:
            found.add(key)
        kind = getattr(field.kind, "item", field.kind)
        if isinstance(kind, Record):
            _v2_keys(kind, found)
    return found


def test_the_worked_example_uses_every_heading_version_2_adds() -> None:
    """'Using every v2 feature' made checkable: every version-2 heading of the schema appears in the example."""
    text = EXAMPLE.read_text(encoding="utf-8")
    v2 = _v2_keys(PROCEDURE, set())
    assert {"any_of", "timings", "days", "and_until", "warning_signs", "escort", "rules", "how_often"} <= v2
    assert {key for key in v2 if f"{key}:" not in text} == set()
    for factor in ("sedation", "general-anaesthetic", "diabetic", "steroid-given", "contrast-dye"):
        assert factor in text


def test_the_worked_example_uses_every_condition_on_every_kind_of_content(example: object) -> None:
    procedure = load_procedure(EXAMPLE, today=TODAY)
    kinds = {
        "steps": [step.condition for step in procedure.steps],
        "timings": [timing.condition for step in procedure.steps for timing in step.timings],
        "questions": [question.condition for question in procedure.questions],
        "expectations": [item.condition for item in procedure.expectations],
        "warning signs": [flag.condition for flag in procedure.red_flags],
        "medicines": [item.condition for item in procedure.medicines],
        "escort rules": [rule.condition for rule in procedure.responsible_adult.rules],
        "contacts": [contact.condition for contact in procedure.contacts],
        "escort signs": [sign.condition for sign in procedure.escort.watch_for] if procedure.escort else [],
        "risks": [risk.condition for risk in procedure.risks],
    }
    for kind, conditions in kinds.items():
        assert any(not condition.is_always for condition in conditions), kind
    every = [condition for conditions in kinds.values() for condition in conditions]
    assert any(c.all_of for c in every) and any(c.any_of for c in every) and any(c.none_of for c in every)


def test_a_sedated_and_a_non_sedated_patient_get_different_signs_escort_advice_and_timings() -> None:
    procedure = load_procedure(EXAMPLE, today=TODAY)
    plain, sedated = procedure.for_patient(NONE), procedure.for_patient(SEDATED)
    emergency = {group.urgency: [flag.id for flag in group.signs] for group in plain.groups}[Urgency.EMERGENCY]
    emergency_sedated = {group.urgency: [f.id for f in group.signs] for group in sedated.groups}[Urgency.EMERGENCY]
    assert emergency == ["both-legs-weak", "bowel-bladder"]
    assert emergency_sedated == ["both-legs-weak", "bowel-bladder", "slow-breathing"]
    assert plain.escort is not None and sedated.escort is not None
    assert [sign.sign for sign in sedated.escort.watch_for][:2] == [
        "They are very sleepy and hard to wake",
        "Their breathing is slow, noisy or shallow",
    ]
    assert len(plain.escort.watch_for) == 2
    assert plain.escort.call == ("nhs-111", "nhs-999")  # the day unit's number is for sedated patients only
    assert sedated.escort.call == ("day-unit", "nhs-111", "nhs-999")
    assert (plain.responsible_adult.hours, sedated.responsible_adult.hours) == (12, 24)
    assert "whole day" in sedated.responsible_adult.text and "whole day" not in plain.responsible_adult.text
    assert [step.id for step in plain.steps] == ["no-driving", "going-home", "plaster"]
    assert [step.id for step in sedated.steps] == ["no-driving", "after-sedation", "plaster"]
    plain_drive, sedated_drive = plain.steps[0].timings, sedated.steps[0].timings
    assert len(plain_drive) == len(sedated_drive) == 1
    assert plain_drive[0].until_next_morning and not sedated_drive[0].until_next_morning
    assert sedated_drive[0].hours == 24
    assert [m.name.split(" ")[0] for m in sedated.medicines] == ["Local", "Midazolam"]
    assert [q.id for q in sedated.questions] == ["drive-home", "alcohol", "both-legs"]
    assert [q.id for q in plain.questions] == ["drive-home", "both-legs"]
    assert len(sedated.risks) == len(plain.risks) + 1


def test_general_anaesthetic_counts_as_any_of_with_sedation() -> None:
    procedure = load_procedure(EXAMPLE, today=TODAY)
    ga = procedure.for_patient(frozenset({Factor.GENERAL_ANAESTHETIC}))
    assert ga.responsible_adult.hours == 24
    assert "slow-breathing" in [flag.id for flag in ga.red_flags]
    assert [m.name for m in ga.medicines] == ["Local anaesthetic (lidocaine and bupivacaine)"]  # no midazolam


def test_the_nurse_is_offered_only_the_factors_the_file_uses() -> None:
    assert load_procedure(EXAMPLE, today=TODAY).factors_used() == frozenset(Factor)
    assert load_procedure(GOOD / "minimal-v2.yaml", today=TODAY).factors_used() == {Factor.SEDATION}
    for_patient = load_procedure(EXAMPLE, today=TODAY).for_patient(SEDATED)
    assert for_patient.personalised_for == SEDATED
    assert for_patient.for_patient(SEDATED) == for_patient  # narrowing twice changes nothing


def test_urgency_groups_are_most_urgent_first_whatever_the_file_order(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    emergency = text[text.index("  - urgency: emergency") : text.index("  - urgency: urgent")]
    # The emergency group moved to the end of the warning_signs list (just before risks:).
    reordered = text.replace(emergency, "").replace("risks:\n", emergency + "risks:\n", 1)
    assert reordered.index("urgency: emergency") > reordered.index("urgency: office-hours")
    path = tmp_path / "reordered.yaml"
    path.write_text(reordered)
    procedure = load_procedure(path, today=TODAY)
    assert [group.urgency for group in procedure.groups] == [Urgency.EMERGENCY, Urgency.URGENT, Urgency.OFFICE_HOURS]
    assert [flag.urgency for flag in procedure.red_flags][:3] == [Urgency.EMERGENCY] * 3
    assert procedure.groups[0].heading == "Call 999 or go to A&E now"  # the default heading
    assert procedure.groups[0].call == ("nhs-999", "emergency-department")
    assert all(flag.call == procedure.groups[0].call for flag in procedure.groups[0].signs)


def test_a_version_1_file_gives_one_group_in_version_1_terms() -> None:
    procedure = load_procedure(V1 / "v1-every-heading.yaml", today=TODAY)
    assert not procedure.has_urgency_groups
    (group,) = procedure.groups
    assert (group.urgency, group.heading, group.advice) == (Urgency.URGENT, "", procedure.red_flag_advice)
    assert group.signs == procedure.red_flags
    assert group.call == ("clinic", "nhs-111", "ae")


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (Condition(), [True, True, True, True]),
        (Condition(all_of=frozenset({Factor.SEDATION})), [False, True, False, True]),
        (Condition(none_of=frozenset({Factor.SEDATION})), [True, False, True, False]),
        (Condition(any_of=frozenset({Factor.SEDATION, Factor.GENERAL_ANAESTHETIC})), [False, True, True, True]),
        (
            Condition(
                any_of=frozenset({Factor.SEDATION, Factor.GENERAL_ANAESTHETIC}), none_of=frozenset({Factor.SEDATION})
            ),
            [False, False, True, False],
        ),
    ],
)
def test_one_function_decides_every_condition(condition: Condition, expected: list[bool]) -> None:
    patients = [NONE, SEDATED, frozenset({Factor.GENERAL_ANAESTHETIC}), SEDATED | {Factor.GENERAL_ANAESTHETIC}]
    assert [condition.applies(frozenset(p)) for p in patients] == expected


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("1 in 2000", "about 1 in 2,000"),
        ("about 1 in 2,000", "about 1 in 2,000"),
        ("less than 1 in 1000", "less than 1 in 1,000"),
        ("1 in 200 to 1 in 100", "between 1 in 200 and 1 in 100"),
        ("between 1 in 100 and 1 in 200", "between 1 in 200 and 1 in 100"),
        ("5%", "about 5 in 100 (5%)"),
        ("0.5%", "about 1 in 200 (0.5%)"),
        ("2% to 5%", "between 2 and 5 in 100 (2% to 5%)"),
        ("2 to 5%", "between 2 and 5 in 100 (2% to 5%)"),
    ],
)
def test_risks_are_read_in_every_form_and_always_shown_as_figures(tmp_path: Path, written: str, shown: str) -> None:
    text = (
        (GOOD / "minimal-v2.yaml")
        .read_text()
        .replace("responsible_adult:", f"risks:\n  - name: Infection\n    how_often: {written}\nresponsible_adult:")
    )
    path = tmp_path / "risky.yaml"
    path.write_text(text)
    (risk,) = load_procedure(path, today=TODAY).risks
    assert risk.frequency == shown
    assert any(ch.isdigit() for ch in risk.frequency)


@pytest.mark.parametrize("written", ["rare", "1 in 1", "0%", "150%", "1 in 50 to 1 in 50", "1 in 2.5"])
def test_a_risk_that_cannot_be_shown_as_figures_is_an_error(tmp_path: Path, written: str) -> None:
    text = (
        (GOOD / "minimal-v2.yaml")
        .read_text()
        .replace("responsible_adult:", f'risks:\n  - name: Infection\n    how_often: "{written}"\nresponsible_adult:')
    )
    path = tmp_path / "risky.yaml"
    path.write_text(text)
    report = check_file(path, today=TODAY)
    assert report.procedure is None
    assert [(p.line, p.key_path) for p in report.problems] == [(36, "risks[1].how_often")]


def test_format_risk_for_the_version_1_form() -> None:
    assert format_risk(Frequency(RiskForm.ONE_IN, 20)) == "about 1 in 20"


def test_contacts_route_by_the_ward_clock_to_111_when_the_clinic_is_closed() -> None:
    procedure = load_procedure(EXAMPLE, today=TODAY)
    clinic = procedure.contact("pain-clinic")
    assert clinic.dial == "01234 567890 ext 4321"
    assert procedure.contact("gp").dial == ""  # reached on the surgery's usual number
    assert procedure.contact("gp").hours_text == "Mon to Fri, 08:00 to 18:30"
    assert clinic.hours_text.startswith("Mon to Fri, 08:30 to 17:00")

    def route(*when: int) -> str:
        return procedure.route("pain-clinic", datetime(*when, tzinfo=LONDON)).id

    assert route(2026, 3, 27, 16, 59) == "pain-clinic"  # Friday afternoon
    assert route(2026, 3, 27, 17, 0) == "nhs-111"  # closed at 17:00
    assert route(2026, 3, 28, 10, 0) == "nhs-111"  # Saturday
    # Monday after the clocks went forward: 08:30 on the wall clock (07:30 UTC), not 08:30 UTC.
    assert route(2026, 3, 30, 8, 29) == "nhs-111"
    assert route(2026, 3, 30, 8, 30) == "pain-clinic"
    assert route(2026, 10, 26, 8, 30) == "pain-clinic"  # and after they went back


def test_opening_hours_in_figures() -> None:
    assert OpeningHours(frozenset(range(7)), time(7), time(21)).text == "Every day, 07:00 to 21:00"
    assert OpeningHours(frozenset({0, 2, 4}), time(9), time(12, 30)).text == "Mon, Wed, Fri, 09:00 to 12:30"


def test_a_contact_reached_only_as_otherwise_is_not_reported_unused() -> None:
    report = check_file(EXAMPLE, today=TODAY)
    assert not [p for p in report.problems if "no warning sign says when to call" in p.message]


def test_a_condition_no_patient_can_meet_is_warned_and_the_file_still_loads(tmp_path: Path) -> None:
    """Hazard H1: nobody has sedation and a general anaesthetic, so the step would reach no one."""
    text = (
        (GOOD / "minimal-v2.yaml").read_text().replace("all_of: [sedation]", "all_of: [sedation, general-anaesthetic]")
    )
    path = tmp_path / "nobody.yaml"
    path.write_text(text)
    report = check_file(path, today=TODAY)
    assert report.procedure is not None
    assert [(p.line, p.key_path, p.is_error) for p in report.problems] == [(24, "steps[1].condition", False)]
    assert "can never show this to anyone" in report.problems[0].message
    assert "any_of" in report.problems[0].hint


def test_a_version_1_file_changed_to_version_2_reads_the_same(tmp_path: Path) -> None:
    """Version 2 only adds: moving a file up is one line, and nothing else changes."""
    for name in ("nerve-root-block.yaml", "nerve-root-injection.yaml", "v1-every-heading.yaml"):
        text = (V1 / name).read_text(encoding="utf-8")
        assert "schema_version: 1\n" in text
        path = tmp_path / name
        path.write_text(text.replace("schema_version: 1\n", "schema_version: 2\n"))
        old, new = load_procedure(V1 / name, today=TODAY), load_procedure(path, today=TODAY)
        fields = ("steps", "red_flags", "red_flag_advice", "contacts", "risks", "questions", "responsible_adult")
        assert all(getattr(old, field) == getattr(new, field) for field in fields), name
        assert new.schema_version == 2 and old.schema_version == 1


def test_the_readability_gate_covers_the_new_text(tmp_path: Path) -> None:
    long_advice = " ".join(["Ring"] + ["the clinic"] * 12) + "."
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "    advice: Ring the Pain Clinic. When it is closed, ring NHS 111.", f"    advice: {long_advice}"
    )
    text = text.replace(
        "        and_until: the numbness in your legs has gone\n        condition:\n          none_of",
        "        and_until: " + " ".join(["the numbness"] * 11) + "\n        condition:\n          none_of",
    )
    path = tmp_path / "wordy.yaml"
    path.write_text(text)
    report = check_file(path, today=TODAY, readability=True)
    warned = {p.key_path for p in report.problems if "words" in p.message}
    assert "warning_signs[2].advice" in warned
    assert "steps[1].timings[1].and_until" in warned


def test_every_patient_of_the_example_gets_signs_each_with_someone_to_call() -> None:
    """What the checker's coverage promises, seen through for_patient (what screens and sheet use)."""
    from kiosk.content.coverage import patients

    procedure = load_procedure(EXAMPLE, today=TODAY)
    combos = patients(procedure)
    assert len(combos) == 48  # 2^6 less the 16 with both sedation and a general anaesthetic
    for factors in combos:
        shown = procedure.for_patient(factors)
        assert shown.red_flags and all(flag.call for flag in shown.red_flags), factors
        assert shown.escort is not None and shown.escort.call, factors
        kept = {contact.id for contact in shown.contacts}
        assert all(c.otherwise in kept for c in shown.contacts if c.otherwise), factors


def test_unquoted_clock_times_and_extensions_are_read_as_written(tmp_path: Path) -> None:
    """YAML 1.1 reads 17:00 as the number 1020 and 4321 as a number: the kiosk reads what the author wrote."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in (('from: "08:30"', "from: 8:30"), ('to: "17:00"', "to: 17:00"), ('"4321"', "4321")):
        text = text.replace(old, new, 1)
    path = tmp_path / "unquoted.yaml"
    path.write_text(text)
    clinic = load_procedure(path, today=TODAY).contact("pain-clinic")
    assert clinic.open == OpeningHours(frozenset(range(5)), time(8, 30), time(17, 0))
    assert clinic.dial == "01234 567890 ext 4321"
