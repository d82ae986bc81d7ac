"""The sheet built ahead of the sign-off (kiosk/sheet/ahead.py, issue 19) is used only when it is the very sheet.

Real sheets built with reportlab and compared byte for byte: the sign-off and the seconds change nothing the
sheet prints, so a sheet built before them is the sheet; any change to the record, the minute or the procedure
makes ``take`` refuse it (hazard H1: a wrong or stale sheet).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from kiosk.config import WardConfig
from kiosk.content.model import Procedure
from kiosk.record.model import DischargeRecord, DischargeState, Escort, Patient, SignOff, StepConfirmation
from kiosk.sheet.ahead import SheetAhead, sheet_inputs
from kiosk.sheet.builder import build_sheet
from tests.sheet.conftest import PRINTED, pdf_pages


def signed(record: DischargeRecord, at: datetime) -> DischargeRecord:
    sign_off = SignOff("Nurse Jane Ward", at, (("Escort confirmed", True), ("Sheet explained", True)))
    return replace(record, sign_off=sign_off, state=DischargeState.SIGNED_OFF)


def test_the_sheet_prints_nothing_of_the_sign_off_or_the_seconds(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    """Built before the sign-off at 15:05:02 and after it at 15:05:58: the same bytes, and the same inputs."""
    before = PRINTED.replace(second=2)
    after = PRINTED.replace(second=58)
    ahead = build_sheet(record, procedure, config, before)
    at_sign_off = build_sheet(signed(record, after), procedure, config, after)
    assert ahead == at_sign_off
    assert sheet_inputs(record, procedure, config, before, False).same_sheet(
        sheet_inputs(signed(record, after), procedure, config, after, False)
    )
    assert "Nurse Jane Ward" not in " ".join(pdf_pages(at_sign_off))


def test_the_minute_is_printed_so_it_is_part_of_the_inputs(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    later = PRINTED + timedelta(minutes=1)
    assert build_sheet(record, procedure, config, PRINTED) != build_sheet(record, procedure, config, later)
    assert not sheet_inputs(record, procedure, config, PRINTED, False).same_sheet(
        sheet_inputs(record, procedure, config, later, False)
    )


ESCORT_EDITED = "escort edited"
STEP_CONFIRMED = "step confirmed"
OTHER_PATIENT = "another patient"
OTHER_RECORD = "another record"


def changed(record: DischargeRecord, how: str) -> DischargeRecord:
    if how == ESCORT_EDITED:
        assert record.escort is not None
        escort: Escort = replace(record.escort, name="Peter Thompson", phone_display="07700 900456")
        return replace(record, escort=escort)
    if how == STEP_CONFIRMED:
        return replace(record, confirmations=(*record.confirmations, StepConfirmation("driving", PRINTED)))
    if how == OTHER_PATIENT:
        return replace(record, patient=Patient("Margaret Anne Thomson", record.patient.date_of_birth, "RK123457"))
    return replace(record, record_id="D-2025-11-21-0008")


@pytest.mark.parametrize("how", [ESCORT_EDITED, STEP_CONFIRMED, OTHER_PATIENT, OTHER_RECORD])
def test_a_record_changed_after_the_early_build_never_gets_the_early_sheet(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, how: str
) -> None:
    ahead = SheetAhead()
    inputs = sheet_inputs(record, procedure, config, PRINTED, False)
    ticket = ahead.begin(inputs)
    assert ticket is not None
    ahead.offer(ticket, build_sheet(record, procedure, config, PRINTED))
    assert ahead.ready
    now = changed(record, how)
    assert ahead.take(sheet_inputs(signed(now, PRINTED), procedure, config, PRINTED, False)) is None
    assert not ahead.ready  # refused and forgotten: the sign-off builds its own sheet


def test_the_early_sheet_is_handed_over_once_and_only_for_the_same_procedure_and_settings(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    pdf = build_sheet(record, procedure, config, PRINTED)
    ahead = SheetAhead()
    inputs = sheet_inputs(record, procedure, config, PRINTED, False)

    def built() -> None:
        ticket = ahead.begin(inputs)
        assert ticket is not None
        ahead.offer(ticket, pdf)

    built()
    assert ahead.begin(inputs) is None  # already built: not built twice
    assert ahead.take(sheet_inputs(signed(record, PRINTED), procedure, config, PRINTED, False)) == pdf
    assert ahead.take(inputs) is None  # taken once
    for other in (
        sheet_inputs(record, replace(procedure), config, PRINTED, False),  # equal content, another loading of it
        sheet_inputs(record, procedure, replace(config, ward_phone="01752 439999"), PRINTED, False),
        sheet_inputs(record, procedure, config, PRINTED, True),  # a reprint
    ):
        built()
        assert ahead.take(other) is None


def test_a_build_finished_after_a_wipe_is_dropped(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    ahead = SheetAhead()
    inputs = sheet_inputs(record, procedure, config, PRINTED, False)
    ticket = ahead.begin(inputs)
    assert ticket is not None
    ahead.clear()  # the kiosk wiped (idle lock) while the sheet was being built
    ahead.offer(ticket, build_sheet(record, procedure, config, PRINTED))
    assert not ahead.ready
    assert ahead.take(inputs) is None
