"""What can go wrong with the records database, in words a nurse or ward IT can act on.

``translate`` turns a ``sqlite3`` error into one of these by SQLite's own error code (not by parsing the message),
so a full disk, a read-only folder and a locked database each say what to do. Whatever the error, the store rolls
the transaction back: what was committed before stays, and the half-done step is simply not recorded.
"""

from __future__ import annotations

import sqlite3

from kiosk.errors import EnvironmentProblem, KioskError

_NOT_SAVED = "What was already saved is safe; this last step was not saved."
# What a nurse and IT must do when the records file is damaged (issue 13 F5): the kiosk has stopped writing to it.
DAMAGED_HINT = (
    "The kiosk has stopped saving to it. Discharge patients on paper and call IT. Do not delete the file: IT "
    "restores it from the newest backup or keeps it for investigation (`main.py records verify` says what is wrong)."
)


class RecordStoreError(EnvironmentProblem):
    """The records database cannot be used right now (disk, folder, lock, version, damage)."""


class DiskFull(RecordStoreError):
    pass


class ReadOnlyStore(RecordStoreError):
    pass


class DatabaseLocked(RecordStoreError):
    pass


class DatabaseTooNew(RecordStoreError):
    pass


class DatabaseDamaged(RecordStoreError):
    pass


class CannotOpenDatabase(RecordStoreError):
    pass


class UnknownRecord(KioskError, LookupError):
    """No discharge with that record id (it may have been purged after the retention period)."""

    def __init__(self, record_id: str) -> None:
        super().__init__(
            f"There is no discharge record {record_id}",
            "It may have been deleted after the retention period. Start a new discharge.",
        )
        self.record_id = record_id


class RecordStateError(KioskError):
    """The discharge is not in a state where this can be recorded (e.g. already finished or abandoned)."""


def translate(exc: sqlite3.Error | UnicodeDecodeError, path: object) -> RecordStoreError:
    """The app's own error for a ``sqlite3`` error, by SQLite's primary result code.

    A ``UnicodeDecodeError`` out of ``sqlite3`` means text that is not UTF-8 came out of the file (or out of
    SQLite's own error message about it): the kiosk only ever writes UTF-8, so the file is damaged.
    """
    if isinstance(exc, UnicodeDecodeError):
        return DatabaseDamaged(
            f"The records database ({path}) is damaged: it holds text that is not UTF-8", DAMAGED_HINT
        )
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    where = f"the records database ({path})"
    if primary == sqlite3.SQLITE_FULL:
        return DiskFull(
            "The disk is full: the discharge record could not be saved",
            f"{_NOT_SAVED} Ask IT to free space on this machine, then try again.",
        )
    if primary == sqlite3.SQLITE_READONLY:
        return ReadOnlyStore(
            "The records folder is read-only: the discharge record could not be saved",
            f"{_NOT_SAVED} Ask IT to make {where} and its folder writable for the kiosk user.",
        )
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseLocked(
            "The records database is busy in another program",
            f"{_NOT_SAVED} Wait a few seconds and try again; if it keeps happening, close other copies of the "
            "kiosk or records tools on this machine.",
        )
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return CannotOpenDatabase(
            f"Cannot open {where}",
            "Check the data folder exists and the kiosk user may write to it (see --data-dir).",
        )
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DatabaseDamaged(f"{where.capitalize()} is damaged or is not a kiosk database", DAMAGED_HINT)
    if primary == sqlite3.SQLITE_IOERR:
        return RecordStoreError(
            "The disk reported an error while saving the discharge record",
            f"{_NOT_SAVED} Ask IT to check the disk; try again.",
        )
    return RecordStoreError(f"The records database failed: {exc}", f"{_NOT_SAVED} Try again; if it persists call IT.")


def damaged(path: object, problems: list[str]) -> DatabaseDamaged:
    """SQLite's own checks flagged the file: every problem it listed, in the plain "damaged" message."""
    shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
    return DatabaseDamaged(
        f"The records database ({path}) is damaged: SQLite's check found {len(problems)} problem"
        f"{'' if len(problems) == 1 else 's'} ({shown})",
        DAMAGED_HINT,
    )
