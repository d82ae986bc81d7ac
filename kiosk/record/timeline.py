"""The patient's personal timeline: the content's relative timings turned into clock times.

"Do not drive for 24 hours" is hard to act on at 2 a.m.; "Do not drive until 08:00 Sun 23 Nov" is not. The
kiosk screens ("stays with you until 14:30 Sat 22 Nov") and the printed sheet both compute the times here, so
they can never disagree.

Hours are real elapsed hours: the arithmetic is done in UTC and the result shown in the ward's time zone
(``zone``, from ``config.toml``; without it, the zone the end time carries), so "24 hours" across a change to or
from summer time is still 24 hours (hazard H9). A record read back from the database carries a fixed UTC
offset, right for its own moment but not for one a day later: callers pass the ward's zone.

"Not on the day" (``until_next_morning``) is 08:00 by the ward's clock on the calendar day after the day the
procedure ended, in the ward's zone, or later if the timing's hours reach past it. So a procedure that ends at
00:30 on a Sunday gives 08:00 on Monday (the patient has had no night's sleep since), and 08:00 is 08:00 on the
wall clock whether or not the clocks changed in the night.

A step may have several timings (schema version 2), each its own entry; a timing's ``days`` are whole days of
elapsed time (24 hours each, like any other duration), and its "and until ..." qualifier is printed beside the
clock time ("Do not drive until 14:30 Sat 22 Nov and until the numbness has gone"), never instead of it. Timings
with a condition appear only for the patients it applies to.

The day and month names are spelled out (``content.phrasebook``, one table per language for screen and sheet)
rather than with ``strftime``, which follows the machine's locale. Every formatter takes a ``language``
(default English); the figures are the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from kiosk.clock import later
from kiosk.content.model import Factor, Procedure, Step, Timing
from kiosk.content.phrasebook import ENGLISH_CODE, day_month_year, phrases

NEXT_MORNING = time(8, 0)
ESCORT_LABEL = "Someone must stay with you until"


@dataclass(frozen=True)
class TimelineEntry:
    """One moment on the timeline; ``label`` completes a sentence before the clock time."""

    label: str
    at: datetime
    step_id: str | None
    and_until: str = ""  # "the numbness has gone": printed after the clock time as "and until ..."

    @property
    def clock(self) -> str:
        """ "14:30 Sat 22 Nov" (``format_clock``)."""
        return format_clock(self.at)

    @property
    def qualifier(self) -> str:
        """ "and until the numbness has gone", or ""."""
        return self.qualifier_in(ENGLISH_CODE)

    @property
    def sentence(self) -> str:
        return self.sentence_in(ENGLISH_CODE)

    def qualifier_in(self, language: str) -> str:
        """``qualifier`` in ``language`` (the entry's ``and_until`` is already the translated content's)."""
        return phrases(language).say("and_until", what=self.and_until) if self.and_until else ""

    def sentence_in(self, language: str) -> str:
        """ "Nie prowadź samochodu do 08:00 niedz. 29 mar": label (the content's, translated), clock time with the
        language's day and month names, and its qualifier."""
        text = f"{self.label} {format_clock(self.at, language=language)}"
        return f"{text} {self.qualifier_in(language)}" if self.and_until else text


def _local(ended: datetime, zone: tzinfo | None) -> datetime:
    return ended.astimezone(zone) if zone is not None and ended.tzinfo is not None else ended


def _after(ended: datetime, hours: float, zone: tzinfo | None) -> datetime:
    return later(_local(ended, zone), timedelta(hours=hours))


def next_morning(ended: datetime, zone: tzinfo | None = None) -> datetime:
    """08:00 on the ward's wall clock, on the calendar day after the day ``ended`` fell on (module docstring)."""
    local = _local(ended, zone)
    return datetime.combine(local.date() + timedelta(days=1), NEXT_MORNING, tzinfo=local.tzinfo)


def moment(timing: Timing, ended: datetime, zone: tzinfo | None = None) -> datetime:
    """When a timing falls for a procedure that ended at ``ended``, in ``zone``.

    "Not on the day" (``until_next_morning``) is ``next_morning``, or later if the timing's hours reach past it.
    """
    after = _after(ended, timing.hours, zone)
    if not timing.until_next_morning:
        return after
    return max(after, next_morning(ended, zone))


def escort_until(
    procedure: Procedure, ended: datetime, zone: tzinfo | None = None, factors: frozenset[Factor] | None = None
) -> datetime:
    """Until when the responsible adult must stay: the content's hours (elapsed) after the procedure ended.

    With ``factors``, that patient's hours (escort rules applied). Without, a procedure already narrowed by
    ``Procedure.for_patient`` gives its own hours, and a whole procedure the longest any patient can be told,
    so a caller that forgets the factors errs on the safe side.
    """
    adult = procedure.responsible_adult
    if factors is not None:
        hours = adult.for_patient(frozenset(factors)).hours
    elif procedure.personalised_for is not None:
        hours = adult.hours
    else:
        hours = adult.longest_hours
    return _after(ended, hours, zone)


def entry(timing: Timing, ended: datetime, zone: tzinfo | None = None, step_id: str | None = None) -> TimelineEntry:
    """One timing as a clock time, with its label and qualifier."""
    return TimelineEntry(timing.label, moment(timing, ended, zone), step_id, timing.and_until)


def step_entries(
    step: Step, ended: datetime, zone: tzinfo | None = None, factors: frozenset[Factor] | None = None
) -> tuple[TimelineEntry, ...]:
    """A step's timings as clock times, in file order, for its screen; with ``factors``, only those that apply."""
    timings = step.timings if factors is None else step.timings_for(frozenset(factors))
    return tuple(entry(timing, ended, zone, step.id) for timing in timings)


def timeline(
    procedure: Procedure, ended: datetime, factors: frozenset[Factor] | None = None, zone: tzinfo | None = None
) -> tuple[TimelineEntry, ...]:
    """The responsible adult's hours and every timing of every step, in time order.

    With ``factors``, only the steps and timings that apply to that patient are included, and the adult's hours
    are that patient's (the sheet passes the record's factors); without, every timing is (an author's overview).
    At the same moment the responsible adult comes first, then the timings in the content's order.
    """
    escort_at = escort_until(procedure, ended, zone, factors)
    entries: list[tuple[datetime, int, int, TimelineEntry]] = [
        (escort_at, -1, 0, TimelineEntry(ESCORT_LABEL, escort_at, None))
    ]
    for index, step in enumerate(procedure.steps):
        if factors is not None and not step.condition.applies(factors):
            continue
        for order, item in enumerate(step_entries(step, ended, zone, factors)):
            entries.append((item.at, index, order, item))
    entries.sort(key=lambda item: item[:3])
    return tuple(item for *_, item in entries)


def follow_up_window(procedure: Procedure, ended: datetime, zone: tzinfo | None = None) -> tuple[date, date] | None:
    """The first and last day the follow-up appointment is expected, or None if the procedure has none."""
    follow_up = procedure.follow_up
    if follow_up is None:
        return None
    day = _local(ended, zone).date()
    return day + timedelta(days=follow_up.earliest_days), day + timedelta(days=follow_up.latest_days)


def format_clock(
    at: datetime, year: int | None = None, zone: tzinfo | None = None, language: str = ENGLISH_CODE
) -> str:
    """ "14:30 Sat 22 Nov": 24-hour clock, as UK wards write it; the year is added when it differs from ``year``.

    With ``zone``, the moment is first shown in it (a stored time carries a fixed offset). ``language``: its day
    and month names ("14:30 niedz. 29 mar"), the same on screen and sheet.
    """
    at = _local(at, zone)
    text = phrases(language).clock(at)
    return text if year is None or at.year == year else f"{text} {at.year}"


def format_day(d: date, year: int | None = None, language: str = ENGLISH_CODE) -> str:
    """ "5 Dec"; "16 Jan 2026" when the year differs from ``year`` (the year of the procedure)."""
    text = phrases(language).day(d)
    return text if year is None or d.year == year else f"{text} {d.year}"


def format_date(d: date, language: str = ENGLISH_CODE) -> str:
    """ "Sat 22 Nov 2025": a full date for the sheet's "what was done" and date of birth."""
    return phrases(language).date(d)


def format_dob(d: date) -> str:
    """ "3 Mar 1948": a date of birth, as on a wristband; no weekday (nobody checks it). Also the approval and
    review dates of content and translations (English: they are for staff)."""
    return day_month_year(d)
