"""``main.py sheet``: a sample sheet from the shipped content, for authors to proof and nurses to test printing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_library

Pages = Callable[[bytes], list[str]]


def test_writes_a_personalised_sample_sheet(tmp_path: Path, pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sample.pdf"
    code = main(
        [
            "sheet",
            "--procedure",
            "nerve-root-block",
            "--out",
            str(out),
            "--name",
            "Ann <Test> & Co",
            "--dob",
            "1950-06-01",
            "--hospital-number",
            "AB1234",
            "--ended",
            "2026-03-05 11:15",
            "--factor",
            "diabetic",
            "--escort-name",
            "Joe Bloggs",
            "--escort-phone",
            "07700 900456",
        ]
    )
    assert code == 0
    assert f"{out}: Nerve root block, normal print" in capsys.readouterr().out
    text = pages(out.read_bytes())
    assert len(text) == 2
    for number, page in enumerate(text, start=1):
        assert "Ann <Test> & Co" in page
        assert "Born 1 Jun 1950" in page and "Hospital no. AB1234" in page
        assert "Record SAMPLE-0001" in page
        assert "Nerve root block" in page
        assert f"Page {number} of 2" in page
    whole = " ".join(text)
    assert "Do not drive until 11:15 Fri 6 Mar" in whole
    assert "Check your blood sugar" in whole
    assert "Name Joe Bloggs" in whole and "Phone 07700 900456" in whole


def test_large_print_and_reprint(tmp_path: Path, pages: Pages) -> None:
    out = tmp_path / "large.pdf"
    assert main(["sheet", "--procedure", "nerve-root-injection", "--out", str(out), "--large-print", "--reprint"]) == 0
    text = pages(out.read_bytes())
    assert len(text) > 2
    assert all("REPRINT" in page for page in text)


@pytest.mark.parametrize("procedure", ["nerve-root-block", "nerve-root-injection"])
@pytest.mark.parametrize("large_print", [False, True])
def test_every_shipped_procedure_prints(procedure: str, large_print: bool, tmp_path: Path, pages: Pages) -> None:
    """The real content: every red flag, every contact number and the follow-up window is on the sheet."""
    out = tmp_path / "sheet.pdf"
    args = ["sheet", "--procedure", procedure, "--out", str(out), "--ended", "2026-03-05 11:15"]
    assert main([*args, "--large-print"] if large_print else args) == 0
    content = load_library().get(procedure)
    text = pages(out.read_bytes())
    if not large_print:
        assert len(text) == 2
    whole = " ".join(text)
    for flag in content.red_flags:
        assert " ".join(flag.sign.split()) in whole
    for contact in content.contacts:
        assert contact.name in whole
        if contact.number:
            assert contact.number in whole
    for risk in content.risks:
        assert f"{risk.name}: {risk.frequency}." in whole
    if content.follow_up is not None:
        assert "between" in whole
    assert f"Page {len(text)} of {len(text)}" in text[-1]


def test_an_unknown_procedure_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sheet", "--procedure", "hip-replacement", "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "there is no procedure 'hip-replacement'" in err
    assert "nerve-root-block" in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--ended", "tomorrow", 'is not a time written as "YYYY-MM-DD HH:MM"'),
        ("--dob", "3/3/48", "is not a date written as year-month-day"),
        ("--factor", "pregnant", "invalid choice: 'pregnant'"),
    ],
)
def test_bad_options_exit_2_with_a_message(
    option: str, value: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sheet", "--procedure", "nerve-root-block", "--out", str(tmp_path / "x.pdf"), option, value])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_a_bad_escort_phone_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.pdf")
    args = ["sheet", "--procedure", "nerve-root-block", "--out", out, "--escort-name", "Jo", "--escort-phone", "12"]
    assert main(args) == 2
    assert "does not look like a phone number" in capsys.readouterr().err
    assert main(["sheet", "--procedure", "nerve-root-block", "--out", out, "--escort-phone", "07700 900456"]) == 2
    assert "--escort-phone needs --escort-name too" in capsys.readouterr().err


def test_an_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sheet", "--procedure", "nerve-root-block", "--out", str(tmp_path / "missing" / "x.pdf")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_a_v2_sample_sheet_gives_the_medicines_and_escort_hours_of_the_factors_asked_for(
    tmp_path: Path, pages: Pages, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worked example: midazolam and the 24-hour stay only with ``--factor sedation`` (issue 15)."""
    from kiosk import paths

    examples = str(paths.PROJECT_ROOT / "tests" / "content" / "examples")
    monkeypatch.setenv(paths.PROCEDURES_DIR_ENV, examples)  # main() sets it: put back as it was afterwards
    texts = {}
    for factors in ((), ("--factor", "sedation")):
        out = tmp_path / f"sample{len(factors)}.pdf"
        args = ["--procedures", examples, "sheet", "--procedure", "caudal-epidural", "--out", str(out)]
        args += ["--ended", "2026-03-05 11:15", "--escort-name", "Joe Bloggs", "--escort-phone", "07700 900456"]
        assert main([*args, *factors]) == 0
        texts[factors] = " ".join(" ".join(page.split()) for page in pages(out.read_bytes()))
    plain, sedated = texts[()], texts[("--factor", "sedation")]
    assert "Midazolam" in sedated and "Midazolam" not in plain
    assert "Stays until 11:15 Fri 6 Mar" in sedated and "Stays until 23:15 Thu 5 Mar" in plain
