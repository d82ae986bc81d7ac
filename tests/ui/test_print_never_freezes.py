"""Printing never freezes the kiosk: the GUI event loop keeps running while the print server hangs or drops.

The real kiosk window, the real CUPS scheduler behind a loopback stand-in (``hostile_servers``) that first
misbehaves (a tarpit that takes connections and never answers; a port that drops connection attempts; a server
that answers its socket but not its print requests) and then answers again. A 5 ms QTimer measures the event
loop's longest stall while the nurse enters the print screen, presses Print, Retry and Cancel. Only this test's
kiosk is pointed at the stand-in; the shared KioskPDF queue is only printed to.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from kiosk.printing import stage as print_stage
from kiosk.printing.status import JobStatus
from kiosk.record.model import PrintEventKind
from tests.discharge_support import INJECTION, PATIENT_A
from tests.printing import cups_helpers
from tests.printing.hostile_servers import flaky_print_server
from tests.ui.driver import CONFIG, Kiosk
from tests.ui.stall import StallMeter
from tests.ui.test_full_discharge import start_discharge

pytestmark = pytest.mark.cups

STALL_LIMIT = 0.100
NOT_ANSWERING = "The print system is not answering"


@pytest.fixture(autouse=True)
def quick_deadlines(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rules with shorter waits, so a test takes seconds (the kiosk uses 3 s and 8 s)."""
    monkeypatch.setattr(print_stage, "ANSWER_SECONDS", 0.5)
    monkeypatch.setattr(print_stage, "CALL_DEADLINE_SECONDS", 1.5)


@pytest.fixture
def cups_ready() -> None:
    if not cups_helpers.CUPSD.exists() or not cups_helpers.scheduler_running():
        pytest.fail("the CUPS scheduler is not running: run scripts/setup-cups.sh (./kiosk.sh test does)")


@pytest.fixture
def unreachable_queue(cups_ready: None) -> Iterator[str]:
    """A throw-away queue whose printer cannot be reached: its jobs stay live, so they can be cancelled."""
    name = cups_helpers.unique_name("KioskTest")
    cups_helpers.add_queue(name, f"socket://127.0.0.1:{cups_helpers.free_port()}")
    yield name
    cups_helpers.delete_queue(name)


def status_text(kiosk: Kiosk) -> str:
    return str(kiosk.screen.status_message)  # type: ignore[attr-defined]


def signed_off_discharge(kiosk: Kiosk) -> str:
    """A discharge walked and signed off, then left at the print screen with Finish: resumed from the list."""
    record_id = start_discharge(kiosk, INJECTION, PATIENT_A)
    kiosk.walk_patient()
    kiosk.take_back()
    kiosk.review_and_sign_off()
    kiosk.click("print-finish")
    assert kiosk.session.stage is Stage.LOCKED
    kiosk.sign_in()
    return record_id


def wait_for_text(kiosk: Kiosk, words: str, timeout: int = 10_000) -> None:
    kiosk.qtbot.waitUntil(lambda: words in status_text(kiosk), timeout=timeout)


def submitted(kiosk: Kiosk, record_id: str) -> list[int | None]:
    return [e.job_id for e in kiosk.store.print_events(record_id) if e.kind is PrintEventKind.SUBMITTED]


def tap_when_enabled(kiosk: Kiosk, name: str) -> None:
    kiosk.qtbot.waitUntil(lambda: kiosk.button(name).isEnabled(), timeout=10_000)
    kiosk.click(name)


@pytest.mark.parametrize(("mode", "delay"), [("tarpit", 0.0), ("drop", 0.0), ("slow", 4.0)])
def test_print_retry_while_the_print_server_hangs_then_one_copy(
    qtbot: QtBot, tmp_path: Path, cups_ready: None, mode: str, delay: float
) -> None:
    with flaky_print_server(mode, delay=delay) as server:
        config = replace(CONFIG, printer_queue=cups_helpers.SYSTEM_QUEUE)
        kiosk = Kiosk(qtbot, tmp_path, config, print_server=server.server)
        record_id = signed_off_discharge(kiosk)
        meter = StallMeter()
        meter.start("entering the print screen")
        kiosk.click(kiosk.button_in_row(record_id, "row-resume"))
        assert kiosk.session.stage is Stage.PRINT
        wait_for_text(kiosk, NOT_ANSWERING)

        meter.phase("Print")
        tap_when_enabled(kiosk, "print-print")
        qtbot.waitUntil(lambda: kiosk.flow.job is not None and NOT_ANSWERING in status_text(kiosk), timeout=10_000)
        job = kiosk.flow.job
        assert job is not None and job.pdf_path.is_file()  # the sheet is safe in the outbox
        assert str(job.pdf_path) in status_text(kiosk)

        meter.phase("Retry")
        if mode == "slow":
            # The request went out and got no answer: it may still print, so Retry waits for its answer (H5).
            assert "Retry comes back once it answers" in status_text(kiosk)
            assert not kiosk.button("print-retry").isEnabled()
            qtbot.wait(500)
        else:
            # Nothing was sent (the server never answered the kiosk's "are you there?"): Retry is offered.
            for _ in range(2):
                tap_when_enabled(kiosk, "print-retry")
                qtbot.waitUntil(lambda: kiosk.button("print-retry").isEnabled(), timeout=10_000)
                assert NOT_ANSWERING in status_text(kiosk)
        worst = meter.stop()
        print(meter.report())
        assert worst < STALL_LIMIT, meter.report()
        assert "Success" not in " ".join(kiosk.texts())
        assert kiosk.flow.workers.cups.threads <= 4  # one worker and at most three hung calls, never more

        # The print server answers again: Retry (if a late answer has not already found the job) prints once.
        server.set_mode("forward")
        qtbot.waitUntil(lambda: kiosk.flow.workers.cups.threads <= 1, timeout=15_000)
        deadline = time.monotonic() + 30
        while kiosk.flow.job is None or kiosk.flow.job.job_id is None:
            # Retry (unless a late answer already found the job) until the server takes it: a port whose dropped
            # connection attempts are being retried by the kernel takes a moment to answer again.
            assert time.monotonic() < deadline, status_text(kiosk)
            if kiosk.button("print-retry").isEnabled():
                kiosk.click("print-retry")
            qtbot.wait(500)
        qtbot.waitUntil(
            lambda: kiosk.flow.job is not None and kiosk.flow.job.status is JobStatus.COMPLETED, timeout=30_000
        )
        done = kiosk.flow.job
        assert done is not None and done.job_id is not None
        output = cups_helpers.find_output(done.pdf_path.stem, done.job_id)
        assert record_id in cups_helpers.pdf_text(output)
        assert submitted(kiosk, record_id) == [done.job_id]  # exactly one copy
        kiosk.click("print-in-hand")
        assert kiosk.session.stage is Stage.LOCKED
        assert kiosk.store.unconfirmed_sheets() == []


def cups_jobs(queue: str) -> list[str]:
    listed = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True, check=False)
    return [line for line in listed.stdout.splitlines() if line.startswith(f"{queue}-")]


def test_cancel_while_the_print_server_hangs(qtbot: QtBot, tmp_path: Path, unreachable_queue: str) -> None:
    """A live job, then the server stops answering: Cancel says so (the sheet may still print), never freezes."""
    with flaky_print_server("forward") as server:
        config = replace(CONFIG, printer_queue=unreachable_queue, job_deadline_seconds=600)
        kiosk = Kiosk(qtbot, tmp_path, config, print_server=server.server)
        record_id = signed_off_discharge(kiosk)
        kiosk.click(kiosk.button_in_row(record_id, "row-resume"))
        tap_when_enabled(kiosk, "print-print")
        qtbot.waitUntil(lambda: kiosk.flow.job is not None and kiosk.flow.job.job_id is not None, timeout=10_000)
        job_id = kiosk.flow.job.job_id if kiosk.flow.job else None

        server.set_mode("tarpit")
        meter = StallMeter()
        meter.start("Cancel")
        tap_when_enabled(kiosk, "print-cancel")
        wait_for_text(kiosk, NOT_ANSWERING)
        assert "may still print" in status_text(kiosk)
        assert kiosk.flow.job is not None and kiosk.flow.job.status is not JobStatus.CANCELLED
        meter.phase("following the job")
        qtbot.wait(2500)  # the poll timer keeps asking; each answer is "not answering", the screen stays live
        worst = meter.stop()
        print(meter.report())
        assert worst < STALL_LIMIT, meter.report()
        assert len(cups_jobs(unreachable_queue)) == 1

        server.set_mode("forward")
        qtbot.waitUntil(lambda: kiosk.flow.workers.cups.threads <= 1, timeout=15_000)
        tap_when_enabled(kiosk, "print-cancel")
        qtbot.waitUntil(
            lambda: kiosk.flow.job is not None and kiosk.flow.job.status is JobStatus.CANCELLED, timeout=10_000
        )
        assert kiosk.flow.job.job_id == job_id
        assert cups_jobs(unreachable_queue) == []
