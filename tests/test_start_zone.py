"""A settings file naming an unknown time zone still stops the kiosk, with its reason on screen (F6, H9).

The zone is checked just after the start screen's first paint, not before it (``zoneinfo`` is off the cold
start's path, issue 19). A real ``main.py run`` process shows, before the controller exists, "The kiosk cannot
start" with the settings file's reason, and no controller is ever built, so no discharge can start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk import clock, config

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
import kiosk.app as app

flows = []
real_build_flow, real_failure = app.build_flow, app.show_start_failure

def build_flow(*args, **kwargs):
    flows.append(1)
    return real_build_flow(*args, **kwargs)

def report(window):
    shown = window.stack.currentWidget()
    texts = [label.text() for label in shown.findChildren(QLabel) if label.isVisible()]
    print(json.dumps({"start_screen": shown is window.start_screen, "texts": texts, "flows": len(flows)}))
    QApplication.exit(7)

def show_start_failure(window, exc, log_path=None):
    screen = real_failure(window, exc, log_path)
    QTimer.singleShot(300, lambda: report(window))  # a nurse's first tap would come here: is a flow there?
    return screen

app.build_flow, app.show_start_failure = build_flow, show_start_failure
print(json.dumps({"code": app.run_kiosk(full_screen=False)}))
"""


def ward(tmp_path: Path, zone: str) -> dict[str, str]:
    folder = tmp_path / "ward"
    folder.mkdir(mode=0o700, parents=True)
    (folder / "config.toml").write_text(f'[ward]\nname = "Day Case Unit"\ntime_zone = "{zone}"\n', encoding="utf-8")
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(folder), "PYTHONPATH": str(ROOT)}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, env=env, cwd=ROOT, check=False)


def test_a_bad_zone_shows_its_reason_and_no_discharge_can_start(tmp_path: Path) -> None:
    done = run([sys.executable, "-c", CHILD], ward(tmp_path, "europe/london"))
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-3000:]
    seen: dict[str, Any] = lines[0]
    assert seen["start_screen"] is False
    assert seen["flows"] == 0  # the controller was never built: the start screen's buttons do nothing
    assert "The kiosk cannot start" in seen["texts"]
    assert any('ward.time_zone "europe/london" is not a time zone' in text for text in seen["texts"])
    assert 'did you mean "Europe/London"?' in seen["texts"]


def test_the_settings_default_zone_is_the_clocks() -> None:
    assert config.DEFAULT_ZONE_NAME == clock.DEFAULT_ZONE_NAME
    assert config.WardConfig().zone is clock.DEFAULT_ZONE
