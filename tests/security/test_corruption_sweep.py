"""Issue 13 F5: ``records verify`` against real damaged database files, every page hit in turn.

The database is a real one (discharges written through the store, closed, so the file holds everything). Each
page is hit twice: 64 random bytes at a random place in it, and zeroed. SQLite's own ``integrity_check`` on a
plain connection is the judge: every file it flags must be reported by ``main.py records verify`` (run through
its real entry point) with the plain "damaged" message and a non-zero exit, and no run may print a traceback.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.clock import FakeClock
from kiosk.errors import KioskError
from kiosk.printing.outbox import Outbox
from kiosk.records import DatabaseDamaged, RecordStore
from tests.security.wal_child import one_discharge

PAGE = 4096


def flagged_by_sqlite(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.text_factory = bytes  # a damaged page can put any bytes into the messages
        try:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):  # SQLite's error message itself can quote damaged bytes
        return True
    return rows != [b"ok"]


def damage(source: Path, target: Path, page: int, kind: str, rng: random.Random) -> None:
    data = bytearray(source.read_bytes())
    start = page * PAGE
    if kind == "zeroed":
        data[start : start + PAGE] = bytes(PAGE)
    else:
        offset = start + rng.randrange(PAGE - 64)
        data[offset : offset + 64] = rng.randbytes(64)
    target.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine")
    db = folder / "records.sqlite3"
    with RecordStore(db, FakeClock(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))) as store:
        for n in range(4):
            one_discharge(store, Outbox(folder / "outbox"), n)
    assert not db.with_name("records.sqlite3-wal").exists()
    return folder


def test_every_corruption_sqlite_flags_is_reported_as_damaged_and_never_a_traceback(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(13)
    source = pristine / "records.sqlite3"
    pages = source.stat().st_size // PAGE
    assert pages >= 10
    flagged = reported = 0
    missed: list[str] = []
    for page in range(pages):
        for kind in ("random", "zeroed"):
            ward = tmp_path / f"p{page}-{kind}"
            ward.mkdir()
            shutil.copy(pristine / "records.sqlite3-head", ward)
            damage(source, ward / "records.sqlite3", page, kind, rng)
            sqlite_says = flagged_by_sqlite(ward / "records.sqlite3")
            code = main(["--data-dir", str(ward), "records", "verify"])  # any traceback fails the test here
            out = capsys.readouterr()
            assert "Traceback" not in out.out + out.err
            if sqlite_says:
                flagged += 1
                if code != 0 and "damaged" in out.err:
                    reported += 1
                else:
                    missed.append(f"page {page} {kind}: exit {code}, {out.out + out.err!r}")
            shutil.rmtree(ward)
    assert flagged > 10  # the sweep did hit real damage
    assert missed == [], f"{reported}/{flagged} reported; missed: {missed}"


def test_reading_a_damaged_file_raises_only_the_apps_own_error(pristine: Path, tmp_path: Path) -> None:
    """``_reading`` used to end every read with ``COMMIT`` in a ``finally``, whose own error replaced the real
    one: a raw ``sqlite3.DatabaseError`` reached the screen as "Something went wrong" (27 of these on main)."""
    rng = random.Random(17)
    source = pristine / "records.sqlite3"
    clock = FakeClock(datetime(2026, 12, 1, 11, 0, tzinfo=UTC))
    raw: list[str] = []
    damaged_seen = 0
    for page in range(source.stat().st_size // PAGE):
        for kind in ("random", "zeroed"):
            ward = tmp_path / f"p{page}-{kind}"
            ward.mkdir()
            damage(source, ward / "records.sqlite3", page, kind, rng)
            try:
                with RecordStore(ward / "records.sqlite3", clock) as store:
                    for read in (store.list_discharges, store.unfinished, store.unconfirmed_sheets):
                        try:
                            read()
                        except DatabaseDamaged:
                            damaged_seen += 1
                        except KioskError:
                            pass
                        except Exception as exc:
                            raw.append(f"page {page} {kind} {read.__name__}: {exc!r}")
            except KioskError:
                pass
            shutil.rmtree(ward)
    assert damaged_seen > 0
    assert raw == []


def test_the_kiosk_stops_writing_to_a_damaged_file_and_says_what_to_do(pristine: Path, tmp_path: Path) -> None:
    rng = random.Random(5)
    source = pristine / "records.sqlite3"
    clock = FakeClock(datetime(2026, 12, 1, 11, 0, tzinfo=UTC))
    for page in range(2, source.stat().st_size // PAGE):
        damage(source, tmp_path / "records.sqlite3", page, "zeroed", rng)
        if flagged_by_sqlite(tmp_path / "records.sqlite3"):
            break
    store = RecordStore(tmp_path / "records.sqlite3", clock)
    try:
        with pytest.raises(DatabaseDamaged) as caught:
            store.quick_check()
        assert "discharge patients on paper and call it" in caught.value.hint.lower()
        assert "do not delete the file" in caught.value.hint.lower()
        with pytest.raises(DatabaseDamaged):
            one_discharge(store, Outbox(tmp_path / "outbox"), 9)
        assert store.stopped is caught.value
    finally:
        store.close()
