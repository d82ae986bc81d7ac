"""The layout pass (issue 19): the sheet is laid out without drawing, and only one PDF is rendered.

``build_sheet`` lays each candidate out (page breaks only) and renders the one it keeps, where it used to render
the normal sheet and then the compact one. These tests hold it to what rendering both gave: the same page count
and last-page fill as the rendered PDF, the same choice between normal and compact spacing, and a story that
renders exactly as if it had never been laid out. Real reportlab builds, read back with pypdf.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pypdf
import pytest
from reportlab.lib.styles import ParagraphStyle

from kiosk.config import WardConfig
from kiosk.content.loader import load_library
from kiosk.content.model import Factor, Procedure
from kiosk.record.model import DischargeRecord, Escort, Patient
from kiosk.sheet import build_sheet, builder
from kiosk.sheet.builder import SheetLayout, _compact_could_save, _styles, sheet_context
from kiosk.sheet.context import SheetContext
from kiosk.sheet.styles import sheet_styles

LONDON = ZoneInfo("Europe/London")
ENDED = datetime(2026, 11, 21, 13, 30, tzinfo=LONDON)
PRINTED = datetime(2026, 11, 21, 16, 30, tzinfo=LONDON)
CONFIG = WardConfig(ward_name="Day Case Unit", trust_name="Example NHS Trust", ward_phone="0114 000 0000")
NAMES = ("Margaret Anne Thompson", " ".join(["Bartholomew-Maximilian Fitzwilliam-Throckmorton"] * 6))


def _record(procedure: Procedure, name: str, large: bool, factors: frozenset[Factor]) -> DischargeRecord:
    return DischargeRecord(
        record_id="DK-20261121-0007",
        created_at=ENDED,
        patient=Patient(name, date(1948, 3, 3), "RK123456"),
        procedure_id=procedure.id,
        procedure_version=procedure.document.version,
        content_hash=procedure.content_hash,
        procedure_ended=ENDED,
        side_level="Left L5",
        medicines=tuple(m.name for m in procedure.for_patient(factors).medicines),
        factors=factors,
        large_print=large,
        escort=Escort("David Thompson", "Son", "+447700900123", "07700 900123", ENDED),
    )


def _cases() -> list[tuple[Procedure, DischargeRecord]]:
    cases = []
    for procedure in load_library(today=PRINTED.date()).procedures:
        for name in NAMES:
            for large in (False, True):
                for factors in (frozenset(), frozenset(procedure.factors_used())):
                    cases.append((procedure, _record(procedure, name, large, factors)))
    return cases


CASES = _cases()


def _compact(ctx: SheetContext) -> SheetContext:
    large = ctx.record.large_print
    return replace(ctx, styles=_styles(large, ctx.words.rtl, compact=True), english_styles=sheet_styles(large, True))


def _pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(("procedure", "record"), CASES)
def test_the_layout_pass_counts_the_pages_the_pdf_has(procedure: Procedure, record: DischargeRecord) -> None:
    normal = sheet_context(record, procedure, CONFIG, PRINTED)
    for ctx in (normal, _compact(normal)):
        # Once first: the first render of a split paragraph in a process sets its fill colour one operator
        # earlier than every later one (reportlab; same on main, same page), which an exact comparison would see.
        SheetLayout(ctx).render()
        laid_out = SheetLayout(ctx)
        pages, fill = laid_out.measure()
        assert 0 < fill <= 1
        # The same story, rendered after its layout pass: identical to one that was never laid out (platypus's
        # marks undone; without that, a flowable moved to the next page in the layout fails the render).
        pdf = laid_out.render()
        assert pdf == SheetLayout(ctx).render()
        assert _pages(pdf) == pages


@pytest.mark.parametrize(("procedure", "record"), CASES)
def test_the_sheet_kept_is_the_one_rendering_both_would_keep(procedure: Procedure, record: DischargeRecord) -> None:
    ctx = sheet_context(record, procedure, CONFIG, PRINTED)
    normal, compact = SheetLayout(ctx).render(), SheetLayout(_compact(ctx)).render()
    kept = build_sheet(record, procedure, CONFIG, PRINTED)
    assert kept in (normal, compact)
    if kept == compact and compact != normal:
        assert _pages(compact) < _pages(normal)  # compact spacing only when it saves a page


# A sheet rendered first whose last page turns out short, so compact is laid out after it and kept: a Romanian
# large-print nerve root block (its story's heights add up to 3.9 pages, page breaks make it 5 with 12% on the
# last). With the CASES above, every path of ``build_sheet``.
DRAFTS = replace(CONFIG, allow_drafts=True)
ORDER_CASES = [(procedure, record, CONFIG, None) for procedure, record in CASES] + [
    (procedure, _record(procedure, NAMES[0], True, frozenset()), DRAFTS, "ro")
    for procedure in load_library(today=PRINTED.date()).procedures
    if procedure.id == "nerve-root-block"
]


@pytest.mark.parametrize(("procedure", "record", "config", "language"), ORDER_CASES)
def test_rendering_first_keeps_the_sheet_measuring_first_keeps(
    procedure: Procedure, record: DischargeRecord, config: WardConfig, language: str | None
) -> None:
    """``build_sheet`` renders a sheet whose story does not look short without laying it out first: the sheet it
    keeps must be the one the layout pass's choice gives (normal, or compact when the normal sheet's last page is
    short and compact saves a page), whichever it did first."""
    ctx = sheet_context(record, procedure, config, PRINTED, language=language)
    SheetLayout(ctx).render()  # each split paragraph's first render in this process done (see above)
    SheetLayout(_compact(ctx)).render()
    pages, fill = SheetLayout(ctx).measure()
    compact_pages = SheetLayout(_compact(ctx)).measure()[0]
    if pages > 1 and fill <= _compact_could_save(pages, fill) and compact_pages < pages:
        expected = SheetLayout(_compact(ctx)).render()
    else:
        expected = SheetLayout(ctx).render()
    assert build_sheet(record, procedure, config, PRINTED, language=language) == expected
    _, rendered_pages, rendered_fill = SheetLayout(ctx).render_measured()
    assert rendered_pages == pages  # the render's figures are the layout pass's
    assert rendered_fill == pytest.approx(fill, abs=1e-9)


def test_every_order_is_taken() -> None:
    """ORDER_CASES hold sheets laid out first (short, made compact or not), sheets rendered first, and one rendered
    first and then made compact, so each path of ``build_sheet`` was checked (all but a sheet rendered first,
    short, and not saved a page by compact spacing, which no shipped sheet is)."""
    seen = set()
    for procedure, record, config, language in ORDER_CASES:
        ctx = sheet_context(record, procedure, config, PRINTED, language=language)
        guess = SheetLayout(ctx).probably_short()
        pages, fill = SheetLayout(ctx).measure()
        short = pages > 1 and fill <= _compact_could_save(pages, fill)
        seen.add((guess, short, short and SheetLayout(_compact(ctx)).measure()[0] < pages))
    assert seen == {(True, True, True), (True, True, False), (False, False, False), (False, True, True)}


def test_the_compact_layout_uses_the_normal_page_parts_only_with_the_same_page_styles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sheet tried compact uses the page parts (header and footer, wrapped) its normal layout made, only where
    the compact context's page styles are the very same objects; any other style gets page parts of its own.
    (The sheets it gives are held byte for byte to ones with page parts made afresh by the order test above.)"""
    procedure = load_library(today=PRINTED.date()).get("nerve-root-block")
    record = _record(procedure, NAMES[0], True, frozenset(procedure.factors_used()))
    for language in (None, "ur"):
        sheet = SheetLayout(sheet_context(record, procedure, DRAFTS, PRINTED, language=language))
        assert builder._compact_layout(sheet).page is sheet.page

    sheet = SheetLayout(sheet_context(record, procedure, CONFIG, PRINTED))
    bigger = ParagraphStyle("header_field", parent=sheet.ctx.styles.header_field, fontSize=14, leading=18)

    def other_page_style(ctx: SheetContext) -> SheetContext:
        compact = _compact(ctx)
        return replace(compact, styles=replace(compact.styles, header_field=bigger))

    monkeypatch.setattr(builder, "_compact", other_page_style)
    compact = builder._compact_layout(sheet)
    assert compact.page is not sheet.page
    assert compact.page.header_height > sheet.page.header_height  # its own header, in its own style
    pdf = compact.render()
    assert pdf == SheetLayout(other_page_style(sheet.ctx)).render()
