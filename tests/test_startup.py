"""F6: every known start-up failure shows "The kiosk cannot start" with the reason, is logged, and has no
traceback. Real processes (``main.py run --exit-after-paint`` offscreen), real files and real permissions: as
root the child drops CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH with setpriv, so a mode-0500 folder is read-only."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.app import START_FAILED
from kiosk.config import load_config
from kiosk.errors import ConfigError
from kiosk.startup import DataFolderCheck, StartupProblem, check_data_folder, prepare

ROOT = Path(__file__).resolve().parents[1]
PERMISSIONS_APPLY = os.geteuid() != 0 or shutil.which("setpriv") is not None


def kiosk(args: list[str], data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "main.py"), *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data), **env},
    )


def run_kiosk(data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return kiosk(["run", "--exit-after-paint"], data, **env)


def log_text(data: Path) -> str:
    log = data / "logs" / "kiosk.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[timeouts]\npatient_idle_seconds = 0\n", "timeouts.patient_idle_seconds is 0"),
        ("[timeouts]\npatient_idle_seconds = 29\n", "from 30 to 86400"),
        ("[timeouts]\nnurse_idle_seconds = 86401\n", "timeouts.nurse_idle_seconds is 86401"),
        ("[timeouts]\nidle_countdown_seconds = 0\n", "timeouts.idle_countdown_seconds"),
        ("[records]\nretention_days = 0\n", "records.retention_days is 0"),
        ("[printer]\njob_deadline_seconds = 1\n", "printer.job_deadline_seconds"),
        ('[printer]\nqueue = "Ward 5"\n', "printer.queue"),
        ('[ward]\nname = "Ward\\u202e5"\n', "ward.name"),
    ],
)
def test_settings_out_of_bounds_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        load_config(path)


def test_the_bounds_themselves_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "[timeouts]\npatient_idle_seconds = 30\nnurse_idle_seconds = 86400\n[records]\nretention_days = 1\n"
    )
    config = load_config(path)
    assert (config.patient_idle_seconds, config.nurse_idle_seconds, config.retention_days) == (30, 86400, 1)


def test_a_good_start_paints_the_start_screen(data_dir: Path) -> None:
    done = run_kiosk(data_dir)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_a_malformed_config_gives_the_failure_screen_and_a_log_line_not_a_traceback(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "config.toml").write_text("[ward\nname = 'x'\n")
    done = run_kiosk(data_dir)
    assert done.returncode == START_FAILED, done.stderr
    assert "Traceback" not in done.stderr + log_text(data_dir)
    assert "the kiosk cannot start: The settings file" in log_text(data_dir)
    assert "is not valid" in log_text(data_dir)


def test_idle_timeout_zero_does_not_start(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "config.toml").write_text("[timeouts]\npatient_idle_seconds = 0\n")
    done = run_kiosk(data_dir)
    assert done.returncode == START_FAILED
    assert "timeouts.patient_idle_seconds is 0" in log_text(data_dir)


def test_the_data_folder_check_started_early_answers_as_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``main.py run`` starts the data folder's check on a thread as it begins (issue 19): its answer, and its
    failure, reach ``prepare`` exactly as if the folder had been checked there."""
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "ward"))
    assert DataFolderCheck().result() == check_data_folder() == (tmp_path / "ward").resolve()
    assert [p.name for p in (tmp_path / "ward").iterdir()] == []  # the probe file is gone
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(blocker / "ward"))
    _, problem = prepare(DataFolderCheck())
    assert isinstance(problem, StartupProblem) and "cannot be created" in problem.title


def test_a_data_folder_that_cannot_be_created_stops_a_real_start(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    done = run_kiosk(blocker / "ward")
    assert done.returncode == START_FAILED, done.stderr
    assert "Traceback" not in done.stderr
    assert "the kiosk cannot start" in done.stderr and "cannot be created" in done.stderr


@pytest.mark.skipif(not PERMISSIONS_APPLY, reason="running as root without setpriv: modes are not enforced")
def test_a_read_only_data_folder_is_said_on_stderr_when_the_log_cannot_be_written(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    data_dir.chmod(0o500)
    try:
        done = run_kiosk(data_dir)
    finally:
        data_dir.chmod(0o700)
    assert done.returncode == START_FAILED, done.stderr
    assert "Traceback" not in done.stderr
    assert "the kiosk cannot start" in done.stderr and "cannot write to its data folder" in done.stderr
    assert "Permission denied" in done.stderr


@pytest.mark.skipif(not PERMISSIONS_APPLY, reason="running as root without setpriv: modes are not enforced")
def test_an_unreadable_procedures_folder_stops_the_start_and_check_exits_2(data_dir: Path, tmp_path: Path) -> None:
    procedures = tmp_path / "procedures"
    shutil.copytree(ROOT / "procedures", procedures)
    procedures.chmod(0o000)
    try:
        done = run_kiosk(data_dir, KIOSK_PROCEDURES_DIR=str(procedures))
        checked = kiosk(["check", str(procedures)], data_dir)
    finally:
        procedures.chmod(0o755)
    assert done.returncode == START_FAILED, done.stderr
    assert "The procedures folder" in log_text(data_dir) and "cannot be read" in log_text(data_dir)
    assert "Traceback" not in done.stderr + log_text(data_dir)
    assert checked.returncode == 2
    assert "cannot be read" in checked.stderr and "Traceback" not in checked.stderr + checked.stdout


@pytest.mark.skipif(not PERMISSIONS_APPLY, reason="running as root without setpriv: modes are not enforced")
def test_an_unreadable_procedure_file_is_named(data_dir: Path, tmp_path: Path) -> None:
    procedures = tmp_path / "procedures"
    shutil.copytree(ROOT / "procedures", procedures)
    one = sorted(procedures.glob("*.yaml"))[0]
    one.chmod(0o000)
    try:
        checked = kiosk(["check", str(procedures)], data_dir)
    finally:
        one.chmod(0o644)
    assert checked.returncode == 2 and one.name in checked.stderr and "Traceback" not in checked.stderr


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_the_failure_screen_in_a_real_x_window(data_dir: Path, tmp_path: Path) -> None:
    """Once on a real X server (Xvfb on a free display, -displayfd): the xcb platform paints the failure screen."""
    data_dir.mkdir(parents=True)
    (data_dir / "config.toml").write_text("[timeouts]\nnurse_idle_seconds = 5\n")
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = ":" + pipe.readline().strip()
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "run", "--exit-after-paint"],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "KIOSK_DATA_DIR": str(data_dir)},
        )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)
    assert done.returncode == START_FAILED, done.stderr
    assert "timeouts.nurse_idle_seconds is 5" in log_text(data_dir)
    assert "Traceback" not in done.stderr + log_text(data_dir)
