"""What "Read this to me" says: the screen's own words, in reading order, with nothing that identifies the patient.

Plain Python, so the rule that matters for privacy is tested without a screen or a voice: the tablet may be read
aloud in a bay where others can hear, so it speaks at most the patient's first name. Screens show only the first
name today; the redaction here is the safety net for any text that would one day carry more (a surname typed
into a field label, a hospital number in a banner), whatever the screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

# What is left where an identifier was: nothing, so "Hello Margaret Smith" is read as "Hello Margaret".
REDACTED = ""


@dataclass(frozen=True)
class SpokenIdentity:
    """What must never be spoken: every part of the name but the first, the date of birth, the numbers."""

    first_name: str
    other_names: tuple[str, ...]
    date_of_birth: date | None = None
    hospital_number: str = ""
    nhs_number: str = ""

    @classmethod
    def from_name(
        cls, full_name: str, date_of_birth: date | None = None, hospital_number: str = "", nhs_number: str = ""
    ) -> SpokenIdentity:
        parts = full_name.split()
        return cls(parts[0] if parts else "", tuple(parts[1:]), date_of_birth, hospital_number, nhs_number)


def _number_pattern(number: str) -> re.Pattern[str] | None:
    """A hospital or NHS number however it is spaced: '943 476 5919' and '9434765919' alike."""
    characters = [ch for ch in number if not ch.isspace()]
    if len(characters) < 3:
        return None
    return re.compile(r"[\s-]*".join(re.escape(ch) for ch in characters), re.IGNORECASE)


def _date_patterns(born: date) -> list[re.Pattern[str]]:
    day, month, year = born.day, born.month, born.year
    month_name = born.strftime("%B")
    forms = [
        rf"\b0?{day}[/.-]0?{month}[/.-]{year}\b",
        rf"\b{year}-{month:02d}-{day:02d}\b",
        rf"\b0?{day}(?:st|nd|rd|th)?\s+(?:{month_name}|{month_name[:3]})\.?\s+{year}\b",
    ]
    return [re.compile(form, re.IGNORECASE) for form in forms]


def redact(text: str, identity: SpokenIdentity) -> str:
    """``text`` without the patient's other names, date of birth, hospital number or NHS number."""
    patterns: list[re.Pattern[str]] = []
    for name in identity.other_names:
        if len(name.strip(".-'")) > 1 and name.casefold() != identity.first_name.casefold():
            patterns.append(re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE))
    for number in (identity.hospital_number, identity.nhs_number):
        pattern = _number_pattern(number)
        if pattern is not None:
            patterns.append(pattern)
    if identity.date_of_birth is not None:
        patterns.extend(_date_patterns(identity.date_of_birth))
    for pattern in patterns:
        text = pattern.sub(REDACTED, text)
    return re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))


# Bidi isolates and marks put round names, times and phone numbers on a right-to-left screen: they order what is
# drawn, say nothing, and would sit between a name and the redaction that looks for it, so they are not sent.
_DIRECTION_MARKS = dict.fromkeys((0x061C, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069))


def script(parts: Iterable[str], identity: SpokenIdentity | None) -> str:
    """The words to speak for a screen: its visible texts in order, one sentence each, redacted.

    A text that does not end like a sentence ("Step 2 of 6", a button's "I understand") gets a full stop, so
    the voice pauses between them instead of running them together.
    """
    sentences = []
    for part in parts:
        text = " ".join(part.replace("•", " ").translate(_DIRECTION_MARKS).split())
        if not text:
            continue
        if text[-1] not in ".?!:;":
            text += "."
        sentences.append(text)
    spoken = " ".join(sentences)
    return redact(spoken, identity) if identity is not None else spoken


def choose_locale(language: str, available: Sequence[str]) -> str | None:
    """The voice locale for a language ("pl" or "pl_PL"), among the engine's ("pl_PL", "en_GB", ...), or None.

    An exact match first, then the British voice for English (the ward's), then any voice of that language.
    None means no voice speaks it here: the screen hides "Read this to me" rather than read it in another tongue.
    """
    wanted = language.replace("-", "_")
    if wanted in available:
        return wanted
    base = wanted.split("_", 1)[0].lower()
    if base == "en" and "en_GB" in available:
        return "en_GB"
    same_language = sorted(name for name in available if name.split("_", 1)[0].lower() == base)
    return same_language[0] if same_language else None
