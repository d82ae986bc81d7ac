"""The languages the kiosk speaks to a patient in: one table both the screens and the sheet read.

Pure Python with no kiosk imports, so the content loader, the sheet, the record store and the screens can all
use it without an import cycle. A language is chosen per discharge (``DischargeRecord.language``): the nurse may
preset it on the new-discharge form and the patient changes it on the welcome screen. English is the source
language of every text; the others are drafts for a translator to review (docs/TRANSLATION.md).

Fonts are Debian's Noto families (``fonts-noto-core``). Urdu is shown in Naskh, not Nastaliq: Noto Nastaliq
Urdu's line height is about twice a Latin font's at the same size, and the screens' text sizes (and the fit test)
are set for a normal line height; Naskh is readable to Urdu readers, if less usual than Nastaliq.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Language:
    """One language a patient can choose."""

    code: str  # ISO 639-1: the record's ``language`` and the catalogue's suffix
    native_name: str  # its name in its own script: what the patient looks for on the welcome screen
    english_name: str  # for the nurse, the log and the audit export
    script: str  # ISO 15924
    rtl: bool  # written right to left: the whole patient screen is laid out right to left
    ui_catalogue: str  # the Qt .qm base name under kiosk/ui/translations ("" for English, the source)
    screen_font: str  # a Noto family that covers the script on screen ("" = the theme's font)
    sheet_font: str  # the Noto family the sheet prints this script with ("" = the sheet's Latin font)
    voice: str  # the read-aloud locale (speech-dispatcher/espeak-ng), "" when no voice speaks it
    keyboard_locale: str  # the Qt Virtual Keyboard layout, "" when it ships none (the English one shows)


def _lang(
    code: str,
    native: str,
    english: str,
    script: str,
    *,
    rtl: bool = False,
    font: str = "",
    keyboard: str = "",
) -> Language:
    return Language(
        code=code,
        native_name=native,
        english_name=english,
        script=script,
        rtl=rtl,
        ui_catalogue="" if code == "en" else f"kiosk_{code}",
        screen_font=font,
        sheet_font=font,
        voice="en_GB" if code == "en" else code,
        keyboard_locale=keyboard,
    )


# The order the welcome screen shows them in: English first, then by the number of speakers in England
# (Census 2021: Polish, Romanian, Panjabi, Urdu), then Arabic.
LANGUAGES: Mapping[str, Language] = MappingProxyType(
    {
        lang.code: lang
        for lang in (
            _lang("en", "English", "English", "Latn", keyboard="en_GB"),
            _lang("pl", "Polski", "Polish", "Latn", keyboard="pl_PL"),
            _lang("ro", "Română", "Romanian", "Latn", keyboard="ro_RO"),
            _lang("pa", "ਪੰਜਾਬੀ", "Panjabi", "Guru", font="Noto Sans Gurmukhi"),
            _lang("ur", "اردو", "Urdu", "Arab", rtl=True, font="Noto Naskh Arabic"),
            _lang("ar", "العربية", "Arabic", "Arab", rtl=True, font="Noto Naskh Arabic", keyboard="ar_AR"),
        )
    }
)
DEFAULT_LANGUAGE = "en"


def is_language(code: str) -> bool:
    return code in LANGUAGES


def language(code: str) -> Language:
    """The language with ``code``; a ValueError names the known ones (a typo in a record or a test)."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r}: the kiosk knows {', '.join(LANGUAGES)}") from None
