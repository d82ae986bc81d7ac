"""GUI fixtures: a QApplication with the kiosk's fonts and theme, as the real app has."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.app import create_application
from kiosk.ui import theme


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    """pytest-qt's application, set up like the kiosk's (bundled font registered, QSS theme applied)."""
    return create_application(qapp_args)


@pytest.fixture(autouse=True)
def delete_what_the_test_left(qapp: QApplication) -> Iterator[None]:
    """After each test, really delete the widgets it scheduled for deletion (``deleteLater``).

    Qt deletes them only when control returns to an event loop level that never comes between tests, so every
    earlier test's kiosk window stayed alive, with its controller's idle filter on the application: by the end
    of the suite each event ran through dozens of filters and the GUI tests measured the harness, not the kiosk.
    """
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def default_theme(qapp: QApplication) -> Iterator[None]:
    """A test that leaves the patient's text size or palette applied (the theme is app-wide) must not change the
    next test's starting point."""
    yield
    theme.apply(qapp, theme.ThemeChoice())


@pytest.fixture(autouse=True)
def english_after(qapp: QApplication) -> Iterator[None]:
    """A test that leaves a patient's language installed (catalogues are app-wide) must not change the next's."""
    from kiosk.ui.language import remove_catalogue

    yield
    remove_catalogue()
