"""Patient paragraphs whose every line fits: laid out and drawn without reportlab's general line breaker.

Most of a sheet's patient paragraphs are a line or a few ``<br/>``-separated lines of plain text in the two DejaVu
faces ("Born <b>3 Mar 1948</b> · Hospital no. <b>RK123456</b> ..."), and reportlab's ``breakLines`` and
``drawPara`` for them were the biggest part of a warm sheet left (issue 19: about 1.7 ms for nine paragraphs).
For such a paragraph, when each line is shorter than its width by a margin, reportlab's breaking is known in
advance: no line ends for want of room (its space shrinkage only ever widens the limit), so no hyphenation, no
long-word splitting and no justification happen, and each line is its fragments' text as written (less the
line's leading space, and a trailing one ``_line_texts`` says reportlab drops), runs of different faces apart.
``fitted_lines`` says whether a paragraph is that case, and ``draw_fitted`` then makes exactly the canvas and
text-object calls ``Paragraph.drawPara`` makes for it (``_leftDrawParaLine``, ``_putFragLine``), in the same
order, so the PDF's bytes are the same. Anything else (a line that might wrap, another font or script, shaping,
a link, underline, background colour on text, a face repeated, an entity's own fragment) is left to reportlab.

Nothing is kept: what is computed belongs to the one paragraph object, built for one sheet (hazard H3).
``tests/sheet/test_fitted.py`` holds the heights and drawn operators to reportlab's own for any text.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.geomutils import normalizeTRBL
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.rl_config import paraFontSizeHeightOffset

from kiosk.sheet.fonts import BOLD, REGULAR

_rl: Any = rl_paragraph  # the drawing helpers drawPara uses, which reportlab's stubs leave out
_drawBullet = _rl._drawBullet
_handleBulletWidth = _rl._handleBulletWidth
_processed_frags = _rl._processed_frags
setXPos = _rl.setXPos
_getFragWords = _rl._getFragWords
_HSFrag = _rl._HSFrag
_FK_TEXT = _rl._FK_TEXT
_FK_BREAK = _rl._FK_BREAK
sameFrag = _rl.sameFrag

# What a line must leave free of its width: reportlab adds the same widths in another order, so a line this
# much shorter than its room fits in both sums.
MARGIN = 0.01  # points
_FACES = frozenset({REGULAR, BOLD})
# Text that reportlab copies into a line as written: printable characters and single spaces (its breaker splits
# on the other white space, and soft hyphens may break a word).
_ODD = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xad\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    map(chr, range(0x2000, 0x200C))
)


@dataclass(frozen=True, slots=True)
class Fitted:
    """A paragraph's lines, each a list of (fragment, text) runs as reportlab's drawing would take them."""

    lines: tuple[tuple[tuple[Any, str], ...], ...]
    one_fragment: bool  # reportlab's kind 0 (a single fragment), drawn through its simpler path
    font_size: float
    height: float


def _style_plain(style: ParagraphStyle) -> bool:
    return bool(
        style.alignment == TA_LEFT
        and not getattr(style, "shaping", 0)
        and not style.wordWrap
        and not style.endDots
        and not getattr(style, "hyphenationLang", "")
        and not style.uriWasteReduce
        and not style.embeddedHyphenation
        and getattr(style, "autoLeading", "") in ("", "off", None)
        and not getattr(style, "textTransform", None)
    )


def _frag_plain(frag: Any) -> bool:
    return bool(
        getattr(frag, "fontName", None) in _FACES
        and type(getattr(frag, "text", None)) is str
        and not getattr(frag, "cbDefn", None)
        and not getattr(frag, "link", None)
        and not getattr(frag, "us_lines", None)
        and not getattr(frag, "backColor", None)
        and not getattr(frag, "rise", 0)
    )


def fitted_lines(paragraph: Any, widths: list[float]) -> Fitted | None:
    """The paragraph's lines if it is the plain case whose line breaks are clear by ``MARGIN``, as reportlab
    would lay it out; else None. ``widths`` are as ``Paragraph.wrap`` makes them, and the first is narrowed for a
    bullet in place, as reportlab's ``breakLines`` narrows them."""
    style = paragraph.style
    frags = paragraph.frags
    if (
        not frags
        or _processed_frags(frags)
        or not _style_plain(style)
        or hasattr(paragraph, "_offsets")
        or getattr(paragraph, "debug", 0)
    ):
        return None
    if not paraFontSizeHeightOffset or getattr(paragraph, "autoLeading", "") not in ("", "off", None):
        return None
    font_size = frags[0].fontSize
    if not all(_frag_plain(frag) and frag.fontSize == font_size for frag in frags):
        return None
    _handleBulletWidth(paragraph.bulletText, style, widths)
    lines = _written_lines(frags, widths)
    if lines is None and len(frags) > 1:
        lines = _broken_lines(frags, widths, style.spaceShrinkage)
    if lines is None:
        return None
    return Fitted(lines, len(frags) == 1, font_size, len(lines) * style.leading)


def _written_lines(frags: list[Any], widths: list[float]) -> tuple[tuple[tuple[Any, str], ...], ...] | None:
    """The lines as written (one, or one for each ``<br/>``), if each fits its width by ``MARGIN``."""
    lines: list[tuple[tuple[Any, str], ...]] = []
    line_frags: list[Any] = []
    for frag in frags:
        if getattr(frag, "lineBreak", False):
            if frag.text or not line_frags:  # a break with text, or an empty line: left to reportlab
                return None
            texts = _line_texts(line_frags)
            if texts is None:
                return None
            lines.append((*zip(line_frags, texts, strict=True), (frag, "")))
            line_frags = []
        else:
            line_frags.append(frag)
    if not line_frags:  # ends with a break: left to reportlab
        return None
    texts = _line_texts(line_frags, alone=len(frags) == 1)
    if texts is None:
        return None
    lines.append(tuple(zip(line_frags, texts, strict=True)))
    for index, line in enumerate(lines):
        room = widths[min(index, len(widths) - 1)]
        width = 0.0
        for frag, text in line:
            if text:
                width += stringWidth(text, frag.fontName, frag.fontSize)
        if width > room - MARGIN:
            return None
    return tuple(lines)


def _broken_lines(
    frags: list[Any], widths: list[float], shrinkage: float
) -> tuple[tuple[tuple[Any, str], ...], ...] | None:
    """The lines of a paragraph of several fragments that wraps, as reportlab's ``breakLines`` breaks them, where
    every break is clear: each word either fits by ``MARGIN`` or overflows the limit reportlab's space
    shrinkage widens by ``MARGIN`` (so no line is squeezed, and no word is split); else None.

    The same steps as ``breakLines`` for several fragments, on reportlab's own words (``_getFragWords``), without
    its re-measuring of every space on the line for each word, which only matters at a line's end (most of its
    cost for a paragraph of a few lines: it is quadratic in the words on a line)."""
    if any(_ODD.intersection(frag.text) for frag in frags):
        return None
    for one, other in pairwise(frags):  # a face repeated on a line, an entity's fragment: runs reportlab joins
        if one.fontName == other.fontName and not (getattr(one, "lineBreak", 0) or getattr(other, "lineBreak", 0)):
            return None
    fragment_words = _getFragWords(frags, widths[0])
    lines: list[tuple[tuple[Any, str], ...]] = []
    runs: list[list[Any]] = []  # [fragment, text], as reportlab's clones of the fragments with their text
    lineno = 0
    last = len(widths) - 1
    room = widths[0]
    count = 0
    space = current = 0.0
    for word in fragment_words:
        if type(word) not in (list, _HSFrag):  # split, hyphenated or injected words: reportlab's own cases
            return None
        tail = word[-1][0]
        if not runs:
            count, space, current = 0, 0.0, 0.0
        width = word[0]
        frag = word[1][0]
        wider = current + space + width if width > 0 else current
        line_break = frag._fkind == _FK_BREAK
        if line_break:
            end = True
        elif wider <= room - MARGIN:
            end = False
        else:
            shrink = space
            for run_frag, run_text in runs:
                if run_frag._fkind == _FK_TEXT and " " in run_text:
                    shrink += run_text.count(" ") * stringWidth(" ", run_frag.fontName, run_frag.fontSize)
            limit = room + shrink * shrinkage
            if count == 0 or wider <= limit + MARGIN or width > widths[min(lineno, last)] - MARGIN:
                return None  # a word alone, a line kept by shrinking its spaces, a close call, a long word
            end = True
        if not end:
            text = word[1][1]
            if text:
                count += 1
            if not runs:
                runs = [[frag, text]]
            elif runs[-1][0] is not frag and not sameFrag(runs[-1][0], frag):  # the same fragment: the same style
                if space:
                    for run in reversed(runs):
                        if run[0]._fkind == _FK_TEXT:
                            if not run[1].endswith(" "):
                                run[1] += " "
                            break
                runs.append([frag, text])
            elif space and not runs[-1][1].endswith(" "):
                runs[-1][1] += " " + text
            else:
                runs[-1][1] += text
            space = stringWidth(" ", tail.fontName, tail.fontSize) if isinstance(word, _HSFrag) else 0.0
            real = False
            for piece_frag, piece in word[2:]:
                real = real or bool(piece)
                runs.append([piece_frag, piece])
            if not text and real:
                count += 1
            current = wider
        else:
            if line_break:
                runs.append([frag, frag.text])
            lines.append(tuple((run_frag, run_text) for run_frag, run_text in runs))
            lineno += 1
            room = widths[min(last, lineno)]
            if line_break:
                runs = []
                continue
            space = stringWidth(" ", tail.fontName, tail.fontSize) if isinstance(word, _HSFrag) else 0.0
            current = width
            count = 1
            runs = [[frag, word[1][1]], *([piece_frag, piece] for piece_frag, piece in word[2:])]
    if runs:
        lines.append(tuple((run_frag, run_text) for run_frag, run_text in runs))
    return tuple(lines)


def _line_texts(frags: list[Any], alone: bool = False) -> list[str] | None:
    """Each fragment's text as reportlab puts it into the line: the line's first text without its leading
    space, the last without its trailing one unless it holds a no-break space (reportlab then splits it with a
    regular expression that keeps an empty last word, and draws the space before it), and the text of a
    paragraph of one fragment (``alone``) stripped; None where that is not all it does."""
    texts = [frag.text for frag in frags]
    texts[0] = texts[0].lstrip(" ")
    if alone or "\xa0" not in texts[-1]:
        texts[-1] = texts[-1].rstrip(" ")
    previous = frags[0]
    for index, text in enumerate(texts):
        if not text.strip(" ") or "  " in text or _ODD.intersection(text):
            return None
        if index:
            frag = frags[index]
            # The same face twice in a row is one run in reportlab's line; a space on both sides of the join
            # becomes one.
            if frag.fontName == previous.fontName or (texts[index - 1].endswith(" ") and text.startswith(" ")):
                return None
            previous = frag
    return texts


def draw_fitted(paragraph: Any, fitted: Fitted) -> None:
    """Draw the fitted paragraph with the canvas calls reportlab's ``drawPara`` makes for it (left-aligned, each
    line simple: no word spacing), in the same order, so the PDF operators are the same."""
    canvas = paragraph.canv
    style = paragraph.style
    leading = style.leading
    left = style.leftIndent
    bg = style.backColor
    bc = getattr(style, "borderColor", None)
    bw = getattr(style, "borderWidth", None)
    if bg or (bc and bw):
        _background(paragraph, canvas, style, bg, bc, bw)
    canvas.saveState()
    offset = style.firstLineIndent
    cur_y = paragraph.height - fitted.font_size
    if paragraph.bulletText:
        offset = _drawBullet(canvas, offset, cur_y, paragraph.bulletText, style, rtl=False)
    if fitted.one_fragment:
        ((frag, text),) = fitted.lines[0]
        canvas.setFillColor(frag.textColor)
        tx = canvas.beginText(left, cur_y)
        tx.preformatted = False
        tx.direction = style.wordWrap
        tx.setFont(frag.fontName, frag.fontSize, leading)
        setXPos(tx, offset)
        tx._textOut(text, 1)
        setXPos(tx, -offset)
    else:
        tx = canvas.beginText(left, cur_y)
        tx.preformatted = False
        tx.direction = style.wordWrap
        tx._leading = None
        tx._fontname, tx._fontsize = None, None
        color = None
        for index, line in enumerate(fitted.lines):
            line_offset = offset if index == 0 else 0
            tx._x_offset = line_offset
            setXPos(tx, line_offset)
            if tx._leading != leading:
                tx.setLeading(leading)
            last = len(line) - 1
            for position, (frag, text) in enumerate(line):
                if (tx._fontname, tx._fontsize) != (frag.fontName, frag.fontSize):
                    tx._setFont(frag.fontName, frag.fontSize)
                if color != frag.textColor:
                    color = frag.textColor
                    tx.setFillColor(color)
                tx._textOut(text, position == last)
            setXPos(tx, -line_offset)
    canvas.drawText(tx)
    canvas.restoreState()


def _background(paragraph: Any, canvas: Any, style: ParagraphStyle, bg: Any, bc: Any, bw: Any) -> None:
    """The paragraph's background and border, as ``drawPara`` draws them."""
    canvas.saveState()
    op = canvas.rect
    kwds: dict[str, Any] = {"fill": 0, "stroke": 0}
    if bc and bw:
        canvas.setStrokeColor(bc)
        canvas.setLineWidth(bw)
        kwds["stroke"] = 1
        br = getattr(style, "borderRadius", 0)
        if br:
            op = canvas.roundRect
            kwds["radius"] = br
    if bg:
        canvas.setFillColor(bg)
        kwds["fill"] = 1
    tbp, rbp, bbp, lbp = normalizeTRBL(getattr(style, "borderPadding", 0))
    op(
        style.leftIndent - lbp,
        -bbp,
        paragraph.width - (style.leftIndent + style.rightIndent) + lbp + rbp,
        paragraph.height + tbp + bbp,
        **kwds,
    )
    canvas.restoreState()
