"""Several timings per step (schema version 2): hours, days and next morning, each with its label and an
"and until ..." qualifier, and escort hours for the patient's factors, across both UK clock changes of 2026.

Durations are elapsed time (a day is 24 hours even on the 23- and 25-hour days); clock times are shown on the
ward's wall clock; "next morning" is 08:00 on the wall clock (hazard H9).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.content.loader import load_procedure
from kiosk.content.model import Factor, Procedure
from kiosk.record.timeline import escort_until, format_clock, step_entries, timeline

LONDON = ZoneInfo("Europe/London")
EXAMPLE = Path(__file__).parents[1] / "content" / "examples" / "caudal-epidural.yaml"
SEDATED = frozenset({Factor.SEDATION})
NONE: frozenset[Factor] = frozenset()
# Saturday 28 March 2026, 14:30 GMT: the clocks go forward at 01:00 GMT on Sunday 29 March.
SPRING = datetime(2026, 3, 28, 14, 30, tzinfo=LONDON)
# Saturday 24 October 2026, 23:45 BST: the clocks go back at 01:00 GMT on Sunday 25 October.
AUTUMN = datetime(2026, 10, 24, 23, 45, tzinfo=LONDON)


@pytest.fixture(scope="module")
def procedure() -> Procedure:
    return load_procedure(EXAMPLE, today=date(2026, 12, 1))


def _sentences(procedure: Procedure, ended: datetime, factors: frozenset[Factor]) -> list[str]:
    return [entry.sentence for entry in timeline(procedure, ended, factors, LONDON)]


def test_spring_forward_sedated_patient(procedure: Procedure) -> None:
    assert _sentences(procedure, SPRING, SEDATED) == [
        # 24 elapsed hours from 14:30 GMT is 14:30 GMT = 15:30 BST on the Sunday.
        "Someone must stay with you until 15:30 Sun 29 Mar",
        "Do not drive until 15:30 Sun 29 Mar and until the numbness in your legs has gone",
        "No alcohol until 15:30 Sun 29 Mar",
        "You can take the plaster off after 15:30 Sun 29 Mar",
        # 2 days = 48 elapsed hours.
        "Do not have a bath or swim until 15:30 Mon 30 Mar",
    ]


def test_spring_forward_patient_without_sedation(procedure: Procedure) -> None:
    assert _sentences(procedure, SPRING, NONE) == [
        "Someone must stay with you until 03:30 Sun 29 Mar",  # 12 hours: 02:30 GMT = 03:30 BST
        "Do not drive until 08:00 Sun 29 Mar and until the numbness in your legs has gone",  # wall-clock 08:00
        "You can take the plaster off after 15:30 Sun 29 Mar",
        "Do not have a bath or swim until 15:30 Mon 30 Mar",
    ]


def test_fall_back_with_days_and_next_morning(procedure: Procedure) -> None:
    factors = frozenset({Factor.DIABETIC, Factor.STEROID_GIVEN})
    assert _sentences(procedure, AUTUMN, factors) == [
        "Do not drive until 08:00 Sun 25 Oct and until the numbness in your legs has gone",
        "Someone must stay with you until 10:45 Sun 25 Oct",  # 12 h from 22:45 UTC = 10:45 GMT
        "You can take the plaster off after 22:45 Sun 25 Oct",  # 24 h on the 25-hour day: an hour earlier
        "Do not have a bath or swim until 22:45 Mon 26 Oct",
        "Check your blood sugar often until 22:45 Tue 27 Oct",  # 3 days
    ]


def test_days_are_elapsed_24_hour_days_in_utc(procedure: Procedure) -> None:
    plaster = next(step for step in procedure.steps if step.id == "plaster")
    for ended in (SPRING, AUTUMN):
        off, bath = step_entries(plaster, ended, LONDON)
        assert off.at.astimezone(UTC) - ended.astimezone(UTC) == timedelta(hours=24)
        assert bath.at.astimezone(UTC) - ended.astimezone(UTC) == timedelta(hours=48)
        assert off.at.tzinfo is LONDON


def test_step_entries_for_one_screen_keep_file_order_and_conditions(procedure: Procedure) -> None:
    driving = procedure.steps[0]
    assert len(step_entries(driving, SPRING, LONDON)) == 2  # an author's overview: both
    (sedated,) = step_entries(driving, SPRING, LONDON, SEDATED)
    (plain,) = step_entries(driving, SPRING, LONDON, NONE)
    assert (sedated.clock, plain.clock) == ("15:30 Sun 29 Mar", "08:00 Sun 29 Mar")
    assert sedated.qualifier == "and until the numbness in your legs has gone"
    assert sedated.step_id == "no-driving"
    assert format_clock(sedated.at) == sedated.clock


def _elapsed(until: datetime) -> timedelta:
    return until.astimezone(UTC) - SPRING.astimezone(UTC)


def test_escort_hours_follow_the_patients_factors_and_err_long_without_them(procedure: Procedure) -> None:
    assert _elapsed(escort_until(procedure, SPRING, LONDON, NONE)) == timedelta(hours=12)
    assert _elapsed(escort_until(procedure, SPRING, LONDON, SEDATED)) == timedelta(hours=24)
    # Without factors: the longest any patient is told (a caller that forgets the factors errs on the safe side).
    assert escort_until(procedure, SPRING, LONDON) == escort_until(procedure, SPRING, LONDON, SEDATED)
    # A procedure already narrowed to one patient gives that patient's hours.
    assert _elapsed(escort_until(procedure.for_patient(NONE), SPRING, LONDON)) == timedelta(hours=12)


def test_the_same_moment_keeps_the_escort_first_then_file_order(procedure: Procedure) -> None:
    entries = timeline(procedure, SPRING, SEDATED, LONDON)
    same = [entry for entry in entries if entry.clock == "15:30 Sun 29 Mar"]
    assert [entry.step_id for entry in same] == [None, "no-driving", "after-sedation", "plaster"]
