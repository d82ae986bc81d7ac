"""Issue 13 F3: the data folder is 0700 and every file in it 0600 whatever the umask the kiosk was started with.

A whole discharge through the real window (real SQLite with its -wal and -shm, the real log file, the config
written on first start, the outbox sheet from the real print service, an export) under umask 022, then every
mode is read back; and ``main.py`` itself tightens a folder an older version left world-readable.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.config import load_config
from kiosk.logs import configure_logging
from kiosk.private import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE
from tests.discharge_support import PATIENT_A
from tests.security.cli import run_main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def not_private(folder: Path) -> dict[str, str]:
    return {
        name: oct(mode)
        for name, mode in modes(folder).items()
        if mode != (PRIVATE_DIR_MODE if (folder / name).is_dir() else PRIVATE_FILE_MODE)
    }


@pytest.mark.gui
def test_a_whole_discharge_under_umask_022_leaves_only_private_files(
    qtbot: QtBot, data_dir: Path, umask_022: None
) -> None:
    from tests.ui.driver import Kiosk, print_config
    from tests.ui.test_full_discharge import start_discharge

    paths.data_dir()
    load_config()  # writes the default config.toml on first start
    configure_logging()
    handler = logging.getLogger().handlers[-1]
    try:
        logging.getLogger("kiosk.test").info("a line in the log")
        kiosk = Kiosk(qtbot, data_dir, print_config())
        start_discharge(kiosk, "nerve-root-injection", PATIENT_A)
        kiosk.walk_patient()
        kiosk.take_back()
        kiosk.review_and_sign_off()
        seen: dict[str, str] = {}
        kiosk.print_and_hand_over(before_hand_over=lambda: seen.update(not_private(data_dir)))
        day = kiosk.clock.today()
        kiosk.store.export_csv(day - timedelta(days=1), day, data_dir / "export.csv")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    names = set(modes(data_dir))
    for expected in ("records.sqlite3", "records.sqlite3-wal", "records.sqlite3-shm", "config.toml", "export.csv"):
        assert expected in names, sorted(names)
    assert "logs/kiosk.log" in names and "outbox" in names
    assert seen == {}, f"not private while the sheet was in the outbox: {seen}"
    assert not_private(data_dir) == {}


def test_main_makes_an_existing_world_readable_data_folder_private(tmp_path: Path, umask_022: None) -> None:
    folder = tmp_path / "ward"
    (folder / "logs").mkdir(parents=True)
    (folder / "outbox").mkdir()
    sqlite3.connect(folder / "records.sqlite3").close()
    (folder / "logs" / "kiosk.log").write_text("old log\n")
    (folder / "config.toml").write_text("")
    (folder / "outbox" / "DK-20261201-0001-sheet.pdf").write_bytes(b"%PDF-1.4\n")
    os.chmod(folder, 0o755)
    assert not_private(folder)
    done = run_main(folder, "nurses", "list")
    assert done.returncode == 0, done.stderr
    assert "records.sqlite3-wal" in modes(folder) or "records.sqlite3" in modes(folder)
    assert not_private(folder) == {}
