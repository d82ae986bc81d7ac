"""One stylesheet of named paragraph styles for the sheet, in a normal and a large-print size.

Sizes follow from who reads the sheet: someone tired, anxious and perhaps without glasses, at night. The normal
sheet's body is 12 pt DejaVu Sans (RNIB clear print's minimum for older readers; DejaVu is wide, so about
13 pt Arial), the large-print body 16 pt (RNIB: 16-18 pt). The footer (document control, for staff) stays small in
large print so the advice gets the room. Everything is black on white or white on black: the ward printer is usually
a monochrome laser, and grey text is the first thing to vanish from a poor print.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from kiosk.sheet.fonts import BOLD, REGULAR, register_fonts

INK = colors.black
PAPER = colors.white
RULE = colors.Color(0.25, 0.25, 0.25)
SHADE = colors.Color(0.9, 0.9, 0.9)


@dataclass(frozen=True)
class Sizes:
    body: float
    heading: float
    title: float
    small: float
    number: float

    @property
    def leading(self) -> float:
        return round(self.body * 1.25, 1)


FOOTER_SIZE = 8.5  # both print sizes: the footer is the leaflet's document control, for staff

NORMAL = Sizes(body=12, heading=14.5, title=17, small=8.5, number=14)
LARGE = Sizes(body=16, heading=19, title=21, small=11, number=19)


@dataclass(frozen=True)
class SheetStyles:
    """The named styles; one instance per size, shared by every sheet (styles are never changed in place)."""

    sizes: Sizes
    body: ParagraphStyle
    body_bold: ParagraphStyle
    bullet: ParagraphStyle
    labelled: ParagraphStyle
    number: ParagraphStyle
    section: ParagraphStyle
    step_heading: ParagraphStyle
    time_box: ParagraphStyle
    alert_title: ParagraphStyle
    alert_title_dark: ParagraphStyle
    alert_body: ParagraphStyle
    alert_number: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    header_org: ParagraphStyle
    header_title: ParagraphStyle
    header_name: ParagraphStyle
    header_field: ParagraphStyle
    header_field_bold: ParagraphStyle
    header_procedure: ParagraphStyle
    stamp: ParagraphStyle
    footer: ParagraphStyle


def _style(name: str, size: float, leading: float | None = None, font: str = REGULAR, **kw: object) -> ParagraphStyle:
    # reportlab's ParagraphStyle takes each setting as its own typed keyword; the table here mixes them.
    settings: dict[str, Any] = {
        "textColor": INK,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        # reportlab's default bullet font is Helvetica: a bullet or label would be the one unembedded font.
        "bulletFontName": font,
        "bulletFontSize": size,
        **kw,
    }
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading if leading is not None else round(size * 1.3, 1), **settings
    )


@cache
def sheet_styles(large_print: bool, compact: bool = False) -> SheetStyles:
    """The stylesheet for one size; built once per process.

    ``compact``: the same text sizes with tighter line and block spacing, for a sheet whose last page would
    otherwise hold only a few lines (the builder tries it and keeps it only if it saves a page).
    """
    register_fonts()
    s = LARGE if large_print else NORMAL
    lead = round(s.body * 1.12, 1) if compact else s.leading
    # Space between blocks scales with the text, so large print does not look cramped.
    gap = s.body * (0.18 if compact else 0.4)
    return SheetStyles(
        sizes=s,
        body=_style("body", s.body, lead, spaceAfter=gap),
        body_bold=_style("body_bold", s.body, lead, font=BOLD, spaceAfter=gap),
        bullet=_style("bullet", s.body, lead, leftIndent=s.body * 1.4, bulletIndent=s.body * 0.2, spaceAfter=gap * 0.5),
        # A label in the left column (drawn as the "bullet") and the value beside it: a two-column list without
        # the cost of a Table.
        labelled=_style("labelled", s.body, lead, leftIndent=s.body * 8, bulletFontName=BOLD, spaceAfter=gap * 0.5),
        # A phone number in the left column, large and bold, and whose number it is beside it.
        number=_style(
            "number",
            s.body,
            s.number * 1.15,
            leftIndent=s.number * 9,
            bulletFontName=BOLD,
            bulletFontSize=s.number,
            spaceAfter=gap * 0.4,
        ),
        section=_style(
            "section",
            s.heading,
            s.heading * 1.2,
            font=BOLD,
            spaceBefore=s.body * (0.35 if compact else 0.75),
            spaceAfter=s.body * 0.3,
        ),
        step_heading=_style("step_heading", s.body, lead, font=BOLD, spaceAfter=0),
        time_box=_style(
            "time_box",
            s.body * 1.08,
            s.body * (1.3 if compact else 1.45),
            backColor=SHADE,
            borderColor=INK,
            borderWidth=1.2,
            borderPadding=(6, 8, 7, 8),
            leftIndent=8,
            rightIndent=8,
            spaceBefore=6,
            spaceAfter=gap + 8,
        ),
        alert_title=_style("alert_title", s.heading * 1.1, s.heading * 1.35, font=BOLD, textColor=PAPER),
        alert_title_dark=_style("alert_title_dark", s.heading * 1.1, s.heading * 1.35, font=BOLD, textColor=INK),
        alert_body=_style("alert_body", s.body, lead, font=BOLD, leftIndent=s.body * 1.4, bulletIndent=s.body * 0.2),
        alert_number=_style("alert_number", s.number, s.number * 1.25, font=BOLD),
        cell=_style("cell", s.body, lead),
        cell_right=_style("cell_right", s.body, lead, alignment=TA_RIGHT),
        **page_styles(large_print),
    )


# The styles of the header and footer (``page.PageParts``): the same in the compact stylesheet as in the normal one.
PAGE_STYLES = (
    "header_org",
    "header_title",
    "header_name",
    "header_field",
    "header_field_bold",
    "header_procedure",
    "stamp",
    "footer",
)


@cache
def page_styles(large_print: bool) -> dict[str, ParagraphStyle]:
    """The header's and footer's styles for one size, the very same objects in the normal and the compact
    stylesheet: compact spacing leaves the page parts as they are, so a sheet tried compact can use the page
    parts its normal layout made (``builder.SheetLayout``) instead of making and wrapping them again."""
    s = LARGE if large_print else NORMAL
    styles = {
        "header_org": _style("header_org", s.small, s.small * 1.25),
        "header_title": _style("header_title", s.small * 1.3, s.small * 1.6, font=BOLD, alignment=TA_RIGHT),
        "header_name": _style("header_name", s.title, s.title * 1.2, font=BOLD),
        "header_field": _style("header_field", s.small * 1.15, s.small * 1.45),
        # A name too long for the name line (over 80 characters): whole, bold, at the normal sheet's field size
        # in both print sizes, so it cannot push the advice off page 1.
        "header_field_bold": _style("header_field_bold", NORMAL.small * 1.15, NORMAL.small * 1.4, font=BOLD),
        "header_procedure": _style("header_procedure", s.small * 1.3, s.small * 1.6, font=BOLD),
        "stamp": _style("stamp", s.small * 1.4, s.small * 1.7, font=BOLD, textColor=PAPER, alignment=TA_RIGHT),
        "footer": _style("footer", FOOTER_SIZE, FOOTER_SIZE * 1.25),
    }
    assert tuple(styles) == PAGE_STYLES
    return styles
