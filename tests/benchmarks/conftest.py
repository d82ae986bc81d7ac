"""Benchmark helpers: every goal's floor and measurement run in this same session (see goals.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from kiosk.content.loader import load_library
from kiosk.record.model import DischargeRecord, Patient
from kiosk.records import RecordStore


def mark(benchmark: Any, role: str) -> None:
    """Say which side of its goal a benchmark is ("floor" or "measured"), for the goal table."""
    benchmark.extra_info["role"] = role


@pytest.fixture
def quick(benchmark: Any) -> bool:
    """True in the normal test run (benchmarks disabled: each body runs once, for correctness only)."""
    return bool(benchmark.disabled)


def start_discharge(store: RecordStore) -> DischargeRecord:
    """A discharge of the shipped nerve-root-block content, as a nurse would start it."""
    return store.start_discharge(
        Patient("Benchmark Patient", date(1950, 1, 1), "RJ000001"),
        load_library().get("nerve-root-block"),
        datetime.now().astimezone(),
        "left L5",
        (),
        frozenset(),
        False,
        "Nurse Bench",
    )
