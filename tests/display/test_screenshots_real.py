"""``main.py screenshots --real-window``: the demo's pictures from a real window, keyboard open on a field."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

from tests.display.harness import ROOT, scenario_env
from tests.display.xserver import XServer


def dark_share(image: QImage, top: int) -> float:
    """The share of sampled pixels below ``top`` that are dark (the keyboard's panel is near black)."""
    samples = dark = 0
    for y in range(top, image.height(), 20):
        for x in range(0, image.width(), 20):
            samples += 1
            dark += image.pixelColor(x, y).lightness() < 80
    return dark / samples


def test_real_window_screenshots_show_the_keyboard_open_on_the_escort_screen(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    server = xserver(1280, 800)
    out = tmp_path / "shots"
    env = scenario_env(server, tmp_path / "data")
    env.pop("QT_IM_MODULE")
    env.pop("QT_QPA_PLATFORM")
    done = subprocess.run(
        [sys.executable, "main.py", "screenshots", str(out), "--real-window", "--printer", ""],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, (done.returncode, done.stdout[-2000:], done.stderr[-1500:])
    escort = sorted(out.glob("*-escort.png"))[0]
    signs = sorted(out.glob("*-warning-signs.png"))[0]
    pictures = {p: QImage(str(p)) for p in (escort, signs)}
    assert all(image.width() == 1280 and image.height() == 800 for image in pictures.values())
    assert dark_share(pictures[escort], 420) > 0.6, "the keyboard is open on the escort screen"
    assert dark_share(pictures[signs], 420) < 0.4, "no keyboard where there is no field"
