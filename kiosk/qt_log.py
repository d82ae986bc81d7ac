"""Qt's own messages into the kiosk log, without a Qt thread ever waiting for Python's lock (issue 12).

A Python message handler (``qInstallMessageHandler``) runs on whichever thread logs, and PySide takes the GIL
before calling it. When the GUI thread holds the GIL while it waits for a Qt thread (it does while the virtual
keyboard's QML view is created: the QML loader thread loads plugins, and a plugin initialiser logs), the two
wait for each other for ever: the kiosk froze on the first nurse tap on a fresh tablet.

So no Python runs on a Qt thread at all. Qt keeps its own C++ handler, which writes each message as one line to
stderr; stderr (file descriptor 2) is a pipe whose write end is non-blocking, so a Qt thread only ever does a
``write(2)`` that cannot wait (if the pipe were full the message is lost, never the kiosk). A Python thread reads
the other end and turns the lines into log records. Python's own ``sys.stderr`` keeps writing where stderr went
before. Other libraries that write to stderr (Mesa, fontconfig) reach the log too, under ``stderr``.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from typing import TextIO

from PySide6.QtCore import qInstallMessageHandler, qSetMessagePattern

# Said by the offscreen platform for every frameless window; not about the kiosk.
QT_NOISE = ("This plugin does not support propagateSizeHints()",)
MESSAGE_PATTERN = "qt-%{type}: %{message}"
_LINE = re.compile(r"^qt-(debug|info|warning|critical|fatal): (.*)$")
_LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "critical": logging.ERROR,
    "fatal": logging.CRITICAL,
}


def log_line(line: str, last_level: int) -> int:
    """Log one line read from stderr; returns its level (a Qt message's next lines keep its level)."""
    found = _LINE.match(line)
    if found is None:
        if line.strip():
            logging.getLogger("stderr").log(last_level, "%s", line)
        return last_level
    level = _LEVELS[found.group(1)]
    message = found.group(2)
    if message not in QT_NOISE:
        logging.getLogger("qt").log(level, "%s", message)
    return level


class QtLogPipe:
    """Owns the stderr pipe and its reader thread; ``stop`` puts stderr back (tests, the screenshots command)."""

    def __init__(self) -> None:
        self._saved_fd = -1
        self._saved_stderr: TextIO | None = None
        self._python_stderr: TextIO | None = None
        self._reader: threading.Thread | None = None

    def start(self) -> None:
        qInstallMessageHandler(None)  # Qt's own handler: C++ only, no GIL
        qSetMessagePattern(MESSAGE_PATTERN)
        os.environ["QT_FORCE_STDERR_LOGGING"] = "1"  # never journald/syslog instead: the log is where IT looks
        sys.stderr.flush()
        read_fd, write_fd = os.pipe()
        os.set_blocking(write_fd, False)
        self._saved_fd = os.dup(2)
        os.dup2(write_fd, 2)
        os.close(write_fd)
        self._saved_stderr = sys.stderr
        self._python_stderr = open(self._saved_fd, "w", buffering=1, encoding="utf-8", closefd=False)
        sys.stderr = self._python_stderr
        self._reader = threading.Thread(target=self._read, args=(read_fd,), name="qt-log", daemon=True)
        self._reader.start()

    def _read(self, read_fd: int) -> None:
        level = logging.WARNING
        with open(read_fd, "rb") as pipe:
            for raw in pipe:
                level = log_line(raw.decode("utf-8", "replace").rstrip("\n"), level)

    def stop(self) -> None:
        """Stderr back where it was; the reader logs what is left in the pipe and ends."""
        if self._reader is None:
            return
        os.dup2(self._saved_fd, 2)  # closes the pipe's last write end: the reader sees the end of the pipe
        self._reader.join(timeout=5)
        if self._saved_stderr is not None:
            sys.stderr = self._saved_stderr
        if self._python_stderr is not None:
            self._python_stderr.close()
        os.close(self._saved_fd)
        self._reader = None


def route_qt_messages_to_log() -> QtLogPipe:
    pipe = QtLogPipe()
    pipe.start()
    return pipe
