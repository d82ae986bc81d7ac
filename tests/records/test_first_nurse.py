"""F1: the first-nurse set-up exists only on a kiosk that never had a nurse, and needs IT's one-time code."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.discharge.session import KioskSession, SessionError, Stage
from kiosk.errors import KioskError
from kiosk.records.first_nurse import CODE_FILE, MARKER_FILE, MAX_WRONG_CODES, FirstNurseSetup, SetupRefused
from kiosk.records.nurses import NurseAccounts
from kiosk.records.store import RecordStore
from tests.discharge_support import library, make_clock, make_store
from tests.pins import TEST_COST

NURSE = "Nurse Adebayo"
PIN = "246813"
ROOT = Path(__file__).resolve().parents[2]


def kiosk(folder: Path) -> tuple[KioskSession, FirstNurseSetup, io.StringIO, RecordStore]:
    clock = make_clock()
    store = make_store(folder, clock)
    console = io.StringIO()
    setup = FirstNurseSetup(store, console=console)
    return KioskSession(store, NurseAccounts(store, TEST_COST), library, clock.now, setup), setup, console, store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_kiosk_needs_the_code_it_printed_and_the_code_is_used_once(tmp_path: Path) -> None:
    os.umask(0o022)
    session, setup, console, _ = kiosk(tmp_path)
    code = setup.issue()
    assert code is not None and len(code) == 12 and code.isdigit()
    assert code[:4] in console.getvalue().replace(" ", "")  # printed on the console
    assert (tmp_path / CODE_FILE).read_text().strip() == code
    assert mode(tmp_path / CODE_FILE) == 0o600
    session.nurse_requested()
    assert session.stage is Stage.FIRST_NURSE
    with pytest.raises(SetupRefused, match="not right"):
        session.first_nurse_created(NURSE, PIN, "000000000000")
    with pytest.raises(SetupRefused):
        session.first_nurse_created(NURSE, PIN, "")
    assert not session.accounts.list()
    session.first_nurse_created(NURSE, PIN, f"{code[:4]} {code[4:8]}-{code[8:]}")
    assert session.stage is Stage.NURSE_HOME and session.nurse == NURSE
    assert not (tmp_path / CODE_FILE).exists()  # consumed
    assert mode(tmp_path / MARKER_FILE) == 0o600
    with pytest.raises(SessionError):
        session.first_nurse_created("Second Person", PIN, code)
    assert setup.issue() is None


def test_the_same_code_survives_a_restart_until_used(tmp_path: Path) -> None:
    _, setup, _, store = kiosk(tmp_path)
    code = setup.issue()
    store.close()
    _, again, _, _ = kiosk(tmp_path)
    assert again.issue() == code


def test_every_account_disabled_gives_no_set_up_but_ask_ward_it(tmp_path: Path) -> None:
    session, setup, _, _ = kiosk(tmp_path)
    session.accounts.add(NURSE, PIN)
    session.accounts.disable(NURSE)
    assert setup.issue() is None and not (tmp_path / CODE_FILE).exists()
    session.nurse_requested()
    assert session.stage is Stage.PIN and session.nurse_names() == []
    with pytest.raises(KioskError, match="ask ward IT"):
        session.first_nurse_created("Intruder", PIN, "123412341234")
    # Even with the marker gone, the database remembers the nurse (rows are disabled, never deleted).
    (tmp_path / MARKER_FILE).unlink()
    assert not setup.allowed()
    # The command line is the way back.
    session.accounts.enable(NURSE)
    session.pin_cancelled()
    session.nurse_requested()
    assert session.nurse_names() == [NURSE]


@pytest.mark.parametrize("damage", ["zero-bytes", "deleted"])
def test_an_emptied_or_deleted_database_does_not_reopen_the_set_up(tmp_path: Path, damage: str) -> None:
    session, _, _, store = kiosk(tmp_path)
    session.accounts.add(NURSE, PIN)
    store.close()
    database = tmp_path / "records.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    if damage == "zero-bytes":
        database.write_bytes(b"")
    else:
        database.unlink()
    session, setup, _, _ = kiosk(tmp_path)
    assert not session.accounts.list()  # a new, empty database...
    assert not setup.allowed() and setup.issue() is None  # ...but the folder shows a kiosk that had nurses
    session.nurse_requested()
    assert session.stage is Stage.PIN


def test_other_signs_of_a_used_kiosk_also_refuse_the_set_up(tmp_path: Path) -> None:
    _, setup, _, _ = kiosk(tmp_path)
    assert setup.allowed()
    (tmp_path / "outbox").mkdir(exist_ok=True)
    (tmp_path / "outbox" / "DK-20261201-0001.pdf").write_bytes(b"%PDF")
    assert not setup.allowed()
    (tmp_path / "outbox" / "DK-20261201-0001.pdf").unlink()
    assert setup.allowed()
    (tmp_path / "records.sqlite3.damaged").write_bytes(b"x")
    assert "records.sqlite3.damaged" in " ".join(setup.folder_shows_records())


def test_wrong_codes_replace_the_code(tmp_path: Path) -> None:
    session, setup, _, store = kiosk(tmp_path)
    code = setup.issue()
    session.nurse_requested()
    for _ in range(MAX_WRONG_CODES - 1):
        with pytest.raises(SetupRefused):
            session.first_nurse_created(NURSE, PIN, "111111111111")
    with pytest.raises(SetupRefused, match="replaced"):
        session.first_nurse_created(NURSE, PIN, "111111111111")
    new = (tmp_path / CODE_FILE).read_text().strip()
    assert new != code and mode(tmp_path / CODE_FILE) == 0o600
    with pytest.raises(SetupRefused):
        session.first_nurse_created(NURSE, PIN, str(code))
    session.first_nurse_created(NURSE, PIN, new)
    with store.db.reading() as conn:
        wrong = conn.execute("SELECT COUNT(*) FROM audit WHERE event = 'first-nurse-code-wrong'").fetchone()[0]
    assert wrong == MAX_WRONG_CODES + 1


def test_the_command_line_adds_a_nurse_and_voids_the_code(tmp_path: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    store = RecordStore.open(data_dir / "records.sqlite3", make_clock())
    setup = FirstNurseSetup(store, console=io.StringIO())
    assert setup.issue() is not None
    store.close()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "nurses", "add", NURSE],
        input="258036\n",
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(data_dir)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not (data_dir / CODE_FILE).exists() and (data_dir / MARKER_FILE).exists()


START_THEN_QUIT = """
import sys
from PySide6.QtCore import QTimer
from kiosk.app import create_application, run_kiosk
app = create_application()
QTimer.singleShot(3000, lambda: app.exit(0))  # exit, not quit: the kiosk window refuses to close
sys.exit(run_kiosk(full_screen=False))
"""


def test_a_new_kiosk_prints_the_code_at_start_and_logs_only_where_it_is(data_dir: Path) -> None:
    os.umask(0o022)
    done = subprocess.run(
        [sys.executable, "-c", START_THEN_QUIT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data_dir)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    code = (data_dir / CODE_FILE).read_text().strip()
    assert mode(data_dir / CODE_FILE) == 0o600
    assert f"{code[:4]} {code[4:8]} {code[8:]}" in done.stderr
    log = (data_dir / "logs" / "kiosk.log").read_text()
    assert str(data_dir / CODE_FILE) in log and code not in log
