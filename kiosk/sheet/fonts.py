"""The sheet's fonts, and turning any text into safe Paragraph markup (hazard H7: name garbled or cut off).

reportlab ships only Latin-1 fonts, so every string is set in the bundled DejaVu Sans (Latin, Greek, Cyrillic,
Arabic, Hebrew and many symbols). A word DejaVu cannot print whole falls back, word by word, to the first font
of ``FALLBACKS`` that can: Noto Sans for the Indic scripts, Thai and the Arabic letters of Urdu (Debian
``fonts-noto-core``), Droid Sans Fallback for Chinese and Japanese (Debian ``fonts-droid-fallback``: the Noto
CJK fonts have PostScript outlines, which reportlab cannot embed), NanumGothic for Korean (``fonts-nanum``),
and the bundled Symbola for emoji. The Debian fonts are found through fontconfig (``fc-list``), so no path is
written into the code. A whole word stays in one font, so Arabic letters keep joining and Indic clusters are
shaped in one piece (uharfbuzz, ``shaping=1``, see ``paragraphs``).

Fonts are registered once per process, by name, in ``_FONTS`` here: asking reportlab for a font it does not
have yet (``pdfmetrics.getFont``) first searches its Type 1 metric files, which cost 470 ms of a 750 ms first
sheet. A fallback font is parsed only the first time a name needs it, so an English sheet never pays for them.
The markup for a string is cached: the content's text is the same for every sheet of a procedure.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from kiosk import paths
from kiosk.sheet.subsets import SubsetCachingTTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
SYMBOLS = "Symbola"
_BUNDLED = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", SYMBOLS: "Symbola.ttf"}


@dataclass(frozen=True)
class Fallback:
    """A font for the words DejaVu cannot print, found through fontconfig by family and style.

    ``ranges`` are the blocks it is for: it is tried (and parsed) only for a word with a letter in one of them.
    """

    name: str
    family: str
    ranges: tuple[tuple[int, int], ...]
    bold_style: str | None = "Bold"


FALLBACKS: tuple[Fallback, ...] = (
    Fallback("NotoSansDevanagari", "Noto Sans Devanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))),
    Fallback("NotoSansBengali", "Noto Sans Bengali", ((0x0980, 0x09FF),)),
    Fallback("NotoSansGurmukhi", "Noto Sans Gurmukhi", ((0x0A00, 0x0A7F),)),
    Fallback("NotoSansGujarati", "Noto Sans Gujarati", ((0x0A80, 0x0AFF),)),
    Fallback("NotoSansTamil", "Noto Sans Tamil", ((0x0B80, 0x0BFF),)),
    Fallback("NotoSansThai", "Noto Sans Thai", ((0x0E00, 0x0E7F),)),
    # Urdu letters DejaVu lacks (ے ں ٹ ڈ ڑ ھ): the whole word goes to Noto Sans Arabic, so it still joins.
    Fallback(
        "NotoSansArabic",
        "Noto Sans Arabic",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    ),
    Fallback("NotoSansHebrew", "Noto Sans Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    # Hangul first: Droid Sans Fallback has the Chinese and Japanese characters but not the Korean syllables.
    Fallback(
        "NanumGothic",
        "NanumGothic",
        ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)),
    ),
    Fallback(
        "DroidSansFallback",
        "Droid Sans Fallback",
        (
            (0x1100, 0x11FF),
            (0x2E80, 0x2FDF),
            (0x3000, 0x9FFF),
            (0xA960, 0xA97F),
            (0xAC00, 0xD7FF),
            (0xF900, 0xFAFF),
            (0xFE30, 0xFE4F),
            (0xFF00, 0xFFEF),
            (0x20000, 0x3134F),
        ),
        bold_style=None,
    ),
)

# Scripts whose letters change shape, order or position in context: Paragraphs holding them need shaping.
_NEEDS_SHAPING = re.compile("[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0e7f\ufb1d-\ufdff\ufe70-\ufefc]")
# Unicode controls (C0, C1, DEL) and lone surrogates break the markup parser or the PDF's text encoding.
_UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cs"})
# Characters that print in whatever font the word around them is in.
_NEUTRAL = frozenset({0x200C, 0x200D, 0xFE0E, 0xFE0F, 0x25CC})

_FONTS: dict[str, TTFont] = {}

# An empty TrueType ``name`` table: format 0, no records, strings at offset 6.
_EMPTY_NAME_TABLE = b"\x00\x00\x00\x00\x00\x06"


def _lean_subsets(font: TTFont) -> None:
    """Embed an empty ``name`` table in every subset of ``font`` instead of the font's whole one.

    reportlab copies the ``name`` table (copyright, licence, names in many languages) into each subset it
    embeds: 15.6 KB for each DejaVu face, a third of a compressed sheet. A PDF reader never uses it (PDF 1.7,
    9.9: a TrueType font program needs head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm and cmap), so an
    empty, valid one is embedded. The font's names were read when it was parsed; only the copy changes.
    """
    face = font.face
    read_table: Callable[[str], bytes] = face.get_table

    def get_table(tag: str) -> bytes:
        return _EMPTY_NAME_TABLE if tag == "name" else read_table(tag)

    face.get_table = get_table  # type: ignore[method-assign]  # one face's copy of one table, see above


def _register(name: str, path: Path | str) -> TTFont:
    """Parse and register one TrueType file under ``name``, once; never asks reportlab to search for it."""
    font = _FONTS.get(name)
    if font is None:
        font = SubsetCachingTTFont(name, str(path))
        _lean_subsets(font)
        pdfmetrics.registerFont(font)
        _FONTS[name] = font
    return font


def _font(name: str) -> TTFont:
    return _FONTS[name] if name in _FONTS else _register(name, paths.resource("fonts", _BUNDLED[name]))


@cache
def _fontconfig() -> dict[tuple[str, str], str]:
    """(family, style) -> file of every font fontconfig knows, from one ``fc-list`` (about 10 ms)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return {}
    try:
        listing = subprocess.run(
            [fc_list, "--format", "%{family[0]}|%{style[0]}|%{file}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for line in listing.splitlines():
        family, _, rest = line.partition("|")
        style, _, file = rest.partition("|")
        if file.endswith(".ttf"):
            found.setdefault((family, style), file)
    return found


@cache
def _fallback_faces(fallback: Fallback) -> tuple[str, str] | None:
    """The registered (regular, bold) names of ``fallback``, or None if this machine does not have it."""
    files = _fontconfig()
    regular = files.get((fallback.family, "Regular"))
    if regular is None:
        return None
    try:
        _register(fallback.name, regular)
        bold_name = fallback.name
        bold = files.get((fallback.family, fallback.bold_style)) if fallback.bold_style else None
        if bold is not None:
            bold_name = f"{fallback.name}-Bold"
            _register(bold_name, bold)
    except Exception:  # a damaged or unsupported font file: the text is reported as unprintable instead
        return None
    _map_family(fallback.name, bold_name)
    return fallback.name, bold_name


def _map_family(regular: str, bold: str) -> None:
    # <b> inside a Paragraph picks the bold face through this family mapping, and a bold style (fontName=BOLD)
    # reads back as "this family, bold", so a fallback word in a bold heading is bold too. A font with no bold
    # face uses its regular face in bold text rather than failing. Italic 0 last: it is what the reverse map keeps.
    for italic in (1, 0):
        addMapping(regular, 0, italic, regular)
        addMapping(regular, 1, italic, bold)


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
    """Register DejaVu Sans (regular and bold) with reportlab, once per process.

    Symbola and the fallback fonts are registered the first time a word needs one (``_symbol_coverage``,
    ``_fallback_faces``): a sheet in English parses two font files, not twelve.
    """
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    _font(REGULAR)
    _font(BOLD)
    _map_family(REGULAR, BOLD)


def dejavu_faces() -> tuple[TTFont, TTFont]:
    """The two DejaVu faces (regular, bold), registered."""
    register_fonts()
    return _font(REGULAR), _font(BOLD)


def _coverage(name: str) -> frozenset[int]:
    return frozenset(_FONTS[name].face.charToGlyph)


@cache
def _main_coverage() -> frozenset[int]:
    """Code points both DejaVu faces have, so text prints the same in regular and in bold."""
    register_fonts()
    return _coverage(REGULAR) & _coverage(BOLD)


@cache
def _symbol_coverage() -> frozenset[int]:
    register_fonts()
    _font(SYMBOLS)
    _map_family(SYMBOLS, SYMBOLS)
    return _coverage(SYMBOLS)


@cache
def _fallback_coverage(fallback: Fallback) -> frozenset[int]:
    faces = _fallback_faces(fallback)
    if faces is None:
        return frozenset()
    regular, bold = faces
    return _coverage(regular) & _coverage(bold)


def _in_ranges(code: int, fallback: Fallback) -> bool:
    return any(low <= code <= high for low, high in fallback.ranges)


def clean(text: str) -> str:
    """The text with control characters and lone surrogates removed; line breaks and tabs become spaces."""
    if text.isprintable() and text.isascii():
        return text
    text = unicodedata.normalize("NFC", text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))
    return "".join(ch for ch in text if unicodedata.category(ch) not in _UNPRINTABLE_CATEGORIES)


def _covers(coverage: frozenset[int], word: str) -> bool:
    return all(ord(ch) in coverage or ord(ch) in _NEUTRAL for ch in word)


def _font_for_word(word: str) -> str | None:
    """The font a whole word is printed in: DejaVu, else the first fallback for its script, else Symbola.

    None: no single font has every character (the caller then goes character by character).
    """
    if _covers(_main_coverage(), word):
        return REGULAR
    for fallback in FALLBACKS:
        if any(_in_ranges(ord(ch), fallback) for ch in word) and _covers(_fallback_coverage(fallback), word):
            return fallback.name
    if _covers(_symbol_coverage(), word):
        return SYMBOLS
    return None


def _font_for_char(ch: str) -> str | None:
    """The font for one character of a word no single font can print; None if no font has it."""
    code = ord(ch)
    if code in _main_coverage() or code in _NEUTRAL:
        return REGULAR
    for fallback in FALLBACKS:
        if _in_ranges(code, fallback) and code in _fallback_coverage(fallback):
            return fallback.name
    return SYMBOLS if code in _symbol_coverage() else None


_EDGES = re.compile(r"(\W*)(.*?)(\W*)", re.DOTALL)


def _is_mark(ch: str) -> bool:
    """A character that belongs to the letter before it: a combining mark, a joiner or a variation selector."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ord(ch) in _NEUTRAL


def clusters(text: str) -> list[str]:
    """``text`` as grapheme clusters, near enough for choosing fonts: each letter with the marks after it."""
    out: list[str] = []
    for ch in text:
        if out and _is_mark(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _fonts_for_cluster(cluster: str) -> list[tuple[str, str | None]]:
    """A letter and its marks in the first font that has them all (so "ےً" stays in Noto Sans Arabic, shaped
    together); a mark goes with its letter only where that font has it, else into a font of its own."""
    font = _font_for_word(cluster)
    if font is not None:
        return [(cluster, font)]
    return [(ch, _font_for_char(ch) or REGULAR) for ch in cluster]


def _by_clusters(text: str) -> list[tuple[str, str | None]]:
    return [piece for cluster in clusters(text) for piece in _fonts_for_cluster(cluster)]


def _split_word(word: str) -> list[tuple[str, str | None]]:
    """Fonts for a word no one font can print: its leading and trailing punctuation apart from its letters, so
    "(اپنے)" keeps its Urdu letters in one font (joined); only then cluster by cluster (``_fonts_for_cluster``)."""
    edges = _EDGES.fullmatch(word)
    lead, core, trail = edges.groups() if edges is not None else ("", word, "")
    core_font = _font_for_word(core) if core and (lead or trail) else None
    if core_font is None:
        return _by_clusters(word)
    return [*_by_clusters(lead), (core, core_font), *_by_clusters(trail)]


def _runs(text: str) -> list[tuple[str, str | None]]:
    """(font, run) pairs covering ``text``; a space stays in the run it is in."""
    runs: list[tuple[str, str | None]] = []
    for word in re.split(r"( +)", text):
        if not word:
            continue
        if word.startswith(" ") and runs:
            runs[-1] = (runs[-1][0] + word, runs[-1][1])
            continue
        font = _font_for_word(word)
        pieces = [(word, font)] if font is not None else _split_word(word)
        for piece, piece_font in pieces:
            if runs and runs[-1][1] == piece_font:
                runs[-1] = (runs[-1][0] + piece, piece_font)
            else:
                runs.append((piece, piece_font))
    return runs


def markup(text: str) -> str:
    """Plain text as Paragraph markup: cleaned, XML-escaped, with words DejaVu lacks set in a fallback font.

    Every string that reaches a Paragraph goes through here or ``content_markup``: ``x<y`` would otherwise
    raise, and ``<font size=40>`` in a name would be obeyed. This one keeps nothing: it is for a patient's own
    details (name, numbers, record id, dates), which must not outlive their sheet in the process (hazard H3).
    """
    text = clean(text)
    if text.isascii():
        return escape(text)
    return "".join(_wrap(run, font) for run, font in _runs(text))


@lru_cache(maxsize=4096)
def content_markup(text: str) -> str:
    """``markup`` for the procedure's content and the sheet's fixed wording, kept: every sheet of a procedure
    says the same few hundred strings. Never a patient's details (``markup``): a cache that saw them would keep
    past patients' names in memory for thousands of discharges (``tests/sheet/test_markup_keeps_no_patient.py``).
    """
    return markup(text)


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_FONT_NAME = re.compile(r'<font name="([^"]+)">')


def _bold_faces() -> dict[str, str]:
    """Fallback regular face -> its bold face, for the fallbacks registered so far that have one (a few dict
    look-ups: ``_fallback_faces`` is cached, and a fallback not registered yet is in no markup)."""
    faces: dict[str, str] = {}
    for fallback in FALLBACKS:
        if fallback.name in _FONTS:
            found = _fallback_faces(fallback)
            if found is not None and found[1] != found[0]:
                faces[found[0]] = found[1]
    return faces


def bold_fallbacks(marked: str, bold: bool = False) -> str:
    """``marked`` with each fallback-font word inside ``<b>`` (or in a bold style, ``bold``) in that font's bold
    face: reportlab's ``<font name=...>`` takes the face named, regular, even in bold text, so a Gurmukhi word
    in a bold heading printed regular beside its bold Latin neighbours."""
    if "<font name=" not in marked:
        return marked
    faces = _bold_faces()
    depth = 1 if bold else 0
    out: list[str] = []
    for part in _TAG_OR_TEXT.split(marked):
        if part == "<b>":
            depth += 1
        elif part == "</b>":
            depth -= 1
        elif depth > 0 and (found := _FONT_NAME.fullmatch(part)) is not None and found.group(1) in faces:
            part = f'<font name="{faces[found.group(1)]}">'
        out.append(part)
    return "".join(out)


def _wrap(run: str, font: str | None) -> str:
    return escape(run) if font in (None, REGULAR) else f'<font name="{font}">{escape(run)}</font>'


def needs_shaping(text: str) -> bool:
    """Whether the text holds letters that must be shaped: Arabic, Hebrew, the Indic scripts, Thai."""
    return _NEEDS_SHAPING.search(text) is not None


def unprintable(text: str) -> frozenset[str]:
    """The characters of ``text`` that no font of the sheet has (they would print as empty boxes).

    The nurse's new-discharge form warns with these before the discharge starts.
    """
    missing = set()
    for ch in clean(text):
        if ord(ch) > 0x7F and _font_for_char(ch) is None:
            missing.add(ch)
    return frozenset(missing)
