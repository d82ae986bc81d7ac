"""Every text the kiosk shows goes through ``translate`` (Qt's translation tooling: docs/TRANSLATION.md).

``pyside6-lupdate`` finds each ``translate("context", "English text")`` call in the source and lists it in the
catalogues under ``resources/translations``; ``pyside6-lrelease`` compiles them to the ``.qm`` files the running
kiosk loads (``kiosk.ui.language``). Both arguments must be string literals, or lupdate cannot see them
(``tests/ui/test_translations.py`` fails otherwise). A text with a value in it is a template with ``{name}``
fields, filled after translation, so the translator can move the value: ``translate("patient", "Hello, {name}")
.format(name=first)``.

The contexts are the audiences: ``patient`` (shipped in every language) and ``nurse`` (English only for now: the
nurse screens are in the catalogues so a ward can translate them, but no translation ships).

Only QtCore is used (no screen needed), so the plain-Python discharge logic can mark its words too; it is
imported at the first translation, so a module that only marks texts does not load Qt. A translated
text is a ``UiText``: a ``str`` that remembers its source, so a screen can be retranslated in place when the
patient picks another language (``kiosk.ui.widgets.retranslate``).
"""

from __future__ import annotations

import re

PATIENT = "patient"
NURSE = "nurse"


class UiText(str):
    """A translated text that remembers its context and English source (to translate again later)."""

    context: str
    source: str

    def __new__(cls, text: str, context: str, source: str) -> UiText:
        made = super().__new__(cls, text)
        made.context = context
        made.source = source
        return made


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> UiText:
    """``source`` in the language of the installed catalogue (the English source when there is none or the
    catalogue has no translation of it). ``n`` picks a plural form ("%n seconds")."""
    # Imported here, not with the module: the record store and its commands (``records verify``, the purge) only
    # mark texts (``QT_TRANSLATE_NOOP``), and loading Qt for that cost them 15 MB of memory and 40 ms a start.
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(context, source, disambiguation, n)
    return UiText(text, context, source)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Marks ``source`` for the catalogue without translating it now (a constant defined at import, translated
    with ``translate(context, text)`` where it is shown)."""
    return source


def translate_again(text: str) -> str:
    """A text translated earlier, in the language installed now (a plain ``str`` comes back unchanged)."""
    if isinstance(text, UiText):
        return translate(text.context, text.source)
    return text


def translate_marked(context: str, source: str) -> UiText:
    """``source``, a constant marked with ``QT_TRANSLATE_NOOP(context, ...)``, in the language installed now."""
    return translate(context, source)


FSI = "\u2068"  # FIRST STRONG ISOLATE: the value takes its own direction (digits alone: left to right)
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def right_to_left(text: str) -> bool:
    """``text`` has a letter written right to left (Arabic, Urdu, Hebrew...)."""
    import unicodedata

    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def isolate(value: str) -> str:
    """``value`` in a bidi isolate: in a right-to-left sentence a phone number "01752 437706" would otherwise be
    shown as "437706 01752" (the space between two numbers takes the sentence's direction), and a Latin name
    with a full stop after it would pull the stop to its other side."""
    return f"{FSI}{value}{PDI}"


LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE: what follows is left to right, whatever the sentence around it
_NUMBER_IN_GROUPS = re.compile(r"\d+(?:[ \u00a0]\d+)+")


def isolate_numbers(text: str) -> str:
    """In a right-to-left text, every number written in groups ("01752 437706", "0114 263 2115") in a left-to-right
    isolate: else Qt draws it as "437706 01752" (the space between its groups takes the sentence's direction), and
    a patient dials the groups in the wrong order. Other text, and any text with no right-to-left letter, is left
    as it is."""
    if not right_to_left(text):
        return text
    return _NUMBER_IN_GROUPS.sub(lambda number: f"{LRI}{number.group(0)}{PDI}", text)


def fill(template: str, **values: object) -> str:
    """A translated ``template`` with its ``{fields}`` filled; in a right-to-left translation each value is
    isolated (``isolate``), so names, clock times and numbers keep their own order. English is left as it is."""
    if not right_to_left(template):
        return template.format(**values)
    return template.format(**{key: isolate(str(value)) for key, value in values.items()})
