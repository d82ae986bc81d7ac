"""Schema version 2 changes nothing for a version-1 file (issue 15).

The version-1 kiosk's own view of four version-1 files (the shipped files as they were before version 2, the
minimal file, and one of our own using every version-1 heading) is kept in ``v1/snapshot.json``. This kiosk
must load the same files into the same model, give every patient the same steps, questions and clock times
(across both 2026 clock changes), and offer the nurse the same factors. Fields version 2 added must hold their
defaults, so nothing new appears on a version-1 screen or sheet.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kiosk.content.loader import load_procedure
from kiosk.content.model import ALWAYS, Factor
from tests.content import v1_snapshot
from tests.content.conftest import SHIPPED

V1 = Path(__file__).parent / "v1"
SNAPSHOT: dict[str, Any] = json.loads((V1 / "snapshot.json").read_text(encoding="utf-8"))
# Version-2 fields and their value in a version-1 file.
NEW_DEFAULTS = {
    "any_of": [],
    "more_timings": [],
    "days": None,
    "and_until": "",
    "extension": "",
    "open": None,
    "otherwise": "",
    "how_often": None,
    "rules": [],
    "warning_groups": [],
    "escort": None,
    "personalised_for": None,
    "urgency": "urgent",
}


def _same(old: Any, new: Any, where: str) -> None:
    """``new`` equals ``old`` on every key ``old`` has; keys only ``new`` has hold their version-1 defaults."""
    if isinstance(old, dict):
        assert isinstance(new, dict), where
        for key, value in old.items():
            assert key in new, f"{where}.{key} is gone"
            _same(value, new[key], f"{where}.{key}")
        for key in new.keys() - old.keys():
            if key == "condition":
                assert new[key] == v1_snapshot.plain(ALWAYS), f"{where}.{key}"
            elif key == "schema_version":
                continue
            else:
                assert key in NEW_DEFAULTS, f"{where}.{key} is new and undocumented here"
                assert new[key] == NEW_DEFAULTS[key], f"{where}.{key}"
    elif isinstance(old, list):
        assert isinstance(new, list) and len(new) == len(old), where
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            _same(a, b, f"{where}[{index}]")
    else:
        assert new == old, where


NOW = v1_snapshot.snapshot(V1)


@pytest.mark.parametrize("name", sorted(SNAPSHOT))
def test_a_version_1_file_loads_into_the_same_model(name: str) -> None:
    _same(SNAPSHOT[name]["model"], NOW[name]["model"], name)


@pytest.mark.parametrize("name", sorted(SNAPSHOT))
def test_every_version_1_patient_gets_the_same_steps_questions_and_times(name: str) -> None:
    assert NOW[name]["patients"] == SNAPSHOT[name]["patients"]
    assert NOW[name]["overview"] == SNAPSHOT[name]["overview"]
    assert NOW[name]["factors"] == SNAPSHOT[name]["factors"]


@pytest.mark.parametrize("name", sorted(SNAPSHOT))
def test_for_patient_gives_a_version_1_file_what_version_1_gave(name: str) -> None:
    """The one function the screens and sheet now call agrees with the version-1 helpers for every patient."""
    procedure = load_procedure(V1 / name, today=date(2026, 6, 1))
    for combo, expected in SNAPSHOT[name]["patients"].items():
        factors = frozenset(Factor(f) for f in combo.split(",") if f)
        shown = procedure.for_patient(factors)
        assert [step.id for step in shown.steps] == expected["steps"]
        assert [question.id for question in shown.questions] == expected["questions"]
        assert shown.red_flags == procedure.red_flags
        assert shown.contacts == procedure.contacts
        assert shown.responsible_adult == procedure.responsible_adult
        assert shown.medicines == procedure.medicines and shown.risks == procedure.risks


def test_the_kept_files_are_the_shipped_files_of_version_1() -> None:
    """The copies in v1/ are the shipped files as they were; while the shipped files stay version 1, they still
    load unchanged too (if one is rewritten later, its copy here keeps the guarantee tested)."""
    for name in ("nerve-root-block.yaml", "nerve-root-injection.yaml"):
        shipped = SHIPPED / name
        if shipped.read_bytes() == (V1 / name).read_bytes():
            assert load_procedure(shipped, today=date(2026, 6, 1)).schema_version == 1
