"""The theme's values and its style sheet text, in plain Python (no Qt): the QSS template filled with the chosen
palette (standard or high contrast) and text-size step.

Apart from ``kiosk.ui.theme`` (which applies them with Qt) so that ``main.py run`` can import this before PySide6:
PySide6's import hook reads the source of each module imported after it (issue 19, the cold start).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from kiosk import paths


class TextSize(StrEnum):
    NORMAL = "normal"
    LARGE = "large"
    LARGEST = "largest"


class Palette(StrEnum):
    STANDARD = "standard"
    HIGH_CONTRAST = "high-contrast"


@dataclass(frozen=True)
class ThemeChoice:
    """The patient's text size and palette (a key of the style sheet's cache). A docstring of its own spares the
    dataclass an ``inspect.signature`` at import."""

    size: TextSize = TextSize.NORMAL
    palette: Palette = Palette.STANDARD


DEFAULT_CHOICE = ThemeChoice()
"""Normal text on the standard palette: what every session starts with."""


@cache
def _template() -> str:
    return paths.resource("theme", "kiosk.qss").read_text(encoding="utf-8")


@cache
def palette_colours(palette: Palette) -> dict[str, str]:
    with paths.resource("theme", f"{palette.value}.toml").open("rb") as handle:
        return dict(tomllib.load(handle))


@cache
def text_sizes(size: TextSize) -> dict[str, int]:
    with paths.resource("theme", "sizes.toml").open("rb") as handle:
        return dict(tomllib.load(handle)[size.value])


@cache
def stylesheet(choice: ThemeChoice = ThemeChoice()) -> str:
    values: dict[str, str] = {**palette_colours(choice.palette)}
    values.update({key: str(px) for key, px in text_sizes(choice.size).items()})

    def fill(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return re.sub(r"@([a-z_]+)@", fill, _template())
