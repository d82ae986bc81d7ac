"""``main.py check``: the author's tool prints one line per file, every problem at its line, and a summary."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.content.conftest import SHIPPED

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def test_shipped_folder_passes_with_the_expired_warning(capsys: pytest.CaptureFixture[str]) -> None:
    """Expired is a warning: exit 0, and the author sees which file and line."""
    assert main(["check", str(SHIPPED), "--today", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "nerve-root-block.yaml: 1 warning" in out
    assert "nerve-root-injection.yaml: ok" in out
    assert "nerve-root-block.yaml:21: document.review: warning: the review date (31 August 2025) has passed" in out
    assert "2 files checked: 2 can be used (1 with warnings), 0 have errors." in out


def test_default_folder_is_the_shipped_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "nerve-root-injection.yaml: ok" in capsys.readouterr().out


def test_a_file_with_errors_fails_and_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SHIPPED / "nerve-root-injection.yaml", tmp_path)
    text = (SHIPPED / "nerve-root-block.yaml").read_text()
    text = text.replace("all_of: [diabetic]", "all_of: [diabetes]", 1).replace("answer: 24 hours", "answer: 24 hrs")
    (tmp_path / "nerve-root-block.yaml").write_text(text)
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "nerve-root-block.yaml: 2 errors, 1 warning" in out
    assert "'diabetes' is not a known patient factor (did you mean 'diabetic'?" in out
    assert "the answer '24 hrs' is not one of the options" in out
    assert "1 has errors" in out


def test_one_file_can_be_checked_on_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SHIPPED / "nerve-root-injection.yaml")]) == 0
    assert "1 file checked: 1 can be used, 0 have errors." in capsys.readouterr().out


def test_an_empty_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 1
    assert "there are no procedure files (*.yaml) in this folder" in capsys.readouterr().out


def test_a_missing_folder_says_so_and_exits_2(tmp_path: Path) -> None:
    """Run as the author would, in a real process: a clear message on stderr, no traceback."""
    result = subprocess.run(
        [sys.executable, str(MAIN), "check", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "There is no folder called" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_date_option_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--today", "31/01/2026"])
    assert exit_info.value.code == 2
    assert "is not a date written as year-month-day" in capsys.readouterr().err


def test_the_command_module_imports_no_yaml_until_it_runs() -> None:
    """``main.py --help`` and the kiosk's start stay quick: the loader is imported only inside ``run``."""
    code = "import sys, kiosk.commands.check; print('yaml' in sys.modules, 'kiosk.content.loader' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True, cwd=MAIN.parent
    )
    assert result.stdout.split() == ["False", "False"]
