"""The sheet in the patient's language (issue 17): translated content and words, the warning box and every phone
number also in English, right to left for Urdu and Arabic, each script shaped in a font that has it (H7, H13).

Real sheets from the shipped procedure and its shipped (draft) translations, read back with pypdf, and for the
right-to-left order, word boxes from poppler's ``pdftotext -bbox``.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from kiosk.config import WardConfig
from kiosk.content.loader import load_procedure
from kiosk.content.model import Procedure
from kiosk.paths import PROJECT_ROOT
from kiosk.record.model import DischargeRecord
from kiosk.sheet import build_sheet
from kiosk.sheet.fonts import markup
from kiosk.sheet.rtl import levels, plain, separate, visual_order, words
from kiosk.sheet.wording import ENGLISH, languages, wording

from .conftest import PRINTED, make_record

DRAFTS_ALLOWED = replace(WardConfig(), allow_drafts=True)


@pytest.fixture(scope="module")
def block() -> Procedure:
    return load_procedure(PROJECT_ROOT / "procedures" / "nerve-root-block.yaml")


def _sheet(procedure: Procedure, language: str, config: WardConfig = DRAFTS_ALLOWED) -> bytes:
    return build_sheet(make_record(procedure), procedure, config, PRINTED, language=language)


def _pages(pdf: bytes) -> list[str]:
    """Each page's text, spaces and line breaks as single spaces (a heading may wrap)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]


def test_polish_sheet_has_polish_content_and_the_warnings_and_numbers_in_english(block: Procedure) -> None:
    pages = _pages(_sheet(block, "pl"))
    text = " ".join(pages)
    # Translated content and the sheet's own words.
    assert "Pilnie szukaj pomocy, jeśli masz którykolwiek z tych objawów" in pages[0]
    assert "Nowe osłabienie nogi" in pages[0]
    assert "Nie wracaj do domu samochodem jako kierowca" in text
    assert "Twoje godziny i daty" in text and "Kto się Tobą opiekuje" in text
    # The same warning box in English, for the escort, the GP or NHS 111, with every number in it: after the
    # Polish box on page 1, or (no room left there beside the patient's times) at the top of page 2.
    early = pages[0] + " " + pages[1]
    assert "In English: get help urgently if you have any of these" in early
    english_box = early[early.index("In English: get help urgently") :]
    for sign in ("New weakness in your leg", "New back pain", "A fever (a high temperature)"):
        assert sign in english_box
    for number in ("01752 437706", "111", "999"):
        assert number in english_box and early.count(number) >= 2, number
    # A draft translation is a draft: every page says so; the header keeps the English title for staff (H1).
    assert all("DRAFT - not yet approved" in page and "Nerve root block" in page for page in pages)
    # Day names in Polish in the clock times ("14:30 pt. 21 lis").
    assert re.search(r"\d\d:\d\d (pon\.|wt\.|śr\.|czw\.|pt\.|sob\.|niedz\.) \d+ [a-zśź]{3}", text)


def test_a_ward_that_refuses_drafts_prints_the_draft_translation_in_english(block: Procedure) -> None:
    pages = _pages(_sheet(block, "pl", WardConfig()))
    text = " ".join(pages)
    assert "Get help urgently if you have any of these" in text
    assert "Nowe osłabienie nogi" not in text and "In English:" not in text


def test_a_language_without_a_translation_prints_english(block: Procedure) -> None:
    text = " ".join(_pages(_sheet(block, "so")))
    assert "Looking after yourself" in text and "In English:" not in text


def test_english_sheet_is_unchanged_by_the_language_machinery(block: Procedure) -> None:
    assert _sheet(block, "en") == build_sheet(make_record(block), block, DRAFTS_ALLOWED, PRINTED)


@pytest.mark.parametrize("language", ["ur", "pa"])
def test_shaped_scripts_print_joined_and_without_missing_glyphs(block: Procedure, language: str) -> None:
    """Urdu reads back in its joining forms (initial, medial, final: Arabic Presentation Forms-B), Gurmukhi in
    its own letters; no replacement or missing-glyph character anywhere."""
    raw = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(_sheet(block, language))).pages)
    assert "\ufffd" not in raw and "\uffff" not in raw
    if language == "ur":
        joined = [ch for ch in raw if 0xFE70 <= ord(ch) <= 0xFEFF or 0xFB50 <= ord(ch) <= 0xFDFF]
        assert len(joined) > 500
    else:
        assert len([ch for ch in raw if 0x0A00 <= ord(ch) <= 0x0A7F]) > 300
    assert "In English: get help urgently if you have any of these" in raw


def _word_boxes(pdf: bytes, tmp_path: Path) -> list[tuple[float, float, str]]:
    """(y, x, word) of every word poppler finds on page 1."""
    source = tmp_path / "sheet.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(source), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    boxes = []
    for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out):
        boxes.append((float(match[2]), float(match[1]), unicodedata.normalize("NFKC", match[3])))
    return boxes


def _same_word(found: str, word: str) -> bool:
    return found in (word, word[::-1])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_urdu_lines_read_right_to_left_with_numbers_left_to_right(block: Procedure, tmp_path: Path) -> None:
    boxes = _word_boxes(_sheet(block, "ur"), tmp_path)
    title = wording("ur")["help"].split()  # "اگر آپ کو ان میں سے کچھ بھی ہو تو فوری مدد لیں"
    first = [(y, x) for y, x, w in boxes if _same_word(w, title[0])]
    last = [(y, x) for y, x, w in boxes if _same_word(w, title[-1])]
    assert first and last
    (first_y, first_x), (last_y, last_x) = first[0], next(box for box in last if abs(box[0] - first[0][0]) < 2)
    assert abs(first_y - last_y) < 2 and first_x > last_x, "the first word of an Urdu line must be on the right"
    # A phone number inside Urdu reads left to right: its first digit group on the left.
    lines: dict[int, list[tuple[float, str]]] = {}
    for y, x, w in boxes:
        if w in ("01752", "437706"):
            lines.setdefault(round(y), []).append((x, w))
    assert lines
    for found in lines.values():
        assert [w for _, w in sorted(found)] == ["01752", "437706"], lines


def test_visual_order_reverses_right_to_left_runs_and_keeps_numbers_left_to_right() -> None:
    line = ["فون", "کریں", "01752", "437706", "یا", "NHS", "111"]
    line_levels = levels(line)
    assert line_levels == [1, 1, 2, 2, 1, 2, 2]
    assert visual_order(line, line_levels) == ["NHS", "111", "یا", "01752", "437706", "کریں", "فون"]
    assert visual_order(["a", "b"], [2, 2]) == ["a", "b"]


def test_words_keep_their_own_markup_and_directions_are_separated() -> None:
    assert words("<b>Your dressing.</b> You") == ["<b>Your</b>", "<b>dressing.</b>", "You"]
    marked = markup("(اپنے")
    assert "اپنے" in marked  # the Urdu letters stay in one font (joined), the bracket apart
    # A clock time is no longer one word with Urdu letters (HarfBuzz would reverse its digits); a phone number
    # keeps its no-break space.
    assert plain(separate("12:16&nbsp;بدھ")) == "12:16 بدھ"
    assert separate("01752&nbsp;437706") == "01752&nbsp;437706"
    assert separate("24گھنٹے") == "24 گھنٹے"


def test_every_language_has_every_sheet_word_with_the_same_placeholders() -> None:
    for language in languages():
        words_for = wording(language)
        assert set(words_for.words) == set(ENGLISH), language
        for key, english in ENGLISH.items():
            placeholders = sorted(re.findall(r"\{\w+\}", words_for[key]))
            assert placeholders == sorted(re.findall(r"\{\w+\}", english)), (language, key)


def test_a_word_that_changes_font_is_shaped_without_failing() -> None:
    """ "dabigatran।" is DejaVu then Noto Sans Gurmukhi in one word: reportlab shaped it as one run in the first
    font, so the danda printed as a missing glyph, or (a bold face not yet shaped) failed in shapeFragWord and
    no sheet printed at all; "(GP)۔" likewise in Urdu."""
    from reportlab.platypus import SimpleDocTemplate

    from kiosk.sheet.paragraphs import para
    from kiosk.sheet.styles import sheet_styles

    buffer = io.BytesIO()
    texts = ("<b>" + markup("dabigatran। ਇਹ") + "</b>", markup("ਜਾਂ dabigatran। ਇਹ"), markup("آپ کا GP (فیملی)۔ اور"))
    SimpleDocTemplate(buffer).build([para(text, sheet_styles(False).body) for text in texts])
    raw = pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert "\uffff" not in raw and "\ufffd" not in raw
    assert "dabigatran" in raw and "।" in raw


@pytest.mark.parametrize("language", ["ur", "ar"])
@pytest.mark.parametrize("procedure_id", ["nerve-root-block", "nerve-root-injection"])
def test_every_shipped_right_to_left_sheet_is_laid_out_line_by_line(
    procedure_id: str, language: str, caplog: pytest.LogCaptureFixture
) -> None:
    procedure = load_procedure(PROJECT_ROOT / "procedures" / f"{procedure_id}.yaml")
    with caplog.at_level("WARNING", logger="kiosk.sheet.rtl"):
        pdf = _sheet(procedure, language)
    assert not caplog.records
    raw = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "\uffff" not in raw and "\ufffd" not in raw


@pytest.mark.skipif(
    "language" not in getattr(DischargeRecord, "__dataclass_fields__", {}),
    reason="the record's language field comes with the i18n-ui branch (migration v6)",
)
def test_the_sheet_is_in_the_records_language_by_default(block: Procedure) -> None:
    record = replace(make_record(block), language="pl")  # type: ignore[call-arg, unused-ignore]
    text = " ".join(_pages(build_sheet(record, block, DRAFTS_ALLOWED, PRINTED)))
    assert "Nowe osłabienie nogi" in text and "In English: get help urgently" in text


@pytest.mark.parametrize("text", ["15:30 ਐਤ 29 ਮਾਰਚ", "dabigatran। ਇਹ", "(GP)۔ اور", "ਲਗਭਗ 2,000 ਵਿੱਚੋਂ 1"])
def test_a_word_that_changes_font_is_set_apart_by_one_space_not_two(text: str) -> None:
    """The space that keeps two fonts in two HarfBuzz runs reuses a space (or no-break space) already there: a
    Panjabi clock time printed "15:30  ਐਤ  29  ਮਾਰਚ" with double gaps."""
    from kiosk.sheet.page import nbsp
    from kiosk.sheet.rtl import separate_fonts

    separated = separate_fonts(nbsp(markup(text)))
    assert "  " not in plain(separated).replace("\u00a0", " "), separated


def test_a_number_or_latin_word_ending_an_arabic_sentence_has_its_stop_on_the_left() -> None:
    """ "نحو 1 من كل 20." and "مستشفى Derriford.": the full stop ends the right-to-left sentence, so it prints
    left of the number, name or English run; HarfBuzz laid the word out as written ("20." with the stop on its
    right, read before the number). Checked by where the glyphs are drawn; "Mr. Smith" keeps its stop inside."""
    from reportlab.platypus import SimpleDocTemplate

    from kiosk.sheet.paragraphs import para
    from kiosk.sheet.rtl import rtl_sheet_styles
    from kiosk.sheet.styles import sheet_styles

    from .glyphs import words as drawn_words

    style = rtl_sheet_styles(sheet_styles(False)).body
    buffer = io.BytesIO()
    texts = ["نحو 1 من كل 20. قد تسوء", "اذهب إلى مستشفى Derriford.", "قال Mr. Smith لك", "Go to A&E straight away."]
    SimpleDocTemplate(buffer).build([para(markup(text), style) for text in texts])
    found = [word.text for word in drawn_words(pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages[0])]
    assert ".20" in found and "20." not in found, found
    assert ".Derriford" in found, found
    assert "Mr." in found and "Smith" in found, found
    # A run of several English words: the stop goes left of the whole run, not into it.
    assert ".Go" in found and "away" in found and ".away" not in found, found
