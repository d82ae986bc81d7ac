"""The patient's language on the real screens (issue 17): chosen on the welcome screen or preset by the nurse,
retranslated in place, recorded with an audit row, right to left for Urdu and Arabic, English for the nurse."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Library
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.i18n import fill, isolate
from kiosk.languages import LANGUAGES
from kiosk.ui.patient.base import PatientPage
from tests.discharge_support import BLOCK, START, library, new_discharge, procedure
from tests.ui.bidi_layout import x_of
from tests.ui.driver import CONFIG, Kiosk


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


def test_a_phone_number_in_a_right_to_left_line_keeps_its_order_only_when_isolated(qapp: object) -> None:
    """The hazard, shown with Qt's layout: "01752 437706" in an Urdu line is drawn as "437706 01752" unless the
    number is isolated; ``isolate`` (used by ``fill`` and the warning signs' contact lines) keeps it whole."""
    number = "01752 437706"
    bare = f"فون کریں: {number}"
    # Inside each half (two characters in), not at its edge, where a cursor between two runs is ambiguous.
    first, second = bare.index("0") + 2, bare.index("4") + 2
    assert x_of(bare, first) > x_of(bare, second)  # the two halves swapped: the number reads wrong
    safe = f"فون کریں: {isolate(number)}"
    first, second = safe.index("0") + 2, safe.index("4") + 2
    assert x_of(safe, first) < x_of(safe, second)
    assert fill("Call {number}", number=number) == f"Call {number}"  # English is left as it was
    assert fill("فون کریں: {number}", number=number) == safe


# -- the procedure's own text in the patient's language: the real loader and the shipped translation files -------
TRANSLATIONS = Path(__file__).parents[2] / "procedures" / "translations"


def _translation(code: str) -> Any:
    return yaml.safe_load((TRANSLATIONS / f"{BLOCK}.{code}.yaml").read_text(encoding="utf-8"))["text"]


def _approved_english() -> Library:
    """The shipped library with its English content approved and in date (the translations stay drafts): so a
    draft here is the translation's alone, the case hazard H2's rule for translations is about."""
    shipped = library()
    procedures = tuple(
        replace(p, document=replace(p.document, approved=True, approved_on=START.date(), review=IN_DATE))
        for p in shipped.procedures
    )
    return Library(shipped.directory, procedures, shipped.problems)


IN_DATE = date(2028, 1, 31)
REASON = "Interpreter agreed the Polish text with the patient"


def test_the_nurse_presets_polish_with_a_draft_reason_and_the_patient_reads_the_polish_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    kiosk = Kiosk(qtbot, tmp_path, content=_approved_english)
    text = _translation("pl")
    kiosk.hand_over(replace(new_discharge(BLOCK), language="pl", expired_reason=REASON, draft_translation=True))
    assert ("draft-leaflet", REASON) in kiosk.store.get(str(kiosk.session.record_id)).overrides
    assert kiosk.screen.banner.title.text() == text["title"]  # type: ignore[attr-defined]
    kiosk.click("start")
    first = procedure(BLOCK).steps[0]
    assert _label(kiosk, "step-heading") == text["steps"][first.id]["heading"]
    assert _label(kiosk, "step-text") == text["steps"][first.id]["text"]
    kiosk.click("understand")
    # The record keeps the English id, and says which text the patient confirmed (H13).
    record = kiosk.store.get(str(kiosk.session.record_id))
    assert record.confirmations[0].step_id == first.id
    sha = hashlib.sha256((TRANSLATIONS / f"{BLOCK}.pl.yaml").read_bytes()).hexdigest()
    confirmed = [d for e, d in _audit(kiosk) if e == "step-confirmed"]
    assert confirmed[0]["content_language"] == "pl"
    assert confirmed[0]["translation_sha256"] == sha and confirmed[0]["translation"] == "draft"


def test_a_draft_translation_without_the_nurses_reason_leaves_the_content_english(qtbot: QtBot, tmp_path: Path) -> None:
    """H2: a patient picking Polish on the welcome screen gets the screens' own words in Polish but the English
    procedure, as no nurse said why a draft translation is right for them; the record says English."""
    kiosk = Kiosk(qtbot, tmp_path, content=_approved_english)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("language-pl")
    kiosk.click("start")
    first = procedure(BLOCK).steps[0]
    assert _label(kiosk, "step-heading") == first.heading
    assert kiosk.button("understand").text() == "Rozumiem"
    kiosk.click("understand")
    confirmed = [d for e, d in _audit(kiosk) if e == "step-confirmed"]
    assert confirmed[0]["content_language"] == "en" and "translation_sha256" not in confirmed[0]


def test_a_ward_that_refuses_drafts_shows_the_english_content(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path, config=replace(CONFIG, allow_drafts=False), content=_approved_english)
    kiosk.hand_over(replace(new_discharge(BLOCK), language="pl", expired_reason=REASON, draft_translation=True))
    kiosk.click("start")
    assert _label(kiosk, "step-heading") == procedure(BLOCK).steps[0].heading


def test_the_nurse_form_says_which_language_the_patient_will_read(qtbot: QtBot) -> None:
    """The nurse sees, under the language picker, what the patient will read: Polish (a draft translation, so a
    reason is asked), or English and why (a ward that refuses drafts); nothing for English."""
    from kiosk.content.localised import localise
    from kiosk.ui.nurse.new_discharge import NewDischargeScreen

    for allow_drafts, expected in (
        (True, "The patient will read the procedure in Polish (draft translation: give a reason)."),
        (
            False,
            "The patient will read the procedure in English: the translation is a DRAFT, and this kiosk does "
            "not use drafts.",
        ),
    ):
        screen = NewDischargeScreen()
        qtbot.addWidget(screen)
        screen.localise = localise
        screen.resize(1280, 800)
        screen.show()
        screen.load(_approved_english(), START, allow_drafts)
        qtbot.mouseClick(screen.procedure_buttons[BLOCK], Qt.MouseButton.LeftButton)
        notice = screen.findChild(QLabel, "content-language")
        assert notice is not None and not notice.isVisible()
        screen.scroll_to(screen.language.buttons["pl"])
        qtbot.mouseClick(screen.language.buttons["pl"], Qt.MouseButton.LeftButton)
        assert notice.isVisible() and notice.text() == expected
        assert screen.reason_field.isVisible() is allow_drafts  # a draft translation needs the nurse's reason
        qtbot.mouseClick(screen.language.buttons["en"], Qt.MouseButton.LeftButton)
        assert not notice.isVisible() and not screen.reason_field.isVisible()
