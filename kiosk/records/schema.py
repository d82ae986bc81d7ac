"""The records database: its connection settings, its tables, and migrations by ``PRAGMA user_version``.

Settings and why:
- WAL with ``synchronous=FULL``: a commit is on disk (the WAL is synced) before ``commit`` returns, so a power
  cut never loses a confirmation the screen has moved past (hazard H6), and readers (``records verify``, the
  export) never block the kiosk.
- ``foreign_keys``: everything attached to a discharge is deleted with it (``ON DELETE CASCADE``), so a purge can
  leave nothing behind.
- ``secure_delete``: deleted rows are overwritten with zeros, so a purged name is not left in free space.
- a busy timeout: a second program (the CLI) waits its turn instead of failing at once.
- ``STRICT`` tables: a wrong type is an error at once, not a silently converted value.

A database newer than this app (``user_version`` above ``SCHEMA_VERSION``) is refused before anything is
written to it. Each migration runs in one transaction together with its ``user_version`` bump.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from kiosk.private import create_private
from kiosk.records.audit import GENESIS_HASH
from kiosk.records.errors import DatabaseDamaged, DatabaseTooNew, RecordStoreError, translate

SCHEMA_VERSION = 6
# "DK01" in the database header: tells a kiosk database from any other SQLite file.
APPLICATION_ID = 0x444B3031
DEFAULT_BUSY_TIMEOUT_MS = 5000

_V1 = (
    """CREATE TABLE discharges (
        record_id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_day TEXT NOT NULL,
        salt BLOB NOT NULL,
        patient_name TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        hospital_number TEXT NOT NULL,
        nhs_number TEXT,
        procedure_id TEXT NOT NULL,
        procedure_version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        procedure_ended TEXT NOT NULL,
        side_level TEXT NOT NULL,
        medicines TEXT NOT NULL,
        factors TEXT NOT NULL,
        large_print INTEGER NOT NULL,
        started_by TEXT NOT NULL,
        state TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX discharges_day ON discharges(created_day)",
    "CREATE INDEX discharges_state ON discharges(state)",
    """CREATE TABLE confirmations (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES discharges ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX confirmations_record ON confirmations(record_id)",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES discharges ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        chosen INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        answered_at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX answers_record ON answers(record_id)",
    # One row each time the escort question is answered; the newest counts. name IS NULL means "nobody".
    """CREATE TABLE escorts (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES discharges ON DELETE CASCADE,
        name TEXT,
        relationship TEXT NOT NULL,
        phone TEXT NOT NULL,
        phone_display TEXT NOT NULL,
        stays_until TEXT,
        recorded_at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX escorts_record ON escorts(record_id)",
    """CREATE TABLE overrides (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        nurse_name TEXT NOT NULL,
        at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX overrides_record ON overrides(record_id)",
    """CREATE TABLE sign_offs (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES discharges ON DELETE CASCADE,
        nurse_name TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        checklist TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX sign_offs_record ON sign_offs(record_id)",
    """CREATE TABLE print_events (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        job_id INTEGER,
        queue TEXT NOT NULL,
        state TEXT NOT NULL,
        message TEXT NOT NULL,
        reprint INTEGER NOT NULL,
        pdf_path TEXT NOT NULL,
        nurse_name TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX print_events_record ON print_events(record_id)",
    # Per-day counter behind readable record ids; outlives a purge so an id is never given out twice.
    "CREATE TABLE record_counter (day TEXT PRIMARY KEY, last INTEGER NOT NULL) STRICT",
    """CREATE TABLE nurses (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        salt BLOB NOT NULL,
        pin_hash BLOB NOT NULL,
        scrypt_n INTEGER NOT NULL,
        scrypt_r INTEGER NOT NULL,
        scrypt_p INTEGER NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        lockouts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
    ) STRICT""",
    # The audit trail: append-only (the triggers refuse UPDATE and DELETE), each row chained to the one before.
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        record_id TEXT,
        event TEXT NOT NULL,
        actor TEXT NOT NULL,
        detail TEXT NOT NULL,
        hash TEXT NOT NULL
    ) STRICT""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be deleted from'); END""",
    # The chain's head (last seq and hash), updated in the same transaction as each audit row: deleting the
    # last audit rows leaves a head that no longer matches.
    """CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
    ) STRICT""",
    f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{GENESIS_HASH}')",
    f"PRAGMA application_id = {APPLICATION_ID}",
)

# Issue 13 F4: every wrong PIN, so at most MAX_WRONG_PER_DAY count in any 24 hours whatever good sign-ins come in
# between (the old counter was reset by each good sign-in); and the lock that only another nurse or IT lifts.
_V2 = (
    """CREATE TABLE pin_failures (
        id INTEGER PRIMARY KEY,
        nurse TEXT NOT NULL COLLATE NOCASE,
        at_utc TEXT NOT NULL
    ) STRICT""",
    "CREATE INDEX pin_failures_nurse ON pin_failures(nurse, at_utc)",
    "ALTER TABLE nurses ADD COLUMN locked_out_at TEXT",
)

# Version 3, the central store (issue 18): each audit row (one per committed fact) gets a globally unique fact id,
# and the kiosk keeps how far its facts have reached the central PostgreSQL store. Rows written before this
# version get a random 128-bit id here, so they can be sent too.
_V3 = (
    "CREATE TABLE fact_ids (seq INTEGER PRIMARY KEY, fact_id TEXT NOT NULL UNIQUE) STRICT",
    "INSERT INTO fact_ids (seq, fact_id) SELECT seq, lower(hex(randomblob(16))) FROM audit",
    # sent_seq: every audit row up to it is on the central server (0: nothing yet, or no central store).
    "CREATE TABLE central_sent (id INTEGER PRIMARY KEY CHECK (id = 1), sent_seq INTEGER NOT NULL) STRICT",
    "INSERT INTO central_sent (id, sent_seq) VALUES (1, 0)",
    # The sender finds the record rows of a run of audit rows by audit_seq.
    *(
        f"CREATE INDEX {table}_audit_seq ON {table}(audit_seq)"
        for table in ("discharges", "confirmations", "answers", "escorts", "overrides", "sign_offs", "print_events")
    ),
)

# Version 4: what the nurse's lists and ``records verify`` need, as indexes, so they cost the same with years
# of history as with a day's.
_V4 = (
    # Discharges whose sheet went to the printer after the last "sheet in hand" (hazard H5), kept by the store in
    # the same transaction as each print event: the nurse's home reads this, not every print event ever kept.
    """CREATE TABLE unconfirmed_sheets (
        record_id TEXT PRIMARY KEY REFERENCES discharges ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID""",
    """INSERT INTO unconfirmed_sheets (record_id)
        SELECT record_id FROM print_events GROUP BY record_id
        HAVING max(CASE WHEN kind IN ('submitted', 'completed') THEN id ELSE 0 END)
            > max(CASE WHEN kind = 'sheet-in-hand' THEN id ELSE 0 END)""",
    # verify finds each kept discharge's audit rows (its last recorded state) without walking the whole trail.
    "CREATE INDEX audit_record ON audit(record_id, seq)",
)

# Version 5 (issue 12 item 7): each "I need help" from a patient and the nurse's PIN that answered it.
_V5 = (
    """CREATE TABLE help_calls (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('requested', 'answered')),
        nurse_name TEXT NOT NULL,
        at TEXT NOT NULL,
        audit_seq INTEGER NOT NULL
    ) STRICT""",
    "CREATE INDEX help_calls_record ON help_calls(record_id)",
    "CREATE INDEX help_calls_audit_seq ON help_calls(audit_seq)",
)

# Version 6, the patient's language (issue 17): which language the screens (and the sheet) use for a discharge.
# Like ``state`` it is not part of the row's digest: it changes after the row is written, and every change is an
# audit row of its own ("discharge-started" carries the first, "language-changed" each later one).
_V6 = ("ALTER TABLE discharges ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",)

# MIGRATIONS[n] takes a database at user_version n to n + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
assert len(MIGRATIONS) == SCHEMA_VERSION


def connect(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """An open, migrated connection with the settings above; the app's own error if that is impossible."""
    _make_private(Path(path))
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    try:
        _check_version(conn, path)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise RecordStoreError(
                f"The records database ({path}) cannot use its safe write mode (got {mode})",
                "The data folder must be on a local disk the kiosk user can write to.",
            )
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        migrate(conn)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        conn.close()
        raise translate(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _make_private(path: Path) -> None:
    """The database file 0600 before SQLite opens it: SQLite gives its -wal and -shm the same mode (H8).

    A folder we cannot write to is left for SQLite to report in its own words (``translate``).
    """
    with contextlib.suppress(OSError):
        create_private(path)
        for suffix in ("-wal", "-shm"):
            journal = path.with_name(path.name + suffix)
            if journal.exists():
                create_private(journal)


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a newer or a foreign database before any write (reading the header writes nothing)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"The records database ({path}) was written by a newer version of Discharge Kiosk",
            f"It is at schema version {version}; this app knows up to {SCHEMA_VERSION}. Install the newer "
            "version of the app; the database has not been changed.",
        )
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] > 0
    if app_id != APPLICATION_ID and (version > 0 or has_tables):
        raise DatabaseDamaged(
            f"{path} is not a Discharge Kiosk records database",
            "Point --data-dir (or KIOSK_DATA_DIR) at the kiosk's data folder; this file has not been changed.",
        )


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database up to ``SCHEMA_VERSION``, one transaction per step (safe if two processes race)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return  # the usual case: no write lock taken, so a read-only copy can still be verified
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
