"""The theme's colours and sizes: WCAG contrast of at least 7:1 for every text on its background, in both
palettes, and patient text of at least 22 px at every text size."""

from __future__ import annotations

import pytest

from kiosk.ui import theme

# (text colour token, background token) for every pair the QSS paints text with.
TEXT_PAIRS = (
    ("text", "background"),
    ("heading", "background"),
    ("muted", "background"),
    ("banner_text", "banner"),
    ("button_text", "button"),
    ("primary_text", "primary"),
    ("danger_text", "danger"),
    ("disabled_text", "disabled"),
    ("input_text", "input"),
    ("warning_text", "warning_background"),
    ("text", "pressed"),
)
AAA = 7.0


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", list(theme.Palette))
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_every_text_colour_has_at_least_7_to_1_contrast(palette: theme.Palette, fg: str, bg: str) -> None:
    colours = theme.palette_colours(palette)
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= AAA, f"{palette.value}: {fg} {colours[fg]} on {bg} {colours[bg]} is only {ratio:.2f}:1"


@pytest.mark.parametrize("palette", list(theme.Palette))
def test_pressed_buttons_keep_their_text_readable(palette: theme.Palette) -> None:
    """A pressed button's text (button or primary text) on the pressed colour stays readable."""
    colours = theme.palette_colours(palette)
    best = max(contrast(colours[key], colours["pressed"]) for key in ("button_text", "text"))
    assert best >= AAA


def test_both_palettes_define_the_same_colours() -> None:
    assert set(theme.palette_colours(theme.Palette.STANDARD)) == set(theme.palette_colours(theme.Palette.HIGH_CONTRAST))


@pytest.mark.parametrize("size", list(theme.TextSize))
def test_patient_text_is_at_least_22_px_and_grows_with_each_step(size: theme.TextSize) -> None:
    sizes = theme.text_sizes(size)
    assert min(sizes.values()) >= 22
    order = list(theme.TextSize)
    if order.index(size):
        smaller = theme.text_sizes(order[order.index(size) - 1])
        assert all(sizes[key] > smaller[key] for key in sizes)


def test_every_token_in_the_stylesheet_is_filled() -> None:
    for palette in theme.Palette:
        for size in theme.TextSize:
            assert "@" not in theme.stylesheet(theme.ThemeChoice(size, palette))
