"""Runs a scenario in a child process with a real X window (pytest side).

The pytest process is offscreen (``tests/conftest.py``) and one process can have only one Qt platform, so each
scenario runs in ``python -m tests.display.agent``: platform ``xcb`` on the test's Xvfb, ``QT_IM_MODULE`` set to
the Qt Virtual Keyboard, its own data folder. The scenario (``tests/display/scenarios.py``) drives the kiosk with
real X input (xdotool) and reads geometry back from the real widgets and the keyboard; it prints one JSON result
line, which is returned here for the test to check. A kiosk that freezes never prints it: the run is killed at
``timeout`` and the test fails with what the child said.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.display.xserver import XServer

ROOT = Path(__file__).resolve().parents[2]
RESULT_MARK = "@@result "


class ScenarioFailed(AssertionError):
    pass


def scenario_env(server: XServer, data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "PYTEST_"))}
    env.update(
        DISPLAY=server.display,
        QT_QPA_PLATFORM="xcb",
        QT_IM_MODULE="qtvirtualkeyboard",
        KIOSK_DATA_DIR=str(data_dir),
        PYTHONPATH=str(ROOT),
    )
    env.pop("WAYLAND_DISPLAY", None)
    return env


def run_scenario(server: XServer, data_dir: Path, name: str, timeout: float = 60.0, **args: Any) -> Any:
    """Run ``scenarios.<name>(**args)`` on ``server``; returns what it returned (JSON round trip)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "tests.display.agent", name, json.dumps(args)]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=scenario_env(server, data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as late:
        process.kill()
        out, err = process.communicate()
        message = f"{name}: no answer within {timeout:.0f} s (frozen?)\n{out[-3000:]}\n{err[-3000:]}"
        raise ScenarioFailed(message) from late
    results = [line[len(RESULT_MARK) :] for line in out.splitlines() if line.startswith(RESULT_MARK)]
    if process.returncode != 0 or not results:
        raise ScenarioFailed(f"{name}: exit {process.returncode}\n{out[-3000:]}\n{err[-5000:]}")
    return json.loads(results[-1])
