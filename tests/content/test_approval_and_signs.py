"""Approval is stated for every procedure, and every list of warning signs can be acted on (issue 14).

On main the Sheffield file said "Not yet approved" in ``approved_by`` and nothing else knew: nurses saw it as
"Up to date". Plymouth's "new leg weakness, or new problems with bowel or bladder control with new back pain or
fever" had become one narrower sign, and neither file gave a 999 or A&E route.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kiosk.content.loader import Library, load_procedure
from kiosk.content.model import Procedure
from kiosk.errors import KioskError
from tests.content.conftest import SHIPPED, TODAY

SEEDS = ("nerve-root-block", "nerve-root-injection")


def test_every_shipped_procedure_states_its_approval(library: Library) -> None:
    block = library.get("nerve-root-block").document
    assert (block.approved, block.approved_on) == (True, date(2023, 8, 1))
    assert block.approval.startswith("Approved by Pain Management, Derriford Hospital")
    injection = library.get("nerve-root-injection").document
    assert injection.is_draft
    assert injection.approval.startswith("DRAFT - not yet approved")


def test_a_file_that_does_not_say_is_a_draft_and_approved_needs_a_day(tmp_path: Path) -> None:
    text = (SHIPPED / "nerve-root-block.yaml").read_text(encoding="utf-8")
    path = tmp_path / "older.yaml"
    path.write_text(text.replace("  approved: yes\n  approved_on: 2023-08-01\n", ""), encoding="utf-8")
    assert load_procedure(path, today=TODAY).document.is_draft  # a file from before the headings: a draft
    path.write_text(text.replace("  approved_on: 2023-08-01\n", ""), encoding="utf-8")
    with pytest.raises(KioskError, match="approved_on"):
        load_procedure(path, today=TODAY)


def _is_emergency(procedure: Procedure, contact_id: str) -> bool:
    contact = procedure.contact(contact_id)
    return contact.number == "999" or ("A&E" in contact.name and "in person" in contact.when)


@pytest.mark.parametrize("name", SEEDS)
def test_every_list_of_warning_signs_ends_with_an_emergency_route(library: Library, name: str) -> None:
    procedure = library.get(name)
    for flag in procedure.red_flags:
        assert _is_emergency(procedure, flag.call[-1]), flag.id
        assert any(procedure.contact(c).number == "999" for c in flag.call), flag.id


@pytest.mark.parametrize("name", SEEDS)
def test_every_contact_has_a_number_or_says_how_to_reach_it(library: Library, name: str) -> None:
    for contact in library.get(name).contacts:
        if not contact.number:
            assert re.search(r"in person|ring your", contact.when), contact.id


def test_plymouths_sentence_is_four_signs_at_its_widest_reading(library: Library) -> None:
    signs = {flag.id: flag.sign for flag in library.get("nerve-root-block").red_flags}
    assert signs["leg-weakness"] == "New weakness in your leg"
    assert signs["bowel-bladder"] == "New problems controlling your bladder or bowels"  # on its own
    assert signs["back-pain"] == "New back pain"  # a sign of its own
    assert signs["fever"] == "A fever (a high temperature)"
    text = (SHIPPED / "nerve-root-block.yaml").read_text(encoding="utf-8")
    assert "For the pain team" in text
    assert "widest reading" in text


def test_sheffields_signs_cover_its_own_risks_and_each_addition_is_flagged(library: Library) -> None:
    injection = library.get("nerve-root-injection")
    signs = " ".join(flag.sign for flag in injection.red_flags).casefold()
    assert "weakness in your leg" in signs  # nerve injury
    assert "fever" in signs and "red, hot or swollen" in signs  # infection
    assert "headache" in signs and "lie flat" in signs  # dural tear
    lines = (SHIPPED / "nerve-root-injection.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("red_flags:")
    ids = {flag.id for flag in injection.red_flags}
    checked = 0
    for index in range(start + 1, len(lines)):
        if lines[index][:1] not in ("", " ", "#"):
            break  # the next top-level heading: the red flags are done
        match = re.fullmatch(r"  - id: (\S+)", lines[index])
        if match and match.group(1) in ids:
            comment = " ".join(lines[max(start, index - 3) : index])
            assert "FOR THE APPROVER" in comment or "From the page's risk" in comment, match.group(1)
            checked += 1
    assert checked == len(ids)
