"""Issue 13 F3 and F4: slow PIN hashes, 6-digit PINs, at most 10 wrong PINs a day, one rule set for screen and CLI.

Real SQLite files and the real ``main.py nurses`` command; time is a fake clock so 24 hours pass in a test.
"""

from __future__ import annotations

import hashlib
import os
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FakeClock, later
from kiosk.discharge.session import KioskSession, Stage
from kiosk.records import NurseAccounts, RecordStore, SignInStatus
from kiosk.records.nurses import MAX_WRONG_PER_DAY, PRODUCTION_COST, NurseAccountError, ScryptCost
from tests.discharge_support import library
from tests.pins import TEST_COST
from tests.security.cli import run_main

MAIN = Path(__file__).resolve().parents[2] / "main.py"
PIN = "730519"
OTHER_PIN = "864207"


def add_old_account(store: RecordStore, name: str, pin: str, cost: ScryptCost = TEST_COST) -> None:
    """An account as an older version left it: a PIN of 4 digits, hashed at that version's cost."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, dklen=32)
    with store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO nurses (name, salt, pin_hash, scrypt_n, scrypt_r, scrypt_p, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (name, salt, digest, cost.n, cost.r, cost.p, store.clock.now().isoformat()),
        )


def stored_cost(store: RecordStore, name: str) -> ScryptCost:
    row = store.connection.execute("SELECT scrypt_n, scrypt_r, scrypt_p FROM nurses WHERE name = ?", (name,))
    return ScryptCost(*row.fetchone())


def test_the_production_hash_costs_at_least_100_ms(store: RecordStore) -> None:
    """An offline guess against a stolen database costs at least 100 ms of this machine (OWASP scrypt)."""
    assert PRODUCTION_COST == ScryptCost(2**17, 8, 1)
    accounts = NurseAccounts(store)  # what the app and ``main.py nurses`` use
    accounts.add("Sam Patel", PIN)
    assert stored_cost(store, "Sam Patel") == PRODUCTION_COST
    salt, stored = store.connection.execute("SELECT salt, pin_hash FROM nurses").fetchone()
    cost = PRODUCTION_COST
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        guess = hashlib.scrypt(b"000000", salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=2**28, dklen=32)
        best = min(best, time.perf_counter() - started)
    assert guess != stored
    assert best >= 0.100, f"one guess took only {best * 1000:.0f} ms"


def test_an_old_cheaper_hash_is_remade_at_todays_cost_on_the_next_good_sign_in(store: RecordStore) -> None:
    old = ScryptCost(16, 1, 1)
    NurseAccounts(store, old).add("Sam Patel", PIN)
    today = ScryptCost(32, 2, 1)
    accounts = NurseAccounts(store, today)
    assert accounts.verify("Sam Patel", "111111").status is SignInStatus.WRONG
    assert stored_cost(store, "Sam Patel") == old  # a wrong PIN changes nothing
    assert accounts.verify("Sam Patel", PIN).ok
    assert stored_cost(store, "Sam Patel") == today
    assert accounts.verify("Sam Patel", PIN).ok


def test_a_short_pin_from_before_signs_in_once_and_must_then_be_changed(store: RecordStore, clock: FakeClock) -> None:
    add_old_account(store, "Sam Patel", "2580")
    accounts = NurseAccounts(store, TEST_COST)
    result = accounts.verify("Sam Patel", "2580")
    assert result.ok and result.must_change_pin
    session = KioskSession(store, accounts, library, clock.now)
    session.nurse_requested()
    session.pin_entered("Sam Patel", "2580")
    assert session.stage is Stage.NEW_PIN and session.nurse is None  # nothing goes on before the change
    with pytest.raises(Exception, match="6 to 8 digits"):
        session.new_pin_chosen("2581")
    assert session.stage is Stage.NEW_PIN
    session.new_pin_chosen("407193")
    assert session.stage is Stage.NURSE_HOME and session.nurse == "Sam Patel"
    assert accounts.verify("Sam Patel", "2580").status is SignInStatus.WRONG
    fresh = accounts.verify("Sam Patel", "407193")
    assert fresh.ok and not fresh.must_change_pin


def test_cancelling_the_new_pin_signs_nobody_in(store: RecordStore, clock: FakeClock) -> None:
    add_old_account(store, "Sam Patel", "2580")
    session = KioskSession(store, NurseAccounts(store, TEST_COST), library, clock.now)
    session.nurse_requested()
    session.pin_entered("Sam Patel", "2580")
    session.new_pin_cancelled()
    assert session.stage is Stage.LOCKED and session.nurse is None
    with pytest.raises(Exception, match="Sign in again"):
        session.new_pin_chosen("407193")


def test_ten_wrong_pins_in_24_hours_lock_the_account_whatever_good_sign_ins_come_between(
    store: RecordStore, clock: FakeClock
) -> None:
    """The incident: the real nurse signs in every 15 minutes; the attacker's guesses still add up."""
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add("Sam Patel", PIN)
    accounts.add("Ana Lima", OTHER_PIN)
    wrong = 0
    while True:
        for _ in range(2):
            result = accounts.verify("Sam Patel", "111111")
            wrong += 1
            if result.status is not SignInStatus.WRONG:
                break
        if result.status is not SignInStatus.WRONG:
            break
        clock.advance(minutes=15)
        assert accounts.verify("Sam Patel", PIN).ok
        assert wrong < MAX_WRONG_PER_DAY
    assert (result.status, wrong) == (SignInStatus.LOCKED_OUT, MAX_WRONG_PER_DAY)
    assert "Ask another nurse or IT" in result.message()
    assert accounts.verify("Sam Patel", PIN).status is SignInStatus.LOCKED_OUT  # the right PIN too
    clock.advance(days=3)
    assert accounts.verify("Sam Patel", PIN).status is SignInStatus.LOCKED_OUT  # no time limit on it
    assert accounts.verify("Ana Lima", OTHER_PIN).ok  # another nurse is not affected
    assert [n.locked_out for n in accounts.list()] == [False, True]


def test_only_another_nurse_or_it_lifts_a_lock_out(store: RecordStore, clock: FakeClock) -> None:
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add("Sam Patel", PIN)
    accounts.add("Ana Lima", OTHER_PIN)
    for _ in range(MAX_WRONG_PER_DAY):
        accounts.verify("Sam Patel", "111111")
        clock.advance(minutes=30)  # slow enough that the short lock never hides a guess
    assert accounts.verify("Sam Patel", PIN).status is SignInStatus.LOCKED_OUT
    session = KioskSession(store, accounts, library, clock.now)
    session.nurse_requested()
    session.pin_entered("Ana Lima", OTHER_PIN)
    assert session.locked_colleagues() == ["Sam Patel"]
    with pytest.raises(NurseAccountError, match="own account"):
        accounts.unlock("Sam Patel", by="Sam Patel")
    session.unlock_colleague("Sam Patel")
    assert accounts.verify("Sam Patel", PIN).ok
    event = store.connection.execute("SELECT actor, detail FROM audit WHERE event = 'nurse-unlocked'").fetchone()
    assert event[0] == "Ana Lima" and "Sam Patel" in event[1]
    assert accounts.verify("Sam Patel", "111111").attempts_left == 4  # the unlock starts the count again


def test_wrong_pins_older_than_24_hours_no_longer_count_across_the_clock_change(store: RecordStore) -> None:
    """UK clocks go back on 25 Oct 2026: the 24 hours are real hours, not wall-clock ones."""
    london = ZoneInfo("Europe/London")
    clock = FakeClock(datetime(2026, 10, 24, 12, 0, tzinfo=london))
    store.clock = clock
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add("Sam Patel", PIN)
    for _ in range(MAX_WRONG_PER_DAY - 1):
        accounts.verify("Sam Patel", "111111")
        clock.advance(minutes=10)
    accounts.verify("Sam Patel", PIN)
    # 23 real hours after the first wrong PIN is 10:00 on the 25th by the wall clock: it still counts. (Adding
    # timedelta(hours=23) to a London time is wall-clock arithmetic, 24 real hours here: clock.later is real.)
    clock.set(later(datetime(2026, 10, 24, 12, 0, tzinfo=london), timedelta(hours=23)))
    assert accounts.verify("Sam Patel", "111111").status is SignInStatus.LOCKED_OUT
    accounts.unlock("Sam Patel")
    for _ in range(MAX_WRONG_PER_DAY - 1):
        accounts.verify("Sam Patel", "111111")
        clock.advance(minutes=10)
    clock.advance(hours=24)
    assert accounts.verify("Sam Patel", PIN).ok  # ends the short lock the nine in a row earned
    assert accounts.verify("Sam Patel", "111111").status is SignInStatus.WRONG


@pytest.mark.parametrize(
    ("pin", "said"),
    [
        ("1234", "6 to 8 digits"),
        ("0000", "6 to 8 digits"),
        ("123456", "runs like 123456"),
        ("000000", "one digit repeated"),
        ("121212", "repeated patterns"),
        ("159753", "most common PINs"),
    ],
)
def test_the_cli_refuses_the_pins_the_screen_refuses(data_dir: Path, pin: str, said: str) -> None:
    added = run_main(data_dir, "nurses", "add", "Sam Patel", stdin=f"{pin}\n")
    assert added.returncode == 2 and said in added.stderr, added.stderr


def test_the_cli_set_pin_applies_the_same_rules(data_dir: Path) -> None:
    assert run_main(data_dir, "nurses", "add", "Sam Patel", stdin=f"{PIN}\n").returncode == 0
    refused = run_main(data_dir, "nurses", "set-pin", "Sam Patel", stdin="987654\n")
    assert refused.returncode == 2 and "Too easy to guess" in refused.stderr
    assert run_main(data_dir, "nurses", "set-pin", "Sam Patel", stdin="407193\n").returncode == 0
