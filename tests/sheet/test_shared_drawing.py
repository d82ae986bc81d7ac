"""Content paragraphs share their drawn PDF operators between sheets (issue 19): it must change no sheet.

A sheet built after other patients' sheets (the shared operators written again) must be byte for byte the sheet
built with nothing shared from anyone else, whatever the name before it was set in: the DejaVu faces and the
fixed characters get the same font names and codes in every PDF (``page.numbered_canvas``), other text is drawn
each time.
Real builds of the shipped procedures, in English, Polish and Urdu, both text sizes.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pypdf

from kiosk.config import WardConfig
from kiosk.content.loader import load_library
from kiosk.record.model import DischargeRecord, Patient
from kiosk.sheet import build_sheet, paragraphs
from kiosk.sheet.fonts import dejavu_faces
from kiosk.sheet.page import numbered_canvas
from kiosk.sheet.styles import sheet_styles
from tests.sheet.conftest import make_record

LONDON = ZoneInfo("Europe/London")
ENDED = datetime(2026, 11, 21, 13, 30, tzinfo=LONDON)
PRINTED = datetime(2026, 11, 21, 16, 30, tzinfo=LONDON)
CONFIG = replace(WardConfig(ward_name="Day Case Unit", ward_phone="0114 000 0000"), allow_drafts=True)
# An ASCII name, one in a fallback font (a third font in the PDF), ones whose letters take the first free codes
# (Polish; a dash and an apostrophe the content may use too, so they must keep their fixed codes).
NAMES = ("Margaret Anne Thompson", "محمد علی", "Zażółć Gęślą", "Mary–Jane O’Neil")
LANGUAGES = ("en", "pl", "ur")


def _cases() -> list[tuple[str, DischargeRecord]]:
    cases = []
    for procedure in load_library(today=PRINTED.date()).procedures:
        for name in NAMES:
            for large in (False, True):
                for language in LANGUAGES:
                    patient = Patient(name=name, date_of_birth=date(1948, 3, 3), hospital_number="RK123456")
                    record = make_record(procedure, patient=patient, procedure_ended=ENDED, large_print=large)
                    cases.append((language, record))
    return cases


def _build(language: str, record: DischargeRecord) -> bytes:
    procedure = load_library(today=PRINTED.date()).get(record.procedure_id)
    return build_sheet(record, procedure, CONFIG, PRINTED, language=language)


def test_a_sheet_after_other_patients_is_the_sheet_built_with_nothing_shared() -> None:
    cases = _cases()
    alone = []
    for language, record in cases:
        paragraphs.clear_shared()
        # Built twice, the second kept: the first split of a content paragraph after clearing writes its fill
        # colour one operator earlier than every later split (reportlab's split adds a space to a shared line's
        # last word; as on main, same pixels).
        _build(language, record)
        alone.append(_build(language, record))
    paragraphs.clear_shared()
    for case in cases:  # the first pass records each paragraph's operators (and does each first split)
        _build(*case)
    # Every sheet again, in reverse, from operators recorded for the other patients (names in other fonts,
    # other languages, the other size) in the first pass.
    after_others = {index: _build(*cases[index]) for index in reversed(range(len(cases)))}
    assert paragraphs.shared_drawings() > 50  # the operators were shared, so the comparison means something
    for index, pdf in enumerate(alone):
        assert after_others[index] == pdf, cases[index]


def test_a_sheet_drawn_from_shared_operators_reads_back_its_content() -> None:
    paragraphs.clear_shared()
    language, record = _cases()[0]
    procedure = load_library(today=PRINTED.date()).get(record.procedure_id)
    _build(language, record)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(_build(language, record))).pages)
    words = " ".join(text.split())
    assert "Margaret Anne Thompson" in words
    for sign in procedure.for_patient(record.factors).red_flags:
        assert " ".join(sign.sign.split()[:4]) in words, sign.sign


def test_a_paragraph_with_a_bullet_outside_the_fixed_codes_is_drawn_each_time() -> None:
    """The same content and style with another label (bullet): shared only where that label's codes are fixed."""
    paragraphs.clear_shared()
    style = sheet_styles(False).labelled
    canvas = numbered_canvas(8.0)(io.BytesIO())
    for face in dejavu_faces():  # as a patient's name drawn first would: codes this PDF's own, not fixed ones
        face.splitString("Łóżko", canvas._doc)  # type: ignore[attr-defined]  # reportlab's canvas, not in its stubs
    for label in ("Stay", "Łóżko", "Stay"):
        paragraph = paragraphs.para("Rest at home today.", style, label, shared=True)
        paragraph.wrapOn(canvas, 400, 100)
        paragraph.drawOn(canvas, 0, 0)
    assert paragraphs.shared_drawings() == 1  # "Stay" once (then written again), "Łóżko" never
