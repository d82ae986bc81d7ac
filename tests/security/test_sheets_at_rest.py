"""Issue 13 F7: patient data does not stay at rest in files the kiosk no longer needs.

The sheet file goes when the nurse confirms "sheet in hand" (a reprint is rebuilt from the record, stamped
REPRINT); the preview is held in memory; a write that fails leaves no partial file (a real write limit, not a
mock: ``RLIMIT_FSIZE`` in a child process makes the kernel refuse the write half-way).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.discharge.session import Stage
from tests.discharge_support import PATIENT_A

ROOT = Path(__file__).resolve().parents[2]


def pdf_text(data: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(data).pages)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.mark.gui
def test_sheet_in_hand_deletes_the_sheet_and_a_reprint_is_rebuilt_and_stamped(qtbot: QtBot, data_dir: Path) -> None:
    from tests.ui.driver import Kiosk, print_config
    from tests.ui.test_full_discharge import start_discharge

    kiosk = Kiosk(qtbot, data_dir, print_config())
    record_id = start_discharge(kiosk, "nerve-root-injection", PATIENT_A)
    kiosk.walk_patient()
    kiosk.take_back()
    kiosk.review_and_sign_off()
    outbox = data_dir / "outbox"
    seen: list[str] = []
    kiosk.print_and_hand_over(before_hand_over=lambda: seen.extend(p.name for p in outbox.iterdir()))
    assert seen == [f"{record_id}-sheet.pdf"]
    assert list(outbox.iterdir()) == []  # the paper is with the patient: no copy stays at rest
    assert not any(name.endswith(".pdf") for name in files_under(data_dir))

    kiosk.sign_in()
    kiosk.click(kiosk.button_in_row(record_id, "row-reprint"))
    assert kiosk.session.stage is Stage.PRINT and kiosk.session.reprint
    texts: list[str] = []
    kiosk.print_and_hand_over(before_hand_over=lambda: texts.extend(pdf_text(p) for p in outbox.iterdir()))
    assert len(texts) == 1 and "REPRINT" in texts[0] and record_id in texts[0]
    assert list(outbox.iterdir()) == []


@pytest.mark.gui
def test_the_preview_is_held_in_memory_never_written_to_a_file(qtbot: QtBot, data_dir: Path) -> None:
    from tests.ui.driver import Kiosk
    from tests.ui.test_full_discharge import start_discharge

    kiosk = Kiosk(qtbot, data_dir)
    start_discharge(kiosk, "nerve-root-injection", PATIENT_A)
    kiosk.walk_patient()
    kiosk.take_back()
    before = files_under(data_dir)
    kiosk.review_and_sign_off()
    preview = kiosk.screen.preview  # type: ignore[attr-defined]
    assert preview.page_count >= 1, preview._placeholder.text()
    assert preview.in_memory
    assert files_under(data_dir) == before  # nothing written for the preview
    kiosk.session.lock()
    assert preview.page_count == 0 and preview._buffer.size() == 0  # the bytes are gone from memory too


_CHILD = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing the process
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
from kiosk.errors import EnvironmentProblem
from kiosk.printing.outbox import Outbox
from kiosk.private import write_atomically
folder = Path(sys.argv[1])
try:
    Outbox(folder / "outbox").save("DK-20261201-0001", b"%PDF-1.4 " + b"x" * 100_000)
except EnvironmentProblem as exc:
    print("refused:", exc.hint)
try:
    write_atomically(folder / "export.csv", b"a,b\\n" * 50_000)
except OSError as exc:
    print("refused:", exc.strerror)
"""


def test_a_write_the_disk_refuses_half_way_leaves_no_partial_file(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("refused:") == 2, done.stdout
    assert files_under(tmp_path) == []
