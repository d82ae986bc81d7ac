"""The ward's settings file: created with defaults, readable by IT, bad values named clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import WardConfig, load_config, parse_config
from kiosk.errors import ConfigError


def test_first_start_writes_defaults() -> None:
    config = load_config()
    assert paths.config_path().is_file()
    assert config == WardConfig()


def test_ward_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[ward]\nname = "Ward 5"\n[printer]\nqueue = "Ward5"\n[timeouts]\npatient_idle_seconds = 60\n')
    config = load_config(path)
    assert (config.ward_name, config.printer_queue, config.patient_idle_seconds) == ("Ward 5", "Ward5", 60)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[ward]\nnmae = 'x'\n", "unknown setting ward.nmae"),
        ("[timeouts]\npatient_idle_seconds = 'soon'\n", "should be a whole number"),
        ("[ward]\nname = 5\n", "should be text in quotes"),
        ("[ward\n", "is not valid"),
    ],
)
def test_bad_settings_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_the_ward_can_turn_reading_aloud_off() -> None:
    from kiosk.config import WardConfig, parse_config

    assert WardConfig().speech_engine == "speechd"
    assert parse_config({"speech": {"engine": ""}}).speech_engine == ""


def test_drafts_are_refused_by_default_and_the_setting_must_be_true_or_false(tmp_path: Path) -> None:
    """H2: a ward install refuses unapproved content unless config.toml says otherwise, in so many words."""
    assert load_config(tmp_path / "config.toml").allow_drafts is False
    assert "allow_drafts = false" in (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert parse_config({"content": {"allow_drafts": True}}).allow_drafts is True
    with pytest.raises(ConfigError, match="true or false"):
        parse_config({"content": {"allow_drafts": "yes"}})
