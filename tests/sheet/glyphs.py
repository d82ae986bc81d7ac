"""Where each word of a built PDF is drawn: glyph x positions read back with pypdf, for word-order tests.

A PDF text extractor cannot be trusted with word order in right-to-left text (pypdf reorders Arabic itself), so
this follows the content stream: text matrices, ``cm``, form XObjects (the header), ``Tj``/``TJ`` with each
glyph's width from the font's ``/Widths``, and each code's letters from its ``/ToUnicode`` map. Only what
reportlab writes is handled: simple (one byte a code) fonts, horizontal text, no text rise or scaling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pypdf
from pypdf.generic import ContentStream

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


@dataclass(frozen=True)
class Word:
    text: str  # NFKC (Arabic presentation forms back to letters), glyphs in the order drawn (left to right)
    x: float  # left edge on the page
    y: float  # baseline on the page


def _mul(a: Matrix, b: Matrix) -> Matrix:
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def _to_unicode(font: Any) -> dict[int, str]:
    found: dict[int, str] = {}
    if "/ToUnicode" not in font:
        return found
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            found[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, start in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int.from_bytes(bytes.fromhex(start), "big")
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                found[code] = chr(first + offset)
    return found


class _Font:
    def __init__(self, font: Any) -> None:
        self.first = int(font.get("/FirstChar", 0))
        self.widths = [float(w) for w in font.get("/Widths", [])]
        self.unicode = _to_unicode(font)

    def width(self, code: int) -> float:
        index = code - self.first
        return self.widths[index] / 1000 if 0 <= index < len(self.widths) else 0.5


def words(page: pypdf.PageObject) -> list[Word]:
    """Every word drawn on ``page`` (split at space glyphs), with where it starts."""
    out: list[Word] = []
    _run(page.get_contents(), page.get("/Resources"), page.pdf, IDENTITY, out)
    return out


def _bytes(value: Any) -> bytes:
    original = getattr(value, "original_bytes", None)
    return bytes(original) if original is not None else bytes(value)


def _run(contents: Any, resources: Any, pdf: Any, ctm: Matrix, out: list[Word]) -> None:
    resources = resources.get_object() if resources is not None else {}
    fonts = {name: _Font(font.get_object()) for name, font in resources.get("/Font", {}).items()}
    xobjects = resources.get("/XObject", {})
    stack: list[Matrix] = []
    tm = line = IDENTITY
    font: _Font | None = None
    size = leading = 0.0
    current: list[str] = []
    start: tuple[float, float] | None = None

    def flush() -> None:
        nonlocal current, start
        if current and start is not None:
            out.append(Word(unicodedata.normalize("NFKC", "".join(current)), *start))
        current, start = [], None

    def show(data: bytes) -> None:
        nonlocal tm, start
        assert font is not None
        for code in data:
            char = font.unicode.get(code, "")
            if char == " " or not char.strip():
                flush()
            else:
                if start is None:
                    page_at = _mul(tm, ctm)
                    start = (page_at[4], page_at[5])
                current.append(char)
            tm = _mul((1, 0, 0, 1, font.width(code) * size, 0), tm)

    for operands, operator in ContentStream(contents, pdf).operations:
        op = operator.decode() if isinstance(operator, bytes) else operator
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            ctm = _mul(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif op == "BT":
            tm = line = IDENTITY
        elif op == "ET":
            flush()
        elif op == "Tf":
            font, size = fonts.get(operands[0]), float(operands[1])
        elif op == "TL":
            leading = float(operands[0])
        elif op == "Tm":
            flush()
            tm = line = tuple(float(v) for v in operands)  # type: ignore[assignment]
        elif op in ("Td", "TD"):
            flush()
            tm = line = _mul((1, 0, 0, 1, float(operands[0]), float(operands[1])), line)
        elif op == "T*":
            flush()
            tm = line = _mul((1, 0, 0, 1, 0, -leading), line)
        elif op == "Tj":
            show(_bytes(operands[0]))
        elif op == "TJ":
            for item in operands[0]:
                if isinstance(item, (int, float)) or hasattr(item, "as_numeric"):
                    tm = _mul((1, 0, 0, 1, -float(item) / 1000 * size, 0), tm)
                else:
                    show(_bytes(item))
        elif op == "Do" and operands[0] in xobjects:
            form = xobjects[operands[0]].get_object()
            if form.get("/Subtype") == "/Form":
                matrix = tuple(float(v) for v in form.get("/Matrix", IDENTITY))
                _run(form, form.get("/Resources", resources), pdf, _mul(matrix, ctm), out)  # type: ignore[arg-type]
    flush()
