"""Which events reach an event filter: to show that a filter is, or is not, on the application's events.

Qt for Python looks ``eventFilter`` up on the Python object for every call, so an instance attribute sees each
event the filter would (checked both ways by the tests that use it: a filter that is installed records events).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


def spy_on_filter(watcher: QObject) -> list[QEvent.Type]:
    """Record the type of every event that reaches ``watcher.eventFilter`` from now on, then filter as before."""
    seen: list[QEvent.Type] = []
    real_filter = watcher.eventFilter

    def counting_filter(watched: QObject, event: QEvent) -> bool:
        seen.append(event.type())
        return real_filter(watched, event)

    watcher.eventFilter = counting_filter  # type: ignore[method-assign]
    return seen
