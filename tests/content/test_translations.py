"""Translations of procedure content: the check (ids, facts, source hash, approval) and the loader's fallbacks.

Each case in ``translated/broken/`` is the good ``translated/translations/example.pl.yaml`` with one mistake;
what the check must say about it is listed here, so a change to a message is a visible decision (hazard H13).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import Library, load_procedure
from kiosk.content.localised import Fallback, localise, translated
from kiosk.content.model import Procedure
from kiosk.content.translation import source_texts, template
from kiosk.content.translation_check import check_translation, facts, read_drug_names
from tests.content.conftest import SHIPPED
from tests.sheet.conftest import make_record

HERE = Path(__file__).parent / "translated"
GOOD = HERE / "translations" / "example.pl.yaml"
DRUGS = read_drug_names(HERE / "translations") or frozenset()

# case -> the problems it must give: (line, key path, words the message must contain). Nothing else may appear.
EXPECTED: dict[str, list[tuple[int | None, str, str]]] = {
    "missing-text": [(10, "text.why", "'why' is missing: the English file has 'It may ease the pain in your leg.'")],
    "extra-text": [(31, "text.red_flags.leg-weaknes", "'leg-weaknes' is not in the English file")],
    "changed-number": [
        (37, "text.responsible_adult.text", "the number '24' of the English text is not in the translation"),
        (37, "text.responsible_adult.text", "the translation has the number '48', which the English text does not"),
    ],
    "changed-phone": [
        (47, "text.contacts.clinic.when", "the phone number '01234 567890' of the English text is not in the"),
        (47, "text.contacts.clinic.when", "the translation has the phone number '01234 567809', which the English"),
    ],
    "changed-clock-time": [
        (23, "text.steps.no-driving.text", "the clock time '08:00' of the English text is not in the translation"),
        (23, "text.steps.no-driving.text", "the translation has the clock time '09:00', which the English text"),
    ],
    "changed-drug-name": [
        (28, "text.steps.blood-thinners.text", "the drug name 'warfarin' of the English text is not in the")
    ],
    "other-digits": [
        (37, "text.responsible_adult.text", "writes numbers with the digits '٢٤'"),
        (37, "text.responsible_adult.text", "the number '24' of the English text is not in the translation"),
    ],
    "out-of-date": [
        (5, "source_sha256", "out of date: this translates another version of example.yaml (the English file has")
    ],
    "approved-without-reviewer": [(8, "approved", "an approved translation needs its reviewer")],
    "options-count": [(41, "text.questions.drive-home.options", "has 3 answers, but the English has 2")],
    "unknown-heading": [(9, "notes", "'notes' is not a heading a translation file can have")],
}


@pytest.fixture(scope="module")
def english() -> Procedure:
    return load_procedure(HERE / "example.yaml", today=date(2026, 6, 1))


def test_every_broken_case_is_listed() -> None:
    assert sorted(path.name for path in (HERE / "broken").iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_translation_reports_its_mistake_at_its_line(english: Procedure, case: str) -> None:
    translation, problems = check_translation(HERE / "broken" / case / "example.pl.yaml", english, DRUGS)
    assert translation is None
    got = [(p.line, p.key_path, p.message) for p in problems]
    assert len(got) == len(EXPECTED[case]), got
    for (line, key_path, words), (got_line, got_path, message) in zip(EXPECTED[case], got, strict=True):
        assert (got_line, got_path) == (line, key_path), got
        assert words in message, got
        assert all(p.hint for p in problems)


def test_good_translation_passes_and_is_a_draft(english: Procedure) -> None:
    translation, problems = check_translation(GOOD, english)
    assert problems == ()
    assert translation is not None and translation.is_draft
    assert translation.language == "pl" and translation.translator == "machine draft for the tests"
    assert translation.approval == "Translation DRAFT - not yet approved"


def test_translated_procedure_keeps_ids_answers_numbers_and_the_english_hash(english: Procedure) -> None:
    localised = localise(english, "pl", allow_drafts=True)
    assert localised.is_translated and localised.language == "pl" and localised.fallback == ""
    polish = localised.procedure
    assert polish.steps[0].heading == "Nie prowadź dziś samochodu"
    assert polish.steps[0].timing is not None and polish.steps[0].timing.label == "Nie prowadź samochodu do"
    assert polish.questions[0].options == ("Tak", "Nie") and polish.questions[0].right_option == "Nie"
    assert polish.contacts[0].number == english.contacts[0].number == "01234 567890"
    assert [s.id for s in polish.steps] == [s.id for s in english.steps]
    assert [s.condition for s in polish.steps] == [s.condition for s in english.steps]
    assert polish.content_hash == english.content_hash and polish.id == english.id
    # A record made with the English content matches the translated one (the sheet's H1 check).
    record = make_record(english)
    assert record.has_content_of(polish)
    # The translation is a draft, so the content is treated as a draft (nurse reason, DRAFT mark: H2).
    assert not english.document.is_draft and polish.document.is_draft and localised.is_draft_translation
    assert translated(english, "pl", allow_drafts=True) == polish
    assert translated(english, "pl") is None  # a draft is refused unless the ward allows drafts


def test_a_ward_kiosk_refuses_a_draft_translation_and_shows_english(english: Procedure) -> None:
    localised = localise(english, "pl", allow_drafts=False)
    assert localised.procedure is english and localised.language == "en"
    assert localised.fallback == Fallback.DRAFT_REFUSED


def test_no_translation_falls_back_to_english(english: Procedure) -> None:
    localised = localise(english, "ur", allow_drafts=True)
    assert localised.procedure is english and localised.fallback == Fallback.NO_TRANSLATION
    assert translated(english, "ur") is None
    assert localise(english, "en").fallback == "" and localise(english, "en").procedure is english


def test_changed_english_file_makes_the_translation_out_of_date(tmp_path: Path) -> None:
    shutil.copytree(HERE, tmp_path / "lib", ignore=shutil.ignore_patterns("broken"))
    source = tmp_path / "lib" / "example.yaml"
    before = load_procedure(source, today=date(2026, 6, 1))
    assert localise(before, "pl", allow_drafts=True).is_translated
    source.write_text(source.read_text().replace("It may ease the pain", "It may ease the ache"))
    after = load_procedure(source, today=date(2026, 6, 1))
    localised = localise(after, "pl", allow_drafts=True)
    assert localised.procedure is after and localised.fallback == Fallback.OUT_OF_DATE
    assert [p.key_path for p in localised.problems] == ["source_sha256"]


def test_broken_translation_falls_back_to_english(english: Procedure, tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(HERE / "broken" / "changed-number" / "example.pl.yaml", folder)
    localised = localise(english, "pl", allow_drafts=True, folder=folder)
    assert localised.procedure is english and localised.fallback == Fallback.BROKEN


def test_facts_are_counted_and_phone_spaces_may_be_no_break() -> None:
    assert facts("Ring 0114 263 2115 or 111 before 08:00; 1 in 2000.", frozenset()) == {
        ("phone number", "0114 263 2115"): 1,
        ("number", "111"): 1,
        ("clock time", "08:00"): 1,
        ("number", "1"): 1,
        ("number", "2000"): 1,
    }
    assert facts("Zadzwoń: 0114\u00a0263\u00a02115", frozenset()) == {("phone number", "0114 263 2115"): 1}
    assert facts("Stop Warfarin, not warfarin tablets", frozenset({"warfarin"})) == {
        ("drug name", "Warfarin"): 1,
        ("drug name", "warfarin"): 1,
    }


def test_the_template_is_a_translation_that_passes_until_edited(english: Procedure, tmp_path: Path) -> None:
    """A new file made from the English passes (it is the English); the translator then edits only texts."""
    path = tmp_path / "example.ro.yaml"
    path.write_text(template(english, "ro", "a translator"), encoding="utf-8")
    translation, problems = check_translation(path, english, DRUGS)
    assert problems == () and translation is not None
    assert translation.texts == {key: value for key, value in source_texts(english).items()}


def test_check_command_checks_translations(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(HERE), "--today", "2026-06-01"]) == 0
    out = capsys.readouterr().out
    assert "example.pl.yaml: ok" in out and "Translation DRAFT - not yet approved" in out
    shutil.copytree(HERE, tmp_path / "lib", ignore=shutil.ignore_patterns("broken"))
    shutil.copy(HERE / "broken" / "out-of-date" / "example.pl.yaml", tmp_path / "lib" / "translations")
    assert main(["check", str(tmp_path / "lib"), "--today", "2026-06-01"]) == 1
    out = capsys.readouterr().out
    assert "example.pl.yaml:5: source_sha256: out of date" in out
    assert "A translation with errors is not used: the patient is shown the English." in out
    # One translation file on its own, against the English beside its folder.
    assert main(["check", str(tmp_path / "lib" / "translations" / "example.pl.yaml")]) == 1
    assert "source_sha256: out of date" in capsys.readouterr().out


SHIPPED_LANGUAGES = ("pl", "ro", "pa", "ur", "ar")


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
@pytest.mark.parametrize("procedure_id", ["nerve-root-block", "nerve-root-injection"])
def test_shipped_translations_pass_the_check_and_are_marked_machine_drafts(
    library: Library, procedure_id: str, language: str
) -> None:
    procedure = library.get(procedure_id)
    translation, problems = check_translation(SHIPPED / "translations" / f"{procedure_id}.{language}.yaml", procedure)
    assert problems == ()
    assert translation is not None and translation.is_draft and not translation.reviewer
    assert translation.translator.startswith("machine draft by") and "AI model" in translation.note
    assert localise(procedure, language, allow_drafts=True).is_translated


def test_check_command_reports_the_shipped_translations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SHIPPED), "--today", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "10 translations checked: 10 can be used." in out
    assert out.count("Translation DRAFT - not yet approved (translator: machine draft by") == 10


def test_a_version_2_file_is_translatable_and_its_fixed_choices_are_not_text(tmp_path: Path) -> None:
    """Schema version 2 (groups by urgency, escort advice, opening hours): the texts are found by the same walk;
    an urgency ("urgent") is a fixed choice, never asked of the translator."""
    english = load_procedure(Path(__file__).parent / "examples" / "caudal-epidural.yaml")
    texts = source_texts(english)
    assert "warning_groups" in texts and "escort" in texts
    # Each sign is asked once, in its urgency group (red_flags repeats them for version-1 code: not asked).
    assert "red_flags" not in texts
    asked = [sign for group in texts["warning_groups"].values() for sign in group["signs"]]  # type: ignore[union-attr,index]
    flags = [flag.id for flag in english.red_flags]
    assert sorted(asked) == sorted(flags) and len(set(flags)) == len(flags)
    assert all("urgency" not in group for group in texts["warning_groups"].values())  # type: ignore[union-attr]
    path = tmp_path / "caudal-epidural.pl.yaml"
    path.write_text(template(english, "pl", "a translator"), encoding="utf-8")
    translation, problems = check_translation(path, english, DRUGS)
    assert problems == () and translation is not None
    localised = localise(english, "pl", allow_drafts=True, folder=tmp_path)
    assert localised.is_translated and localised.procedure.steps == english.steps
    assert localised.procedure.groups == english.groups


def test_a_version_2_sign_translated_once_is_shown_translated_in_its_group_and_in_the_flat_list(
    tmp_path: Path,
) -> None:
    """The flattened ``red_flags`` (what version-1 code reads) takes each group's translated sign; a translation
    that still gives ``red_flags`` separately is told they are not in the English file (asked once)."""
    import yaml

    english = load_procedure(Path(__file__).parent / "examples" / "caudal-epidural.yaml")
    data = yaml.safe_load(template(english, "pl", "a translator"))
    for group in data["text"]["warning_groups"].values():
        for sign_id, sign in group["signs"].items():
            sign["sign"] = f"PL {sign_id}: {sign['sign']}"  # its numbers kept (the check wants them)
    path = tmp_path / "caudal-epidural.pl.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    localised = localise(english, "pl", allow_drafts=True, folder=tmp_path)
    assert localised.is_translated, localised.problems
    shown = localised.procedure
    expected = [f"PL {flag.id}: {flag.sign}" for flag in english.red_flags]
    assert [flag.sign for flag in shown.red_flags] == expected
    assert [flag.sign for group in shown.groups for flag in group.signs] == expected
    assert [flag.call for flag in shown.red_flags] == [flag.call for flag in english.red_flags]
    data["text"]["red_flags"] = {flag.id: {"sign": "twice"} for flag in english.red_flags}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    translation, problems = check_translation(path, english, DRUGS)
    assert translation is None
    assert any(
        problem.key_path == "text.red_flags" and "not in the English file" in problem.message for problem in problems
    )


def test_a_checked_translation_carries_the_hash_of_its_own_file() -> None:
    """For the audit: which translation file's words a patient was shown (i18n-screens records it)."""
    import hashlib

    english = load_procedure(HERE / "example.yaml")
    translation, problems = check_translation(GOOD, english, DRUGS)
    assert translation is not None, problems
    assert translation.sha256 == hashlib.sha256(GOOD.read_bytes()).hexdigest()
