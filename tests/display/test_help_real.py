"""'I need help' tapped for real in a real window (issue 12 item 7): the old banner button opened a PIN pad."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.display.harness import run_scenario
from tests.display.xserver import XServer
from tests.ui.driver import NURSE


def test_a_real_double_tap_calls_a_nurse_once_and_the_pin_brings_back_the_same_step(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    found = run_scenario(xserver(1280, 800), tmp_path / "data", "help_call", timeout=90, gap_ms=50)
    assert "error" not in found, found.get("error")
    assert found["button"] == {"text": "I need help", "visible": True}
    alert = found["alert"]
    assert alert["stage"] == "help", "the banner button opens no PIN pad"
    assert alert["help_screen"] and alert["title"] == "A nurse is on the way"
    assert alert["rect"] == alert["window"] == alert["screen"], "full screen"
    assert alert["flashes"] == [False, True], "the screen flashes"
    assert alert["running"]
    assert alert["sound"] == "unavailable"  # the suite gives the child no sound server: visible only, and it says so
    assert alert["calls"] == ["requested"], "a double tap is one call"
    assert found["pin"] == {"stage": "pin", "running": True}, "the PIN pad alone does not clear the alert"
    after = found["after"]
    assert after["stage"] == "patient" and after["step"] == found["step"] and after["same_page"]
    assert not after["running"] and not after["nurse_signed_in"]
    assert after["calls"] == [["requested", ""], ["answered", NURSE]]
