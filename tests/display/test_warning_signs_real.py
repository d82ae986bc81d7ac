"""On a real portrait screen at the largest text, "I understand" on the warning signs waits for the last sign
to be dragged into view (issue 15, H10): real X presses and drags under Xvfb."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.display.harness import run_scenario
from tests.display.xserver import XServer


def test_i_understand_is_offered_only_after_the_patient_dragged_to_the_last_sign(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    found = run_scenario(
        xserver(800, 1280), tmp_path / "data", "warning_signs_by_drag", timeout=90, shots=str(tmp_path)
    )
    assert "error" not in found, found.get("error")
    assert found["screen"] == [800, 1280]
    assert found["scroll_max"] > 0, "the signs overflow the screen at this size"
    assert found["offered_at_first"] is False
    assert found["hint_at_first"] is True and found["hint_clear_of_footer"] is True
    assert found["after_early_tap"]["on"] == "warning-signs"
    assert "warning-signs" not in found["after_early_tap"]["confirmed"]
    drags = found["offered_after_drags"]
    assert drags[-1] is True, f"never offered after {len(drags)} drags"
    assert not any(drags[:-1]), drags
    assert found["hint_after"] is False
    assert found["after_tap"]["on"] == "escort"
    assert "warning-signs" in found["after_tap"]["confirmed"]
