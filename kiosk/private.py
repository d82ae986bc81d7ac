"""Files that hold patient data or secrets: readable by the kiosk's user only, and written whole or not at all.

Hazard H8 (F3 of issue 13): the data folder is 0700 and every file in it 0600 *whatever the umask* the kiosk was
started with. Three layers, so no one of them has to be perfect:

- ``restrict_umask`` at start (``kiosk.cli.main``), so anything any library creates is private;
- ``secure_tree`` at start, which tightens what already exists (a data folder made by an older version or by hand);
- every file the kiosk creates itself is created with mode 0600 explicitly (``create_private``,
  ``write_atomically``), so a test or a tool that never went through ``main`` is still safe.

``write_atomically`` writes to a temporary name in the same folder, flushes it to the disk, renames it over the
target in one step and flushes the folder entry: after a crash, a full disk or a power cut the target is either
the whole new file or the old one, and the temporary file is removed when the write fails (issue 13 F7).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import stat
import tempfile
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Group and others get nothing on anything the kiosk creates.
PRIVATE_UMASK = 0o077
TEMP_PREFIX = ".tmp-"
TEMP_SUFFIX = ".part"


def restrict_umask() -> int:
    """Make every file created from now on private to the kiosk's user; returns the umask it replaced."""
    return os.umask(PRIVATE_UMASK)


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) if needed, private to the kiosk's user (at most 0700); returns it."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    _tighten(folder, PRIVATE_DIR_MODE)
    return folder


def secure_tree(folder: Path) -> int:
    """Folders 0700 and regular files 0600 under ``folder`` (itself included); returns how many were changed.

    Symlinks are not followed (a link to somewhere else is not ours to change), and a file owned by another
    user is skipped rather than failing the start: it is reported by the modes test, not hidden.
    """
    changed = 0
    for root, dirs, files in os.walk(folder, followlinks=False):
        base = Path(root)
        changed += _tighten(base, PRIVATE_DIR_MODE)
        for name in dirs:
            changed += _tighten(base / name, PRIVATE_DIR_MODE)
        for name in files:
            changed += _tighten(base / name, PRIVATE_FILE_MODE)
    return changed


def create_private(path: Path) -> None:
    """Create an empty file with mode 0600 if there is none, and make an existing one 0600.

    Used before SQLite opens the records database: SQLite gives its ``-wal`` and ``-shm`` files the mode of the
    database file, so a private database file means private journal files too, whatever the umask.
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    _chmod(path, PRIVATE_FILE_MODE)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` durably, 0600, whole or not at all; no partial file stays on failure."""
    fd, temp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{target.stem}-", suffix=TEMP_SUFFIX, dir=target.parent)
    temp = Path(temp_name)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    fsync_dir(target.parent)


def fsync_dir(folder: Path) -> None:
    """Flush the folder entry, so a rename or delete survives a power cut (not only the file's bytes)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tighten(path: Path, mode: int) -> int:
    """Take away every permission outside ``mode``; never grant one.

    So 0644 becomes 0600, but a folder IT made read-only (0500) stays read-only: the start-up check then says
    so on screen, instead of the kiosk quietly making it writable again.
    """
    try:
        info = path.lstat()
    except OSError:
        return 0
    if stat.S_ISLNK(info.st_mode) or not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
        return 0
    current = stat.S_IMODE(info.st_mode)
    if current & ~mode == 0:
        return 0
    return 1 if _chmod(path, current & mode) else 0


def _chmod(path: Path, mode: int) -> bool:
    try:
        os.chmod(path, mode)
    except OSError:  # not ours (another user's file) or a read-only medium: left as it is
        return False
    return True


class PrivateFileHandler(logging.FileHandler):
    """A log file that is 0600 whenever it is opened: the kiosk's log until its start screen is painted, and, as
    the base of ``kiosk.log_rotation.PrivateRotatingFileHandler``, every file a rollover opens after that."""

    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        os.fchmod(stream.fileno(), PRIVATE_FILE_MODE)
        return stream
