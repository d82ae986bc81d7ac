"""GUI fixtures: a QApplication with the kiosk's fonts and theme, as the real app has."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import create_application


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    """pytest-qt's application, set up like the kiosk's (bundled font registered, QSS theme applied)."""
    return create_application(qapp_args)
