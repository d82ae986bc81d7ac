"""The nurse's list of discharges: each state in the nurse's words, and which actions each row offers.

Plain Python so the rules (what can be resumed, reprinted, abandoned) are tested without a screen. A printed
sheet the nurse has not confirmed stays on the list with its own words, so it is not forgotten (H5).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from kiosk.record.model import UNFINISHED_STATES, DischargeRecord, DischargeState

STATE_WORDS: dict[DischargeState, str] = {
    DischargeState.STARTED: "Started - not yet handed to the patient",
    DischargeState.WITH_PATIENT: "With patient",
    DischargeState.AWAITING_NURSE: "Awaiting sign-off",
    DischargeState.SIGNED_OFF: "Signed off - not printed yet",
    DischargeState.PRINTED: "Printed - sheet not confirmed",
    DischargeState.COMPLETED: "Completed",
    DischargeState.ABANDONED: "Abandoned",
}

_REPRINTABLE = frozenset({DischargeState.PRINTED, DischargeState.COMPLETED})


@dataclass(frozen=True)
class DischargeRow:
    """One line of the nurse's list."""

    record_id: str
    when: str
    patient: str
    hospital_number: str
    procedure: str
    state: DischargeState
    state_words: str
    can_resume: bool
    can_reprint: bool
    can_abandon: bool

    @property
    def needs_attention(self) -> bool:
        return self.state in UNFINISHED_STATES


def row_for(record: DischargeRecord, procedure_titles: Mapping[str, str], today: date | None = None) -> DischargeRow:
    created = record.created_at
    # strftime is the slow part of a row: the usual case (today) is formatted by hand.
    when = (
        f"{created.hour:02d}:{created.minute:02d}"
        if today is None or created.date() == today
        else f"{created:%a %d %b %H:%M}"
    )
    return DischargeRow(
        record_id=record.record_id,
        when=when,
        patient=record.patient.name,
        hospital_number=record.patient.hospital_number,
        procedure=procedure_titles.get(record.procedure_id, record.procedure_id),
        state=record.state,
        state_words=STATE_WORDS[record.state],
        can_resume=record.state in UNFINISHED_STATES,
        can_reprint=record.state in _REPRINTABLE,
        can_abandon=record.state in UNFINISHED_STATES,
    )


def rows_for(
    records: Iterable[DischargeRecord], procedure_titles: Mapping[str, str] | None = None, today: date | None = None
) -> tuple[DischargeRow, ...]:
    """Unfinished discharges first (they need the nurse), each group newest first."""
    titles = procedure_titles or {}
    ordered = sorted(records, key=lambda r: (r.state not in UNFINISHED_STATES, -r.created_at.timestamp()))
    return tuple(row_for(record, titles, today) for record in ordered)
