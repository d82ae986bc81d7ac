"""The page around the content: geometry, the header and footer on every page, and "Page X of Y".

Hazards H1 and H3: a loose page must never be mistaken for another patient's or another procedure's, so every
page carries the patient's name, date of birth, hospital number, the record id and the procedure title. The
header is made of Paragraphs, wrapped once before the build, so a 300-character name wraps onto more
lines (and the body frame starts lower) instead of running off the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFFormXObject, PDFInfo, PDFPage, PDFPages
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from kiosk.record.timeline import format_clock, format_dob
from kiosk.sheet.context import SheetContext
from kiosk.sheet.fonts import BOLD, REGULAR, content_markup, dejavu_faces, markup
from kiosk.sheet.paragraphs import FIXED_CODES, para
from kiosk.sheet.styles import INK, PAPER
from kiosk.sheet.subsets import cache_subsets_for
from kiosk.sheet.templated import SheetDocument, SheetForm, SheetInformation, SheetPage, SheetPages


class SheetGeometry:
    """A4 page geometry in points (from mm). Margins leave room for printers that cannot print to the edge."""

    page_width, page_height = A4
    left = 14 * mm
    right = 14 * mm
    top = 9 * mm
    bottom = 8 * mm
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


LONG_NAME = 80  # characters
DRAFT_MARK = "DRAFT - not yet approved"


class Header(Flowable):
    """The top of every page: ward and trust, "Your discharge information" (and REPRINT), then the patient's name,
    date of birth, hospital number, record id and the procedure title, and a rule.

    Plain paragraphs stacked by hand: a platypus Table did the same at several times the cost.
    """

    TITLE = "Your discharge information"
    GAP = 1.5

    def __init__(self, ctx: SheetContext) -> None:
        super().__init__()
        st = ctx.styles
        config = ctx.config
        org = " · ".join(part for part in (config.ward_name, config.trust_name) if part)
        self.reprint = ctx.reprint
        self.title_size = st.header_title.fontSize
        self.stamp_size = st.stamp.fontSize
        self.org = para(content_markup(org), st.header_org, shared=True)
        name = ctx.record.patient.name
        # A very long name is printed whole but smaller, so it cannot push the advice off the page.
        name_style = st.header_name if len(name) <= LONG_NAME else st.header_field_bold
        self.lines = [
            para(markup(name), name_style),
            para(_fields(ctx), st.header_field),
            # The English title on a translated sheet too: staff check it against the record (H1).
            para(content_markup((ctx.english or ctx.procedure).title), st.header_procedure, shared=True),
        ]
        self._heights: list[float] = []
        self._top = 0.0

    def _title_width(self) -> float:
        return stringWidth(self.TITLE, BOLD, self.title_size)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        org_width = availWidth - self._title_width() - 6 * mm
        _, org_height = self.org.wrap(org_width, availHeight)
        right = self.title_size * 1.25 + (self.stamp_size * 1.6 + 2 if self.reprint else 0)
        self._top = max(org_height, right) + self.GAP
        self._heights = [line.wrap(availWidth, availHeight)[1] + self.GAP for line in self.lines]
        self.width = availWidth
        self.height = self._top + sum(self._heights) + 2.5 + SheetGeometry.header_rule
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        y = self.height
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, self.title_size)
        canvas.drawRightString(self.width, y - self.title_size, self.TITLE)
        if self.reprint:
            _stamp(canvas, "REPRINT", self.width, y - self.title_size * 1.25 - 2, self.stamp_size)
        canvas.restoreState()
        self.org.drawOn(canvas, 0, y - self.org.height)
        y -= self._top
        for line, height in zip(self.lines, self._heights, strict=True):
            y -= height
            line.drawOn(canvas, 0, y + self.GAP)
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(SheetGeometry.header_rule)
        canvas.line(0, SheetGeometry.header_rule / 2, self.width, SheetGeometry.header_rule / 2)
        canvas.restoreState()


def _stamp(canvas: Canvas, text: str, right: float, top: float, size: float) -> None:
    """White on black, right-aligned below ``top``: a REPRINT nobody can miss on a monochrome print."""
    width = stringWidth(text, BOLD, size) + 10
    height = size * 1.6
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.rect(right - width, top - height, width, height, stroke=0, fill=1)
    canvas.setFillColor(PAPER)
    canvas.setFont(BOLD, size)
    canvas.drawRightString(right - 5, top - height + size * 0.45, text)
    canvas.restoreState()


class Footer(Flowable):
    """Where the advice came from and when this copy was printed; the canvas adds "Page X of Y" at the right."""

    def __init__(self, ctx: SheetContext) -> None:
        super().__init__()
        st = ctx.styles
        doc = ctx.procedure.document
        review = f"Review date <b>{nbsp(format_dob(doc.review))}</b>"
        if ctx.review_overdue:
            review += f" {_inverse('REVIEW OVERDUE')}"
        source = f"Source: {content_markup(doc.source)}"
        if doc.is_draft:
            # H2: content nobody has approved yet (a proof, or a ward that allows drafts) says so on every page.
            approval = _inverse(DRAFT_MARK)
        else:
            approval = f"Approved <b>{nbsp(format_dob(doc.approved_on))}</b>" if doc.approved_on else "Approved"
        version = (
            f"Ref {content_markup(doc.reference)} &nbsp;·&nbsp; Version {content_markup(doc.version)}"
            f" &nbsp;·&nbsp; {review}"
            f" &nbsp;·&nbsp; {approval}"
        )
        printed = f"Printed {nbsp(format_clock(ctx.printed))} {ctx.printed.year}"
        if ctx.reprint:
            printed += f" &nbsp;{_inverse('REPRINT')}"
        printed += f" &nbsp;·&nbsp; Record {markup(ctx.record.record_id)}"
        self.lines = [
            para(source, st.footer, shared=True),
            para(version, st.footer, shared=True),
            para(printed, st.footer),
        ]
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Only the last line shares its row with "Page X of Y"; the others use the whole width.
        text_width = availWidth - SheetGeometry.page_number_width
        last = len(self.lines) - 1
        self._heights = [
            line.wrap(text_width if index == last else availWidth, availHeight)[1] + 1
            for index, line in enumerate(self.lines)
        ]
        self.width = availWidth
        self.height = 3 + sum(self._heights)
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(SheetGeometry.footer_rule)
        canvas.line(0, self.height, self.width, self.height)
        canvas.restoreState()
        y = self.height - 3
        for line, height in zip(self.lines, self._heights, strict=True):
            y -= height
            line.drawOn(canvas, 0, y + 1)


def nbsp(text: str) -> str:
    """Markup that never breaks inside: "14:30 Sat 22 Nov" must not end a line at "Sat". Spaces inside a tag
    (``<font name="...">`` around a word in another script) are left alone."""
    if "<" not in text:
        return text.replace(" ", "&nbsp;")
    return "".join(
        part if part.startswith("<") else part.replace(" ", "&nbsp;") for part in re.split(r"(<[^>]*>)", text)
    )


def _inverse(text: str) -> str:
    """White on black, unbreakable: a marking nobody can miss on a monochrome print."""
    return f'<font color="white" backColor="black"><b>&nbsp;{nbsp(text)}&nbsp;</b></font>'


class PageDecoration:
    """The page hook: the pre-wrapped header and footer, drawn once into a PDF form and placed on every page.

    Drawing them again on each page cost a third of the build; a form is drawn once and referenced.
    """

    FORM = "sheet-header-footer"

    def __init__(self, header: Flowable, header_height: float, footer: Flowable, footer_height: float) -> None:
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
        # reportlab's own canvas attributes that its stubs leave out.
        _pageNumber: int
        _startPage: Callable[[], None]
        _doc: Any

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page starts by selecting Helvetica, which then sits unembedded in the PDF.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or font_size
            super().__init__(*args, **kwargs)
            self._saved_page_states: list[dict[str, Any]] = []
            # The two DejaVu faces are this PDF's first two fonts (F1 and F2) whatever the patient's name is set
            # in, so a content paragraph's drawn operators, which name them, are the same in every PDF
            # (``paragraphs``: they are shared between sheets). reportlab's documented way to name a subset.
            # And the characters of FIXED_CODES get the same codes in every PDF, the next ones after ASCII's.
            for font in dejavu_faces():
                font.getSubsetInternalName(0, self._doc)
                font.splitString(FIXED_CODES, self._doc)
            # Its fonts' subsets written from those of earlier sheets where they hold the same characters.
            cache_subsets_for(self._doc, FIXED_CODES)
            # Its information dictionary written from a template of the fixed entries, and its objects' lines
            # and cross-reference table as bytes at once (``templated``).
            if type(self._doc.info) is PDFInfo:
                self._doc.info.__class__ = SheetInformation
            if type(self._doc) is PDFDocument:
                self._doc.__class__ = SheetDocument

        def showPage(self) -> None:
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_page_states)
            pages = self._doc.Pages.pages
            for state in self._saved_page_states:
                self.__dict__.update(state)
                self._draw_page_number(total)
                super().showPage()
                # The page's dictionary (not its drawing) written from a template (``templated``).
                if type(pages[-1]) is PDFPage:
                    pages[-1].__class__ = SheetPage
            # So are the header and footer form's stream dictionary and the page tree.
            for written in self._doc.idToObject.values():
                if type(written) is PDFFormXObject:
                    written.__class__ = SheetForm
            if type(self._doc.Pages) is PDFPages:
                self._doc.Pages.__class__ = SheetPages
            super().save()

        def _draw_page_number(self, total: float) -> None:
            g = SheetGeometry
            self.saveState()
            self.setFillColor(INK)
            self.setFont(BOLD, font_size)
            self.drawRightString(g.page_width - g.right, g.bottom + 1, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas
