"""A discharge in Urdu (right to left) and in Polish in a real X window with the Qt Virtual Keyboard (issue 17)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.display.harness import run_scenario
from tests.display.xserver import XServer


@pytest.mark.parametrize(
    ("code", "preset", "greeting", "keyboard", "rtl"),
    [
        # Urdu chosen by the patient on the welcome screen; Qt ships no Urdu keyboard, so the British one shows.
        ("ur", False, "السلام علیکم", "en_GB", True),
        # Polish preset by the nurse on the form; Qt's Polish layout comes up for the escort's name.
        ("pl", True, "Dzień dobry", "pl_PL", False),
    ],
)
def test_a_discharge_from_welcome_to_thank_you_in_the_patients_language(
    xserver: Callable[[int, int], XServer],
    tmp_path: Path,
    code: str,
    preset: bool,
    greeting: str,
    keyboard: str,
    rtl: bool,
) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    found = run_scenario(
        xserver(1280, 800),
        tmp_path / "data",
        "discharge_in_language",
        timeout=180,
        code=code,
        preset=preset,
        shots=str(shots),
    )
    assert "error" not in found, found.get("error")
    assert found["preset"] == (code if preset else "en")
    for screen in ("welcome", "step", "question", "escort", "thank_you"):
        assert found[screen]["rtl"] is rtl, screen
    assert any(text.startswith(greeting) for text in found["welcome"]["texts"]), found["welcome"]["texts"]
    assert found["welcome"]["buttons"]["start"] != "Start"
    assert found["step"]["buttons"]["understand"] != "I understand"
    assert found["escort"]["buttons"]["confirm-escort"] != "They will stay with me"
    assert found["keyboard_opened"] and found["keyboard_locale"] == keyboard
    assert found["end"] == "thank-you"
    # The nurse takes the tablet back: English, left to right.
    assert found["review_direction_rtl"] is False
    assert found["record"] == {"language": code, "escort": found["record"]["escort"]}
    assert (found["record"]["escort"] or "").lower() == "ade"
    changes = [json.loads(detail) for event, detail in found["audit"] if event == "language-changed"]
    assert changes == ([] if preset else [{"from": "en", "language": code}])
    for name in ("welcome", "step", "question", "escort", "thank-you"):
        assert (shots / f"{code}-{name}.png").stat().st_size > 10_000
