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
        ("[records]\nbackend = 'mysql'\n", "records.backend should be one of sqlite, postgresql"),
        ("[records]\ncentral_password = 's3cret'\n", "a password must never be written in the settings file"),
        ("[records]\nkiosk_id = 'bay 3'\n", "kiosk_id should be 1 to 8 capital letters"),
        ("[records]\ncentral_port = 70000\n", "records.central_port is 70000, but it must be from 1 to 65535"),
        ("[records]\nunsent_warning_minutes = 0\n", "records.unsent_warning_minutes is 0, but it must be from 1"),
        ("[records]\nbackend = 'postgresql'\ncentral_host = 'db'\ncentral_user = 'k'\n", "kiosk_id is empty"),
        ("[records]\nbackend = 'postgresql'\nkiosk_id = 'B3'\ncentral_user = 'k'\n", "central_host is empty"),
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


def test_central_store_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[records]\nbackend = "postgresql"\nkiosk_id = "B3"\ncentral_host = "records.trust.nhs.uk"\n'
        'central_user = "kiosk_b3"\ncentral_password_file = "/etc/kiosk/central.pass"\nunsent_warning_minutes = 5\n'
    )
    config = load_config(path)
    assert config.central and config.kiosk_id == "B3" and config.central_port == 5432
    assert (config.central_user, config.central_password_file, config.unsent_warning_minutes) == (
        "kiosk_b3",
        "/etc/kiosk/central.pass",
        5,
    )
    assert not WardConfig().central
