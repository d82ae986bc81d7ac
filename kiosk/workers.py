"""Calls that can block (pycups, SQLite waiting for another program's lock) run here, never on the GUI thread.

A ``Lane`` is one worker thread with a queue: calls run one at a time, in the order they were given, and each
result is handed to ``post`` (the Qt side posts it to the GUI thread as a queued signal; plain-Python tests
collect it in a list). Every call has its own deadline, watched by the lane's one watchdog thread: when it
passes first, the caller gets ``Outcome.OVERDUE`` at once and, if the call ever returns, its answer later as
``LATE_DONE`` / ``LATE_FAILED`` (to be reconciled or ignored by the caller, never mistaken for a fresh answer).

pycups has no per-call timeout and a call cannot be interrupted, so a call that hangs (a server that accepts
and never answers) strands its thread: the lane starts a fresh thread for the calls after it, so a hung call
never blocks the next job. Stranded threads are bounded (``max_stranded``): while that many are still hung,
new calls are answered ``OVERDUE`` at once instead of starting more threads. Threads never pile up.

A call is forgotten as soon as it is answered: its deadline leaves the watchdog's queue and the lane drops its
work and its answer's handler. Until issue 19 a finished call stayed queued until its deadline (30 s for most),
holding what its closures held (a record, a sheet's PDF, the screen's callbacks): on a busy ward about 340 calls
and 2-5 MB of live heap at any moment, every patient's data kept half a minute after the lock, and the C heap
grown to hold them (``tests/test_workers.py``, ``docs/PERFORMANCE.md``).

Plain Python, no Qt: ``kiosk.ui.posting`` gives the Qt ``post``.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

Post = Callable[[Callable[[], None]], None]
"""Runs the given callable on the thread that owns the results (the GUI thread). Must be thread-safe."""


class Outcome(Enum):
    DONE = "done"
    FAILED = "failed"
    OVERDUE = "overdue"  # the deadline passed (or the lane is jammed): no answer yet, maybe never
    LATE_DONE = "late-done"  # the answer of a call already reported OVERDUE
    LATE_FAILED = "late-failed"

    @property
    def late(self) -> bool:
        return self in (Outcome.LATE_DONE, Outcome.LATE_FAILED)


@dataclass(frozen=True)
class Result(Generic[T]):
    """What became of one call. ``value`` only for DONE / LATE_DONE, ``error`` only for the FAILED kinds."""

    outcome: Outcome
    ticket: int
    value: T | None = None
    error: BaseException | None = None
    started: bool = True  # False: OVERDUE before it ever ran (queued or jammed): it never will run


def _nothing(*_: object) -> None:
    """What a finished call's work and handler become: nothing the call's closures held is kept alive."""


@dataclass
class _Call:
    ticket: int
    work: Callable[[], Any]
    deliver: Callable[[Result[Any]], None]
    due: float
    state: str = "queued"  # queued -> running -> finished; or overdue at any point before finished
    overdue: bool = False


@dataclass(order=True)
class _Due:
    due: float
    ticket: int
    call: _Call = field(compare=False)


class Lane:
    """One worker thread (plus at most ``max_stranded`` hung ones) running calls in order, each with a deadline."""

    def __init__(
        self,
        name: str,
        post: Post,
        *,
        max_stranded: int = 3,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self._post = post
        self._max_stranded = max_stranded
        self._monotonic = monotonic
        self._lock = threading.Condition()
        self._queue: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._tickets = itertools.count(1)
        self._dues: list[_Due] = []
        self._running: dict[int, _Call] = {}  # thread ident -> the call it is running
        self._worker: threading.Thread | None = None
        self._stranded: set[threading.Thread] = set()
        self._closed = False
        self._watchdog = threading.Thread(target=self._watch, name=f"{name}-deadlines", daemon=True)
        self._watchdog.start()

    # -- the caller's side (any thread, usually the GUI thread) ----------------------------------------------
    def submit(self, work: Callable[[], T], deadline: float, deliver: Callable[[Result[T]], None]) -> int:
        """Run ``work`` on the lane; ``deliver`` gets its ``Result`` through ``post``. Never blocks."""
        with self._lock:
            ticket = next(self._tickets)
            call = _Call(ticket, work, deliver, self._monotonic() + deadline)
            if self._closed:
                error = RuntimeError(f"the {self.name} lane is closed")
                self._send(call.deliver, Result(Outcome.FAILED, ticket, error=error))
                return ticket
            if self._jammed():
                # Every thread allowed is hung: answer at once rather than queue behind them or start another.
                log.warning("%s: %d calls hung, answering 'not answering' at once", self.name, len(self._stranded) + 1)
                call.overdue = True
                call.state = "finished"
                self._send(call.deliver, Result(Outcome.OVERDUE, ticket, started=False))
                return ticket
            heapq.heappush(self._dues, _Due(call.due, ticket, call))
            self._lock.notify_all()
            self._ensure_worker()
        self._queue.put(call)
        return ticket

    @property
    def pending_deadlines(self) -> int:
        """Calls whose deadline is still watched: those not answered yet (for tests and the log)."""
        with self._lock:
            return len(self._dues)

    @property
    def thread_name(self) -> str:
        """The name of the lane's worker threads (logs show it)."""
        return f"{self.name}-worker"

    @property
    def threads(self) -> int:
        """Worker threads alive now (the current one plus stranded ones): for tests and the log."""
        with self._lock:
            alive = {t for t in self._stranded if t.is_alive()}
            return len(alive) + (1 if self._worker is not None and self._worker.is_alive() else 0)

    def close(self) -> None:
        """No more calls; idle threads end (a hung one ends when its call returns; all are daemons)."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._queue.put(None)

    # -- internals --------------------------------------------------------------------------------------------
    def _jammed(self) -> bool:
        current = self._worker
        if current is None or current.ident not in self._running:
            return False
        hung = self._running[current.ident].overdue
        self._stranded = {t for t in self._stranded if t.is_alive()}
        return hung and len(self._stranded) >= self._max_stranded

    def _ensure_worker(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._work, name=self.thread_name, daemon=True)
            self._worker.start()

    def _send(self, deliver: Callable[[Result[Any]], None], result: Result[Any]) -> None:
        self._post(lambda: deliver(result))

    def _forget(self, call: _Call) -> Callable[[Result[Any]], None]:
        """``call`` is answered for the last time: out of the watchdog's queue, its closures dropped. Returns the
        handler for that last answer. Under ``self._lock``."""
        deliver = call.deliver
        call.work, call.deliver = _nothing, _nothing
        if any(due.call is call for due in self._dues):  # not yet due (an overdue call was taken out already)
            self._dues = [due for due in self._dues if due.call is not call]
            heapq.heapify(self._dues)  # only calls not answered yet are here: a handful at most
        return deliver

    def _work(self) -> None:
        me = threading.current_thread()
        while True:
            with self._lock:
                if self._worker is not me or self._closed:
                    self._stranded.discard(me)
                    return
            call = self._queue.get()
            if call is None:
                return
            with self._lock:
                if self._worker is not me:
                    # Stranded while waiting (cannot happen: only a running thread is stranded); hand it back.
                    self._queue.put(call)
                    return
                expired = call.overdue
                if expired:
                    self._forget(call)
                    continue  # its caller was already told "not answering": do not act on it now
                call.state = "running"
                assert me.ident is not None
                self._running[me.ident] = call
            try:
                value = call.work()
                error: BaseException | None = None
            except Exception as exc:
                value, error = None, exc
            with self._lock:
                assert me.ident is not None
                self._running.pop(me.ident, None)
                late = call.overdue
                call.state = "finished"
                deliver = self._forget(call)
                if late:
                    log.info("%s: call %d answered after its deadline", self.name, call.ticket)
            if error is None:
                self._send(deliver, Result(Outcome.LATE_DONE if late else Outcome.DONE, call.ticket, value=value))
            else:
                self._send(deliver, Result(Outcome.LATE_FAILED if late else Outcome.FAILED, call.ticket, error=error))
            del value, error, deliver  # nothing of this call is held while the lane waits for the next one

    def _watch(self) -> None:
        with self._lock:
            while not self._closed:
                now = self._monotonic()
                while self._dues and self._dues[0].due <= now:
                    due = heapq.heappop(self._dues).call
                    if due.state == "finished" or due.overdue:
                        continue
                    self._expire(due)
                wait = (self._dues[0].due - now) if self._dues else None
                self._lock.wait(timeout=wait)

    def _expire(self, call: _Call) -> None:
        """The deadline passed first: say so now; strand the thread if the call is running (it may hang)."""
        call.overdue = True
        log.warning("%s: call %d not answered within its deadline", self.name, call.ticket)
        self._send(call.deliver, Result(Outcome.OVERDUE, call.ticket, started=call.state == "running"))
        if call.state != "running" or self._worker is None:
            return
        self._stranded = {t for t in self._stranded if t.is_alive()}
        if len(self._stranded) >= self._max_stranded:
            return  # jammed: ``submit`` answers at once until a hung call returns
        self._stranded.add(self._worker)
        self._worker = None
        self._ensure_worker()  # the calls behind the hung one go on at once
