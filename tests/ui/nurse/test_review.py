"""The nurse's review: built from the saved record (real SQLite), checklist ticks, sign-off refused until ready."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kiosk.clock import FakeClock
from kiosk.content import personalise
from kiosk.content.loader import load_library
from kiosk.content.model import Factor, Procedure
from kiosk.record.model import DischargeRecord, DischargeState, Escort, Patient
from kiosk.records.store import RecordStore
from kiosk.ui.nurse.review import ReviewScreen

START = datetime(2026, 11, 21, 14, 30).astimezone()
PATIENT = Patient("Margaret Oyelaran-Smith", date(1948, 3, 9), "RHQ1234567")
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[RecordStore]:
    records = RecordStore(tmp_path / "records.sqlite3", clock, outbox=tmp_path / "outbox")
    yield records
    records.close()


def procedure(procedure_id: str = "nerve-root-block") -> Procedure:
    return load_library(today=START.date()).get(procedure_id)


def walk(
    store: RecordStore,
    clock: FakeClock,
    proc: Procedure,
    factors: frozenset[Factor],
    *,
    confirm_all: bool = True,
    wrong_twice: str = "",
    escort: bool = True,
) -> DischargeRecord:
    """A discharge as the patient flow saves it: each step confirmed, each question answered, the escort."""
    record = store.start_discharge(
        PATIENT, proc, START - timedelta(hours=1), "Left L5", ("Local anaesthetic",), factors, False, "Sam Taylor"
    )
    rid = record.record_id
    steps = [s.id for s in personalise.applicable_steps(proc, factors)] + ["warning-signs"]
    for step_id in steps if confirm_all else steps[:2]:
        clock.advance(minutes=1)
        store.confirm_step(rid, step_id)
    for question in personalise.questions_for(proc, factors):
        clock.advance(minutes=1)
        wrong = (question.answer + 1) % len(question.options)
        if question.id == wrong_twice:
            store.record_answer(rid, question.id, wrong, False)
            store.record_answer(rid, question.id, wrong, False)
        elif question.id == personalise.questions_for(proc, factors)[0].id:
            store.record_answer(rid, question.id, wrong, False)
            store.record_answer(rid, question.id, question.answer, True)
        else:
            store.record_answer(rid, question.id, question.answer, True)
    if escort:
        until = START + timedelta(hours=23)
        store.record_escort(rid, Escort("Ade Oyelaran", "son", "+447700900123", "07700 900123", until))
    else:
        store.record_no_escort(rid)
    store.set_state(rid, DischargeState.AWAITING_NURSE)
    return store.get(rid)


def make_screen(qtbot: QtBot) -> ReviewScreen:
    screen = ReviewScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def tick_all(qtbot: QtBot, screen: ReviewScreen) -> None:
    for row in screen.tick_rows.values():
        if not row.isChecked():
            screen.scroll_to(row)
            qtbot.mouseClick(row.checkbox, LEFT)


def all_text(screen: ReviewScreen) -> str:
    return "\n".join(widget.text() for widget in screen.findChildren(QLabel))


def test_review_shows_confirmations_answers_and_escort_from_the_record(
    qtbot: QtBot, store: RecordStore, clock: FakeClock, tmp_path: Path
) -> None:
    proc = procedure()
    factors = frozenset({Factor.DIABETIC})
    record = walk(store, clock, proc, factors, wrong_twice="leg-weakness")
    screen = make_screen(qtbot)
    screen.load(record, proc)
    assert screen.header.context.text() == "Nerve root block"
    assert "Margaret Oyelaran-Smith" in screen.patient_line.text()
    text = all_text(screen)
    assert "Check your blood sugar" in text, "the diabetic's own step is listed"
    assert "Not confirmed" not in text
    assert "Right at the second attempt" in text
    assert "Still wrong: go over this with the patient" in text
    assert "Right first time" in text
    assert "Ade Oyelaran" in text and "07700 900123" in text and "son" in text
    assert "13:30 Sun 22 Nov" in text
    assert screen.grab().save(str(tmp_path / "review.png"))


def test_sign_off_waits_for_every_checklist_tick_and_sends_them_all(
    qtbot: QtBot, store: RecordStore, clock: FakeClock
) -> None:
    proc = procedure("nerve-root-injection")
    screen = make_screen(qtbot)
    screen.load(walk(store, clock, proc, frozenset()), proc)
    assert not screen.sign_button.isEnabled()
    assert "6 left" in screen.why_not.text()
    rows = list(screen.tick_rows.values())
    for row in rows[:-1]:
        screen.scroll_to(row)
        qtbot.mouseClick(row.checkbox, LEFT)
    assert not screen.sign_button.isEnabled()
    with qtbot.assertNotEmitted(screen.sign_off_requested):
        qtbot.mouseClick(screen.sign_button, LEFT)
    screen.scroll_to(rows[-1])
    qtbot.mouseClick(rows[-1].text, LEFT)  # a tap on the words ticks it too
    assert screen.sign_button.isEnabled()
    with qtbot.waitSignal(screen.sign_off_requested, timeout=1000) as blocker:
        qtbot.mouseClick(screen.sign_button, LEFT)
    answers = blocker.args[0]
    assert answers == (
        ("observations", True),
        ("walking", True),
        ("dressing", True),
        ("escort-present", True),
        ("medicines-explained", True),
        ("questions", True),
    )


def test_nobody_staying_without_a_reason_cannot_be_signed_off(
    qtbot: QtBot, store: RecordStore, clock: FakeClock
) -> None:
    """H4: "nobody is staying" stops sign-off until a nurse records why; then it can go ahead."""
    proc = procedure("nerve-root-injection")
    record = walk(store, clock, proc, frozenset(), escort=False)
    screen = make_screen(qtbot)
    screen.load(record, proc)
    assert "no-escort-plan" in screen.tick_rows
    tick_all(qtbot, screen)
    assert not screen.sign_button.isEnabled()
    assert screen.blockers.isVisible()
    assert "no nurse's reason" in screen.blockers.text()

    store.record_override(record.record_id, "no-escort", "Staying on the ward overnight", "Sam Taylor")
    screen.load(store.get(record.record_id), proc)
    assert "Staying on the ward overnight" in all_text(screen)
    assert not screen.blockers.isVisible()
    tick_all(qtbot, screen)
    assert screen.sign_button.isEnabled()


def test_unconfirmed_steps_and_unanswered_questions_block_sign_off(
    qtbot: QtBot, store: RecordStore, clock: FakeClock
) -> None:
    proc = procedure("nerve-root-injection")
    record = store.start_discharge(PATIENT, proc, START, "Left L5", (), frozenset(), False, "Sam Taylor")
    screen = make_screen(qtbot)
    screen.load(store.get(record.record_id), proc)
    tick_all(qtbot, screen)
    assert not screen.sign_button.isEnabled()
    text = screen.blockers.text()
    assert "Not confirmed by the patient" in text
    assert "Not answered" in text
    assert "has not said who is staying" in text


def test_the_wrong_procedure_is_refused(qtbot: QtBot, store: RecordStore, clock: FakeClock) -> None:
    """H1: a review is never shown against another procedure's steps."""
    record = walk(store, clock, procedure("nerve-root-injection"), frozenset())
    screen = make_screen(qtbot)
    with pytest.raises(ValueError, match="nerve-root-injection"):
        screen.load(record, procedure("nerve-root-block"))


def test_back_and_clear(qtbot: QtBot, store: RecordStore, clock: FakeClock) -> None:
    proc = procedure("nerve-root-injection")
    screen = make_screen(qtbot)
    screen.load(walk(store, clock, proc, frozenset()), proc)
    with qtbot.waitSignal(screen.back, timeout=1000):
        qtbot.mouseClick(screen.back_button, LEFT)
    screen.clear()
    text = all_text(screen)
    for detail in ("Oyelaran", "RHQ", "07700", "Ade"):
        assert detail not in text
    assert screen.tick_rows == {}
    assert not screen.sign_button.isEnabled()


def test_clearing_deletes_the_layout_items_it_takes_out(qtbot: QtBot, store: RecordStore, clock: FakeClock) -> None:
    """``takeAt`` hands the item to the caller to delete: clearing used to drop them, so every discharge
    reviewed left its rows' layout items behind (issue 19, the kiosk's memory growth)."""
    proc = procedure()
    screen = make_screen(qtbot)
    screen.load(walk(store, clock, proc, frozenset()), proc)
    layouts = (screen.steps_grid, screen.questions_box, screen.escort_grid, screen.checklist_box)
    items = [layout.itemAt(index) for layout in layouts for index in range(layout.count())]
    assert len(items) > 10 and all(isValid(item) for item in items)
    screen.clear()
    assert not any(isValid(item) for item in items)
    screen.load(walk(store, clock, proc, frozenset()), proc)  # and the screen is still usable
    assert "Margaret Oyelaran-Smith" in screen.patient_line.text()
