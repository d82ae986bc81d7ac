"""Every path resolves through kiosk.paths, whatever the current folder, and the data folder can move."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths


def test_resources_resolve_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.resource("theme", "kiosk.qss").is_file()
    assert paths.resource("fonts", "DejaVuSans.ttf").is_file()
    assert paths.procedures_dir() == paths.PROJECT_ROOT / "procedures"


def test_data_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "ward7"))
    assert paths.data_dir() == tmp_path / "ward7"
    assert paths.database_path().parent == tmp_path / "ward7"
    assert paths.outbox_dir().is_dir()


def test_default_data_dir_is_per_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "discharge-kiosk"
