"""The discharge records: a SQLite store committed fact by fact, nurse accounts, audit chain, retention, export.

Plain Python, no Qt. ``RecordStore`` (``store.py``) is the one entry point for discharges. The database layer
(``db.py``: the connection, write and read transactions, the audit append) is the store's ``db``; nurse accounts
(``nurses.py``, ``first_nurse.py``), retention and the export use it through ``store.db``, never the store's
private members (``tests/records/test_layering.py``).
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
