"""The central store's tables on PostgreSQL, versioned migrations, and what a kiosk's role may do.

The tables mirror the kiosk's SQLite ones (same columns, same stored values, so a row's salted digest and the
audit chain verify on the server exactly as on the kiosk), plus ``kiosk_id`` and ``ward``:

- ``audit``: every kiosk's audit rows; ``fact_id`` is the primary key (a resent fact is refused, which is what
  makes sending idempotent) and ``(kiosk_id, seq)`` is unique (the chain is per kiosk). Triggers refuse UPDATE
  and DELETE for everyone, the owner included: the server's copy of the trail is append-only as the kiosk's is.
- ``discharges`` and its fact tables: ``record_id`` is unique fleet-wide (the kiosk id is in it).
- ``ward_roles``: which ward and kiosk id each kiosk's login role belongs to. ``kiosk_ward()`` and
  ``kiosk_self()`` look the caller up there; the ward is every table's ``ward`` default, and row security lets a
  kiosk read its own ward's rows and write only rows of its own kiosk id.

Roles: the migration makes a group role ``discharge_kiosk`` (no login) holding the grants; IT makes one login role
per kiosk in that group (``add_kiosk_role``). The group may SELECT and INSERT, UPDATE only a discharge's
``state``, and DELETE nothing: retention on the server goes through ``purge_ward``, a SECURITY DEFINER function
that deletes only the caller's ward's discharges past the retention period, never an audit row.

Versions live in ``central_schema`` (one row). ``migrate`` runs as the owner (IT's admin role), each step in one
transaction under an advisory lock, so two kiosks' installers racing cannot apply a step twice. A kiosk refuses
a server older than it needs; a newer server is fine, because migrations only add.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Any

import psycopg
from psycopg import sql

CENTRAL_SCHEMA_VERSION = 2
KIOSK_GROUP = "discharge_kiosk"
_LOCK_KEY = 0x444B3031  # "DK01", as the SQLite application id

_V1 = (
    """CREATE TABLE ward_roles (role_name name PRIMARY KEY, ward text NOT NULL, kiosk_id text NOT NULL UNIQUE)""",
    # SECURITY DEFINER: the kiosk may not read ward_roles itself; session_user is the kiosk's login role.
    """CREATE FUNCTION kiosk_ward() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT ward FROM ward_roles WHERE role_name = session_user $$""",
    """CREATE FUNCTION kiosk_self() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT kiosk_id FROM ward_roles WHERE role_name = session_user $$""",
    """CREATE TABLE audit (
        fact_id uuid PRIMARY KEY,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        seq bigint NOT NULL,
        at text NOT NULL,
        record_id text,
        event text NOT NULL,
        actor text NOT NULL,
        detail text NOT NULL,
        hash text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kiosk_id, seq)
    )""",
    "CREATE INDEX audit_ward ON audit (ward, kiosk_id, seq)",
    """CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit trail cannot be changed or deleted from'; END $$""",
    """CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
        FOR EACH ROW EXECUTE FUNCTION audit_append_only()""",
    "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()",
    """CREATE TABLE discharges (
        record_id text PRIMARY KEY,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        created_at text NOT NULL,
        created_day text NOT NULL,
        salt bytea NOT NULL,
        patient_name text NOT NULL,
        date_of_birth text NOT NULL,
        hospital_number text NOT NULL,
        nhs_number text,
        procedure_id text NOT NULL,
        procedure_version text NOT NULL,
        content_hash text NOT NULL,
        procedure_ended text NOT NULL,
        side_level text NOT NULL,
        medicines text NOT NULL,
        factors text NOT NULL,
        large_print integer NOT NULL,
        started_by text NOT NULL,
        state text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    "CREATE INDEX discharges_ward_day ON discharges (ward, created_day)",
    """CREATE TABLE confirmations (
        id bigserial PRIMARY KEY,
        record_id text NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        step_id text NOT NULL,
        confirmed_at text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    """CREATE TABLE answers (
        id bigserial PRIMARY KEY,
        record_id text NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        question_id text NOT NULL,
        chosen integer NOT NULL,
        correct integer NOT NULL,
        answered_at text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    """CREATE TABLE escorts (
        id bigserial PRIMARY KEY,
        record_id text NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        name text,
        relationship text NOT NULL,
        phone text NOT NULL,
        phone_display text NOT NULL,
        stays_until text,
        recorded_at text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    """CREATE TABLE overrides (
        id bigserial PRIMARY KEY,
        record_id text NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        kind text NOT NULL,
        reason text NOT NULL,
        nurse_name text NOT NULL,
        at text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    """CREATE TABLE sign_offs (
        id bigserial PRIMARY KEY,
        record_id text NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        nurse_name text NOT NULL,
        signed_at text NOT NULL,
        checklist text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    """CREATE TABLE print_events (
        id bigserial PRIMARY KEY,
        record_id text NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        kind text NOT NULL,
        at text NOT NULL,
        job_id integer,
        queue text NOT NULL,
        state text NOT NULL,
        message text NOT NULL,
        reprint integer NOT NULL,
        pdf_path text NOT NULL,
        nurse_name text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    *(
        f"CREATE INDEX {table}_record ON {table} (record_id)"
        for table in ("confirmations", "answers", "escorts", "overrides", "sign_offs", "print_events")
    ),
    # What the server's retention removed: the audit rows stay (they hold no patient data), so this says why
    # a chain's discharges are gone.
    """CREATE TABLE purges (
        id bigserial PRIMARY KEY,
        ward text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        by_role name NOT NULL DEFAULT session_user,
        cutoff_day text NOT NULL,
        records text[] NOT NULL
    )""",
    """CREATE FUNCTION purge_ward(retention_days integer) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public AS $$
        DECLARE
            my_ward text := kiosk_ward();
            cutoff text := to_char(current_date - retention_days, 'YYYY-MM-DD');
            gone text[];
        BEGIN
            IF my_ward IS NULL THEN RAISE EXCEPTION 'role % belongs to no ward', session_user; END IF;
            IF retention_days < 0 THEN RAISE EXCEPTION 'retention_days must be 0 or more'; END IF;
            WITH deleted AS (
                DELETE FROM discharges WHERE ward = my_ward AND created_day < cutoff RETURNING record_id
            ) SELECT coalesce(array_agg(record_id ORDER BY record_id), '{}') INTO gone FROM deleted;
            IF cardinality(gone) > 0 THEN
                INSERT INTO purges (ward, cutoff_day, records) VALUES (my_ward, cutoff, gone);
            END IF;
            RETURN cardinality(gone);
        END $$""",
    "REVOKE ALL ON FUNCTION purge_ward(integer) FROM PUBLIC",
    "REVOKE ALL ON FUNCTION kiosk_ward() FROM PUBLIC",
    "REVOKE ALL ON FUNCTION kiosk_self() FROM PUBLIC",
)

TABLES = ("audit", "discharges", "confirmations", "answers", "escorts", "overrides", "sign_offs", "print_events")
_CHILDREN = TABLES[2:]


def _grants_v1() -> tuple[str, ...]:
    """The kiosk group's rights and the ward rule on every table (row security: the owner is not bound by it)."""
    statements = [
        f"GRANT SELECT, INSERT ON {', '.join(TABLES)} TO {KIOSK_GROUP}",
        f"GRANT SELECT ON central_schema TO {KIOSK_GROUP}",  # a kiosk checks the version before sending
        f"GRANT UPDATE (state) ON discharges TO {KIOSK_GROUP}",
        f"GRANT USAGE ON {', '.join(f'{t}_id_seq' for t in _CHILDREN)} TO {KIOSK_GROUP}",
        f"GRANT EXECUTE ON FUNCTION kiosk_ward(), kiosk_self(), purge_ward(integer) TO {KIOSK_GROUP}",
    ]
    # (SELECT f()): evaluated once per statement, not once per row (a batch is one statement per table).
    own = "ward = (SELECT kiosk_ward()) AND kiosk_id = (SELECT kiosk_self())"
    for table in TABLES:
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY read_ward ON {table} FOR SELECT USING (ward = (SELECT kiosk_ward()))",
            f"CREATE POLICY write_own ON {table} FOR INSERT WITH CHECK ({own})",
        ]
    statements.append(f"CREATE POLICY update_own ON discharges FOR UPDATE USING ({own}) WITH CHECK ({own})")
    return tuple(statements)


def _grants(table: str) -> tuple[str, ...]:
    """The kiosk group's rights and the ward rule on one fact table added after version 1 (as ``_grants_v1``)."""
    own = "ward = (SELECT kiosk_ward()) AND kiosk_id = (SELECT kiosk_self())"
    return (
        f"GRANT SELECT, INSERT ON {table} TO {KIOSK_GROUP}",
        f"GRANT USAGE ON {table}_id_seq TO {KIOSK_GROUP}",
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY read_ward ON {table} FOR SELECT USING (ward = (SELECT kiosk_ward()))",
        f"CREATE POLICY write_own ON {table} FOR INSERT WITH CHECK ({own})",
    )


# Version 2 (issue 12 item 7): the patients' calls for help and the nurses who answered them, as the kiosk's
# SQLite version 5 keeps them. A kiosk at this version refuses a version-1 server (``check_usable``): its
# help-call facts would have no table to go to.
_V2 = (
    """CREATE TABLE help_calls (
        id bigserial PRIMARY KEY,
        record_id text NOT NULL REFERENCES discharges ON DELETE CASCADE,
        kiosk_id text NOT NULL,
        ward text NOT NULL DEFAULT kiosk_ward(),
        kind text NOT NULL,
        nurse_name text NOT NULL,
        at text NOT NULL,
        audit_seq bigint NOT NULL,
        UNIQUE (kiosk_id, audit_seq)
    )""",
    "CREATE INDEX help_calls_record ON help_calls (record_id)",
    *_grants("help_calls"),
)

# MIGRATIONS[n] takes a central store at version n to n + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = ((*_V1, *_grants_v1()), _V2)
assert len(MIGRATIONS) == CENTRAL_SCHEMA_VERSION


class CentralSchemaError(Exception):
    """The server's schema is not one this kiosk can write to."""


def _ensure_group(conn: psycopg.Connection[Any]) -> None:
    """Roles belong to the whole PostgreSQL cluster, so the group may exist already (another database)."""
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (KIOSK_GROUP,)).fetchone()
    if exists is None:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(KIOSK_GROUP)))


def version(conn: psycopg.Connection[Any]) -> int:
    """The server's schema version; 0 for a database the kiosk has never migrated."""
    found = conn.execute("SELECT to_regclass('central_schema')").fetchone()
    if found is None or found[0] is None:
        return 0
    row = conn.execute("SELECT version FROM central_schema").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: psycopg.Connection[Any]) -> int:
    """Bring the central store up to ``CENTRAL_SCHEMA_VERSION`` (run as its owner); returns the version reached."""
    while True:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS central_schema (id integer PRIMARY KEY CHECK (id = 1), version integer)"
            )
            conn.execute("INSERT INTO central_schema (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING")
            current = version(conn)
            if current >= CENTRAL_SCHEMA_VERSION:
                return current
            _ensure_group(conn)
            for statement in MIGRATIONS[current]:
                conn.execute(statement)  # the migrations are literal SQL
            conn.execute("UPDATE central_schema SET version = %s", (current + 1,))


def check_usable(conn: psycopg.Connection[Any]) -> None:
    """Refuse a server older than this kiosk needs (a newer one is fine: migrations only add)."""
    found = version(conn)
    if found < CENTRAL_SCHEMA_VERSION:
        raise CentralSchemaError(
            f"the central store is at schema version {found}; this kiosk needs {CENTRAL_SCHEMA_VERSION}: "
            "IT must run `main.py records central-migrate` against it first"
        )


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802/7677), made here so the password
    itself never travels in a statement the server might log (``log_statement = 'ddl'``). No SASLprep: the
    verifier matches PostgreSQL's for passwords without characters SASLprep changes (plain ASCII included)."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def add_kiosk_role(conn: psycopg.Connection[Any], role: str, password: str, ward: str, kiosk_id: str) -> None:
    """A login role for one kiosk, in the kiosk group, belonging to ``ward`` (run as the owner). The role may
    write only rows of ``kiosk_id``: one kiosk cannot add to another's chain."""
    with conn.transaction():
        ident = sql.Identifier(role)
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "CREATE" if exists is None else "ALTER"
        verifier = sql.Literal(scram_verifier(password))
        conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(ident, verifier))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(KIOSK_GROUP), ident))
        conn.execute(
            "INSERT INTO ward_roles (role_name, ward, kiosk_id) VALUES (%s, %s, %s) "
            "ON CONFLICT (role_name) DO UPDATE SET ward = excluded.ward, kiosk_id = excluded.kiosk_id",
            (role, ward, kiosk_id),
        )
