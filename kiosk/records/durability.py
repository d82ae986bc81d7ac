"""Seeing a lost tail of the records database, and never handing out a lost record's id again (issue 13 F2).

SQLite in WAL mode keeps every commit since the last checkpoint only in the ``-wal`` file. If that file is
deleted (or replaced) while the kiosk runs, SQLite carries on writing to the unlinked file, and a crash then
loses whole discharges, silently: the chain inside the database is still consistent, just shorter, and the
per-day counter behind record ids has gone back too, so the next patient got the lost patient's id and sheet
file name. Two guards, both outside the database so they survive what happens to it:

- ``HeadFile``: after each commit the audit head (row count and hash) and the last record number given out per
  day are written, fsynced and renamed into place, to ``records.sqlite3-head`` beside the database. A database
  whose chain is shorter than the file says has lost records (``records verify`` says so, and the store stops
  writing); record numbers continue after the larger of the two, so an id is never given out twice. The id
  stays readable (``DK-20261201-0003``, what nurses and IT already use) rather than becoming a ULID; the price is
  this small file, which costs one more fsync per commit.
- ``FileWatch``: the store holds its own descriptor on the ``-wal`` it opened and checks, before and after every
  write, that the file still has a link (``st_nlink`` > 0) and that the path still names the same inode (and the
  same for the database file). If not, it copies what the lost WAL holds into the database (a checkpoint through
  SQLite's own open descriptor) when only the WAL went, then refuses every further write with ``JournalLost``.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.private import write_atomically
from kiosk.records.errors import RecordStoreError

HEAD_SUFFIX = "-head"
_KEEP_DAYS = 14  # days of record numbers kept in the file: enough for any clock set back by mistake


class JournalLost(RecordStoreError):
    """The database's write-ahead log or the database file itself was deleted or replaced under the kiosk."""


class RecordsLost(RecordStoreError):
    """The database is behind the last head the kiosk wrote beside it: committed records are missing."""


LOST_MESSAGE = "records were lost: the database is behind its last known head"


@dataclass
class Head:
    seq: int = 0
    hash: str = ""
    last_numbers: dict[str, int] = field(default_factory=dict)  # day (YYYYMMDD) -> last record number given


class HeadFile:
    """``records.sqlite3-head``: the audit head after the last commit, and the record numbers given out."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + HEAD_SUFFIX)
        self.head = self._read()

    def _read(self) -> Head:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            numbers = {str(day): int(n) for day, n in dict(raw.get("last_numbers", {})).items()}
            return Head(int(raw["seq"]), str(raw["hash"]), numbers)
        except FileNotFoundError:
            return Head()
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RecordsLost(
                f"The records head file {self.path} cannot be read",
                "Do not delete it: ask IT to check the disk; it tells whether records were lost.",
            ) from exc

    def last_number(self, day: str) -> int:
        return self.head.last_numbers.get(day, 0)

    def write(self, seq: int, hash_: str, day: str | None = None, number: int | None = None) -> None:
        """Durably record the head after a commit (and a record number just given out).

        Merged with what is on disk (the CLI and the kiosk both write it): the larger head and every record
        number stay, so one process never rolls back what the other wrote.
        """
        with contextlib.suppress(RecordsLost):
            on_disk = self._read()
            if on_disk.seq > seq:
                seq, hash_ = on_disk.seq, on_disk.hash
            for known, last in on_disk.last_numbers.items():
                self.head.last_numbers[known] = max(last, self.head.last_numbers.get(known, 0))
        numbers = dict(self.head.last_numbers)
        if day is not None and number is not None:
            numbers[day] = max(number, numbers.get(day, 0))
        numbers = dict(sorted(numbers.items())[-_KEEP_DAYS:])
        head = Head(seq, hash_, numbers)
        data = json.dumps({"seq": seq, "hash": hash_, "last_numbers": numbers}, sort_keys=True)
        write_atomically(self.path, data.encode("utf-8"))
        self.head = head


class FileWatch:
    """Notices the database or its ``-wal`` deleted or replaced while the store has them open."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.wal = database.with_name(database.name + "-wal")
        self._db_inode = _inode(database)
        self._wal_fd: int | None = None
        self._wal_inode: tuple[int, int] | None = None
        self.adopt_wal()

    def adopt_wal(self) -> None:
        """Hold a descriptor on the -wal SQLite is using (SQLite takes no locks on it, so this is safe)."""
        if self._wal_fd is not None:
            return
        with contextlib.suppress(OSError):
            fd = os.open(self.wal, os.O_RDONLY | os.O_CLOEXEC)
            info = os.fstat(fd)
            self._wal_fd, self._wal_inode = fd, (info.st_dev, info.st_ino)

    def problem(self) -> str | None:
        """What happened to the files, in words for IT, or None if they are still the ones opened."""
        if self._db_inode is not None and _inode(self.database) != self._db_inode:
            return "the database file was deleted or replaced by another program"
        if self._wal_fd is None:
            return None
        if os.fstat(self._wal_fd).st_nlink == 0:
            return "its write-ahead log (-wal) was deleted by another program"
        if _inode(self.wal) != self._wal_inode:
            return "its write-ahead log (-wal) was replaced by another program"
        return None

    def wal_only(self) -> bool:
        return self._db_inode is not None and _inode(self.database) == self._db_inode

    def close(self) -> None:
        if self._wal_fd is not None:
            os.close(self._wal_fd)
            self._wal_fd = None


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def journal_lost(path: Path, what: str, rescued: bool) -> JournalLost:
    saved = (
        "What was saved until now has been copied into the database."
        if rescued
        else "What was saved may not all be in the database."
    )
    return JournalLost(
        f"The records database ({path}) cannot be written safely: {what}",
        f"{saved} The kiosk has stopped saving: discharge on paper, call IT, and do not delete any file in the "
        "data folder. IT: find what deleted the file, then restart the kiosk and run `main.py records verify`.",
    )


def records_lost(path: Path, file_seq: int, db_seq: int) -> RecordsLost:
    return RecordsLost(
        f"The records database ({path}) is damaged: {LOST_MESSAGE} (audit row {db_seq}, the head file says {file_seq})",
        "The kiosk will not save anything to it: discharge on paper and call IT. Do not delete the database or "
        "its -head file; restore the database from the newest backup.",
    )
