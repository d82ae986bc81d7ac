"""The ward's settings: a TOML file in the data folder, written with defaults on first start.

Ward IT changes the ward name, phone number, printer queue, timeouts and retention here, without code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kiosk import paths
from kiosk.errors import ConfigError
from kiosk.private import write_atomically

DEFAULT_CONFIG = """\
# Discharge Kiosk: this ward's settings. Restart the kiosk after changing them.

[ward]
name = "Day Case Ward"
trust = "Your Hospital NHS Trust"
# The number patients ring with questions about their discharge (shown on the sheet).
phone = ""
phone_hours = "Monday to Friday, 8am to 6pm"

[printer]
# CUPS queue for discharge sheets. Leave empty to save sheets to the outbox folder only.
queue = ""
# Seconds a print job may take before the nurse is told it is stuck.
job_deadline_seconds = 90

[timeouts]
# A patient screen untouched this long asks "Are you still there?".
patient_idle_seconds = 120
# ...and returns to the locked start screen after this countdown.
idle_countdown_seconds = 30
# A nurse screen untouched this long locks.
nurse_idle_seconds = 300

[records]
# Discharges older than this are deleted, with their sheets.
retention_days = 90

[speech]
# "Read this to me" on patient screens: the Qt Text to Speech engine ("speechd" speaks through
# speech-dispatcher and espeak-ng). Empty ("") turns reading aloud off.
engine = "speechd"
"""


@dataclass(frozen=True)
class WardConfig:
    ward_name: str = "Day Case Ward"
    trust_name: str = "Your Hospital NHS Trust"
    ward_phone: str = ""
    ward_phone_hours: str = "Monday to Friday, 8am to 6pm"
    printer_queue: str = ""
    job_deadline_seconds: int = 90
    patient_idle_seconds: int = 120
    idle_countdown_seconds: int = 30
    nurse_idle_seconds: int = 300
    retention_days: int = 90
    speech_engine: str = "speechd"


# (section, key) in the TOML file -> field of WardConfig
_KEYS: dict[tuple[str, str], str] = {
    ("ward", "name"): "ward_name",
    ("ward", "trust"): "trust_name",
    ("ward", "phone"): "ward_phone",
    ("ward", "phone_hours"): "ward_phone_hours",
    ("printer", "queue"): "printer_queue",
    ("printer", "job_deadline_seconds"): "job_deadline_seconds",
    ("timeouts", "patient_idle_seconds"): "patient_idle_seconds",
    ("timeouts", "idle_countdown_seconds"): "idle_countdown_seconds",
    ("timeouts", "nurse_idle_seconds"): "nurse_idle_seconds",
    ("records", "retention_days"): "retention_days",
    ("speech", "engine"): "speech_engine",
}


def load_config(path: Path | None = None) -> WardConfig:
    """Read the ward's config, creating it with defaults if there is none yet."""
    path = path or paths.config_path()
    if not path.exists():
        write_atomically(path, DEFAULT_CONFIG.encode("utf-8"))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Cannot read the settings file {path}", str(exc)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"The settings file {path} is not valid", str(exc)) from exc
    return parse_config(raw, source=str(path))


def parse_config(raw: dict[str, Any], source: str = "config") -> WardConfig:
    types = {f.name: f.type for f in fields(WardConfig)}
    values: dict[str, Any] = {}
    for section, table in raw.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: [{section}] should be a section", "see the comments in the file")
        for key, value in table.items():
            name = _KEYS.get((section, key))
            if name is None:
                raise ConfigError(f"{source}: unknown setting {section}.{key}", "check the spelling")
            want = int if types[name] in (int, "int") else str
            if want is int and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ConfigError(f"{source}: {section}.{key} should be a whole number of 0 or more")
            if want is str and not isinstance(value, str):
                raise ConfigError(f"{source}: {section}.{key} should be text in quotes")
            values[name] = value
    return WardConfig(**values)
