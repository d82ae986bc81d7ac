"""How a checkout loads the version-1 files in tests/content/v1/: the model, and what each patient gets.

``snapshot.json`` was written by the version-1 kiosk (main at 2e4e2cb, before schema version 2) with this very
module, using only version-1 names, so it can be re-made from any version-1 checkout:

    PYTHONPATH=<v1 checkout> python tests/content/v1_snapshot.py tests/content/v1 > tests/content/v1/snapshot.json

``tests/content/test_v1_compatibility.py`` compares it with what this kiosk makes of the same files.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.content.loader import load_procedure
from kiosk.content.personalise import applicable_steps, conditional_factors, questions_for
from kiosk.record import timeline

V1_FACTORS = ("diabetic", "blood-thinners", "sedation", "steroid-given")
LONDON = ZoneInfo("Europe/London")
ENDINGS = (datetime(2026, 3, 28, 14, 30, tzinfo=LONDON), datetime(2026, 10, 24, 23, 45, tzinfo=LONDON))


def plain(value: Any) -> Any:
    """Dataclasses as dicts, sets sorted, dates as text: comparable with JSON."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (frozenset, set)):
        return sorted(str(v) for v in value)
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def snapshot(folder: Path) -> dict[str, Any]:
    from kiosk.content.model import Factor

    out = {}
    for path in sorted(folder.glob("*.yaml")):
        procedure = load_procedure(path, today=date(2026, 6, 1))
        model = plain(procedure)
        model.pop("source_path")
        patients = {}
        for size in range(len(V1_FACTORS) + 1):
            for combo in combinations(V1_FACTORS, size):
                factors = frozenset(Factor(f) for f in combo)
                patients[",".join(combo)] = {
                    "steps": [step.id for step in applicable_steps(procedure, factors)],
                    "questions": [q.id for q in questions_for(procedure, factors)],
                    "timeline": [
                        [entry.sentence for entry in timeline.timeline(procedure, ended, factors, LONDON)]
                        for ended in ENDINGS
                    ],
                }
        out[path.name] = {
            "model": model,
            "factors": sorted(f.value for f in conditional_factors(procedure)),
            "patients": patients,
            "overview": [[e.sentence for e in timeline.timeline(procedure, ended, None, LONDON)] for ended in ENDINGS],
        }
    return out


if __name__ == "__main__":
    print(json.dumps(snapshot(Path(sys.argv[1])), indent=1, sort_keys=True))
