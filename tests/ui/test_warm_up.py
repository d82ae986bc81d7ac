"""The warm-up after start (issue 19): one made-up sheet per procedure, built off the GUI thread, then the PDF
engine started with one of them, so the first preview after sign-off does not pay for any of it."""

from __future__ import annotations

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
    assert warm_up(procedure, CONFIG, make_clock().now()).startswith(b"%PDF")
