"""Nurse accounts: PINs only as salted slow hashes, lockout with a growing delay, every attempt audited (H8)."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.logs import configure_logging
from kiosk.records import NurseAccounts, RecordStore, SignInStatus
from kiosk.records.nurses import NurseAccountError, lock_seconds
from kiosk.text import ValidationError
from tests.pins import TEST_COST

MAIN = Path(__file__).resolve().parents[2] / "main.py"
PIN = "73914682"


@pytest.fixture
def nurses(store: RecordStore) -> NurseAccounts:
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add("Sam Patel", PIN)
    return accounts


def events(store: RecordStore) -> list[tuple[str, str]]:
    return list(store.connection.execute("SELECT event, actor FROM audit ORDER BY seq"))


def test_the_right_pin_signs_in_and_is_audited(nurses: NurseAccounts, store: RecordStore) -> None:
    result = nurses.verify("sam patel", PIN)  # names match whatever the case
    assert result.ok
    assert (result.status, result.name) == (SignInStatus.OK, "Sam Patel")
    assert events(store)[-1] == ("signed-in", "Sam Patel")


def test_wrong_pins_count_down_then_lock_the_account(nurses: NurseAccounts, store: RecordStore) -> None:
    left = [nurses.verify("Sam Patel", "0000").attempts_left for _ in range(4)]
    assert left == [4, 3, 2, 1]
    fifth = nurses.verify("Sam Patel", "0000")
    assert (fifth.status, fifth.seconds_until_unlock) == (SignInStatus.LOCKED, 60)
    # While locked even the right PIN is refused.
    assert nurses.verify("Sam Patel", PIN).status is SignInStatus.LOCKED
    kinds = [event for event, _ in events(store)]
    assert kinds[-6:] == ["sign-in-wrong-pin"] * 4 + ["nurse-locked", "sign-in-while-locked"]
    assert "Too many wrong PINs" in fifth.message()


def test_the_lock_grows_after_each_further_wrong_pin_and_the_right_pin_resets_it(
    nurses: NurseAccounts, clock: FakeClock
) -> None:
    for _ in range(5):
        nurses.verify("Sam Patel", "1111")
    clock.advance(seconds=59)
    assert nurses.verify("Sam Patel", PIN).seconds_until_unlock == 1
    clock.advance(seconds=1)
    again = nurses.verify("Sam Patel", "1111")
    assert (again.status, again.seconds_until_unlock) == (SignInStatus.LOCKED, 120)
    clock.advance(seconds=120)
    assert nurses.verify("Sam Patel", "1111").seconds_until_unlock == 240
    clock.advance(seconds=240)
    assert nurses.verify("Sam Patel", PIN).ok
    # The right PIN ends the short lock, but the 7 earlier wrong PINs still count towards the 10 a day.
    assert nurses.verify("Sam Patel", "1111").attempts_left == 2
    assert [lock_seconds(n) for n in (1, 2, 3, 7, 20)] == [60, 120, 240, 3600, 3600]


def test_unknown_and_disabled_names_get_the_same_answer(nurses: NurseAccounts, store: RecordStore) -> None:
    nurses.add("Jo Bloggs", "381946")
    nurses.disable("Jo Bloggs")
    unknown = nurses.verify("Nobody Here", "381946")
    disabled = nurses.verify("Jo Bloggs", "381946")
    assert unknown.status is disabled.status is SignInStatus.UNKNOWN
    assert unknown.message() == disabled.message()
    assert events(store)[-1] == ("sign-in-unknown", "Jo Bloggs")
    nurses.enable("Jo Bloggs")
    assert nurses.verify("Jo Bloggs", "381946").ok


def test_list_disable_and_has_any(store: RecordStore) -> None:
    accounts = NurseAccounts(store, TEST_COST)
    assert not accounts.has_any()
    accounts.add("Sam Patel", "381946")
    accounts.add("Ana Lima", "5039172")
    assert accounts.has_any()
    assert [(n.name, n.disabled) for n in accounts.list()] == [("Ana Lima", False), ("Sam Patel", False)]
    accounts.disable("sam patel")
    accounts.disable("Ana Lima")
    assert not accounts.has_any()  # the first-start set-up is needed again
    with pytest.raises(NurseAccountError, match="no nurse called"):
        accounts.disable("Nobody")


def test_pins_must_be_4_to_8_digits_and_names_unique(nurses: NurseAccounts) -> None:
    for bad in ("123", "12345", "123456789", "12a456", "", "１２３４５６"):
        with pytest.raises(ValidationError, match="6 to 8 digits"):
            nurses.add("Ana Lima", bad)
    with pytest.raises(NurseAccountError, match="already"):
        nurses.add("SAM PATEL", "613927")


def test_set_pin_and_unlock(nurses: NurseAccounts) -> None:
    for _ in range(5):
        nurses.verify("Sam Patel", "0000")
    nurses.unlock("Sam Patel")
    assert nurses.verify("Sam Patel", PIN).ok
    nurses.set_pin("Sam Patel", "246813")
    assert nurses.verify("Sam Patel", "246813").ok
    assert nurses.verify("Sam Patel", PIN).status is SignInStatus.WRONG


def test_no_pin_in_clear_in_the_database_wal_or_logs(
    store: RecordStore, db_path: Path, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Hazard H8: the PIN and the wrong guesses are stored nowhere, only a salted scrypt hash of the PIN."""
    configure_logging(logging.DEBUG)
    try:
        accounts = NurseAccounts(store, TEST_COST)
        with caplog.at_level(logging.DEBUG):
            accounts.add("Sam Patel", PIN)
            accounts.verify("Sam Patel", PIN)
            accounts.verify("Sam Patel", "55512345")
            accounts.verify("Nobody", "86420975")
        salt, stored = store.connection.execute("SELECT salt, pin_hash FROM nurses").fetchone()
        assert len(salt) == 16
        assert len(stored) == 32
        files = [p for p in data_dir.rglob("*") if p.is_file()]
        assert any(p.name.endswith("-wal") for p in files)
        assert any(p.suffix == ".log" for p in files)
        for secret in (PIN, "55512345", "86420975"):
            for candidate in (secret.encode(), secret.encode("utf-16-le")):
                for path in files:
                    assert candidate not in path.read_bytes(), f"{secret} found in {path.name}"
            assert secret not in caplog.text
    finally:
        root = logging.getLogger()
        for handler in root.handlers[:]:
            if isinstance(handler, logging.FileHandler):
                root.removeHandler(handler)
                handler.close()


def test_two_nurses_with_the_same_pin_have_different_hashes(store: RecordStore) -> None:
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add("Sam Patel", "381946")
    accounts.add("Ana Lima", "381946")
    hashes = [row[0] for row in store.connection.execute("SELECT pin_hash FROM nurses")]
    assert hashes[0] != hashes[1]


def _nurses_cli(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(data_dir), "nurses", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_nurses_command_reads_the_pin_from_stdin_never_from_arguments(data_dir: Path, clock: FakeClock) -> None:
    added = _nurses_cli(data_dir, "add", "Sam Patel", stdin="482915\n")
    assert added.returncode == 0, added.stderr
    assert "482915" not in added.stdout + added.stderr
    listed = _nurses_cli(data_dir, "list")
    assert "Sam Patel\tactive" in listed.stdout
    bad = _nurses_cli(data_dir, "add", "Ana Lima", stdin="12\n")
    assert bad.returncode == 2
    assert "6 to 8 digits" in bad.stderr
    assert _nurses_cli(data_dir, "disable", "Sam Patel").returncode == 0
    with RecordStore(data_dir / "records.sqlite3", clock) as store:
        accounts = NurseAccounts(store, TEST_COST)
        assert [n.disabled for n in accounts.list()] == [True]
        accounts.enable("Sam Patel")
        assert accounts.verify("Sam Patel", "482915").ok


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_the_pin_is_asked_twice_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.commands.nurses import read_pin

    answers = iter(["482915", "482915", "482915", "482951"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert read_pin(_Terminal()) == "482915"  # type: ignore[arg-type]
    with pytest.raises(SystemExit, match="differ"):
        read_pin(_Terminal())  # type: ignore[arg-type]


def test_unlock_command_says_unlocked(data_dir: Path) -> None:
    assert _nurses_cli(data_dir, "add", "Sam Patel", stdin="482915\n").returncode == 0
    result = _nurses_cli(data_dir, "unlock", "Sam Patel")
    assert (result.returncode, result.stdout) == (0, "unlocked Sam Patel\n")
