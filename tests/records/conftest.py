"""Fixtures for the record store: a fake clock, a small real procedure, a store on a real file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Procedure
from kiosk.record.model import Patient
from kiosk.records import RecordStore
from tests.records.factories import START, make_procedure


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def procedure() -> Procedure:
    return make_procedure()


@pytest.fixture
def patient() -> Patient:
    return Patient("Zoë Marchetti-Okafor", date(1950, 3, 14), "rj123456", "943 476 5919")


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir / "records.sqlite3"


@pytest.fixture
def store(db_path: Path, clock: FakeClock) -> Iterator[RecordStore]:
    with RecordStore(db_path, clock) as opened:
        yield opened
