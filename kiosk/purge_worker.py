"""Retention off the GUI thread: the start-up and daily purges run on a thread of their own (hazard H8).

A purge of a long history (a ward lowering its retention, a kiosk that was off for months) takes seconds; on
the GUI thread it would freeze the start screen or a nurse's screen. The thread opens its own connection to the
same database: WAL lets the kiosk's connection keep reading meanwhile, and the purge deletes in batches
(``retention.BATCH``) so a write from the kiosk waits for one batch at most (well inside the busy timeout).
The result comes back by a queued Qt signal, delivered on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kiosk.records.retention import PurgeResult
    from kiosk.records.store import RecordStore

log = logging.getLogger(__name__)

THREAD_NAME = "kiosk-purge"


class PurgeWorker(QObject):
    """Runs ``retention.purge`` for one store on a background thread, one purge at a time."""

    finished = Signal(object)  # the PurgeResult, on the GUI thread
    failed = Signal(str)  # what went wrong (also logged with its traceback)

    def __init__(
        self, store: RecordStore, retention_days: int, parent: QObject | None = None, *, keep_unsent: bool = False
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._retention_days = retention_days
        self._keep_unsent = keep_unsent  # a central store: what the server has not got stays (hazard H6)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start a purge; False (and nothing started) if the previous one is still going."""
        if self.running:
            log.info("purge still running from before: not starting another")
            return False
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Let a running purge finish (at quit, before the store closes); True when none is left running."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return not self.running

    def _run(self) -> None:
        from kiosk.records.retention import purge
        from kiosk.records.store import RecordStore

        source = self._store
        try:
            with RecordStore(source.path, source.clock, outbox=source.outbox) as own:
                result: PurgeResult = purge(own, self._retention_days, keep_unsent=self._keep_unsent)
        except Exception as exc:
            log.exception("retention purge failed; it will be tried again at the next one")
            self.failed.emit(str(exc))
            return
        self.finished.emit(result)
