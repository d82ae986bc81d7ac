"""Warm the sheet and the PDF viewer once the kiosk has started, so the first preview after sign-off is quick.

Issue 19: the first sign-off after each start took about 725 ms to show its preview, against 72 ms after that:
reportlab and the sheet modules imported, the fonts parsed, each procedure's paragraphs broken into lines,
QtPdf loaded and its PDF engine started. ``WarmUp`` does all of that a moment after the start screen is up
(never on the first paint's path): the sheets, one made-up one per procedure (``kiosk.sheet.warm``), on a
thread of its own so the start screen stays live; then, back on the GUI thread, the print screen's and the print
stage's modules are imported and the last of those sheets is opened and one page rendered in a
``QPdfDocument``, which is then closed; last, ``prepare`` (the controller's ``prepare_print_screen``: the print
screen built, polished and laid out, not shown). No patient is involved and nothing is written anywhere.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, QTimer, Signal

from kiosk.clock import Clock
from kiosk.config import WardConfig
from kiosk.ui.posting import GuiPoster

if TYPE_CHECKING:
    from kiosk.content.loader import Library

log = logging.getLogger(__name__)

WARM_UP_DELAY_MS = 500  # after the start screen is painted and the controller built (run_kiosk's finish_start)
_RENDER_SIZE = QSize(210, 297)  # one small page: enough to start the PDF engine's renderer and font loading


class WarmUp(QObject):
    """Builds one throw-away sheet per procedure off the GUI thread, then warms QtPdf with the last of them."""

    finished = Signal(int)  # how many sheets were built (0: the warm-up failed, which is only logged)

    def __init__(
        self,
        library: Callable[[], Library],
        config: WardConfig,
        clock: Clock,
        parent: QObject | None = None,
        *,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._prepare = prepare  # the GUI's own part, last (the controller's print screen built, not shown)
        self._library = library
        self._config = config
        self._clock = clock
        self._poster = GuiPoster(self)
        self.rendered = QSize()  # the size of the page the PDF engine rendered (empty until it has)

    def start(self, delay_ms: int = WARM_UP_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self._begin)

    def _begin(self) -> None:
        threading.Thread(target=self._build_sheets, name="kiosk-warm-up", daemon=True).start()

    def _build_sheets(self) -> None:
        """On the warm-up thread: the library (the flow's own, so it is loaded once) and a sheet for each."""
        built, last = 0, b""
        try:
            from kiosk.sheet.warm import warm_up

            now = self._clock.now()
            for procedure in self._library().procedures:
                last = warm_up(procedure, self._config, now)
                built += 1
        except Exception:  # a warm-up must never stop the kiosk: the first sheet is then only slower
            log.exception("warming the sheet up failed")
        self._poster.post(lambda: self._warm_viewer(built, last))

    def _warm_viewer(self, built: int, pdf: bytes) -> None:
        """On the GUI thread (QtPdf objects belong to it): the print screen's modules and one page rendered."""
        try:
            from PySide6.QtPdf import QPdfDocument

            # Imported now rather than at the first sign-off: the print screen, and the print stage the
            # controller makes when it first opens it (with the print service and pycups under it).
            import kiosk.printing.stage
            import kiosk.ui.nurse.printing  # noqa: F401

            if pdf:
                buffer = QBuffer(self)
                buffer.setData(QByteArray(pdf))
                buffer.open(QIODevice.OpenModeFlag.ReadOnly)
                document = QPdfDocument(self)
                document.load(buffer)
                if document.pageCount() > 0:
                    self.rendered = document.render(0, _RENDER_SIZE).size()
                document.close()
                buffer.close()
                document.deleteLater()
                buffer.deleteLater()
        except Exception:
            log.exception("warming the PDF viewer up failed")
        if self._prepare is not None:
            try:
                self._prepare()
            except Exception:  # the print screen is then built at the first sign-off, as before
                log.exception("preparing the print screen failed")
        log.info("sheet and preview warmed up (%d procedures)", built)
        self.finished.emit(built)
