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
import threading
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
    return DataFolderCheck(background=False).result()


class DataFolderCheck:
    """The data folder's check: created if missing, and a real file written, synced to the disk and removed.

    ``main.py run`` starts it as it begins, with ``background=True``: the sync waits for the disk (4-9 ms on this
    machine, more on a tablet's flash) on a thread of its own while the interpreter imports Qt, instead of after
    it (issue 19). The thread makes that one call, so it takes the interpreter's lock back once. ``prepare`` takes
    the answer first, before it reads the settings, so the order of the checks and every failure are as before:
    nothing shows until the check has answered (F6)."""

    def __init__(self, *, background: bool = True) -> None:
        self._fd: int | None = None
        self._error: OSError | None = None
        self._problem: StartupProblem | None = None  # raised by ``result``, in the thread that asks for it
        self._thread: threading.Thread | None = None
        try:
            self._folder = self._create()
        except StartupProblem as problem:
            self._problem = problem
            return
        self._probe = self._folder / f".write-check-{os.getpid()}"
        try:
            self._fd = os.open(self._probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(self._fd, b"ok")
        except OSError as exc:
            self._error = exc
            return
        if background:
            self._thread = threading.Thread(target=self._sync, name="data-folder-check", daemon=True)
            self._thread.start()
        else:
            self._sync()

    @staticmethod
    def _create() -> Path:
        try:
            return paths.data_dir(create=True)
        except OSError as exc:
            where = paths.data_dir(create=False)
            raise StartupProblem(
                f"The kiosk's data folder {where} cannot be created ({_why(exc)})",
                f"IT: create it, owned by the kiosk's user with mode 0700 (or set KIOSK_DATA_DIR), {RESTART}.",
            ) from exc

    def _sync(self) -> None:
        assert self._fd is not None
        try:
            os.fsync(self._fd)
        except OSError as exc:
            self._error = exc

    def result(self) -> Path:
        """The data folder, once the probe is synced and removed; ``StartupProblem`` if it cannot be written."""
        if self._problem is not None:
            raise self._problem
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        try:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                os.close(fd)
                self._probe.unlink()
            if self._error is not None:
                raise self._error
        except OSError as exc:
            raise StartupProblem(
                f"The kiosk cannot write to its data folder {self._folder} ({_why(exc)})",
                "IT: make the folder writable by the kiosk's user, check that the disk is not full and not mounted "
                f"read-only, {RESTART}. Do not delete records.sqlite3.",
            ) from exc
        return self._folder


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


def prepare(data_check: DataFolderCheck | None = None) -> tuple[WardConfig, KioskError | None]:
    """The ward's settings and the first problem that stops the start (None when all is well). With a problem
    the defaults are returned, so the failure screen can still be drawn. ``data_check``: the data folder's check
    already started (``main.py run``); without it the folder is checked here."""
    try:
        if data_check is not None:
            data_check.result()
        else:
            check_data_folder()
        config = load_config(check_zone=False)  # the zone just after the paint: kiosk.app.run_kiosk
        check_procedures_folder()
    except KioskError as problem:
        return WardConfig(), problem
    return config, None
