"""Paragraphs for the sheet, made cheaply enough to build a sheet in a few milliseconds.

Breaking text into lines is most of the cost of a platypus document, and most of the sheet is the procedure's
content, the same for every patient. So a paragraph remembers its line breaks, and content paragraphs
(``shared=True``) share their parsed markup and line breaks between sheets. Patient details are never shared:
nothing about one patient stays in memory for the next (hazard H3).
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from kiosk.sheet.fonts import BOLD, bold_fallbacks, needs_shaping
from kiosk.sheet.rtl import LTR, RtlParagraph, RtlStyle, has_right_to_left, separate_fonts

SHARED_LIMIT = 4096  # distinct content paragraphs kept; a library of procedures has a few hundred

# (markup, id(style)) -> parsed fragments; (markup, id(style), width) -> (lines, height, wrap widths).
_shared_frags: dict[tuple[str, int], Any] = {}
_shared_lines: dict[tuple[str, int, float], tuple[Any, float, list[float]]] = {}

log = logging.getLogger(__name__)


def clear_shared() -> None:
    """Forget every shared paragraph (tests; or after the procedure library is reloaded)."""
    _shared_frags.clear()
    _shared_lines.clear()


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    # Styles come from the process-wide stylesheet, so this holds a handful of entries.
    shaped = ParagraphStyle(f"{style.name}_shaped", parent=style)
    shaped.shaping = 1
    return shaped


class SheetParagraph(Paragraph):
    """A Paragraph that wraps to the same width only once (platypus asks two or three times)."""

    # Set by Paragraph.wrap; declared here because reportlab's stubs do not.
    blPara: Any
    _wrapWidths: list[float]
    _wrapped_for: float | None = None
    _wrapped: tuple[Any, float, list[float]]
    _share_key: tuple[str, int] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for != availWidth:
            key = (*self._share_key, availWidth) if self._share_key else None
            remembered = _shared_lines.get(key) if key else None
            if remembered is None:
                self._wrap_or_unshaped(availWidth, availHeight)
                remembered = (self.blPara, self.height, self._wrapWidths)
                if key and len(_shared_lines) < SHARED_LIMIT:
                    _shared_lines[key] = remembered
            self._wrapped_for, self._wrapped = availWidth, remembered
        self.width = availWidth
        self.blPara, self.height, self._wrapWidths = self._wrapped
        return self.width, self.height

    def _wrap_or_unshaped(self, availWidth: float, availHeight: float) -> None:
        """Wrap; if HarfBuzz shaping breaks inside reportlab, wrap the text unshaped instead.

        reportlab's shaping raises (KeyError, then AttributeError ``hbAddPrivate``) when HarfBuzz returns a glyph
        the run's font lacks, e.g. an Arabic vowel mark typed after a Chinese letter (found by Hypothesis). A name
        must never stop the sheet: unshaped it prints with its letters unjoined, which the nurse can still read.
        """
        try:
            super().wrap(availWidth, availHeight)
        except (KeyError, AttributeError):
            if not getattr(self.style, "shaping", 0):
                raise
            log.warning("a paragraph could not be shaped; it is printed unshaped")
            unshaped = self.style.parent  # _shaped() makes every shaped style a child of the unshaped one
            assert isinstance(unshaped, ParagraphStyle)
            self.style = unshaped
            super().wrap(availWidth, availHeight)


def para(markup: str, style: ParagraphStyle, bullet: str | None = None, shared: bool = False) -> Flowable:
    """A Paragraph from markup made with ``fonts.markup``; shaped only when it holds Arabic or Hebrew.

    ``shared``: the text is the procedure's content or fixed wording (never patient details), so its parsing and
    line breaks are reused by later sheets. Shaping costs a HarfBuzz call per word, so plain English skips it.
    """
    markup = bold_fallbacks(markup, style.fontName == BOLD)
    if isinstance(style, RtlStyle):
        return RtlParagraph(markup, style, bullet)  # a sheet in Urdu or Arabic: lines in right-to-left order
    if needs_shaping(markup):
        if has_right_to_left(markup):
            # Arabic or Urdu words in a left-to-right paragraph (a name on an English sheet): each line's words
            # in visual order, so a name of several words reads right to left (not shared: it is the patient's).
            return RtlParagraph(markup, _shaped(style), bullet, base=LTR, paragraph=SheetParagraph)
        style, markup = _shaped(style), separate_fonts(markup)
    # reportlab's parser makes a fragment of each entity, and each fragment is its own text run when drawn: as
    # the character itself the text around it stays one fragment (after ``separate_fonts``, which reads them).
    markup = markup.replace("&nbsp;", "\u00a0")
    if not shared:
        return SheetParagraph(markup, style, bulletText=bullet)
    key = (markup, id(style))
    paragraph = SheetParagraph(markup, style, bulletText=bullet, frags=_shared_frags.get(key))
    if key not in _shared_frags and len(_shared_frags) < SHARED_LIMIT:
        _shared_frags[key] = paragraph.frags
    paragraph._share_key = key
    return paragraph
