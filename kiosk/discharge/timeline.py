"""The patient's personal timeline: the content's relative timings turned into clock times.

"Do not drive for 24 hours" is hard to act on at 2 a.m.; "Do not drive until 08:00 Sun 23 Nov" is not. The
kiosk screens ("stays with you until 14:30 Sat 22 Nov") and the printed sheet both compute the times here, so
they can never disagree.

Hours are real elapsed hours: the arithmetic is done in UTC and the result shown in the procedure's own time
zone, so "24 hours" across a change to or from summer time is still 24 hours. The day and month names are
spelled out here rather than with ``strftime``, which follows the machine's locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from kiosk.content.model import Factor, Procedure, Timing

NEXT_MORNING = time(8, 0)
ESCORT_LABEL = "Someone must stay with you until"

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class TimelineEntry:
    """One moment on the timeline; ``label`` completes a sentence before the clock time."""

    label: str
    at: datetime
    step_id: str | None

    @property
    def sentence(self) -> str:
        return f"{self.label} {format_clock(self.at)}"


def _after(ended: datetime, hours: float) -> datetime:
    if ended.tzinfo is None:
        return ended + timedelta(hours=hours)
    return (ended.astimezone(UTC) + timedelta(hours=hours)).astimezone(ended.tzinfo)


def moment(timing: Timing, ended: datetime) -> datetime:
    """When a timing falls for a procedure that ended at ``ended``.

    "Not on the day" (``until_next_morning``) is 08:00 the next day, or later if the timing's hours reach past it.
    """
    after = _after(ended, timing.hours)
    if not timing.until_next_morning:
        return after
    next_morning = datetime.combine(ended.date() + timedelta(days=1), NEXT_MORNING, tzinfo=ended.tzinfo)
    return max(after, next_morning)


def escort_until(procedure: Procedure, ended: datetime) -> datetime:
    """Until when the responsible adult must stay: the content's hours after the procedure ended."""
    return _after(ended, procedure.responsible_adult.hours)


def timeline(
    procedure: Procedure, ended: datetime, factors: frozenset[Factor] | None = None
) -> tuple[TimelineEntry, ...]:
    """The responsible adult's hours and every timed step, in time order.

    With ``factors``, only the steps that apply to that patient are included (the sheet passes the record's
    factors); without, every timed step is (an author's overview). At the same moment the responsible adult
    comes first, then the steps in the content's order.
    """
    escort_at = escort_until(procedure, ended)
    entries: list[tuple[datetime, int, TimelineEntry]] = [(escort_at, -1, TimelineEntry(ESCORT_LABEL, escort_at, None))]
    for index, step in enumerate(procedure.steps):
        if step.timing is None:
            continue
        if factors is not None and not step.condition.applies(factors):
            continue
        at = moment(step.timing, ended)
        entries.append((at, index, TimelineEntry(step.timing.label, at, step.id)))
    entries.sort(key=lambda item: (item[0], item[1]))
    return tuple(entry for _, _, entry in entries)


def follow_up_window(procedure: Procedure, ended: datetime) -> tuple[date, date] | None:
    """The first and last day the follow-up appointment is expected, or None if the procedure has none."""
    follow_up = procedure.follow_up
    if follow_up is None:
        return None
    day = ended.date()
    return day + timedelta(days=follow_up.earliest_days), day + timedelta(days=follow_up.latest_days)


def format_clock(at: datetime, year: int | None = None) -> str:
    """ "14:30 Sat 22 Nov": 24-hour clock, as UK wards write it; the year is added when it differs from ``year``."""
    text = f"{at:%H:%M} {_DAYS[at.weekday()]} {at.day} {_MONTHS[at.month - 1]}"
    return text if year is None or at.year == year else f"{text} {at.year}"


def format_day(d: date, year: int | None = None) -> str:
    """ "5 Dec"; "16 Jan 2026" when the year differs from ``year`` (the year of the procedure)."""
    text = f"{d.day} {_MONTHS[d.month - 1]}"
    return text if year is None or d.year == year else f"{text} {d.year}"


def format_date(d: date) -> str:
    """ "Sat 22 Nov 2025": a full date for the sheet's "what was done" and date of birth."""
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def format_dob(d: date) -> str:
    """ "3 Mar 1948": a date of birth, as on a wristband; no weekday (nobody checks it)."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
