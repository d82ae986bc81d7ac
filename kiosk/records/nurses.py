"""Nurse accounts: who may use the nurse screens, each with their own PIN; every sign-in audited.

The PIN is hashed with ``hashlib.scrypt`` at OWASP's first recommended cost (N=2**17, r=8, p=1: 128 MiB of
memory and about 0.3 s of one core per guess on the ward's hardware), with a random salt per nurse, so trying
every 6-digit PIN against a stolen database costs days of CPU for one account, not minutes (issue 13 F3). The
parameters are stored with each hash; a hash made with lower ones (older versions used N=2**14) is re-made at
the production cost on the nurse's next good sign-in. The PIN itself is never stored, logged or put in the audit
trail; every attempt is audited by name and outcome only.

The one seam for a cheaper hash is the ``cost`` argument of ``NurseAccounts``: the test suite passes a tiny cost
there (``tests/pins.py``) so thousands of sign-ins stay fast; nothing in the app passes it, and
``tests/records/test_nurses.py::test_the_production_hash_costs_at_least_100_ms`` holds the production cost.

Lockout, two layers (issue 13 F4):
- five wrong PINs in a row lock the account for a minute; after that each further wrong PIN locks it again for
  twice as long as last time (2, 4, 8 ... up to 60 minutes). The right PIN clears this short lock;
- every wrong PIN is also kept (``pin_failures``), and the ``MAX_WRONG_PER_DAY``-th in any 24 hours locks the
  account until another nurse or IT unlocks it, whatever good sign-ins came in between, so the real nurse
  signing in every 15 minutes no longer gives an attacker a fresh set of guesses each time.
Each account's counters are its own: one nurse's lock never affects another's. An unknown or disabled name costs
the same hash as a known one, so the answer time does not tell which names exist.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from kiosk.clock import later
from kiosk.errors import KioskError
from kiosk.record.fields import validate_person_name
from kiosk.records.first_nurse import mark_had_nurse
from kiosk.records.pin_rules import must_change, valid_sign_in_pin, validate_new_pin
from kiosk.records.store import RecordStore
from kiosk.text import shown

MAX_WRONG = 5
MAX_WRONG_PER_DAY = 10
WRONG_PIN_WINDOW = timedelta(hours=24)
FIRST_LOCK_SECONDS = 60
MAX_LOCK_SECONDS = 3600
_DUMMY_SALT = b"\x00" * 16


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's work factors; stored with each hash so they can be raised later."""

    n: int
    r: int
    p: int

    @property
    def memory_bytes(self) -> int:
        return 128 * self.r * self.n * self.p


# OWASP Password Storage Cheat Sheet, scrypt: N=2^17 (128 MiB), r=8, p=1.
PRODUCTION_COST = ScryptCost(2**17, 8, 1)


class SignInStatus(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    UNKNOWN = "unknown"  # no such nurse, or the account is disabled
    LOCKED_OUT = "locked-out"  # too many wrong PINs in 24 hours: until another nurse or IT unlocks it


@dataclass(frozen=True)
class SignInResult:
    status: SignInStatus
    name: str
    attempts_left: int = 0
    seconds_until_unlock: int = 0
    # The PIN was right but is shorter than today's rule: the nurse must choose a new one before going on.
    must_change_pin: bool = False

    @property
    def ok(self) -> bool:
        return self.status is SignInStatus.OK

    def message(self) -> str:
        """What the PIN screen says: never whether a name exists."""
        if self.status is SignInStatus.OK:
            return f"Signed in as {self.name}."
        if self.status is SignInStatus.WRONG:
            tries = "try" if self.attempts_left == 1 else "tries"
            return f"That PIN is not right. {self.attempts_left} {tries} left before the account locks."
        if self.status is SignInStatus.LOCKED:
            minutes = max(1, -(-self.seconds_until_unlock // 60))
            return f"Too many wrong PINs: this account is locked. Try again in {minutes} min, or ask IT."
        if self.status is SignInStatus.LOCKED_OUT:
            return (
                f"Too many wrong PINs today: this account is locked. Ask another nurse or IT to unlock it "
                f'(`main.py nurses unlock "{self.name}"`).'
            )
        return "That name and PIN do not match an active nurse account."


@dataclass(frozen=True)
class NurseAccount:
    name: str
    created_at: datetime
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None
    locked_out: bool = False


class NurseAccountError(KioskError):
    pass


def _hash(pin: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii", "replace"),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        maxmem=cost.memory_bytes + 16 * 1024 * 1024,
        dklen=32,
    )


def lock_seconds(lockouts: int) -> int:
    """How long the ``lockouts``-th lock lasts (1-based): 60 s, doubling, at most an hour."""
    return int(min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** max(0, lockouts - 1)))


def _utc(moment: datetime) -> str:
    """A fixed-width UTC time, so times compare as text across clock changes."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class NurseAccounts:
    def __init__(self, store: RecordStore, cost: ScryptCost = PRODUCTION_COST) -> None:
        """``cost``: leave it alone in the app; the test suite's cheap hash is the only other value (see above)."""
        self._store = store
        self.cost = cost

    def _now(self) -> datetime:
        return self._store.clock.now()

    def add(self, name: str, pin: str) -> None:
        name = validate_person_name(name, field="nurse_name")
        pin = validate_new_pin(pin)
        salt = os.urandom(16)
        pin_hash = _hash(pin, salt, self.cost)
        at = self._now().isoformat()
        with self._store.db.transaction() as conn:
            if conn.execute("SELECT 1 FROM nurses WHERE name = ?", (name,)).fetchone():
                raise NurseAccountError(f"There is already a nurse called {name}", "Use a different name.")
            conn.execute(
                "INSERT INTO nurses (name, salt, pin_hash, scrypt_n, scrypt_r, scrypt_p, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, salt, pin_hash, self.cost.n, self.cost.r, self.cost.p, at),
            )
            self._store.db.append_audit(conn, at, None, "nurse-added", name, {"nurse": name})
        # Outside the database too, so a lost or emptied database does not reopen the first-nurse set-up (F1).
        mark_had_nurse(self._store.path.parent)

    def set_pin(self, name: str, pin: str, by: str = "IT") -> None:
        """A new PIN (the nurse forgot theirs, or must replace a short one); also clears every lock."""
        pin = validate_new_pin(pin)
        salt = os.urandom(16)
        pin_hash = _hash(pin, salt, self.cost)
        at = self._now().isoformat()
        with self._store.db.transaction() as conn:
            real = self._name(conn, name)
            conn.execute(
                "UPDATE nurses SET salt = ?, pin_hash = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ? WHERE name = ?",
                (salt, pin_hash, self.cost.n, self.cost.r, self.cost.p, real),
            )
            self._clear_locks(conn, real)
            self._store.db.append_audit(conn, at, None, "nurse-pin-changed", real, {"nurse": real, "by": by})

    def list(self) -> list[NurseAccount]:
        with self._store.db.reading() as conn:
            rows = conn.execute(
                "SELECT name, created_at, disabled, failed, locked_until, locked_out_at FROM nurses ORDER BY name"
            ).fetchall()
        return [
            NurseAccount(
                name=name,
                created_at=datetime.fromisoformat(created),
                disabled=bool(disabled),
                failed_attempts=failed,
                locked_until=datetime.fromisoformat(locked) if locked else None,
                locked_out=locked_out is not None,
            )
            for name, created, disabled, failed, locked, locked_out in rows
        ]

    def has_any(self) -> bool:
        """Whether any nurse can sign in (the first-start set-up is needed when not)."""
        with self._store.db.reading() as conn:
            return conn.execute("SELECT 1 FROM nurses WHERE disabled = 0 LIMIT 1").fetchone() is not None

    def disable(self, name: str) -> None:
        self._set_disabled(name, True)

    def enable(self, name: str) -> None:
        self._set_disabled(name, False)

    def unlock(self, name: str, by: str = "IT") -> None:
        """Lift every lock on ``name``'s account: IT (``main.py nurses unlock``) or another signed-in nurse."""
        at = self._now().isoformat()
        with self._store.db.transaction() as conn:
            real = self._name(conn, name)
            if by != "IT" and real.casefold() == " ".join(by.split()).casefold():
                raise NurseAccountError(
                    "A nurse cannot unlock their own account", "Ask another nurse or IT to unlock it."
                )
            self._clear_locks(conn, real)
            self._store.db.append_audit(conn, at, None, "nurse-unlocked", by, {"nurse": real, "by": by})

    @staticmethod
    def _clear_locks(conn: sqlite3.Connection, real: str) -> None:
        conn.execute(
            "UPDATE nurses SET failed = 0, lockouts = 0, locked_until = NULL, locked_out_at = NULL WHERE name = ?",
            (real,),
        )
        conn.execute("DELETE FROM pin_failures WHERE nurse = ?", (real,))

    def _set_disabled(self, name: str, disabled: bool) -> None:
        at = self._now().isoformat()
        with self._store.db.transaction() as conn:
            real = self._name(conn, name)
            conn.execute("UPDATE nurses SET disabled = ? WHERE name = ?", (int(disabled), real))
            event = "nurse-disabled" if disabled else "nurse-enabled"
            self._store.db.append_audit(conn, at, None, event, real, {"nurse": real})

    @staticmethod
    def _name(conn: sqlite3.Connection, name: str) -> str:
        row = conn.execute("SELECT name FROM nurses WHERE name = ?", (" ".join(name.split()),)).fetchone()
        if row is None:
            raise NurseAccountError(f"There is no nurse called {shown(name)}", "Check the spelling: `nurses list`.")
        return str(row[0])

    def verify(self, name: str, pin: str) -> SignInResult:
        """Check a PIN. The hash is worked out before the write transaction, so a sign-in never holds the
        database while scrypt runs; the counters are then re-read and updated atomically."""
        typed = " ".join((name or "").split())[:100]
        pin = pin if valid_sign_in_pin(pin or "") else ""
        with self._store.db.reading() as conn:
            row = conn.execute(
                "SELECT name, salt, pin_hash, scrypt_n, scrypt_r, scrypt_p, disabled FROM nurses WHERE name = ?",
                (typed,),
            ).fetchone()
        if row is None or row[6]:
            _hash(pin, _DUMMY_SALT, self.cost)
            self._audit_only("sign-in-unknown", typed, {"nurse": typed, "disabled": row is not None})
            return SignInResult(SignInStatus.UNKNOWN, typed)
        real, salt, stored, n, r, p, _ = row
        used = ScryptCost(n, r, p)
        right = bool(pin) and hmac.compare_digest(_hash(pin, salt, used), stored)
        upgraded: tuple[bytes, bytes] | None = None
        if right and used != self.cost:
            new_salt = os.urandom(16)
            upgraded = (new_salt, _hash(pin, new_salt, self.cost))
        now = self._now()
        at = now.isoformat()
        with self._store.db.transaction() as conn:
            failed, lockouts, locked_until, locked_out_at = conn.execute(
                "SELECT failed, lockouts, locked_until, locked_out_at FROM nurses WHERE name = ?", (real,)
            ).fetchone()
            if locked_out_at is not None:
                self._store.db.append_audit(conn, at, None, "sign-in-while-locked-out", real, {"nurse": real})
                return SignInResult(SignInStatus.LOCKED_OUT, real)
            if locked_until and datetime.fromisoformat(locked_until) > now:
                wait = _seconds(datetime.fromisoformat(locked_until) - now)
                self._store.db.append_audit(conn, at, None, "sign-in-while-locked", real, {"nurse": real})
                return SignInResult(SignInStatus.LOCKED, real, seconds_until_unlock=wait)
            if right:
                conn.execute("UPDATE nurses SET failed = 0, lockouts = 0, locked_until = NULL WHERE name = ?", (real,))
                if upgraded is not None:
                    conn.execute(
                        "UPDATE nurses SET salt = ?, pin_hash = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ? "
                        "WHERE name = ?",
                        (*upgraded, self.cost.n, self.cost.r, self.cost.p, real),
                    )
                facts: dict[str, object] = {"nurse": real}
                if upgraded is not None:
                    facts["rehashed"] = [self.cost.n, self.cost.r, self.cost.p]
                self._store.db.append_audit(conn, at, None, "signed-in", real, facts)
                return SignInResult(SignInStatus.OK, real, must_change_pin=must_change(pin))
            return self._wrong_pin(conn, real, now, failed, lockouts)

    def _wrong_pin(
        self, conn: sqlite3.Connection, real: str, now: datetime, failed: int, lockouts: int
    ) -> SignInResult:
        """Count one wrong PIN: the short lock after five in a row, the lock-out at ten in 24 hours."""
        at = now.isoformat()
        conn.execute("INSERT INTO pin_failures (nurse, at_utc) VALUES (?, ?)", (real, _utc(now)))
        today = conn.execute(
            "SELECT count(*) FROM pin_failures WHERE nurse = ? AND at_utc > ?",
            (real, _utc(later(now, -WRONG_PIN_WINDOW))),
        ).fetchone()[0]
        if today >= MAX_WRONG_PER_DAY:
            conn.execute(
                "UPDATE nurses SET failed = 0, locked_until = NULL, locked_out_at = ? WHERE name = ?", (at, real)
            )
            facts = {"nurse": real, "wrong_in_24h": today}
            self._store.db.append_audit(conn, at, None, "nurse-locked-out", real, facts)
            return SignInResult(SignInStatus.LOCKED_OUT, real)
        failed += 1
        if failed >= MAX_WRONG or lockouts > 0:
            lockouts += 1
            seconds = lock_seconds(lockouts)
            until = later(now, timedelta(seconds=seconds)).isoformat()
            conn.execute(
                "UPDATE nurses SET failed = 0, lockouts = ?, locked_until = ? WHERE name = ?",
                (lockouts, until, real),
            )
            facts = {"nurse": real, "lockouts": lockouts, "seconds": seconds}
            self._store.db.append_audit(conn, at, None, "nurse-locked", real, facts)
            return SignInResult(SignInStatus.LOCKED, real, seconds_until_unlock=seconds)
        conn.execute("UPDATE nurses SET failed = ? WHERE name = ?", (failed, real))
        self._store.db.append_audit(conn, at, None, "sign-in-wrong-pin", real, {"nurse": real, "failed": failed})
        left = min(MAX_WRONG - failed, MAX_WRONG_PER_DAY - today)
        return SignInResult(SignInStatus.WRONG, real, attempts_left=left)

    def _audit_only(self, event: str, actor: str, facts: dict[str, object]) -> None:
        at = self._now().isoformat()
        with self._store.db.transaction() as conn:
            self._store.db.append_audit(conn, at, None, event, actor or "?", facts)


def _seconds(delta: timedelta) -> int:
    return max(1, int(-(-delta.total_seconds() // 1)))
