"""Build the personalised discharge sheet: one discharge record + its procedure content -> PDF bytes.

Plain Python and reportlab platypus, no Qt: the kiosk previews and prints these bytes, the ``sheet`` command
writes them to a file. The builder refuses to print advice from any content other than the exact content the
record was made with (hazard H1), and every page names the patient, the record and the procedure (H1, H3).
"""

from __future__ import annotations

import io
import math
from dataclasses import replace
from datetime import datetime
from typing import Any, Literal

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from kiosk.config import WardConfig
from kiosk.content.localised import localise
from kiosk.content.model import Procedure
from kiosk.content.personalise import applicable_steps
from kiosk.errors import KioskError
from kiosk.record.model import DischargeRecord
from kiosk.sheet.context import SheetContext
from kiosk.sheet.flowables import AlertBox, Group
from kiosk.sheet.page import Footer, Header, PageDecoration, SheetGeometry, numbered_canvas
from kiosk.sheet.rtl import rtl_sheet_styles
from kiosk.sheet.sections import SECTIONS
from kiosk.sheet.styles import PAGE_STYLES, SheetStyles, sheet_styles
from kiosk.sheet.wording import wording


class SheetError(KioskError):
    """The sheet cannot be built from this record and content; printing it could give the wrong advice."""


def check_record_matches(record: DischargeRecord, procedure: Procedure) -> None:
    """Refuse a procedure other than the record's, or the same procedure with different content (H1)."""
    if record.procedure_id != procedure.id:
        raise SheetError(
            f"Record {record.record_id} is for procedure '{record.procedure_id}', not '{procedure.id}'",
            "the sheet was not printed; open the discharge again and print from there",
        )
    if not record.has_content_of(procedure):
        raise SheetError(
            f"The content of '{procedure.id}' has changed since record {record.record_id} was made "
            f"(record version {record.procedure_version or '?'}, library version {procedure.document.version})",
            "the sheet was not printed: it would not match what the patient was shown; ask the ward manager",
        )


def build_sheet(
    record: DischargeRecord,
    procedure: Procedure,
    config: WardConfig,
    printed_at: datetime,
    reprint: bool = False,
    language: str | None = None,
) -> bytes:
    """The sheet as PDF bytes: A4, normally two pages, large print when the record asks for it.

    ``language`` (default: the record's) prints the content in that language when a usable translation exists
    (``content.localised``: a draft one only where the ward allows drafts), with the warning box and every phone
    number also in English; otherwise the sheet is in English.

    A sheet whose last page would hold only a few lines (under ``SHORT_LAST_PAGE`` of the body) is laid out again
    with tighter spacing, same text sizes, and that one is kept if it has a page fewer: a patient should not
    have to find the last two lines of their advice on a page of their own.
    """
    ctx = sheet_context(record, procedure, config, printed_at, reprint, language)
    sheet = SheetLayout(ctx)
    if not sheet.probably_short():
        # Rendered straight away: its pages and last-page fill are the layout pass's (the same platypus
        # placing), so the choice below is the one measuring first would make, and most sheets whose story is
        # not short end here without a layout pass (issue 19: 1 ms of a 5 ms sheet).
        pdf, pages, last_page_fill = sheet.render_measured()
        if not _short(pages, last_page_fill):
            return pdf
        compact_pdf, compact_pages, _ = _compact_layout(sheet).render_measured()
        return compact_pdf if compact_pages < pages else pdf
    # Laid out first (page breaks only, nothing drawn), so a sheet that is not short is rendered once; a short
    # one is rendered compact straight away (its pages are what its layout pass would count), which is the
    # sheet kept when it saves a page (most short ones: 61 of 69 in both procedures' sheets in six languages),
    # else the normal one is rendered after it (issue 19: the large-print sheet used to render both normal and
    # compact, then to lay out both and render one).
    pages, last_page_fill = sheet.measure()
    if _short(pages, last_page_fill):
        compact_pdf, compact_pages, _ = _compact_layout(sheet).render_measured()
        if compact_pages < pages:
            return compact_pdf
    return sheet.render()


def _compact(ctx: SheetContext) -> SheetContext:
    large = ctx.record.large_print
    return replace(
        ctx, styles=_styles(large, ctx.words.rtl, compact=True), english_styles=sheet_styles(large, compact=True)
    )


def _compact_layout(sheet: SheetLayout) -> SheetLayout:
    """The sheet in compact spacing, with the normal layout's page parts where they are the same.

    The compact context is the normal one with other styles (``_compact``), and the header and footer are made
    from the context's record, procedure, settings, times and its page styles alone: where those styles are
    the very same objects (``styles.page_styles``), the page parts would be made, wrapped and measured exactly
    as the normal layout's were, so those are used (issue 19: a large-print sheet tried compact made its patient
    paragraphs of the header and footer twice). They belong to this one sheet's build: nothing is kept after it.
    """
    compact = _compact(sheet.ctx)
    same = all(getattr(sheet.ctx.styles, name) is getattr(compact.styles, name) for name in PAGE_STYLES)
    return SheetLayout(compact, sheet.page if same and sheet.ctx.styles.sizes == compact.styles.sizes else None)


def _short(pages: int, last_page_fill: float) -> bool:
    """Whether the compact layout is worth trying: a last page holding little enough that it could go."""
    return pages > 1 and last_page_fill <= _compact_could_save(pages, last_page_fill)


def sheet_context(
    record: DischargeRecord,
    procedure: Procedure,
    config: WardConfig,
    printed_at: datetime,
    reprint: bool = False,
    language: str | None = None,
) -> SheetContext:
    """Everything the sheet is built from, in its normal spacing (``build_sheet`` says what each part means)."""
    check_record_matches(record, procedure)
    code = language if language is not None else str(getattr(record, "language", "en") or "en")
    localised = localise(procedure, code, allow_drafts=config.allow_drafts)
    # Personalised: only what applies to this patient's factors (signs, timings, medicines, risks, contacts,
    # escort hours and advice), exactly what the tablet showed them (H1); in their language when it can be.
    shown = localised.procedure.for_patient(record.factors)
    english = procedure.for_patient(record.factors) if localised.is_translated else None
    words = wording(localised.language)
    return SheetContext(
        record=record,
        procedure=shown,
        config=config,
        printed_at=printed_at,
        reprint=reprint,
        styles=_styles(record.large_print, words.rtl),
        steps=tuple(applicable_steps(shown, record.factors)),
        words=words,
        english=english,
        english_styles=sheet_styles(record.large_print),
    )


def _styles(large_print: bool, rtl: bool, compact: bool = False) -> SheetStyles:
    styles = sheet_styles(large_print, compact)
    return rtl_sheet_styles(styles) if rtl else styles


SHORT_LAST_PAGE = 0.5  # of the body's height
COMPACT_SAVES = 0.2  # tighter spacing takes about a fifth off the sheet's height


def _compact_could_save(pages: int, last_page_fill: float) -> float:
    """The last-page fill below which the compact layout can save that page (not tried otherwise)."""
    return min(SHORT_LAST_PAGE, COMPACT_SAVES * (pages - 1 + last_page_fill))


class SheetLayout:
    """One sheet's page parts and story: laid out (page breaks only, nothing drawn), then rendered once."""

    def __init__(self, ctx: SheetContext, page: PageParts | None = None) -> None:
        """``page``: the page parts of another layout of the same sheet whose page styles are these (only
        ``_compact_layout`` passes them); else they are made for ``ctx``."""
        self.ctx = ctx
        self.page = page if page is not None else PageParts(ctx)
        self.room = self.page.frame_top - self.page.frame_bottom
        self.flowables = story(ctx, self.room)

    def measure(self) -> tuple[int, float]:
        """The number of pages and how full the last page's body is (0 to 1).

        Platypus places every flowable exactly as for the PDF (the same frame, wraps, splits and keep-together
        rules) but draws nothing and writes no PDF. The wraps it does are kept by the paragraphs, so the render
        after it does not repeat them.
        """
        doc = _document(self.ctx, self.page, io.BytesIO(), _LayoutFrame)
        # What platypus marks on a flowable during a build (one moved to the next page, a keep-with-next) is
        # undone before the same story is rendered, as reportlab's own multiBuild does between its passes.
        edits: list[tuple[Any, ...]] = []
        doc._multiBuildEdits = edits.append  # type: ignore[attr-defined]  # reportlab's private multiBuild hook
        doc.build(list(self.flowables), canvasmaker=_LayoutCanvas)
        for undo, *arguments in edits:
            undo(*arguments)
        return doc.last_page, (self.page.frame_top - doc.last_y) / self.room

    def probably_short(self) -> bool:
        """Whether the story's height alone says its last page is short (``_short``), or nearly so.

        Only a guess, from the flowables' heights added up (the wraps are the ones the layout keeps): page
        breaks leave room at the foot of a page, so a sheet can end fuller, or on a page more, than this says.
        It picks only which is done first, laying out or rendering; never which sheet is printed.
        """
        height = _height(list(self.flowables), SheetGeometry.content_width(), self.room) / self.room
        pages = max(1, math.ceil(height))
        fill = height - (pages - 1)
        return _short(pages, fill)

    def render(self) -> bytes:
        """The PDF (once: rendering marks the story as the layout pass does, and nothing undoes it)."""
        return self.render_measured()[0]

    def render_measured(self) -> tuple[bytes, int, float]:
        """The PDF, its number of pages and how full its last page's body is (0 to 1), as ``measure`` says."""
        pdf, pages, used = render_measured(self.ctx, list(self.flowables), self.page)
        return pdf, pages, used / self.room


def _height(flowables: list[Flowable], width: float, room: float) -> float:
    total = 0.0
    for flowable in flowables:
        _, height = flowable.wrap(width, room)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def story(ctx: SheetContext, room: float) -> list[Flowable]:
    """The sections in order, with page 1 (the one for the fridge) holding the times and the warning box.

    The patient's times come first and the warning box right after them; if both do not fit on page 1
    together (a procedure with many timed steps in large print), the box comes first and the times after it,
    split across the page break if need be, so the box is always on page 1 and the first times with it
    (``room`` is the height of the page's body).
    """
    first, second, *rest = SECTIONS
    times, box = first(ctx), second(ctx)
    width = SheetGeometry.content_width()
    if _height(times + box, width, room) <= room:
        flowables = [*times, *box]
    else:
        # The box first; the times straight after it, free to split, so their first lines share page 1. With
        # warning signs by urgency (version 2) only as many boxes, most urgent first, as leave the times room
        # on page 1 (at least the emergency one) go before them; the others follow the times.
        flat = [*times[0].flowables, *times[1:]] if times and isinstance(times[0], Group) else times
        lead, after = _boxes_before_times(box, flat, width, room)
        flowables = [*lead, *flat, *after]
    for section in rest:
        flowables.extend(section(ctx))
    return flowables


def _boxes_before_times(
    box: list[Flowable], times: list[Flowable], width: float, room: float
) -> tuple[list[Flowable], list[Flowable]]:
    """Split the warning section after the most boxes that still leave the times' first lines on page 1.

    Each box is an ``AlertBox`` with the spacer before it; a version-1 sheet has one box, which always leads.
    """
    starts = [index for index, flowable in enumerate(box) if isinstance(flowable, AlertBox)]
    if len(starts) <= 1:
        return box, []
    # The times' heading and their first three lines (with the box's padding) must fit under the boxes.
    style = getattr(times[1], "style", None) if len(times) > 1 else None
    first_lines = 3 * float(getattr(style, "leading", 0.0)) + 16
    for count in range(len(starts), 1, -1):
        cut = starts[count] if count < len(starts) else len(box)
        if _height(box[:cut] + times[:1], width, room) + first_lines <= room:
            return box[:cut], box[cut:]
    return box[: starts[1]], box[starts[1] :]


class PageParts:
    """The header and footer, wrapped once, and the body frame between them."""

    def __init__(self, ctx: SheetContext) -> None:
        g = SheetGeometry
        width = g.content_width()
        self.header = Header(ctx)
        _, self.header_height = self.header.wrap(width, g.page_height)
        self.footer = Footer(ctx)
        _, self.footer_height = self.footer.wrap(width, g.page_height)
        self.frame_bottom = g.bottom + self.footer_height + g.footer_gap
        self.frame_top = g.page_height - g.top - self.header_height - g.header_gap


def render(ctx: SheetContext, flowables: list[Flowable], page: PageParts | None = None) -> bytes:
    return render_measured(ctx, flowables, page)[0]


class _MeasuredDoc(BaseDocTemplate):
    """Remembers where the last flowable ended, to tell how full the last page is."""

    last_page = 0
    last_y = 0.0

    def afterFlowable(self, flowable: Flowable) -> None:
        self.last_page = self.page
        # The frame's current y (platypus has no public name for it): where the next flowable would go.
        self.last_y = float(self.frame._y)  # type: ignore[attr-defined]  # reportlab's private Frame cursor


class _LayoutFrame(Frame):
    """The body frame for a layout pass: each flowable is measured, split and placed as in the real frame, but
    not drawn (``Frame.add`` draws what fits through the flowable's ``drawOn``)."""

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> Literal[0, 1]:
        flowable.drawOn = _not_drawn  # type: ignore[method-assign]  # for this placing only
        try:
            return super().add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn


def _not_drawn(*args: object, **kwargs: object) -> None:
    return None


class _LayoutCanvas(Canvas):
    """The canvas of a layout pass: pages are counted, nothing is written."""

    def save(self) -> None:
        return None


def _document(ctx: SheetContext, page: PageParts, buffer: io.BytesIO, frame_class: type[Frame] = Frame) -> _MeasuredDoc:
    g = SheetGeometry
    width = g.content_width()
    frame_bottom, frame_top = page.frame_bottom, page.frame_top
    if frame_top - frame_bottom < g.page_height / 3:
        # Only a name of thousands of characters gets here; better refuse than print a sheet that is all header.
        raise SheetError("The patient's details are too long to fit on the sheet", "check the name and numbers")
    frame = frame_class(
        g.left,
        frame_bottom,
        width,
        frame_top - frame_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc = _MeasuredDoc(
        buffer,
        pagesize=(g.page_width, g.page_height),
        leftMargin=g.left,
        rightMargin=g.right,
        topMargin=g.top,
        bottomMargin=g.bottom,
        # No patient details in the PDF's metadata: print queues and file browsers show it.
        title=f"Discharge information: {(ctx.english or ctx.procedure).title}",
        subject=f"Record {ctx.record.record_id}",
        author=ctx.config.ward_name,
        creator="Discharge Kiosk",
        invariant=True,
        # Page content and font subsets compressed (they share reportlab's one switch): 39 KB, not 91 KB
        # (docs/PERFORMANCE.md, sheet size). About 1 ms of zlib a sheet.
        pageCompression=1,
    )
    if frame_class is Frame:
        decoration = PageDecoration(page.header, page.header_height, page.footer, page.footer_height)
        doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=decoration)])
    else:  # a layout pass: the header and footer sit outside the body frame, so they change no page break
        doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
    return doc


def render_measured(
    ctx: SheetContext, flowables: list[Flowable], page: PageParts | None = None
) -> tuple[bytes, int, float]:
    """The PDF, its number of pages and the height used on the last page's body."""
    page = page or PageParts(ctx)
    buffer = io.BytesIO()
    doc = _document(ctx, page, buffer)
    doc.build(flowables, canvasmaker=numbered_canvas(ctx.styles.sizes.small * 1.25))
    return buffer.getvalue(), doc.last_page, page.frame_top - doc.last_y
