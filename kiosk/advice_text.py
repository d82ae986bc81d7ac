"""The words the warning-signs screen and the sheet share: urgency titles, contact lines with their routes.

Screen and paper must say the same thing about whom to call and when (a patient reads the screen on the ward and
the sheet at home at 2 a.m.), so both take these texts from here. Plain Python over the content model; the
screens and the sheet only lay them out.

Urgency is said in words first ("EMERGENCY", "URGENT", "NOT URGENT"), never by colour alone: screen and sheet
also give each level its own shape (see ``kiosk/ui/patient/warning_signs.py`` and ``kiosk/sheet/sections.py``).

Every function takes the ``language`` of the content it is given (default English): the urgency words, the
route and worked-out opening hours are then that language's (``content.phrasebook``), the numbers unchanged.
A translated procedure's headings, contact names and ``hours`` are already translated (``content.localised``).
"""

from __future__ import annotations

from kiosk.content.model import URGENCY_HEADINGS, Contact, Procedure, Urgency, WarningGroup
from kiosk.content.phrasebook import ENGLISH_CODE, ENGLISH_PHRASES, phrases

LEVEL_WORDS: dict[Urgency, str] = {urgency: ENGLISH_PHRASES[urgency.value] for urgency in Urgency}


def level_word(urgency: Urgency, language: str = ENGLISH_CODE) -> str:
    """ "⚠ EMERGENCY", "URGENT", "NOT URGENT" in ``language``."""
    return phrases(language)[urgency.value]


def group_title(group: WarningGroup, language: str = ENGLISH_CODE) -> str:
    """ "⚠ EMERGENCY: Call 999 or go to A&E now": the level's word, then the author's heading or the default."""
    heading = group.heading or URGENCY_HEADINGS[group.urgency]
    return phrases(language).say("title", level=level_word(group.urgency, language), heading=heading)


def route_text(procedure: Procedure, contact: Contact, language: str = ENGLISH_CODE) -> str:
    """ "at other times: NHS 111 (111)" for a contact with opening hours and somewhere to send the patient when it
    is closed; "" otherwise. Printed whole, so a patient at night needs no clock arithmetic on the hours."""
    if contact.open is None or not contact.otherwise:
        return ""
    try:
        other = procedure.contact(contact.otherwise)
    except KeyError:  # narrowed away for this patient: the checker makes sure another contact remains
        return ""
    dial = other.dial
    shown = f"{other.name} ({dial})" if dial and dial not in other.name else other.name
    return phrases(language).say("at_other_times", contact=shown)


def contact_details(procedure: Procedure, contact: Contact, language: str = ENGLISH_CODE) -> str:
    """What goes in brackets after the name: when to use it, its hours, and where to go when it is closed."""
    hours = contact.hours_in(language)
    every = phrases(language)["every_day"]
    if contact.when and hours.startswith(every) and every[:1].isupper():
        # "tonight, if you are worried, every day, 07:00 to 21:00"
        hours = every[:1].lower() + hours[1:]
    details = ", ".join(part for part in (contact.when, hours) if part)
    route = route_text(procedure, contact, language)
    if route:
        details = f"{details}; {route}" if details else route
    return details


def contact_line(procedure: Procedure, contact_id: str, rtl: bool = False, language: str = ENGLISH_CODE) -> str:
    """ "Pain Clinic 01234 567890 ext 4321 (Mon to Fri, 08:30 to 17:00; at other times: NHS 111 (111))".

    A number already in the name ("NHS 111") is not repeated. ``rtl``: the screen is in a right-to-left
    language, so the number is in a bidi isolate (else "01752 437706" shows as "437706 01752": issue 17)."""
    contact = procedure.contact(contact_id)
    text = contact.name
    dial = contact.dial
    if dial and (contact.number or "") not in contact.name:
        text += f" \u2066{dial}\u2069" if rtl else f" {dial}"
    details = contact_details(procedure, contact, language)
    if details:
        text += f" ({details})"
    return text


def sign_groups(
    procedure: Procedure, language: str = ENGLISH_CODE
) -> list[tuple[str, Urgency, list[str], str, tuple[str, ...]]]:
    """The warning signs as boxes, most urgent first: (title, urgency, signs, advice, contact ids to call).

    A version-2 file: one box per urgency group, with its title and advice. A version-1 file (no urgency
    groups): the signs grouped by whom to call, in the content's order, no title (the screen's heading says
    "Get help urgently if"), the general advice after the last box, as before version 2.
    """
    if procedure.has_urgency_groups:
        return [
            (group_title(group, language), group.urgency, [flag.sign for flag in group.signs], group.advice, group.call)
            for group in procedure.groups
        ]
    by_call: dict[tuple[str, ...], list[str]] = {}
    for flag in procedure.red_flags:
        by_call.setdefault(flag.call, []).append(flag.sign)
    return [("", Urgency.URGENT, signs, "", call) for call, signs in by_call.items()]
