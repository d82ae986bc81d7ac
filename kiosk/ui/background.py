"""One call at a time off the GUI thread, its outcome delivered back on the GUI thread as a signal.

For the sign-in's PIN check: scrypt at the production cost takes about 0.3 s of CPU (issue 13 F3), which on the
GUI thread would freeze the screen; here the pad stays drawn and the idle timer keeps running. The record
store is safe to call from this thread (one connection behind the store's lock, ``check_same_thread=False``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class BackgroundCall(QObject):
    """``start(fn, *args)`` runs ``fn`` in a worker thread; ``done(result)`` or ``failed(exception)`` follow on the
    thread this object lives in (Qt queues a signal emitted from another thread)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self.done.connect(self._finished)
        self.failed.connect(self._finished)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, fn: Callable[..., Any], *args: Any) -> None:
        if self._thread is not None:
            raise RuntimeError("a background call is already running")

        def work() -> None:
            try:
                result = fn(*args)
            except Exception as exc:  # delivered to the GUI thread, which shows it the usual way
                self.failed.emit(exc)
            else:
                self.done.emit(result)

        self._thread = threading.Thread(target=work, name="kiosk-background", daemon=True)
        self._thread.start()

    def _finished(self, _outcome: object) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
