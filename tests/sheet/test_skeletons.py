"""Patient paragraphs from parsed skeletons (``paragraphs._parsed_from_skeleton``, issue 19): the fragments must
be the ones reportlab's parser makes of the markup itself, and the skeletons kept must hold no patient's text.

Hypothesis puts any text (through ``fonts.markup``, as every patient detail is) into the sheet's fixed wording and
compares fragment by fragment; real sheets (four scripts, names with ``&`` and ``<``, en/pl/ur, both sizes) are
compared byte for byte with the same sheet whose every paragraph was parsed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from kiosk.record.model import Patient
from kiosk.sheet import paragraphs
from kiosk.sheet.fonts import BOLD, bold_fallbacks, markup, needs_shaping
from kiosk.sheet.page import _inverse, nbsp
from kiosk.sheet.styles import sheet_styles
from tests.sheet.test_shared_drawing import _build, _cases

# The shapes of the sheet's patient paragraphs (page.py, sections.py), each detail a slot.
TEMPLATES = (
    "{0}",
    "Born <b>{0}</b> \u00a0·\u00a0 Hospital no. <b>{1}</b> \u00a0·\u00a0 Record <b>{2}</b>",
    "Printed {0} 2026 \u00a0·\u00a0 Record {1}",
    "Printed {0} 2026 \u00a0" + _inverse("REPRINT") + " \u00a0·\u00a0 Record {1}",
    "<b>{0}</b> ({1})",
    "<b>{0}</b> on {1} \u00a0·\u00a0 Side and level <b>{2}</b>",
    "Someone must stay with you until <b>{0}</b><br/>Do not drive until <b>{1}</b>",
    "<b>Medicines given.</b> <b>{0}</b>: {1}. <b>{2}</b>.",
)


def _frags(paragraph: Paragraph) -> list[dict[str, object]]:
    return [dict(frag.__dict__) for frag in paragraph.frags]


@settings(max_examples=120, deadline=None)
@given(
    template=st.sampled_from(TEMPLATES),
    details=st.lists(st.text(min_size=0, max_size=30), min_size=3, max_size=3),
    style=st.sampled_from(["body", "labelled", "header_name", "header_field", "footer", "time_box"]),
)
@example(template=TEMPLATES[1], details=["3 Mar 1948", "R&K <1>", "DK-1"], style="header_field")
@example(template=TEMPLATES[0], details=["  Anne   Smith ", "", ""], style="header_name")
@example(template=TEMPLATES[4], details=["\ue000", "Son", ""], style="labelled")
def test_fragments_from_a_skeleton_are_the_parsers(template: str, details: list[str], style: str) -> None:
    sheet_style = getattr(sheet_styles(False), style)
    marked = template.format(*(nbsp(markup(detail)) for detail in details))
    assume(not needs_shaping(marked))  # shaped text is made by another path (RtlParagraph, separate_fonts)
    made = paragraphs.para(marked, sheet_style)
    assert isinstance(made, Paragraph)
    # What para() parses: fallback words in bold faces where bold, entities of no-break spaces as the character.
    parsed = Paragraph(bold_fallbacks(marked, sheet_style.fontName == BOLD).replace("&nbsp;", "\u00a0"), made.style)
    assert _frags(made) == _frags(parsed)
    assert made.text == parsed.text


def test_a_sheet_from_skeletons_is_the_sheet_parsed_paragraph_by_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    odd = Patient(name="Anne & <b>Bo</b> Smith", date_of_birth=date(1948, 3, 3), hospital_number="RK&123")
    cases = _cases()
    cases += [(language, replace(record, patient=odd)) for language, record in cases[:3]]  # parsed, not skeletons
    for case in cases:  # every paragraph's first split done, the skeletons parsed
        _build(*case)
    assert paragraphs._skeletons  # skeletons were used, so the comparison means something
    with monkeypatch.context() as patched:
        patched.setattr(paragraphs, "_parsed_from_skeleton", lambda markup, style: None)
        parsed = [_build(*case) for case in cases]
    for index, case in enumerate(cases):
        assert _build(*case) == parsed[index], case


def test_no_skeleton_holds_a_patients_text() -> None:
    paragraphs.clear_shared()
    details = set()
    for language, record in _cases():
        _build(language, record)
        patient = record.patient
        details |= {patient.name, patient.hospital_number, record.record_id}
        if record.escort is not None:
            details |= {record.escort.name, record.escort.phone_display}
    kept = " ".join(skeleton for skeleton, _ in paragraphs._skeletons)
    assert kept
    for detail in details:
        for word in detail.split():
            if len(word) > 3:
                assert word not in kept, word
