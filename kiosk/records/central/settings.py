"""How a kiosk reaches the central PostgreSQL store: host, role, database, and a password kept out of config.toml.

The password comes from ``records.central_password_file`` (a file only the kiosk user can read) or the
``KIOSK_CENTRAL_PASSWORD`` environment variable: ``config.toml`` is readable by ward IT and copied between
kiosks, so a password written there would leak (the config parser refuses any ``*password*`` key).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import WardConfig
from kiosk.errors import ConfigError

PASSWORD_ENV = "KIOSK_CENTRAL_PASSWORD"


@dataclass(frozen=True)
class CentralSettings:
    kiosk_id: str
    host: str
    port: int
    database: str
    user: str
    password_file: str = ""
    sslmode: str = "prefer"
    connect_timeout_seconds: int = 5
    unsent_warning_minutes: int = 15

    @classmethod
    def from_config(cls, config: WardConfig) -> CentralSettings:
        if not config.central:
            raise ConfigError('records.backend is not "postgresql": there is no central store to connect to')
        return cls(
            kiosk_id=config.kiosk_id,
            host=config.central_host,
            port=config.central_port,
            database=config.central_database,
            user=config.central_user,
            password_file=config.central_password_file,
            sslmode=config.central_sslmode,
            unsent_warning_minutes=config.unsent_warning_minutes,
        )

    @property
    def where(self) -> str:
        """The server as a person would name it in a message."""
        return f"{self.host}:{self.port}/{self.database}"

    def password(self) -> str | None:
        """The file wins over the environment; None lets libpq use its own (e.g. a client certificate)."""
        if self.password_file:
            path = Path(self.password_file)
            try:
                return path.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(
                    f"Cannot read the central store's password file {path}",
                    f"{exc.strerror or exc}: it must exist and be readable by the kiosk user (and nobody else).",
                ) from exc
        return os.environ.get(PASSWORD_ENV) or None

    def connect_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``psycopg.connect``; the password is read each time (IT may rotate it)."""
        kwargs: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "dbname": self.database,
            "user": self.user,
            "sslmode": self.sslmode,
            "connect_timeout": self.connect_timeout_seconds,
            "application_name": f"discharge-kiosk {self.kiosk_id}",
            # A dead network is noticed in seconds, not after the kernel's two-hour TCP default.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        }
        password = self.password()
        if password is not None:
            kwargs["password"] = password
        return kwargs
