"""The error corpus: each file in ``broken/`` has one kind of mistake, reported with its line and a plain hint.

The expected problems are listed here, not in the files, so a change to a message is a visible decision.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from kiosk.content.loader import ContentError, Problem, Severity, check_file, load_library, load_procedure
from kiosk.errors import KioskError
from tests.content.conftest import BROKEN, SHIPPED

GOOD = Path(__file__).parent / "good"
TODAY = date(2026, 6, 1)

# file -> the problems it must give: (line, key path, words the message must contain). Nothing else may appear.
EXPECTED: dict[str, list[tuple[int | None, str, str]]] = {
    "missing-key.yaml": [(3, "title", "'title' is missing from a procedure file")],
    "unknown-key.yaml": [(5, "titel", "'titel' is not a heading a procedure file can have")],
    "wrong-type.yaml": [(34, "responsible_adult.hours", "should be a number of hours, but is 'twenty-four'")],
    "wrong-type-list.yaml": [(40, "questions[1].options", "should be a list of answers to choose from, but is")],
    "duplicate-step-id.yaml": [(28, "steps[2]", "step id 'rest' is used twice (first on line 20)")],
    "unknown-factor.yaml": [(24, "steps[1].condition.all_of[1]", "'diabetes' is not a known patient factor")],
    "red-flag-no-contact.yaml": [(32, "red_flags[1].call", "needs at least 1 contact to call")],
    "red-flag-unknown-contact.yaml": [
        (32, "red_flags[1].call[1]", "'gp' is not one of the contacts listed under 'contacts'")
    ],
    "review-before-issue.yaml": [
        (14, "document.review", "the review date (2025-01-01) is not after the issue date (2026-01-01)")
    ],
    "bad-date.yaml": [(13, "document.issued", "2026-02-30 is not a real date")],
    "date-in-words.yaml": [(13, "document.issued", "should be a date, but is 'January 2026'")],
    "schema-version.yaml": [
        (3, "schema_version", "written for schema version 3, but this kiosk reads versions 1 and 2"),
    ],
    "not-yaml.yaml": [(16, "", "this is not valid YAML here: mapping values are not allowed")],
    "tabs.yaml": [(10, "", "this is not valid YAML here")],
    "empty.yaml": [(None, "", "the file is empty")],
    "not-utf8.yaml": [(17, "", "the file is not plain text saved as UTF-8")],
    "python-tag.yaml": [(17, "", "the YAML tag '!!python/object/apply:os.system' is not allowed")],
    "alias-bomb.yaml": [(22, "", "anchors (&) and aliases (*) here repeat parts of the file into more than 20,000")],
    "alias-loop.yaml": [(18, "", "an alias (*) here refers to the list or heading that contains it")],
    "duplicate-key.yaml": [(18, "why", "'why' appears twice here (first on line 17)")],
    "answer-not-an-option.yaml": [(41, "questions[1].answer", "the answer 'Nope' is not one of the options")],
    "bad-phone.yaml": [(46, "contacts[1].number", "'ring the ward' is not a phone number")],
    "condition-contradiction.yaml": [(24, "steps[1].condition", "sedation is in both all_of and none_of")],
    "two-documents.yaml": [(48, "", "expected a single document in the stream")],
    "list-not-headings.yaml": [(3, "", "should be a procedure file, but is a list")],
    "merge-key.yaml": [(19, "", "'<<' (merging one heading's contents into another) is not supported")],
    "bad-step-id.yaml": [(20, "steps[1].id", "'Rest Today' is not a usable id")],
    # One problem for one mistake: a bad value is not also reported as a missing one.
    "bad-hours.yaml": [(28, "steps[1].timing.hours", "should be a number of hours, but is 'soon'")],
    # "-6" is a number, just not a possible one.
    "negative-hours.yaml": [(28, "steps[1].timing.hours", "-6 is out of range")],
    # The file's last line is 49: libyaml notices at line 50, past the end, where the author would see nothing.
    "unclosed-bracket-last-line.yaml": [(49, "", "did not find expected ',' or ']'")],
    "bad-timing.yaml": [
        (26, "steps[1].timing.hours", "the timing needs a number of hours"),
        (26, "steps[1].timing.label", "the label must lead into a time"),
    ],
    # Version-1 files reaching for version 2: told to say so, not offered another heading (issue 15).
    "any-of-in-v1.yaml": [(24, "steps[1].condition.any_of", "'any_of' needs schema version 2")],
    "v2-factor-in-v1.yaml": [
        (24, "steps[1].condition.all_of[1]", "the factor 'general-anaesthetic' needs schema version 2")
    ],
    "timing-as-list.yaml": [(26, "steps[1].timing", "'timing' holds one timing, but this is a list")],
    # libyaml says "did not find expected key", which an author reads as an indentation error.
    "second-timing-among-headings.yaml": [(28, "", "a second timing cannot be added as a list item under 'timing'")],
    # Schema version 2: every new heading has its own clear problem.
    "any-of-within-none-of.yaml": [(24, "steps[1].condition", "every factor of any_of (sedation) is also in none_of")],
    "timing-and-timings.yaml": [(29, "steps[1].timings", "the step has both 'timing' and 'timings'")],
    "hours-and-days.yaml": [(27, "steps[1].timings[1].days", "the timing gives both hours and days")],
    "and-until-words.yaml": [(28, "steps[1].timing.and_until", "and_until starts with words the kiosk adds itself")],
    "bad-how-often.yaml": [(36, "risks[1].how_often", "'rare' is not a figure the kiosk can show")],
    "risk-without-figure.yaml": [(35, "risks[1].how_often", "'how_often' is missing from a risk")],
    "unknown-urgency.yaml": [(29, "warning_signs[1].urgency", "'urgnet' is not an urgency")],
    "two-urgent-groups.yaml": [
        (34, "warning_signs[2].urgency", "there are two 'urgent' groups (the first is group 1)")
    ],
    "red-flags-and-warning-signs.yaml": [(34, "warning_signs", "the file has both red_flags and warning_signs")],
    "no-warning-signs.yaml": [(3, "warning_signs", "'warning_signs' is missing from a procedure file")],
    "advice-with-groups.yaml": [(28, "red_flag_advice", "red_flag_advice is not used with warning_signs")],
    "closes-before-opens.yaml": [(52, "contacts[1].open.to", "it closes (08:30) before it opens (17:00)")],
    "bad-days.yaml": [(50, "contacts[1].open.days", "'weekdays' is not a day or a span of days")],
    "otherwise-without-open.yaml": [(49, "contacts[1].otherwise", "'otherwise' is for when the contact is closed")],
    "otherwise-loop.yaml": [
        (45, "contacts[1].otherwise", "'otherwise' goes round in a circle: ward -> clinic -> ward")
    ],
    "bad-extension.yaml": [(49, "contacts[1].extension", "'ext 4321' is not an extension number")],
    "escort-rule-shorter.yaml": [(39, "responsible_adult.rules[1].hours", "a rule can only make the stay longer")],
    "escort-rule-empty.yaml": [(39, "responsible_adult.rules[1]", "the rule changes nothing")],
    # Hazard H1: conditional content that would leave a patient without a warning sign or anyone to call.
    "sign-with-no-contact.yaml": [
        (32, "warning_signs[1].signs[1]", "patients with none of the factors are shown this warning sign with nobody")
    ],
    "sign-for-nobody-else.yaml": [(29, "warning_signs", "patients with none of the factors are shown no warning sign")],
}
# Hints the author can act on, for the mistakes an author makes most.
EXPECTED_HINTS = {
    "unknown-key.yaml": "did you mean 'title'?",
    "unknown-factor.yaml": "did you mean 'diabetic'? use only: diabetic, blood-thinners, sedation, steroid-given",
    "tabs.yaml": "indent with spaces, not tabs",
    "not-yaml.yaml": "put a text that contains ': ' in quotes",
    "missing-key.yaml": "add 'title:'",
    "date-in-words.yaml": "write the date as year-month-day, e.g. 2025-08-31",
    "red-flag-unknown-contact.yaml": "the contact ids are: ward",
    "two-documents.yaml": "remove the extra '---' line",
    "unclosed-bracket-last-line.yaml": "a '[' on this line is never closed",
    "any-of-in-v1.yaml": "write 'schema_version: 2' at the top of the file",
    "timing-as-list.yaml": "for several, write 'schema_version: 2' and 'timings:'",
    "second-timing-among-headings.yaml": "write 'timings:' (with an s",
    "unknown-urgency.yaml": "did you mean 'urgent'?",
}


def test_a_version_1_file_is_never_offered_a_version_2_heading_as_a_spelling() -> None:
    """`any_of` in a version-1 file once got "did you mean all_of?", which silently changes what it means."""
    report = check_file(BROKEN / "any-of-in-v1.yaml", today=TODAY)
    assert "did you mean" not in str(report.problems[0])
    hint = EXPECTED_HINTS["unknown-factor.yaml"]
    assert hint.endswith("steroid-given")  # a version-1 file is offered only version-1 factors
    unknown = check_file(BROKEN / "unknown-factor.yaml", today=TODAY).problems[0]
    assert "general-anaesthetic" not in unknown.hint


def test_the_minimal_good_file_loads() -> None:
    procedure = load_procedure(GOOD / "minimal.yaml", today=TODAY)
    assert procedure.id == "minimal"
    assert procedure.steps[0].timing is not None and procedure.steps[0].timing.hours == 24


def test_every_broken_file_is_listed_here() -> None:
    assert sorted(path.name for path in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_the_expected_problem_at_its_line(name: str) -> None:
    report = check_file(BROKEN / name, today=TODAY)
    assert report.procedure is None
    got = [(p.line, p.key_path, p.message) for p in report.problems]
    assert len(got) == len(EXPECTED[name]), got
    for (line, key_path, message), expected in zip(got, EXPECTED[name], strict=True):
        assert (line, key_path) == expected[:2], got
        assert expected[2] in message
    for problem in report.problems:
        assert problem.severity is Severity.ERROR
        assert problem.file == str(BROKEN / name)
        assert problem.hint, "every problem tells the author what to do"
    if name in EXPECTED_HINTS:
        assert EXPECTED_HINTS[name] in report.problems[0].hint


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_procedure_raises_content_error_with_every_problem(name: str) -> None:
    with pytest.raises(ContentError) as error:
        load_procedure(BROKEN / name, today=TODAY)
    assert isinstance(error.value, KioskError)
    assert len(error.value.problems) == len(EXPECTED[name])
    assert name in error.value.title
    assert error.value.hint == str(error.value.problems[0])


def test_one_bad_file_does_not_stop_the_good_ones(tmp_path: Path) -> None:
    """The app starts with the good procedures and shows the problem with the bad one."""
    for path in (SHIPPED / "nerve-root-injection.yaml", BROKEN / "unknown-factor.yaml", BROKEN / "alias-bomb.yaml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    library = load_library(tmp_path, today=TODAY)
    assert library.ids() == ("nerve-root-injection",)
    assert {Path(p.file).name for p in library.problems} == {"unknown-factor.yaml", "alias-bomb.yaml"}
    assert library.has_errors
    assert [Path(r.file).name for r in library.reports] == [
        "alias-bomb.yaml",
        "nerve-root-injection.yaml",
        "unknown-factor.yaml",
    ]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    """Five different mistakes in one file: all five come back from one run, in file order."""
    text = (SHIPPED / "nerve-root-block.yaml").read_text()
    for old, new in [
        ("title: Nerve root block", "titel: Nerve root block"),
        ("issued: 2023-08-01", "issued: 2023-13-01"),
        ("id: dressing", "id: no-driving"),
        ("all_of: [blood-thinners]", "all_of: [blood-thinner]"),
        (
            "call: [gp, nhs-111, pain-clinic, derriford-ed, emergency-999]\n  - id: fever",
            "call: [gp, nhs111]\n  - id: fever",
        ),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "nerve-root-block.yaml"
    path.write_text(text)
    report = check_file(path, today=TODAY)
    assert [p.key_path for p in report.problems] == [
        "title",  # missing
        "titel",
        "document.issued",
        "steps[3]",
        "steps[6].condition.all_of[1]",
        "red_flags[3].call[2]",
    ]
    assert [p.line for p in report.problems] == sorted(p.line or 0 for p in report.problems)
    assert "did you mean 'nhs-111'?" in report.problems[-1].hint


def test_alias_bomb_is_rejected_quickly() -> None:
    """A billion-laughs file expands to 10^9 entries if walked naively: it is refused in well under a second."""
    start = time.perf_counter()
    report = check_file(BROKEN / "alias-bomb.yaml", today=TODAY)
    assert time.perf_counter() - start < 0.2
    assert "repeat parts of the file" in report.problems[0].message


def test_a_bigger_alias_bomb_is_also_quick(tmp_path: Path) -> None:
    """Twenty levels of ten: 10^20 entries, still only a few hundred distinct nodes to count."""
    lines = ["title: &l0 [" + ", ".join(['"lol"'] * 10) + "]"]
    lines += [f"k{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 20)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    report = check_file(path, today=TODAY)
    assert time.perf_counter() - start < 0.2
    assert [p.message for p in report.problems if "aliases" in p.message]


def test_small_harmless_aliases_are_allowed(tmp_path: Path) -> None:
    """Anchors are legal YAML; one reused list of contacts is fine and loads normally."""
    text = (SHIPPED / "nerve-root-block.yaml").read_text()
    text = text.replace(
        "call: [gp, nhs-111, pain-clinic, derriford-ed, emergency-999]",
        "call: &everyone [gp, nhs-111, pain-clinic, derriford-ed, emergency-999]",
        1,
    )
    text = text.replace("call: [gp, nhs-111, pain-clinic, derriford-ed, emergency-999]", "call: *everyone")
    path = tmp_path / "aliases.yaml"
    path.write_text(text)
    procedure = load_procedure(path, today=TODAY)
    assert {flag.call for flag in procedure.red_flags} == {
        ("gp", "nhs-111", "pain-clinic", "derriford-ed", "emergency-999")
    }


@pytest.mark.parametrize("depth", [500, 1_500, 30_000])
@pytest.mark.parametrize("shape", ["flow", "block"])
def test_very_deep_nesting_is_refused_without_crashing(tmp_path: Path, shape: str, depth: int) -> None:
    """30,000 levels would overflow libyaml's C stack and kill the kiosk; it is refused with the kiosk's message.

    The depths straddle libyaml's own nesting limit (1,000 in PyYAML 6.0.4's libyaml, none in older ones): the
    author reads the same line and words whichever libyaml is installed. Run in a separate process, so a
    regression shows as a failed test rather than a crashed test run.
    """
    text = "[" * depth + "]" * depth if shape == "flow" else "\n  " + "- " * depth + "x"
    path = tmp_path / "deep.yaml"
    path.write_text(f"schema_version: 1\ntitle: {text}\n")
    code = (
        "import sys; from pathlib import Path; from kiosk.content.loader import check_file; "
        "r = check_file(Path(sys.argv[1])); print(len(r.problems)); "
        "[print(p.line, p.message, '|', p.hint) for p in r.problems]"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    line = 2 if shape == "flow" else 3
    assert result.stdout.splitlines() == [
        "1",
        f"{line} lists and headings are nested more than 40 levels deep | "
        "a procedure file needs only a few levels: check the indentation and the brackets",
    ]


def test_moderate_nesting_is_just_a_wrong_type(tmp_path: Path) -> None:
    """Nesting that libyaml handles safely is not measured: the value is simply of the wrong kind."""
    path = tmp_path / "nested.yaml"
    path.write_text("schema_version: 1\ntitle: " + "[" * 60 + "]" * 60 + "\n")
    problems = check_file(path, today=TODAY).problems
    assert [p.message for p in problems if p.key_path == "title"] == ["should be some text, but is a list"]


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * 600_000 + b"\n")
    problems = check_file(path, today=TODAY).problems
    assert len(problems) == 1
    assert "the file is too big" in problems[0].message


def test_a_missing_file_is_a_content_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        load_procedure(tmp_path / "gone.yaml")
    assert "the file cannot be read" in error.value.problems[0].message


def test_the_file_name_must_be_a_usable_id(tmp_path: Path) -> None:
    path = tmp_path / "Nerve Root Block.yaml"
    path.write_bytes((GOOD / "minimal.yaml").read_bytes())
    problems = check_file(path, today=TODAY).problems
    assert [p.message for p in problems] == [
        "the file name 'Nerve Root Block.yaml' cannot be used: it is the procedure's id"
    ]


def test_yml_files_are_not_loaded_but_the_author_is_told(tmp_path: Path) -> None:
    (tmp_path / "minimal.yml").write_bytes((GOOD / "minimal.yaml").read_bytes())
    (tmp_path / "notes.txt").write_text("not a procedure")
    (tmp_path / ".#minimal.yaml").write_text("editor lock file")
    library = load_library(tmp_path, today=TODAY)
    assert library.procedures == ()
    messages = [(Path(p.file).name, p.severity, p.message) for p in library.problems]
    assert (
        "minimal.yml",
        Severity.WARNING,
        "this file is not loaded because its name does not end in '.yaml'",
    ) in messages
    assert any(severity is Severity.ERROR and "no procedure files" in message for _, severity, message in messages)


def test_two_procedures_with_one_title_are_flagged(tmp_path: Path) -> None:
    """A nurse picks by title: two the same could mean the wrong advice (hazard H1)."""
    for name in ("first.yaml", "second.yaml"):
        (tmp_path / name).write_bytes((GOOD / "minimal.yaml").read_bytes())
    library = load_library(tmp_path, today=TODAY)
    assert library.ids() == ("first", "second")
    same = [p for p in library.problems if "is used by more than one file" in p.message]
    assert [Path(p.file).name for p in same] == ["first.yaml", "second.yaml"]
    assert all(p.severity is Severity.WARNING for p in same)
    assert [p.line for p in same] == [4, 4], "the line the title is on, not line 1"
    assert [report.summary for report in library.reports] == ["1 warning", "1 warning"]


def test_a_missing_folder_gives_an_empty_library_with_the_reason(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nope")
    assert library.procedures == ()
    assert library.problems[0].message == "the procedures folder does not exist"
    with pytest.raises(KeyError):
        library.get("nerve-root-block")


def test_review_dates_due_soon_and_expired_are_warnings(tmp_path: Path) -> None:
    path = GOOD / "minimal.yaml"  # review 2027-01-01
    assert check_file(path, today=date(2026, 11, 30)).problems == ()
    due = check_file(path, today=date(2026, 12, 2)).problems
    assert [(p.severity, p.line, p.message) for p in due] == [
        (Severity.WARNING, 14, "the review date (1 January 2027) is in 30 days (due soon)")
    ]
    expired = check_file(path, today=date(2027, 1, 2))
    assert expired.procedure is not None
    assert "has passed: this leaflet is out of date (EXPIRED)" in expired.problems[0].message


def test_problem_reads_as_file_line_key_message_hint() -> None:
    problem = Problem("a.yaml", 7, "steps[2].condition.all_of", "'x' is not a known patient factor", "use diabetic")
    assert str(problem) == "a.yaml:7: steps[2].condition.all_of: 'x' is not a known patient factor (use diabetic)"
    assert str(Problem("a.yaml", None, "", "the file is empty")) == "a.yaml: the file is empty"


def test_a_contact_no_warning_sign_calls_is_a_warning(tmp_path: Path) -> None:
    """Printed with the numbers, but the patient is never told when to ring it: usually a forgotten 'call'."""
    text = (GOOD / "minimal.yaml").read_text()
    text += "  - id: pharmacy\n    name: The pharmacy\n    number: 0114 000 0001\n"
    path = tmp_path / "minimal.yaml"
    path.write_text(text)
    report = check_file(path, today=TODAY)
    assert report.procedure is not None
    assert [(p.severity, p.line, p.key_path, p.message) for p in report.problems] == [
        (Severity.WARNING, 48, "contacts[2]", "no warning sign says when to call 'pharmacy'")
    ]


def test_a_yml_file_checked_on_its_own_says_the_kiosk_ignores_it(tmp_path: Path) -> None:
    path = tmp_path / "minimal.yml"
    path.write_bytes((GOOD / "minimal.yaml").read_bytes())
    result = subprocess.run(
        [sys.executable, "main.py", "check", str(path), "--today", "2026-06-01"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert "minimal.yml: 1 warning" in result.stdout
    assert "this file is not loaded because its name does not end in '.yaml'" in result.stdout
