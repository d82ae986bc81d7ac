"""The personal timeline: relative timings from the content turned into the clock times the patient reads."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from kiosk.content.model import Factor, Procedure, Step, Timing
from kiosk.record.timeline import (
    ESCORT_LABEL,
    TimelineEntry,
    escort_until,
    follow_up_window,
    format_clock,
    format_date,
    format_day,
    format_dob,
    moment,
    timeline,
)

from .conftest import ENDED, nerve_root_block


def test_clock_times_are_24_hour_with_weekday_day_and_month() -> None:
    """Times read like a ward writes them, whatever the machine's locale."""
    assert format_clock(datetime(2025, 11, 22, 14, 30)) == "14:30 Sat 22 Nov"
    assert format_clock(datetime(2025, 11, 23, 8, 5)) == "08:05 Sun 23 Nov"
    assert format_clock(datetime(2026, 1, 1, 0, 0), year=2025) == "00:00 Thu 1 Jan 2026"
    assert format_clock(datetime(2025, 12, 31, 23, 59), year=2025) == "23:59 Wed 31 Dec"


def test_days_get_a_year_only_when_it_differs_from_the_procedures() -> None:
    assert format_day(date(2025, 12, 5)) == "5 Dec"
    assert format_day(date(2025, 12, 5), year=2025) == "5 Dec"
    assert format_day(date(2026, 1, 16), year=2025) == "16 Jan 2026"
    assert format_date(date(2025, 11, 21)) == "Fri 21 Nov 2025"
    assert format_dob(date(1948, 3, 3)) == "3 Mar 1948"


def test_escort_stays_the_contents_hours_after_the_procedure_ended() -> None:
    procedure = nerve_root_block()
    assert escort_until(procedure, ENDED) == ENDED + timedelta(hours=24)
    assert format_clock(escort_until(procedure, ENDED)) == "14:30 Sat 22 Nov"


def test_not_on_the_day_means_eight_the_next_morning() -> None:
    not_today = Timing(hours=0, label="Do not drive until", until_next_morning=True)
    assert moment(not_today, ENDED) == datetime(2025, 11, 22, 8, 0, tzinfo=ENDED.tzinfo)
    # A late finish with hours that reach past the next morning: the later of the two.
    late = Timing(hours=12, label="Do not drive until", until_next_morning=True)
    assert moment(late, datetime(2025, 11, 21, 23, 0, tzinfo=ENDED.tzinfo)) == datetime(
        2025, 11, 22, 11, 0, tzinfo=ENDED.tzinfo
    )


def test_hours_are_real_hours_across_the_change_from_summer_time() -> None:
    """24 hours after 14:30 on the Saturday before the clocks go back is 13:30 on Sunday, local time."""
    london = ZoneInfo("Europe/London")
    ended = datetime(2025, 10, 25, 14, 30, tzinfo=london)
    until = escort_until(nerve_root_block(), ended)
    assert until.astimezone(UTC) - ended.astimezone(UTC) == timedelta(hours=24)
    assert format_clock(until) == "13:30 Sun 26 Oct"


def test_timeline_is_in_time_order_with_the_escort_first_at_equal_times() -> None:
    entries = timeline(nerve_root_block(), ENDED)
    assert [entry.at for entry in entries] == sorted(entry.at for entry in entries)
    assert [(entry.step_id, format_clock(entry.at)) for entry in entries] == [
        ("driving", "08:00 Sat 22 Nov"),
        (None, "14:30 Sat 22 Nov"),
        ("dressing", "14:30 Sat 22 Nov"),
    ]
    assert entries[1] == TimelineEntry(ESCORT_LABEL, ENDED + timedelta(hours=24), None)
    assert entries[0].sentence == "Do not drive until 08:00 Sat 22 Nov"


def _with_diabetic_timing(procedure: Procedure) -> Procedure:
    steps = tuple(
        replace(step, timing=Timing(hours=48, label="Check your blood sugar until"))
        if step.id == "blood-sugar"
        else step
        for step in procedure.steps
    )
    return replace(procedure, steps=steps)


def test_with_factors_only_the_steps_that_apply_are_on_the_timeline() -> None:
    procedure = _with_diabetic_timing(nerve_root_block())
    everyone = {entry.step_id for entry in timeline(procedure, ENDED)}
    assert "blood-sugar" in everyone
    not_diabetic = {entry.step_id for entry in timeline(procedure, ENDED, frozenset())}
    assert "blood-sugar" not in not_diabetic
    diabetic = {entry.step_id for entry in timeline(procedure, ENDED, frozenset({Factor.DIABETIC}))}
    assert "blood-sugar" in diabetic


def test_steps_without_timing_are_not_on_the_timeline() -> None:
    procedure = nerve_root_block()
    untimed = replace(procedure, steps=(Step("a", "A", "text"),))
    assert [entry.step_id for entry in timeline(untimed, ENDED)] == [None]


def test_follow_up_window_is_two_dates_from_the_day_of_the_procedure() -> None:
    procedure = nerve_root_block()
    assert follow_up_window(procedure, ENDED) == (date(2025, 12, 5), date(2026, 1, 16))
    assert follow_up_window(replace(procedure, follow_up=None), ENDED) is None


def test_a_fixed_offset_time_zone_is_kept() -> None:
    ended = datetime(2025, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert escort_until(nerve_root_block(), ended).utcoffset() == timedelta(hours=1)
