"""Objects written from templates (``kiosk.sheet.templated``): the bytes reportlab formats, with this PDF's numbers.

The sheets themselves are compared byte for byte with reportlab's own writing in ``test_subset_cache.py``; these
pin the template's own rules on a real reportlab document.
"""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfdoc

from kiosk.sheet.templated import Slot, Templated, _as_pdfdoc, template


def _document() -> pdfdoc.PDFDocument:
    document = pdfdoc.PDFDocument(invariant=True)
    for name in ("first", "second"):
        document.Reference(pdfdoc.PDFDictionary({"Name": pdfdoc.PDFName(name)}), name)
    return document


def test_a_templated_object_is_the_object_reportlab_formats() -> None:
    document = _document()
    # reportlab sorts the keys, so the second reference comes first: the template follows its order.
    made = pdfdoc.PDFDictionary(
        {"Zed": pdfdoc.PDFObjectReference("first"), "Abc": pdfdoc.PDFObjectReference("second"), "N": 12.5}
    )
    marked = pdfdoc.PDFDictionary({"Zed": Slot(0), "Abc": Slot(1), "N": 12.5})
    written = Templated(template(marked.format(document), 2), ("first", "second"))
    assert written.format(document) == made.format(document)
    # Object 1 is reportlab's fonts dictionary; "first" is 2 and "second" 3.
    assert written.format(document) == b"<<\n/Abc 3 0 R /N 12.5 /Zed 2 0 R\n>>"


def test_a_template_must_hold_each_reference_once() -> None:
    document = _document()
    twice = pdfdoc.PDFArray([Slot(0), Slot(0)]).format(document)
    with pytest.raises(ValueError, match="each of its 1 references once"):
        template(twice, 1)
    with pytest.raises(ValueError, match="each of its 2 references once"):
        template(pdfdoc.PDFArray([Slot(0)]).format(document), 2)
    with pytest.raises(ValueError, match="differ in number"):
        Templated(template(pdfdoc.PDFArray([Slot(0)]).format(document), 1), ("first", "second"))


def test_a_streams_text_is_encoded_as_reportlab_encodes_it() -> None:
    """A stream's ASCII85 text is written as ASCII at once (``extpdfdoc`` is a slow charmap codec); any character
    the codec does not write as its own byte goes through reportlab's formatting as before."""
    document = _document()
    ascii85 = pdfdoc.PDFBase85Encode.encode(bytes(range(256)) * 8)
    assert isinstance(ascii85, str)
    every_ascii = "".join(map(chr, range(32, 128))) + "\t\n\r"
    for text in (ascii85, every_ascii, "é and ½", b"raw \x00 bytes"):
        assert _as_pdfdoc(text, document) == pdfdoc.format(text, document)
    for control in map(chr, range(24, 32)):  # the codec cannot write these: it fails the same way
        with pytest.raises(UnicodeEncodeError):
            pdfdoc.format(ascii85 + control, document)
        with pytest.raises(UnicodeEncodeError):
            _as_pdfdoc(ascii85 + control, document)
