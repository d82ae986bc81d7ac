"""The record's own answers to two questions asked all over the app: who stays with the patient (one type,
``EscortAnswer``), and is this the very content the discharge started with (one strict check, H1)."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.discharge.session import SessionError
from kiosk.record.model import EscortAnswer
from tests.discharge.test_review import BLOCK, complete
from tests.discharge_support import library, make_clock, make_store, new_discharge, start_record


def test_the_four_escort_answers() -> None:
    named = complete(frozenset())
    assert named.escort_answer is EscortAnswer.NAMED and named.escort_reason is None
    unanswered = dataclasses.replace(named, escort=None, no_escort_reason=None)
    assert unanswered.escort_answer is EscortAnswer.NOT_ANSWERED
    nobody = dataclasses.replace(named, escort=None, no_escort_reason="")
    assert nobody.escort_answer is EscortAnswer.NOBODY and not nobody.escort_answer.settled
    excused = dataclasses.replace(nobody, no_escort_reason="Stays on the ward")
    assert excused.escort_answer is EscortAnswer.NOBODY_EXCUSED and excused.escort_answer.settled
    assert excused.escort_reason == "Stays on the ward"
    by_override = dataclasses.replace(nobody, overrides=(("no-escort", "Sister collects him"),))
    assert by_override.escort_answer is EscortAnswer.NOBODY_EXCUSED
    assert by_override.escort_reason == "Sister collects him"


def test_content_check_is_strict_a_record_without_a_hash_matches_nothing() -> None:
    record = dataclasses.replace(complete(frozenset()), procedure_id=BLOCK.id, content_hash=BLOCK.content_hash)
    assert record.has_content_of(BLOCK)
    no_hash = dataclasses.replace(record, content_hash="")
    assert not no_hash.has_content_of(dataclasses.replace(BLOCK, content_hash=""))
    assert not dataclasses.replace(record, content_hash="0" * 64).has_content_of(BLOCK)
    assert not record.has_content_of(dataclasses.replace(BLOCK, id="other"))


def test_resuming_a_record_without_a_content_hash_is_refused(tmp_path: object) -> None:
    """The session used to let a hash-less record through (only the sheet refused it, at Print)."""
    from pathlib import Path

    from kiosk.discharge.session import KioskSession
    from kiosk.records.nurses import NurseAccounts

    clock = make_clock()
    store = make_store(Path(str(tmp_path)), clock)
    record = start_record(store, new_discharge())
    store.connection.execute("UPDATE discharges SET content_hash = '' WHERE record_id = ?", (record.record_id,))
    session = KioskSession(store, NurseAccounts(store), library, clock.now)
    session.nurse = "Nurse Adebayo"
    with pytest.raises(SessionError, match="has changed"):
        session.resume(record.record_id)
    store.close()
