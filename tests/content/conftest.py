"""Fixtures for the content tests: the shipped library, and a folder to write procedure files into."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.content.loader import Library, load_library

# A fixed "today" so review states do not change as the calendar moves: seed 001 expired in August 2025.
TODAY = date(2026, 11, 21)
SHIPPED = paths.PROJECT_ROOT / "procedures"
BROKEN = Path(__file__).parent / "broken"


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(SHIPPED, today=TODAY)


def seed_text(name: str) -> str:
    return (SHIPPED / f"{name}.yaml").read_text(encoding="utf-8")
