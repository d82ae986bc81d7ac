"""What must be right before the kiosk can start, checked in plain Python before any screen exists (F6).

Each known failure is a ``StartupProblem`` (or the records layer's or the settings' own ``KioskError``) whose
``title`` is the plain reason and whose ``hint`` says what IT should do. ``kiosk.app`` shows it full screen as
"The kiosk cannot start" and logs it without a traceback; only an unexpected exception gets one (in the log).

Checked: the data folder can be created and written (a real file is created, synced and removed: a read-only
mount or a folder owned by another user fails here, not at the first patient), the settings file
(``kiosk.config``: malformed TOML, unknown keys, values out of bounds; its time zone just after the start
screen's paint, ``kiosk.app``), and the procedures folder (it exists, can
be listed, every ``.yaml`` file in it can be read). The bundled fonts are checked where Qt loads them
(``kiosk.app.create_application``) and the database where it is opened (``RecordStore.open``).
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk import paths
from kiosk.config import WardConfig, load_config
from kiosk.errors import EnvironmentProblem, KioskError

RESTART = "then restart the kiosk"


class StartupProblem(EnvironmentProblem):
    """Something outside the program stops the kiosk from starting; ``hint`` is for ward IT."""


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def check_data_folder() -> Path:
    """The data folder, created if missing; refuses one the kiosk cannot write (records, log, sheets)."""
    try:
        folder = paths.data_dir(create=True)
    except OSError as exc:
        where = paths.data_dir(create=False)
        raise StartupProblem(
            f"The kiosk's data folder {where} cannot be created ({_why(exc)})",
            f"IT: create it, owned by the kiosk's user with mode 0700 (or set KIOSK_DATA_DIR), {RESTART}.",
        ) from exc
    probe = folder / f".write-check-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"ok")
            os.fsync(fd)
        finally:
            os.close(fd)
        probe.unlink()
    except OSError as exc:
        raise StartupProblem(
            f"The kiosk cannot write to its data folder {folder} ({_why(exc)})",
            "IT: make the folder writable by the kiosk's user, check that the disk is not full and not mounted "
            f"read-only, {RESTART}. Do not delete records.sqlite3.",
        ) from exc
    return folder


def check_procedures_folder(folder: Path | None = None) -> Path:
    """The procedure library can be read: the folder lists, and every ``.yaml`` file in it opens."""
    folder = folder or paths.procedures_dir()
    if not folder.is_dir():
        raise StartupProblem(
            f"The procedures folder {folder} is missing",
            f"IT: reinstall the kiosk or point KIOSK_PROCEDURES_DIR at the ward's procedures folder, {RESTART}.",
        )
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise StartupProblem(
            f"The procedures folder {folder} cannot be read ({_why(exc)})",
            f"IT: let the kiosk's user read the folder and its files (chmod o+rx, or fix the owner), {RESTART}.",
        ) from exc
    for name in names:
        if not name.endswith(".yaml"):
            continue
        try:
            with (folder / name).open("rb"):
                pass
        except OSError as exc:
            raise StartupProblem(
                f"The procedure file {name} cannot be read ({_why(exc)})",
                f"IT: let the kiosk's user read {folder / name}, {RESTART}.",
            ) from exc
    return folder


def prepare() -> tuple[WardConfig, KioskError | None]:
    """The ward's settings and the first problem that stops the start (None when all is well). With a problem
    the defaults are returned, so the failure screen can still be drawn."""
    try:
        check_data_folder()
        config = load_config(check_zone=False)  # the zone just after the paint: kiosk.app.run_kiosk
        check_procedures_folder()
    except KioskError as problem:
        return WardConfig(), problem
    return config, None
