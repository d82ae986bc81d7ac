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
from collections.abc import Iterable
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
}

_THINGS = {
    "discharges": "patient details",
    "confirmations": "step confirmation",
    "answers": "check-question answer",
    "escorts": "escort details",
    "overrides": "nurse override",
    "sign_offs": "sign-off",
    "print_events": "print event",
}


def canonical(value: Any) -> str:
    """One exact text for a value: sorted keys, no spaces, Unicode kept (the hash must not depend on style)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, seq: int, at: str, record_id: str | None, event: str, actor: str, detail: str) -> str:
    row = canonical([seq, at, record_id, event, actor, detail])
    return hashlib.sha256((prev_hash + row).encode("utf-8")).hexdigest()


def row_digest(salt: bytes, values: Iterable[object]) -> str:
    """Digest of a record row's values (str, int or None, exactly as stored), salted per discharge."""
    return hashlib.sha256(salt + canonical(list(values)).encode("utf-8")).hexdigest()


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
    """Re-compute the whole chain, then check every kept record row against the audit row that recorded it."""
    head_seq, head_hash = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    existing = {row[0] for row in conn.execute("SELECT record_id FROM discharges")}
    expected: dict[tuple[str, int], tuple[str, str]] = {}  # (table, seq) -> (record_id, digest), kept records
    last_state: dict[str, tuple[str, int]] = {}  # record_id -> (state, seq of the row that set it)
    prev_hash, count, last_seq = GENESIS_HASH, 0, 0
    for seq, at, record_id, event, actor, detail, stored in conn.execute(
        "SELECT seq, at, record_id, event, actor, detail, hash FROM audit ORDER BY seq"
    ):
        if seq != last_seq + 1:
            return AuditReport(False, count, last_seq + 1, f"missing: the rows jump from {last_seq} to {seq}")
        if chain_hash(prev_hash, seq, at, record_id, event, actor, detail) != stored:
            return AuditReport(False, count, seq, "changed: its hash does not match its contents and the row before")
        prev_hash, count, last_seq = stored, count + 1, seq
        if record_id in existing:
            facts = json.loads(detail)
            if event in EVENT_TABLE:
                expected[EVENT_TABLE[event], seq] = (record_id, facts.get("row", ""))
            if "state" in facts:
                last_state[record_id] = (facts["state"], seq)
    if (last_seq, prev_hash) != (head_seq, head_hash):
        return AuditReport(
            False,
            count,
            last_seq + 1,
            f"missing: the trail ends at row {last_seq} but its head says row {head_seq}: rows at the end were removed",
        )
    problem = _check_record_rows(conn, expected, last_state)
    if problem:
        return AuditReport(False, count, problem[0], problem[1], prev_hash)
    return AuditReport(True, count, head_hash=prev_hash)


def _check_record_rows(
    conn: sqlite3.Connection,
    expected: dict[tuple[str, int], tuple[str, str]],
    last_state: dict[str, tuple[str, int]],
) -> tuple[int, str] | None:
    """The first record row that differs from, or is missing against, the audit trail (by audit seq)."""
    problems: list[tuple[int, str]] = []
    for table, columns in DIGESTED.items():
        thing = _THINGS[table]
        cols = ", ".join(f"t.{c}" for c in columns)
        query = f"SELECT t.audit_seq, d.salt, {cols} FROM {table} t JOIN discharges d USING (record_id)"
        for audit_seq, salt, *values in conn.execute(query):
            want = expected.pop((table, audit_seq), None)
            record_id = values[0]
            if want is None or want[0] != record_id:
                problems.append((audit_seq, f"a {thing} of {record_id} is not in the audit trail: it was added"))
            elif row_digest(salt, values) != want[1]:
                problems.append((audit_seq, f"the {thing} of {record_id} was changed after it was recorded"))
    for (table, audit_seq), (record_id, _) in expected.items():
        problems.append((audit_seq, f"the {_THINGS[table]} of {record_id} recorded here was deleted"))
    for record_id, state, started_seq in conn.execute("SELECT record_id, state, audit_seq FROM discharges"):
        audited, seq = last_state.get(record_id, ("", started_seq))
        if audited != state:
            problems.append((seq, f"the state of {record_id} ({state}) is not the one the audit trail recorded"))
    return min(problems) if problems else None
