"""A whole discharge with the escort typed on the Qt Virtual Keyboard's own keys (issue 12, items 1-2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.display.harness import run_scenario
from tests.display.xserver import XServer


def test_whole_discharge_with_the_escort_typed_on_the_on_screen_keyboard(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    """Real taps on the keyboard's keys type the name; its Enter moves to "Who they are to you", and Enter after
    the last field closes the keyboard; the discharge then goes on to a completed record."""
    found = run_scenario(xserver(1280, 800), tmp_path / "data", "discharge_with_keyboard", timeout=120)
    assert "error" not in found, found.get("error")
    assert found["keyboard_opened"]
    assert found["after_first_enter"] == {"focus": "escort-relationship", "keyboard": True}
    assert found["after_last_enter"] == {"keyboard": False}
    assert [text.lower() for text in found["typed"]] == ["ade smith", "son"]
    assert found["after_escort"] == "thank-you"
    assert found["locked"]
    assert found["record"]["state"] == "completed"
    name, relationship, phone = found["record"]["escort"]
    assert (name.lower(), relationship, phone) == ("ade smith", "Son", "+447700900123")
