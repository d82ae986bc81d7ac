"""The translations part of ``main.py check``: each file in ``translations/`` against its English file.

A translation with errors is never shown to a patient (the English is shown instead), so an error here fails
the check like an error in a procedure file: the author sees it before the ward does (hazard H13).
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.loader import Library
    from kiosk.content.problems import Problem
    from kiosk.content.translation import Translation


def shown_path(file: str) -> str:
    """A path relative to the current folder when it is inside it: shorter, and still clickable."""
    try:
        relative = os.path.relpath(file)
    except ValueError:
        return file
    return file if relative.startswith("..") else relative


_shown = shown_path


def _print(path: Path, translation: Translation | None, problems: tuple[Problem, ...]) -> None:
    from kiosk.content.problems import count_label

    print(f"{path.name}: {count_label(problems)}")
    for problem in sorted(problems, key=lambda p: (not p.is_error, p.line or 0)):
        print(f"  {replace(problem, file=_shown(problem.file))}")
    if translation is not None:
        # H2/H13: approval is stated for every translation; a ward kiosk refuses a DRAFT, as it refuses content.
        print(f"  {translation.approval} (translator: {translation.translator})")


def _check(path: Path, library: Library) -> tuple[Translation | None, tuple[Problem, ...]]:
    from kiosk.content.problems import Problem
    from kiosk.content.translation_check import check_translation

    procedure_id = path.name.split(".", 1)[0]
    try:
        procedure = library.get(procedure_id)
    except KeyError:
        problem = Problem(
            str(path),
            None,
            "",
            f"there is no usable English file '{procedure_id}.yaml' for this translation",
            "a translation is checked against its English file: fix or add that file first",
        )
        return None, (problem,)
    return check_translation(path, procedure)


def check_folder(library: Library, folder: Path) -> int:
    """Check every ``translations/*.yaml``; 1 when any has an error, else 0 (also when there are none)."""
    translations = folder / "translations"
    files = sorted(translations.glob("*.yaml")) if translations.is_dir() else []
    if not files:
        return 0
    print()
    print(f"Checking translations in {_shown(str(translations))}")
    print()
    failed = 0
    for path in files:
        translation, problems = _check(path, library)
        _print(path, translation, problems)
        failed += translation is None
    print()
    print(f"{len(files)} translation{'s' if len(files) != 1 else ''} checked: {len(files) - failed} can be used.")
    if failed:
        print("A translation with errors is not used: the patient is shown the English.")
        return 1
    return 0


def check_one(path: Path, today: date) -> int:
    """``main.py check procedures/translations/X.pl.yaml``: that translation against the English beside it."""
    from kiosk.content.loader import load_library

    library = load_library(path.parent.parent, today)
    translation, problems = _check(path, library)
    print(f"Checking {_shown(str(path))}")
    print()
    _print(path, translation, problems)
    return 0 if translation is not None else 1
