"""Builds the services and the window and connects them: the one place that knows every part."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from kiosk.config import WardConfig, load_config
from kiosk.logs import configure_logging
from kiosk.ui import theme
from kiosk.ui.main_window import KioskWindow

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the bundled font and the theme; reuses one that already exists (tests)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Discharge Kiosk")
    theme.register_fonts()
    theme.apply(app)
    return app


def build_window(config: WardConfig) -> KioskWindow:
    return KioskWindow(config)


def run_kiosk(full_screen: bool = True) -> int:
    configure_logging()
    config = load_config()
    app = create_application()
    window = build_window(config)
    window.show_kiosk(full_screen=full_screen)
    log.info("kiosk started for %s", config.ward_name)
    return app.exec()
