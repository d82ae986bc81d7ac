"""A patient's "I need help": the walk waits, the call is recorded, a nurse's PIN answers it. Plain Python, no Qt.

The patient taps "I need help" on any patient screen. ``open`` remembers where the patient was and the screen
says "A nurse is on the way" at once: calling a nurse never waits for the records database (another program's
write lock can hold a write for a minute; the controller saves the call through ``kiosk.db_wait`` meanwhile).
Only a nurse's PIN answers it (``answered``: saved with the nurse's name); the session then puts the patient back
exactly where they were, with the walk untouched. A second tap while a call is open is no new call. The old
banner button opened a PIN pad: it called nobody (issue 12 item 7).
"""

from __future__ import annotations

from datetime import datetime
from typing import Generic, Protocol, TypeVar

from kiosk.record.model import HELP_ANSWERED as ANSWERED
from kiosk.record.model import HELP_REQUESTED as REQUESTED

T = TypeVar("T")


class HelpStore(Protocol):
    def record_help(self, record_id: str, kind: str, nurse_name: str = "", at: datetime | None = None) -> object: ...


class HelpCall(Generic[T]):
    """One open call at most. ``T`` is what to go back to (the session's stage)."""

    def __init__(self, store: HelpStore) -> None:
        self._store = store
        self.record_id: str | None = None
        self.opened_at: datetime | None = None
        self._back_to: T | None = None

    @property
    def active(self) -> bool:
        return self.record_id is not None

    def open(self, record_id: str, back_to: T, at: datetime) -> bool:
        """A new call (not saved yet: ``save_request``); False if one is already open (a second tap)."""
        if self.active:
            return False
        self.record_id, self._back_to, self.opened_at = record_id, back_to, at
        return True

    def save_request(self, record_id: str, at: datetime) -> None:
        """The patient's call on the discharge, with the time they tapped (the audit row is written now)."""
        self._store.record_help(record_id, REQUESTED, at=at)

    def answered(self, nurse_name: str) -> T:
        """A nurse's PIN answered the call: saved with their name; returns where the patient was."""
        if self.record_id is None or self._back_to is None:
            raise RuntimeError("no call for help is open")
        self._store.record_help(self.record_id, ANSWERED, nurse_name)
        back = self._back_to
        self.forget()
        return back

    def forget(self) -> None:
        """Drop the open call from memory (a wipe); what was saved stays saved."""
        self.record_id, self._back_to, self.opened_at = None, None, None
