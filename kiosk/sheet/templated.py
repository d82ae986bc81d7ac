"""PDF objects formatted once, with each PDF's object numbers put in (issue 19: writing the PDF was a fifth of a
warm sheet, most of it reportlab formatting the same dictionaries, names and numbers again for every sheet).

A fixed object of the sheet (a font's dictionary and descriptor, a page's dictionary, a stream's dictionary, the
document information but its subject) differs from one PDF to the next only in the numbers of the objects it
refers to (and a stream's length). reportlab formats it by walking its dictionaries and encoding every name and
number each time. Here it is formatted by reportlab once, with a marker where each reference goes
(``template``), and each PDF's bytes are the pieces joined with that PDF's ``n 0 R`` (``Templated``, ``fill``):
byte for byte what reportlab's own formatting gives. Only the fixed parts are templated, never a value from a
patient's details (hazard H3): a stream's content is encoded afresh, the information's subject formatted afresh.
The sheet's canvas (``page.numbered_canvas``) gives its pages, form, page tree and information these classes, and
its document ``SheetDocument`` (each object's ``n 0 obj`` line and the cross-reference table as bytes at once);
any object not of the shape expected is formatted by reportlab as before.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from kiosk.sheet.bounded_cache import BoundedCache

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
        if isinstance(obj, Slot) or (name is None and not isinstance(obj, pdfdoc.PDFObject)):
            return obj  # a slot, or a plain value, which reportlab's Reference gives back as it is too
        raise ValueError(f"a templated object refers to {type(obj).__name__}, which is not a slot")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)


_LIMIT = 32  # templates of pages and document information kept: a ward's sheets have a handful of shapes
_templates: BoundedCache[tuple[Any, ...], Template] = BoundedCache(_LIMIT)


def _kept(key: tuple[Any, ...], make: Callable[[], Template]) -> Template:
    found = _templates.get(key)
    if found is not None:
        return found
    made = make()
    _templates.put(key, made)
    return made


def clear() -> None:
    """Forget every template (tests)."""
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


Marked = Callable[[], Any]  # makes an object's copy with a Slot in each of its references' places


def _resources(resources: Any, first: int) -> tuple[tuple[Any, ...], tuple[str, ...], Marked] | None:
    """For a resource dictionary of the sheet's usual shape (the fonts dictionary, procedure sets and named
    forms, nothing else): what it is made of besides its references, the names of the objects it refers to
    (slots ``first``, ``first + 1``, ...) and the maker of its marked copy; None for any other."""
    if type(resources) is not pdfdoc.PDFResourceDictionary:
        return None
    listed: Any = resources  # reportlab's stubs leave its attributes out
    font, procedures, xobjects = listed.Font, listed.ProcSet, listed.XObject
    if (
        type(font) is not pdfdoc.PDFObjectReference
        or type(procedures) is not list
        or not all(type(name) is str for name in procedures)
        or type(xobjects) not in (dict, pdfdoc.PDFDictionary)
        or any(getattr(listed, name) != {} for name in _OTHER_RESOURCES)
    ):
        return None
    named = _forms(xobjects)
    if not all(type(reference) is pdfdoc.PDFObjectReference for reference in named.values()):
        return None
    forms = sorted(named)

    def marked() -> Any:
        copied: Any = copy.copy(resources)
        copied.Font = Slot(first)
        slots = {form: Slot(first + 1 + index) for index, form in enumerate(forms)}
        # The same kind of mapping: the canvas gives a PDFDictionary, reportlab's default is a dict.
        copied.XObject = slots if type(xobjects) is dict else pdfdoc.PDFDictionary(slots)
        return copied

    key = ("resources", tuple(procedures), type(xobjects).__name__, *forms)
    return key, (font.name, *(named[form].name for form in forms)), marked


def _forms(xobjects: Any) -> dict[str, Any]:
    """A resource dictionary's named forms: its XObject mapping, a dict or reportlab's PDFDictionary."""
    named: dict[str, Any] = xobjects.dict if isinstance(xobjects, pdfdoc.PDFDictionary) else xobjects
    return named


def _filled(key: tuple[Any, ...], marked: Marked, slots: int, fills: tuple[str | bytes, ...], document: Any) -> bytes:
    """The object's bytes: its kept template (made from ``marked()`` formatted by reportlab) filled."""
    made = _kept(key, lambda: template(marked(), slots))
    return fill(made.pieces, tuple(fills[index] for index in made.order), document)


class SheetPage(pdfdoc.PDFPage):
    """reportlab's page, formatted from a template where it has the shape of the sheet's pages: a content
    stream, a media box, a rotation, an empty transition, and resources of the fonts dictionary, procedure sets
    and named forms. Any other page is formatted by reportlab as before.

    What the template is made from is the page's fixed dictionary; the page's own drawing (its content stream,
    with the patient's details) is a reference, formatted as its own object (``SheetStream``; hazard H3).
    """

    def format(self, document: Any) -> bytes:
        self.check_format(document)  # reportlab's own: the content stream, resources and parent are made here
        page: Any = self  # reportlab's stubs leave most of a page's attributes out
        if type(page.Contents) is pdfdoc.PDFStream:
            page.Contents.__class__ = SheetStream  # the page's drawing: its dictionary from a template too
        shape = self._shape()
        if shape is None:
            return super().format(document)
        key, names, marked_resources = shape
        # reportlab refers to the content stream, then the parent, in this order (PDFCatalog.__Refs__), which
        # registers the stream: its object number is the one reportlab gives it.
        contents = document.Reference(page.Contents).name
        parent = document.Reference(page.Parent).name

        def marked() -> bytes:
            copied: Any = copy.copy(self)
            copied.Contents, copied.Parent, copied.Resources = Slot(0), Slot(1), marked_resources()
            formatted: bytes = pdfdoc.PDFPage.format(copied, _Marking(document))
            return formatted

        return _filled(key, marked, 2 + len(names), (contents, parent, *names), document)

    def _shape(self) -> tuple[tuple[Any, ...], tuple[str, ...], Marked] | None:
        """What the page's dictionary is made of besides its references, the names its resources refer to and
        the maker of the resources' marked copy; None when the page is not of the usual shape."""
        page: Any = self
        if "Type" in vars(page) or "__InternalName__" not in vars(page):
            return None
        for name in page.__NoDefault__:
            if name not in _PAGE_ENTRIES and getattr(page, name, None) is not None:
                return None
        media = _simple_array(page.MediaBox)
        trans: Any = page.Trans
        resources = _resources(page.Resources, 2)
        if (
            media is None
            or resources is None
            or type(page.Rotate) is not int
            or not isinstance(page.Contents, pdfdoc.PDFStream)
            or type(page.Parent) is not pdfdoc.PDFObjectReference
            or (trans is not None and (type(trans) is not pdfdoc.PDFDictionary or trans.dict))
        ):
            return None
        key = ("page", rl_config.pdfMultiLine, media, page.Rotate, trans is None, resources[0])
        return key, resources[1], resources[2]


_KNOWN_FILTERS = (pdfdoc.PDFZCompress, pdfdoc.PDFBase85Encode)


def _encoded_as_themselves() -> str:
    """The ASCII characters reportlab's ``extpdfdoc`` codec writes as their own byte (all but a few controls)."""
    same = []
    for code in range(128):
        try:
            if chr(code).encode("extpdfdoc") == bytes((code,)):
                same.append(chr(code))
        except UnicodeEncodeError:
            continue
    return "".join(same)


_NOT_THEMSELVES = re.compile("[^" + re.escape(_encoded_as_themselves()) + "]")


def _as_pdfdoc(content: str | bytes, document: Any) -> bytes:
    """``pdfdoc.format`` of a stream's encoded content: a str is encoded with ``extpdfdoc``, a Python charmap
    codec (65 µs for the 2 KB of a page's ASCII85 text); where every character is one it writes as its own byte
    (ASCII85 text always is), ASCII gives the same bytes at once."""
    if isinstance(content, str) and _NOT_THEMSELVES.search(content) is None:
        return content.encode("ascii")
    formatted: bytes = pdfdoc.format(content, document)
    return formatted


class SheetStream(pdfdoc.PDFStream):
    """reportlab's stream, its content encoded by its own filters each time (it is a page's or the header's
    drawing, with the patient's details) and its dictionary formatted from a template where the dictionary is
    of fixed names, numbers, number arrays and the usual resources: its length is filled in for each PDF."""

    def format(self, document: Any) -> bytes:
        shape = self._shape(document)
        if shape is None:
            return super().format(document)
        key, names, marked_resources = shape
        # reportlab's PDFStream.format, step by step: the filters in reverse order, then the encryption (none).
        content = self.content
        for encoding in reversed(self.filters):
            content = encoding.encode(content)
        content = document.encrypt.encode(content)
        formatted = _as_pdfdoc(content, document)
        length: bytes = pdfdoc.format(len(content), document)

        def marked() -> bytes:
            entries = dict(self.dictionary.dict)
            if marked_resources is not None:
                entries["Resources"] = marked_resources()
            entries["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(encoding.pdfname) for encoding in self.filters])
            entries["Length"] = Slot(len(names))
            dictionary: bytes = pdfdoc.format(pdfdoc.PDFDictionary(entries), _Marking(document))
            return dictionary

        return (
            _filled(key, marked, len(names) + 1, (*names, length), document)
            + b"\nstream\n"
            + formatted
            + b"endstream\n"
        )

    def _shape(self, document: Any) -> tuple[tuple[Any, ...], tuple[str, ...], Marked | None] | None:
        filters = self.filters
        dictionary: Any = self.dictionary
        if (
            type(filters) is not list
            or not filters
            or not all(any(encoding is known for known in _KNOWN_FILTERS) for encoding in filters)
            or not isinstance(self.content, (str, bytes))
            or not isinstance(document.encrypt, pdfdoc.NoEncryption)
            or type(dictionary) is not pdfdoc.PDFDictionary
            or type(dictionary.dict) is not dict
            or "Filter" in dictionary.dict
            or "Length" in dictionary.dict
        ):
            return None
        entries: list[tuple[Any, ...]] = []
        names: tuple[str, ...] = ()
        marked_resources: Marked | None = None
        for name, value in sorted(dictionary.dict.items()):
            if type(value) in _SIMPLE:
                entries.append((name, type(value).__name__, value))
            elif type(value) is pdfdoc.PDFArray and (array := _simple_array(value)) is not None:
                entries.append((name, "array", array))
            elif name == "Resources" and (resources := _resources(value, 0)) is not None:
                entries.append((name, resources[0]))
                names, marked_resources = resources[1], resources[2]
            else:
                return None
        encodings = tuple(encoding.pdfname for encoding in filters)
        return ("stream", rl_config.pdfMultiLine, encodings, *entries), names, marked_resources


class SheetForm(pdfdoc.PDFFormXObject):
    """reportlab's form (the sheet's header and footer, drawn once), its stream a ``SheetStream``: reportlab's
    own form set-up, with the stream it would make of the same class as a page's."""

    def format(self, document: Any) -> bytes:
        if not self.Contents and self.stream:  # as reportlab makes it (PDFFormXObject.format), a SheetStream
            stream: Any = SheetStream()
            stream.content = self.stream
            stream.__Comment__ = "xobject form stream"
            self.Contents = stream
        formatted: bytes = super().format(document)
        return formatted


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


class SheetPages(pdfdoc.PDFPages):
    """reportlab's page tree (one node, no parent), formatted from a template for its number of pages."""

    def format(self, document: Any) -> bytes:
        tree: Any = self
        if "Type" in vars(tree) or getattr(tree, "Parent", None) is not None:
            return super().format(document)
        # reportlab's check_format refers to every page in order (registering any not yet registered).
        kids = [document.Reference(page).name for page in tree.pages]

        def marked() -> bytes:
            copied: Any = copy.copy(self)
            copied.pages = [Slot(index) for index in range(len(kids))]
            formatted: bytes = pdfdoc.PDFPages.format(copied, _Marking(document))
            return formatted

        return _filled(("pages", rl_config.pdfMultiLine, len(kids)), marked, len(kids), tuple(kids), document)


class SheetDocument(pdfdoc.PDFDocument):
    """reportlab's document, its objects written in the same order with the same numbers and offsets, each
    object's ``n 0 obj`` line, the cross-reference table and the trailer formatted as bytes at once (reportlab
    builds a ``PDFIndirectObject`` an object and encodes the table's lines through its charmap codec): digits,
    names and spaces, the same bytes. An encrypted, signed or commented PDF is formatted by reportlab as before."""

    def format(self) -> bytes:
        document: Any = self  # reportlab's stubs leave most of its attributes out
        if (
            not isinstance(document.encrypt, pdfdoc.NoEncryption)
            or (not rl_config.invariant and rl_config.pdfComments)
            or getattr(document, "_digiSigs", None)
        ):
            formatted: bytes = super().format()
            return formatted
        # reportlab's PDFDocument.format, step by step (no encryption dictionary: NoEncryption has none).
        document.encrypt.prepare(document)
        catalog, info = document.Catalog, document.info
        document.Reference(catalog)
        document.Reference(info)
        numbers, objects = document.numberToId, document.idToObject
        versions, offsets = document.idToObjectNumberAndVersion, document.idToOffset
        file = document.__accum__ = pdfdoc.PDFFile(document._pdfVersion)
        counter = 0
        entries = ["0000000000 65535 f "]
        while True:
            counter += 1
            if counter not in numbers:
                break
            name = numbers[counter]
            number, version = versions[name]
            document.encrypt.register(number, version)
            content = pdfdoc.format(objects[name], document, toplevel=1)
            written = (
                f"{number} {version} obj\n".encode("ascii")  # reportlab's "%s %s obj\n", digits either way
                + content
                + (b"" if content.endswith(b"\n") else b"\n")
                + b"endobj\n"
            )
            offset = offsets[name] = file.add(written)
            if number != counter:  # reportlab's table would put it elsewhere, or refuse: let it
                del document.__accum__
                raise ValueError(f"object {name!r} is numbered {number}, not {counter}")
            entries.append(f"{offset:010d} {version:05d} n ")  # reportlab's "%0.10d %0.5d n "
        del document.__accum__
        count = len(numbers)
        if counter - 1 != count:
            raise ValueError(f"counter {counter} doesn't match number to id dictionary {count}")
        table = b"xref\n" + "\n".join([f"0 {count + 1}", *entries, ""]).encode("ascii")
        start = file.add(table)
        # reportlab's PDFTrailer: its dictionary's keys sorted (ID, Info, Root, Size), one a line.
        root, information = document.Reference(catalog).format(document), document.Reference(info).format(document)
        size: bytes = pdfdoc.format(count + 1, document)
        trailer = (
            b"trailer\n<<\n/ID " + document.ID() + b"\n/Info " + information + b"\n/Root " + root + b"\n/Size " + size
        )
        file.add(trailer + b"\n>>\nstartxref\n" + str(start).encode("ascii") + b"\n%%EOF\n")
        whole: bytes = file.format(document)
        return whole
