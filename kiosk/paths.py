"""The one place that knows where things live.

Everything that opens a file under ``resources/`` or ``procedures/``, or in the data folder, asks this module,
so the app behaves the same whatever the current directory is, and tests or a second ward can point the data
folder elsewhere with ``KIOSK_DATA_DIR`` (the ``--data-dir`` option sets that variable).
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.private import private_dir

DATA_DIR_ENV = "KIOSK_DATA_DIR"
PROCEDURES_DIR_ENV = "KIOSK_PROCEDURES_DIR"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"


def resource(*parts: str) -> Path:
    """A file shipped under ``resources/`` (theme, fonts, icons)."""
    return RESOURCES_DIR.joinpath(*parts)


def procedures_dir() -> Path:
    """The procedure library: the shipped ``procedures/`` unless ``KIOSK_PROCEDURES_DIR`` points elsewhere."""
    override = os.environ.get(PROCEDURES_DIR_ENV)
    return Path(override).expanduser().resolve() if override else PROJECT_ROOT / "procedures"


def data_dir(create: bool = True) -> Path:
    """The ward's data folder: records database, outbox of sheets, config, logs.

    Defaults to the per-user data folder (``$XDG_DATA_HOME/discharge-kiosk``), so a plain start needs no set-up.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser().resolve()
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(xdg) / "discharge-kiosk"
    if create:
        private_dir(path)  # 0700 whatever the umask: it holds patient data (H8)
    return path


def database_path() -> Path:
    return data_dir() / "records.sqlite3"


def outbox_dir() -> Path:
    return private_dir(data_dir() / "outbox")


def config_path() -> Path:
    return data_dir() / "config.toml"


def log_dir() -> Path:
    return private_dir(data_dir() / "logs")
