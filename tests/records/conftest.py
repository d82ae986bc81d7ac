"""Fixtures for the record store: a fake clock, a small real procedure, a store on a real file.

``store`` is SQLite alone, or, in a module with ``BOTH_BACKENDS = True``, also SQLite forwarding every fact to the
session's PostgreSQL server with every read checked against it (``tests/records/backends.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.content.model import Procedure
from kiosk.record.model import Patient
from kiosk.records import RecordStore
from tests.records.backends import BACKENDS, CheckedStore
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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Both backends for the modules that ask (a test marked ``sqlite_only`` is about the journal's own file)."""
    if "backend" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_BACKENDS", False):
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", BACKENDS[:1] if only else BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def store(db_path: Path, clock: FakeClock, backend: str, request: pytest.FixtureRequest) -> Iterator[RecordStore]:
    if backend == "sqlite":
        with RecordStore(db_path, clock) as opened:
            yield opened
        return
    central, settings = request.getfixturevalue("shared_central")
    central.empty()
    with CheckedStore(db_path, clock, settings) as checked:
        yield checked
