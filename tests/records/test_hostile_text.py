"""F8: hostile and invisible text is refused in every free-text field, and no message echoes it."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from kiosk import text as text_checks
from kiosk.discharge.new_discharge import reason_problem
from kiosk.record import fields
from kiosk.record.fields import MAX_NAME_LENGTH, validate_person_name, validate_relationship
from kiosk.records.nurses import NurseAccountError, NurseAccounts
from kiosk.records.store import RecordStore
from kiosk.text import ValidationError, clean_text, shown
from tests.discharge_support import make_clock
from tests.pins import TEST_COST

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u202a",
    "\u2066",
    "\u2069",
    "\u200b",  # ZERO WIDTH SPACE
    "\u200d",
    "\u200f",
    "\u2060",  # WORD JOINER
    "\u2064",
    "\ufeff",
    "\u3164",  # HANGUL FILLER: a "letter" that draws nothing
    "\u115f",
    "\uffa0",
    "\x07",  # BEL
    "\x1b",  # ESC
    "\x00",  # NUL
    "\x7f",
    "\x85",
    "\u2028",
    "\ue000",  # private use
    "\u0590",  # unassigned (in the Hebrew block): python-bidi refused it on the sheet
    "\U000e0041",  # TAG LATIN CAPITAL LETTER A
]


def never_echoes(message: str, bad: str) -> None:
    assert bad not in message
    assert not any(text_checks.character_problem(ch) for ch in message), repr(message)


@pytest.mark.parametrize("bad", HOSTILE, ids=[f"U+{ord(c):04X}" for c in HOSTILE])
def test_every_free_text_check_refuses_hidden_and_control_characters_without_echoing(bad: str) -> None:
    checks = [
        lambda text: validate_person_name(text),
        lambda text: fields.validate_patient_name(text),
        validate_relationship,
        lambda text: clean_text(text, field="x", max_length=100),
    ]
    for check in checks:
        with pytest.raises(ValidationError) as caught:
            check(f"Ada{bad} Lovelace")
        never_echoes(str(caught.value), bad)
    problem = reason_problem(f"Collected by her sister{bad} tonight")
    assert problem
    never_echoes(problem, bad)


def test_the_message_names_the_problem() -> None:
    with pytest.raises(ValidationError, match="hidden text-direction mark"):
        validate_person_name("Ada\u202eecalevol")
    with pytest.raises(ValidationError, match="invisible character"):
        validate_relationship("wife\u200b")
    with pytest.raises(ValidationError, match="control character"):
        validate_relationship("son\x07\x1b")


def test_a_name_needs_a_visible_letter() -> None:
    for typed in ("\u3164\u3164\u3164", "\u0301\u0301", "-.'", "  "):
        with pytest.raises(ValidationError):
            validate_person_name(typed)
    assert validate_person_name("Zoë O'Brien-Łukasz") == "Zoë O'Brien-Łukasz"
    assert validate_person_name("李小龍") == "李小龍"
    assert validate_person_name("Nguyễn") == unicodedata.normalize("NFC", "Nguyễn")


def test_too_long_says_so_and_is_never_cut_short() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_person_name("A" * 10_000)
    assert f"at most {MAX_NAME_LENGTH}" in caught.value.title and "10000" in caught.value.title
    assert validate_person_name("A" * MAX_NAME_LENGTH) == "A" * MAX_NAME_LENGTH
    assert text_checks.length_note("A" * MAX_NAME_LENGTH, MAX_NAME_LENGTH).startswith("That is the most")
    assert text_checks.length_note("A" * (MAX_NAME_LENGTH + 1), MAX_NAME_LENGTH).startswith("Too long")
    assert text_checks.length_note("A", MAX_NAME_LENGTH) == ""


def test_shown_makes_any_text_safe_for_a_message() -> None:
    assert shown("Sam\u202eTaylor\x1b[2J") == "Sam?Taylor?[2J"
    assert len(shown("x" * 500)) == 60


def test_the_store_refuses_hidden_characters_in_reasons_and_nurse_names(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "records.sqlite3", make_clock(), outbox=tmp_path / "outbox")
    accounts = NurseAccounts(store, TEST_COST)
    with pytest.raises(ValidationError):
        accounts.add("\u3164", "258013")
    with pytest.raises(ValidationError):
        accounts.add("Sam\u202eTaylor", "258013")
    accounts.add("Sam Taylor", "258013")
    with pytest.raises(NurseAccountError) as caught:
        accounts.disable("Sam\u202eTaylor")
    never_echoes(str(caught.value), "\u202e")
    assert [a.name for a in accounts.list()] == ["Sam Taylor"]


def test_the_command_line_refuses_an_invisible_nurse_name_without_echoing_it(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "nurses", "add", "\u3164\u3164"],
        input="258013\n",
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(data_dir)},
        timeout=60,
    )
    assert done.returncode == 2
    assert "invisible" in done.stderr and "\u3164" not in done.stderr + done.stdout
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "nurses", "enable", "Eve\u202eliv"],
        capture_output=True,
        text=True,
        env={**os.environ, "KIOSK_DATA_DIR": str(data_dir)},
        timeout=60,
    )
    assert done.returncode == 2 and "\u202e" not in done.stderr + done.stdout


def test_a_procedure_file_problem_never_echoes_a_hidden_character(tmp_path: Path) -> None:
    from datetime import date

    from kiosk.content.loader import check_file

    source = (ROOT / "procedures" / "nerve-root-injection.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(source + '\n"evil\u202eheading": 1\n', encoding="utf-8")
    report = check_file(bad, date(2026, 12, 1))
    assert report.problems
    for problem in report.problems:
        never_echoes(str(problem), "\u202e")
