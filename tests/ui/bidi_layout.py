"""Where Qt's own bidi algorithm draws a character: the tests' check that numbers in right-to-left text read in
order (issue 17)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption


def x_of(text: str, index: int) -> float:
    """Where character ``index`` of ``text`` is drawn in a right-to-left paragraph, on one line."""
    layout = QTextLayout(text, QFont("DejaVu Sans", 20))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(4000)
    layout.endLayout()
    return line.cursorToX(index)[0]
