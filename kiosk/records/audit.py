"""The audit trail's hash chain, the digests that bind the record tables to it, and its verification.

Each audit row stores ``sha256(previous hash + canonical row)``, so changing or removing a row breaks every hash
after it; the chain's head (last seq and hash) is kept in ``audit_head``, written in the same transaction, so
removing rows at the end is seen too. Audit rows hold no patient data (no names, dates of birth, numbers,
escort details or free text) because they outlive the retention purge. Instead, each audit row that recorded
clinical data carries ``row``: a digest of that data row salted with its discharge's random salt. While the
discharge is kept, ``verify`` re-computes every digest, so a changed, added or deleted confirmation, answer,
escort, override, sign-off or print event is reported; once it is purged, the salt is gone and the digest
links to nobody.

What it cannot detect (said plainly in docs/ARCHITECTURE.md): someone with write access to the file who
rewrites the whole chain from the changed row onwards, head included. Keeping a copy of the head hash
elsewhere (``records verify`` prints it) turns that into a detectable change too.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64

# The columns of each record table that its audit row's digest covers, in digest order. The store builds its
# INSERT statements from these, so writer and verifier cannot disagree on the order.
DIGESTED: dict[str, tuple[str, ...]] = {
    "discharges": (
        "record_id",
        "created_at",
        "patient_name",
        "date_of_birth",
        "hospital_number",
        "nhs_number",
        "procedure_id",
        "procedure_version",
        "content_hash",
        "procedure_ended",
        "side_level",
        "medicines",
        "factors",
        "large_print",
        "started_by",
    ),
    "confirmations": ("record_id", "step_id", "confirmed_at"),
    "answers": ("record_id", "question_id", "chosen", "correct", "answered_at"),
    "escorts": ("record_id", "name", "relationship", "phone", "phone_display", "stays_until", "recorded_at"),
    "overrides": ("record_id", "kind", "reason", "nurse_name", "at"),
    "sign_offs": ("record_id", "nurse_name", "signed_at", "checklist"),
    "help_calls": ("record_id", "kind", "nurse_name", "at"),
    "print_events": (
        "record_id",
        "kind",
        "at",
        "job_id",
        "queue",
        "state",
        "message",
        "reprint",
        "pdf_path",
        "nurse_name",
    ),
}

# Which record table each data-bearing audit event wrote its row to.
EVENT_TABLE: dict[str, str] = {
    "discharge-started": "discharges",
    "step-confirmed": "confirmations",
    "answer-recorded": "answers",
    "escort-recorded": "escorts",
    "no-escort": "escorts",
    "override": "overrides",
    "abandoned": "overrides",
    "signed-off": "sign_offs",
    "print-event": "print_events",
    "help-requested": "help_calls",
    "help-answered": "help_calls",
}

_THINGS = {
    "discharges": "patient details",
    "confirmations": "step confirmation",
    "answers": "check-question answer",
    "escorts": "escort details",
    "overrides": "nurse override",
    "sign_offs": "sign-off",
    "print_events": "print event",
    "help_calls": "call for help",
}


# One encoder, built once: json.dumps would build a new one for every call (most of the cost on a short row).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
_quote = json.encoder.encode_basestring  # exactly how that encoder writes a str (C when available)


def canonical(value: Any) -> str:
    """One exact text for a value: sorted keys, no spaces, Unicode kept (the hash must not depend on style)."""
    if type(value) is dict:
        # A flat object of strings (every fact's audit detail but a few: ``{"row": digest}`` for a
        # confirmation) written directly, the encoder's text exactly: the encoder's Python layer builds a new C
        # encoder each call, most of the cost of so short a text (issue 19). Anything else (a number, a list,
        # a key that is not a string) makes ``_quote`` refuse, and the encoder writes it.
        try:
            return "{" + ",".join([_quote(key) + ":" + _quote(value[key]) for key in sorted(value)]) + "}"
        except TypeError:
            pass
    return _CANONICAL(value)


def chain_hash(prev_hash: str, seq: int, at: str, record_id: str | None, event: str, actor: str, detail: str) -> str:
    if type(seq) is int and type(at) is type(event) is type(actor) is type(detail) is str:
        # The same text canonical() gives for this list of an int, str-or-None and four str, written directly:
        # verify hashes every row ever kept, and the encoder's own overhead would be most of its time.
        rid = "null" if record_id is None else _quote(record_id) if type(record_id) is str else None
        if rid is not None:
            row = f"[{seq},{_quote(at)},{rid},{_quote(event)},{_quote(actor)},{_quote(detail)}]"
            return hashlib.sha256((prev_hash + row).encode("utf-8")).hexdigest()
    row = canonical([seq, at, record_id, event, actor, detail])
    return hashlib.sha256((prev_hash + row).encode("utf-8")).hexdigest()


def row_digest(salt: bytes, values: Iterable[object]) -> str:
    """Digest of a record row's values (str, int or None, exactly as stored), salted per discharge."""
    items = list(values)
    parts = [_SCALAR[type(v)](v) for v in items if type(v) in _SCALAR]
    text = f"[{','.join(parts)}]" if len(parts) == len(items) else canonical(items)
    return hashlib.sha256(salt + text.encode("utf-8")).hexdigest()


# How canonical() writes each type SQLite gives back for the digested columns (anything else goes through it).
_SCALAR: dict[type, Callable[[Any], str]] = {str: _quote, int: int.__repr__, type(None): lambda _: "null"}


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    rows: int
    first_bad_seq: int | None = None
    problem: str = ""
    head_hash: str = GENESIS_HASH

    def summary(self) -> str:
        if self.ok:
            return f"ok: {self.rows} rows (head {self.head_hash[:16]})"
        if self.first_bad_seq is None:
            return self.problem
        return f"audit row {self.first_bad_seq}: {self.problem}"


def verify(conn: sqlite3.Connection) -> AuditReport:
    """Re-compute the whole chain, then check every kept record row against the audit row that recorded it.

    Streams: the chain is walked row by row holding only the previous hash, and the record rows are matched to
    their audit rows by SQL (``audit.seq`` and the ``audit_record`` index), so memory stays flat however long
    the trail, and each row is read and hashed once.
    """
    head_seq, head_hash = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    prev_hash, count, last_seq = GENESIS_HASH, 0, 0
    # SQLite writes each row's canonical text (json_array: the same text as canonical(), checked by the tests); a
    # hash that does not match is re-computed from the row's values in Python before it is called a change.
    for seq, text, stored in conn.execute(_CHAIN):
        if seq != last_seq + 1:
            return AuditReport(False, count, last_seq + 1, f"missing: the rows jump from {last_seq} to {seq}")
        if (
            sha256((prev_hash + text).encode("utf-8")).hexdigest() != stored
            and _chain_hash_of(conn, prev_hash, seq) != stored
        ):
            return AuditReport(False, count, seq, "changed: its hash does not match its contents and the row before")
        prev_hash, count, last_seq = stored, count + 1, seq
    if (last_seq, prev_hash) != (head_seq, head_hash):
        return AuditReport(
            False,
            count,
            last_seq + 1,
            f"missing: the trail ends at row {last_seq} but its head says row {head_seq}: rows at the end were removed",
        )
    problem = _check_record_rows(conn)
    if problem:
        return AuditReport(False, count, problem[0], problem[1], prev_hash)
    return AuditReport(True, count, head_hash=prev_hash)


_CHAIN = "SELECT seq, json_array(seq, at, record_id, event, actor, detail), hash FROM audit ORDER BY seq"
sha256 = hashlib.sha256


def _chain_hash_of(conn: sqlite3.Connection, prev_hash: str, seq: int) -> str:
    """The exact chain hash of one row, from its values (the slow path, for a hash SQLite's text did not match)."""
    row = conn.execute("SELECT seq, at, record_id, event, actor, detail FROM audit WHERE seq = ?", (seq,)).fetchone()
    return chain_hash(prev_hash, *row)


class _First:
    """The problem with the lowest audit seq seen so far: only one is kept, whatever the number found."""

    def __init__(self) -> None:
        self.found: tuple[int, str] | None = None

    def add(self, seq: int, problem: str) -> None:
        if self.found is None or (seq, problem) < self.found:
            self.found = (seq, problem)


def _row_query(table: str, columns: tuple[str, ...]) -> str:
    """Each kept row of ``table`` with its salt, its values' canonical text (json_array), and the audit row its
    ``audit_seq`` points at (by primary key)."""
    cols = ", ".join(f"t.{c}" for c in columns)
    source = "discharges t" if table == "discharges" else f"{table} t JOIN discharges d USING (record_id)"
    salt = "t.salt" if table == "discharges" else "d.salt"
    return (
        f"SELECT t.audit_seq, {salt}, a.record_id, a.event, json_extract(a.detail, '$.row'), t.record_id, "
        f"json_array({cols}) FROM {source} LEFT JOIN audit a ON a.seq = t.audit_seq"
    )


def _row_digest_of(conn: sqlite3.Connection, table: str, salt: bytes, record_id: str, audit_seq: int) -> set[str]:
    """The exact digests of the rows at (record_id, audit_seq), from their values (the slow path)."""
    cols = ", ".join(DIGESTED[table])
    query = f"SELECT {cols} FROM {table} WHERE record_id = ? AND audit_seq = ?"
    return {row_digest(salt, values) for values in conn.execute(query, (record_id, audit_seq))}


def _deleted_query() -> str:
    """Audit rows of kept discharges that recorded a data row no longer there (one pass over the index)."""
    events = ", ".join(f"'{event}'" for event in EVENT_TABLE)
    cases = " ".join(
        f"WHEN '{event}' THEN EXISTS (SELECT 1 FROM {table} t WHERE t.record_id = a.record_id AND t.audit_seq = a.seq)"
        for event, table in EVENT_TABLE.items()
    )
    return (
        f"SELECT a.seq, a.record_id, a.event FROM discharges d JOIN audit a ON a.record_id = d.record_id "
        f"WHERE a.event IN ({events}) AND NOT (CASE a.event {cases} END)"
    )


# Two rows of one table claiming one audit row: one of them was added (a copy).
_DUPLICATE = (
    "SELECT t.audit_seq, t.record_id FROM {table} t WHERE EXISTS "
    "(SELECT 1 FROM {table} u WHERE u.record_id = t.record_id AND u.audit_seq = t.audit_seq AND u.id != t.id)"
)

# Each kept discharge's state against the last state its audit rows recorded (newest first on the index).
_STATE = (
    "SELECT d.record_id, d.state, coalesce(s.seq, d.audit_seq) FROM discharges d LEFT JOIN audit s ON s.seq = "
    "(SELECT a.seq FROM audit a WHERE a.record_id = d.record_id AND json_type(a.detail, '$.state') IS NOT NULL "
    "ORDER BY a.seq DESC LIMIT 1) "
    "WHERE s.seq IS NULL OR json_extract(s.detail, '$.state') IS NOT d.state"
)


def _audited_counts() -> str:
    """How many data-bearing audit rows of kept discharges each record table should have rows for."""
    events = ", ".join(f"'{event}'" for event in EVENT_TABLE)
    return (
        f"SELECT event, count(*) FROM audit WHERE event IN ({events}) "
        "AND record_id IN (SELECT record_id FROM discharges) GROUP BY event"
    )


def _check_record_rows(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The first record row that differs from, or is missing against, the audit trail (by audit seq).

    The row-by-row pass proves each kept row matches the audit row it names. Whether two rows name one audit row
    (a copy) or an audit row has no row (one deleted) is then a count in the usual case, an untouched file
    (issue 19: the two searches were about an eighth of verify's time): no two rows of a table share an ``audit_seq``
    (``count(DISTINCT)`` on its index) and each table has exactly as many matching rows as the audit trail has
    rows for it. Only when a count differs, or a row already failed, do the searches run, to name the first one.
    """
    first = _First()
    matched = dict.fromkeys(DIGESTED, 0)
    for table, columns in DIGESTED.items():
        thing = _THINGS[table]
        ok = 0
        for audit_seq, salt, audited_id, event, digest, record_id, text in conn.execute(_row_query(table, columns)):
            if audited_id != record_id or EVENT_TABLE.get(event) != table:
                first.add(audit_seq, f"a {thing} of {record_id} is not in the audit trail: it was added")
            elif sha256(salt + text.encode("utf-8")).hexdigest() != digest and digest not in _row_digest_of(
                conn, table, salt, record_id, audit_seq
            ):
                first.add(audit_seq, f"the {thing} of {record_id} was changed after it was recorded")
            else:
                ok += 1
        matched[table] = ok
        if table != "discharges" and _has_shared_audit_seq(conn, table):
            for audit_seq, record_id in conn.execute(_DUPLICATE.format(table=table)):
                first.add(audit_seq, f"a {thing} of {record_id} is not in the audit trail: it was added")
    audited = dict.fromkeys(DIGESTED, 0)
    for event, count in conn.execute(_audited_counts()):
        audited[EVENT_TABLE[event]] += count
    if first.found is not None or audited != matched:
        for audit_seq, record_id, event in conn.execute(_deleted_query()):
            first.add(audit_seq, f"the {_THINGS[EVENT_TABLE[event]]} of {record_id} recorded here was deleted")
    for record_id, state, seq in conn.execute(_STATE):
        first.add(seq, f"the state of {record_id} ({state}) is not the one the audit trail recorded")
    return first.found


def _has_shared_audit_seq(conn: sqlite3.Connection, table: str) -> bool:
    """Two rows of ``table`` name one audit row (one index pass; the search for them runs only if so)."""
    rows, distinct = conn.execute(f"SELECT count(*), count(DISTINCT audit_seq) FROM {table}").fetchone()
    return bool(rows != distinct)
