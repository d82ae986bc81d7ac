"""Records writes from the GUI thread that never freeze it while another program holds the database's write lock.

SQLite makes a writer wait (the store's busy timeout, 5 s) while another connection writes. On the GUI thread
that wait is a frozen screen. So a write from a tap is tried with a short wait (``GUI_WAIT_MS``); if the lock is
still held, the tap's write is not dropped: a worker waits for the lock to clear (``wait_until_writable``, on the
records lane, its own connection) and the same write is then tried again on the GUI thread, until it commits or
``MAX_TRIES`` waits have passed (then the error reaches the person as before). Nothing moves on screen until the
write has committed (H6), and nothing is written twice: a failed write rolled back completely.

Plain Python, no Qt: the lane's results come back through whatever ``post`` it was built with.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TypeVar

from kiosk.workers import Lane, Outcome, Result

log = logging.getLogger(__name__)

T = TypeVar("T")

GUI_WAIT_MS = 40
"""How long a write on the GUI thread may wait for another program's lock (well under the 100 ms stall bound)."""
WORKER_WAIT_SECONDS = 5.0
MAX_TRIES = 12
"""Waits for the lock before the write gives up with the store's own "busy in another program" error (~1 min)."""


class HasConnection(Protocol):
    path: Path

    @property
    def connection(self) -> sqlite3.Connection: ...


@contextmanager
def short_wait(store: HasConnection, ms: int = GUI_WAIT_MS) -> Iterator[None]:
    """Within the block, the store's connection waits at most ``ms`` for a lock, then raises DatabaseLocked."""
    conn = store.connection
    before = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {before}")


def wait_until_writable(path: Path, seconds: float = WORKER_WAIT_SECONDS) -> bool:
    """Block (on a worker) until no other connection holds the write lock, or ``seconds`` pass. Writes nothing."""
    conn = sqlite3.connect(str(path), timeout=seconds, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as exc:
        log.info("records database still locked: %s", exc)
        return False
    finally:
        conn.close()


def is_locked_error(exc: BaseException) -> bool:
    from kiosk.records.errors import DatabaseLocked

    return isinstance(exc, DatabaseLocked)


class RecordWrites:
    """``run(write, done, failed)``: the write now with a short wait, or again once the lock has cleared."""

    def __init__(self, store: HasConnection, lane: Lane, *, max_tries: int = MAX_TRIES) -> None:
        self._store = store
        self._lane = lane
        self._max_tries = max_tries
        self.waiting = 0  # writes waiting for another program's lock now

    def run(
        self,
        write: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        *,
        waiting: Callable[[bool], None] | None = None,
    ) -> None:
        self._attempt(write, done, failed, waiting, 0)

    def _attempt(
        self,
        write: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        waiting: Callable[[bool], None] | None,
        tries: int,
    ) -> None:
        try:
            with short_wait(self._store):
                value = write()
        except Exception as exc:
            if not is_locked_error(exc) or tries >= self._max_tries:
                if tries:
                    self._settled(waiting)
                failed(exc)
                return
            if tries == 0:
                self.waiting += 1
                log.warning("records database locked by another program: the write waits on a worker")
                if waiting is not None:
                    waiting(True)

            def again(result: Result[bool]) -> None:
                if result.outcome.late:
                    return  # already tried again when it was reported overdue
                if result.outcome is Outcome.FAILED:
                    log.error("waiting for the records lock failed", exc_info=result.error)
                self._attempt(write, done, failed, waiting, tries + 1)

            path = self._store.path
            self._lane.submit(lambda: wait_until_writable(path), WORKER_WAIT_SECONDS + 5.0, again)
            return
        if tries:
            self._settled(waiting)
        done(value)

    def _settled(self, waiting: Callable[[bool], None] | None) -> None:
        self.waiting -= 1
        if waiting is not None:
            waiting(False)
