"""The shipped procedure files: they load, they are flagged correctly, and they keep every fact of the leaflets."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Library, load_procedure
from kiosk.content.model import Factor, Procedure, ReviewState
from tests.content.conftest import SHIPPED, TODAY
from tests.content.seen import screens_text, seen_text, sheet_text

SEEDS = ("nerve-root-injection", "nerve-root-block")


def all_text(procedure: Procedure) -> str:
    """Everything a patient or nurse can read from a procedure, as one string (risks as '1 in N')."""
    parts = [
        procedure.title,
        procedure.short_name,
        procedure.what_it_is,
        procedure.why,
        procedure.what_happened,
        procedure.red_flag_advice,
        procedure.responsible_adult.text,
    ]
    parts += [f"{m.name} {m.purpose}" for m in procedure.medicines]
    parts += [f"{s.heading} {s.text} {s.timing.label if s.timing else ''}" for s in procedure.steps]
    parts += [f"{e.heading} {e.text}" for e in procedure.expectations]
    parts += [f"{r.name} 1 in {r.one_in} {r.text}" for r in procedure.risks]
    parts += [flag.sign for flag in procedure.red_flags]
    parts += [f"{c.name} {c.number or ''} {c.hours} {c.when}" for c in procedure.contacts]
    parts += [f"{q.question} {' '.join(q.options)} {q.explanation}" for q in procedure.questions]
    if procedure.follow_up:
        parts.append(f"{procedure.follow_up.with_whom} {procedure.follow_up.text}")
    return " ".join(" ".join(parts).split()).casefold()


def test_every_shipped_file_loads_without_errors(library: Library) -> None:
    """The library the kiosk ships with has no errors, and both seed procedures are in it."""
    assert [str(p) for p in library.problems if p.is_error] == []
    assert set(library.ids()) == set(SEEDS)
    assert [p.title for p in library.procedures] == sorted((p.title for p in library.procedures), key=str.casefold)


def test_the_plymouth_leaflet_is_expired_and_says_so(library: Library) -> None:
    """Seed 001's review date (August 2025) has passed: it still loads, flagged EXPIRED with a warning at its line."""
    block = library.get("nerve-root-block")
    assert block.review_state(TODAY) is ReviewState.EXPIRED
    assert block.document.reference == "B-465/Pain Management/Nerve Root Block v3"
    assert (block.document.issued, block.document.review) == (date(2023, 8, 1), date(2025, 8, 31))
    warnings = [p for p in library.problems if not p.is_error]
    assert len(warnings) == 1
    assert warnings[0].file.endswith("nerve-root-block.yaml")
    assert warnings[0].key_path == "document.review"
    assert "EXPIRED" in warnings[0].message
    line = (SHIPPED / "nerve-root-block.yaml").read_text().splitlines()[warnings[0].line - 1]
    assert line.strip() == "review: 2025-08-31"


def test_the_sheffield_page_says_honestly_it_has_no_document_control(library: Library) -> None:
    injection = library.get("nerve-root-injection")
    assert injection.review_state(TODAY) is ReviewState.CURRENT
    assert "Spine: Nerve root injection" in injection.document.reference
    assert "transcribed 2026-11" in injection.document.version
    assert "awaits approval" in injection.document.approved_by
    assert injection.document.review == date(2027, 11, 21)


def test_content_hash_and_source_are_of_the_exact_file(library: Library) -> None:
    for procedure in library.procedures:
        path = Path(procedure.source_path)
        assert path.parent == SHIPPED
        assert procedure.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


# Every figure, timing, drug name and phone number of the source leaflets (shared/seeds). A later edit that
# drops one of these fails here.
SEED_FACTS = {
    "nerve-root-injection": [
        "kenalog",
        "bupivacaine",
        "local anaesthetic",
        "x-ray",
        "dye (contrast)",
        "day case",
        "starve",
        "pregnant",
        "allergies",
        "dressing gown",
        "1 in 2,000",  # as the sheet prints it
        "1 in 5,000",
        "1 in 3,000",
        "1 in 20",
        "dural tear",
        "rest in bed",
        "another injection",
        "80%",
        "up to 2 weeks",
        "a few hours, or for ever",
        "6 weeks and 6 months",
        "1 in 12",
        "more than a year",
        "between 2 and 8 weeks",
        "surgeon",
        "drive again the next day",
        "back to work the next day",
        "0114 263 2115",
        "not taken into your blood",
    ],
    "nerve-root-block": [
        "local anaesthetic",
        "steroid",
        "warfarin",
        "clopidogrel",
        "rivaroxaban",
        "dabigatran",
        "blood clotting",
        "not to eat",
        "x-ray",
        "day case",
        "take it off after 24 hours",
        "falls off",
        "numb or heavy",
        "bruised",
        "worse for a few days",
        "about a week",
        "normal painkillers",
        "must not drive yourself home",
        "24 hours",
        "blood sugar",
        "couple of days",
        "blood pressure",
        "break more easily",
        "bleed",
        "fight infection",
        "move more",
        "new weakness in your leg",
        "bladder or bowels",
        "new back pain",
        "fever",
        "your gp",
        "nhs 111",
        "01752 437706",
        "office hours",
        "derriford emergency department",
    ],
}


@pytest.mark.parametrize("name", SEEDS)
def test_every_fact_of_the_leaflet_is_carried_over(library: Library, name: str, qtbot: QtBot) -> None:
    """Counted only where the patient sees it: on a patient screen or the printed sheet (``seen``)."""
    text = seen_text(qtbot, library.get(name))
    missing = [fact for fact in SEED_FACTS[name] if fact.casefold() not in text]
    assert missing == []


@pytest.mark.parametrize("name", SEEDS)
def test_every_content_field_reaches_the_patient(library: Library, name: str, qtbot: QtBot) -> None:
    """what_it_is and why (welcome screen), what_happened (sheet), the responsible-adult text (escort screen)
    and the short name (welcome screen) are each shown somewhere; on main none of them was."""
    procedure = library.get(name)
    screens = " ".join(screens_text(qtbot, procedure).split())
    sheet = " ".join(sheet_text(procedure).split())
    assert " ".join(procedure.what_it_is.split()) in screens
    assert " ".join(procedure.why.split()) in screens
    assert " ".join(procedure.responsible_adult.text.split()) in screens
    assert procedure.short_name[1:] in screens
    first_sentence = " ".join(procedure.what_happened.split()).split(". ")[0]
    assert first_sentence in sheet


def test_risk_frequencies_are_figures_not_words(library: Library) -> None:
    risks = {risk.name: risk.one_in for risk in library.get("nerve-root-injection").risks}
    assert sorted(risks.values()) == [20, 2000, 3000, 5000]
    assert risks["Infection"] == 2000
    assert risks["Nerve injury"] == 5000
    assert library.get("nerve-root-block").risks == ()  # the leaflet gives no figures: none invented


def test_timings_the_sheet_turns_into_clock_times(library: Library) -> None:
    """Dressing and no driving 24 h (Plymouth); not driving on the day (Sheffield); follow-up 2-8 weeks; escort 24 h."""
    block = {step.id: step for step in library.get("nerve-root-block").steps}
    # The escort's "until" comes from responsible_adult.hours; a step timing would print the same time twice.
    assert block["someone-with-you"].timing is None
    assert block["dressing"].timing is not None and block["dressing"].timing.hours == 24
    assert block["no-driving"].timing is not None and block["no-driving"].timing.label == "Do not drive until"
    injection = library.get("nerve-root-injection")
    no_driving = next(step for step in injection.steps if step.id == "no-driving")
    assert no_driving.timing is not None and no_driving.timing.until_next_morning
    assert injection.follow_up is not None
    assert (injection.follow_up.earliest_days, injection.follow_up.latest_days) == (14, 56)
    for procedure in (library.get(name) for name in SEEDS):
        assert procedure.responsible_adult.hours == 24
        assert procedure.responsible_adult.must_not_drive_home


def test_red_flags_name_whom_to_call_in_order(library: Library) -> None:
    block = library.get("nerve-root-block")
    # The leaflet's one sentence, split at its widest reading: each sign counts on its own.
    assert [flag.id for flag in block.red_flags] == ["leg-weakness", "bowel-bladder", "back-pain", "fever"]
    for flag in block.red_flags:
        assert [block.contact(c).name for c in flag.call] == [
            "Your GP",
            "NHS 111",
            "Pain Clinic, Derriford Hospital",
            "Derriford Emergency Department (A&E)",
            "999: an ambulance",
        ]
    assert block.contact("pain-clinic").number == "01752 437706"
    assert block.contact("pain-clinic").hours == "office hours"


@pytest.mark.parametrize("name", SEEDS)
def test_check_questions_are_answerable_teach_back(library: Library, name: str) -> None:
    """3 or 4 questions, each with its right answer among the options and an explanation for a wrong answer."""
    procedure = library.get(name)
    assert 3 <= len(procedure.questions) <= 4
    assert procedure.questions[0].question == "Can you drive yourself home today?"
    assert procedure.questions[0].right_option == "No"
    for question in procedure.questions:
        assert 2 <= len(question.options) <= 4
        assert question.explanation


def test_one_question_is_only_for_diabetic_patients(library: Library) -> None:
    conditional = [q for q in library.get("nerve-root-block").questions if q.condition.all_of]
    assert [(q.id, q.condition.all_of) for q in conditional] == [("blood-sugar", frozenset({Factor.DIABETIC}))]


@pytest.mark.parametrize("name", SEEDS)
def test_patient_text_uses_short_sentences(library: Library, name: str) -> None:
    """Reading age about 9-11: no sentence a patient reads runs past 22 words."""
    procedure = library.get(name)
    texts = [procedure.what_it_is, procedure.why, procedure.what_happened, procedure.red_flag_advice]
    texts += [s.text for s in procedure.steps] + [e.text for e in procedure.expectations]
    texts += [q.explanation for q in procedure.questions] + [procedure.responsible_adult.text]
    for text in texts:
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            assert len(sentence.split()) <= 22, sentence


def test_load_procedure_gives_the_same_procedure(library: Library) -> None:
    path = SHIPPED / "nerve-root-block.yaml"
    assert load_procedure(path, today=TODAY) == library.get("nerve-root-block")
