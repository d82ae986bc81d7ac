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

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QWidget

from kiosk import paths
from kiosk.i18n import fill, isolate, translate
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
        """A ward clock time for the patient's screen: "14:30 Sat 22 Nov" in English (``timeline.format_clock``,
        as the sheet prints it); in another language the day and month names are its own (Qt's CLDR data), and
        the digits stay 0-9 as on the sheet and the ward's clocks."""
        if self.current.code == DEFAULT_LANGUAGE:
            return timeline.format_clock(at)
        names = QLocale(self.current.code)
        short = QLocale.FormatType.ShortFormat
        return f"{at:%H:%M} {names.dayName(at.isoweekday(), short)} {at.day} {names.monthName(at.month, short)}"

    def timing(self, entry: timeline.TimelineEntry) -> str:
        """A step's timing for the patient's screen: its label (the content's, in the patient's language) and the
        clock time in the screen's language ("Nie prowadź samochodu do 14:30 wt. 24 lis."), not the sheet's English
        day and month names; in English exactly the sheet's sentence (``TimelineEntry.sentence``)."""
        if self.current.code == DEFAULT_LANGUAGE:
            return entry.sentence
        clock = self.clock(entry.at)
        text = f"{entry.label} {isolate(clock) if self.current.rtl else clock}"
        if not entry.and_until:
            return text
        return fill(translate("patient", "{timing} and until {what}"), timing=text, what=entry.and_until)

    def apply_to(self, page: QWidget) -> None:
        """Lay ``page`` (a patient screen) out in the current language's direction, in a font for its script."""
        lang = self.current
        page.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight)
        page.setProperty("lang", lang.code)
        # The theme names DejaVu Sans for every widget; a script it does not cover well (Gurmukhi, Urdu's letters)
        # takes its Noto font first, with DejaVu for the Latin in it (numbers, a typed English name).
        page.setStyleSheet(f'* {{ font-family: "{lang.screen_font}", "DejaVu Sans"; }}' if lang.screen_font else "")
