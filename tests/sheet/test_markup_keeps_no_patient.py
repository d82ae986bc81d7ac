"""No patient's details are kept by the sheet's markup cache (hazard H3, issue 19).

``fonts.content_markup`` keeps the markup of every string it sees (4,096 of them), which pays for the procedure's
content and the fixed wording, the same on every sheet. A patient's name, numbers, escort, side and medicines
go through ``fonts.markup``, which keeps nothing: had they gone through the cache, the names and hospital
numbers of thousands of past patients would stay in the kiosk's memory. Real sheets of both shipped
procedures, English and Polish: the second patient's sheet, all of whose details differ from the first's, must
add nothing to the cache, and must print those details (so the check means something).
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pypdf
import pytest

from kiosk.content.loader import load_library
from kiosk.record.model import Patient
from kiosk.sheet import build_sheet
from kiosk.sheet.fonts import content_markup, markup
from tests.sheet.conftest import make_record
from tests.sheet.test_shared_drawing import CONFIG, ENDED, PRINTED


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize("language", ["en", "pl"])
def test_a_second_patients_sheet_adds_nothing_to_the_markup_cache(language: str) -> None:
    for procedure in load_library(today=PRINTED.date()).procedures:
        first = make_record(procedure, procedure_ended=ENDED)
        build_sheet(first, procedure, CONFIG, PRINTED, language=language)
        kept = content_markup.cache_info().currsize
        assert kept > 50, "the content went through the cache, so the comparison means something"
        assert first.escort is not None
        escort = replace(first.escort, name="Quentin Oyelaran", relationship="Neighbour", phone_display="07700 900456")
        second = replace(
            first,
            record_id="D-2025-11-21-0042",
            patient=Patient(name="Ysolde Kravchenko", date_of_birth=date(1951, 7, 9), hospital_number="QX987654"),
            side_level="Right S1",
            medicines=("Zinvex cream",),
            escort=escort,
        )
        pdf = build_sheet(second, procedure, CONFIG, PRINTED, language=language)
        assert content_markup.cache_info().currsize == kept, "a patient's details were kept"
        text = _text(pdf)
        for shown in ("Ysolde Kravchenko", "QX987654", "D-2025-11-21-0042", "Quentin Oyelaran", "Zinvex cream"):
            assert shown in text, shown


def test_the_patients_markup_keeps_nothing() -> None:
    assert not hasattr(markup, "cache_info")
