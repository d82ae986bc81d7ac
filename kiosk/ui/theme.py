"""Fonts and the QSS theme, loaded once at start from ``resources/``.

Colours and sizes live in the theme files, not in code; this module only fills the QSS template with the
chosen palette (standard or high contrast) and text-size step, so the patient can change either at any time.
"""

from __future__ import annotations

import gc
import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import paths

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_FAMILY = "DejaVu Sans"


class TextSize(StrEnum):
    NORMAL = "normal"
    LARGE = "large"
    LARGEST = "largest"


class Palette(StrEnum):
    STANDARD = "standard"
    HIGH_CONTRAST = "high-contrast"


@dataclass(frozen=True)
class ThemeChoice:
    size: TextSize = TextSize.NORMAL
    palette: Palette = Palette.STANDARD


# Where DejaVu Sans has no glyph (a name in Chinese, Hindi, Punjabi, Tamil...), Qt tries these in order before
# fontconfig's own choice: the Debian Noto fonts of kiosk.sh's RUNTIME_APT, the same scripts as the sheet.
FALLBACK_FAMILIES = [
    "Noto Sans",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Gurmukhi",
    "Noto Sans Gujarati",
    "Noto Sans Tamil",
    "Noto Sans Thai",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
]


def register_fonts() -> list[str]:
    """Register the bundled Unicode font with Qt, with the fallbacks for other scripts; returns its families."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", name)))
        if font_id < 0:
            raise RuntimeError(f"cannot load bundled font {name}")
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    QFont.insertSubstitutions("DejaVu Sans", FALLBACK_FAMILIES)
    return families


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


def apply(app: QApplication, choice: ThemeChoice = ThemeChoice()) -> None:
    """Restyle every widget, with Python's cyclic garbage collector held off meanwhile.

    ``setStyleSheet`` walks every widget of the application and re-polishes each, calling into Python (event
    filters, ``changeEvent``) as it goes. A garbage collection started by one of those calls could delete a widget
    the walk has yet to reach: the suite died twice of a segmentation fault inside this call. Garbage is collected
    after the walk instead, at the collector's next turn.

    The same sheet again is not applied: Qt would walk and re-polish every widget all the same (about 9,000 events
    for 300 small windows), for nothing.
    """
    sheet = stylesheet(choice)
    if app.styleSheet() == sheet:
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        app.setStyleSheet(sheet)
    finally:
        if was_enabled:
            gc.enable()
