"""Font subsets written once per distinct subset, not once per sheet (issue 19: PDF writing was 3 ms a sheet).

reportlab embeds, for each 256-character subset of each font a PDF uses, the subset's font program (cut out of
the TrueType file, then zlib-compressed), its ToUnicode map (compressed too) and its widths array. That is
a third of writing a sheet, and it is a pure function of the font and the subset's characters in code order:
the subset's name (``AAAAAA+DejaVuSans``) follows only from its number. An English sheet's first subset of each
DejaVu face holds all of ASCII (reportlab's ``asciiReadable`` subset) and ``paragraphs.FIXED_CODES``, so it is
the same for every patient whose details are in ASCII, whatever their name, escort or phone number: that is
where this pays on a ward. A subset with any other character (a name with a Polish letter, a translated
sheet's content) is cut and written afresh each time, and not kept.

Only PDFs that ask for it (``cache_subsets_for``: the sheet's canvas) use it; any other PDF made with these fonts
(the benchmark's floor, a test's own canvas) is written by reportlab as before. The key is the font and the
subset's whole character list (and its name in the PDF), so what is written again is byte for byte what writing
it afresh would give (hazard H3: a glyph of another patient's subset can never be used;
``tests/sheet/test_subset_cache.py``).
"""

from __future__ import annotations

import weakref
from typing import Any, NamedTuple

from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.sheet.bounded_cache import BoundedCache
from kiosk.sheet.templated import Slot, Template, Templated, template

LIMIT = 24  # formatted subsets kept (about 20 KB each); a ward keeps two: the DejaVu faces' ASCII subsets


class _Parts(NamedTuple):
    """A subset's PDF objects, formatted: the font program and ToUnicode streams, and the templates of the font's
    dictionary and its descriptor (they refer to the others by this PDF's object numbers)."""

    font_file: bytes
    cmap: bytes
    font: Template
    descriptor: Template


# (font name, subset number, its PDF name, the subset's characters in code order) -> its formatted objects.
# Shared by threads (a sheet is built ahead on the records lane): see ``bounded_cache``.
_formatted: BoundedCache[tuple[str, int, str, tuple[int, ...]], _Parts] = BoundedCache(LIMIT)
# The PDFs that use the cache -> the characters beyond ASCII a subset it keeps may hold.
_documents: weakref.WeakKeyDictionary[Any, frozenset[int]] = weakref.WeakKeyDictionary()


def cache_subsets_for(document: Any, fixed: str) -> None:
    """Let the fonts of this reportlab ``PDFDocument`` write their subsets from the cache, and keep those that hold
    only ASCII and the characters of ``fixed`` (the ones every sheet codes first, ``paragraphs.FIXED_CODES``).

    A subset with any other character (a patient's name in Polish, say) is written afresh and not kept: nothing
    drawn from a patient's details stays in memory for the next sheet (hazard H3), not even which letters it had.
    """
    _documents[document] = frozenset(map(ord, fixed))


def clear() -> None:
    """Forget every formatted subset (tests)."""
    _formatted.clear()


def cached() -> int:
    """How many formatted subsets are kept (tests: that the cache was used)."""
    return len(_formatted)


class _Formatted(pdfdoc.PDFObject):
    """A PDF object already formatted: its bytes are written as they are."""

    def __init__(self, formatted: bytes, top_level: bool) -> None:
        self.formatted = formatted
        if top_level:
            self.__RefOnly__ = 1  # a stream: written as an indirect object, as reportlab's PDFStream is

    def format(self, document: Any) -> bytes:
        return self.formatted


def _formats_as_reportlab_does(document: Any) -> bool:
    # Encryption would make a stream's bytes depend on its object number, and the sheet is never encrypted.
    return document in _documents and isinstance(document.encrypt, pdfdoc.NoEncryption)


class SubsetCachingTTFont(TTFont):
    """A TrueType font whose subsets, in a PDF that asks for it, are cut and formatted once per distinct subset.

    ``addObjects`` is reportlab 5.1's, with the four objects that depend only on the subset taken from the
    cache: the font program and ToUnicode streams, formatted, and the font's dictionary (with its widths) and its
    descriptor, formatted as reportlab formats them with markers where they refer to the others
    (``templated``: issue 19's sixth session, 0.1 ms a sheet), written with this PDF's object numbers.
    """

    _asciiReadable: bool  # set by TTFont.__init__; reportlab's stubs leave it out

    def addObjects(self, doc: Any) -> None:
        if not _formats_as_reportlab_does(doc):
            super().addObjects(doc)
            return
        state = self.state.get(doc)
        if state is None:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face: Any = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = (b"".join((ttfonts.SUBSETN(n), b"+", face.name, face.subfontNameX))).decode("pdfdoc")
            parts = self._parts(doc, n, subset, internal_name, base_font_name)
            # Registered in reportlab's order (ToUnicode map, font program, descriptor, font), so each gets the
            # object number reportlab's own addObjects gives it.
            cmap_name = "toUnicodeCMap:" + base_font_name
            file_name = f"fontFile:{face.filename}({base_font_name})"
            descriptor_name = "fontDescriptor:" + base_font_name
            doc.Reference(_Formatted(parts.cmap, top_level=True), cmap_name)
            doc.Reference(_Formatted(parts.font_file, top_level=True), file_name)
            doc.Reference(Templated(parts.descriptor, (file_name,)), descriptor_name)
            pdf_font = Templated(parts.font, (cmap_name, descriptor_name), f"Font {self.fontName} subset {n}")
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]

    def _parts(self, doc: Any, n: int, subset: list[int], internal_name: str, base_font_name: str) -> _Parts:
        key = (self.fontName, n, internal_name, tuple(subset))
        parts = _formatted.get(key)
        if parts is not None:
            return parts
        face: Any = self.face
        font_file = pdfdoc.PDFStream()
        font_file.content = face.makeSubset(subset)
        font_file.dictionary["Length1"] = len(font_file.content)
        cmap = pdfdoc.PDFStream()
        cmap.content = ttfonts.makeToUnicodeCMap(base_font_name, subset)
        if doc.compression:
            font_file.filters = [pdfdoc.PDFZCompress]
            cmap.filters = [pdfdoc.PDFZCompress]
        # The font and its descriptor as reportlab makes them, with markers where they refer to the ToUnicode map,
        # the descriptor and the font program (``templated``).
        pdf_font: Any = pdfdoc.PDFTrueTypeFont()
        pdf_font.Name = internal_name
        pdf_font.BaseFont = base_font_name
        pdf_font.FirstChar = 0
        pdf_font.LastChar = len(subset) - 1
        pdf_font.Widths = pdfdoc.PDFArray(list(map(face.getCharWidth, subset)))
        pdf_font.ToUnicode = Slot(0)
        pdf_font.FontDescriptor = Slot(1)
        parts = _Parts(
            font_file.format(doc),
            cmap.format(doc),
            template(pdf_font.format(doc), 2),
            template(self._descriptor(base_font_name).format(doc), 1),
        )
        # Kept only when every character is ASCII or fixed (see cache_subsets_for); an uncompressed PDF is not
        # one of the kiosk's.
        fixed = _documents[doc]
        if doc.compression and all(code < 128 or code in fixed for code in subset):
            _formatted.put(key, parts)
        return parts

    def _descriptor(self, base_font_name: str) -> Any:
        """reportlab's ``TTFontFace.addSubsetObjects``' descriptor, its font program's reference a ``Slot``."""
        face: Any = self.face
        flags = (face.flags & ~ttfonts.FF_NONSYMBOLIC) | ttfonts.FF_SYMBOLIC
        return pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": flags,
                "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_font_name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": Slot(0),
                "MissingWidth": face.defaultWidth,
            }
        )
