"""The ward's settings: a TOML file in the data folder, written with defaults on first start.

Ward IT changes the ward name, phone number, printer queue, timeouts and retention here, without code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import paths
from kiosk.default_zone import DEFAULT_ZONE_NAME
from kiosk.errors import ConfigError
from kiosk.private import write_atomically
from kiosk.text import ValidationError, clean_text, shown

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from kiosk.clock import SystemClock


DEFAULT_CONFIG = """\
# Discharge Kiosk: this ward's settings. Restart the kiosk after changing them.

[ward]
name = "Day Case Ward"
trust = "Your Hospital NHS Trust"
# The number patients ring with questions about their discharge (shown on the sheet).
phone = ""
phone_hours = "Monday to Friday, 8am to 6pm"
# The ward's time zone, as an IANA name (e.g. "Europe/London"). Every clock time on the screens and the sheet is
# wall-clock time here, summer time included.
time_zone = "Europe/London"

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

[help]
# "I need help" on a patient screen shows "A nurse is on the way" and plays a repeating chime. false: no sound.
sound = true

[records]
# Discharges older than this are deleted, with their sheets.
retention_days = 90
# "sqlite": records stay on this kiosk only. "postgresql": they are also sent to the hospital's central store
# (see docs/DEPLOYMENT.md); this kiosk keeps working, and keeps every record, while the server is unreachable.
backend = "sqlite"
# This kiosk's id among the ward's kiosks (letters and digits, e.g. "B3"): it goes into the record ids.
kiosk_id = ""
central_host = ""
central_port = 5432
central_database = "discharge_kiosk"
central_user = ""
# The password is never written here: put it in a file only the kiosk user can read and name the file here,
# or set KIOSK_CENTRAL_PASSWORD in the kiosk's environment.
central_password_file = ""
central_sslmode = "prefer"
# The nurse is told "records not sent to the central store since HH:MM" once the oldest unsent record is older.
unsent_warning_minutes = 15

[speech]
# "Read this to me" on patient screens: the Qt Text to Speech engine ("speechd" speaks through
# speech-dispatcher and espeak-ng). Empty ("") turns reading aloud off.
engine = "speechd"

[content]
# Leaflets not yet approved for use (DRAFT) cannot start a discharge while this is false. Set it to true only
# on a training or proofing kiosk: drafts are then marked DRAFT in the nurse's list and on every sheet.
allow_drafts = false
"""


@dataclass(frozen=True)
class WardConfig:
    """This ward's settings, as read from its settings file (defaults for anything the file leaves out).

    The docstring is not only for readers: a dataclass without one gets ``inspect.signature`` of its 23-field
    ``__init__`` as its docstring, made at import, on the cold start's path (issue 19)."""

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
    time_zone: str = DEFAULT_ZONE_NAME
    allow_drafts: bool = False
    records_backend: str = "sqlite"
    kiosk_id: str = ""
    central_host: str = ""
    central_port: int = 5432
    central_database: str = "discharge_kiosk"
    central_user: str = ""
    central_password_file: str = ""
    central_sslmode: str = "prefer"
    unsent_warning_minutes: int = 15
    help_sound: bool = True

    @property
    def zone(self) -> ZoneInfo:
        """The ward's zone (the name was checked when the settings were read, or by ``check_ward_zone``)."""
        from kiosk.clock import ward_zone

        return ward_zone(self.time_zone)

    @property
    def central(self) -> bool:
        """Whether records are also sent to the central PostgreSQL store."""
        return self.records_backend == "postgresql"


BACKENDS = ("sqlite", "postgresql")
KIOSK_ID = re.compile(r"^[A-Z0-9]{1,8}$")
_SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


# (section, key) in the TOML file -> field of WardConfig
_KEYS: dict[tuple[str, str], str] = {
    ("ward", "name"): "ward_name",
    ("ward", "trust"): "trust_name",
    ("ward", "phone"): "ward_phone",
    ("ward", "phone_hours"): "ward_phone_hours",
    ("ward", "time_zone"): "time_zone",
    ("printer", "queue"): "printer_queue",
    ("printer", "job_deadline_seconds"): "job_deadline_seconds",
    ("timeouts", "patient_idle_seconds"): "patient_idle_seconds",
    ("timeouts", "idle_countdown_seconds"): "idle_countdown_seconds",
    ("timeouts", "nurse_idle_seconds"): "nurse_idle_seconds",
    ("records", "retention_days"): "retention_days",
    ("speech", "engine"): "speech_engine",
    ("content", "allow_drafts"): "allow_drafts",
    ("records", "backend"): "records_backend",
    ("records", "kiosk_id"): "kiosk_id",
    ("records", "central_host"): "central_host",
    ("records", "central_port"): "central_port",
    ("records", "central_database"): "central_database",
    ("records", "central_user"): "central_user",
    ("records", "central_password_file"): "central_password_file",
    ("records", "central_sslmode"): "central_sslmode",
    ("records", "unsent_warning_minutes"): "unsent_warning_minutes",
    ("help", "sound"): "help_sound",
}


# Allowed range of each number (inclusive) and its unit, so a typo such as 0 or 30000 cannot make the kiosk
# lock at once, never lock, or purge every record at start (F6). The message names the key and the range.
DAY_SECONDS = 24 * 60 * 60
BOUNDS: dict[str, tuple[int, int, str]] = {
    "job_deadline_seconds": (10, 3600, "seconds"),
    "patient_idle_seconds": (30, DAY_SECONDS, "seconds (30 s to a day)"),
    "idle_countdown_seconds": (10, 600, "seconds"),
    "nurse_idle_seconds": (30, DAY_SECONDS, "seconds (30 s to a day)"),
    "retention_days": (1, 3650, "days"),
    "central_port": (1, 65535, "(a TCP port)"),
    "unsent_warning_minutes": (1, 7 * 24 * 60, "minutes"),
}
MAX_TEXT = {"ward_name": 100, "trust_name": 100, "ward_phone": 40, "ward_phone_hours": 100, "printer_queue": 127}
_QUEUE = re.compile(r"^[^\s/#]*$")  # a CUPS queue name: no spaces, "/" or "#"


def load_config(path: Path | None = None, *, check_zone: bool = True) -> WardConfig:
    """Read the ward's config, creating it with defaults if there is none yet.

    ``check_zone=False`` (the kiosk's own start only) leaves the time zone's check to ``check_ward_zone``, which
    the kiosk runs just after the start screen's paint and before anything else (``kiosk.app.run_kiosk``)."""
    path = path or paths.config_path()
    try:
        if not path.exists():
            write_atomically(path, DEFAULT_CONFIG.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"Cannot write the settings file {path}",
            f"{exc.strerror or exc}: check that the data folder exists and the kiosk's user can write to it",
        ) from exc
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Cannot read the settings file {path}", f"IT: {exc}; let the kiosk's user read it, then restart the kiosk."
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"The settings file {path} is not valid: {exc}",
            "IT: fix that line (the comments in the file show the format; deleting the file brings back the "
            "defaults), then restart the kiosk.",
        ) from exc
    return parse_config(raw, source=str(path), check_zone=check_zone)


def parse_config(raw: dict[str, Any], source: str = "config", *, check_zone: bool = True) -> WardConfig:
    types = {f.name: f.type for f in fields(WardConfig)}
    values: dict[str, Any] = {}
    for section, table in raw.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: [{shown(section)}] should be a section", "IT: see the comments in the file")
        for key, value in table.items():
            where = shown(f"{section}.{key}")  # a quoted TOML key may hold any character: never echo it raw (F8)
            name = _KEYS.get((section, key))
            if "password" in key and name is None:
                raise ConfigError(
                    f"{source}: {section}.{key}: a password must never be written in the settings file",
                    "put it in a file only the kiosk user can read and set records.central_password_file, "
                    "or set KIOSK_CENTRAL_PASSWORD in the kiosk's environment",
                )
            if name is None:
                raise ConfigError(f"{source}: unknown setting {where}", "IT: check the spelling in the file")
            want = {"int": int, "bool": bool}.get(str(types[name]), str)
            if want is bool and not isinstance(value, bool):
                raise ConfigError(f"{source}: {where} should be true or false (no quotes)", "IT: fix it in the file")
            if want is int and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ConfigError(f"{source}: {where} should be a whole number", "IT: fix it in the file")
            if want is str and not isinstance(value, str):
                raise ConfigError(f"{source}: {where} should be text in quotes", "IT: fix it in the file")
            _check_range(source, where, name, value)
            values[name] = value
    if check_zone and "time_zone" in values:
        _check_zone(values["time_zone"], source)
    config = WardConfig(**values)
    _check_records(config, source)
    return config


def _check_records(config: WardConfig, source: str) -> None:
    """The central-store settings hang together (checked at start, not when the first record is sent)."""
    if config.records_backend not in BACKENDS:
        raise ConfigError(f"{source}: records.backend should be one of {', '.join(BACKENDS)}")
    if config.kiosk_id and not KIOSK_ID.match(config.kiosk_id):
        raise ConfigError(f'{source}: records.kiosk_id should be 1 to 8 capital letters or digits, e.g. "B3"')
    if config.central_sslmode not in _SSLMODES:
        raise ConfigError(f"{source}: records.central_sslmode should be one of {', '.join(_SSLMODES)}")
    if not config.central:
        return
    for key in ("kiosk_id", "central_host", "central_user"):
        if not getattr(config, key):
            raise ConfigError(f'{source}: records.backend is "postgresql" but records.{key} is empty')


def _check_range(source: str, key: str, name: str, value: object) -> None:
    """Numbers within their bounds, text short and free of hidden characters; the message names the key."""
    if isinstance(value, int) and name in BOUNDS:
        low, high, unit = BOUNDS[name]
        if not low <= value <= high:
            raise ConfigError(
                f"{source}: {key} is {value}, but it must be from {low} to {high} {unit}",
                f"change {key} in the settings file, then restart the kiosk",
            )
    if isinstance(value, str):
        try:
            clean_text(value, field=name, max_length=MAX_TEXT.get(name, 200), what=key)
        except ValidationError as exc:
            raise ConfigError(f"{source}: {exc.title}", f"change {key} in the settings file") from None
        if name == "printer_queue" and not _QUEUE.match(value):
            raise ConfigError(
                f"{source}: {key} is not a printer queue name (no spaces, '/' or '#')",
                "use the queue's name as `lpstat -p` shows it",
            )


def check_ward_zone(config: WardConfig, source: str | None = None) -> None:
    """Raise ``ConfigError`` (with a suggestion) if the settings name a time zone this kiosk does not know."""
    _check_zone(config.time_zone, source or str(paths.config_path()))


def _check_zone(name: str, source: str) -> None:
    from kiosk.clock import UnknownZone, ward_zone, zone_suggestion

    try:
        ward_zone(name)
    except UnknownZone:
        close = zone_suggestion(name)
        hint = f'did you mean "{close}"?' if close else 'write an IANA zone name such as "Europe/London"'
        raise ConfigError(f'{source}: ward.time_zone "{name}" is not a time zone this kiosk knows', hint) from None


def ward_clock() -> SystemClock:
    """The real clock in the zone this ward's settings name (for commands run outside the kiosk)."""
    from kiosk.clock import SystemClock

    return SystemClock(load_config().zone)
