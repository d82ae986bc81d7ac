"""The kiosk window: full screen, frameless, one stack of screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from kiosk.config import WardConfig
from kiosk.ui.screens.start import StartScreen


class KioskWindow(QMainWindow):
    def __init__(self, config: WardConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Discharge Kiosk - {config.ward_name}")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start_screen = StartScreen(config.ward_name, config.trust_name)
        self.stack.addWidget(self.start_screen)
        self.stack.setCurrentWidget(self.start_screen)

    def show_kiosk(self, full_screen: bool = True) -> None:
        if full_screen:
            self.showFullScreen()
        else:
            self.resize(1280, 800)
            self.show()
