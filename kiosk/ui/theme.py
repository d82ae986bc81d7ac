"""Fonts and the QSS theme, loaded once at start from ``resources/``.

Colours and sizes live in the theme files, not in code; ``kiosk.ui.theme_sheet`` fills the QSS template with the
chosen palette (standard or high contrast) and text-size step, and this module applies it, so the patient can
change either at any time.
"""

from __future__ import annotations

import gc

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import paths
from kiosk.ui.theme_sheet import DEFAULT_CHOICE, Palette, TextSize, ThemeChoice, palette_colours, stylesheet, text_sizes

__all__ = [
    "Palette",
    "TextSize",
    "ThemeChoice",
    "apply",
    "palette_colours",
    "register_fonts",
    "stylesheet",
    "text_sizes",
]

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_FAMILY = "DejaVu Sans"


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


def apply(app: QApplication, choice: ThemeChoice = DEFAULT_CHOICE) -> None:
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
