"""A double tap cannot skip a safety step (issue 12, item 3; H10): real X clicks and touch events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.display.harness import run_scenario
from tests.display.xserver import XServer


def test_two_clicks_50_ms_apart_and_two_touches_confirm_exactly_one_step(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    """On main before issue 12, two taps 150 ms apart on "I understand" confirmed step 2 unseen."""
    found = run_scenario(xserver(1280, 800), tmp_path / "data", "double_taps", timeout=60, gap_ms=50)
    assert "error" not in found, found.get("error")
    steps = found["steps"]
    first, second, third = (s.removeprefix("step:") for s in steps[:3])
    assert found["after_start"] == {"on": steps[0], "confirmed": []}, "a double tap on Start confirmed step 1"
    assert found["after_understand"] == {"on": steps[1], "confirmed": [first]}
    assert found["after_touch"] == {"on": steps[2], "confirmed": sorted([first, second])}
    assert third not in found["after_touch"]["confirmed"]
