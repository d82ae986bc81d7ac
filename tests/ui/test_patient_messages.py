"""What the escort screen says about a name or phone number it cannot take, in the patient's language (issue 17).

The checks (``kiosk.record.fields``, ``kiosk.text``) write English for the nurse and the log; the patient's
screen shows the same message from the catalogue, its values (a typed character, "the name", "an invisible
character") filled in, and translated where they are marked texts. Expected texts are read from the ``.ts``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.record import fields
from kiosk.text import ValidationError
from tests.discharge_support import BLOCK, new_discharge
from tests.ui.driver import Kiosk

CATALOGUES = Path(__file__).parents[2] / "resources" / "translations"
FSI, PDI = "\u2068", "\u2069"


def catalogue(code: str) -> dict[str, str]:
    root = ET.parse(CATALOGUES / f"kiosk_{code}.ts").getroot()
    return {
        message.findtext("source") or "": message.findtext("translation") or ""
        for context in root.iter("context")
        if context.findtext("name") == "patient"
        for message in context.iter("message")
    }


def escort_error(kiosk: Kiosk, name: str, phone: str = "07700900123") -> str:
    screen = kiosk.screen
    for edit_name in ("escort-name", "escort-relationship"):
        edit = screen.findChild(QLineEdit, edit_name)
        assert edit is not None
        edit.setText("")
    kiosk.fill_escort(name=name, relationship="Son", phone=phone)
    kiosk.click("confirm-escort")
    error = kiosk.screen.findChild(QLabel, "escort-error")
    assert error is not None and error.isVisible()
    return error.text().replace(FSI, "").replace(PDI, "")


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_the_escort_screen_says_what_is_wrong_in_the_patients_language(qtbot: QtBot, tmp_path: Path, code: str) -> None:
    tr = catalogue(code)
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click(f"language-{code}")
    kiosk.walk_to_escort()
    assert escort_error(kiosk, "Ade", phone="12") == tr[fields._BAD_PHONE]
    assert escort_error(kiosk, "Ade 2") == tr["A name cannot contain numbers. Please check it."]
    assert escort_error(kiosk, "Ade€") == tr["A name cannot contain “{character}”. Please check it."].format(
        character="€"
    )
    hidden = tr["There is {problem} in {what}, which cannot be kept. Please type it again without it."]
    assert escort_error(kiosk, "A\u200bde") == hidden.format(problem=tr["an invisible character"], what=tr["the name"])
    # Nothing was saved, and the walk is still on the escort screen.
    assert kiosk.session.record().escort is None


def test_the_length_note_of_an_escort_field_is_in_the_patients_language(qtbot: QtBot, tmp_path: Path) -> None:
    tr = catalogue("pl")
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("language-pl")
    kiosk.walk_to_escort()
    edit = kiosk.screen.findChild(QLineEdit, "escort-relationship")
    assert edit is not None
    edit.setText("x" * fields.MAX_RELATIONSHIP_LENGTH)
    error = kiosk.screen.findChild(QLabel, "escort-error")
    assert error is not None
    expected = tr["That is the most this can hold ({most} characters)."]
    assert error.text() == expected.format(most=fields.MAX_RELATIONSHIP_LENGTH)


def test_the_nurse_and_the_log_get_the_english_message() -> None:
    """The same error keeps its English title (nurse's screens, the log, main.py), whatever the screens speak."""
    with pytest.raises(ValidationError) as refused:
        fields.validate_person_name("A\u200bde", field="escort_name")
    assert refused.value.title.startswith("There is an invisible character in the name, which cannot be kept.")
    with pytest.raises(ValidationError) as symbol:
        fields.validate_person_name("Ade€")
    assert symbol.value.title == "A name cannot contain “€”. Please check it."
