"""Fixtures for the central store: a private PostgreSQL server per test session, a fresh database per test.

The server is started here (as the CUPS scheduler is for printing) on a free port with its own data and socket
folders, and stopped and deleted at the end of the session, so parallel test runs never share one. Each central
test gets its own database, migrated by the admin role, and makes kiosk roles in it with ``central.add_kiosk``.
The record store's tests run their second backend on one shared database (``shared_central``), emptied before
each test (``CentralDb.empty``): a database per test would cost more than most of those tests.

A plugin of the root ``conftest.py``, so the one session server serves every folder that asks for it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest

from kiosk.records.central import schema as central_schema
from kiosk.records.central.settings import CentralSettings
from tests.central.pg_server import PrivatePostgres, installed

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PrivatePostgres]:
    """The session's PostgreSQL server. Skips only when PostgreSQL is not installed at all."""
    if not installed():
        pytest.skip("PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin): ./kiosk.sh test installs it")
    server = PrivatePostgres()
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.destroy()


@dataclass
class CentralDb:
    """One test's central database on the session server, and the kiosk roles made in it."""

    server: PrivatePostgres
    name: str
    folder: Path
    roles: list[str] = field(default_factory=list)

    @property
    def admin_dsn(self) -> str:
        return self.server.dsn_for(self.name)

    def admin(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self.admin_dsn, autocommit=True)

    def add_kiosk(self, kiosk_id: str, ward: str = "ward-5", *, login: bool = True) -> CentralSettings:
        """A kiosk role of ``ward`` for ``kiosk_id``, its password in a file only root can read."""
        role = f"{self.name}_{kiosk_id.lower()}"
        password = f"pw-{role}-{os.getpid()}"
        with self.admin() as conn:
            central_schema.add_kiosk_role(conn, role, password, ward, kiosk_id)
            if not login:
                conn.execute(psycopg.sql.SQL("ALTER ROLE {} NOLOGIN").format(psycopg.sql.Identifier(role)))
        self.roles.append(role)
        secret = self.folder / f"{role}.pass"
        secret.write_text(password + "\n", encoding="utf-8")
        secret.chmod(0o600)
        return CentralSettings(
            kiosk_id=kiosk_id,
            host=self.server.host,
            port=self.server.port,
            database=self.name,
            user=role,
            password_file=str(secret),
            sslmode="disable",
            connect_timeout_seconds=3,
        )

    def empty(self) -> None:
        """Every kiosk's rows gone (the kiosk roles stay): the append-only triggers are off for this session only."""
        with self.admin() as conn:
            conn.execute("SET session_replication_role = replica")
            conn.execute(f"TRUNCATE {', '.join(central_schema.TABLES)}, purges RESTART IDENTITY CASCADE")

    def count(self, query: str, params: tuple[object, ...] = ()) -> int:
        with self.admin() as conn:
            row = conn.execute(query, params).fetchone()
            return int(row[0]) if row else 0


@contextmanager
def _database(pg_server: PrivatePostgres, folder: Path, prefix: str) -> Iterator[CentralDb]:
    """A fresh, migrated central database (dropped afterwards, with its kiosk roles)."""
    name = f"{prefix}_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(pg_server.admin_dsn, autocommit=True) as conn:
        conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
    db = CentralDb(pg_server, name, folder)
    with db.admin() as conn:
        central_schema.migrate(conn)
    yield db
    if not pg_server.running():
        pg_server.start()  # a test that stopped the server must not break the clean-up
    with psycopg.connect(pg_server.admin_dsn, autocommit=True) as conn:
        conn.execute(psycopg.sql.SQL("DROP DATABASE {} WITH (FORCE)").format(psycopg.sql.Identifier(name)))
        for role in db.roles:
            conn.execute(psycopg.sql.SQL("DROP ROLE IF EXISTS {}").format(psycopg.sql.Identifier(role)))


@pytest.fixture
def central(pg_server: PrivatePostgres, tmp_path: Path) -> Iterator[CentralDb]:
    """A fresh, migrated central database for this test alone."""
    with _database(pg_server, tmp_path, "central") as db:
        yield db


@pytest.fixture(scope="session")
def shared_central(
    pg_server: PrivatePostgres, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[CentralDb, CentralSettings]]:
    """One migrated database for the whole session with kiosk A1 of ward-5 in it; ``empty`` it before use."""
    with _database(pg_server, tmp_path_factory.mktemp("shared-central"), "records") as db:
        yield db, db.add_kiosk("A1")
