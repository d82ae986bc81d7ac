"""The head file beside the database (``durability.HeadFile``) when another writer shares it.

Since issue 19 a store skips parsing the file when it holds exactly the bytes the store wrote last; these tests
check that a write by another process (the CLI) or another store is still seen and merged, never overwritten.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kiosk.records.durability import SLOT_SIZE, HeadFile


def test_a_write_by_another_writer_is_merged_not_overwritten(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    kiosk, cli = HeadFile(db), HeadFile(db)
    kiosk.write(5, "a" * 64, "20261201", 2)
    kiosk.write(6, "b" * 64, "20261201", 3)
    cli.write(9, "c" * 64, "20261202", 1)  # the CLI moved the head on and gave a number out on another day
    kiosk.write(7, "d" * 64, "20261201", 4)  # the kiosk's own head is older than what is on disk now
    kiosk.close()
    cli.close()
    reread = HeadFile(db)
    assert (reread.head.seq, reread.head.hash) == (9, "c" * 64)
    assert (reread.last_number("20261201"), reread.last_number("20261202")) == (4, 1)


def test_the_older_slot_is_overwritten_each_time(tmp_path: Path) -> None:
    """So a write torn by a crash damages only the older head, whichever slot the last write used."""
    db = tmp_path / "records.sqlite3"
    head = HeadFile(db)
    for seq in range(1, 6):
        head.write(seq, f"{seq:064d}", "20261201", seq)
        data = head.path.read_bytes()
        newest = data[:SLOT_SIZE] if seq % 2 else data[SLOT_SIZE:]
        assert newest.startswith(b'{"hash": "' + f"{seq:064d}".encode())
    head.close()


def test_a_file_rewritten_with_the_same_length_is_parsed_again(tmp_path: Path) -> None:
    """A file changed behind the store's back (here: both slots replaced by another writer's older copy) is
    read again, not taken from what the store remembers writing."""
    db = tmp_path / "records.sqlite3"
    other = HeadFile(db)
    other.write(20, "e" * 64, "20261130", 8)
    saved = other.path.read_bytes()
    other.close()
    db.with_name(db.name + "-head").unlink()
    head = HeadFile(db)
    head.write(3, "f" * 64, "20261201", 1)
    head.path.write_bytes(saved)  # the same inode, rewritten in place
    head.write(4, "g" * 64, "20261201", 2)
    head.close()
    reread = HeadFile(db)
    assert reread.head.seq == 20
    assert (reread.last_number("20261130"), reread.last_number("20261201")) == (8, 2)


def test_an_older_head_never_moves_the_file_back_but_accepting_a_loss_does(tmp_path: Path) -> None:
    """Also when the file holds exactly what this store wrote last (the store then skips reading it)."""
    db = tmp_path / "records.sqlite3"
    head = HeadFile(db)
    head.write(9, "9" * 64, "20261201", 4)
    head.write(7, "7" * 64)
    assert (HeadFile(db).head.seq, HeadFile(db).head.hash) == (9, "9" * 64)
    head.write(5, "5" * 64, accept_loss=True)
    head.close()
    reread = HeadFile(db)
    assert (reread.head.seq, reread.last_number("20261201")) == (5, 4)


def test_the_slot_is_the_json_a_plain_dumps_would_write(tmp_path: Path) -> None:
    """The head's text is written by hand (once per commit); it stays exactly ``json.dumps(sort_keys=True)``."""
    head = HeadFile(tmp_path / "records.sqlite3")
    head.write(12, "ab" * 32, "20261201", 3)
    head.write(13, "cd" * 32, "20261130", 7)
    head.close()
    body = head.path.read_bytes()[SLOT_SIZE:].split(b"\n")[0]  # the second write went to the second slot
    expected = {"seq": 13, "hash": "cd" * 32, "last_numbers": {"20261130": 7, "20261201": 3}}
    assert body == json.dumps(expected, sort_keys=True).encode()


# sha256 of the file's bytes after each write below, from main's code at 4be3e97 (issue 19's fifth session
# rewrote the write's bookkeeping: the record numbers' text kept, no dict copied per commit).
SAME_BYTES = "ca24da1bd7a9c27a3bda7eb0414f0325ebf5b4e005528fb63b16b1e2e46da65f"


def test_the_file_holds_the_same_bytes_as_before_after_every_kind_of_write(tmp_path: Path) -> None:
    """Twenty days of record numbers (only the last 14 kept), a number lower than one already given (kept
    higher), heads older than the file's, another writer's head and numbers merged, and an accepted loss."""
    db = tmp_path / "records.sqlite3"
    kiosk, cli = HeadFile(db), HeadFile(db)
    digest = hashlib.sha256()
    seq = 0
    for day in range(1, 21):
        for number in (1, 2, 3):
            seq += 1
            kiosk.write(seq, f"{seq:064x}", f"202611{day:02d}", number)
            kiosk.write(seq, f"{seq:064x}")  # a fact without a new discharge
            digest.update(kiosk.path.read_bytes())
    kiosk.write(seq, "0" * 64, "20261120", 1)  # lower than 3: the 3 stays
    kiosk.write(seq - 5, "1" * 64)  # older than the file's head: the head stays
    digest.update(kiosk.path.read_bytes())
    cli.write(seq + 10, "2" * 64, "20261121", 4)
    kiosk.write(seq + 1, "3" * 64, "20261120", 5)  # behind the CLI's head: merged, the CLI's day kept
    digest.update(kiosk.path.read_bytes())
    kiosk.write(seq + 2, "4" * 64, accept_loss=True)
    digest.update(kiosk.path.read_bytes())
    kiosk.close()
    cli.close()
    assert digest.hexdigest() == SAME_BYTES
