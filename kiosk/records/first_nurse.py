"""Who may set up the first nurse at the tablet: only a kiosk that never had one, and only with IT's code (F1).

Without this, anyone who tapped "Nurse" on a kiosk whose accounts were all disabled (a leaver on a small ward),
or whose ``records.sqlite3`` had become a 0-byte file, could make themselves a nurse and read today's list.

**Never had a nurse** is decided from facts that outlive "no active account now":

- the database: a row in ``nurses`` (accounts are disabled, never deleted) or a ``nurse-added`` audit row (the
  audit trail refuses ``DELETE``); either means a nurse existed;
- the database holding any discharge (one cannot be started without a nurse);
- the data folder: ``nurse-accounts.marker``, written whenever a nurse is added (screen or ``main.py nurses
  add``), any sheet in the outbox, or any file that a fresh start does not make (a backup, a moved-aside
  database, another part's bookkeeping). So a database that was deleted or truncated to 0 bytes, and then
  recreated empty at the next start, does not count as a new kiosk: the folder still shows one that had records.

When in doubt the answer is "had a nurse": the on-screen set-up is refused and ward IT uses ``main.py nurses
add`` or ``nurses enable`` (the screen says "No nurse can sign in on this kiosk: ask ward IT").

**The set-up code.** Even a never-used kiosk asks for a one-time code: at start the kiosk writes 12 random digits
to ``first-nurse-code.txt`` in the data folder (mode 0600, so only the kiosk's own user and root can read it) and
prints them on standard error (the console or the service's journal); the log file says only where the code is,
because logs are copied off the tablet. The code is compared in constant time, is deleted once the first nurse
exists (however that nurse was added), and is replaced by a new one after ``MAX_WRONG_CODES`` wrong tries, so
guessing it from the tablet is hopeless (10**12 codes, 5 tries per code).
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.errors import KioskError
from kiosk.text import shown

if TYPE_CHECKING:
    from kiosk.records.store import RecordStore

log = logging.getLogger(__name__)

CODE_FILE = "first-nurse-code.txt"
MARKER_FILE = "nurse-accounts.marker"
CODE_DIGITS = 12
MAX_WRONG_CODES = 5
# What a first start creates in the data folder; anything else there means this kiosk has been used.
FRESH_NAMES = frozenset(
    {
        "config.toml",
        "logs",
        "outbox",
        CODE_FILE,
        "records.sqlite3",
        "records.sqlite3-wal",
        "records.sqlite3-shm",
        "records.sqlite3-journal",
        # The audit head kept beside the database (issue 13 F2) is written from the first commit, even on a new
        # kiosk; a lost database behind it stops the store on its own.
        "records.sqlite3-head",
    }
)


class SetupRefused(KioskError):
    """The first-nurse set-up cannot be used here (a nurse existed, or the code is wrong)."""


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by the owner only (0600 whatever the umask), replacing it atomically."""
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


def mark_had_nurse(data_dir: Path) -> None:
    """A nurse now exists: leave the marker (F1) and drop any set-up code, which can never be used again."""
    try:
        write_private(data_dir / MARKER_FILE, "A nurse account was set up on this kiosk. Do not delete this file.\n")
    except OSError:
        log.exception("could not write %s", data_dir / MARKER_FILE)
    (data_dir / CODE_FILE).unlink(missing_ok=True)


def _normalise(code: str) -> str:
    return "".join(ch for ch in code if not ch.isspace() and ch != "-")


def format_code(code: str) -> str:
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


class FirstNurseSetup:
    """Decides whether the on-screen set-up exists, and holds its one-time code in the data folder."""

    def __init__(self, store: RecordStore, data_dir: Path | None = None, console: TextIO | None = None) -> None:
        self._store = store
        self.data_dir = data_dir or store.path.parent
        self._console = console
        self._wrong = 0

    @property
    def code_path(self) -> Path:
        return self.data_dir / CODE_FILE

    # -- the decision ----------------------------------------------------------------------------------------
    def database_had_nurse(self) -> bool:
        with self._store.db.reading() as conn:
            for query in (
                "SELECT 1 FROM nurses LIMIT 1",
                "SELECT 1 FROM audit WHERE event = 'nurse-added' LIMIT 1",
                "SELECT 1 FROM discharges LIMIT 1",
            ):
                if conn.execute(query).fetchone() is not None:
                    return True
        return False

    def folder_shows_records(self) -> list[str]:
        """What in the data folder says this kiosk was used before ([] for a fresh folder)."""
        signs: list[str] = []
        try:
            names = sorted(entry.name for entry in os.scandir(self.data_dir))
        except OSError:
            return ["the data folder cannot be read"]
        for name in names:
            if name == MARKER_FILE:
                signs.append("a nurse account was set up before (marker file)")
            elif name not in FRESH_NAMES and not name.startswith("."):
                signs.append(f"the data folder holds {shown(name)!r}")
        outbox = self.data_dir / "outbox"
        try:
            if outbox.is_dir() and any(outbox.iterdir()):
                signs.append("the outbox holds sheets")
        except OSError:
            signs.append("the outbox cannot be read")
        return signs

    def allowed(self) -> bool:
        """The on-screen set-up exists only on a kiosk that never had a nurse (see the module docstring)."""
        return not self.database_had_nurse() and not self.folder_shows_records()

    # -- the code --------------------------------------------------------------------------------------------
    def issue(self) -> str | None:
        """At start: the code to print (made and kept in the data folder if there is none yet), or None when the
        set-up is not allowed (and any stale code is removed)."""
        if not self.allowed():
            self.code_path.unlink(missing_ok=True)
            return None
        try:
            code = _normalise(self.code_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            code = ""
        if len(code) != CODE_DIGITS or not code.isdigit():
            code = self._new_code()
        self._announce(code)
        return code

    def _new_code(self) -> str:
        code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
        write_private(self.code_path, code + "\n")
        return code

    def _announce(self, code: str) -> None:
        stream = self._console or sys.stderr
        print(
            f"Discharge Kiosk: no nurse has ever been set up on this kiosk. The one-time set-up code for the "
            f"first nurse is {format_code(code)} (also in {self.code_path}).",
            file=stream,
            flush=True,
        )
        log.warning("first-nurse set-up: a one-time code is in %s (printed on standard error)", self.code_path)

    def check(self, typed: str) -> None:
        """Refuse unless the set-up is allowed and ``typed`` is the current code; a wrong code is audited."""
        if not self.allowed():
            raise SetupRefused("No nurse can sign in on this kiosk: ask ward IT", "IT: main.py nurses add or enable")
        try:
            expected = _normalise(self.code_path.read_text(encoding="utf-8"))
        except OSError:
            expected = ""
        given = _normalise(typed or "")
        if expected and given.isascii() and hmac.compare_digest(given.encode(), expected.encode()):
            return
        self._wrong += 1
        with self._store.db.transaction() as conn:
            at = self._store.clock.now().isoformat()
            self._store.db.append_audit(conn, at, None, "first-nurse-code-wrong", "?", {"wrong": self._wrong})
        if self._wrong >= MAX_WRONG_CODES or not expected:
            self._wrong = 0
            self._announce(self._new_code())
            raise SetupRefused(
                "That set-up code is not right, and it has now been replaced",
                "Ask ward IT for the new code (printed on the kiosk's console and kept in its data folder).",
            )
        raise SetupRefused("That set-up code is not right", "Ask ward IT for the code printed when the kiosk started.")
