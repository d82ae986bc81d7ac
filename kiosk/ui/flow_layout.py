"""Layouts and buttons that wrap instead of clipping when the text is large or the screen is narrow.

``FlowLayout`` puts its items in a row and starts a new row when the next one does not fit (Qt's own "flow
layout" example, reduced to what the kiosk needs). ``WrapButton`` is a push button whose text wraps onto more
lines when it is given less width than the text needs: a QPushButton's own text never wraps, so at the largest
text size "Nobody is staying with me" came out as "›body is staying with r". ``wrap_button`` makes one themed,
as ``kiosk.ui.widgets.button`` makes the others; it lives here, not there, so that the start screen (which has no
wrapping button) does not import this module before its first paint (issue 19).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QPushButton, QSizePolicy, QVBoxLayout, QWidget
from shiboken6 import delete, getCppPointer, wrapInstance

from kiosk.ui.widgets import remember_text, second_commit, themed


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row; its height follows its width (height-for-width)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 16) -> None:
        super().__init__(parent)
        # The items by their C++ address, not by their Python wrappers. PySide invalidates a layout item's
        # wrapper while the C++ item still lives and still belongs to this layout: ``removeWidget`` does it
        # before Qt looks for the item, and deleting a screen written in Python does it to every wrapper under
        # it before Qt deletes anything. Items kept as wrappers (and skipped once invalid) were never taken out
        # nor deleted: the C++ items stayed in the heap, a few dozen a discharge (issue 19). Qt only deletes an
        # item this layout hands back from ``takeAt``; whatever is still here when the layout goes, it deletes.
        self._items: list[int] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)
        # Qt's own layouts delete their items when they are deleted; a layout written in Python must do it itself
        # (Qt's flow layout example does it in its destructor).
        items = self._items
        self.destroyed.connect(lambda: _delete_items(items))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(getCppPointer(item)[0])

    def _live(self) -> list[QLayoutItem]:
        """The items, each through a wrapper that works (a fresh one where PySide invalidated the old)."""
        return [_item(address) for address in self._items]

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return _item(self._items[index]) if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return _item(self._items.pop(index)) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As wide as the widest item (every item can go on a row of its own)."""
        size = QSize()
        for item in self._live():
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._live():
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if x > area.x() and x + width > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._gap
            row_height = max(row_height, height)
        return y + row_height - rect.y() + margins.bottom()


def _item(address: int) -> QLayoutItem:
    """The layout item at ``address`` (one this layout owns, so alive), through a usable Python wrapper."""
    item = wrapInstance(address, QLayoutItem)
    assert isinstance(item, QLayoutItem)
    return item


def _delete_items(items: list[int]) -> None:
    """Delete the layout items a FlowLayout still held (called as the layout is destroyed; its widgets are not)."""
    for address in items:
        delete(_item(address))
    items.clear()


class WrapButton(QPushButton):
    """A push button showing its text in a word-wrapped label, so it grows taller instead of cutting the text.

    ``text()`` and ``setText()`` read and write the label; the button itself has no text of its own (so the
    style never draws a second, clipped copy). The theme pads and colours the label (``wrap-button-text``);
    its accessible name is the text, for screen readers.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("wrap", True)
        self._label = QLabel(text)
        self._label.setObjectName("wrap-button-text")
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Its own colour from the theme (QLabel#wrap-button-text), not the button role it would inherit.
        self._label.setForegroundRole(QPalette.ColorRole.WindowText)
        self._label.setProperty("down", False)
        self._label.setProperty("checked", False)
        self.pressed.connect(lambda: self._show_down(True))
        self.released.connect(lambda: self._show_down(False))
        self.toggled.connect(self._show_checked)
        box = QVBoxLayout(self)
        box.setContentsMargins(BORDER, BORDER, BORDER, BORDER)
        box.addWidget(self._label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self._label.text()

    def setText(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def _show_down(self, down: bool) -> None:
        """While pressed the button turns light (the theme's "pressed" colour): its text turns dark with it."""
        self._label.setProperty("down", down)
        style = self._label.style()
        style.unpolish(self._label)
        style.polish(self._label)

    def _show_checked(self, checked: bool) -> None:
        """A checkable one (a nurse's name on the PIN pad) turns the theme's "selected" colour: so does its text."""
        self._label.setProperty("checked", checked)
        style = self._label.style()
        style.unpolish(self._label)
        style.polish(self._label)

    @property
    def text_label(self) -> QLabel:
        return self._label

    def _floor(self) -> QSize:
        """The theme's minimum size for this role (min-height, min-width), from the style itself."""
        return QPushButton.sizeHint(self)

    def _label_margins(self) -> int:
        margins = self._label.contentsMargins()
        return margins.left() + margins.right() + 2 * BORDER

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        inner = max(1, width - 2 * BORDER)
        return max(self._floor().height(), self._label.heightForWidth(inner) + 2 * BORDER)

    def sizeHint(self) -> QSize:
        width = self._label.fontMetrics().horizontalAdvance(self._label.text()) + self._label_margins() + 2
        width = max(width, self._floor().width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """The longest word on a line of its own (never narrower: a word is not broken)."""
        metrics = self._label.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in self._label.text().split()), default=0)
        width = longest + self._label_margins() + 2
        return QSize(width, self.heightForWidth(width))


BORDER = 4
"""The button's border (3 px, 4 px with the focus ring) inside which the label sits."""


class CommitWrapButton(WrapButton):
    """A ``CommitButton`` whose text wraps (the escort's decisions, the answers at large text sizes)."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not second_commit(self, event):
            super().mouseReleaseEvent(event)


def wrap_button(
    text: str, role: str = "", *, name: str = "", commit: bool = False, parent: QWidget | None = None
) -> WrapButton:
    """A button whose text wraps onto more lines when space is short (``WrapButton``);
    ``commit=True`` for one that moves the patient on (see ``CommitButton``)."""
    made = themed(CommitWrapButton(text, parent) if commit else WrapButton(text, parent), role, name)
    remember_text(made, text)
    return made
