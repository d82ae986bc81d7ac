"""Does everything on the screen showing now fit? Measured on the real widgets with the real (bundled) font.

Three things are checked on every visible control of a window:

- a label's text fits its contents rect (``QFontMetrics.boundingRect`` with the label's own alignment and word
  wrap: a wrapped label may take more lines, but not more height than it was given nor a word wider than it);
- a button is at least as big as its size hint (a QPushButton's text never wraps: any less and it is cut);
- no two visible controls overlap, and none sticks out of the window or, inside a scroll area that cannot scroll
  sideways, out of its viewport's width. Each control's rect is clipped to its ancestors first, so a field
  scrolled under the bottom of a scroll area is not "overlapping" the footer below it, but a footer laid over a
  field is.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QLabel)
SLACK = 1  # px: rounding between the font metrics and the layout


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text()[:40] if callable(text) and isinstance(text(), str) else ""
    return f"{type(widget).__name__}#{widget.objectName() or '?'} {shown!r}"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _clipped(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` that can be seen: its rect cut by every ancestor's rect up to the window."""
    rect = _window_rect(widget, window)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(_window_rect(parent, window))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _is_ancestor(ancestor: QWidget, widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parentWidget()
    return False


def label_problem(label: QLabel) -> str:
    text = label.text()
    if not text:
        return ""
    rect = label.contentsRect()
    margin = label.margin()
    rect = rect.adjusted(margin, margin, -margin, -margin)
    if label.indent() > 0:
        rect = rect.adjusted(label.indent(), 0, 0, 0)
    flags = int(label.alignment().value)
    if label.wordWrap():
        flags |= Qt.TextFlag.TextWordWrap.value
    needed = label.fontMetrics().boundingRect(rect, flags, text)
    if needed.width() > rect.width() + SLACK or needed.height() > rect.height() + SLACK:
        return (
            f"{_name(label)} needs {needed.width()}x{needed.height()} px, has {rect.width()}x{rect.height()}"
            f"{' (word wrap)' if label.wordWrap() else ''}"
        )
    return ""


def button_problem(button: QPushButton) -> str:
    """A button narrower or lower than its own size hint (text, icon, padding and border, or its minimum size
    from the theme) cuts its text: a QPushButton never wraps or shrinks its text."""
    if not QPushButton.text(button):  # a WrapButton's text is in its label, measured as a label
        return ""
    hint = button.sizeHint()
    if button.width() < hint.width() - SLACK or button.height() < hint.height() - SLACK:
        return f"{_name(button)} needs {hint.width()}x{hint.height()} px, has {button.width()}x{button.height()}"
    return ""


def _in_number_pad(widget: QWidget) -> bool:
    """The number pad's geometry is issue 12 item 5 (its own fixed-geometry test), not measured here."""
    from kiosk.ui.keypad import NumericKeypad

    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, NumericKeypad):
            return True
        parent = parent.parentWidget()
    return False


def _scroll_viewport(widget: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return parent
        parent = parent.parentWidget()
    return None


def fit_problems(window: QWidget) -> list[str]:
    """Every text that does not fit and every pair of overlapping controls on ``window`` as shown now."""
    settle()
    problems: list[str] = []
    controls = [w for w in window.findChildren(QWidget) if isinstance(w, CONTROLS) and _shown(w, window)]
    controls = [w for w in controls if not (isinstance(w, QLabel) and not w.text() and w.pixmap().isNull())]
    controls = [w for w in controls if not _in_number_pad(w)]
    visible: list[tuple[QWidget, QRect]] = []
    for widget in controls:
        if isinstance(widget, QLabel):
            problem = label_problem(widget)
        elif isinstance(widget, QPushButton):
            problem = button_problem(widget)
        else:
            problem = ""
        if problem:
            problems.append(problem)
        whole = _window_rect(widget, window)
        viewport = _scroll_viewport(widget)
        if viewport is None:
            if not window.rect().contains(whole):
                problems.append(f"{_name(widget)} at {whole.getRect()} is cut off by the window edge")
        else:
            port = _window_rect(viewport, window)
            if whole.left() < port.left() - SLACK or whole.right() > port.right() + SLACK:
                problems.append(f"{_name(widget)} at {whole.getRect()} is wider than its scroll area {port.getRect()}")
        seen = _clipped(widget, window)
        if not seen.isEmpty():
            visible.append((widget, seen))
    for i, (first, first_rect) in enumerate(visible):
        for second, second_rect in visible[i + 1 :]:
            if _is_ancestor(first, second) or _is_ancestor(second, first):
                continue
            common = first_rect.intersected(second_rect)
            if common.width() > SLACK and common.height() > SLACK:
                problems.append(f"{_name(first)} and {_name(second)} overlap at {common.getRect()}")
    return problems
