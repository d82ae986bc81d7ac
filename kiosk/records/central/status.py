"""What the nurse and the kiosk know about the central store: a snapshot the sender keeps up to date.

Plain Python, read by the nurse's home screen without any I/O (the sender thread writes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class SenderStatus:
    """A snapshot the UI may read at any time (no I/O): how far the server has this kiosk's journal."""

    unsent: int = 0
    oldest_unsent_at: datetime | None = None
    last_sent_at: datetime | None = None  # when the sender last delivered a batch (kiosk clock)
    sent_total: int = 0  # facts delivered since the sender started
    problem: str = ""  # empty while the server is reachable and accepting

    def unsent_warning(self, now: datetime, limit_minutes: int) -> str | None:
        """The nurse's warning once the oldest unsent fact is older than the limit, else None.

        The time is the wall clock when that fact was committed (its own UTC offset), so across a clock change
        the nurse reads the time the kiosk showed then."""
        oldest = self.oldest_unsent_at
        if oldest is None or now - oldest < timedelta(minutes=limit_minutes):
            return None
        return f"Records not sent to the central store since {oldest:%H:%M}"
