"""Benchmark helpers: every goal's floor and measurement run in this same session (see goals.py)."""

from __future__ import annotations

from typing import Any

import pytest


def mark(benchmark: Any, role: str) -> None:
    """Say which side of its goal a benchmark is ("floor" or "measured"), for the goal table."""
    benchmark.extra_info["role"] = role


@pytest.fixture
def quick(benchmark: Any) -> bool:
    """True in the normal test run (benchmarks disabled: each body runs once, for correctness only)."""
    return bool(benchmark.disabled)
