"""Arabic and Urdu words inside a left-to-right paragraph print in right-to-left order (issue 17).

An English sheet for a patient or escort with an Arabic or Urdu name: the header, "Name", the escort's slip
("For فاطمة الزهراء, who is looking after محمد"). Each word is shaped by HarfBuzz, but the order of the words
of a right-to-left run is the sheet's job (UAX 9 per line, ``sheet.rtl``). Checked by where each word's glyphs
are drawn (``glyphs.words``), not by a text extractor, which reorders Arabic itself.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import pypdf
import pytest

from kiosk import paths
from kiosk.config import WardConfig
from kiosk.content.loader import load_procedure
from kiosk.content.model import Factor
from kiosk.record.model import Escort, Patient
from kiosk.sheet import build_sheet

from .conftest import ENDED, PRINTED, make_record
from .glyphs import Word, words

EXAMPLE = load_procedure(paths.PROJECT_ROOT / "tests" / "content" / "examples" / "caudal-epidural.yaml")


def _drawn(word: str) -> str:
    """A right-to-left word as its glyphs are drawn, left to right (HarfBuzz's visual order)."""
    return word[::-1]


def _sheet_words(patient: str, escort: str) -> list[list[Word]]:
    record = make_record(
        EXAMPLE,
        factors=frozenset({Factor.SEDATION}),
        patient=Patient(name=patient, date_of_birth=date(1948, 3, 3), hospital_number="RK123456"),
        escort=Escort(
            name=escort,
            relationship="Daughter",
            phone="+447700900123",
            phone_display="07700 900123",
            stays_until=ENDED + timedelta(hours=24),
        ),
    )
    config = WardConfig(ward_name="Day Case Unit", ward_phone="01752 430000")
    pdf = build_sheet(record, EXAMPLE, config, printed_at=PRINTED)
    return [words(page) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _line_of(found: list[Word], word: str, after: str | None = None) -> list[Word]:
    """The words on the line where ``word`` is drawn (the first such line, or the first after ``after``)."""
    lines: dict[float, list[Word]] = {}
    for item in found:
        lines.setdefault(round(item.y, 1), []).append(item)
    for line in lines.values():
        texts = [item.text for item in line]
        if _drawn(word) in texts and (after is None or after in texts):
            return sorted(line, key=lambda item: item.x)
    raise AssertionError(f"{word!r} is not drawn{' beside ' + after if after else ''}")


def _x(line: list[Word], text: str) -> float:
    return next(item.x for item in line if item.text == text)


@pytest.mark.parametrize(
    ("patient", "escort"),
    [("محمد عبد الله", "فاطمة الزهراء"), ("عائشہ بی بی", "عمران احمد خان")],
    ids=["arabic", "urdu"],
)
def test_a_right_to_left_name_reads_right_to_left_in_an_english_header_and_slip(patient: str, escort: str) -> None:
    pages = _sheet_words(patient, escort)
    first_names = patient.split()
    # The header, on every page: the first word of the name rightmost, then each next word to its left.
    for page in pages:
        header = _line_of(page, first_names[0])
        xs = [_x(header, _drawn(part)) for part in first_names]
        assert xs == sorted(xs, reverse=True), (patient, xs)
    # The escort's slip title: "For <escort>, who is looking after <patient's first name>".
    slip_page = next(page for page in pages if any(item.text == "who" for item in page))
    title = _line_of(slip_page, escort.split()[0], after="who")
    parts = escort.split()
    xs = [_x(title, _drawn(part)) for part in parts]
    assert xs == sorted(xs, reverse=True), (escort, xs)
    # ... and the whole name sits between "For" and the comma, the comma before "who" (left to right).
    assert _x(title, "For") < min(xs) and max(xs) < _x(title, ",") < _x(title, "who")


def test_the_possessive_of_an_arabic_name_keeps_its_apostrophe_in_order() -> None:
    """ "محمد's times.": HarfBuzz shapes a word as one run, so "'s" glued to an Arabic word printed as "s'"."""
    pages = _sheet_words("محمد", "David Thompson")
    slip_page = next(page for page in pages if any(item.text == "'s" for item in page))
    line = _line_of(slip_page, "محمد", after="'s")
    assert _x(line, _drawn("محمد")) < _x(line, "'s") < _x(line, "times.")
