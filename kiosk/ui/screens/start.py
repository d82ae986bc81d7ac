"""Screen 1: the locked start screen. Shows nothing about any patient."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.enum_properties import set_enum
from kiosk.ui.widgets import button, label


class StartScreen(QWidget):
    """What the tablet shows between discharges: the ward's name and how to begin."""

    nurse_requested = Signal()

    def __init__(self, ward_name: str, trust_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.ward_label = label(ward_name, "ward")
        self.trust_label = label(trust_name, "small")
        self.message = label(translate("nurse", "Please ask a nurse to start your discharge"), "title")
        set_enum(self.message, "alignment", "AlignCenter")  # no ``Qt`` before the first paint: see enum_properties
        self.nurse_button = button(translate("nurse", "Nurse: start or resume"), "primary", name="nurse-button")
        self.nurse_button.clicked.connect(self.nurse_requested)

        header = QVBoxLayout()
        header.addWidget(self.ward_label)
        header.addWidget(self.trust_label)

        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.nurse_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addLayout(header)
        layout.addStretch(2)
        layout.addWidget(self.message)
        layout.addStretch(3)
        layout.addLayout(footer)
