"""The sheet's fonts, and turning any text into safe Paragraph markup (hazard H7: name garbled or cut off).

reportlab ships only Latin-1 fonts, so every string is set in the bundled DejaVu Sans (Latin, Greek, Cyrillic,
Arabic, Hebrew and many symbols). Characters DejaVu lacks (most emoji) fall back to the bundled Symbola, run by
run, so "Zoë 👍" prints and reads back from the PDF as entered instead of as an empty box.

Parsing a TrueType file costs more than building a whole sheet, so fonts are registered once per process and
the markup for a string is cached: the content's text is the same for every sheet of a procedure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from kiosk import paths

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
SYMBOLS = "Symbola"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", SYMBOLS: "Symbola.ttf"}

# Scripts whose letters change shape or order in context: Paragraphs holding them need shaping (uharfbuzz).
_NEEDS_SHAPING = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Unicode controls (C0, C1, DEL) and lone surrogates break the markup parser or the PDF's text encoding.
_UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cs"})


def _font(name: str) -> TTFont:
    # Registered fonts are looked up by name; the TTF is parsed only the first time.
    font: object
    try:
        font = pdfmetrics.getFont(name)
    except KeyError:
        font = TTFont(name, str(paths.resource("fonts", _FILES[name])))
        pdfmetrics.registerFont(font)
    if not isinstance(font, TTFont):  # pragma: no cover - someone registered a Type 1 font under our name
        raise RuntimeError(f"font {name} is not the bundled TrueType font")
    return font


def _utf16_hex(code: int) -> str:
    if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
        return chr(code).encode("utf-16-be").hex().upper()
    return f"{code:04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16 surrogate pairs.

    reportlab 5.1 writes them as five hex digits (``<1F44D>``), which PDF readers reject, so an emoji in a name
    would print but not read back from the PDF (copy, search, screen readers, our tests). Same output otherwise.
    """
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) and Symbola with reportlab, once per process."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    _font(REGULAR)
    _font(BOLD)
    _font(SYMBOLS)
    # <b> inside a Paragraph picks the bold face through this family mapping. Symbola has no bold: emoji in a
    # bold heading use the regular face rather than failing.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(BOLD, 0, 0, BOLD)
    addMapping(BOLD, 1, 0, BOLD)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(SYMBOLS, bold, italic, SYMBOLS)


@cache
def _main_coverage() -> frozenset[int]:
    """Code points both DejaVu faces have, so text prints the same in regular and in bold."""
    register_fonts()
    return frozenset(_font(REGULAR).face.charToGlyph) & frozenset(_font(BOLD).face.charToGlyph)


@cache
def _symbol_coverage() -> frozenset[int]:
    register_fonts()
    return frozenset(_font(SYMBOLS).face.charToGlyph)


def clean(text: str) -> str:
    """The text with control characters and lone surrogates removed; line breaks and tabs become spaces."""
    if text.isprintable() and text.isascii():
        return text
    text = unicodedata.normalize("NFC", text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))
    return "".join(ch for ch in text if unicodedata.category(ch) not in _UNPRINTABLE_CATEGORIES)


@lru_cache(maxsize=4096)
def markup(text: str) -> str:
    """Plain text as Paragraph markup: cleaned, XML-escaped, with runs DejaVu lacks set in Symbola.

    Every string that reaches a Paragraph goes through here: ``x<y`` would otherwise raise, and
    ``<font size=40>`` in a name would be obeyed.
    """
    text = clean(text)
    if text.isascii():
        return escape(text)
    main, symbols = _main_coverage(), _symbol_coverage()
    parts: list[str] = []
    run: list[str] = []
    in_symbols = False
    for ch in text:
        code = ord(ch)
        # Joiners, variation selectors and spaces stay with the run they are in.
        wants_symbols = code not in main and code in symbols if code > 0x7F else False
        if code in (0x200D, 0xFE0F, 0xFE0E) or ch == " ":
            wants_symbols = in_symbols
        if wants_symbols != in_symbols and run:
            parts.append(_wrap("".join(run), in_symbols))
            run = []
        in_symbols = wants_symbols
        run.append(ch)
    if run:
        parts.append(_wrap("".join(run), in_symbols))
    return "".join(parts)


def _wrap(run: str, in_symbols: bool) -> str:
    return f'<font name="{SYMBOLS}">{escape(run)}</font>' if in_symbols else escape(run)


def needs_shaping(text: str) -> bool:
    """Whether the text holds Arabic or Hebrew letters, which must be shaped and laid out right to left."""
    return _NEEDS_SHAPING.search(text) is not None


def unprintable(text: str) -> frozenset[str]:
    """The characters of ``text`` that no bundled font has (they would print as empty boxes).

    The nurse's screen can use this to warn before printing, e.g. for a name typed in Chinese characters.
    """
    main, symbols = _main_coverage(), _symbol_coverage()
    return frozenset(ch for ch in clean(text) if ord(ch) > 0x7F and ord(ch) not in main and ord(ch) not in symbols)
