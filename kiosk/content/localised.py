"""The loader API for the patient's language: a procedure in a language, or English with the reason why not.

Used by the walk (the screens) and the sheet. A translation is used only when ``translation_check`` finds no
error in it against the English file as it is now; otherwise the English content is used and ``fallback`` says
why, so a screen or the sheet can say "shown in English" instead of silently mixing languages (hazard H13).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.model import Procedure
from kiosk.content.problems import Problem
from kiosk.content.translation import ENGLISH, FOLDER, Translation, apply_texts
from kiosk.content.translation_check import check_translation


def translation_path(procedure: Procedure, language: str, folder: Path | None = None) -> Path:
    """Where the translation of ``procedure`` into ``language`` is kept: ``translations/`` beside the English."""
    base = folder if folder is not None else Path(procedure.source_path).parent / FOLDER
    return base / f"{procedure.id}.{language}.yaml"


class Fallback:
    """Why a procedure is shown in English although another language was asked for (``Localised.fallback``)."""

    NONE = ""
    NO_TRANSLATION = "there is no translation into this language"
    OUT_OF_DATE = "the translation is out of date: the English file has changed since it was translated"
    BROKEN = "the translation has errors (see main.py check)"
    DRAFT_REFUSED = "the translation is a DRAFT, and this kiosk does not use drafts"


@dataclass(frozen=True)
class Localised:
    """The procedure to show and print for one language, and whether it really is in that language.

    ``procedure`` is the translated procedure, or the English one when ``fallback`` says why not. A translated
    procedure keeps the English ids, timings, answers, numbers and content hash; its ``document`` is the
    English file's, marked a DRAFT when the translation is one (so the draft machinery applies: hazard H2).
    """

    procedure: Procedure
    english: Procedure
    requested: str
    translation: Translation | None
    fallback: str = Fallback.NONE
    problems: tuple[Problem, ...] = ()

    @property
    def language(self) -> str:
        """The language ``procedure``'s text is in."""
        return self.requested if self.translation is not None else ENGLISH

    @property
    def is_translated(self) -> bool:
        return self.translation is not None

    @property
    def is_draft_translation(self) -> bool:
        return self.translation is not None and self.translation.is_draft


def localise(
    procedure: Procedure, language: str, *, allow_drafts: bool = False, folder: Path | None = None
) -> Localised:
    """``procedure`` in ``language`` (falls back to English, with the reason, when it cannot be: H13).

    ``allow_drafts`` is the ward's ``content.allow_drafts``: without it a draft translation is refused, as draft
    content is. ``folder`` overrides the ``translations`` folder beside the English file (tests).
    """
    if language in ("", ENGLISH):
        return Localised(procedure, procedure, ENGLISH, None)
    if folder is None and not procedure.source_path:
        # Content not read from a file (a test's or a demo's): there is no translations folder beside it.
        return Localised(procedure, procedure, language, None, Fallback.NO_TRANSLATION)
    path = translation_path(procedure, language, folder)
    try:
        stat = path.stat()
    except OSError:
        return Localised(procedure, procedure, language, None, Fallback.NO_TRANSLATION)
    translation, problems = _checked(path, (stat.st_mtime_ns, stat.st_size), procedure)
    if translation is None:
        out_of_date = any(problem.key_path == "source_sha256" for problem in problems)
        reason = Fallback.OUT_OF_DATE if out_of_date else Fallback.BROKEN
        return Localised(procedure, procedure, language, None, reason, problems)
    if translation.is_draft and not allow_drafts:
        return Localised(procedure, procedure, language, None, Fallback.DRAFT_REFUSED, problems)
    return Localised(translated_procedure(procedure, translation), procedure, language, translation, problems=problems)


def translated(procedure: Procedure, language: str, *, allow_drafts: bool = False) -> Procedure | None:
    """The procedure in ``language``, or None when there is no usable translation (the caller keeps English)."""
    localised = localise(procedure, language, allow_drafts=allow_drafts)
    return localised.procedure if localised.is_translated else None


def translated_procedure(procedure: Procedure, translation: Translation) -> Procedure:
    """The English procedure with the translation's texts; a draft translation makes it a DRAFT (H2)."""
    result = apply_texts(procedure, translation.texts)
    if translation.is_draft and not procedure.document.is_draft:
        document = dataclasses.replace(
            procedure.document,
            approved=False,
            approved_by=f"translation to be reviewed; English: {procedure.document.approved_by}",
        )
        result = dataclasses.replace(result, document=document)
    return result


_CHECKED: dict[tuple[str, tuple[int, int], str, str], tuple[Translation | None, tuple[Problem, ...]]] = {}


def _checked(
    path: Path, stamp: tuple[int, int], procedure: Procedure
) -> tuple[Translation | None, tuple[Problem, ...]]:
    """The checked translation, remembered while the file (mtime, size) and the English content are the same:
    every sheet and every screen of a discharge asks, and the check reads and walks the whole file."""
    key = (str(path), stamp, procedure.content_hash, procedure.source_path)
    found = _CHECKED.get(key)
    if found is None:
        if len(_CHECKED) > 256:
            _CHECKED.clear()
        found = _CHECKED[key] = check_translation(path, procedure)
    return found
