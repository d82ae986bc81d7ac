"""The author's guide (procedures/README.md) keeps up with the schema: every heading documented, the example valid."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kiosk.content.loader import load_procedure
from kiosk.content.model import Factor
from kiosk.content.schema import PROCEDURE
from tests.content.conftest import SHIPPED
from tests.content.test_fuzz import _schema_keys

GUIDE = (SHIPPED / "README.md").read_text(encoding="utf-8")


def test_every_heading_of_the_schema_is_documented() -> None:
    rows = re.findall(r"^\| `([a-z_]+)` \|", GUIDE, flags=re.MULTILINE)
    headings = re.findall(r"^### .*$", GUIDE, flags=re.MULTILINE)
    sections = {key for heading in headings for key in re.findall(r"`([a-z_]+)`", heading)}
    documented = set(rows) | sections
    assert _schema_keys(PROCEDURE, set()) <= documented


def test_every_patient_factor_is_documented() -> None:
    for factor in Factor:
        assert f"| `{factor.value}` |" in GUIDE


def test_the_example_in_the_guide_is_a_valid_procedure(tmp_path: Path) -> None:
    example = GUIDE.split("## An example", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example-injection.yaml"
    path.write_text(example)
    procedure = load_procedure(path, today=date(2026, 11, 21))
    assert [step.id for step in procedure.steps] == ["no-driving", "blood-sugar"]
