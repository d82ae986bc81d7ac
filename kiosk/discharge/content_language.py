"""Which procedure text the walk shows for the patient's language: the seam to the translated content.

``KioskSession.localise`` is the function that gives a procedure in a language (``Localise``). The translated
content and its loader are the content side's (``kiosk.content.localised.localise`` on the i18n-content branch,
which returns the same ``Procedure`` class with the English ids, answers, timings and content hash, and a DRAFT
``document`` for a draft translation). Until that is merged the kiosk uses ``english_only``; the wiring below, the
screens and the nurse's form already ask through this seam, so connecting the loader is one line in
``kiosk.app.build_flow``.

The rule that is this module's own (hazard H2): a DRAFT translation of approved English content is shown only
when the ward allows drafts and a nurse gave a reason for using draft content on this discharge, as for draft
content; otherwise the patient reads the English content (with the screens' own words still in their language).
"""

from __future__ import annotations

from typing import Protocol

from kiosk.content.model import Procedure


class Localise(Protocol):
    def __call__(self, procedure: Procedure, language: str, *, allow_drafts: bool) -> Procedure: ...


def english_only(procedure: Procedure, language: str, *, allow_drafts: bool) -> Procedure:
    """No translated content (yet): every language shows the English procedure."""
    return procedure


def is_draft_translation(shown: Procedure, english: Procedure) -> bool:
    """``shown`` is a draft only because its translation is (the English content is not a draft itself)."""
    return shown.document.is_draft and not english.document.is_draft


def content_for_walk(
    localise: Localise, english: Procedure, language: str, *, allow_drafts: bool, draft_reason_given: bool
) -> Procedure:
    """The procedure the patient's screens show in ``language`` (see the module docstring for drafts)."""
    shown = localise(english, language, allow_drafts=allow_drafts)
    if shown.id != english.id or shown.content_hash != english.content_hash:
        raise ValueError(f"the content for {language} is not the procedure {english.id} the record names")
    if is_draft_translation(shown, english) and not (allow_drafts and draft_reason_given):
        return english
    return shown
