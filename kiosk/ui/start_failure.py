"""Full screen "The kiosk cannot start": the plain reason and what ward IT should do (F6).

Shown instead of the start screen when the data folder, settings, procedures, fonts or records database cannot
be used. It has no buttons: nothing on the tablet can fix it, and the kiosk must not pretend to work. Plain
labels only (no rich text), so a path or a reason is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.widgets import label

TITLE = "The kiosk cannot start"
FOR_STAFF = "Discharge patients on paper for now and call ward IT. Patients: please ask a nurse."


class StartFailureScreen(QFrame):
    def __init__(self, reason: str, what_to_do: str, details: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start-failure")
        self.title = label(TITLE, "title")
        self.title.setObjectName("start-failure-title")
        self.staff = label(FOR_STAFF, "subtitle")
        self.reason = label(reason, "error")
        self.reason.setObjectName("start-failure-reason")
        self.what_to_do = label(what_to_do, "notice")
        self.what_to_do.setObjectName("start-failure-what-to-do")
        self.details = label(details, "small")
        self.details.setObjectName("start-failure-details")
        self.details.setVisible(bool(details))
        for text in (self.title, self.staff, self.reason, self.what_to_do, self.details):
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(24)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.staff)
        layout.addWidget(label(translate("nurse", "Why"), "section"))
        layout.addWidget(self.reason)
        layout.addWidget(label(translate("nurse", "What IT should do"), "section"))
        layout.addWidget(self.what_to_do)
        layout.addWidget(self.details)
        layout.addStretch(2)
