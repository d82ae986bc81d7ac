"""The language the screens speak: installs the patient's Qt catalogue and lays their screens out in its direction.

One ``ScreenLanguage`` per app. ``use(code)`` swaps the installed ``QTranslator`` (compiled catalogues under
``resources/translations``, docs/TRANSLATION.md) and says which direction and font the patient's screens take;
the controller then retranslates the screens in place (``widgets.retranslate``) and fills their values again.
The nurse's screens stay English and left to right: their texts have no translation shipped, and the direction
and font are set on the patient's pages only (``apply_to``), not on the whole application.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QWidget

from kiosk import paths
from kiosk.i18n import isolate
from kiosk.languages import DEFAULT_LANGUAGE, Language, language
from kiosk.record import timeline

log = logging.getLogger(__name__)


def catalogue_path(lang: Language) -> str:
    """The compiled catalogue for ``lang`` ("" for English, the source language)."""
    if not lang.ui_catalogue:
        return ""
    return str(paths.resource("translations", f"{lang.ui_catalogue}.qm"))


# The catalogue installed in the application (translators are app-wide in Qt, so there is one for the app).
_installed: list[QTranslator] = []


def remove_catalogue() -> None:
    """Back to English, the source texts: no catalogue installed."""
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


class ScreenLanguage:
    """Which catalogue is installed; ``current`` is the ``kiosk.languages.Language`` in use."""

    def __init__(self) -> None:
        self.current: Language = language(DEFAULT_LANGUAGE)
        remove_catalogue()  # a new kiosk window starts in English whatever an earlier one left

    def use(self, code: str) -> bool:
        """Install ``code``'s catalogue (English: none); returns whether the language changed. A catalogue that
        cannot be loaded leaves the screens in English and says so in the log (never a half-translated mix)."""
        lang = language(code)
        if lang == self.current:
            return False
        remove_catalogue()
        path = catalogue_path(lang)
        if path:
            translator = QTranslator(QCoreApplication.instance())
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
            else:
                log.error("the %s catalogue %s cannot be loaded: the screens stay in English", lang.code, path)
        self.current = lang
        return True

    def clock(self, at: datetime) -> str:
        """A ward clock time for the patient's screen, exactly as the sheet prints it in the same language
        (``timeline.format_clock``: "14:30 Sat 22 Nov", "14:30 sob. 22 lis"; one phrasebook for both, so screen
        and paper never name the day differently), digits 0-9 as on the ward's clocks."""
        return timeline.format_clock(at, language=self.current.code)

    def timing(self, entry: timeline.TimelineEntry) -> str:
        """A step's timing for the patient's screen: its label (the content's, in the patient's language), the
        clock time and "and until ..." in the sheet's words for that language (``TimelineEntry.sentence_in``); in a
        right-to-left language the clock time is isolated, so its digits and names keep their order."""
        if not self.current.rtl:
            return entry.sentence_in(self.current.code)
        text = f"{entry.label} {isolate(self.clock(entry.at))}"
        return f"{text} {entry.qualifier_in(self.current.code)}" if entry.and_until else text

    def apply_to(self, page: QWidget) -> None:
        """Lay ``page`` (a patient screen) out in the current language's direction, in a font for its script."""
        lang = self.current
        page.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight)
        page.setProperty("lang", lang.code)
        # The theme names DejaVu Sans for every widget; a script it does not cover well (Gurmukhi, Urdu's letters)
        # takes its Noto font first, with DejaVu for the Latin in it (numbers, a typed English name).
        page.setStyleSheet(f'* {{ font-family: "{lang.screen_font}", "DejaVu Sans"; }}' if lang.screen_font else "")
