"""Nurse accounts: a name and a personal PIN, kept only as a salted slow hash, with lockout (hazard H8).

The PIN is hashed with ``hashlib.scrypt`` (N=2**14, r=8, p=1: about 50 ms and 16 MB, so guessing all 10**8
eight-digit PINs from a stolen database costs years of CPU time, not minutes) with a random salt per nurse; the
parameters are stored with the hash so they can be raised later. The PIN itself is never stored, logged or put
in the audit trail; every attempt is audited by name and outcome only.

Lockout: five wrong PINs in a row lock the account for a minute; after that each further wrong PIN locks it
again for twice as long as last time (2, 4, 8 ... up to 60 minutes). The right PIN clears the count. An unknown
or disabled name costs the same hash as a known one, so the answer time does not tell which names exist.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.discharge.validation import ValidationError, shown, validate_person_name
from kiosk.errors import KioskError
from kiosk.records.first_nurse import mark_had_nurse
from kiosk.records.store import RecordStore

MAX_WRONG = 5
FIRST_LOCK_SECONDS = 60
MAX_LOCK_SECONDS = 3600
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_PIN = re.compile(r"^[0-9]{4,8}$")
_DUMMY_SALT = b"\x00" * 16


class SignInStatus(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    UNKNOWN = "unknown"  # no such nurse, or the account is disabled


@dataclass(frozen=True)
class SignInResult:
    status: SignInStatus
    name: str
    attempts_left: int = 0
    seconds_until_unlock: int = 0

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
        return "That name and PIN do not match an active nurse account."


@dataclass(frozen=True)
class NurseAccount:
    name: str
    created_at: datetime
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None


class NurseAccountError(KioskError):
    pass


def validate_pin(pin: str) -> str:
    if not isinstance(pin, str) or not _PIN.match(pin):
        raise ValidationError("A PIN is 4 to 8 digits.", field="pin")
    return pin


def _hash(pin: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    return hashlib.scrypt(pin.encode("ascii", "replace"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def lock_seconds(lockouts: int) -> int:
    """How long the ``lockouts``-th lock lasts (1-based): 60 s, doubling, at most an hour."""
    return int(min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** max(0, lockouts - 1)))


class NurseAccounts:
    def __init__(self, store: RecordStore) -> None:
        self._store = store

    def _now(self) -> datetime:
        return self._store.clock.now()

    def add(self, name: str, pin: str) -> None:
        name = validate_person_name(name, field="nurse_name")
        pin = validate_pin(pin)
        salt = os.urandom(16)
        pin_hash = _hash(pin, salt)
        at = self._now().isoformat()
        with self._store._transaction() as conn:
            if conn.execute("SELECT 1 FROM nurses WHERE name = ?", (name,)).fetchone():
                raise NurseAccountError(f"There is already a nurse called {name}", "Use a different name.")
            conn.execute(
                "INSERT INTO nurses (name, salt, pin_hash, scrypt_n, scrypt_r, scrypt_p, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, salt, pin_hash, SCRYPT_N, SCRYPT_R, SCRYPT_P, at),
            )
            self._store._append_audit(conn, at, None, "nurse-added", name, {"nurse": name})
        # Outside the database too, so a lost or emptied database does not reopen the first-nurse set-up (F1).
        mark_had_nurse(self._store.path.parent)

    def set_pin(self, name: str, pin: str) -> None:
        """A new PIN (the nurse forgot theirs); also clears a lock."""
        pin = validate_pin(pin)
        salt = os.urandom(16)
        pin_hash = _hash(pin, salt)
        at = self._now().isoformat()
        with self._store._transaction() as conn:
            real = self._name(conn, name)
            conn.execute(
                "UPDATE nurses SET salt = ?, pin_hash = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ?, failed = 0, "
                "lockouts = 0, locked_until = NULL WHERE name = ?",
                (salt, pin_hash, SCRYPT_N, SCRYPT_R, SCRYPT_P, real),
            )
            self._store._append_audit(conn, at, None, "nurse-pin-changed", real, {"nurse": real})

    def list(self) -> list[NurseAccount]:
        with self._store._reading() as conn:
            rows = conn.execute(
                "SELECT name, created_at, disabled, failed, locked_until FROM nurses ORDER BY name"
            ).fetchall()
        return [
            NurseAccount(
                name=name,
                created_at=datetime.fromisoformat(created),
                disabled=bool(disabled),
                failed_attempts=failed,
                locked_until=datetime.fromisoformat(locked) if locked else None,
            )
            for name, created, disabled, failed, locked in rows
        ]

    def has_any(self) -> bool:
        """Whether any nurse can sign in (the first-start set-up is needed when not)."""
        with self._store._reading() as conn:
            return conn.execute("SELECT 1 FROM nurses WHERE disabled = 0 LIMIT 1").fetchone() is not None

    def disable(self, name: str) -> None:
        self._set_disabled(name, True)

    def enable(self, name: str) -> None:
        self._set_disabled(name, False)

    def unlock(self, name: str) -> None:
        at = self._now().isoformat()
        with self._store._transaction() as conn:
            real = self._name(conn, name)
            conn.execute("UPDATE nurses SET failed = 0, lockouts = 0, locked_until = NULL WHERE name = ?", (real,))
            self._store._append_audit(conn, at, None, "nurse-unlocked", real, {"nurse": real})

    def _set_disabled(self, name: str, disabled: bool) -> None:
        at = self._now().isoformat()
        with self._store._transaction() as conn:
            real = self._name(conn, name)
            conn.execute("UPDATE nurses SET disabled = ? WHERE name = ?", (int(disabled), real))
            event = "nurse-disabled" if disabled else "nurse-enabled"
            self._store._append_audit(conn, at, None, event, real, {"nurse": real})

    @staticmethod
    def _name(conn: sqlite3.Connection, name: str) -> str:
        row = conn.execute("SELECT name FROM nurses WHERE name = ?", (" ".join(name.split()),)).fetchone()
        if row is None:
            raise NurseAccountError(f"There is no nurse called {shown(name)}", "Check the spelling: `nurses list`.")
        return str(row[0])

    def verify(self, name: str, pin: str) -> SignInResult:
        """Check a PIN. The hash is worked out before the write transaction, so a sign-in never holds the
        database for the 50 ms the hash takes; the counters are then re-read and updated atomically."""
        typed = " ".join((name or "").split())[:100]
        with self._store._reading() as conn:
            row = conn.execute(
                "SELECT name, salt, pin_hash, scrypt_n, scrypt_r, scrypt_p, disabled FROM nurses WHERE name = ?",
                (typed,),
            ).fetchone()
        if row is None or row[6]:
            _hash(pin or "", _DUMMY_SALT)
            self._audit_only("sign-in-unknown", typed, {"nurse": typed, "disabled": row is not None})
            return SignInResult(SignInStatus.UNKNOWN, typed)
        real, salt, stored, n, r, p, _ = row
        right = hmac.compare_digest(_hash(pin or "", salt, n, r, p), stored)
        now = self._now()
        at = now.isoformat()
        with self._store._transaction() as conn:
            failed, lockouts, locked_until = conn.execute(
                "SELECT failed, lockouts, locked_until FROM nurses WHERE name = ?", (real,)
            ).fetchone()
            if locked_until and datetime.fromisoformat(locked_until) > now:
                wait = _seconds(datetime.fromisoformat(locked_until) - now)
                self._store._append_audit(conn, at, None, "sign-in-while-locked", real, {"nurse": real})
                return SignInResult(SignInStatus.LOCKED, real, seconds_until_unlock=wait)
            if right:
                conn.execute("UPDATE nurses SET failed = 0, lockouts = 0, locked_until = NULL WHERE name = ?", (real,))
                self._store._append_audit(conn, at, None, "signed-in", real, {"nurse": real})
                return SignInResult(SignInStatus.OK, real)
            failed += 1
            if failed >= MAX_WRONG or lockouts > 0:
                lockouts += 1
                seconds = lock_seconds(lockouts)
                until = (now + timedelta(seconds=seconds)).isoformat()
                conn.execute(
                    "UPDATE nurses SET failed = 0, lockouts = ?, locked_until = ? WHERE name = ?",
                    (lockouts, until, real),
                )
                facts = {"nurse": real, "lockouts": lockouts, "seconds": seconds}
                self._store._append_audit(conn, at, None, "nurse-locked", real, facts)
                return SignInResult(SignInStatus.LOCKED, real, seconds_until_unlock=seconds)
            conn.execute("UPDATE nurses SET failed = ? WHERE name = ?", (failed, real))
            self._store._append_audit(conn, at, None, "sign-in-wrong-pin", real, {"nurse": real, "failed": failed})
            return SignInResult(SignInStatus.WRONG, real, attempts_left=MAX_WRONG - failed)

    def _audit_only(self, event: str, actor: str, facts: dict[str, object]) -> None:
        at = self._now().isoformat()
        with self._store._transaction() as conn:
            self._store._append_audit(conn, at, None, event, actor or "?", facts)


def _seconds(delta: timedelta) -> int:
    return max(1, int(-(-delta.total_seconds() // 1)))
