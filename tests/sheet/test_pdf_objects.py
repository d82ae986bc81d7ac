"""The sheet's pages, streams' dictionaries, form, page tree and document information written from templates,
and its objects' lines and cross-reference table as bytes (``kiosk.sheet.templated``, issue 19): it must change
no sheet, and no template may hold a patient's detail (hazard H3).

Real builds of both shipped procedures, names in four scripts, English, Polish and Urdu, both text sizes and a
reprint, compared byte for byte with the same sheet formatted by reportlab's own ``PDFPage``, ``PDFStream``,
``PDFFormXObject``, ``PDFPages``, ``PDFInfo`` and ``PDFDocument``.
"""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFFormXObject, PDFInfo, PDFPage, PDFPages

from kiosk.content.loader import load_library
from kiosk.record.model import DischargeRecord, Patient
from kiosk.sheet import build_sheet, page, templated
from tests.sheet.conftest import make_record
from tests.sheet.test_shared_drawing import CONFIG, ENDED, PRINTED, _build, _cases


def _reprint(record: DischargeRecord) -> bytes:
    procedure = load_library(today=PRINTED.date()).get(record.procedure_id)
    return build_sheet(record, procedure, CONFIG, PRINTED, reprint=True, language="pl")


def test_a_sheet_with_templated_pages_and_information_is_the_sheet_reportlab_formats(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases = _cases()
    for case in cases:  # every paragraph's operators and every cached subset as in a ward's day
        _build(*case)
    with monkeypatch.context() as patched:
        patched.setattr(page, "SheetPage", PDFPage)  # whose content stream stays reportlab's PDFStream
        patched.setattr(page, "SheetForm", PDFFormXObject)
        patched.setattr(page, "SheetPages", PDFPages)
        patched.setattr(page, "SheetDocument", PDFDocument)
        patched.setattr(page, "SheetInformation", PDFInfo)
        reference = [_build(*case) for case in cases]
        reprint = _reprint(cases[-1][1])
    templated.clear()
    first = [_build(*case) for case in cases]  # the templates made
    # A page's, its stream's, the form's stream's, the page tree's and the information's, so the comparison
    # means something.
    assert {key[0] for key in templated._templates} == {"page", "stream", "pages", "information"}
    assert templated.kept() >= 4
    again = [_build(*cases[index]) for index in reversed(range(len(cases)))][::-1]  # and used
    for index, case in enumerate(cases):
        assert first[index] == reference[index], case
        assert again[index] == reference[index], case
    assert _reprint(cases[-1][1]) == reprint


def _record(name: str, hospital_number: str, record_id: str) -> DischargeRecord:
    procedure = load_library(today=PRINTED.date()).procedures[0]
    patient = Patient(name=name, date_of_birth=date(1951, 7, 9), hospital_number=hospital_number)
    return make_record(procedure, patient=patient, procedure_ended=ENDED, record_id=record_id)


def test_no_template_holds_a_patients_details_and_each_pdf_has_its_own_subject() -> None:
    """The record id is the information's subject: formatted afresh for every PDF, never in a kept template."""
    templated.clear()
    first = _record("Alice Quintero", "QX551200", "DK-20261121-0041")
    pdf = _build("en", first)
    assert pypdf.PdfReader(io.BytesIO(pdf)).metadata.subject == "Record DK-20261121-0041"
    second = _record("Bob Underhill", "ZZ900071", "DK-20261121-0042")
    reader = pypdf.PdfReader(io.BytesIO(_build("en", second)))
    assert reader.metadata.subject == "Record DK-20261121-0042"
    assert "Bob Underhill" in reader.pages[0].extract_text()
    assert templated.kept() >= 2
    kept = b"".join(b"".join(made.pieces) for made in templated._templates.values())
    kept += repr(list(templated._templates)).encode()
    for detail in ("Alice", "Quintero", "QX551200", "0041", "Bob", "Underhill", "ZZ900071", "0042", "1951"):
        assert detail.encode() not in kept, detail
