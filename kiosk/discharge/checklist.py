"""The nurse's discharge checklist: what must be true before the patient leaves, ticked at sign-off.

The items depend on the discharge: a diabetic patient's blood sugar, a blood-thinner restart plan, and, when
nobody is staying with the patient, the agreed plan instead of "escort present" (H4). Plain Python so the rule
"sign-off needs every item ticked" is tested without a screen; the review screen only shows it, and the record
keeps every item with its answer (``SignOff.checklist``) for audit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.content.model import Factor
from kiosk.record.model import DischargeRecord, EscortAnswer


@dataclass(frozen=True)
class ChecklistItem:
    """One check; ``id`` is what the record keeps, ``text`` what the nurse reads."""

    id: str
    text: str
    required: bool = True


OBSERVATIONS = ChecklistItem("observations", "Observations (blood pressure, pulse, oxygen) within normal range")
WALKING = ChecklistItem("walking", "Walking safely: leg strength and feeling checked")
DRESSING = ChecklistItem("dressing", "Injection site checked: dressing dry, no bleeding")
ESCORT_PRESENT = ChecklistItem("escort-present", "Responsible adult here in person to take the patient home")
NO_ESCORT_PLAN = ChecklistItem(
    "no-escort-plan", "Nobody staying with the patient: plan agreed and recorded (e.g. stays on the ward)"
)
BLOOD_SUGAR = ChecklistItem("blood-sugar", "Blood sugar checked and the patient knows to check it at home")
BLOOD_THINNERS = ChecklistItem("blood-thinners", "Told when to restart blood thinners")
MEDICINES = ChecklistItem("medicines-explained", "Medicines explained: what was given, pain relief at home")
QUESTIONS = ChecklistItem("questions", "Patient given the chance to ask questions")


def checklist_for(record: DischargeRecord) -> tuple[ChecklistItem, ...]:
    """The checklist for this discharge, in the order a nurse goes through it at the bedside."""
    items = [OBSERVATIONS, WALKING, DRESSING]
    if Factor.DIABETIC in record.factors:
        items.append(BLOOD_SUGAR)
    if Factor.BLOOD_THINNERS in record.factors:
        items.append(BLOOD_THINNERS)
    items.append(ESCORT_PRESENT if record.escort_answer is EscortAnswer.NAMED else NO_ESCORT_PLAN)
    items.extend([MEDICINES, QUESTIONS])
    return tuple(items)


def missing(items: tuple[ChecklistItem, ...], ticked: Mapping[str, bool]) -> tuple[ChecklistItem, ...]:
    """The required items not (yet) ticked: sign-off is refused while this is not empty."""
    return tuple(item for item in items if item.required and not ticked.get(item.id, False))


def is_complete(items: tuple[ChecklistItem, ...], ticked: Mapping[str, bool]) -> bool:
    return not missing(items, ticked)


def answers(items: tuple[ChecklistItem, ...], ticked: Mapping[str, bool]) -> tuple[tuple[str, bool], ...]:
    """Every item with its answer, as ``RecordStore.sign_off`` keeps it (unticked items included, as False)."""
    return tuple((item.id, bool(ticked.get(item.id, False))) for item in items)


def item_text(item_id: str) -> str:
    """The words for a checklist id read back from a record (the id itself for an item this version lacks)."""
    for item in ALL_ITEMS:
        if item.id == item_id:
            return item.text
    return item_id


ALL_ITEMS = (
    OBSERVATIONS,
    WALKING,
    DRESSING,
    BLOOD_SUGAR,
    BLOOD_THINNERS,
    ESCORT_PRESENT,
    NO_ESCORT_PLAN,
    MEDICINES,
    QUESTIONS,
)
