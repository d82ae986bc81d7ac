"""Right-to-left paragraphs for sheets in Urdu and Arabic (hazard H7: text garbled on the sheet).

reportlab lays a line out left to right, and HarfBuzz (``shaping=1``) shapes each word, joining its letters in
the right order, but neither orders the *words* of a right-to-left line: without help an Urdu sentence prints
with its first word on the left. reportlab's own answer needs ``rlbidi``, which is not on PyPI, so this does it
the way the Unicode Bidirectional Algorithm (UAX 9) says, with python-bidi's resolved levels:

1. break the paragraph into lines in logical order (reportlab does, at the available width: line breaking must
   come before reordering);
2. resolve each line's embedding levels with the paragraph direction right to left (python-bidi), so a number,
   a phone number or a Latin drug name inside Urdu stays left to right;
3. reverse runs of words by level (rule L2, at word granularity: HarfBuzz orders the letters inside each word),
   and print each line right-aligned, in that order.

The markup the sections make (``<b>``, ``<font name=...>``, ``&nbsp;``) is split into words that each carry
their own tags, so a word can move without breaking the markup.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from functools import cache
from typing import Any
from xml.sax.saxutils import unescape

from bidi import algorithm as uba
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from kiosk.sheet.styles import SheetStyles

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"<[^>]*>|[ \t\r\n]+|[^< \t\r\n]+")
_SPACES = re.compile(r"[ \t\r\n]+")
_BREAK = re.compile(r"<br\s*/?>")
_TAG = re.compile(r"<[^>]*>")
_ENTITIES = {"&nbsp;": "\u00a0", "&#160;": "\u00a0", "&quot;": '"', "&apos;": "'"}
# Characters UAX 9 rule X9 removes before resolving levels (joiners, embeddings): not counted in a word's length.
_REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN", "RLI", "LRI", "FSI", "PDI"})
# Lines are broken a little short of the width, so that a reordered line (whose spaces may fall in another font,
# a fraction of a point wider) still fits on one line.
_SLACK = 0.97


class RtlStyle(ParagraphStyle):
    """A paragraph style whose paragraphs read right to left (``paragraphs.para`` makes them ``RtlParagraph``)."""


def rtl_style(style: ParagraphStyle) -> RtlStyle:
    """The right-to-left twin of ``style``: right-aligned, indents mirrored, shaped."""
    # reportlab wants a parent style of the same class, so the settings are copied instead of inherited.
    twin = RtlStyle(f"{style.name}_rtl", **{key: getattr(style, key) for key in ParagraphStyle.defaults})
    twin.alignment = TA_RIGHT
    twin.leftIndent, twin.rightIndent = style.rightIndent, style.leftIndent
    twin.firstLineIndent = 0
    twin.shaping = 1
    return twin


def _closer(tag: str) -> str:
    name = tag[1:].split(None, 1)[0].rstrip("/>")
    return f"</{name}>"


def words(markup: str) -> list[str]:
    """The markup split into words, each a complete piece of markup (its open tags opened and closed in it)."""
    out: list[str] = []
    stack: list[str] = []
    current: list[str] | None = None
    prefix: list[str] = []
    for match in _TOKEN.finditer(markup):
        token = match.group()
        if token[0] in " \t\r\n":
            if current is not None:
                out.append("".join(prefix) + "".join(current) + "".join(_closer(t) for t in reversed(stack)))
                current = None
            continue
        if token.startswith("</"):
            if stack:
                stack.pop()
            if current is not None:
                current.append(token)
            continue
        if token.startswith("<"):
            if current is not None:
                current.append(token)
            if not token.endswith("/>"):
                stack.append(token)
            continue
        if current is None:
            prefix, current = list(stack), []
        current.append(token)
    if current is not None:
        out.append("".join(prefix) + "".join(current) + "".join(_closer(t) for t in reversed(stack)))
    return out


def plain(word: str) -> str:
    """A word's text without tags, entities resolved, and without the characters UAX 9 removes (X9)."""
    text = unescape(_TAG.sub("", word), _ENTITIES)
    return "".join(ch for ch in text if unicodedata.bidirectional(ch) not in _REMOVED)


RTL, LTR = 1, 0  # a paragraph's base level: a sheet in Urdu or Arabic; Arabic words inside an English line


# Stand-ins for characters Python's Unicode database gives no bidirectional class (unassigned code points):
# UAX 9's default class for their block (DerivedBidiClass.txt: R in the Hebrew and other right-to-left blocks,
# AL in the Arabic ones, L elsewhere), as a letter of that class, one for one so positions stay.
_DEFAULT_RIGHT_TO_LEFT: tuple[tuple[int, int], ...] = (
    (0x0590, 0x05FF),
    (0x07C0, 0x085F),
    (0xFB1D, 0xFB4F),
    (0x10800, 0x10FFF),
    (0x1E800, 0x1EFFF),
)
_DEFAULT_ARABIC: tuple[tuple[int, int], ...] = (
    (0x0600, 0x07BF),
    (0x0860, 0x08FF),
    (0xFB50, 0xFDCF),
    (0xFDF0, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10D00, 0x10D3F),
    (0x10EC0, 0x10EFF),
    (0x10F30, 0x10F6F),
    (0x1EC70, 0x1ECBF),
    (0x1EE00, 0x1EEFF),
)


def _with_a_class(ch: str) -> str:
    """``ch``, or a letter of its default bidirectional class when it has none (python-bidi refuses those)."""
    if unicodedata.bidirectional(ch):
        return ch
    code = ord(ch)
    if any(low <= code <= high for low, high in _DEFAULT_ARABIC):
        return "\u0627"  # ARABIC LETTER ALEF: AL
    if any(low <= code <= high for low, high in _DEFAULT_RIGHT_TO_LEFT):
        return "\u05d0"  # HEBREW LETTER ALEF: R
    return "a"


def levels(texts: list[str], base: int = RTL) -> list[int]:
    """Each word's embedding level in a line of direction ``base`` (right to left: 1 for its words, 2 for left to
    right inside it; left to right: 0 for its words, 1 for a right-to-left run inside it).

    Never raises: a character without a bidirectional class (an unassigned code point: the kiosk's fields refuse
    them, but a sheet is built from whatever the record holds) is read as its block's default class, and should
    python-bidi still refuse the line, every word keeps the line's direction, so the sheet is still printed."""
    line = "".join(map(_with_a_class, " ".join(texts)))
    storage = uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if base == RTL else "L"
    try:
        uba.get_embedding_levels(line, storage)
        uba.explicit_embed_and_overrides(storage)
        uba.resolve_weak_types(storage)
        uba.resolve_neutral_types(storage, False)
        uba.resolve_implicit_levels(storage, False)
    except (AssertionError, KeyError, IndexError):  # python-bidi checks its input with assert statements
        # E.g. an isolate (U+2066..U+2069), which this python-bidi does not know; ``plain`` removes them.
        log.warning("a line's directions could not be resolved; its words are set in the line's direction")
        return [base] * len(texts)
    chars: list[dict[str, Any]] = storage["chars"]
    out: list[int] = []
    position = 0
    for text in texts:
        word = chars[position : position + len(text)]
        strong = [c for c in word if c["orig"] in ("L", "R", "AL", "EN", "AN")]
        out.append(int((strong or word)[0]["level"]) if word else base)
        position += len(text) + 1
    return out


def visual_order(items: list[str], item_levels: list[int]) -> list[str]:
    """The items of one line from left to right: UAX 9 rule L2, with a word as the unit."""
    return [items[i] for i in visual_indexes(item_levels)]


def visual_indexes(item_levels: list[int]) -> list[int]:
    """``visual_order`` as the items' indexes."""
    order = list(range(len(item_levels)))
    if not item_levels or max(item_levels) == 0:
        return order
    highest = max(item_levels)
    lowest_odd = min(level for level in item_levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for index in range(len(order) + 1):
            inside = index < len(order) and item_levels[order[index]] >= level
            if inside and start is None:
                start = index
            elif not inside and start is not None:
                order[start:index] = reversed(order[start:index])
                start = None
    return order


def _line_word_counts(paragraph: Paragraph) -> list[int]:
    """How many words reportlab put on each line of a wrapped paragraph."""
    counts = []
    lines: list[Any] = paragraph.blPara.lines  # type: ignore[attr-defined]  # set by wrap; not in the stubs
    for line in lines:
        line_words = getattr(line, "words", None)
        if line_words is not None and line_words and hasattr(line_words[0], "text"):
            text = "".join(str(frag.text) for frag in line_words if hasattr(frag, "text"))
        else:
            text = " ".join(str(w) for w in (line[1] if isinstance(line, tuple) else line_words or ()))
        # Words are split at spaces only: a no-break space (str.split would split there) joins a phone number.
        counts.append(len([word for word in _SPACES.split(text) if word]))
    return counts


_TRAILING_STOP = re.compile(r"([.,;:!?\u06d4\u060c]+)((?:</[^>]*>)*)$")


def split_stop(word: str) -> tuple[str, str] | None:
    """ "away." -> ("away", "."), each with the word's tags; None when the word does not end in a stop.

    In a right-to-left line the stop that ends a left-to-right run ("... A&E straight away." in Urdu, "... 1 من كل
    20.") belongs to the sentence, so it prints on the run's left; HarfBuzz would lay "away." out as written,
    with the stop on the right, read before the word."""
    found = _TRAILING_STOP.search(word)
    if found is None or not plain(word[: found.start()]).strip():
        return None
    stops, closers = found.groups()
    open_tags: list[str] = []  # the tags still open where the stop is: the stop keeps them (bold, font)
    for tag in _TAG.findall(word[: found.start()]):
        if tag.startswith("</"):
            if open_tags:
                open_tags.pop()
        elif not tag.endswith("/>"):
            open_tags.append(tag)
    return word[: found.start()] + closers, "".join(open_tags) + stops + closers


def _with_stops_apart(line: list[str], line_levels: list[int]) -> tuple[list[str], list[int], set[int]]:
    """The line with each left-to-right run's closing stop as an item of its own (right to left), and which
    items are such stops (``_visual_markup`` joins each to the word on its right, so no space shows)."""
    items: list[str] = []
    item_levels: list[int] = []
    stops: set[int] = set()
    for index, (word, level) in enumerate(zip(line, line_levels, strict=True)):
        run_ends = index + 1 == len(line) or line_levels[index + 1] % 2 == 1
        split = split_stop(word) if level % 2 == 0 and run_ends else None
        if split is None:
            items.append(word)
            item_levels.append(level)
            continue
        items += split
        item_levels += [level, RTL]
        stops.add(len(items) - 1)
    return items, item_levels, stops


_FONT_TAG = re.compile(r'<font name="([^"]+)">')


def _joined(items: list[str], order: list[int], stops: set[int]) -> str:
    """The items in visual order, a space between each; a stop joined to the word on its right when both are
    in one font (a word in two fonts is one HarfBuzz run in the first: see ``separate_fonts``)."""
    out = ""
    for position, index in enumerate(order):
        out += items[index]
        if position + 1 == len(order):
            break
        following = items[order[position + 1]]
        glued = index in stops and _FONT_TAG.findall(items[index])[-1:] == _FONT_TAG.findall(following)[:1]
        out += "" if glued else " "
    return out


def _visual_markup(markup: str, style: ParagraphStyle, width: float, base: int = RTL, bullet: str | None = None) -> str:
    """The paragraph's markup with its lines in visual order, joined by forced breaks."""
    lines: list[str] = []
    for segment in _BREAK.split(markup):
        pieces = words(segment)
        if not pieces:
            lines.append("")
            continue
        logical = Paragraph(" ".join(pieces), style, bulletText=bullet if not lines else None)
        try:
            logical.wrap(width * _SLACK, 1e6)
        except (KeyError, AttributeError):
            if base == RTL:
                raise
            # A glyph HarfBuzz cannot give in the run's font: left in logical order for SheetParagraph's net.
            log.warning("a left-to-right paragraph with right-to-left words could not be reordered")
            return markup
        counts = _line_word_counts(logical)
        if sum(counts) != len(pieces):
            # reportlab split a word across lines: keep every word (in one visual run) rather than lose one.
            log.warning("right-to-left paragraph laid out as one run: %d words, %d on lines", len(pieces), sum(counts))
            counts = [len(pieces)]
        start = 0
        for count in counts:
            line = pieces[start : start + count]
            start += count
            # Brackets need no mirroring here: HarfBuzz mirrors them in a right-to-left word, even one of its own.
            line_levels = levels([plain(w) for w in line], base)
            stops: set[int] = set()
            if base == RTL:
                # Only at the end of a left-to-right run: "Mr. Smith" keeps its stop between its two words.
                line, line_levels, stops = _with_stops_apart(line, line_levels)
            lines.append(_joined(line, visual_indexes(line_levels), stops))
    return "<br/>".join(lines)


_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_NBSP_NOT_IN_NUMBER = re.compile(r"(?<![0-9])&nbsp;|&nbsp;(?![0-9])")
_FONT_START = re.compile(r"(?<=\S)(?<! </font>)(<font name=)")  # not after a run that ends in its own space
_FONT_END = re.compile(r"(?<! )(</font>)(?=\S)")
_NBSP_FONT_START = re.compile(r"&nbsp;(<font name=)")
_NBSP_FONT_END = re.compile(r"&nbsp;(</font>)(?=\S)")
_DIGIT_LETTER = re.compile(rf"(?<=[0-9])(?=[{_RTL_LETTER}])|(?<=[{_RTL_LETTER}])(?=[0-9])")


def separate_fonts(markup: str) -> str:
    """Markup with a space wherever a word changes font ("dabigatran।", "(GP)۔"), for shaped paragraphs.

    reportlab shapes a word as one HarfBuzz run in the font of its first letter: the letters of the second font
    come out as missing glyphs, or reportlab fails outright (KeyError in ``shapeFragWord``). Only punctuation of
    one script next to letters of another gets here; the space costs less than a box or no sheet.
    """
    # A no-break space where the font changes becomes the space ("15:30&nbsp;<font ...>ਐਤ"): two would show.
    markup = _NBSP_FONT_END.sub(r"\1 ", _NBSP_FONT_START.sub(r" \1", markup))
    return _FONT_END.sub(r"\1 ", _FONT_START.sub(r" \1", markup))


# Where an Arabic word meets a Latin letter, an apostrophe or a stop in one word ("محمد's", "الزهراء,"):
# HarfBuzz shapes the word as one right-to-left run, so "'s" would print as "s'" and the comma on the left.
_RTL_THEN_LATIN = re.compile(rf"(?<=[{_RTL_LETTER}])(?=[A-Za-z'’,.;:!?])|(?<=[A-Za-z])(?=[{_RTL_LETTER}])")


def has_right_to_left(markup: str) -> bool:
    """Whether ``markup`` holds right-to-left letters (Arabic, Urdu, Hebrew): its words may need reordering."""
    return re.search(f"[{_RTL_LETTER}]", markup) is not None


def separate_in_left_to_right(markup: str) -> str:
    """``separate`` for an English (left-to-right) paragraph: no-break spaces kept (a clock time stays on one
    line), and a stop, an apostrophe or a Latin letter next to an Arabic word set apart, so it stays on the side
    the sentence reads on ("For فاطمة الزهراء, who", "محمد's times": HarfBuzz would reverse them into the word)."""
    markup = separate_fonts(markup)
    return "".join(
        part if part.startswith("<") else _RTL_THEN_LATIN.sub(" ", _DIGIT_LETTER.sub(" ", part))
        for part in re.split(r"(<[^>]*>)", markup)
    )


def separate(markup: str) -> str:
    """Markup whose words each hold one direction and one font, so each can be ordered and shaped on its own.

    HarfBuzz shapes a word in one font and one direction: a word mixing Arabic letters with digits would have its
    digits reversed ("14:30" printed as "03:41"), and one mixing fonts prints the second font's letters as boxes.
    So a no-break space joins only digit groups (a phone number stays on one line), and a space goes between a
    run of digits and a run of right-to-left letters, and between two fonts.
    """
    markup = separate_fonts(_NBSP_NOT_IN_NUMBER.sub(" ", markup))
    return "".join(
        part if part.startswith("<") else _DIGIT_LETTER.sub(" ", part) for part in re.split(r"(<[^>]*>)", markup)
    )


class RtlParagraph(Flowable):
    """A paragraph whose words are put in visual order line by line (UAX 9): laid out again for each width.

    ``base`` RTL: a paragraph that reads right to left (a sheet in Urdu or Arabic). ``base`` LTR: an English
    paragraph holding Arabic or Urdu words (a patient's or escort's name in "Please stay with ... until"), whose
    right-to-left run of several words must print its first word on the right. ``paragraph`` makes the laid-out
    paragraph (``paragraphs.SheetParagraph`` for the left-to-right case, with its unshaped fallback).
    """

    def __init__(
        self,
        markup: str,
        style: ParagraphStyle,
        bullet: str | None = None,
        base: int = RTL,
        paragraph: type[Paragraph] = Paragraph,
    ) -> None:
        super().__init__()
        if base == RTL:
            self.markup, self.bullet = separate(f"{bullet} {markup}" if bullet else markup), None
        else:
            self.markup, self.bullet = separate_in_left_to_right(markup), bullet
        self.style = style
        self.base = base
        self.paragraph = paragraph
        self._inner: Paragraph | None = None
        self._width: float | None = None

    def _laid_out(self, width: float) -> Paragraph:
        if self._inner is None or self._width != width:
            visual = _visual_markup(self.markup, self.style, width, self.base, self.bullet)
            self._inner = self.paragraph(visual, self.style, bulletText=self.bullet)
            self._width = width
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self._laid_out(availWidth).wrap(availWidth, availHeight)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        inner = self._laid_out(self.width)
        inner.drawOn(self.canv, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = self._laid_out(availWidth).split(availWidth, availHeight)
        return parts

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)


# The page's header and footer stay left to right: they are the patient's identifiers and the leaflet's document
# control, for staff, in English.
_LEFT_TO_RIGHT = frozenset({"header_org", "header_title", "header_name", "header_field", "header_field_bold"})
_LEFT_TO_RIGHT |= {"header_procedure", "stamp", "footer"}


@cache
def rtl_sheet_styles(styles: SheetStyles) -> SheetStyles:
    """The body styles of ``styles`` made right to left (header and footer unchanged); once per stylesheet."""
    changes: dict[str, Any] = {
        field.name: rtl_style(getattr(styles, field.name))
        for field in dataclasses.fields(styles)
        if isinstance(getattr(styles, field.name), ParagraphStyle) and field.name not in _LEFT_TO_RIGHT
    }
    # A contact's number and a label go on the line itself right to left (``sections``): no column to indent for.
    for name in ("number", "labelled"):
        changes[name].leftIndent = changes[name].rightIndent = 0
    return dataclasses.replace(styles, **changes)
