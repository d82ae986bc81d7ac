"""The worker lane: calls in order off the caller's thread, a deadline for each, hung calls never piling up."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from kiosk.workers import Lane, Outcome, Result
from tests.mailbox import Mailbox


def test_calls_run_in_order_off_the_callers_thread_and_answer_through_post() -> None:
    mail = Mailbox()
    lane = Lane("test", mail.post)
    caller = threading.get_ident()
    results: list[Result[object]] = []
    for n in range(3):
        lane.submit(lambda n=n: (n, threading.get_ident()), 5.0, results.append)
    assert results == []  # nothing is delivered behind the caller's back: only through post
    mail.pump_until(lambda: len(results) == 3)
    assert [r.outcome for r in results] == [Outcome.DONE] * 3
    assert [r.value[0] for r in results] == [0, 1, 2]  # type: ignore[index]
    assert all(r.value[1] != caller for r in results)  # type: ignore[index]
    lane.close()


def test_an_error_comes_back_as_failed() -> None:
    mail = Mailbox()
    lane = Lane("test", mail.post)
    results: list[Result[object]] = []

    def boom() -> None:
        raise ValueError("no")

    lane.submit(boom, 5.0, results.append)
    mail.pump_until(lambda: bool(results))
    assert results[0].outcome is Outcome.FAILED and isinstance(results[0].error, ValueError)


def test_a_hung_call_is_overdue_at_its_deadline_and_does_not_block_the_next() -> None:
    mail = Mailbox()
    lane = Lane("test", mail.post)
    release = threading.Event()
    results: list[Result[object]] = []
    started = time.monotonic()
    lane.submit(lambda: release.wait(30) and "late answer", 0.3, results.append)
    lane.submit(lambda: "next job", 5.0, results.append)
    mail.pump_until(lambda: len(results) == 2, timeout=5)
    assert time.monotonic() - started < 2.0
    assert [r.outcome for r in results] == [Outcome.OVERDUE, Outcome.DONE]
    assert results[1].value == "next job"  # a fresh thread took the queue over
    release.set()
    mail.pump_until(lambda: len(results) == 3)
    assert results[2].outcome is Outcome.LATE_DONE and results[2].value == "late answer"
    assert results[2].ticket == results[0].ticket


def test_hung_calls_never_pile_up_threads() -> None:
    """A server that never answers, asked again every second for a minute: threads stay bounded, answers quick."""
    mail = Mailbox()
    lane = Lane("test", mail.post, max_stranded=1)
    release = threading.Event()
    results: list[Result[object]] = []
    for _ in range(20):
        lane.submit(lambda: release.wait(30), 0.1, results.append)
        time.sleep(0.05)
        mail.pump()
    mail.pump_until(lambda: len(results) >= 20, timeout=5)
    assert lane.threads <= 2
    assert {r.outcome for r in results[:20]} == {Outcome.OVERDUE}
    release.set()
    mail.pump_until(lambda: any(r.outcome.late for r in results), timeout=5)
    time.sleep(0.2)
    ok: list[Result[object]] = []
    lane.submit(lambda: "answering again", 5.0, ok.append)
    mail.pump_until(lambda: bool(ok))
    assert ok[0].outcome is Outcome.DONE and ok[0].value == "answering again"
    assert lane.threads <= 2


class _Held:
    """Something a call's closures hold (a record, a sheet's PDF): weak-referenceable, to see when it is freed."""


def _freed(ref: weakref.ref[_Held]) -> bool:
    gc.collect()
    return ref() is None


def test_an_answered_call_is_forgotten_before_its_deadline() -> None:
    """Issue 19: a finished call stayed in the watchdog's queue until its deadline (30 s for most), with its work
    and its handler and all they held: about 340 calls and megabytes on a busy ward, patients' data included."""
    mail = Mailbox()
    lane = Lane("test", mail.post)
    results: list[Result[object]] = []
    held, answered = _Held(), _Held()
    lane.submit(lambda held=held: "done" if held else "", 60.0, lambda r, answered=answered: results.append(r))
    refs = weakref.ref(held), weakref.ref(answered)
    del held, answered
    mail.pump_until(lambda: bool(results))
    assert results[0].outcome is Outcome.DONE
    assert lane.pending_deadlines == 0
    assert all(_freed(ref) for ref in refs)  # an hour before the deadline would have let them go
    lane.close()


def test_a_late_answer_and_a_call_that_never_ran_are_forgotten_too() -> None:
    mail = Mailbox()
    lane = Lane("test", mail.post)
    release = threading.Event()
    results: list[Result[object]] = []
    late, never = _Held(), _Held()
    hung = lane.submit(lambda late=late: release.wait(30) and late is not None, 0.4, results.append)
    # Behind the hung one and due before it, so it is overdue before any thread could take it: it never runs.
    queued = lane.submit(lambda never=never: never is not None, 0.1, results.append)
    refs = weakref.ref(late), weakref.ref(never)
    del late, never
    mail.pump_until(lambda: len(results) == 2)
    assert [(r.ticket, r.outcome, r.started) for r in results] == [
        (queued, Outcome.OVERDUE, False),
        (hung, Outcome.OVERDUE, True),
    ]
    release.set()
    mail.pump_until(lambda: len(results) == 3)
    assert results[2].outcome is Outcome.LATE_DONE
    mail.pump_until(lambda: all(_freed(ref) for ref in refs), timeout=5)
    assert lane.pending_deadlines == 0
    lane.close()
