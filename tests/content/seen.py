"""Everything a patient actually sees of a procedure: the real patient screens, filled the way the controller
fills them, and the real sheet read back from its PDF.

The fact-carry-over test counts a fact only if it is here. On main it counted every field of the content,
so facts in ``what_it_is``, ``why``, ``what_happened`` and ``responsible_adult.text`` (fasting, pregnancy,
allergies, a blood clotting disorder) passed although no screen and no sheet showed them.
"""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pypdf
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config import WardConfig
from kiosk.content.model import Factor, Procedure
from kiosk.sheet import build_sheet
from kiosk.ui.patient.escort import EscortScreen
from kiosk.ui.patient.question import QuestionScreen
from kiosk.ui.patient.step import StepScreen
from kiosk.ui.patient.warning_signs import WarningSignsScreen
from kiosk.ui.patient.welcome import WelcomeScreen
from tests.sheet.conftest import make_record

ENDED = datetime(2026, 11, 21, 14, 30, tzinfo=ZoneInfo("Europe/London"))


def _widget_text(widget: QWidget) -> list[str]:
    texts = [label.text() for label in widget.findChildren(QLabel) if label.text()]
    texts += [button.text() for button in widget.findChildren(QAbstractButton) if button.text()]
    return texts


def screens_text(qtbot: QtBot, procedure: Procedure) -> str:
    """The text of every patient screen for ``procedure``, every step and question included."""
    texts: list[str] = []
    welcome = WelcomeScreen()
    qtbot.addWidget(welcome)
    about = " ".join(f"{procedure.what_it_is} {procedure.why}".split())  # as kiosk.ui.controller fills it
    welcome.show_welcome("Margaret", 5, False, procedure.short_name, about)
    texts += _widget_text(welcome)
    for step in procedure.steps:
        screen = StepScreen()
        qtbot.addWidget(screen)
        timing = f"{step.timing.label} 14:30 Sat 22 Nov" if step.timing else ""
        screen.show_step("Step", step.heading, step.text, timing)
        texts += _widget_text(screen)
    signs = WarningSignsScreen()
    qtbot.addWidget(signs)
    signs.show_signs(procedure)
    texts += _widget_text(signs)
    for question in procedure.questions:
        screen = QuestionScreen()
        qtbot.addWidget(screen)
        screen.show_question("Question", question.question, question.options)
        wrong = next(i for i in range(len(question.options)) if i != question.answer)
        screen.show_outcome(wrong, False, question.explanation, True, question.right_option)
        texts += _widget_text(screen)
    escort = EscortScreen()
    qtbot.addWidget(escort)
    escort.show_escort("14:30 Sat 22 Nov", procedure.responsible_adult.hours, advice=procedure.responsible_adult.text)
    texts += _widget_text(escort)
    return " ".join(texts)


def sheet_text(procedure: Procedure) -> str:
    """The sheet for a patient with every factor (so every conditional step prints), read back from the PDF."""
    record = make_record(
        procedure,
        record_id="SEEN-0001",
        created_at=ENDED,
        procedure_ended=ENDED,
        medicines=tuple(medicine.name for medicine in procedure.medicines),
        factors=frozenset(Factor),
    )
    pdf = build_sheet(record, procedure, WardConfig(), ENDED)
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def seen_text(qtbot: QtBot, procedure: Procedure) -> str:
    """What the patient sees, on a screen or on the sheet, as one case-folded string."""
    text = f"{screens_text(qtbot, procedure)} {sheet_text(procedure)}"
    return " ".join(text.replace("\u00ad", "").split()).casefold()
