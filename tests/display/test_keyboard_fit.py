"""With the virtual keyboard open, the focused field and the screen's footer stay in sight (issue 12, item 2)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.display.harness import run_scenario
from tests.display.realwin import inside, overlaps
from tests.display.xserver import XServer

SIZES = ["normal", "large", "largest"]
SCREENS = {"first-nurse", "new-discharge", "escort", "reason"}


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
def test_every_text_field_and_the_footer_stay_above_the_open_keyboard(
    xserver: Callable[[int, int], XServer], tmp_path: Path, size: tuple[int, int]
) -> None:
    """Every text field of every screen, tapped for real at each text size: the keyboard opens, and the field
    and every footer button (Back, the main action) are whole on screen and clear of the keyboard."""
    found = run_scenario(xserver(*size), tmp_path / "data", "fields_with_keyboard", timeout=240, sizes=SIZES)
    assert "error" not in found, found["error"] if isinstance(found, dict) else found
    assert {f["screen"] for f in found} == SCREENS
    screen = (0, 0, *size)
    problems = []
    for f in found:
        where = f"{f['screen']}/{f['field']}@{f['size']}"
        keyboard = tuple(f["keyboard"])
        if not (f["opened"] and f["focused"] and keyboard[3] > 0):
            problems.append(f"{where}: keyboard did not open on the field ({f})")
            continue
        if f["field_seen"] != f["field_rect"] or not inside(f["field_rect"], screen):
            problems.append(f"{where}: field clipped {f['field_seen']} of {f['field_rect']} by {f['clipped_by']}")
        if overlaps(tuple(f["field_rect"]), keyboard):
            problems.append(f"{where}: field {f['field_rect']} under the keyboard {keyboard}")
        for button in f["footer"]:
            if button["seen"] != button["rect"] or overlaps(tuple(button["rect"]), keyboard):
                problems.append(f"{where}: footer {button['name']} {button['rect']} hidden (keyboard {keyboard})")
    assert not problems, "\n".join(problems)
