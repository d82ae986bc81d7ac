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

import copy
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

from reportlab import rl_config
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
    the referred objects are looked up by name when the PDF is formatted, as reportlab's references are. A fill
    given as bytes is put in as it is (a value formatted afresh for this PDF).
    """

    __RefOnly__ = 1  # written as an indirect object and referred to, as the objects it stands for are

    def __init__(self, formatted: Template, references: tuple[str | bytes, ...], comment: str | None = None) -> None:
        """``references``: the names of the objects the template's slots 0, 1, ... stand for."""
        if len(formatted.order) != len(references):
            raise ValueError("a template and its references differ in number")
        self.pieces = formatted.pieces
        self.references = tuple(references[index] for index in formatted.order)
        if comment is not None:
            self.__Comment__ = comment  # what reportlab prints above the object when pdfComments is on

    def format(self, document: Any) -> bytes:
        return fill(self.pieces, self.references, document)


def fill(pieces: tuple[bytes, ...], references: tuple[str | bytes, ...], document: Any) -> bytes:
    """The pieces joined with each reference's ``n 0 R`` (the named object's number in ``document``), as
    reportlab's ``PDFObjectReference`` formats it, or with the bytes given."""
    numbers = document.idToObjectNumberAndVersion
    out = [pieces[0]]
    for name, piece in zip(references, pieces[1:], strict=True):
        out.append(name if isinstance(name, bytes) else b"%d %d R" % numbers[name])
        out.append(piece)
    return b"".join(out)


class _Marking:
    """The document a template is formatted against: a ``Slot`` is its own reference, and nothing else may be
    referred to (the object would be registered in no PDF); anything else is the real document's."""

    def __init__(self, document: Any) -> None:
        self._document = document

    def Reference(self, obj: Any, name: str | None = None) -> Any:  # reportlab's name for it
        if isinstance(obj, Slot):
            return obj
        raise ValueError(f"a templated object refers to {type(obj).__name__}, which is not a slot")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)


_LIMIT = 32  # templates of pages and document information kept: a ward's sheets have a handful of shapes
_templates: OrderedDict[tuple[Any, ...], Template] = OrderedDict()
_lock = threading.Lock()  # a sheet is built ahead on the records lane while another may be built elsewhere


def _kept(key: tuple[Any, ...], make: Callable[[], Template]) -> Template:
    with _lock:
        found = _templates.get(key)
        if found is not None:
            _templates.move_to_end(key)
            return found
    made = make()
    with _lock:
        _templates[key] = made
        while len(_templates) > _LIMIT:
            _templates.popitem(last=False)
    return made


def clear() -> None:
    """Forget every template (tests)."""
    with _lock:
        _templates.clear()


def kept() -> int:
    """How many templates are kept (tests: that they were used)."""
    return len(_templates)


_SIMPLE = (int, float, str)
_PAGE_ENTRIES = frozenset({"Contents", "MediaBox", "Parent", "Resources", "Rotate", "Trans"})
_OTHER_RESOURCES = tuple(
    name for name in pdfdoc.PDFResourceDictionary.dict_attributes if name not in ("Font", "XObject")
)


def _simple_array(value: Any) -> tuple[Any, ...] | None:
    if type(value) is not pdfdoc.PDFArray or not all(type(item) in _SIMPLE for item in value.sequence):
        return None
    return (value.multiline, *value.sequence)


class SheetPage(pdfdoc.PDFPage):
    """reportlab's page, formatted from a template where it has the shape of the sheet's pages: a content
    stream, a media box, a rotation, an empty or plain transition, and resources of the fonts dictionary, the
    basic or all procedure sets and named forms. Any other page is formatted by reportlab as before.

    What the template is made from is the page's fixed dictionary; the page's own drawing (its content stream,
    with the patient's details) is a reference, formatted by reportlab as its own object (hazard H3).
    """

    def format(self, document: Any) -> bytes:
        self.check_format(document)  # reportlab's own: the content stream, resources and parent are made here
        key = self._shape()
        if key is None:
            return super().format(document)
        # reportlab refers to the content stream, then the parent, in this order (PDFCatalog.__Refs__), which
        # registers the stream: its object number is the one reportlab gives it.
        contents = document.Reference(self.Contents).name
        parent = document.Reference(self.Parent).name
        resources: Any = self.Resources
        named = _forms(resources.XObject)
        forms = sorted(named)
        references = (contents, parent, resources.Font.name, *(named[form].name for form in forms))
        made = self._template(key, forms, document)
        return fill(made.pieces, tuple(references[index] for index in made.order), document)

    def _template(self, key: tuple[Any, ...], forms: list[str], document: Any) -> Template:
        def make() -> Template:
            marked: Any = copy.copy(self)
            marked.Contents, marked.Parent = Slot(0), Slot(1)
            resources: Any = copy.copy(self.Resources)
            marked.Resources = resources
            resources.Font = Slot(2)
            slots = {form: Slot(3 + index) for index, form in enumerate(forms)}
            # The same kind of mapping as the page's: the canvas gives a PDFDictionary, reportlab's default is {}.
            kind = type(resources.XObject)
            resources.XObject = slots if kind is dict else pdfdoc.PDFDictionary(slots)
            return template(pdfdoc.PDFPage.format(marked, _Marking(document)), 3 + len(forms))

        return _kept(key, make)

    def _shape(self) -> tuple[Any, ...] | None:
        """What the page's dictionary is made of, besides its references; None when it is not the usual shape."""
        page: Any = self  # reportlab's stubs leave most of a page's attributes out
        if "Type" in vars(page) or "__InternalName__" not in vars(page):
            return None
        for name in page.__NoDefault__:
            if name not in _PAGE_ENTRIES and getattr(page, name, None) is not None:
                return None
        media = _simple_array(page.MediaBox)
        trans: Any = page.Trans
        if type(page.Resources) is not pdfdoc.PDFResourceDictionary:
            return None
        resources: Any = page.Resources
        if (
            media is None
            or type(page.Rotate) is not int
            or not isinstance(page.Contents, pdfdoc.PDFStream)
            or type(page.Parent) is not pdfdoc.PDFObjectReference
            or (trans is not None and (type(trans) is not pdfdoc.PDFDictionary or trans.dict))
            or type(resources.Font) is not pdfdoc.PDFObjectReference
            or type(resources.ProcSet) is not list
            or not all(type(name) is str for name in resources.ProcSet)
            or type(resources.XObject) not in (dict, pdfdoc.PDFDictionary)
            or not all(type(ref) is pdfdoc.PDFObjectReference for ref in _forms(resources.XObject).values())
            or any(getattr(resources, name) != {} for name in _OTHER_RESOURCES)
        ):
            return None
        forms = (type(resources.XObject).__name__, *sorted(_forms(resources.XObject)))
        return ("page", rl_config.pdfMultiLine, media, page.Rotate, trans is None, tuple(resources.ProcSet), forms)


def _forms(xobjects: Any) -> dict[str, Any]:
    """A page's named forms: its resources' XObject mapping, a dict or reportlab's PDFDictionary."""
    named: dict[str, Any] = xobjects.dict if isinstance(xobjects, pdfdoc.PDFDictionary) else xobjects
    return named


_SUBJECT_MARK = "0"  # the subject the information's template is formatted with, found again as "/Subject (0)"


class SheetInformation(pdfdoc.PDFInfo):
    """reportlab's document information, formatted from a template of every entry but the subject, which holds
    the record id (a patient's detail: formatted afresh for each PDF, never kept; hazard H3). Only for an
    invariant PDF (its dates are fixed, as the sheet's are) with reportlab's own date format."""

    _dateFormatter: Any  # reportlab's; its stubs leave it out

    def format(self, document: Any) -> bytes:
        if (
            not document.invariant
            or self._dateFormatter is not None
            or not isinstance(document.encrypt, pdfdoc.NoEncryption)  # strings would differ by object number
        ):
            return super().format(document)
        stamp = document._timeStamp
        key = (
            "information",
            rl_config.pdfMultiLine,
            self.title,
            self.author,
            self.producer,
            self.creator,
            self.keywords,
            self.trapped,
            tuple(stamp.YMDhms),
            stamp.dhh,
            stamp.dmm,
        )

        def make() -> Template:
            marked = copy.copy(self)
            marked.subject = _SUBJECT_MARK
            before, mark, after = pdfdoc.PDFInfo.format(marked, document).partition(b"/Subject (0)")
            if not mark or b"/Subject (0)" in after:
                raise ValueError("the document information's subject is not where it was looked for")
            return Template((before + b"/Subject ", after), (0,))

        made = _kept(key, make)
        return fill(made.pieces, (pdfdoc.format(pdfdoc.PDFString(self.subject), document),), document)
