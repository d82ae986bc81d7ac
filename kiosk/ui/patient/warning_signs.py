"""Patient screen 6: the warning signs that need urgent help, and exactly whom to call, when."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.advice_text import contact_line, sign_groups
from kiosk.content.model import Procedure, Urgency
from kiosk.discharge.read_to_end import ReadToEnd
from kiosk.i18n import QT_TRANSLATE_NOOP, right_to_left, translate, translate_marked
from kiosk.languages import DEFAULT_LANGUAGE
from kiosk.ui.patient.base import PatientPage
from kiosk.ui.widgets import button, label, ui_text

ROLES = {Urgency.EMERGENCY: "warning-emergency", Urgency.URGENT: "warning", Urgency.OFFICE_HOURS: "warning-office"}
"""Each urgency has its own shape (thick square frame, rounded frame, dashed frame), not only its own words."""
HEADING_V1 = QT_TRANSLATE_NOOP("patient", "Get help urgently if")
HEADING_V2 = QT_TRANSLATE_NOOP("patient", "Get help if you have any of these")


def group_text(
    procedure: Procedure,
    title: str,
    signs: list[str],
    advice: str,
    call: tuple[str, ...],
    language: str = DEFAULT_LANGUAGE,
) -> str:
    lines = [title, ""] if title else []
    lines += [f"• {sign}" for sign in signs]
    if advice:
        lines += ["", advice]
    if call:
        lines.append("")
        heading = translate("patient", "Call:") if len(call) == 1 else translate("patient", "Call one of:")
        lines.append(heading)
        rtl = right_to_left(heading)
        lines += [f"   {unbroken_numbers(contact_line(procedure, contact_id, rtl, language))}" for contact_id in call]
    return "\n".join(lines)


_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d)")


def unbroken_numbers(line: str) -> str:
    """``line`` with the spaces inside a phone number made no-break spaces: the screen wraps a long contact line
    (a translated service name is often longer), and "0114 | 263 2115" split over two lines is misread."""
    return _SPACE_IN_NUMBER.sub("\u00a0", line)


SCROLL_HINT = QT_TRANSLATE_NOOP("patient", "↓ Scroll down to read every warning sign. Then you can tap “I understand”.")


class WarningSignsScreen(PatientPage):
    """The warning signs; "I understand" is offered only once the last sign has been in view (H10)."""

    understood = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(translate_marked("patient", HEADING_V1), "title")
        self.heading.setObjectName("warning-heading")
        self.advice = label("", "")
        self.advice.setObjectName("warning-advice")
        self.body.addWidget(self.heading)
        self.signs: list[QLabel] = []
        self._signs_at = self.body.count()
        self.body.addWidget(self.advice)
        self.body.addStretch(1)
        self.back_button = button(translate("patient", "Back"), "", name="back")
        self.back_button.clicked.connect(self.back_requested)
        self.understand_button = button(translate("patient", "I understand"), "primary", name="understand", commit=True)
        self.understand_button.clicked.connect(self._understood)
        self.understand_button.setEnabled(False)
        self.footer.addWidget(self.back_button, 1)
        self.footer.addWidget(self.understand_button, 3)
        # Says why "I understand" is not offered yet; it goes once the last sign has been in view.
        self.scroll_hint = label(translate_marked("patient", SCROLL_HINT), "notice")
        self.scroll_hint.setObjectName("scroll-hint")
        self.scroll_hint.setVisible(False)
        self.pin_below_scroll(self.scroll_hint)
        self.read_to_end = ReadToEnd()
        bar = self.scroll_area.verticalScrollBar()
        bar.valueChanged.connect(self._look)
        bar.rangeChanged.connect(self._look)
        self.scroll_area.viewport().installEventFilter(self)

    def show_signs(self, procedure: Procedure, language: str = DEFAULT_LANGUAGE) -> None:
        """``procedure`` as this patient gets it (``Procedure.for_patient``): the signs that apply, most urgent
        first, each box with its contacts; titles, hours and routes in ``language``'s words, as on the sheet."""
        for old in self.signs:
            self.body.removeWidget(old)
            old.deleteLater()
        self.signs = []
        ui_text(self.heading, translate_marked("patient", HEADING_V2 if procedure.has_urgency_groups else HEADING_V1))
        for index, (title, urgency, signs, advice, call) in enumerate(sign_groups(procedure, language)):
            box = label(group_text(procedure, title, signs, advice, call, language), ROLES[urgency])
            box.setProperty("urgency", urgency.value)
            box.setObjectName(f"red-flags-{index}")
            self.body.insertWidget(self._signs_at + index, box)
            self.signs.append(box)
        self.advice.setText(procedure.red_flag_advice)
        self.advice.setVisible(bool(procedure.red_flag_advice))
        self.scroll_area.verticalScrollBar().setValue(0)
        self.read_to_end.reset()
        self._offer(False)
        self._look_soon()

    @property
    def seen_to_end(self) -> bool:
        """Whether the last sign has been in view since the signs were last shown."""
        return self.read_to_end.seen

    def _look_soon(self) -> None:
        """Look once Qt has laid the new signs out (their geometry is not final until then)."""
        QTimer.singleShot(0, self, self._look)  # not after the screen is gone

    def _look(self, *_: object) -> None:
        if not self.signs or not self.isVisible() or self.read_to_end.seen:
            return
        content = self.scroll_area.widget()
        layout = content.layout() if content is not None else None
        if content is None or layout is None:
            return
        needed = content.heightForWidth(content.width()) if content.hasHeightForWidth() else -1
        if needed < 0:
            needed = content.sizeHint().height()
        if content.height() < needed:
            return  # the page is not at its final size yet: the scroll area's resize calls this again
        layout.activate()  # new signs get their places now, not at the next event (else they sit at 0, 0)
        last = self.signs[-1]
        viewport = self.scroll_area.viewport()
        # The last sign's bottom edge in the viewport's coordinates: inside it means the patient can see it.
        bottom = last.mapTo(viewport, last.rect().bottomLeft()).y()
        if self.read_to_end.look(bottom, 0, viewport.height()):
            self._offer(True)
        else:
            self.scroll_hint.setVisible(True)

    def _offer(self, available: bool) -> None:
        self.understand_button.setEnabled(available)
        if available:
            self.scroll_hint.setVisible(False)

    def _understood(self) -> None:
        if self.read_to_end.seen:  # a tap that beat the look (or a programmatic click) is not a confirmation
            self.understood.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._look_soon()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._look_soon()

    def clear(self) -> None:
        super().clear()
        self.read_to_end.reset()
        self._offer(False)
        self.scroll_hint.setVisible(False)
        self.advice.clear()
        for sign in self.signs:
            sign.clear()
