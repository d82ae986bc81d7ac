"""``main.py screenshots``: the demo discharge runs end to end and saves every screen in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main


@pytest.mark.slow
def test_screenshots_command_saves_every_screen_in_order(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    assert main(["screenshots", str(out), "--printer", ""]) == 0
    names = sorted(path.name for path in out.glob("*.png"))
    assert names[0] == "01-start.png"
    numbers = [int(name[:2]) for name in names]
    assert numbers == list(range(1, len(names) + 1))
    joined = " ".join(names)
    for screen in (
        "welcome",
        "step-1",
        "question-1-wrong-answer",
        "idle-warning",
        "a-nurse-is-on-the-way",
        "nurse-pin-answer-a-call-for-help",
        "warning-signs",
        "escort",
        "no-escort-ask-a-nurse",
        "no-escort-reason",
        "thank-you",
        "nurse-review",
        "sheet-preview",
        "printed",
    ):
        assert screen in joined, screen
    assert all((out / name).stat().st_size > 10_000 for name in names)
