"""The discharge records: a SQLite store committed fact by fact, nurse accounts, audit chain, retention, export.

Plain Python, no Qt. ``RecordStore`` (``store.py``) is the one entry point for discharges; ``NurseAccounts``
(``nurses.py``) shares its database and audit trail.
"""

from kiosk.records.audit import AuditReport
from kiosk.records.errors import (
    CannotOpenDatabase,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    DiskFull,
    ReadOnlyStore,
    RecordStateError,
    RecordStoreError,
    UnknownRecord,
)
from kiosk.records.nurses import NurseAccount, NurseAccounts, SignInResult, SignInStatus
from kiosk.records.store import RecordStore

__all__ = [
    "AuditReport",
    "CannotOpenDatabase",
    "DatabaseDamaged",
    "DatabaseLocked",
    "DatabaseTooNew",
    "DiskFull",
    "NurseAccount",
    "NurseAccounts",
    "ReadOnlyStore",
    "RecordStateError",
    "RecordStore",
    "RecordStoreError",
    "SignInResult",
    "SignInStatus",
    "UnknownRecord",
]
