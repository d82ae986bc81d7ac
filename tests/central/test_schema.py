"""The central schema on a real PostgreSQL server: versioned migrations, and what a kiosk's role may do.

Every refusal is tried for real, as the kiosk's own login role over TCP with its password.
"""

from __future__ import annotations

import uuid
from typing import Any

import psycopg
import pytest
from psycopg import errors as pg_errors

from kiosk.records.central import schema as central_schema
from kiosk.records.central.settings import CentralSettings
from tests.central.fixtures import CentralDb


def as_kiosk(settings: CentralSettings) -> psycopg.Connection[Any]:
    return psycopg.connect(**settings.connect_kwargs(), autocommit=True)


def add_audit(conn: psycopg.Connection[Any], kiosk_id: str, seq: int, record_id: str | None = None) -> str:
    fact_id = uuid.uuid4().hex
    conn.execute(
        "INSERT INTO audit (fact_id, kiosk_id, seq, at, record_id, event, actor, detail, hash) "
        "VALUES (%s, %s, %s, '2026-11-21T09:30:00+00:00', %s, 'test', 'tester', '{}', 'x')",
        (fact_id, kiosk_id, seq, record_id),
    )
    return fact_id


def add_discharge(conn: psycopg.Connection[Any], kiosk_id: str, record_id: str, seq: int) -> None:
    conn.execute(
        "INSERT INTO discharges (record_id, kiosk_id, created_at, created_day, salt, patient_name, date_of_birth, "
        "hospital_number, procedure_id, procedure_version, content_hash, procedure_ended, side_level, medicines, "
        "factors, large_print, started_by, state, audit_seq) VALUES (%s, %s, '2026-11-21T09:30:00+00:00', "
        "'2026-11-21', '\\x00', 'A Patient', '1950-01-01', 'RJ1', 'p', '1', 'h', 'x', '', '[]', '[]', 0, 'Sam', "
        "'started', %s)",
        (record_id, kiosk_id, seq),
    )


def test_migrations_are_versioned_and_run_once(central: CentralDb) -> None:
    with central.admin() as conn:
        assert central_schema.version(conn) == central_schema.CENTRAL_SCHEMA_VERSION
        assert central_schema.migrate(conn) == central_schema.CENTRAL_SCHEMA_VERSION  # again: nothing to do
        central_schema.check_usable(conn)
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
        assert tables is not None and tables[0] == 12  # 9 record tables, ward_roles, purges, central_schema


def test_a_version_1_server_is_refused_until_migrated_then_takes_help_calls(central: CentralDb, pg_server: Any) -> None:
    """Version 2 adds help_calls (issue 12 item 7): a kiosk refuses a server without it, the migration adds it."""
    name = f"{central.name}_v1"
    with psycopg.connect(pg_server.admin_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        with psycopg.connect(pg_server.dsn_for(name)) as conn:
            with conn.transaction():
                conn.execute("CREATE TABLE central_schema (id integer PRIMARY KEY CHECK (id = 1), version integer)")
                conn.execute("INSERT INTO central_schema (id, version) VALUES (1, 1)")
                for statement in central_schema.MIGRATIONS[0]:
                    conn.execute(statement)
            with pytest.raises(central_schema.CentralSchemaError, match="schema version 1; this kiosk needs 2"):
                central_schema.check_usable(conn)
            assert central_schema.migrate(conn) == 2
            central_schema.check_usable(conn)
            found = conn.execute("SELECT relrowsecurity FROM pg_class WHERE relname = 'help_calls'").fetchone()
            assert found == (True,)
    finally:
        with psycopg.connect(pg_server.admin_dsn, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name}")


def test_a_kiosk_refuses_a_server_that_was_never_migrated(central: CentralDb, pg_server: Any) -> None:
    with psycopg.connect(pg_server.admin_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {central.name}_empty")
    try:
        with psycopg.connect(pg_server.dsn_for(f"{central.name}_empty")) as conn:
            with pytest.raises(central_schema.CentralSchemaError, match="schema version 0; this kiosk needs 2"):
                central_schema.check_usable(conn)
    finally:
        with psycopg.connect(pg_server.admin_dsn, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {central.name}_empty")


def test_the_kiosk_role_may_add_facts_but_never_change_or_delete_audit_rows(central: CentralDb) -> None:
    kiosk = central.add_kiosk("A1")
    with as_kiosk(kiosk) as conn:
        add_audit(conn, "A1", 1, "DK-20261121-0001-A1")
        add_discharge(conn, "A1", "DK-20261121-0001-A1", 1)
        conn.execute("UPDATE discharges SET state = 'with-patient' WHERE record_id = 'DK-20261121-0001-A1'")
        with pytest.raises(pg_errors.InsufficientPrivilege):
            conn.execute("UPDATE audit SET actor = 'someone else'")
        with pytest.raises(pg_errors.InsufficientPrivilege):
            conn.execute("DELETE FROM audit")
        with pytest.raises(pg_errors.InsufficientPrivilege):
            conn.execute("TRUNCATE audit")
        with pytest.raises(pg_errors.InsufficientPrivilege):
            conn.execute("DELETE FROM discharges")
        with pytest.raises(pg_errors.InsufficientPrivilege):
            conn.execute("UPDATE discharges SET patient_name = 'Someone Else'")
        with pytest.raises(pg_errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM ward_roles")
    assert central.count("SELECT count(*) FROM audit WHERE actor = 'tester'") == 1
    assert central.count("SELECT count(*) FROM discharges WHERE state = 'with-patient'") == 1


def test_not_even_the_owner_can_change_the_central_audit_trail(central: CentralDb) -> None:
    kiosk = central.add_kiosk("A1")
    with as_kiosk(kiosk) as conn:
        add_audit(conn, "A1", 1)
    with central.admin() as conn:
        for statement in ("UPDATE audit SET actor = 'x'", "DELETE FROM audit", "TRUNCATE audit"):
            with pytest.raises(pg_errors.RaiseException, match="cannot be changed or deleted"):
                conn.execute(statement)


def test_a_kiosk_reads_its_own_ward_and_writes_only_as_itself(central: CentralDb) -> None:
    a1, a2, b1 = central.add_kiosk("A1"), central.add_kiosk("A2"), central.add_kiosk("B1", ward="ward-9")
    with as_kiosk(a1) as conn:
        add_audit(conn, "A1", 1)
    with as_kiosk(b1) as conn:
        add_audit(conn, "B1", 1)
        seen = conn.execute("SELECT kiosk_id FROM audit").fetchall()
        assert seen == [("B1",)]  # ward 9 does not see ward 5's rows
    with as_kiosk(a2) as conn:
        assert sorted(conn.execute("SELECT kiosk_id, ward FROM audit").fetchall()) == [("A1", "ward-5")]
        with pytest.raises(pg_errors.InsufficientPrivilege, match="row-level security"):
            add_audit(conn, "A1", 2)  # A2 may not write into A1's chain
        add_discharge_blocked = "DK-20261121-0001-A1"
        with pytest.raises(pg_errors.InsufficientPrivilege, match="row-level security"):
            add_discharge(conn, "A1", add_discharge_blocked, 2)
        with pytest.raises(pg_errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(
                "INSERT INTO audit (fact_id, kiosk_id, ward, seq, at, event, actor, detail, hash) "
                "VALUES (gen_random_uuid(), 'A2', 'ward-9', 1, 'x', 'e', 'a', '{}', 'h')"
            )


def test_a_duplicate_fact_is_refused_by_the_server(central: CentralDb) -> None:
    kiosk = central.add_kiosk("A1")
    with as_kiosk(kiosk) as conn:
        fact_id = add_audit(conn, "A1", 1)
        with pytest.raises(pg_errors.UniqueViolation):
            conn.execute(
                "INSERT INTO audit (fact_id, kiosk_id, seq, at, event, actor, detail, hash) "
                "VALUES (%s, 'A1', 2, 'x', 'e', 'a', '{}', 'h')",
                (fact_id,),
            )
        with pytest.raises(pg_errors.UniqueViolation):
            add_audit(conn, "A1", 1)  # another fact with the same place in A1's chain


def test_a_kiosk_password_reaches_the_server_only_as_a_scram_verifier(central: CentralDb) -> None:
    """The verifier is made on the IT machine: the statement the server may log never holds the password, and
    the kiosk still logs in with it (SCRAM over TCP)."""
    settings = central.add_kiosk("A1")
    with central.admin() as conn:
        row = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (settings.user,)).fetchone()
    assert row is not None and str(row[0]).startswith("SCRAM-SHA-256$4096:")
    assert settings.password() not in str(row[0])
    with as_kiosk(settings) as conn:
        assert conn.execute("SELECT kiosk_self()").fetchone() == ("A1",)
