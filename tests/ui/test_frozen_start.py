"""Freezing the start's objects keeps only the garbage the start had made, never more with each discharge.

``collector.freeze_start`` takes everything that exists at the first paint out of every later collection (issue 19:
the cold start's exit, a ward's full collections). A reference cycle among frozen objects is never freed: a frozen
object that a discharge lets go of in a cycle (a start screen replaced, a cache swapped) would be kept for good with
everything it holds then. ``memory_child`` starts as ``run_kiosk`` does (theme, fonts, the window painted, then frozen),
walks real discharges, frees their garbage, then unfreezes and counts what only the freeze had kept, and looks in
it for the patient's name (frozen garbage is never wiped: HAZARDS H3).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk import paths

pytestmark = pytest.mark.gui

FEW, MORE = 1, 4
ONCE_AT_MOST = 1000
"""Objects the freeze may keep for good: the garbage made before the first paint (about 450 for ``main.py run``,
most of them the pure-Python ``datetime`` classes; 11 in ``memory_child``, which imports differently)."""


def frozen_garbage(data_dir: Path, discharges: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "tests.benchmarks.memory_child", str(data_dir), str(discharges), "--warmup", "0"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env, cwd=paths.PROJECT_ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["discharges"] == discharges
    return report


def test_the_frozen_start_keeps_no_more_garbage_after_more_discharges_and_nothing_of_a_patient(
    tmp_path: Path,
) -> None:
    few, more = frozen_garbage(tmp_path / "few", FEW), frozen_garbage(tmp_path / "more", MORE)
    assert more["frozen_garbage"] == few["frozen_garbage"]
    assert few["frozen_garbage"] < ONCE_AT_MOST
    assert not few["patient_in_frozen_garbage"] and not more["patient_in_frozen_garbage"]  # HAZARDS H3
