"""The print stage without Qt: real CUPS, real SQLite, real sheets; the worker lanes answer into a mailbox.

The stage is what the print screen shows and does; these tests drive it as the session would (open, the nurse's
taps, the poll timer) and read its ``view``. Misbehaving print servers are loopback stand-ins
(``hostile_servers``) relaying to the real scheduler once they "answer again": the shared KioskPDF queue is only
ever printed to.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cups
import pytest

from kiosk.clock import FakeClock
from kiosk.config import WardConfig
from kiosk.db_wait import RecordWrites
from kiosk.printing.outbox import Outbox
from kiosk.printing.service import PrintService
from kiosk.printing.stage import FOLLOWABLE, PrintStage
from kiosk.printing.status import JobStatus, QueueState
from kiosk.record.model import DischargeState, PrintEventKind
from kiosk.records.store import RecordStore
from kiosk.sheet.builder import build_sheet
from kiosk.workers import Lane
from tests import discharge_support
from tests.mailbox import Mailbox
from tests.printing import cups_helpers
from tests.printing.hostile_servers import flaky_print_server

pytestmark = pytest.mark.cups

NURSE = "Nurse Adebayo"


@dataclass
class Ward:
    store: RecordStore
    record_id: str
    patient_name: str
    clock: FakeClock
    mail: Mailbox
    cups: Lane
    records: Lane
    folder: Path
    errors: list[BaseException]

    def stage(
        self, queue: str, server: str | None = None, call_deadline: float = 5.0, answer_seconds: float | None = 3.0
    ) -> PrintStage:
        journal = RecordStore(self.store.path, self.clock)
        service = PrintService(queue, journal, self.clock, 90, server=server, answer_seconds=answer_seconds)
        return PrintStage(
            service,
            self.cups,
            self.records,
            RecordWrites(self.store, self.records),
            self.store,
            self.clock,
            failed=self.errors.append,
            outbox=lambda: Outbox(self.folder / "outbox"),
            call_deadline=call_deadline,
        )

    def open(self, stage: PrintStage, reprint: bool = False) -> None:
        record = self.store.get(self.record_id)
        procedure = discharge_support.procedure(record.procedure_id)

        def build() -> bytes:
            return build_sheet(record, procedure, WardConfig(), self.clock.now(), reprint=reprint)

        stage.open(self.record_id, reprint, self.store.print_events(self.record_id), build)

    def follow(self, stage: PrintStage, until: JobStatus = JobStatus.COMPLETED, timeout: float = 30.0) -> None:
        """Poll like the screen's timer (faster) until the job reaches ``until``."""
        deadline = time.monotonic() + timeout
        while stage.job is None or stage.job.status is not until:
            assert time.monotonic() < deadline, stage.view
            stage.poll()
            self.mail.pump(0.2)


@pytest.fixture
def ward(tmp_path: Path, system_cups: str) -> Iterator[Ward]:
    clock = discharge_support.make_clock()
    store = discharge_support.make_store(tmp_path, clock)
    record = discharge_support.start_record(store, discharge_support.new_discharge())
    store.set_state(record.record_id, DischargeState.AWAITING_NURSE)
    store.sign_off(record.record_id, NURSE, ())
    mail = Mailbox()
    yield Ward(
        store,
        record.record_id,
        record.patient.name,
        clock,
        mail,
        Lane("cups", mail.post),
        Lane("records", mail.post),
        tmp_path,
        [],
    )
    store.close()


def ready(stage: PrintStage) -> bool:
    """The sheet is built and the queue said it is ready (the two answers come on two lanes, in either order)."""
    return stage.sheet is not None and stage.view.state == QueueState.OK.value


def submitted_jobs(ward: Ward) -> list[int | None]:
    """Every job CUPS accepted for this discharge, as the record tells it (record ids repeat across test runs,
    so the cups-pdf files are matched by job id, never by title alone)."""
    return [e.job_id for e in ward.store.print_events(ward.record_id) if e.kind is PrintEventKind.SUBMITTED]


def cups_job_state(job_id: int) -> int:
    """Asked of the system scheduler (libcups keeps the server per thread: an earlier test may have set another)."""
    cups.setServer("")
    cups.setPort(0)
    return int(cups.Connection().getJobAttributes(job_id, requested_attributes=["job-state"])["job-state"])


def test_print_follow_and_sheet_in_hand_without_qt(ward: Ward, system_cups: str) -> None:
    stage = ward.stage(system_cups)
    ward.open(stage)
    ward.mail.pump_until(lambda: ready(stage))
    assert isinstance(stage.sheet, bytes) and stage.sheet.startswith(b"%PDF")  # previewed from memory
    stage.print_sheet()
    stage.print_sheet()  # a second tap while the first is on its way sends nothing
    ward.follow(stage)
    assert stage.view.can_confirm and not stage.view.can_retry
    job = stage.job
    assert job is not None and job.job_id is not None
    output = cups_helpers.find_output(job.pdf_path.stem, job.job_id)
    assert ward.patient_name in cups_helpers.pdf_text(output)
    assert submitted_jobs(ward) == [job.job_id]

    finished: list[bool] = []
    stage.finished = lambda: finished.append(True)
    stage.sheet_in_hand(NURSE)
    assert finished == [True]  # the database is free: saved at once, on the caller's thread
    assert ward.store.get(ward.record_id).state is DischargeState.COMPLETED
    assert not job.pdf_path.exists()  # the paper is with the patient: the outbox copy is gone (issue 13 F7)
    assert ward.errors == []


def test_reopened_after_a_restart_a_printed_sheet_is_confirmed_not_printed_again(ward: Ward, system_cups: str) -> None:
    first = ward.stage(system_cups)
    ward.open(first)
    ward.mail.pump_until(lambda: ready(first))
    first.print_sheet()
    ward.follow(first)
    sent = first.job
    assert sent is not None
    first.close()

    again = ward.stage(system_cups)  # a new kiosk process: only the record knows
    ward.open(again)
    assert again.job is not None and again.job.job_id == sent.job_id
    assert again.job.status in FOLLOWABLE and again.view.can_confirm
    assert again.sheet == sent.pdf_path  # the very sheet that was sent is shown
    again.print_sheet()  # Print is off on screen; even a stray call sends nothing
    ward.mail.pump(0.5)
    assert again.job.job_id == sent.job_id
    assert submitted_jobs(ward) == [sent.job_id]


@pytest.mark.parametrize("mode", ["tarpit", "drop"])
def test_a_print_server_that_does_not_answer(ward: Ward, system_cups: str, mode: str) -> None:
    """The nurse is told at the deadline, the sheet is safe, threads do not pile up, Retry later prints once."""
    with flaky_print_server(mode) as server:
        stage = ward.stage(system_cups, server=server.server, call_deadline=2.0, answer_seconds=0.5)
        started = time.monotonic()
        ward.open(stage)
        ward.mail.pump_until(lambda: stage.view.state == QueueState.NOT_ANSWERING.value, timeout=5)
        assert time.monotonic() - started < 3.0
        assert "The print system is not answering" in stage.view.message

        stage.print_sheet()
        ward.mail.pump_until(lambda: stage.job is not None, timeout=5)
        job = stage.job
        assert job is not None and job.status is JobStatus.REFUSED and job.queue_state is QueueState.NOT_ANSWERING
        assert "The print system is not answering" in stage.view.message
        assert "Success" not in stage.view.message
        assert str(job.pdf_path) in stage.view.message and job.pdf_path.is_file()  # safe in the outbox
        assert stage.view.can_retry
        kinds = [e.kind for e in ward.store.print_events(ward.record_id)]
        assert kinds == [PrintEventKind.SAVED_TO_OUTBOX, PrintEventKind.REFUSED]

        for _ in range(5):  # the nurse keeps pressing Retry at a dead server: answered quickly, no thread pile-up
            stage.retry()
            ward.mail.pump_until(lambda: not stage._acting, timeout=5)
        assert ward.cups.threads == 1  # each call ended with the service's own "not answering": none hung

        server.set_mode("forward")
        deadline = time.monotonic() + 30
        while stage.job is None or stage.job.job_id is None:  # Retry until the server takes it (a few seconds
            assert time.monotonic() < deadline, stage.view  # for a port whose dropped attempts are retried)
            stage.retry()
            ward.mail.pump_until(lambda: not stage._acting, timeout=10)
        ward.follow(stage)
        sent = stage.job
        assert sent is not None and sent.job_id is not None
        output = cups_helpers.find_output(sent.pdf_path.stem, sent.job_id)
        assert ward.patient_name in cups_helpers.pdf_text(output)
        assert submitted_jobs(ward) == [sent.job_id]  # exactly one copy
        assert ward.errors == []


def test_a_late_submit_is_followed_so_retry_cannot_make_a_second_copy(ward: Ward, system_cups: str) -> None:
    """The server answers after the deadline: the job it made is the sheet's job (one copy), not a Retry."""
    with flaky_print_server("slow", delay=2.5) as server:
        stage = ward.stage(system_cups, server=server.server, call_deadline=1.0)
        ward.open(stage)
        ward.mail.pump_until(lambda: stage.view.state == QueueState.NOT_ANSWERING.value, timeout=5)
        ward.mail.pump_until(lambda: stage.view.state == QueueState.OK.value, timeout=10)  # late: reconciled
        stage.print_sheet()
        ward.mail.pump_until(lambda: stage.job is not None, timeout=10)
        assert stage.job is not None and stage.job.queue_state is QueueState.NOT_ANSWERING
        ward.mail.pump_until(lambda: stage.job is not None and stage.job.job_id is not None, timeout=20)
        server.set_mode("forward")
        ward.follow(stage)
        assert stage.job is not None and stage.job.job_id is not None
        output = cups_helpers.find_output(stage.job.pdf_path.stem, stage.job.job_id)
        assert ward.patient_name in cups_helpers.pdf_text(output)
        assert submitted_jobs(ward) == [stage.job.job_id]  # the late job is the one: no second copy


def test_retry_waits_while_a_print_request_may_still_reach_cups(ward: Ward, make_queue: Callable[[str], str]) -> None:
    """A print request went out and got no answer by the deadline: it may still make a job, so Retry sends
    nothing until it answers (H5: two copies otherwise). The late job is then the one followed and cancelled."""
    queue = make_queue(f"socket://127.0.0.1:{cups_helpers.free_port()}")  # never prints: the job stays live
    with flaky_print_server("slow", delay=3.0) as server:
        stage = ward.stage(queue, server=server.server, call_deadline=1.0)
        ward.open(stage)
        ward.mail.pump_until(lambda: stage.sheet is not None, timeout=10)
        stage.print_sheet()
        ward.mail.pump_until(lambda: stage.job is not None, timeout=10)
        assert "Retry comes back once it answers" in stage.view.message
        assert not stage.view.can_retry
        stage.retry()  # a stray tap: nothing is sent
        assert "could make two copies" in stage.view.message
        server.set_mode("forward")
        ward.mail.pump_until(lambda: stage.job is not None and stage.job.job_id is not None, timeout=20)
        job = stage.job
        assert job is not None and not job.finished and submitted_jobs(ward) == [job.job_id]
        stage.cancel()
        ward.mail.pump_until(lambda: stage.job is not None and stage.job.status is JobStatus.CANCELLED, timeout=10)
        assert job.job_id is not None and cups_job_state(job.job_id) == 7  # canceled in CUPS
        assert stage.view.can_retry
