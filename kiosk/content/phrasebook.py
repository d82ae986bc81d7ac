"""The words code writes around the content, in each language the kiosk speaks: one table, screen and sheet.

The procedure's own texts are translated in ``procedures/translations/``; but some words are not in any file,
the code writes them: the urgency titles ("⚠ EMERGENCY: ..."), the route when a contact is closed ("at other
times: NHS 111"), opening hours worked out from figures ("Mon to Fri, 08:00 to 17:00"), the "and until" of a
timing, the day and month names of every clock time ("until 08:00 Sun 29 Mar"), and every form of a risk's
frequency ("less than 1 in 1,000"). Screen and paper must say the same thing at the same moment (a patient reads
the screen on the ward and the sheet at home at 2 a.m.), so both take them from here, never from Qt's catalogue
on one side and a table on the other (docs/TRANSLATION.md, "The words code writes").

Plain Python with no kiosk imports but the language table: the sheet is built on a worker thread and by
``main.py sheet`` with no Qt application, in the *record's* language, whatever catalogue the screens have
installed at that moment. In Urdu and Arabic a bracket holds figures only ("(5%–10%)"): the sheet orders
right-to-left lines word by word, and a bracket around words of both directions would print split. Figures stay
as the English writes them (digits 0-9, "2,000", "08:00"): a number is
a safety fact the translation check keeps unchanged, and the nurse and the escort read them too.

A language missing a word, a day or a month, or a template that lost a ``{field}``, fails
``tests/content/test_phrasebook.py``; at run time a missing word falls back to the English one (never a blank).
These are drafts like the content translations, for the same translator to review.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

ENGLISH_CODE = "en"

# Template keys: each may hold {fields}, filled by ``Phrases.say``. Urgency keys are ``Urgency`` values.
ENGLISH: Mapping[str, str] = {
    "emergency": "⚠ EMERGENCY",
    "urgent": "URGENT",
    "office-hours": "NOT URGENT",
    "title": "{level}: {heading}",
    "at_other_times": "at other times: {contact}",
    "every_day": "Every day",
    "day_span": "{first} to {last}",
    "opening_hours": "{days}, {opens} to {closes}",
    "and_until": "and until {what}",
    "risk_one_in": "about 1 in {n}",
    "risk_less_than": "less than 1 in {n}",
    "risk_range": "between 1 in {rare} and 1 in {common}",
    "risk_percent": "about {p} in 100 ({p}%)",
    "risk_percent_small": "about 1 in {n} ({p}%)",
    "risk_percent_range": "between {low} and {high} in 100 ({low}% to {high}%)",
    "clock": "{time} {weekday} {day} {month}",
    "day": "{day} {month}",
    "date": "{weekday} {day} {month} {year}",
}
ENGLISH_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_FIELD = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Phrases:
    """One language's words. ``days`` are Monday first (``date.weekday()``), ``months`` January first."""

    language: str
    words: Mapping[str, str]
    days: tuple[str, ...]
    months: tuple[str, ...]

    def __getitem__(self, key: str) -> str:
        return self.words.get(key) or ENGLISH[key]

    def say(self, key: str, **values: object) -> str:
        """The template ``key`` with its fields filled (a field not given is left as written)."""
        return _FIELD.sub(lambda m: str(values.get(m.group(1), m.group())), self[key])

    def clock(self, at: datetime) -> str:
        """ "14:30 Sat 22 Nov" (``at`` already on the ward's clock)."""
        return self.say(
            "clock", time=f"{at:%H:%M}", weekday=self.days[at.weekday()], day=at.day, month=self.months[at.month - 1]
        )

    def day(self, d: date) -> str:
        """ "5 Dec"."""
        return self.say("day", day=d.day, month=self.months[d.month - 1])

    def date(self, d: date) -> str:
        """ "Sat 22 Nov 2025"."""
        return self.say("date", weekday=self.days[d.weekday()], day=d.day, month=self.months[d.month - 1], year=d.year)


_PHRASES: dict[str, Phrases] = {
    "en": Phrases("en", ENGLISH, ENGLISH_DAYS, ENGLISH_MONTHS),
    "pl": Phrases(
        "pl",
        {
            "emergency": "⚠ NAGŁY WYPADEK",
            "urgent": "PILNE",
            "office-hours": "NIEPILNE",
            "title": "{level}: {heading}",
            "at_other_times": "w innych godzinach: {contact}",
            "every_day": "Codziennie",
            "day_span": "{first}–{last}",
            "opening_hours": "{days}, od {opens} do {closes}",
            "and_until": "i dopóki {what}",
            "risk_one_in": "około 1 na {n}",
            "risk_less_than": "mniej niż 1 na {n}",
            "risk_range": "od 1 na {rare} do 1 na {common}",
            "risk_percent": "około {p} na 100 ({p}%)",
            "risk_percent_small": "około 1 na {n} ({p}%)",
            "risk_percent_range": "od {low} do {high} na 100 (od {low}% do {high}%)",
            "clock": "{time} {weekday} {day} {month}",
            "day": "{day} {month}",
            "date": "{weekday} {day} {month} {year}",
        },
        ("pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."),
        ("sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"),
    ),
    "ro": Phrases(
        "ro",
        {
            "emergency": "⚠ URGENȚĂ MAJORĂ",
            "urgent": "URGENT",
            "office-hours": "NU ESTE URGENT",
            "title": "{level}: {heading}",
            "at_other_times": "în afara acestui program: {contact}",
            "every_day": "În fiecare zi",
            "day_span": "{first}–{last}",
            "opening_hours": "{days}, de la {opens} la {closes}",
            "and_until": "și până când {what}",
            "risk_one_in": "aproximativ 1 din {n}",
            "risk_less_than": "mai puțin de 1 din {n}",
            "risk_range": "între 1 din {rare} și 1 din {common}",
            "risk_percent": "aproximativ {p} din 100 ({p}%)",
            "risk_percent_small": "aproximativ 1 din {n} ({p}%)",
            "risk_percent_range": "între {low} și {high} din 100 ({low}% până la {high}%)",
            "clock": "{time} {weekday} {day} {month}",
            "day": "{day} {month}",
            "date": "{weekday} {day} {month} {year}",
        },
        ("lun.", "mar.", "mie.", "joi", "vin.", "sâm.", "dum."),
        ("ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sep.", "oct.", "nov.", "dec."),
    ),
    "pa": Phrases(
        "pa",
        {
            "emergency": "⚠ ਐਮਰਜੈਂਸੀ",
            "urgent": "ਜ਼ਰੂਰੀ",
            "office-hours": "ਜ਼ਰੂਰੀ ਨਹੀਂ",
            "title": "{level}: {heading}",
            "at_other_times": "ਹੋਰ ਸਮਿਆਂ 'ਤੇ: {contact}",
            "every_day": "ਹਰ ਰੋਜ਼",
            "day_span": "{first} ਤੋਂ {last}",
            "opening_hours": "{days}, {opens} ਤੋਂ {closes}",
            "and_until": "ਅਤੇ ਜਦੋਂ ਤੱਕ {what}",
            "risk_one_in": "ਲਗਭਗ {n} ਵਿੱਚੋਂ 1",
            "risk_less_than": "{n} ਵਿੱਚੋਂ 1 ਤੋਂ ਘੱਟ",
            "risk_range": "{rare} ਵਿੱਚੋਂ 1 ਅਤੇ {common} ਵਿੱਚੋਂ 1 ਦੇ ਵਿਚਕਾਰ",
            "risk_percent": "ਲਗਭਗ 100 ਵਿੱਚੋਂ {p} ({p}%)",
            "risk_percent_small": "ਲਗਭਗ {n} ਵਿੱਚੋਂ 1 ({p}%)",
            "risk_percent_range": "100 ਵਿੱਚੋਂ {low} ਅਤੇ {high} ਦੇ ਵਿਚਕਾਰ ({low}% ਤੋਂ {high}%)",
            "clock": "{time} {weekday} {day} {month}",
            "day": "{day} {month}",
            "date": "{weekday} {day} {month} {year}",
        },
        ("ਸੋਮ", "ਮੰਗਲ", "ਬੁੱਧ", "ਵੀਰ", "ਸ਼ੁੱਕਰ", "ਸ਼ਨਿੱਚਰ", "ਐਤ"),
        ("ਜਨਵਰੀ", "ਫ਼ਰਵਰੀ", "ਮਾਰਚ", "ਅਪ੍ਰੈਲ", "ਮਈ", "ਜੂਨ", "ਜੁਲਾਈ", "ਅਗਸਤ", "ਸਤੰਬਰ", "ਅਕਤੂਬਰ", "ਨਵੰਬਰ", "ਦਸੰਬਰ"),
    ),
    "ur": Phrases(
        "ur",
        {
            "emergency": "⚠ ایمرجنسی",
            "urgent": "فوری",
            "office-hours": "فوری نہیں",
            "title": "{level}: {heading}",
            "at_other_times": "دوسرے اوقات میں: {contact}",
            "every_day": "ہر روز",
            "day_span": "{first} سے {last}",
            "opening_hours": "{days}، {opens} سے {closes}",
            "and_until": "اور جب تک {what}",
            "risk_one_in": "تقریباً {n} میں سے 1",
            "risk_less_than": "{n} میں سے 1 سے کم",
            "risk_range": "{rare} میں سے 1 اور {common} میں سے 1 کے درمیان",
            "risk_percent": "تقریباً 100 میں سے {p} ({p}%)",
            "risk_percent_small": "تقریباً {n} میں سے 1 ({p}%)",
            "risk_percent_range": "100 میں سے {low} اور {high} کے درمیان ({low}%–{high}%)",
            "clock": "{time} {weekday} {day} {month}",
            "day": "{day} {month}",
            "date": "{weekday} {day} {month} {year}",
        },
        ("پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"),
        ("جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"),
    ),
    "ar": Phrases(
        "ar",
        {
            "emergency": "⚠ طوارئ",
            "urgent": "عاجل",
            "office-hours": "غير عاجل",
            "title": "{level}: {heading}",
            "at_other_times": "في الأوقات الأخرى: {contact}",
            "every_day": "كل يوم",
            "day_span": "من {first} إلى {last}",
            "opening_hours": "{days}، من {opens} إلى {closes}",
            "and_until": "وحتى {what}",
            "risk_one_in": "نحو 1 من كل {n}",
            "risk_less_than": "أقل من 1 من كل {n}",
            "risk_range": "بين 1 من كل {rare} و 1 من كل {common}",
            "risk_percent": "نحو {p} من كل 100 ({p}%)",
            "risk_percent_small": "نحو 1 من كل {n} ({p}%)",
            "risk_percent_range": "بين {low} و {high} من كل 100 ({low}%–{high}%)",
            "clock": "{time} {weekday} {day} {month}",
            "day": "{day} {month}",
            "date": "{weekday} {day} {month} {year}",
        },
        ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
        ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    ),
}

ENGLISH_PHRASES = _PHRASES[ENGLISH_CODE]


def phrases(language: str = ENGLISH_CODE) -> Phrases:
    """The words in ``language``; English for a language the kiosk has no words for."""
    return _PHRASES.get(language, ENGLISH_PHRASES)


def day_month_year(d: date) -> str:
    """ "1 Aug 2023": a date of birth, and the day content or a translation was approved or is to be reviewed
    (for staff: English, never the machine's locale, which ``%b`` would follow). The one formatter for these."""
    return f"{d.day} {ENGLISH_MONTHS[d.month - 1]} {d.year}"


def languages() -> tuple[str, ...]:
    return tuple(_PHRASES)


def fields(template: str) -> set[str]:
    """The ``{fields}`` a template fills (for the test that no translation lost one)."""
    return set(_FIELD.findall(template))
