"""Paragraphs for the sheet, made cheaply enough to build a sheet in a few milliseconds.

Breaking text into lines is most of the cost of a platypus document, and most of the sheet is the procedure's
content, the same for every patient. So a paragraph remembers its line breaks, and content paragraphs
(``shared=True``) share their parsed markup and line breaks between sheets. Patient details are never shared:
nothing about one patient stays in memory for the next (hazard H3).

A content paragraph in plain ASCII and the two DejaVu faces also shares what drawing it writes (the PDF
operators): reportlab's codes for ASCII characters are the characters themselves in every PDF (its
``asciiReadable`` first subset), and ``page.numbered_canvas`` gives the two faces the same font names in every
PDF, so those operators do not depend on the patient or on what was drawn before. So do the few other characters
of ``FIXED_CODES``, which every sheet's canvas gives codes first, in that order. Text with any other character is
drawn each time: its codes follow the order characters first appear in that PDF (the patient's name first).

A patient paragraph is parsed, broken and drawn for each sheet, but its markup around the patient's details is
fixed wording: it is made from that markup's skeleton, parsed once, with the details put into the fragments
(``_parsed_from_skeleton``). The skeletons hold tags and placeholders, never a patient's text.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser
from reportlab.rl_config import _FUZZ

from kiosk.sheet.fitted import Fitted, draw_fitted, fitted_lines
from kiosk.sheet.fonts import BOLD, REGULAR, bold_fallbacks, dejavu_faces, needs_shaping
from kiosk.sheet.rtl import LTR, RtlParagraph, RtlStyle, has_right_to_left, separate_fonts

SHARED_LIMIT = 4096  # distinct content paragraphs kept; a library of procedures has a few hundred

# Given codes in this order at the start of every sheet (``page.numbered_canvas``), after ASCII's own: the
# no-break space, middle dot and bullet of the fixed wording, and the typographic punctuation content may use.
FIXED_CODES = "\u00a0\u00b7\u2022\u2013\u2014\u2018\u2019\u201c\u201d"
_DRAWN_SAME = frozenset(map(chr, range(32, 127))) | frozenset(FIXED_CODES)

# (markup, id(style)) -> parsed fragments; (markup, id(style), width) -> (lines, height, wrap widths, the
# fragments as wrapping left them).
_shared_frags: dict[tuple[str, int], Any] = {}
_shared_lines: dict[tuple[str, int, float], tuple[Any, float, list[float], Any]] = {}
# (markup, id(style), width, the canvas's graphics and text state) -> the operators drawing it wrote.
_shared_drawn: dict[tuple[Any, ...], tuple[str, ...]] = {}
# (markup, id(style), bullet) -> whether its drawing can be shared (see _drawn_the_same_in_every_pdf).
_drawn_shareable: dict[tuple[Any, ...], bool] = {}
# (markup with each run of text as a placeholder, id(style)) -> the fragments parsing it gives, or None if they
# cannot stand for the text's (see _parsed_from_skeleton). Tags and placeholders only: no patient's text.
_skeletons: dict[tuple[str, int], list[Any] | None] = {}
_TAG = re.compile(r"(<[^>]*>)")
_SLOT = 0xE000  # the first private-use code point: placeholder i is chr(_SLOT + i)
_NOT_PLAIN = re.compile("[&<>\ue000-\uf8ff]")  # entities, stray brackets, the placeholders' own range
# Canvas attributes that are where the paragraph is, not how it is drawn: its operators are relative to it.
_PLACE = frozenset({"_currentMatrix", "_pageNumber", "_formData"})
# The canvas attributes of these types are its graphics and text state (font, size, leading, colours, spacing).
_STATE_TYPES = frozenset({str, int, float, bool, tuple, type(None)})

log = logging.getLogger(__name__)


def shared_drawings() -> int:
    """How many content paragraphs' drawn operators are kept (tests: that sharing happened)."""
    return len(_shared_drawn)


def clear_shared() -> None:
    """Forget every shared paragraph (tests; or after the procedure library is reloaded)."""
    _shared_frags.clear()
    _shared_lines.clear()
    _shared_drawn.clear()
    _drawn_shareable.clear()
    _skeletons.clear()


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    # Styles come from the process-wide stylesheet, so this holds a handful of entries.
    shaped = ParagraphStyle(f"{style.name}_shaped", parent=style)
    shaped.shaping = 1
    return shaped


class SheetParagraph(Paragraph):
    """A Paragraph that wraps to the same width only once (platypus asks two or three times).

    A patient paragraph whose lines all fit (``fitted``) is laid out and drawn without reportlab's line breaker;
    its ``blPara`` (reportlab's broken lines, which ``split`` and the right-to-left code read) is then made by
    reportlab only if something asks for it.
    """

    # Set by Paragraph.wrap; declared here because reportlab's stubs do not.
    _wrapWidths: list[float]
    _wrapped_for: float | None = None
    _wrapped: tuple[Any, float, list[float], Any]
    _share_key: tuple[str, int] | None = None
    _may_fit = False  # a patient paragraph made by ``para`` (not a piece reportlab split off one)
    _fitted: Fitted | None = None
    _fitted_widths: list[float]  # the line widths before a bullet's adjustment
    _fitted_wrap_widths: list[float]  # and after it, as Paragraph.wrap leaves them
    _broken: Any = None

    @property
    def blPara(self) -> Any:
        """reportlab's broken lines: for a fitted paragraph, broken by reportlab when first asked for. Missing
        (AttributeError) until wrapped or after reportlab deletes it, as the plain attribute was."""
        if self._broken is None:
            if self._fitted is None:
                raise AttributeError("blPara")
            widths = list(self._fitted_widths)  # breakLines adjusts the first for a bullet, as in wrap
            self._broken = self.breakLines(widths)
            self._wrapWidths = widths
        return self._broken

    @blPara.setter
    def blPara(self, value: Any) -> None:
        self._broken = value

    @blPara.deleter
    def blPara(self) -> None:
        self._broken = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_for != availWidth:
            key = (*self._share_key, availWidth) if self._share_key else None
            remembered = _shared_lines.get(key) if key else None
            fit = remembered is None and self._may_fit and availWidth >= _FUZZ
            self._fitted = fitted = self._fit(availWidth) if fit else None
            if fitted is not None:
                remembered = (None, fitted.height, self._fitted_wrap_widths, self.frags)
            elif remembered is None:
                self._wrap_or_unshaped(availWidth, availHeight)
                remembered = (self.blPara, self.height, self._wrapWidths, self.frags)
                if key and len(_shared_lines) < SHARED_LIMIT:
                    _shared_lines[key] = remembered
            self._wrapped_for, self._wrapped = availWidth, remembered
        self.width = availWidth
        # The fragments too: wrapping replaces the parsed fragments with the words it measured (shaped ones in
        # a shaped paragraph), and ``split`` picks how to cut the lines by which it finds. With the parsed ones
        # and the lines of an earlier sheet, it cut a shaped paragraph into already-shaped text that HarfBuzz
        # shaped again, taller than the room it was cut for: reportlab's LayoutError on a sheet's second build.
        self.blPara, self.height, self._wrapWidths, self.frags = self._wrapped
        return self.width, self.height

    def _fit(self, availWidth: float) -> Fitted | None:
        """``fitted`` lines for this width, with the line widths ``Paragraph.wrap`` would break them to."""
        style = self.style
        first = availWidth - (style.leftIndent + style.firstLineIndent) - style.rightIndent
        self._fitted_widths = [first, availWidth - style.leftIndent - style.rightIndent]
        widths = list(self._fitted_widths)
        fitted = fitted_lines(self, widths)  # adjusts the first width for a bullet, as breakLines does
        self._fitted_wrap_widths = widths
        return fitted

    def draw(self) -> None:
        """Draw, or write the operators drawing this content paragraph wrote before in the same state."""
        if self._fitted is not None and self._broken is None and self._wrapped_for == self.width:
            draw_fitted(self, self._fitted)
            return
        key = self._drawn_key()
        if key is None:
            super().draw()
            return
        canvas: Any = self.canv  # reportlab's canvas attributes that its stubs leave out
        code: list[str] = canvas._code
        drawn = _shared_drawn.get(key)
        if drawn is not None:
            code.extend(drawn)
            return
        before, start = _canvas_state(canvas), len(code)
        super().draw()
        # Kept only if drawing changed nothing but the operators written (no font, colour state, link or
        # annotation of this PDF's own), so writing them again is all drawing it again would do.
        if _canvas_state(canvas) == before and len(_shared_drawn) < SHARED_LIMIT:
            _shared_drawn[key] = tuple(code[start:])

    def _drawn_key(self) -> tuple[Any, ...] | None:
        share_key = self._share_key
        if share_key is None or self._wrapped_for != self.width:
            return None
        shareable_key = (*share_key, self.bulletText)
        shareable = _drawn_shareable.get(shareable_key)
        if shareable is None:
            frags = _shared_frags.get(share_key)  # as parsed: wrapping replaces a paragraph's own with words
            if frags is None:
                return None
            shareable = _drawn_shareable[shareable_key] = _drawn_the_same_in_every_pdf(self, frags)
        if not shareable:
            return None
        canvas: Any = self.canv
        state = tuple(
            [
                (name, value)
                for name, value in canvas.__dict__.items()
                if type(value) in _STATE_TYPES and name not in _PLACE
            ]
        )
        graphics = tuple(sorted(canvas._extgstate._d.items()))
        return (*share_key, id(self.style), self.width, self.bulletText, state, graphics)

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
        parsed = _parsed_from_skeleton(markup, style)
        if parsed is None:
            paragraph = SheetParagraph(markup, style, bulletText=bullet)
        else:
            text, frags = parsed
            paragraph = SheetParagraph(text, style, bulletText=bullet, frags=frags)
        paragraph._may_fit = True
        return paragraph
    key = (markup, id(style))
    paragraph = SheetParagraph(markup, style, bulletText=bullet, frags=_shared_frags.get(key))
    if key not in _shared_frags and len(_shared_frags) < SHARED_LIMIT:
        _shared_frags[key] = paragraph.frags
    paragraph._share_key = key
    return paragraph


def _parsed_from_skeleton(markup: str, style: ParagraphStyle) -> tuple[str, list[Any]] | None:
    """A patient paragraph's cleaned markup and its fragments, from the parse of its markup with each run of text
    as a placeholder: what reportlab's parser gives for the markup itself, without parsing it (issue 19).

    The markup around a patient's details is fixed wording (``<b>Born</b> ... Record <b>...</b>``), so the
    skeleton, its tags with one placeholder for each run of text between them, is the same for every patient,
    and it is parsed once. reportlab's parser makes one fragment of each run of text between tags, styled by the
    tags around it alone, and copies the run's characters into it as they are when the run holds no entity
    (``&``) and no bracket; so the skeleton's fragments, each placeholder replaced by its run, are the markup's.
    None (parse it as before) for any other run, for a fallback font's ``<font name=...>`` (which script a name
    is in is the patient's, not fixed wording), a style that transforms text, or a skeleton whose parse is
    not one plain fragment per run. ``tests/sheet/test_skeletons.py`` holds the fragments to the parser's.
    """
    if getattr(style, "textTransform", None):
        return None
    text = cleanBlockQuotedText(markup)  # as Paragraph cleans markup before parsing it
    parts = _TAG.split(text)
    runs = parts[0::2]
    if len(runs) > 256 or _NOT_PLAIN.search("".join(runs)) or any("<font name=" in tag for tag in parts[1::2]):
        return None
    slots: dict[int, str] = {}
    skeleton: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:
            skeleton.append(part)
        elif part:  # an empty run between two tags is no fragment
            code = _SLOT + len(slots)
            slots[code] = part
            skeleton.append(chr(code))
    key = ("".join(skeleton), id(style))
    if key in _skeletons:
        frags = _skeletons[key]
    else:
        frags = _parse_skeleton(key[0], style, len(slots))
        if len(_skeletons) < SHARED_LIMIT:
            _skeletons[key] = frags
    if frags is None:
        return None
    return text, [frag.clone(text=frag.text.translate(slots)) for frag in frags]


def _parse_skeleton(skeleton: str, style: ParagraphStyle, runs: int) -> list[Any] | None:
    """The skeleton's fragments, if they are one for each placeholder or a line break, each placeholder alone."""
    parser: Any = ParaParser()  # reportlab's stubs leave parse untyped
    parser.caseSensitive = 1  # as every Paragraph of the sheet is made
    parsed_style, frags, bullet_frags = parser.parse(skeleton, style)
    if frags is None or parsed_style is not style or bullet_frags:
        return None
    placeholders = [frag.text for frag in frags if frag.text]
    if placeholders != [chr(_SLOT + index) for index in range(runs)]:
        return None
    return list(frags)


def _drawn_same(text: str) -> bool:
    return _DRAWN_SAME.issuperset(text)


def _drawn_the_same_in_every_pdf(paragraph: SheetParagraph, frags: list[Any]) -> bool:
    """Whether every character the paragraph draws is printable ASCII or in ``FIXED_CODES``, in one of the two
    DejaVu faces, with no link or inline image: the case whose operators are the same in every PDF (see the
    module's docstring)."""
    faces = (REGULAR, BOLD)
    style = paragraph.style
    bullet = paragraph.bulletText
    if bullet is not None and not (isinstance(bullet, str) and _drawn_same(bullet) and style.bulletFontName in faces):
        return False
    if getattr(style, "shaping", 0) or not frags:
        return False
    return all(
        getattr(frag, "fontName", None) in faces
        and isinstance(getattr(frag, "text", None), str)
        and _drawn_same(frag.text)
        and not getattr(frag, "link", None)
        and not hasattr(frag, "cbDefn")
        for frag in frags
    )


def _canvas_state(canvas: Any) -> tuple[Any, ...]:
    """All the canvas and its PDF hold that drawing could change, other than the operators written."""
    state = {
        name: dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else value
        for name, value in canvas.__dict__.items()
        if name != "_code"
    }
    doc = canvas._doc
    fonts = tuple(font.state[doc].nextCode if doc in font.state else None for font in dejavu_faces())
    extgstate = canvas._extgstate
    return (state, dict(extgstate._d), dict(extgstate._c), dict(doc.fontMapping), fonts)
