"""The discharge checklist: items fit the patient, and sign-off needs every required item ticked."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from kiosk.content.model import Factor
from kiosk.discharge import checklist
from kiosk.record.model import DischargeState, Escort
from tests.ui.nurse.records import NOW, record

ESCORT = Escort("Ade Oyelaran", "son", "+447700900123", "07700 900123", NOW + timedelta(hours=24))


def test_the_usual_items_in_bedside_order() -> None:
    rec = dataclasses.replace(record(1, "A B", DischargeState.AWAITING_NURSE), escort=ESCORT)
    ids = [item.id for item in checklist.checklist_for(rec)]
    assert ids == ["observations", "walking", "dressing", "escort-present", "medicines-explained", "questions"]


def test_diabetic_and_blood_thinner_patients_get_their_own_checks() -> None:
    rec = dataclasses.replace(
        record(1, "A B", DischargeState.AWAITING_NURSE),
        escort=ESCORT,
        factors=frozenset({Factor.DIABETIC, Factor.BLOOD_THINNERS}),
    )
    ids = [item.id for item in checklist.checklist_for(rec)]
    assert "blood-sugar" in ids and "blood-thinners" in ids


def test_nobody_staying_replaces_escort_present_with_the_agreed_plan() -> None:
    """H4: with nobody staying, "escort present" cannot be ticked; the nurse confirms the plan instead."""
    rec = dataclasses.replace(record(1, "A B", DischargeState.AWAITING_NURSE), no_escort_reason="Stays overnight")
    ids = [item.id for item in checklist.checklist_for(rec)]
    assert "escort-present" not in ids
    assert "no-escort-plan" in ids


def test_sign_off_needs_every_required_item_ticked() -> None:
    items = checklist.checklist_for(dataclasses.replace(record(1, "A B", DischargeState.AWAITING_NURSE), escort=ESCORT))
    ticked = {item.id: True for item in items}
    assert checklist.is_complete(items, ticked)
    ticked["walking"] = False
    assert [item.id for item in checklist.missing(items, ticked)] == ["walking"]
    assert not checklist.is_complete(items, {})
    assert len(checklist.missing(items, {})) == len(items)


def test_answers_keep_every_item_for_the_record() -> None:
    items = checklist.checklist_for(dataclasses.replace(record(1, "A B", DischargeState.AWAITING_NURSE), escort=ESCORT))
    answers = checklist.answers(items, {"observations": True})
    assert answers[0] == ("observations", True)
    assert len(answers) == len(items)
    assert all(answer is False for _, answer in answers[1:])


def test_item_words_read_back_from_a_record() -> None:
    assert checklist.item_text("walking") == checklist.WALKING.text
    assert checklist.item_text("from-a-later-version") == "from-a-later-version"
