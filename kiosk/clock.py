"""Time as a collaborator, so review dates, idle timeouts and clock times can be tested with a fake clock.

Every clock in the app gives timezone-aware datetimes in the ward's own zone (``config.toml`` ``[ward]
time_zone``, an IANA name such as ``Europe/London``), never a fixed UTC offset: a fixed offset taken at start
is wrong the day after a clock change (hazard H9). Zones come from ``zoneinfo`` with the ``tzdata`` package as a
fallback, so a kiosk image without ``/usr/share/zoneinfo`` still knows the UK's rules.

Durations are elapsed time: ``later`` and ``elapsed`` do the arithmetic in UTC and convert back for display,
because Python's arithmetic on two datetimes with the same ``ZoneInfo`` is wall-clock arithmetic (24 "hours"
after 14:30 on the Saturday before the clocks go forward would be 23 real hours).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from kiosk.default_zone import DEFAULT_ZONE_NAME


class UnknownZone(ValueError):
    """The name is not an IANA time zone this machine (or the tzdata package) knows."""


def ward_zone(name: str) -> ZoneInfo:
    """The zone called ``name`` ("Europe/London"); raises ``UnknownZone`` for a misspelt or made-up name."""
    if not name or name != name.strip() or name.startswith("/") or ".." in name:
        raise UnknownZone(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownZone(name) from None


def zone_suggestion(name: str) -> str:
    """A known zone spelt like ``name`` (case or spaces differ), or "" (for the settings file's error message)."""
    wanted = name.strip().replace(" ", "_").casefold()
    for known in sorted(available_timezones()):
        if known.casefold() == wanted or known.casefold().endswith("/" + wanted):
            return known
    return ""


DEFAULT_ZONE = ward_zone(DEFAULT_ZONE_NAME)


def later(start: datetime, delta: timedelta, zone: tzinfo | None = None) -> datetime:
    """``delta`` of real elapsed time after ``start``, shown in ``zone`` (default: ``start``'s own zone)."""
    if start.tzinfo is None:
        return start + delta
    return (start.astimezone(UTC) + delta).astimezone(zone or start.tzinfo)


def elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time from ``start`` to ``end``, whatever zones they carry (same-zone subtraction is wall-clock)."""
    if start.tzinfo is None or end.tzinfo is None:
        return end - start
    return end.astimezone(UTC) - start.astimezone(UTC)


class Clock(Protocol):
    @property
    def zone(self) -> tzinfo:
        """The ward's zone: every time the clock gives, and every time shown, is in it."""
        ...

    def now(self) -> datetime:
        """Timezone-aware wall-clock time in ``zone``."""
        ...

    def today(self) -> date: ...


class SystemClock:
    """The real clock: the machine's UTC time, shown in the ward's zone.

    ``source`` gives seconds since the epoch (``time.time``); tests pass a fixed instant to drive the real
    conversion path across clock changes without changing the machine's clock.
    """

    def __init__(self, zone: tzinfo = DEFAULT_ZONE, source: Callable[[], float] = time.time) -> None:
        self._zone = zone
        self._source = source

    @property
    def zone(self) -> tzinfo:
        return self._zone

    def now(self) -> datetime:
        return datetime.fromtimestamp(self._source(), self._zone)

    def today(self) -> date:
        return self.now().date()


class FakeClock:
    """A clock that only moves when told to (tests, screenshots, benchmarks).

    A naive start is wall-clock time in ``zone``; ``advance`` moves it on by real elapsed time.
    """

    def __init__(self, start: datetime, zone: tzinfo = DEFAULT_ZONE) -> None:
        self._zone = zone
        self._now = self._in_zone(start)

    def _in_zone(self, moment: datetime) -> datetime:
        return moment.replace(tzinfo=self._zone) if moment.tzinfo is None else moment.astimezone(self._zone)

    @property
    def zone(self) -> tzinfo:
        return self._zone

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.date()

    def advance(self, **delta: float) -> None:
        self._now = later(self._now, timedelta(**delta))

    def set(self, moment: datetime) -> None:
        self._now = self._in_zone(moment)
