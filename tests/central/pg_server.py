"""A private PostgreSQL server for the central-store tests: its own data folder, port and socket folder.

Started by the test session (as the CUPS scheduler is), run as the ``postgres`` user when tests run as root
(PostgreSQL refuses to run as root), as the developer's own user otherwise. Each session takes a free port and
a fresh folder, so parallel test runs never share a server; ``stop`` and ``start`` let a test take the server
away under a running kiosk.

Authentication is what a trust would use: the socket (admin, ``postgres``) trusts the local user; TCP on
127.0.0.1 (the kiosks) asks for a SCRAM password.

Importable without pytest: the kiosk child processes of the tests use ``dsn`` values only.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
INITDB = BIN / "initdb"
PG_CTL = BIN / "pg_ctl"
RUN_AS = "postgres"


def installed() -> bool:
    return INITDB.exists() and PG_CTL.exists() and (os.geteuid() != 0 or shutil.which("runuser") is not None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivatePostgres:
    """initdb + pg_ctl on a folder of its own; ``admin_dsn`` for set-up, ``host``/``port`` for kiosks."""

    def __init__(self) -> None:
        # Not under pytest's tmp folder: that is private to root and the server runs as postgres.
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "run"
        self.log = self.root / "server.log"
        self.port = _free_port()
        self.host = "127.0.0.1"

    @property
    def admin_dsn(self) -> str:
        return f"host={self.socket_dir} port={self.port} user=postgres dbname=postgres"

    def dsn_for(self, dbname: str) -> str:
        return f"host={self.socket_dir} port={self.port} user=postgres dbname={dbname}"

    def _as_postgres(self, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """As root (the test machine) through ``runuser``; a developer's own user runs the server directly."""
        command = ["runuser", "-u", RUN_AS, "--", *argv] if os.geteuid() == 0 else list(argv)
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)

    def init(self) -> None:
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.root, RUN_AS, RUN_AS)
            shutil.chown(self.socket_dir, RUN_AS, RUN_AS)
        done = self._as_postgres(
            str(INITDB),
            "-D",
            str(self.data),
            "--username=postgres",  # the admin role's name, whoever runs the server
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",  # a test cluster: speed over crash safety of the cluster itself
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stdout}\n{done.stderr}")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses={self.host} "
            "-c fsync=off -c shared_buffers=16MB -c max_connections=40"
        )
        done = self._as_postgres(str(PG_CTL), "-D", str(self.data), "-l", str(self.log), "-w", "-o", options, "start")
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {done.stdout}\n{done.stderr}\n{self.log_tail()}")

    def stop(self, mode: str = "fast") -> None:
        """``fast`` disconnects every client at once, as a server restart or a network cut would."""
        self._as_postgres(str(PG_CTL), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return self._as_postgres(str(PG_CTL), "-D", str(self.data), "status").returncode == 0

    def wait_stopped(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.1)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def destroy(self) -> None:
        if self.data.exists() and self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def env_without_libpq() -> dict[str, str]:
    """The environment minus libpq's own PG* variables, so a developer's settings never leak into a test."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}
