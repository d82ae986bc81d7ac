"""The sheet for schema version 2 content (the README's worked example): urgency boxes, the escort's slip, and
page 1 still holding the most urgent box and the patient's times (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kiosk import paths
from kiosk.config import WardConfig
from kiosk.content.loader import load_procedure
from kiosk.content.model import Factor
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
