"""The kiosk's window as the X server sees it: no frame and full screen, read back from the window's own properties.

Why: Xvfb has no window manager, so a screenshot cannot show whether a window would get a title bar (with a close
button a patient could press) on a ward's tablet. What a window manager obeys are the window's X properties: Qt
asks for no decorations in ``_MOTIF_WM_HINTS`` (flags bit 2 "decorations given", decorations 0) and for full
screen in ``_NET_WM_STATE``. The frameless flag is set on the window's QWindow by key name before the first show
(``kiosk.ui.enum_properties``, issue 19): this test reads what actually reached the X server, from a real
``main.py run``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.display.harness import ROOT, scenario_env
from tests.display.xserver import XServer

MWM_HINTS_DECORATIONS = 0x2


def x_property(display: str, window: str, name: str) -> str:
    return subprocess.run(
        ["xprop", "-id", window, name],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_kiosk_window_asks_for_no_frame_and_full_screen(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    server = xserver(1280, 800)
    env = scenario_env(server, tmp_path / "data")
    kiosk = subprocess.Popen(
        [sys.executable, "main.py", "run"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Discharge Kiosk - "],
            env={**os.environ, "DISPLAY": server.display},
            capture_output=True,
            text=True,
            timeout=30,
        )
        windows = found.stdout.split()
        assert len(windows) == 1, (found.stdout, found.stderr)
        hints = x_property(server.display, windows[0], "_MOTIF_WM_HINTS")
        fields = [int(value, 16) for value in hints.split("=", 1)[1].split(",")]
        assert fields[0] & MWM_HINTS_DECORATIONS, hints
        assert fields[2] == 0, hints  # no decorations: no title bar, no close button
        assert "_NET_WM_STATE_FULLSCREEN" in x_property(server.display, windows[0], "_NET_WM_STATE")
    finally:
        kiosk.terminate()
        kiosk.communicate(timeout=10)
