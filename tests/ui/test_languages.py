"""The patient's language on the real screens (issue 17): chosen on the welcome screen or preset by the nurse,
retranslated in place, recorded with an audit row, right to left for Urdu and Arabic, English for the nurse."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.content.model import Procedure
from kiosk.discharge.content_language import Localise
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.i18n import fill, isolate
from kiosk.languages import LANGUAGES
from kiosk.ui.patient.base import PatientPage
from tests.discharge_support import BLOCK, new_discharge, procedure
from tests.ui.driver import Kiosk


def _label(kiosk: Kiosk, name: str) -> str:
    found = kiosk.screen.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def _audit(kiosk: Kiosk) -> list[tuple[str, dict[str, object]]]:
    rows = kiosk.store.connection.execute("SELECT event, detail FROM audit ORDER BY seq").fetchall()
    return [(str(event), json.loads(detail)) for event, detail in rows]


def test_a_language_tapped_on_the_welcome_screen_retranslates_it_in_place_and_is_audited(
    qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    welcome = kiosk.screen
    assert _label(kiosk, "greeting") == "Hello, Margaret"
    kiosk.click("size-large")
    kiosk.click("language-pl")
    assert kiosk.screen is welcome  # the same screen, its words changed: nothing rebuilt, nothing lost
    assert _label(kiosk, "greeting") == "Dzień dobry, Margaret"
    assert kiosk.button("start").text() == "Zaczynamy"
    assert kiosk.button("language-pl").isChecked() and kiosk.button("size-large").isChecked()
    assert kiosk.flow.theme_choice.size.value == "large"
    record_id = kiosk.session.record_id
    assert record_id is not None and kiosk.store.get(record_id).language == "pl"
    assert ("language-changed", {"from": "en", "language": "pl"}) in _audit(kiosk)
    # Back to English: every remembered text goes back too.
    kiosk.click("language-en")
    assert _label(kiosk, "greeting") == "Hello, Margaret" and kiosk.button("start").text() == "Start"


@pytest.mark.parametrize("code", ["ur", "ar"])
def test_a_right_to_left_language_lays_the_patient_screens_out_right_to_left(
    qtbot: QtBot, tmp_path: Path, code: str
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click(f"language-{code}")
    page = kiosk.screen
    assert isinstance(page, PatientPage) and page.layoutDirection() is Qt.LayoutDirection.RightToLeft
    start, greeting = kiosk.button("start"), kiosk.screen.findChild(QLabel, "greeting")
    assert greeting is not None
    # The big button keeps its place at the start of the line: the right-hand side in a right-to-left layout.
    assert start.mapTo(page, start.rect().topLeft()).x() < page.width() / 2 or start.width() > page.width() / 2
    assert greeting.mapTo(page, greeting.rect().topRight()).x() > page.width() - 80
    kiosk.click("start")
    step = kiosk.screen
    assert step.layoutDirection() is Qt.LayoutDirection.RightToLeft
    back, understand = kiosk.button("back"), kiosk.button("understand")
    assert back.mapTo(step, back.rect().topLeft()).x() > understand.mapTo(step, understand.rect().topLeft()).x()
    assert LANGUAGES[code].screen_font in step.styleSheet()


def test_the_nurse_screens_stay_english_and_left_to_right(qtbot: QtBot, tmp_path: Path) -> None:
    """The nurse who takes the tablet back reads English; the patient's screens are Urdu again after the PIN."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("language-ur")
    kiosk.click("help")  # the patient's way to a nurse: "I need help", then the nurse answers with a PIN
    kiosk.click("help-answer")
    assert kiosk.session.stage is Stage.PIN
    pin_screen = kiosk.flow.pin_screen
    assert pin_screen.layoutDirection() is Qt.LayoutDirection.LeftToRight
    assert pin_screen.keypad.clear_key.text() == "Clear"
    kiosk.type_pin()
    assert kiosk.session.stage is Stage.PATIENT
    assert kiosk.button("start").text() == "شروع کریں"


def test_the_nurse_presets_the_language_and_the_walk_starts_in_it(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(replace(new_discharge(BLOCK), language="ro"))
    assert kiosk.button("language-ro").isChecked()
    assert _label(kiosk, "greeting") == "Bună ziua, Margaret"
    events = _audit(kiosk)
    assert any(e == "discharge-started" and d.get("language") == "ro" for e, d in events)
    kiosk.click("start")
    assert kiosk.walk_kind() is ScreenKind.STEP
    assert _label(kiosk, "progress").startswith("Pasul 1 din ")


def _x_of(text: str, index: int) -> float:
    """Where character ``index`` of ``text`` is drawn in a right-to-left paragraph (Qt's own bidi)."""
    layout = QTextLayout(text, QFont("DejaVu Sans", 20))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(2000)
    layout.endLayout()
    return line.cursorToX(index)[0]


def test_a_phone_number_in_a_right_to_left_line_keeps_its_order_only_when_isolated(qapp: object) -> None:
    """The hazard, shown with Qt's layout: "01752 437706" in an Urdu line is drawn as "437706 01752" unless the
    number is isolated; ``isolate`` (used by ``fill`` and the warning signs' contact lines) keeps it whole."""
    number = "01752 437706"
    bare = f"فون کریں: {number}"
    # Inside each half (two characters in), not at its edge, where a cursor between two runs is ambiguous.
    first, second = bare.index("0") + 2, bare.index("4") + 2
    assert _x_of(bare, first) > _x_of(bare, second)  # the two halves swapped: the number reads wrong
    safe = f"فون کریں: {isolate(number)}"
    first, second = safe.index("0") + 2, safe.index("4") + 2
    assert _x_of(safe, first) < _x_of(safe, second)
    assert fill("Call {number}", number=number) == f"Call {number}"  # English is left as it was
    assert fill("فون کریں: {number}", number=number) == safe


# -- the procedure's own text in the patient's language (through ``KioskSession.localise``) ----------------------
def _polish_steps(approved: bool) -> Localise:
    """A stand-in for the content side's loader (``kiosk.content.localised``, another branch): the real
    procedure with its step headings in Polish, same ids and hash; a draft translation has a draft document."""

    def localise(procedure: Procedure, language: str, *, allow_drafts: bool) -> Procedure:
        if language != "pl" or (not approved and not allow_drafts):
            return procedure
        steps = tuple(replace(step, heading=f"PL {step.heading}") for step in procedure.steps)
        document = procedure.document if approved else replace(procedure.document, approved=False)
        return replace(procedure, steps=steps, title=f"PL {procedure.title}", document=document)

    return localise


def test_an_approved_translation_is_shown_once_the_patient_chooses_its_language(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.session.localise = _polish_steps(approved=True)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("language-pl")
    assert kiosk.screen.banner.title.text().startswith("PL ")  # type: ignore[attr-defined]
    kiosk.click("start")
    assert _label(kiosk, "step-heading").startswith("PL ")
    kiosk.click("understand")
    assert kiosk.store.get(str(kiosk.session.record_id)).confirmations[0].step_id == procedure(BLOCK).steps[0].id


def test_a_draft_translation_needs_the_nurses_reason_else_the_content_stays_english(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """H2: a patient picking Polish on the welcome screen gets the screens' own words in Polish but the English
    procedure, as no nurse said why a draft is right for them; with the nurse's reason, the Polish procedure."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.session.localise = _polish_steps(approved=False)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("language-pl")
    kiosk.click("start")
    assert not _label(kiosk, "step-heading").startswith("PL ")
    assert kiosk.button("understand").text() == "Rozumiem"

    other = Kiosk(qtbot, tmp_path / "reason")
    other.session.localise = _polish_steps(approved=False)
    reason = "Interpreter agreed the Polish text with the patient"
    other.hand_over(replace(new_discharge(BLOCK), language="pl", expired_reason=reason, draft_translation=True))
    assert ("draft-leaflet", reason) in other.store.get(str(other.session.record_id)).overrides
    other.click("start")
    assert _label(other, "step-heading").startswith("PL ")


def test_the_nurse_preset_of_a_draft_translation_asks_for_a_reason(qtbot: QtBot, tmp_path: Path) -> None:
    from kiosk.discharge.new_discharge import DischargeForm, FormErrors, validate_new_discharge
    from tests.discharge_support import START

    english = procedure(BLOCK)
    shown = _polish_steps(approved=False)(english, "pl", allow_drafts=True)
    form = DischargeForm(
        procedure_id=BLOCK,
        patient_name="Margaret Okafor",
        date_of_birth="01021950",
        hospital_number="RJ123456",
        procedure_ended=START,
        side="Left",
        level="L5",
        language="pl",
    )
    with pytest.raises(FormErrors) as refused:
        validate_new_discharge(form, shown, START, allow_drafts=True, english_approved=not english.document.is_draft)
    assert "DRAFT" in refused.value.errors["expired_reason"]
    accepted = validate_new_discharge(
        replace(form, expired_reason="Interpreter agreed the Polish text with the patient"),
        shown,
        START,
        allow_drafts=True,
        english_approved=not english.document.is_draft,
    )
    assert accepted.language == "pl" and accepted.draft_translation is not english.document.is_draft
