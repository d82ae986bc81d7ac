"""The warm-up after start (issue 19): one made-up sheet per procedure, built off the GUI thread, then the PDF
engine started with one of them, so the first preview after sign-off does not pay for any of it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import library_loader
from kiosk.content.loader import Library
from kiosk.content.model import Procedure
from kiosk.sheet import paragraphs
from kiosk.sheet.warm import SAMPLE_RECORD_ID, sample_record, warm_up
from kiosk.ui.warm_up import WarmUp
from tests.discharge_support import make_clock
from tests.ui.driver import CONFIG

pytestmark = pytest.mark.gui


def test_the_warm_up_builds_every_procedures_sheet_off_the_gui_thread_and_starts_the_pdf_engine(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "ward"))
    clock = make_clock()
    loader = library_loader(clock)
    threads: list[str] = []

    def library() -> Library:  # the flow's loader, noting which thread asks
        threads.append(threading.current_thread().name)
        return loader()

    paragraphs.clear_shared()
    warm = WarmUp(library, CONFIG, clock)
    with qtbot.waitSignal(warm.finished, timeout=60_000) as built:
        warm.start(0)
    assert built.args == [len(loader().procedures)]
    assert built.args[0] >= 1
    assert threads == ["kiosk-warm-up"]
    assert paragraphs._shared_lines, "the content's line breaks are kept for the first real sheet"
    assert not warm.rendered.isEmpty()
    # Nothing written: no sheet in the outbox, no file in the data folder.
    ward = tmp_path / "ward"
    assert not ward.exists() or not any(path.suffix == ".pdf" for path in ward.rglob("*"))


def test_the_sample_sheet_names_no_real_patient(qapp: QApplication) -> None:
    procedure: Procedure = library_loader(make_clock())().procedures[0]
    record = sample_record(procedure, make_clock().now())
    assert record.record_id == SAMPLE_RECORD_ID
    assert record.patient.name == "Sample Patient"
    assert record.factors == procedure.factors_used()  # every factor's paragraphs warmed, not only the common ones
    assert warm_up(procedure, CONFIG, make_clock().now()).startswith(b"%PDF")


FRESH_WARM_UP = """
import sys
from PySide6.QtWidgets import QApplication
from kiosk.app import library_loader
from kiosk.ui.warm_up import WarmUp
from tests.discharge_support import make_clock
from tests.ui.driver import CONFIG

app = QApplication([])
clock = make_clock()
warm = WarmUp(library_loader(clock), CONFIG, clock, app)
warm.finished.connect(lambda built: app.quit())
warm.start(0)
app.exec()
print(" ".join(sorted(sys.modules)))
"""


def test_after_the_warm_up_the_print_screen_needs_no_import(tmp_path: Path) -> None:
    """In a fresh process: everything the first sign-off imports to show its preview is loaded by the warm-up."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", paths.DATA_DIR_ENV: str(tmp_path / "ward")}
    env["PYTHONPATH"] = str(paths.PROJECT_ROOT)
    done = subprocess.run(
        [sys.executable, "-c", FRESH_WARM_UP], capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    modules = set(done.stdout.split())
    for module in ("kiosk.sheet.builder", "kiosk.ui.nurse.printing", "kiosk.printing.stage", "PySide6.QtPdf"):
        assert module in modules, module
