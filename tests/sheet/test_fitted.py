"""Patient paragraphs whose lines all fit, laid out and drawn by ``kiosk.sheet.fitted`` (issue 19): the height and
the PDF operators must be reportlab's own for the same paragraph, and whole sheets byte for byte the sheets built
with the fast path off.

Hypothesis puts any text (through ``fonts.markup``, as every patient detail is) into the shapes of the sheet's
patient paragraphs, in any sheet style and width, and compares with reportlab's ``breakLines``/``drawPara``.
The comparison is shown to bite: forced onto a paragraph it must not take (one that wraps, a face repeated,
spaces reportlab would merge), the operators differ.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from kiosk.record.model import Escort, Patient
from kiosk.sheet import fitted, fonts, paragraphs
from kiosk.sheet.fonts import markup, needs_shaping
from kiosk.sheet.page import nbsp, numbered_canvas
from kiosk.sheet.styles import sheet_styles
from tests.sheet.test_shared_drawing import ENDED, _build, _cases
from tests.sheet.test_skeletons import TEMPLATES

STYLES = ("body", "labelled", "header_name", "header_field", "footer", "time_box", "bullet")
MORE_TEMPLATES = (
    *TEMPLATES,
    "<b>{0}</b>{1} <b>{2}</b>",  # a word across two faces
    "{0}<br/><b>{1}</b><br/>{2}",
    "<b>{0}</b> <b>{1}</b>",  # the same face twice: one run in reportlab's line
    "<b>Medicines given.</b> <b>{0}</b>: {1} {1} {1}. <b>{2}</b> (not always given): {1} {0} {2}.",  # wraps
)


def _drawn(text: str, style: Any, bullet: str | None, width: float, fast: bool) -> tuple[float, list[str], bool]:
    """The paragraph's height, the operators drawing it writes on a sheet's canvas, and whether it was fitted."""
    fonts.register_fonts()
    canvas = numbered_canvas(10.0)(io.BytesIO())
    made = paragraphs.para(text, style, bullet)
    assert isinstance(made, paragraphs.SheetParagraph | paragraphs.RtlParagraph)
    if not fast:
        made._may_fit = False
    _, height = made.wrap(width, 800)
    start = len(canvas._code)
    made.drawOn(canvas, 40, 400)
    return height, canvas._code[start:], getattr(made, "_fitted", None) is not None


def _same(text: str, style: Any, bullet: str | None = None, width: float = 515.9) -> bool:
    """Whether the fast path, if it took the paragraph, gave reportlab's height and operators; and whether it did."""
    fast = _drawn(text, style, bullet, width, fast=True)
    plain = _drawn(text, style, bullet, width, fast=False)
    assert fast[:2] == plain[:2], (text, fast, plain)
    return fast[2]


@settings(max_examples=500, deadline=None)
@given(
    template=st.sampled_from(MORE_TEMPLATES),
    details=st.lists(st.text(min_size=0, max_size=40), min_size=3, max_size=3),
    style=st.sampled_from(STYLES),
    large=st.booleans(),
    width=st.sampled_from([515.9, 419.5, 300.0, 120.0]),
    bullet=st.sampled_from([None, "Name", "Finished at", "\u2022"]),
)
@example(template=TEMPLATES[1], details=["3 Mar 1948", "R&K <1>", "DK-1"], style="header_field", large=False,
         width=515.9, bullet=None)  # fmt: skip
@example(template=TEMPLATES[0], details=["  Anne   Smith ", "", ""], style="header_name", large=True, width=515.9,
         bullet=None)  # fmt: skip
@example(template=TEMPLATES[4], details=["Zażółć Gęślą", "Córka", ""], style="labelled", large=False, width=515.9,
         bullet="Name")  # fmt: skip
def test_a_fitted_paragraph_is_drawn_as_reportlab_draws_it(
    template: str, details: list[str], style: str, large: bool, width: float, bullet: str | None
) -> None:
    text = template.format(*(nbsp(markup(detail)) for detail in details))
    assume(not needs_shaping(text))  # shaped text goes through RtlParagraph or a shaped style: never fitted
    _same(text, getattr(sheet_styles(large), style), bullet, width)


def test_the_sheets_patient_paragraphs_are_fitted() -> None:
    """The common cases take the fast path (else the comparisons above would compare reportlab with itself)."""
    styles = sheet_styles(False)
    assert _same("Margaret Anne Thompson", styles.header_name)
    assert _same("Born <b>3 Mar 1948</b> \u00a0·\u00a0 Hospital no. <b>RK12</b>", styles.header_field)
    assert _same("Until <b>13:30\u00a0Sun</b><br/>Do not drive until <b>13:30\u00a0Sun</b>", styles.time_box)
    assert _same("<b>Zażółć Gęślą</b> (Córka)", styles.labelled, "Name")
    assert _same("Ελένη Παπαδοπούλου", styles.header_name)  # DejaVu's own letters, unshaped
    medicines = (
        "<b>Medicines given.</b> <b>Local anaesthetic</b>: Numbs the nerve to ease the pain. <b>Steroid</b> (not"
        " always given): Helps to calm long-term swelling (inflammation) around the nerve."
    )
    assert _same(medicines, styles.body)  # three lines, broken as reportlab breaks them
    assert _same(medicines, sheet_styles(True).body)


@pytest.mark.parametrize(
    "name",
    [
        "Anne &amp; Bo Smith",  # an entity is a fragment of its own: runs of one face reportlab joins
        "Anne &lt;Bo&gt; Smith",
        "محمد علی",  # Urdu: shaped, right to left
        "ਗੁਰਪ੍ਰੀਤ",  # Punjabi: shaped
        "王小明",  # Chinese: another font
        "Anne 王 Smith",  # mixed fonts
    ],
)
def test_names_it_must_not_take_are_left_to_reportlab(name: str) -> None:
    styles = sheet_styles(False)
    assert not _same(fonts.bold_fallbacks(markup(name) if "&" not in name else name, False), styles.header_name)
    assert not _same(f"<b>{markup(name) if '&' not in name else name}</b> (Son)", styles.labelled, "Name")


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("A name " * 30, "header_name"),  # wraps
        ("<b>Born</b><b> 1948</b>", "body"),  # the same face twice
        ("Anne Smith <br/><b>x</b>", "body"),  # a space reportlab drops at a line's end
        ("<b>Anne </b> Smith", "body"),  # a space each side of the join
        ("Sm\u00adith is <b>here</b>", "body"),  # a soft hyphen
        ("<b>Anne &amp; Bo</b> (Son)", "body"),  # an entity's fragment: three bold runs drawn as one
    ],
)
def test_the_comparison_bites_when_the_fast_path_is_forced(
    monkeypatch: pytest.MonkeyPatch, text: str, style: str
) -> None:
    """Each paragraph is drawn as reportlab draws it (left to reportlab, or for the dropped space, fitted with
    it dropped); with fitting's checks forced open, the drawing differs and the comparison says so."""
    sheet_style = getattr(sheet_styles(False), style)
    _same(text, sheet_style)
    monkeypatch.setattr(fitted, "MARGIN", -1e9)
    monkeypatch.setattr(fitted, "_line_texts", lambda frags, alone=False: [frag.text for frag in frags])
    monkeypatch.setattr(fitted, "_ODD", frozenset())
    with pytest.raises(AssertionError):
        _same(text, sheet_style)


def test_the_comparison_bites_when_wrapping_merges_wrongly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph that wraps is broken by ``_broken_lines``; with its word merging broken, the drawing differs."""
    text = "<b>Medicines given.</b> <b>Steroid</b> (not always given): " + "helps to calm the swelling " * 6
    _same(text, sheet_styles(False).body)
    monkeypatch.setattr(fitted, "sameFrag", lambda one, other: True)  # faces joined
    with pytest.raises(AssertionError):
        _same(text, sheet_styles(False).body)


def test_a_fitted_paragraph_gives_reportlabs_lines_when_asked() -> None:
    """``blPara`` (split, the right-to-left code) is reportlab's own, broken when first read; a split is too."""
    style = sheet_styles(False).time_box
    text = "Someone must stay until <b>13:30</b><br/>Do not drive until <b>14:30</b><br/>Dressing off <b>15:00</b>"
    fast, plain = paragraphs.para(text, style), paragraphs.para(text, style)
    assert isinstance(fast, paragraphs.SheetParagraph) and isinstance(plain, paragraphs.SheetParagraph)
    plain._may_fit = False
    assert fast.wrap(515.9, 800) == plain.wrap(515.9, 800)
    assert fast._fitted is not None and plain._fitted is None
    assert [line.__dict__.keys() for line in fast.blPara.lines] == [line.__dict__.keys() for line in plain.blPara.lines]
    assert [[w.text for w in line.words] for line in fast.blPara.lines] == [
        [w.text for w in line.words] for line in plain.blPara.lines
    ]
    fast_parts = fast.split(515.9, style.leading * 2.5)
    plain_parts = plain.split(515.9, style.leading * 2.5)
    assert len(fast_parts) == len(plain_parts) == 2
    for mine, theirs in zip(fast_parts, plain_parts, strict=True):
        assert mine.wrap(515.9, 800) == theirs.wrap(515.9, 800)
        drawn = []
        for part in (mine, theirs):
            canvas = numbered_canvas(10.0)(io.BytesIO())
            part.drawOn(canvas, 40, 400)
            drawn.append(canvas._code)
        assert drawn[0] == drawn[1]


def test_sheets_are_the_sheets_built_without_fitting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole sheets (both procedures, four scripts, en/pl/ur, both sizes, names with ``&`` and ``<``, an escort)
    byte for byte as built with every patient paragraph left to reportlab."""
    odd = Patient(name="Anne & <b>Bo</b> Smith", date_of_birth=date(1948, 3, 3), hospital_number="RK&123")
    escort = Escort("Zofia Wójcik-Łęcka", "Córka", "+447700900123", "07700 900123", ENDED + timedelta(hours=24))
    cases = _cases()
    cases += [(language, replace(record, patient=odd)) for language, record in cases[:3]]
    cases += [(language, replace(record, escort=escort)) for language, record in cases[3:6]]
    fitted_count = 0
    real_fit = paragraphs.SheetParagraph._fit

    def counting(self: paragraphs.SheetParagraph, width: float) -> fitted.Fitted | None:
        nonlocal fitted_count
        made = real_fit(self, width)
        fitted_count += made is not None
        return made

    monkeypatch.setattr(paragraphs.SheetParagraph, "_fit", counting)
    built = [_build(*case) for case in cases]
    assert fitted_count > 5 * len(cases)  # most patient paragraphs were fitted, so the comparison means something
    monkeypatch.setattr(paragraphs.SheetParagraph, "_fit", lambda self, width: None)
    for index, case in enumerate(cases):
        assert _build(*case) == built[index], case
