"""Clock times across the UK's clock changes, through the app's real clock path (hazard H9).

config.toml names the zone; ``SystemClock`` (the clock the kiosk runs on, fed a fixed instant instead of the
machine's) gives the time; the record store writes and reads the discharge from a real SQLite file (where a time
is kept with a fixed UTC offset); the sheet is built from that record and read back from the PDF. On main the
clock gave a fixed offset (``astimezone()``), so 24 hours after 14:30 on Sat 28 Mar 2026 printed as 14:30 Sun
29 Mar (23 real hours).
"""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest

from kiosk.clock import SystemClock, elapsed, later
from kiosk.config import load_config
from kiosk.discharge.new_discharge import ended_limits, step_ended
from kiosk.errors import ConfigError
from kiosk.record.model import Patient
from kiosk.record.timeline import escort_until, next_morning, timeline
from kiosk.records import RecordStore
from kiosk.sheet import build_sheet
from tests.sheet.conftest import nerve_root_block

LONDON = ZoneInfo("Europe/London")


def _utc(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()  # type: ignore[misc]


# (procedure ended, as UTC; the escort's "until" and the dressing's time as the sheet must print them)
CASES = [
    # Spring 2026: clocks go forward at 01:00 GMT on Sun 29 Mar. 14:30 GMT Sat -> 14:30 GMT Sun = 15:30 BST.
    pytest.param(_utc(2026, 3, 28, 14, 30), "15:30 Sun 29 Mar", "08:00 Sun 29 Mar", id="spring-2026"),
    # Autumn 2026: clocks go back at 01:00 GMT (02:00 BST) on Sun 25 Oct. 14:30 BST Sat -> 13:30 GMT Sun.
    pytest.param(_utc(2026, 10, 24, 13, 30), "13:30 Sun 25 Oct", "08:00 Sun 25 Oct", id="autumn-2026"),
    pytest.param(_utc(2027, 3, 27, 14, 30), "15:30 Sun 28 Mar", "08:00 Sun 28 Mar", id="spring-2027"),
    pytest.param(_utc(2027, 10, 30, 13, 30), "13:30 Sun 31 Oct", "08:00 Sun 31 Oct", id="autumn-2027"),
    # Across midnight (winter), a month end in summer time, and the year end.
    pytest.param(_utc(2026, 11, 30, 23, 45), "23:45 Tue 1 Dec", "08:00 Tue 1 Dec", id="midnight-month-end"),
    pytest.param(_utc(2026, 6, 30, 22, 30), "23:30 Wed 1 Jul", "08:00 Wed 1 Jul", id="summer-month-end"),
    pytest.param(_utc(2026, 12, 31, 16, 0), "16:00 Fri 1 Jan 2027", "08:00 Fri 1 Jan 2027", id="year-end"),
]


def _config(data_dir: Path, zone: str = "Europe/London") -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "config.toml"
    path.write_text(f'[ward]\nname = "Day Case Unit"\ntime_zone = "{zone}"\n', encoding="utf-8")
    return path


def _sheet_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("instant", "escort", "no_drive"), CASES)
def test_the_sheet_gives_elapsed_hours_in_wall_clock_time(
    tmp_path: Path, instant: float, escort: str, no_drive: str
) -> None:
    config = load_config(_config(tmp_path))
    clock = SystemClock(config.zone, source=lambda: instant)
    procedure = nerve_root_block()
    with RecordStore(tmp_path / "records.sqlite3", clock) as store:
        started = store.start_discharge(
            Patient("Margaret Anne Thompson", date(1948, 3, 3), "RK123456"),
            procedure,
            clock.now(),
            "Left L5",
            ("Local anaesthetic",),
            frozenset(),
            False,
            "Nurse Adebayo",
        )
        record = store.get(started.record_id)  # read back from SQLite: a fixed offset
    until = escort_until(procedure, record.procedure_ended, config.zone)
    assert elapsed(record.procedure_ended, until) == timedelta(hours=24)
    text = _sheet_text(build_sheet(record, procedure, config, clock.now()))
    assert f"Someone must stay with you until {escort}" in text
    assert f"You can take the dressing off after {escort}" in text
    assert f"Do not drive until {no_drive}" in text


def test_the_real_clock_is_in_the_wards_zone_on_both_sides_of_a_change() -> None:
    before = SystemClock(LONDON, source=lambda: _utc(2026, 3, 29, 0, 59)).now()
    after = SystemClock(LONDON, source=lambda: _utc(2026, 3, 29, 1, 0)).now()
    assert (before.hour, before.utcoffset()) == (0, timedelta(0))
    assert (after.hour, after.utcoffset()) == (2, timedelta(hours=1))
    assert before.tzinfo is LONDON and after.tzinfo is LONDON
    autumn = SystemClock(LONDON, source=lambda: _utc(2027, 10, 31, 1, 30)).now()
    assert (autumn.hour, autumn.utcoffset()) == (1, timedelta(0))


def test_another_zone_in_config_moves_every_clock_time(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "America/New_York"))
    now = SystemClock(config.zone, source=lambda: _utc(2026, 11, 1, 5, 30)).now()  # US clocks go back at 06:00
    assert now.utcoffset() == timedelta(hours=-4)
    assert escort_until(nerve_root_block(), now, config.zone).utcoffset() == timedelta(hours=-5)


def test_a_bad_zone_name_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(_config(tmp_path, "europe/london"))
    assert 'ward.time_zone "europe/london" is not a time zone' in str(error.value)
    assert 'did you mean "Europe/London"?' in str(error.value)
    for bad in ("GMT+1 summer", "../../etc/passwd", ""):
        with pytest.raises(ConfigError):
            load_config(_config(tmp_path / bad.replace("/", "_").replace(" ", "_") / "x", bad))


def test_the_default_zone_is_london(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    config = load_config(tmp_path / "config.toml")  # written with the defaults
    assert config.time_zone == "Europe/London"
    assert 'time_zone = "Europe/London"' in (tmp_path / "config.toml").read_text(encoding="utf-8")


def test_next_morning_is_eight_by_the_wall_clock_on_the_next_calendar_day() -> None:
    # After midnight (00:30 Sun) "not on the day" is Monday 08:00: the day the procedure ended, plus one.
    assert next_morning(datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)) == datetime(2026, 3, 30, 8, 0, tzinfo=LONDON)
    # A stored fixed-offset end time late on Saturday still gives 08:00 BST on the Sunday of the change.
    stored = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)
    morning = next_morning(stored, LONDON)
    assert (morning.hour, morning.utcoffset(), morning.day) == (8, timedelta(hours=1), 29)


def test_the_nurses_end_time_buttons_move_by_elapsed_minutes_across_a_change() -> None:
    now = SystemClock(LONDON, source=lambda: _utc(2026, 10, 25, 1, 20)).now()  # 01:20 GMT, second 01:xx
    earlier = step_ended(now, -60, now)
    assert elapsed(earlier, now) == timedelta(hours=1)
    assert (earlier.hour, earlier.utcoffset()) == (1, timedelta(hours=1))  # 01:20 BST, the first 01:20
    earliest, latest = ended_limits(now)
    assert elapsed(earliest, now) < timedelta(hours=24)
    assert elapsed(now, latest) <= timedelta(minutes=5)
    assert later(now, timedelta(hours=24)).hour == 1


def test_the_timeline_follows_the_zone_not_the_stored_offset() -> None:
    stored = datetime(2026, 3, 28, 14, 30, tzinfo=UTC)  # as the database gives it back
    entries = {entry.step_id: entry.at for entry in timeline(nerve_root_block(), stored, zone=LONDON)}
    assert entries[None].utcoffset() == timedelta(hours=1)
    assert entries[None].hour == 15
