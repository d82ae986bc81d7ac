"""The sheet for schema version 2 content (the README's worked example): urgency boxes, the escort's slip, and
page 1 still holding the most urgent box and the patient's times (issue 15)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import WardConfig
from kiosk.content.loader import load_procedure
from kiosk.content.localised import localise
from kiosk.content.model import Factor, Procedure
from kiosk.content.translation import template
from kiosk.sheet import build_sheet
from tests.sheet.conftest import make_record

Pages = Callable[[bytes], list[str]]
EXAMPLE = load_procedure(paths.PROJECT_ROOT / "tests" / "content" / "examples" / "caudal-epidural.yaml")
EVERY = frozenset(Factor)


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
def test_page_1_holds_the_emergency_box_and_the_times_even_with_three_urgency_boxes(
    config: WardConfig, pages: Pages, large_print: bool
) -> None:
    record = make_record(EXAMPLE, factors=EVERY, large_print=large_print)
    text = pages(build_sheet(record, EXAMPLE, config, printed_at=record.procedure_ended))
    first = text[0]
    assert "EMERGENCY: Call 999 or go to A&E now" in first
    assert "Someone must stay with you until" in first, "the times start on page 1"
    assert "Do not drive until" in first
    whole = " ".join(text)
    emergency, urgent, office = (whole.index(t) for t in ("EMERGENCY:", "URGENT: Get urgent", "NOT URGENT:"))
    assert emergency < urgent < office


def test_the_escort_slip_is_its_own_part_after_a_cut_line_with_the_escorts_name_and_this_patients_signs(
    config: WardConfig, pages: Pages
) -> None:
    record = make_record(EXAMPLE, factors=frozenset({Factor.SEDATION}))
    whole = " ".join(pages(build_sheet(record, EXAMPLE, config, printed_at=record.procedure_ended)))
    slip = whole[whole.index("Cut or tear here") :]
    assert slip.startswith("Cut or tear here: this part is for the adult looking after you tonight")
    assert "For David Thompson, who is looking after Margaret" in slip
    assert "Please stay with Margaret until" in slip and "Tonight, watch for:" in slip
    assert "They are very sleepy and hard to wake" in slip
    assert "When to call." in slip and "Day Case Unit, Example Hospital" in slip


def test_a_version_1_sheet_has_no_slip_and_one_warning_box(config: WardConfig, pages: Pages) -> None:
    from tests.sheet.conftest import nerve_root_block

    block = nerve_root_block()
    whole = " ".join(pages(build_sheet(make_record(block), block, config, printed_at=datetime.now().astimezone())))
    assert "Cut or tear here" not in whole and "EMERGENCY:" not in whole
    assert "Get help urgently if you have any of these" in whole
    assert block.escort is None


def _translated_example(tmp_path: Path, language: str) -> tuple[Procedure, WardConfig]:
    """The worked example with a (draft) translation into ``language`` beside it; its texts left English, so
    every word in ``language`` on the sheet is one the code wrote (``content.phrasebook``, ``sheet.wording``)."""
    source = tmp_path / "caudal-epidural.yaml"
    shutil.copy(EXAMPLE.source_path, source)
    procedure = load_procedure(source)
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / f"caudal-epidural.{language}.yaml").write_text(
        template(procedure, language, translator="a test"), encoding="utf-8"
    )
    assert localise(procedure, language, allow_drafts=True).is_translated
    return procedure, WardConfig(ward_name="Day Case Unit", ward_phone="01752 430000", allow_drafts=True)


def test_a_translated_v2_sheet_says_the_codes_words_in_the_patients_language(tmp_path: Path, pages: Pages) -> None:
    """Urgency titles, routes, opening hours, timing sentences, risk forms and the escort's slip in Polish; the
    English warning box after it keeps the English words (issue 17)."""
    procedure, config = _translated_example(tmp_path, "pl")
    record = make_record(procedure, factors=frozenset({Factor.SEDATION}), language="pl")
    whole = " ".join(pages(build_sheet(record, procedure, config, printed_at=record.procedure_ended)))
    polish, english = whole.split("In English: ", 1)
    assert "NAGŁY WYPADEK: Call 999 or go to A&E now" in polish
    assert "PILNE: " in polish and "NIEPILNE: " in polish
    assert "w innych godzinach: NHS 111" in polish
    assert "sob. 22 lis" in polish  # ENDED is Fri 21 Nov 14:30: the sedated patient's 24 hours end on Sat
    assert "i dopóki the numbness in your legs has gone" in whole
    assert "mniej niż 1 na 1,000" in whole and "od 1 na 200 do 1 na 100" in whole
    assert "od 5 do 10 na 100 (od 5% do 10%)" in whole and "około 2 na 100 (2%)" in whole
    slip = whole[whole.index("Odetnij lub oderwij tutaj") :]
    assert "Dla: David Thompson, osoba opiekująca się pacjentem (Margaret)" in slip
    assert "Prosimy zostać z pacjentem (Margaret) do" in slip and "Dziś w nocy zwracaj uwagę na:" in slip
    assert "Kiedy dzwonić." in slip
    for word in ("Cut or tear here", "Please stay with", "Tonight, watch for", "at other times", "less than 1 in"):
        assert word not in polish, word
    assert english.startswith("⚠ EMERGENCY: Call 999 or go to A&E now")  # the English copy of the boxes
    assert "URGENT: Get urgent advice today" in english and "at other times: NHS 111" in english
