"""Print servers that misbehave, on loopback ports: for the "printing never freezes the kiosk" tests.

``FlakyPrintServer`` listens on its own 127.0.0.1 port and, by ``mode``:
- ``tarpit``: accepts every connection and never answers (libcups waits about 60 s, then fails);
- ``drop``: stops accepting and fills its tiny backlog, so the kernel drops new connection attempts (libcups'
  connect hangs about 30 s, like a firewall that drops packets);
- ``forward``: the print server answers again: each connection is relayed byte for byte to the real CUPS
  scheduler (``localhost:631``), so jobs land on the real queues;
- ``slow``: like ``forward``, but each IPP request (an HTTP POST) waits ``delay`` seconds before it is relayed,
  while a plain HTTP question is answered at once: a server that is up but answers its print requests late.

Only the code under test is pointed at this port (``PrintService(server=...)``, per thread in libcups): the shared
scheduler and its ``KioskPDF`` queue are never touched.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator

REAL_CUPS = ("127.0.0.1", 631)


class FlakyPrintServer:
    def __init__(self, mode: str = "tarpit", delay: float = 2.0) -> None:
        self._mode = mode
        self.delay = delay
        self._lock = threading.Lock()
        self._held: list[socket.socket] = []
        self._fillers: list[socket.socket] = []
        self._closed = False
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(0 if mode == "drop" else 64)
        self.port = int(self._listener.getsockname()[1])
        self.accepted = 0
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="flaky-print-server", daemon=True)
        self._thread.start()
        if mode == "drop":
            self._fill_backlog()

    @property
    def server(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Switch behaviour; connections already held in the tarpit stay held (as a hung server's would)."""
        with self._lock:
            self._mode = mode
        self._wake.set()

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        for sock in [*self._held, *self._fillers]:
            with contextlib.suppress(OSError):
                sock.close()

    def _fill_backlog(self) -> None:
        """Connections nobody accepts, until the kernel's accept queue for this port is full."""
        for _ in range(4):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", self.port))
            self._fillers.append(filler)
        time.sleep(0.2)

    def _serve(self) -> None:
        while not self._closed:
            if self.mode == "drop":
                self._wake.wait(0.1)
                self._wake.clear()
                continue
            ready, _, _ = select.select([self._listener], [], [], 0.1)
            if not ready:
                continue
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self.accepted += 1
            if self.mode in ("forward", "slow"):
                delay = self.delay if self.mode == "slow" else 0.0
                threading.Thread(target=self._relay, args=(conn, delay), daemon=True).start()
            else:
                self._held.append(conn)  # tarpit: read nothing, answer nothing

    def _relay(self, client: socket.socket, delay: float) -> None:
        _relay(client, delay, lambda: self._closed)


def _relay(client: socket.socket, delay: float, closed: Callable[[], bool]) -> None:
    first = b""
    if delay:
        client.settimeout(10)
        try:
            first = client.recv(65536)
        except OSError:
            client.close()
            return
        client.settimeout(None)
        if first.startswith(b"POST"):
            until = time.monotonic() + delay
            while time.monotonic() < until and not closed():
                time.sleep(0.05)
            if closed():  # a closed stand-in never lets a late print request through afterwards
                client.close()
                return
    try:
        upstream = socket.create_connection(REAL_CUPS, timeout=10)
    except OSError:
        client.close()
        return
    if first:
        upstream.sendall(first)
    with client, upstream:
        pair = {client: upstream, upstream: client}
        while True:
            ready, _, _ = select.select(list(pair), [], [], 30)
            if not ready:
                return
            for sock in ready:
                try:
                    data = sock.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                try:
                    pair[sock].sendall(data)
                except OSError:
                    return


@contextlib.contextmanager
def flaky_print_server(mode: str, delay: float = 2.0) -> Iterator[FlakyPrintServer]:
    server = FlakyPrintServer(mode, delay)
    try:
        yield server
    finally:
        server.close()
