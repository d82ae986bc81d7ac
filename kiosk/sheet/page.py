"""The page around the content: geometry, the header and footer on every page, and "Page X of Y".

Hazards H1 and H3: a loose page must never be mistaken for another patient's or another procedure's, so every
page carries the patient's name, date of birth, hospital number, the record id and the procedure title. The
header is a real Table of Paragraphs, wrapped once before the build, so a 300-character name wraps onto more
lines (and the body frame starts lower) instead of running off the page.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from kiosk.discharge.timeline import format_clock, format_dob
from kiosk.sheet.context import SheetContext
from kiosk.sheet.fonts import BOLD, REGULAR, markup
from kiosk.sheet.paragraphs import para
from kiosk.sheet.styles import INK


class SheetGeometry:
    """A4 page geometry in points (from mm). Margins leave room for printers that cannot print to the edge."""

    page_width, page_height = A4
    left = 16 * mm
    right = 16 * mm
    top = 11 * mm
    bottom = 10 * mm
    header_gap = 4 * mm  # between the header's rule and the body
    footer_gap = 3 * mm  # between the body and the footer's rule
    page_number_width = 34 * mm
    header_rule = 1.6
    footer_rule = 0.6

    @classmethod
    def content_width(cls) -> float:
        return cls.page_width - cls.left - cls.right


def _fields(ctx: SheetContext) -> str:
    """ "Born 3 Mar 1948 · Hospital no. RK123 · Record SAMPLE-0001": the identifiers a nurse checks."""
    patient = ctx.record.patient
    items = [
        ("Born", format_dob(patient.date_of_birth)),
        ("Hospital no.", patient.hospital_number),
    ]
    if patient.nhs_number:
        items.append(("NHS no.", patient.nhs_number))
    items.append(("Record", ctx.record.record_id))
    return " &nbsp;·&nbsp; ".join(f"{label} <b>{markup(value)}</b>" for label, value in items)


def header_table(ctx: SheetContext, width: float) -> Table:
    st = ctx.styles
    config = ctx.config
    org = " · ".join(part for part in (config.ward_name, config.trust_name) if part)
    right: list[Flowable] = [para("Your discharge information", st.header_title, shared=True)]
    if ctx.reprint:
        right.append(_stamp("REPRINT", ctx))
    rows = [
        [para(markup(org), st.header_org, shared=True), right],
        [para(markup(ctx.record.patient.name), st.header_name), ""],
        [para(_fields(ctx), st.header_field), ""],
        [para(markup(ctx.procedure.title), st.header_procedure, shared=True), ""],
    ]
    table = Table(rows, colWidths=[width * 0.56, width * 0.44])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # for the empty cells: Helvetica otherwise
                ("SPAN", (0, 1), (1, 1)),
                ("SPAN", (0, 2), (1, 2)),
                ("SPAN", (0, 3), (1, 3)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),  # the REPRINT stamp
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 3), (-1, 3), 4),
                ("LINEBELOW", (0, 3), (-1, 3), SheetGeometry.header_rule, INK),
            ]
        )
    )
    return table


def _stamp(text: str, ctx: SheetContext) -> Table:
    style = ctx.styles.stamp
    width = stringWidth(text, BOLD, style.fontSize) + 12  # just the word, in a black box
    stamp = Table([[para(text, style, shared=True)]], colWidths=[width], hAlign="RIGHT")
    stamp.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return stamp


def footer_table(ctx: SheetContext, width: float) -> Table:
    """Where the advice came from and when this copy was printed; the page number is added by the canvas."""
    st = ctx.styles
    doc = ctx.procedure.document
    review = f"Review date <b>{nbsp(format_dob(doc.review))}</b>"
    if ctx.review_overdue:
        review += f" {_inverse('REVIEW OVERDUE')}"
    source = f"Source: {markup(doc.source)}"
    version = f"Ref {markup(doc.reference)} &nbsp;·&nbsp; Version {markup(doc.version)} &nbsp;·&nbsp; {review}"
    printed = f"Printed {nbsp(format_clock(ctx.printed_at))} {ctx.printed_at.year}"
    if ctx.reprint:
        printed += f" &nbsp;{_inverse('REPRINT')}"
    printed += f" &nbsp;·&nbsp; Record {markup(ctx.record.record_id)}"
    number_width = SheetGeometry.page_number_width
    rows = [
        [para(source, st.footer, shared=True), ""],
        [para(version, st.footer, shared=True), ""],
        [para(printed, st.footer), ""],
    ]
    table = Table(rows, colWidths=[width - number_width, number_width])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, 0), 3),
                ("LINEABOVE", (0, 0), (-1, 0), SheetGeometry.footer_rule, INK),
            ]
        )
    )
    return table


def nbsp(text: str) -> str:
    """Markup that never breaks inside: "14:30 Sat 22 Nov" must not end a line at "Sat"."""
    return text.replace(" ", "&nbsp;")


def _inverse(text: str) -> str:
    """White on black, unbreakable: a marking nobody can miss on a monochrome print."""
    return f'<font color="white" backColor="black"><b>&nbsp;{nbsp(text)}&nbsp;</b></font>'


class PageDecoration:
    """The page hook: the pre-wrapped header and footer, drawn once into a PDF form and placed on every page.

    Drawing the two tables again on each page cost a third of the build; a form is drawn once and referenced.
    """

    FORM = "sheet-header-footer"

    def __init__(self, header: Table, header_height: float, footer: Table, footer_height: float) -> None:
        self.header = header
        self.header_height = header_height
        self.footer = footer
        self.footer_height = footer_height
        self._drawn = False

    def __call__(self, canvas: Canvas, doc: Any) -> None:
        g = SheetGeometry
        if not self._drawn:
            canvas.beginForm(self.FORM)
            self.header.drawOn(canvas, g.left, g.page_height - g.top - self.header_height)
            self.footer.drawOn(canvas, g.left, g.bottom)
            canvas.endForm()
            self._drawn = True
        canvas.doForm(self.FORM)


@cache
def numbered_canvas(font_size: float) -> type[Canvas]:
    """A canvas class that writes "Page X of Y" once the number of pages is known (pretix-style).

    Pages are kept until ``save`` and then drawn with the total, so a patient can tell a sheet is complete.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page starts by selecting Helvetica, which then sits unembedded in the PDF.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or font_size
            super().__init__(*args, **kwargs)
            self._saved_page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                self._draw_page_number(total)
                super().showPage()
            super().save()

        def _draw_page_number(self, total: float) -> None:
            g = SheetGeometry
            self.saveState()
            self.setFillColor(INK)
            self.setFont(BOLD, font_size)
            self.drawRightString(g.page_width - g.right, g.bottom + 1, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas
