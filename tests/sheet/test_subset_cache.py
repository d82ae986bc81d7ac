"""Font subsets written from those of earlier sheets (``kiosk.sheet.subsets``, issue 19): it must change no sheet,
keep nothing drawn from a patient's details, and leave every other PDF (the benchmark's floor) to reportlab.

Real builds of both shipped procedures, names in four scripts, English, Polish and Urdu, both text sizes,
compared byte for byte with the same sheet written by reportlab's own ``TTFont.addObjects``.
"""

from __future__ import annotations

import io

import pypdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kiosk.record.model import DischargeRecord
from kiosk.sheet import page, paragraphs, subsets
from kiosk.sheet.fonts import REGULAR, register_fonts
from tests.sheet.test_shared_drawing import _build, _cases


def _reportlab_written(monkeypatch: pytest.MonkeyPatch, cases: list[tuple[str, DischargeRecord]]) -> list[bytes]:
    with monkeypatch.context() as patched:
        patched.setattr(page, "cache_subsets_for", lambda document, fixed: None)
        return [_build(*case) for case in cases]


def test_a_sheet_written_from_cached_subsets_is_the_sheet_reportlab_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _cases()
    paragraphs.clear_shared()
    for case in cases:  # every paragraph's operators recorded and every first split done, as in a ward's day
        _build(*case)
    subsets.clear()
    reference = _reportlab_written(monkeypatch, cases)
    assert subsets.cached() == 0  # reportlab wrote them: nothing was kept
    for case in cases:  # the cache filled by every patient's sheet
        _build(*case)
    assert subsets.cached() >= 2  # both DejaVu faces' ASCII subsets, so the comparison means something
    for index in reversed(range(len(cases))):  # each again after the others, its subsets from the cache
        assert _build(*cases[index]) == reference[index], cases[index]


def test_a_sheet_from_cached_subsets_reads_back_its_name() -> None:
    language, record = _cases()[0]
    _build(language, record)
    pdf = _build(language, record)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Margaret Anne Thompson" in " ".join(text.split())


def test_no_subset_holding_a_patients_letters_is_kept() -> None:
    """A name's letters beyond ASCII go into the PDF's first subset: that subset is written, never kept."""
    subsets.clear()
    for language, record in _cases():
        if record.patient.name == "Zażółć Gęślą" and language == "en":
            _build(language, record)
    kept = [chr(code) for *_, subset in subsets._formatted for code in subset]
    assert kept, "the PDF's other subsets are kept"
    assert not set("żółćęś") & set(kept)
    assert set(kept) <= {chr(code) for code in range(128)} | set(paragraphs.FIXED_CODES)


def test_a_pdf_that_is_not_a_sheet_is_written_by_reportlab() -> None:
    """The benchmark's floor, a one-line canvas in the same font, neither reads nor fills the cache."""
    register_fonts()
    subsets.clear()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont(REGULAR, 12)
    canvas.drawString(72, 760, "Margaret Anne Thompson")
    canvas.showPage()
    canvas.save()
    assert subsets.cached() == 0
    assert "Margaret Anne Thompson" in pypdf.PdfReader(buffer).pages[0].extract_text()
