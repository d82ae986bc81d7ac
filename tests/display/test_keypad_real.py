"""The number pad under the finger: keys stay put while typing and never overlap (issue 12, item 5)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from tests.display.harness import run_scenario
from tests.display.realwin import inside, overlaps
from tests.display.xserver import XServer

PHONE = "07700900123"
INTERNATIONAL = "+44 7700 900123"


def test_phone_typed_where_the_keys_first_were_at_every_text_size(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    """Real taps at the keys' first places give the number typed; the key rectangles are the same before and
    after 11 digits; no two keys overlap and all are on screen, at every text size.

    On main before issue 12 the pad shrank after the first digit: these taps gave "00000".
    """
    sizes = ["normal", "large", "largest"]
    found = run_scenario(xserver(1280, 800), tmp_path / "data", "keypad_taps", timeout=120, sizes=sizes, digits=PHONE)
    assert "error" not in found, found["error"] if isinstance(found, dict) else found
    screen = (0, 0, 1280, 800)
    for pad in found:
        assert pad["typed"] == PHONE, pad
        assert pad["after"] == pad["before"], pad["size"]
        assert pad["text_fits"], pad["size"]
        rects = {name: tuple(rect) for name, rect in pad["before"].items()}
        for name, rect in rects.items():
            assert inside(rect, screen), (pad["size"], name, rect)
        for (a, ra), (b, rb) in combinations(rects.items(), 2):
            assert not overlaps(ra, rb), (pad["size"], a, ra, b, rb)


def test_a_long_international_number_fits_the_display_at_the_largest_text_size(
    xserver: Callable[[int, int], XServer], tmp_path: Path
) -> None:
    """The pad does not grow for a long number (its keys would move): the display's text shrinks instead."""
    found = run_scenario(
        xserver(1280, 800), tmp_path / "data", "keypad_taps", timeout=120, sizes=["largest"], digits=INTERNATIONAL
    )
    assert "error" not in found, found["error"] if isinstance(found, dict) else found
    (pad,) = found
    assert pad["typed"] == INTERNATIONAL
    assert pad["after"] == pad["before"]
    assert pad["text_fits"]
