"""A sheet still in the printer's queue when the kiosk restarts is followed, never printed twice (hazard H5).

Real CUPS: a throw-away queue whose device is unreachable keeps the job "processing"; the kiosk is then
"restarted" (a new window and controller on the same records file), the nurse resumes the discharge from the
list, and the print screen follows the very same CUPS job. Once the printer is reachable the job completes:
one job, one copy.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from kiosk.printing.status import JobStatus
from tests.discharge_support import INJECTION, PATIENT_A
from tests.printing import cups_helpers
from tests.ui.driver import CONFIG, Kiosk
from tests.ui.test_full_discharge import start_discharge

pytestmark = pytest.mark.cups


@pytest.fixture
def unreachable_queue() -> Iterator[str]:
    if not cups_helpers.CUPSD.exists():
        pytest.skip("CUPS is not installed (/usr/sbin/cupsd missing): ./kiosk.sh test installs it")
    if not cups_helpers.scheduler_running():
        pytest.fail("the CUPS scheduler is not running: run scripts/setup-cups.sh (./kiosk.sh test does)")
    name = cups_helpers.unique_name("KioskTest")
    cups_helpers.add_queue(name, f"socket://127.0.0.1:{cups_helpers.free_port()}")
    yield name
    cups_helpers.delete_queue(name)


def jobs_on(queue: str) -> list[str]:
    listed = subprocess.run(["lpstat", "-W", "all", "-o", queue], capture_output=True, text=True, check=False)
    return [line for line in listed.stdout.splitlines() if line.startswith(f"{queue}-")]


def test_restart_while_printing_follows_the_same_job(qtbot: QtBot, tmp_path: Path, unreachable_queue: str) -> None:
    config = replace(CONFIG, printer_queue=unreachable_queue, job_deadline_seconds=600)
    first = Kiosk(qtbot, tmp_path, config)
    record_id = start_discharge(first, INJECTION, PATIENT_A)
    first.walk_patient()
    first.take_back()
    first.review_and_sign_off()
    first.wait_for_print_button()
    first.click("print-print")
    qtbot.waitUntil(lambda: first.flow.job is not None and first.flow.job.job_id is not None, timeout=10_000)
    job = first.flow.job
    assert job is not None and job.job_id and not job.finished, job
    first.flow.poll_timer.stop()
    first.window.hide()
    first.store.close()

    again = Kiosk(qtbot, tmp_path, config, nurse=False)
    again.sign_in()
    again.click(again.button_in_row(record_id, "row-resume"))
    assert again.session.stage is Stage.PRINT
    followed = again.flow.job
    assert followed is not None and followed.job_id == job.job_id
    screen = again.screen
    assert not screen.print_button.isEnabled(), "Print would send a second copy of a sheet still in the queue"
    assert len(jobs_on(unreachable_queue)) == 1

    # The printer comes back (its device is now the cups-pdf writer): the same job completes.
    cups_helpers.as_admin("lpadmin", "-p", unreachable_queue, "-v", "cups-pdf:/")
    for _ in range(150):
        again.flow.poll_job()
        if again.flow.job is not None and again.flow.job.status is JobStatus.COMPLETED:
            break
        qtbot.wait(200)
    assert again.flow.job is not None and again.flow.job.status is JobStatus.COMPLETED, again.flow.job
    assert len(jobs_on(unreachable_queue)) == 1
    output = cups_helpers.find_output(followed.pdf_path.stem, job.job_id)
    assert record_id in cups_helpers.pdf_text(output)
    again.click("print-in-hand")
    assert again.session.stage is Stage.LOCKED
    assert again.store.unconfirmed_sheets() == []
