"""Seeing a lost tail of the records database, and never handing out a lost record's id again (issue 13 F2).

SQLite in WAL mode keeps every commit since the last checkpoint only in the ``-wal`` file. If that file is
deleted (or replaced) while the kiosk runs, SQLite carries on writing to the unlinked file, and a crash then
loses whole discharges, silently: the chain inside the database is still consistent, just shorter, and the
per-day counter behind record ids has gone back too, so the next patient got the lost patient's id and sheet
file name. Two guards, both outside the database so they survive what happens to it:

- ``HeadFile``: after each commit the audit head (row count and hash) and the last record number given out per
  day are written and fdatasynced to ``records.sqlite3-head`` beside the database (two checksummed slots). A database
  whose chain is shorter than the file says has lost records (``records verify`` says so, and the store stops
  writing); record numbers continue after the larger of the two, so an id is never given out twice. The id
  stays readable (``DK-20261201-0003``, what nurses and IT already use) rather than becoming a ULID; the price is
  this small file, which costs one more flush per commit (about doubling a commit's time on this disk).
- ``FileWatch``: the store holds its own descriptor on the ``-wal`` it opened and checks, before and after every
  write, that the file still has a link (``st_nlink`` > 0) and that the path still names the same inode (and the
  same for the database file). If not, it copies what the lost WAL holds into the database (a checkpoint through
  SQLite's own open descriptor) when only the WAL went, then refuses every further write with ``JournalLost``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.private import PRIVATE_FILE_MODE, fsync_dir
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


_WRITE_LOCK = threading.Lock()
SLOT_SIZE = 1024  # two slots: each write goes to the older one, so a torn write never loses the newer head


class HeadFile:
    """``records.sqlite3-head``: the audit head after the last commit, and the record numbers given out.

    Two fixed-size slots, each ``json + "\\n" + sha256(json)``, written in place with ``pwrite`` and made durable
    with ``fdatasync``: one flush per commit (a rename would cost three), and a write cut short by a crash only
    ever damages the older slot, which the checksum then rejects.
    """

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + HEAD_SUFFIX)
        self._fd: int | None = None
        # The file's bytes after this process's last write, and its two slots parsed (see ``_write``).
        self._image: bytes | None = None
        self._slot_heads: list[Head | None] = [None, None]
        self.head = self._read()
        # The last record numbers written and their JSON text (``_write``: they change once a discharge).
        self._numbers_for: dict[str, int] | None = None
        self._numbers_text = ""

    def _read(self) -> Head:
        try:
            with self.path.open("rb") as handle:
                data = handle.read(2 * SLOT_SIZE)
        except FileNotFoundError:
            return Head()
        except OSError as exc:
            raise self._unreadable() from exc
        return self._best(_slots(data), data)

    def _best(self, slots: list[Head | None], data: bytes) -> Head:
        """The newest valid slot, with every record number either slot remembers."""
        valid = [slot for slot in slots if slot is not None]
        if not valid:
            if not data.strip(b"\x00 "):
                return Head()  # created, never written (a crash at the very first commit)
            raise self._unreadable()
        newest = max(valid, key=lambda head: head.seq)
        best = Head(newest.seq, newest.hash, dict(newest.last_numbers))  # a copy: the slots stay as parsed
        for other in valid:
            for day, last in other.last_numbers.items():
                best.last_numbers[day] = max(last, best.last_numbers.get(day, 0))
        return best

    def _unreadable(self) -> RecordsLost:
        return RecordsLost(
            f"The records head file {self.path} cannot be read",
            "Do not delete it: ask IT to check the disk; it tells whether records were lost.",
        )

    def last_number(self, day: str) -> int:
        return self.head.last_numbers.get(day, 0)

    def write(
        self, seq: int, hash_: str, day: str | None = None, number: int | None = None, *, accept_loss: bool = False
    ) -> None:
        """Durably record the head after a commit (and a record number just given out).

        Merged with what is on disk (the CLI and the kiosk both write it): the larger head and every record
        number stay, so one process never rolls back what the other wrote. Only ``accept_loss`` (IT, after a
        loss was investigated: ``records accept-loss``) moves the head back; the record numbers still stay.
        """
        with _WRITE_LOCK:  # two stores of one process (the kiosk's and the purge thread's) merge, never interleave
            self._write(seq, hash_, day, number, accept_loss)

    def _write(self, seq: int, hash_: str, day: str | None, number: int | None, accept_loss: bool) -> None:
        fd = self._open()
        data = os.pread(fd, 2 * SLOT_SIZE, 0)
        numbers = self.head.last_numbers  # never changed in place: a new dict when a number changes
        # Parsing both slots (two sha256 and two json.loads) was a fifth of a commit's time (issue 19); the
        # file is nearly always exactly what this process wrote last, so it is parsed only when it is not
        # (the CLI or another store wrote it since).
        if data != self._image:
            self._slot_heads = _slots(data)
            with contextlib.suppress(RecordsLost):
                on_disk = self._best(self._slot_heads, data)
                if on_disk.seq > seq and not accept_loss:
                    seq, hash_ = on_disk.seq, on_disk.hash
                numbers = dict(numbers)
                for known, last in on_disk.last_numbers.items():
                    numbers[known] = max(last, numbers.get(known, 0))
                self.head = Head(self.head.seq, self.head.hash, numbers)  # known at once, even if the write fails
        elif self.head.seq > seq and not accept_loss:  # the file holds exactly ``self.head``: the same merge
            seq, hash_ = self.head.seq, self.head.hash
        if day is not None and number is not None and number > numbers.get(day, 0):
            numbers = {**numbers, day: number}
        if numbers is not self._numbers_for:  # the record numbers change once a discharge: their text is kept
            numbers = dict(sorted(numbers.items())[-_KEEP_DAYS:])
            self._numbers_for, self._numbers_text = numbers, json.dumps(numbers, sort_keys=True)
        body = _head_json(seq, hash_, self._numbers_text).encode("utf-8")
        record = body + b"\n" + hashlib.sha256(body).hexdigest().encode("ascii")
        if len(record) > SLOT_SIZE:
            raise ValueError("the head record outgrew its slot")
        # Moving the head back must overwrite both slots, or the newer old one would still win on reading.
        slots = (0, 1) if accept_loss else (_older_slot(self._slot_heads),)
        image = record.ljust(SLOT_SIZE, b" ")
        self._image = None  # until the write is done: a failed one leaves the file unknown, so parsed next time
        for slot in slots:
            os.pwrite(fd, image, slot * SLOT_SIZE)
        os.fdatasync(fd)
        head = Head(seq, hash_, numbers)  # the slots' heads and the store's share one dict: none changes it
        written = data.ljust(2 * SLOT_SIZE, b" ")
        for slot in slots:
            written = written[: slot * SLOT_SIZE] + image + written[(slot + 1) * SLOT_SIZE :]
            self._slot_heads[slot] = head
        self._image = written
        self.head = head

    def _open(self) -> int:
        if self._fd is None:
            created = not self.path.exists()
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, PRIVATE_FILE_MODE)
            if created:
                os.pwrite(self._fd, b" " * (2 * SLOT_SIZE), 0)
                os.fsync(self._fd)
                fsync_dir(self.path.parent)
        return self._fd

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _head_json(seq: int, hash_: str, numbers_text: str) -> str:
    """``json.dumps({"seq", "hash", "last_numbers"}, sort_keys=True)``, written directly (once per commit);
    ``numbers_text`` is ``json.dumps(last_numbers, sort_keys=True)``."""
    quoted = json.encoder.encode_basestring_ascii(hash_)
    return f'{{"hash": {quoted}, "last_numbers": {numbers_text}, "seq": {int(seq)}}}'


def _slots(data: bytes) -> list[Head | None]:
    """Both slots' heads (None for an empty or torn one)."""
    return [_parse(data[i * SLOT_SIZE : (i + 1) * SLOT_SIZE]) for i in range(2)]


def _older_slot(heads: list[Head | None]) -> int:
    """The slot to overwrite: the older (or the unreadable) one, so the newer head survives a torn write."""
    seqs = [-1 if head is None else head.seq for head in heads]
    return 0 if seqs[0] <= seqs[1] else 1


def _parse(slot: bytes) -> Head | None:
    """One slot's head, or None if it is empty or fails its checksum (a torn write)."""
    body, _, digest = slot.rstrip(b" ").partition(b"\n")
    if not body or hashlib.sha256(body).hexdigest().encode("ascii") != digest:
        return None
    try:
        raw = json.loads(body)
        numbers = {str(day): int(n) for day, n in dict(raw.get("last_numbers", {})).items()}
        return Head(int(raw["seq"]), str(raw["hash"]), numbers)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


class FileWatch:
    """Notices the database or its ``-wal`` deleted or replaced while the store has them open."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.wal = database.with_name(database.name + "-wal")
        # The paths as text: ``os.stat`` of a ``Path`` converts it on every call, and this runs twice a commit.
        self._database_text, self._wal_text = str(database), str(self.wal)
        self._db_inode = _inode(self._database_text)
        self._wal_fd: int | None = None
        self._wal_inode: tuple[int, int] | None = None
        self.adopt_wal()

    def adopt_wal(self) -> None:
        """Hold a descriptor on the -wal SQLite is using (SQLite takes no locks on it, so this is safe)."""
        if self._wal_fd is not None:
            return
        with contextlib.suppress(OSError):
            fd = os.open(self._wal_text, os.O_RDONLY | os.O_CLOEXEC)
            info = os.fstat(fd)
            self._wal_fd, self._wal_inode = fd, (info.st_dev, info.st_ino)

    def problem(self) -> str | None:
        """What happened to the files, in words for IT, or None if they are still the ones opened.

        Runs before and after every commit, so the usual case costs two ``stat`` calls: when the ``-wal`` path
        still names the inode this watch holds open, that inode has a link (the path is one), so its link count
        needs no ``fstat``; only a mismatch asks whether it was deleted or replaced (an inode held open is never
        reused, so the match cannot be a new file that happens to get the old number)."""
        if self._db_inode is not None and _inode(self._database_text) != self._db_inode:
            return "the database file was deleted or replaced by another program"
        if self._wal_fd is None or _inode(self._wal_text) == self._wal_inode:
            return None
        if os.fstat(self._wal_fd).st_nlink == 0:
            return "its write-ahead log (-wal) was deleted by another program"
        return "its write-ahead log (-wal) was replaced by another program"

    def wal_only(self) -> bool:
        return self._db_inode is not None and _inode(self._database_text) == self._db_inode

    def close(self) -> None:
        if self._wal_fd is not None:
            os.close(self._wal_fd)
            self._wal_fd = None


def _inode(path: str) -> tuple[int, int] | None:
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
