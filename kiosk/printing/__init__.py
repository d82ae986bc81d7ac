"""Printing the discharge sheet: the outbox (every sheet saved durably first) and the CUPS print service.

See docs/PRINTING.md for why pycups, and how CUPS' states become the nurse's messages.
"""

from kiosk.printing.outbox import Outbox
from kiosk.printing.service import POLL_INTERVAL_MS, PrintJournal, PrintService
from kiosk.printing.status import JobStatus, PrintJob, QueueState, QueueStatus

__all__ = [
    "POLL_INTERVAL_MS",
    "JobStatus",
    "Outbox",
    "PrintJob",
    "PrintJournal",
    "PrintService",
    "QueueState",
    "QueueStatus",
]
