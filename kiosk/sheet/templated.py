"""PDF objects formatted once, with each PDF's object numbers put in (issue 19: writing the PDF was a fifth of a
warm sheet, most of it reportlab formatting the same dictionaries, names and numbers again for every sheet).

A fixed object of the sheet (a font's dictionary and descriptor, a page's dictionary, the catalog) differs from
one PDF to the next only in the numbers of the objects it refers to. reportlab formats it by walking its
dictionaries and encoding every name and number each time. Here it is formatted by reportlab once, with a
marker where each reference goes (``template``), and each PDF's bytes are the pieces joined with that PDF's
``n 0 R`` (``Templated``): byte for byte what reportlab's own formatting gives. Only objects made from the
sheet's fixed parts are templated, never one holding a patient's details (hazard H3).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from reportlab.pdfbase import pdfdoc

# A reference's place in a template: NUL never occurs in a formatted dictionary of names, numbers and
# references (strings escape it), so the markers cannot be mistaken for an object's own bytes.
_MARK = b"\x00"


class Slot(pdfdoc.PDFObject):
    """Stands for the ``index``-th reference of an object while its template is formatted."""

    def __init__(self, index: int) -> None:
        self.marker = b"%s%d%s" % (_MARK, index, _MARK)

    def format(self, document: Any) -> bytes:
        return self.marker


class Template(NamedTuple):
    """An object's formatted bytes cut at its references: ``pieces`` has one more item than ``order``, which says
    which reference (by ``Slot`` index) comes after each piece but the last."""

    pieces: tuple[bytes, ...]
    order: tuple[int, ...]


_MARKER = re.compile(re.escape(_MARK) + rb"(\d+)" + re.escape(_MARK))


def template(formatted: bytes, references: int) -> Template:
    """The template of bytes formatted with ``Slot(0)`` to ``Slot(references - 1)`` in the references' places
    (each once, in whatever order the formatting put them: reportlab sorts a dictionary's keys)."""
    parts = _MARKER.split(formatted)
    pieces, order = tuple(parts[0::2]), tuple(int(index) for index in parts[1::2])
    if sorted(order) != list(range(references)) or any(_MARK in piece for piece in pieces):
        raise ValueError(f"the formatted object does not hold each of its {references} references once")
    return Template(pieces, order)


class Templated(pdfdoc.PDFObject):
    """An indirect object of one PDF written from its template and the names of the objects it refers to.

    Registered with ``document.Reference`` like the object it replaces (so it gets the same object number);
    the referred objects are looked up by name when the PDF is formatted, as reportlab's references are.
    """

    __RefOnly__ = 1  # written as an indirect object and referred to, as the objects it stands for are

    def __init__(self, formatted: Template, references: tuple[str, ...], comment: str | None = None) -> None:
        """``references``: the names of the objects the template's slots 0, 1, ... stand for."""
        if len(formatted.order) != len(references):
            raise ValueError("a template and its references differ in number")
        self.pieces = formatted.pieces
        self.references = tuple(references[index] for index in formatted.order)
        if comment is not None:
            self.__Comment__ = comment  # what reportlab prints above the object when pdfComments is on

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        pieces = self.pieces
        out = [pieces[0]]
        for name, piece in zip(self.references, pieces[1:], strict=True):
            out.append(b"%d %d R" % numbers[name])
            out.append(piece)
        return b"".join(out)
