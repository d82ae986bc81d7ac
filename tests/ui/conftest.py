"""GUI fixtures: a QApplication with the kiosk's fonts and theme, as the real app has."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import create_application
from kiosk.ui import theme


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    """pytest-qt's application, set up like the kiosk's (bundled font registered, QSS theme applied)."""
    return create_application(qapp_args)


@pytest.fixture(autouse=True)
def default_theme(qapp: QApplication) -> Iterator[None]:
    """A test that leaves the patient's text size or palette applied (the theme is app-wide) must not change the
    next test's starting point."""
    yield
    theme.apply(qapp, theme.ThemeChoice())
