"""Build the personalised discharge sheet: one discharge record + its procedure content -> PDF bytes.

Plain Python and reportlab platypus, no Qt: the kiosk previews and prints these bytes, the ``sheet`` command
writes them to a file. The builder refuses to print advice from any content other than the exact content the
record was made with (hazard H1), and every page names the patient, the record and the procedure (H1, H3).
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from kiosk.config import WardConfig
from kiosk.content.model import Procedure
from kiosk.content.personalise import applicable_steps
from kiosk.discharge.model import DischargeRecord
from kiosk.errors import KioskError
from kiosk.sheet.context import SheetContext
from kiosk.sheet.page import Footer, Header, PageDecoration, SheetGeometry, numbered_canvas
from kiosk.sheet.sections import SECTIONS
from kiosk.sheet.styles import sheet_styles


class SheetError(KioskError):
    """The sheet cannot be built from this record and content; printing it could give the wrong advice."""


def check_record_matches(record: DischargeRecord, procedure: Procedure) -> None:
    """Refuse a procedure other than the record's, or the same procedure with different content (H1)."""
    if record.procedure_id != procedure.id:
        raise SheetError(
            f"Record {record.record_id} is for procedure '{record.procedure_id}', not '{procedure.id}'",
            "the sheet was not printed; open the discharge again and print from there",
        )
    if not record.content_hash or record.content_hash != procedure.content_hash:
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
) -> bytes:
    """The sheet as PDF bytes: A4, normally two pages, large print when the record asks for it."""
    check_record_matches(record, procedure)
    ctx = SheetContext(
        record=record,
        procedure=procedure,
        config=config,
        printed_at=printed_at,
        reprint=reprint,
        styles=sheet_styles(record.large_print),
        steps=tuple(applicable_steps(procedure, record.factors)),
    )
    return render(ctx, story(ctx))


def story(ctx: SheetContext) -> list[Flowable]:
    flowables: list[Flowable] = []
    for section in SECTIONS:
        flowables.extend(section(ctx))
    return flowables


def render(ctx: SheetContext, flowables: list[Flowable]) -> bytes:
    g = SheetGeometry
    width = g.content_width()
    header = Header(ctx)
    _, header_height = header.wrap(width, g.page_height)
    footer = Footer(ctx)
    _, footer_height = footer.wrap(width, g.page_height)
    frame_bottom = g.bottom + footer_height + g.footer_gap
    frame_top = g.page_height - g.top - header_height - g.header_gap
    if frame_top - frame_bottom < g.page_height / 3:
        # Only a name of thousands of characters gets here; better refuse than print a sheet that is all header.
        raise SheetError("The patient's details are too long to fit on the sheet", "check the name and numbers")
    frame = Frame(
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
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(g.page_width, g.page_height),
        leftMargin=g.left,
        rightMargin=g.right,
        topMargin=g.top,
        bottomMargin=g.bottom,
        # No patient details in the PDF's metadata: print queues and file browsers show it.
        title=f"Discharge information: {ctx.procedure.title}",
        subject=f"Record {ctx.record.record_id}",
        author=ctx.config.ward_name,
        creator="Discharge Kiosk",
        invariant=True,
        # Uncompressed page content: a few kilobytes more for a local printer, a few percent less build time.
        pageCompression=0,
    )
    decoration = PageDecoration(header, header_height, footer, footer_height)
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=decoration)])
    doc.build(flowables, canvasmaker=numbered_canvas(ctx.styles.sizes.small * 1.25))
    return buffer.getvalue()
