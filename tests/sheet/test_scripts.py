"""Every script a ward meets prints on the sheet, shaped where the script needs it (hazard H7).

On main a Chinese name printed as empty boxes (no font had the characters) and Indic names likewise. Each name is
put on a real sheet and read back: the text layer where it is reliable, and for every script the font each run
was drawn in (the Noto font for its script, Droid Sans Fallback for Chinese) and the ink it leaves on a
pdftoppm render. Devanagari, Gurmukhi and Tamil conjuncts are single shaped glyphs, which a PDF reader can only
give back as private-use code points: for those the letters it does give back must be the name's own.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pypdf
import pytest

from kiosk.config import WardConfig
from kiosk.content.model import Procedure
from kiosk.record.model import Patient
from kiosk.sheet import build_sheet
from kiosk.sheet.fonts import unprintable

from .conftest import PRINTED, make_record, nerve_root_block

# script -> (name, the font its letters must be drawn in, whether the PDF's text layer gives it back whole)
NAMES: dict[str, tuple[str, str, bool]] = {
    "chinese": ("王秀英", "DroidSansFallback", True),
    "japanese": ("さくら 山田", "DroidSansFallback", True),
    "korean": ("김민준", "NanumGothic", True),
    "devanagari": ("राम शर्मा", "NotoSansDevanagari", False),
    "gurmukhi": ("ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "NotoSansGurmukhi", False),
    "bengali": ("সুমন রায়", "NotoSansBengali", True),
    "gujarati": ("ભાવેશ પટેલ", "NotoSansGujarati", True),
    "tamil": ("முருகன் செல்வம்", "NotoSansTamil", False),
    "thai": ("สมชาย ใจดี", "NotoSansThai", True),
    "arabic": ("محمد علي", "DejaVuSans", True),
    "urdu": ("عائشہ خان", "NotoSansArabic", True),
    "hebrew": ("דוד כהן", "DejaVuSans", True),
    "greek": ("Γιώργος Παπαδόπουλος", "DejaVuSans", True),
    "cyrillic": ("Иван Петров", "DejaVuSans", True),
    "latin": ("Zoë Łukasz Ñúñez", "DejaVuSans", True),
}


@pytest.fixture(scope="module")
def procedure_once() -> Procedure:
    return nerve_root_block()


def _sheet(procedure: Procedure, name: str) -> bytes:
    patient = Patient(name=name, date_of_birth=date(1948, 3, 3), hospital_number="RK123456")
    return build_sheet(make_record(procedure, patient=patient), procedure, WardConfig(), PRINTED)


def _runs(page: pypdf.PageObject) -> list[tuple[str, str]]:
    """(font, text) of every text run drawn on the page, the header's form included."""
    runs: list[tuple[str, str]] = []

    def visit(text: str, cm: object, tm: object, font: dict[str, object] | None, size: object) -> None:
        if font is not None and text.strip():
            runs.append((str(font.get("/BaseFont", "")), text))

    page.extract_text(visitor_text=visit)
    return runs


def _letters(text: str) -> set[str]:
    return {ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] == "L"}


@pytest.mark.parametrize("script", list(NAMES))
def test_a_name_in_every_script_is_drawn_in_a_font_that_has_it(script: str, procedure_once: Procedure) -> None:
    name, font, whole = NAMES[script]
    assert unprintable(name) == frozenset()
    reader = pypdf.PdfReader(io.BytesIO(_sheet(procedure_once, name)))
    for page in reader.pages:
        runs = _runs(page)
        text = unicodedata.normalize("NFKC", page.extract_text())
        name_letters = _letters(name)
        drawn = {ch for run_font, run in runs if font in run_font for ch in _letters(run)}
        # The name's letters are drawn in the script's own font, never in one that lacks them.
        assert drawn & name_letters, f"{script}: no letter of the name drawn in {font}"
        if whole:
            for word in unicodedata.normalize("NFKC", name).split():
                assert word in text, f"{script}: {word} not read back"
        else:
            # Shaped conjuncts read back as private-use code points; every letter read back is the name's.
            assert drawn - name_letters == set()
            assert len(drawn) >= len(name_letters) // 2


def _ink(pdf: bytes, tmp_path: Path, label: str) -> int:
    """Dark pixels on page 1, rendered by poppler at 72 dpi in greyscale."""
    source = tmp_path / f"{label}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", str(source), str(tmp_path / label)],
        check=True,
        timeout=60,
    )
    (image,) = tmp_path.glob(f"{label}-*.pgm")
    data = image.read_bytes()
    # PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    header_end = data.index(b"\n255\n") + 5
    return sum(1 for value in data[header_end:] if value < 128)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (pdftoppm)")
def test_names_in_every_script_leave_glyphs_on_the_rendered_page(procedure_once: Procedure, tmp_path: Path) -> None:
    """Every name leaves ink in proportion to its letters (an empty string of boxes or nothing would not)."""
    blank = _ink(_sheet(procedure_once, "A"), tmp_path, "blank")
    for script, (name, _, _) in NAMES.items():
        ink = _ink(_sheet(procedure_once, name), tmp_path, script)
        letters = len([ch for ch in name if not ch.isspace()])
        # A 17 pt bold letter at 72 dpi is about 20-60 dark pixels; the name is on the header of page 1.
        assert ink - blank > 8 * letters, f"{script}: {ink - blank} dark pixels for {letters} letters"
