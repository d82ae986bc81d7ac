"""The readability gate: authors are warned, at the line, about text a patient after an injection may not follow.

Warnings only (a file still loads), and only from ``main.py check``: the kiosk does not pay for it at start.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kiosk.content import readability
from kiosk.content.loader import Severity, check_file, load_library
from tests.content.conftest import SHIPPED

GOOD = Path(__file__).parent / "good"
TODAY = date(2026, 6, 1)


def _with(tmp_path: Path, old: str, new: str) -> Path:
    text = (GOOD / "minimal.yaml").read_text()
    assert old in text
    path = tmp_path / "minimal.yaml"
    path.write_text(text.replace(old, new))
    return path


def _warnings(path: Path) -> list[tuple[int | None, str, str]]:
    report = check_file(path, today=TODAY, readability=True)
    assert report.procedure is not None, "readability never stops a file from loading"
    assert all(p.severity is Severity.WARNING for p in report.problems)
    return [(p.line, p.key_path, p.message) for p in report.problems]


def test_the_minimal_file_reads_easily(tmp_path: Path) -> None:
    assert _warnings(GOOD / "minimal.yaml") == []


def test_a_sentence_over_20_words_is_flagged_at_its_line(tmp_path: Path) -> None:
    long = (
        "Rest today and ask the adult who is with you to help you with the stairs and anything heavy at home tonight."
    )
    path = _with(tmp_path, "    text: Rest today.", f"    text: {long}")
    assert readability.words(long).__len__() == 22
    assert _warnings(path) == [
        (
            22,
            "steps[1].text",
            "a sentence here has 22 words (from 'Rest today and ask ...'); keep sentences to 20 words or fewer",
        )
    ]


def test_twenty_words_is_fine(tmp_path: Path) -> None:
    text = "Rest today and ask the adult who is with you to help you with the stairs and anything heavy tonight."
    assert len(readability.words(text)) == 20
    assert _warnings(_with(tmp_path, "    text: Rest today.", f"    text: {text}")) == []


def test_a_heading_over_6_words_is_flagged(tmp_path: Path) -> None:
    path = _with(tmp_path, "    heading: Rest", "    heading: Rest at home for the rest of today")
    assert _warnings(path) == [(21, "steps[1].heading", "this heading has 8 words; a heading should have at most 6")]


def test_numbers_do_not_count_as_words_in_a_heading(tmp_path: Path) -> None:
    assert _warnings(_with(tmp_path, "    heading: Rest", "    heading: Stay with an adult for 24 hours")) == []


def test_hard_text_is_flagged_at_the_hardest_text(tmp_path: Path) -> None:
    hard = (
        "Postprocedural neurological deterioration necessitates immediate consultation. "
        "Anticoagulation considerations require individualised evaluation."
    )
    path = _with(tmp_path, "what_happened: Nothing happened.", f"what_happened: {hard}")
    [(line, key_path, message)] = _warnings(path)
    assert (line, key_path) == (18, "what_happened")
    assert message.startswith("the patient's text in this file reads above age 11 (Flesch-Kincaid grade ")


@pytest.mark.parametrize(
    ("word", "count"), [("rest", 1), ("injection", 3), ("came", 1), ("little", 2), ("anaesthetic", 4), ("a", 1)]
)
def test_syllables_are_counted_by_vowel_groups(word: str, count: int) -> None:
    assert readability.syllables(word) == count


def test_the_grade_follows_the_flesch_kincaid_formula() -> None:
    # 8 words, 1 sentence, 8 syllables: 0.39 * 8 + 11.8 * 1 - 15.59
    assert readability.grade("Do not drive a car for one day.") == pytest.approx(0.39 * 8 + 11.8 - 15.59)


def test_the_shipped_procedures_pass_the_gate_with_no_warning() -> None:
    library = load_library(SHIPPED, today=TODAY, readability=True)
    assert library.procedures
    assert [str(p) for p in library.problems if p.key_path != "document.review"] == []


def test_the_kiosk_itself_does_not_run_the_gate(tmp_path: Path) -> None:
    path = _with(tmp_path, "    heading: Rest", "    heading: Rest at home for the rest of today")
    assert check_file(path, today=TODAY).problems == ()
