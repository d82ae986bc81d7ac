"""Which procedure text the walk shows for the patient's language: the seam to the translated content.

``KioskSession.localise`` is the function that gives a procedure in a language (``Localise``): in the kiosk it is
the content side's loader, ``kiosk.content.localised.localise`` (wired in ``kiosk.app.build_flow``), which returns
a ``Localised``: the same ``Procedure`` class with the English ids, answers, timings and content hash, a DRAFT
``document`` for a draft translation, and the reason when it fell back to English. A bare ``KioskSession`` (tests
of the session alone) uses ``english_only``.

The rule that is this module's own (hazard H2): a DRAFT translation of approved English content is shown only
when the ward allows drafts and a nurse gave a reason for using draft content on this discharge, as for draft
content; otherwise the patient reads the English content (with the screens' own words still in their language).
The nurse sees which it will be on the new-discharge form (``nurse_notice``), and the record says, on each thing
the patient confirmed or answered, which text they read (``audit_facts``, hazard H13).
"""

from __future__ import annotations

from typing import Protocol

from kiosk.content.localised import Fallback, Localised
from kiosk.content.model import Procedure
from kiosk.content.translation import ENGLISH, Texts, apply_texts, source_texts
from kiosk.i18n import isolate_numbers, translate
from kiosk.languages import is_language, language

NO_DRAFT_REASON = "the translation is a DRAFT, and no nurse gave a reason for using draft content"


class Localise(Protocol):
    def __call__(self, procedure: Procedure, language: str, *, allow_drafts: bool) -> Localised: ...


def english_only(procedure: Procedure, language: str, *, allow_drafts: bool) -> Localised:
    """No translated content: every language shows the English procedure (a bare session's default)."""
    if language in ("", ENGLISH):
        return Localised(procedure, procedure, ENGLISH, None)
    return Localised(procedure, procedure, language, None, Fallback.NO_TRANSLATION)


def content_for_walk(
    localise: Localise, english: Procedure, language: str, *, allow_drafts: bool, draft_reason_given: bool
) -> Localised:
    """The procedure the patient's screens show in ``language`` (see the module docstring for drafts)."""
    localised = localise(english, language, allow_drafts=allow_drafts)
    shown = localised.procedure
    if shown.id != english.id or shown.content_hash != english.content_hash:
        raise ValueError(f"the content for {language} is not the procedure {english.id} the record names")
    if localised.is_draft_translation and not (allow_drafts and draft_reason_given):
        return Localised(english, english, language, None, NO_DRAFT_REASON)
    return localised


def numbers_in_order(procedure: Procedure) -> Procedure:
    """``procedure`` as a right-to-left screen must show it: each phone number in its texts in a left-to-right
    isolate (``kiosk.i18n.isolate_numbers``), so "01752 437706" in an Urdu sentence is not drawn "437706 01752".
    Only the texts change (ids, answers, numbers to dial and the content hash stay), and only where a text has
    right-to-left letters: the English procedure comes back as it is."""
    texts = source_texts(procedure)
    return apply_texts(procedure, {key: _mapped(value) for key, value in texts.items()})


def _mapped(texts: Texts) -> Texts:
    if isinstance(texts, str):
        return isolate_numbers(texts)
    if isinstance(texts, tuple):
        return tuple(isolate_numbers(text) for text in texts)
    return {key: _mapped(value) for key, value in texts.items()}


def nurse_notice(localised: Localised) -> str:
    """What the new-discharge form tells the nurse the patient will read: the procedure in their language (a
    draft translation needs a reason), or the English with why. Nothing for an English-speaking patient."""
    if localised.requested in ("", ENGLISH):
        return ""
    if localised.is_translated:
        name = _english_name(localised.language)
        if localised.is_draft_translation:
            return translate(
                "nurse", "The patient will read the procedure in {language} (draft translation: give a reason)."
            ).format(language=name)
        return translate("nurse", "The patient will read the procedure in {language}.").format(language=name)
    return translate("nurse", "The patient will read the procedure in English: {reason}.").format(
        reason=localised.fallback or Fallback.NO_TRANSLATION
    )


def audit_facts(localised: Localised) -> dict[str, str]:
    """What the record keeps, with each confirmation and answer, of the text the patient read: its language and,
    when translated, which translation file (SHA-256 of its bytes) and whether it was approved or a draft."""
    translation = localised.translation
    if translation is None:
        return {"content_language": ENGLISH}
    return {
        "content_language": localised.language,
        "translation_sha256": translation.sha256,
        "translation": "draft" if translation.is_draft else "approved",
    }


def _english_name(code: str) -> str:
    return language(code).english_name if is_language(code) else code
