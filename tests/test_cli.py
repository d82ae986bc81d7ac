"""main.py: the subcommands, the data folder option, and a clear message when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.cli import main
from kiosk.commands.run import display_problem

MAIN = Path(__file__).resolve().parent.parent / "main.py"


def test_help_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "run" in capsys.readouterr().out


def test_no_display_gives_a_clear_message_not_a_core_dump(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, str(MAIN), "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr


@pytest.mark.parametrize(
    ("environ", "problem"),
    [
        ({}, True),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
    ],
)
def test_display_problem(environ: dict[str, str], problem: bool) -> None:
    assert bool(display_problem(environ, "linux")) is problem


def test_data_dir_option_sets_the_folder_for_every_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The option is exported before the subcommand runs, so every part reads the same folder."""
    monkeypatch.setattr("kiosk.commands.run.run", lambda args: 0)
    assert main(["--data-dir", str(tmp_path / "w"), "run"]) == 0
    assert paths.data_dir() == tmp_path / "w"


def _author_drafts(tmp_path: Path) -> Path:
    """A draft folder with one procedure in it, as a leaflet author keeps beside the live library."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    good = Path(__file__).resolve().parent / "content" / "good" / "minimal.yaml"
    (drafts / "draft-procedure.yaml").write_bytes(good.read_bytes().replace(b"Test procedure", b"Draft procedure"))
    return drafts


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(MAIN), *args], capture_output=True, text=True, timeout=120, check=False)


def test_sheet_proofs_a_draft_folder_with_procedures(tmp_path: Path) -> None:
    """An author proofs a draft without touching the live folder (issue 15: --procedures)."""
    from pypdf import PdfReader

    drafts = _author_drafts(tmp_path)
    out = tmp_path / "draft.pdf"
    data = ["--data-dir", str(tmp_path / "data")]
    result = _main(*data, "sheet", "--procedures", str(drafts), "--procedure", "draft-procedure", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Draft procedure" in PdfReader(out).pages[0].extract_text()
    # ...and the live library is not what it read: a shipped procedure is unknown there.
    refused = _main(*data, "sheet", "--procedures", str(drafts), "--procedure", "nerve-root-block", "--out", str(out))
    assert refused.returncode == 2


def test_check_reads_the_procedures_option(tmp_path: Path) -> None:
    result = _main("check", "--procedures", str(_author_drafts(tmp_path)), "--today", "2026-06-01")
    assert result.returncode == 0, result.stderr
    assert "draft-procedure.yaml: ok" in result.stdout
    assert "nerve-root-block" not in result.stdout


START_LINES: tuple[list[str], ...] = (
    [],
    ["run"],
    ["run", "--exit-after-paint"],
    ["--data-dir", "/tmp/ward", "run", "--windowed"],
    ["run", "--data-dir=/tmp/ward", "--procedures", "drafts"],
    ["--data-dir", "/tmp/ward"],
    ["run", "--exit"],  # an abbreviation means the same to both parsers
)


@pytest.mark.parametrize("argv", START_LINES)
def test_the_kiosks_start_is_parsed_by_the_run_command_alone_as_the_whole_parser_would(argv: list[str]) -> None:
    """Issue 19: the start builds no other command's parser (nor imports its module)."""
    from kiosk.cli import RUN, RunOnlyParser, build_parser, parse, parse_command_line

    args, command = parse_command_line(argv)
    assert command.__name__ == RUN
    whole, _ = build_parser()
    assert args == parse(whole, argv)
    run_only, modules = build_parser((RUN,), RunOnlyParser)
    assert list(modules) == ["run"]
    assert parse(run_only, argv) == args


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["nurses", "list"], "kiosk.commands.nurses"),
        (["--data-dir", "/tmp/ward", "check"], "kiosk.commands.check"),
        (["sheet", "--help"], None),
        (["run", "--help"], None),
        (["bogus"], None),
        (["run", "--no-such-option"], None),
    ],
)
def test_every_other_command_line_is_answered_by_the_whole_parser(
    argv: list[str], expected: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.cli import parse_command_line

    if expected is not None:
        assert parse_command_line(argv)[1].__name__ == expected
        return
    with pytest.raises(SystemExit):
        parse_command_line(argv)
    printed = capsys.readouterr()
    if argv[-1] == "--help":
        assert f"main.py {argv[0]}" in printed.out
    else:  # the whole parser's message, which names the other commands when the command is wrong
        assert "main.py" in printed.err
        if argv == ["bogus"]:
            assert "nurses" in printed.err
