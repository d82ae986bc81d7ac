"""One object per application: the GUI-thread collector, the keyboard fit's signal listener, the workers' poster.

Each must live exactly as long as the ``QApplication`` (a shorter-lived one was a crash: a worker's answer posted
to a deleted window's poster) and be made once, however many windows ask. It is kept as a property of the
application, so a new application in the same process (the tests make one per run, a tool may make another)
gets its own, and a deleted one is never handed out again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from shiboken6 import isValid

Scoped = TypeVar("Scoped", bound=QObject)


def one_per_application(app: QCoreApplication, kind: type[Scoped], make: Callable[[], Scoped]) -> Scoped:
    """The application's one ``kind`` (made by ``make``, parented to ``app`` by it, on first call)."""
    key = f"kiosk-{kind.__module__}.{kind.__qualname__}"
    existing = app.property(key)
    if isinstance(existing, kind) and isValid(existing):
        return existing
    made = make()
    app.setProperty(key, made)
    return made
