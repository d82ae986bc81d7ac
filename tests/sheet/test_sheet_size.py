"""The sheet's PDF is small (issue 19: under 50 KB for the shipped nerve root block) and still prints and reads
back the same: compressed streams, and font subsets without the fonts' 15.6 KB ``name`` tables."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from kiosk.config import WardConfig
from kiosk.content.loader import load_library
from kiosk.content.model import Factor, Procedure
from kiosk.sheet import build_sheet
from tests.sheet.conftest import make_record

ENDED = datetime(2026, 11, 21, 13, 30).astimezone()
CONFIG = WardConfig(ward_name="Day Case Unit", trust_name="Example NHS Trust", ward_phone="01752 430000")


@pytest.fixture(scope="module")
def shipped() -> Procedure:
    return load_library().get("nerve-root-block")


@pytest.fixture(scope="module")
def sheet(shipped: Procedure) -> bytes:
    record = make_record(
        shipped,
        record_id="DK-20261121-0007",
        procedure_ended=ENDED,
        medicines=tuple(medicine.name for medicine in shipped.medicines),
        factors=frozenset({Factor.DIABETIC}),
    )
    return build_sheet(record, shipped, CONFIG, ENDED + timedelta(hours=3))


def _tables(font_program: bytes) -> dict[str, bytes]:
    """The tables of a TrueType font program, by tag (the sfnt table directory)."""
    (count,) = struct.unpack(">H", font_program[4:6])
    tables = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", font_program[12 + 16 * index : 28 + 16 * index])
        tables[tag.decode("latin-1")] = font_program[offset : offset + length]
    return tables


def _font_programs(pdf: bytes) -> list[bytes]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    programs = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            programs.append(descriptor["/FontFile2"].get_object().get_data())
    return programs


def test_the_shipped_sheet_is_under_50_kb(sheet: bytes) -> None:
    assert len(pypdf.PdfReader(io.BytesIO(sheet)).pages) == 2
    assert len(sheet) < 50_000, len(sheet)


def test_page_content_and_fonts_are_compressed(sheet: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(sheet))
    for page in reader.pages:
        assert page.get_contents() is not None
        assert "/FlateDecode" in str(page["/Contents"].get_object().get("/Filter"))
        for font in page["/Resources"]["/Font"].values():
            font_file = font.get_object()["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            assert "/FlateDecode" in str(font_file.get("/Filter"))


def test_embedded_subsets_carry_an_empty_name_table_and_every_table_a_pdf_needs(sheet: bytes) -> None:
    programs = _font_programs(sheet)
    assert programs
    for program in programs:
        tables = _tables(program)
        assert tables["name"] == b"\x00\x00\x00\x00\x00\x06"
        assert {"head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "cmap"} <= tables.keys()


def test_the_text_reads_back_the_same(sheet: bytes) -> None:
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(sheet)).pages)
    for expected in (
        "Margaret Anne Thompson",
        "Born 3 Mar 1948",
        "Hospital no. RK123456",
        "Someone must stay with you until 13:30 Sun 22 Nov",
        "David Thompson",
        "Page 2 of 2",
    ):
        assert expected in text


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript (the print filters' renderer) is not installed")
def test_ghostscript_renders_and_reads_the_lean_fonts(sheet: bytes, tmp_path: Path) -> None:
    """Ghostscript is what the CUPS filters render with: it must take the subsets without complaint."""
    path = tmp_path / "sheet.pdf"
    path.write_bytes(sheet)
    done = subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite", "-sOutputFile=-", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "Margaret Anne Thompson" in done.stdout
    assert "Someone must stay with you until 13:30 Sun 22 Nov" in done.stdout
    assert "rror" not in done.stderr and "arning" not in done.stderr, done.stderr
