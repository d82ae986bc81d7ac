"""The only module that calls pycups: a few IPP requests, with CUPS' errors turned into the kiosk's own.

Each call opens its own short-lived connection (a local socket connect costs well under a millisecond), so a
scheduler that was stopped and started again is simply found again on the next call; nothing holds a stale
connection. pycups is imported lazily: a kiosk without libcups (a laptop, the embedded default) still starts and
reports "no print system" instead of crashing (docs/PRINTING.md says why pycups rather than ``lp``).
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

# IPP status codes (RFC 8011 13.1) that mean something to the kiosk.
IPP_NOT_FOUND = 0x0406
IPP_NOT_POSSIBLE = 0x0404
IPP_NOT_ACCEPTING = 0x0506
IPP_SERVICE_UNAVAILABLE = 0x0502
IPP_INTERNAL_ERROR = 0x0500  # also what libcups reports when the connection broke mid-request ("Success")

CUPS_JOB_STATES_DONE = frozenset({7, 8, 9})  # canceled, aborted, completed: nothing more will happen
PRINTER_STOPPED = 5  # IPP printer-state: 3 idle, 4 processing, 5 stopped
PRINTER_ATTRIBUTES = [
    "printer-state",
    "printer-state-message",
    "printer-state-reasons",
    "printer-is-accepting-jobs",
]
JOB_ATTRIBUTES = ["job-state", "job-state-reasons", "job-printer-state-message"]


class PrintSystemDown(Exception):
    """CUPS is not running, not reachable, or not installed."""


class PrintSystemNotAnswering(PrintSystemDown):
    """The print server took the connection but the request failed on the way (dropped, reset, garbled).

    libcups reports that as IPP status 0x0500 with ``strerror(errno)`` as the text, often "Success": never a
    sentence for the nurse, never "the printer is not accepting sheets".
    """


class QueueMissing(Exception):
    """The print server has no queue of that name."""


class PrintRefused(Exception):
    """CUPS answered, but said no (forbidden, not authorised, a bad request...): the message says why."""


class QueueNotAccepting(PrintRefused):
    """The queue refused the job (it was set to reject between the check and the submit)."""


class JobMissing(Exception):
    """The print server has no job with that id (history purged, or a different server)."""


class JobNotCancellable(Exception):
    """CUPS would not cancel the job, usually because it has just completed."""


@dataclass(frozen=True)
class PrinterSnapshot:
    state: int
    accepting: bool
    message: str
    reasons: tuple[str, ...]

    @property
    def stopped(self) -> bool:
        return self.state == PRINTER_STOPPED


@dataclass(frozen=True)
class JobSnapshot:
    state: int
    reasons: tuple[str, ...]
    printer_message: str


def _cups() -> ModuleType:
    try:
        import cups  # lazy on purpose: the kiosk must start without libcups
    except ImportError as exc:
        raise PrintSystemDown(f"pycups is not installed ({exc})") from exc
    module: ModuleType = cups
    return module


def _no_password(*_: object) -> str:
    return ""


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


PROBE = b"HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"


def answers_within(host: str, port: int, seconds: float) -> bool:
    """Does the print server answer an HTTP request at all within ``seconds``? (Any reply counts.)

    pycups has no timeout of its own: a server that takes the connection and never replies holds a call for
    about 60 s, one whose port drops connection attempts about 30 s. This costs one local round trip (well under
    a millisecond) and turns both into a prompt "not answering".
    """
    family = socket.AF_UNIX if host.startswith("/") else socket.AF_INET6 if ":" in host else socket.AF_INET
    address: str | tuple[str, int] = host if family == socket.AF_UNIX else (host, port)
    try:
        if family == socket.AF_UNIX:
            sock = socket.socket(family, socket.SOCK_STREAM)
            sock.settimeout(seconds)
            sock.connect(address)
        else:
            assert isinstance(address, tuple)
            sock = socket.create_connection(address, timeout=seconds)
    except FileNotFoundError:
        return True  # no scheduler socket at all: pycups fails at once and says "not running"
    except ConnectionRefusedError:
        return True  # refused at once: pycups says "not running", also at once
    except OSError:
        return False
    with sock:
        try:
            sock.settimeout(seconds)
            sock.sendall(PROBE.replace(b"localhost", (host if family != socket.AF_UNIX else "localhost").encode()))
            return bool(sock.recv(1))
        except OSError:
            return False


class CupsLink:
    """The print server the kiosk talks to: the default one (``CUPS_SERVER`` or the local scheduler), or another.

    ``server`` is ``host``, ``host:port`` or a socket path such as ``/run/cups/cups.sock``. With
    ``answer_seconds``, each call first checks that the server answers at all (``answers_within``) and raises
    ``PrintSystemNotAnswering`` if not, so a dead server costs that long, not libcups' 30-60 s.
    """

    def __init__(self, server: str | None = None, answer_seconds: float | None = None) -> None:
        self.answer_seconds = answer_seconds
        self._host: str | None = None
        self._port: int | None = None
        if server:
            host, sep, port = server.rpartition(":")
            if sep and port.isdigit() and not server.startswith("/"):
                self._host, self._port = host, int(port)
            else:
                self._host = server

    def _connect(self) -> Any:
        cups = _cups()
        # libcups keeps the server in (per-thread) globals and some of its calls (printFile looks the queue up
        # again) use those rather than the connection's own host, so point the globals at our server each time;
        # "" and 0 mean the default (CUPS_SERVER, client.conf, the local scheduler).
        cups.setServer(self._host or "")
        cups.setPort(self._port or 0)
        # A server that asks for a password must get "no" at once: libcups' default prompts on a terminal,
        # which would freeze the kiosk. The refusal reaches the nurse as CUPS' own reason ("Unauthorized").
        cups.setPasswordCB(_no_password)
        if self.answer_seconds is not None:
            host, port = cups.getServer(), cups.getPort()
            if not answers_within(host, port, self.answer_seconds):
                raise PrintSystemNotAnswering(f"{host}:{port} gave no answer within {self.answer_seconds} s")
        try:
            return cups.Connection()
        except RuntimeError as exc:  # pycups: "failed to connect to server"
            raise PrintSystemDown(str(exc)) from exc

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """One IPP request on a fresh connection, with CUPS' errors sorted into ours."""
        cups = _cups()
        connection = self._connect()
        try:
            return getattr(connection, method)(*args, **kwargs)
        except cups.IPPError as exc:
            status, text = (*exc.args, 0, "")[:2]
            if status == IPP_NOT_FOUND:
                raise (JobMissing if "job" in method.lower() else QueueMissing)(text) from exc
            if status == IPP_NOT_ACCEPTING:
                raise QueueNotAccepting(text) from exc
            if status == IPP_NOT_POSSIBLE and method == "cancelJob":
                raise JobNotCancellable(text) from exc
            if status == IPP_INTERNAL_ERROR:
                raise PrintSystemNotAnswering(text) from exc
            if status == IPP_SERVICE_UNAVAILABLE or status < 0x0100:
                raise PrintSystemDown(text) from exc
            log.warning("CUPS refused %s: %s (IPP status %#06x)", method, text, status)
            raise PrintRefused(text or f"IPP status {status:#06x}") from exc
        except RuntimeError as exc:  # the connection dropped mid-request (scheduler stopped)
            raise PrintSystemDown(str(exc)) from exc

    def printer(self, queue: str) -> PrinterSnapshot:
        attrs = self._call("getPrinterAttributes", queue, requested_attributes=PRINTER_ATTRIBUTES)
        reasons = tuple(r for r in _as_tuple(attrs.get("printer-state-reasons")) if r != "none")
        return PrinterSnapshot(
            state=int(attrs.get("printer-state", 3)),
            accepting=bool(attrs.get("printer-is-accepting-jobs", True)),
            message=str(attrs.get("printer-state-message", "") or ""),
            reasons=reasons,
        )

    def print_file(self, queue: str, pdf_path: Path, title: str) -> int:
        """Submit the PDF itself (vector, small) and return CUPS' job id."""
        job_id = self._call("printFile", queue, str(pdf_path), title, {})
        return int(job_id)

    def job(self, job_id: int) -> JobSnapshot:
        attrs = self._call("getJobAttributes", job_id, requested_attributes=JOB_ATTRIBUTES)
        return JobSnapshot(
            state=int(attrs.get("job-state", 3)),
            reasons=_as_tuple(attrs.get("job-state-reasons")),
            printer_message=str(attrs.get("job-printer-state-message", "") or ""),
        )

    def cancel(self, job_id: int) -> None:
        self._call("cancelJob", job_id)
