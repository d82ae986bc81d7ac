"""The cold start imports only what the start screen's first paint needs (issue 19: within 1.3x a bare window).

A real process runs ``main.py run --exit-after-paint`` offscreen and reports the modules loaded when the start
screen has been painted. Everything the nurse or the patient needs later (content, records, the sheet, printing,
speech, the keyboard's QML) is imported after that paint, off its path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys
from kiosk.cli import main
code = main(["run", "--exit-after-paint"])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

# Each was on the start path once, or is heavy enough that it must never creep onto it.
NOT_BEFORE_FIRST_PAINT = (
    "kiosk.content.model",  # 8 ms of dataclasses and enums, pulled in by the sheet command's --factor choices
    "kiosk.content.loader",
    "yaml",
    "reportlab",
    "kiosk.sheet",
    "kiosk.records.store",
    "sqlite3",
    "cups",
    "kiosk.printing",
    "PySide6.QtPdf",
    "PySide6.QtQml",
    "PySide6.QtTextToSpeech",
    "phonenumbers",
)


def test_the_first_paint_imports_none_of_the_later_parts(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path / "ward")}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    modules = set(report["modules"])
    assert "kiosk.ui.main_window" in modules  # the start screen was built in this process
    early = sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_FIRST_PAINT))
    assert early == []
