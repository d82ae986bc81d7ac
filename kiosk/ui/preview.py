"""The sheet on screen, before and after printing: the very PDF that goes to the printer, shown with QtPdf.

The nurse checks the sheet here before Print, and can show it to the patient when there is no printer. The page
fills the width of the view (readable on the tablet) and is scrolled by dragging with a finger; big page buttons
jump between pages.

``QPdfView`` in a fit-to-width zoom can spin at 100% CPU: a scroll bar appearing narrows the viewport, which
changes the zoom, which removes the scroll bar, and round again. Both scroll bars are therefore always off (the
view still scrolls, by dragging and by the wheel), so the viewport width never depends on the zoom.

The sheet the kiosk has just built is shown from memory (a ``QBuffer`` the document reads), never from a file:
a preview file was one more copy of the patient's data at rest, and a full disk left it half-written (issue 13
F7). A file path is still accepted, for the sheet that went to the printer (resuming a job).
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.i18n import translate
from kiosk.ui.drag_scroll import DragScroll
from kiosk.ui.flow_layout import wrap_button
from kiosk.ui.widgets import label

EMPTY_TEXT = "No sheet to show yet."
DAMAGED_TEXT = "The sheet could not be shown here. It is saved, and can still be printed."


class SheetPreview(QWidget):
    """A read-only, touch-scrollable view of one sheet PDF, with Previous / Next page buttons."""

    page_changed = Signal(int, int)  # current page (1-based), page count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheet-preview")
        self._document = QPdfDocument(self)
        self._path: Path | None = None
        self._buffer = QBuffer(self)  # the in-memory sheet the document reads; emptied by clear()
        self._loaded = False

        self._view = QPdfView(self)
        self._view.setObjectName("sheet-preview-view")
        self._view.setDocument(self._document)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._view.setPageSpacing(12)
        # Touch: a finger drag scrolls the page (touch arrives as synthesised left-button presses).
        DragScroll(self._view)

        self._placeholder = label(EMPTY_TEXT, "subtitle")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedLayout()
        self._pages.addWidget(self._placeholder)
        self._pages.addWidget(self._view)

        self._previous = wrap_button(translate("nurse", "Previous page"), name="preview-previous")
        self._next = wrap_button(translate("nurse", "Next page"), name="preview-next")
        self._page_label = label("", "caption", wrap=False)
        self._page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._previous.clicked.connect(lambda: self._go(-1))
        self._next.clicked.connect(lambda: self._go(+1))

        nav = QHBoxLayout()
        nav.addWidget(self._previous)
        nav.addWidget(self._page_label, 1)
        nav.addWidget(self._next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._pages, 1)
        layout.addLayout(nav)

        self._view.pageNavigator().currentPageChanged.connect(self._update_nav)
        self._update_nav()

    # --- what the screens call -------------------------------------------------------------------------------

    def show_pdf(self, sheet: Path | bytes) -> None:
        """Show this sheet (its PDF bytes, or a file) from its first page. A damaged or missing sheet shows a
        message, never an error box."""
        self._unload()
        if isinstance(sheet, bytes):
            self._buffer.setData(QByteArray(sheet))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._document.load(self._buffer)  # from a device it returns nothing: ask for the outcome
            error = self._document.error()
        else:
            self._path = Path(sheet)
            error = self._document.load(str(sheet))
        if error != QPdfDocument.Error.None_ or self._document.pageCount() == 0:
            self._unload()
            self._show_placeholder(DAMAGED_TEXT)
            return
        self._loaded = True
        self._pages.setCurrentWidget(self._view)
        self._view.pageNavigator().jump(0, QPointF(), self._view.zoomFactor())
        self._view.verticalScrollBar().setValue(0)
        self._update_nav()

    def clear(self) -> None:
        """Forget the sheet: nothing of this patient stays in the widget or its buffer (hazard H3)."""
        self._unload()
        self._show_placeholder(EMPTY_TEXT)

    def _unload(self) -> None:
        self._document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())
        self._path = None
        self._loaded = False

    @property
    def in_memory(self) -> bool:
        """The sheet shown came from memory, not from a file."""
        return self._loaded and self._path is None

    # --- state, for screens and tests ------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def page_count(self) -> int:
        return self._document.pageCount() if self._loaded else 0

    @property
    def current_page(self) -> int:
        """1-based; 0 when nothing is shown."""
        return self._view.pageNavigator().currentPage() + 1 if self.page_count else 0

    # --- internals -------------------------------------------------------------------------------------------

    def _show_placeholder(self, text: str) -> None:
        self._placeholder.setText(text)
        self._pages.setCurrentWidget(self._placeholder)
        self._update_nav()

    def _go(self, step: int) -> None:
        target = min(max(self.current_page - 1 + step, 0), self.page_count - 1)
        if self.page_count and target != self.current_page - 1:
            self._view.pageNavigator().jump(target, QPointF(), self._view.zoomFactor())

    def _update_nav(self, *_: object) -> None:
        if not shiboken6.isValid(self._page_label):
            return  # the widget is being torn down and the view reports its last page change
        count, current = self.page_count, self.current_page
        self._page_label.setText(
            translate("nurse", "Page {current} of {count}").format(current=current, count=count) if count else ""
        )
        self._previous.setEnabled(count > 0 and current > 1)
        self._next.setEnabled(count > 0 and current < count)
        for widget in (self._previous, self._next, self._page_label):
            widget.setVisible(count > 1)
        self.page_changed.emit(current, count)
