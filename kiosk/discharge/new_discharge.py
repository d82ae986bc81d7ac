"""What the nurse types to start a discharge, checked in one place before anything is saved.

The new-discharge screen collects raw text into a ``DischargeForm``; ``validate_new_discharge`` turns it into a
``NewDischarge`` or raises ``FormErrors`` with one message per field, so the screen can show every problem next
to its field at once (Picard's options ``check()``: check everything, then save nothing or all). Plain Python,
no Qt: the rules are tested without a screen.

Safety decisions (``docs/HAZARDS.md``):
- a leaflet past its review date, or a DRAFT (not yet approved) on a ward that allows drafts, needs the nurse's
  reason, kept in ``expired_reason``; a ward that refuses drafts (the default) cannot start one (H2);
- the procedure end time drives every clock time on the sheet ("do not drive until..."), so it may not be in
  the future (5 minutes' slack for a clock a little ahead) nor more than 24 hours ago;
- side and level are required when the procedure asks for them: the sheet names them (H1);
- the nurse is asked only about the patient factors the chosen procedure's content depends on
  (``offered_factors``): a tick that changes nothing would suggest the advice was tailored when it was not, and
  a factor ticked for another procedure is dropped when the procedure changes, never carried over (H1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from kiosk import text as text_checks
from kiosk.clock import elapsed, later
from kiosk.content.model import FACTOR_LABELS, Factor, Procedure, ReviewState
from kiosk.errors import KioskError
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.languages import is_language
from kiosk.record import fields
from kiosk.record.model import Patient

FUTURE_SLACK = timedelta(minutes=5)
MAX_AGO = timedelta(hours=24)
TIME_STEP_MINUTES = 5
MIN_REASON_LENGTH = 3
MAX_REASON_LENGTH = 300
MAX_LEVEL_LENGTH = 40
MAX_MEDICINE_LENGTH = 120
MAX_MEDICINES = 12

# Nerve roots a lumbar nerve root injection / block is usually done at: offered as quick picks on screen.
COMMON_LEVELS = ("L3", "L4", "L5", "S1")


class Side(StrEnum):
    LEFT = "Left"
    RIGHT = "Right"
    BOTH = "Both sides"


class FormErrors(KioskError):
    """One or more fields are wrong; ``errors`` maps each field name to a message the nurse can act on."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("Please check the details marked in red", "each message is next to its field")
        self.errors = dict(errors)


@dataclass(frozen=True)
class DischargeForm:
    """The new-discharge form as typed, before any checking.

    ``date_of_birth`` is the digits from the keypad (``DDMMYYYY``) or a date with separators (``1/2/1950``).
    """

    procedure_id: str = ""
    patient_name: str = ""
    date_of_birth: str = ""
    hospital_number: str = ""
    nhs_number: str = ""
    procedure_ended: datetime | None = None
    side: str = ""
    level: str = ""
    medicines: tuple[str, ...] = ()
    factors: frozenset[Factor] = frozenset()
    large_print: bool = False
    expired_reason: str = ""
    language: str = "en"  # the nurse's preset of the patient's language (kiosk.languages)


@dataclass(frozen=True)
class NewDischarge:
    """A checked new discharge: everything ``RecordStore.start_discharge`` needs except the nurse's name."""

    procedure_id: str
    patient: Patient
    procedure_ended: datetime
    side_level: str
    medicines: tuple[str, ...]
    factors: frozenset[Factor] = field(default_factory=frozenset)
    large_print: bool = False
    expired_reason: str | None = None
    language: str = "en"
    # The content in the patient's language is a draft translation (its reason is then a draft reason).
    draft_translation: bool = False


def validate_new_discharge(
    form: DischargeForm,
    procedure: Procedure | None,
    now: datetime,
    allow_drafts: bool = False,
    english_approved: bool = False,
) -> NewDischarge:
    """Check every field of ``form`` against ``procedure`` (the one the nurse chose) at ``now``.

    ``procedure`` is the content the patient will read: in their language when there is a translation, which
    is a DRAFT when the translation is one, so a draft translation needs the nurse's reason like draft content.
    ``english_approved``: the English file itself is approved (so a draft here is the translation's).

    ``allow_drafts`` is the ward's ``content.allow_drafts``: without it a DRAFT leaflet (not yet approved) is
    refused; with it, a draft needs the nurse's reason as an expired leaflet does (H2).

    Raises ``FormErrors`` listing every wrong field, not just the first, so the nurse fixes them in one go.
    """
    errors: dict[str, str] = {}
    today = now.date()

    if procedure is None or (form.procedure_id and form.procedure_id != procedure.id):
        errors["procedure"] = "Choose the procedure the patient had."
    expired_reason = _expired_reason(form, procedure, today, errors, allow_drafts)

    name = _checked(errors, "patient_name", fields.validate_patient_name, form.patient_name)
    born = _date_of_birth(form.date_of_birth, today, errors)
    hospital_number = _checked(errors, "hospital_number", fields.validate_hospital_number, form.hospital_number)
    nhs_number: str | None = None
    if form.nhs_number.strip():
        nhs_number = _checked(errors, "nhs_number", fields.valid_nhs_number, form.nhs_number)

    ended = form.procedure_ended
    if ended is None:
        errors["procedure_ended"] = "Set when the procedure ended."
    else:
        message = ended_problem(ended, now)
        if message:
            errors["procedure_ended"] = message

    side_level = ""
    if procedure is not None and procedure.asks_side_and_level:
        side_level = _side_level(form.side, form.level, errors)
    medicines = _medicines(form.medicines, errors)
    factors = frozenset(form.factors) & frozenset(offered_factors(procedure))
    if not is_language(form.language):
        errors["language"] = "Choose the patient's language from the list."

    if errors:
        raise FormErrors(errors)
    assert procedure is not None and ended is not None and born is not None
    patient = Patient(
        name=str(name), date_of_birth=born, hospital_number=str(hospital_number), nhs_number=nhs_number or None
    )
    return NewDischarge(
        procedure_id=procedure.id,
        patient=patient,
        procedure_ended=ended,
        side_level=side_level,
        medicines=medicines,
        factors=factors,
        large_print=form.large_print,
        expired_reason=expired_reason,
        language=form.language,
        draft_translation=procedure.document.is_draft and english_approved,
    )


def _checked(
    errors: dict[str, str], key: str, check: Callable[..., object], value: object, *args: object
) -> str | None:
    """Run one of ``kiosk.record.fields``'s checks; its ``ValidationError.title`` becomes the message."""
    try:
        result = check(value, *args)
    except text_checks.ValidationError as error:
        errors[key] = error.title
        return None
    return str(result)


DRAFT_REFUSED = QT_TRANSLATE_NOOP(
    "nurse",
    "This leaflet is a DRAFT, not yet approved for use, and this ward does not use drafts. "
    "Ask the leaflet team to approve it.",
)


def needs_reason(procedure: Procedure, today: date) -> bool:
    """A leaflet past its review date, or a draft, is used only with the nurse's recorded reason."""
    return procedure.document.is_draft or procedure.review_state(today) is ReviewState.EXPIRED


def _expired_reason(
    form: DischargeForm, procedure: Procedure | None, today: date, errors: dict[str, str], allow_drafts: bool
) -> str | None:
    if procedure is None:
        return None
    if procedure.document.is_draft and not allow_drafts:
        errors["procedure"] = DRAFT_REFUSED
        return None
    if not needs_reason(procedure, today):
        return None
    reason = tidy_reason(form.expired_reason)
    if not reason:
        what = (
            "is a DRAFT, not yet approved"
            if procedure.document.is_draft and procedure.review_state(today) is not ReviewState.EXPIRED
            else "is past its review date"
            if not procedure.document.is_draft
            else "is a DRAFT and past its review date"
        )
        errors["expired_reason"] = f"This leaflet {what}: say why it is still right to use it."
        return None
    problem = reason_problem(reason)
    if problem:
        errors["expired_reason"] = problem
        return None
    return reason


def tidy_reason(text: str) -> str:
    return " ".join(text.split())


def reason_problem(text: str) -> str:
    """Why ``text`` cannot be recorded as a nurse's reason, or ``""``: an auditor must be able to read it."""
    try:
        reason = text_checks.clean_text(text, field="reason", max_length=MAX_REASON_LENGTH, what="the reason")
    except text_checks.ValidationError as error:
        return error.title
    if len(reason) < MIN_REASON_LENGTH:
        return "Please give a reason: tap a common one or type it."
    if len(reason) > MAX_REASON_LENGTH:
        return f"Please keep the reason under {MAX_REASON_LENGTH} characters."
    return ""


_DATE_PARTS = re.compile(r"^\s*(\d{1,2})\D+(\d{1,2})\D+(\d{4})\s*$")


def parse_date_of_birth(text: str) -> date:
    """``DDMMYYYY`` (keypad digits) or ``D/M/YYYY`` with any separators, UK order; ValueError if neither."""
    digits = text.strip()
    if re.fullmatch(r"\d{8}", digits):
        day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    else:
        match = _DATE_PARTS.match(text)
        if not match:
            raise ValueError(text)
        day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)


def format_date_digits(digits: str) -> str:
    """Keypad digits as the date so far: ``"0102"`` -> ``"01/02"``, ``"01021950"`` -> ``"01/02/1950"``."""
    digits = re.sub(r"\D", "", digits)[:8]
    parts = [digits[:2], digits[2:4], digits[4:]]
    return "/".join(part for part in parts if part)


def _date_of_birth(text: str, today: date, errors: dict[str, str]) -> date | None:
    if not text.strip():
        errors["date_of_birth"] = "Enter the date of birth (day, month, year)."
        return None
    try:
        born = parse_date_of_birth(text)
    except ValueError:
        errors["date_of_birth"] = "That is not a date: enter day, month and year, e.g. 01/02/1950."
        return None
    try:
        checked = fields.validate_date_of_birth(born, today)
    except text_checks.ValidationError as error:
        errors["date_of_birth"] = error.title
        return None
    return checked if isinstance(checked, date) else born


def _side_level(side: str, level: str, errors: dict[str, str]) -> str:
    sides = {s.value for s in Side}
    if side not in sides:
        errors["side"] = "Choose the side: left, right or both."
    try:
        level = text_checks.clean_text(level, field="level", max_length=MAX_LEVEL_LENGTH, what="the level")
        if not level:
            errors["level"] = "Enter the level (e.g. L5)."
    except text_checks.ValidationError as error:
        errors["level"] = error.title
    if "side" in errors or "level" in errors:
        return ""
    return f"{side} {level}"


def _medicines(lines: Iterable[str], errors: dict[str, str]) -> tuple[str, ...]:
    medicines: list[str] = []
    for line in lines:
        try:
            text = text_checks.clean_text(line, field="medicines", max_length=MAX_MEDICINE_LENGTH, what="a medicine")
        except text_checks.ValidationError as error:
            errors["medicines"] = error.title
            continue
        if not text or text.casefold() in (m.casefold() for m in medicines):
            continue
        medicines.append(text)
    if len(medicines) > MAX_MEDICINES:
        errors["medicines"] = f"No more than {MAX_MEDICINES} medicines, please."
    return tuple(medicines)


def offered_factors(procedure: Procedure | None) -> tuple[Factor, ...]:
    """The factor ticks the form offers for ``procedure``, in the fixed order of ``FACTOR_LABELS``: only those
    some condition in its content names (none before a procedure is chosen, none for a file without
    conditions)."""
    if procedure is None:
        return ()
    used = procedure.factors_used()
    return tuple(factor for factor in FACTOR_LABELS if factor in used)


def prefilled_medicines(procedure: Procedure, factors: frozenset[Factor] = frozenset()) -> tuple[str, ...]:
    """The medicines the procedure usually involves for a patient with ``factors`` (midazolam only with
    sedation), as the editable lines the form starts with."""
    return tuple(medicine.name for medicine in procedure.for_patient(factors).medicines)


def medicines_after_ticks(
    lines: Iterable[str], procedure: Procedure, before: frozenset[Factor], after: frozenset[Factor]
) -> tuple[str, ...]:
    """The medicine lines once the ticks changed from ``before`` to ``after``: a prefilled medicine that no longer
    applies goes (if the nurse left it as it was), one that now applies is added; whatever the nurse typed or
    edited stays, in its place."""
    was = prefilled_medicines(procedure, before)
    now = prefilled_medicines(procedure, after)
    kept = [line for line in lines if not (line in was and line not in now)]
    present = {line.casefold() for line in kept}
    return (*kept, *(name for name in now if name not in was and name.casefold() not in present))


# --- when the procedure ended -------------------------------------------------------------------------------


def ended_limits(now: datetime) -> tuple[datetime, datetime]:
    """Earliest and latest end time the nurse may set, to the minute."""
    latest = later(now, FUTURE_SLACK).replace(second=0, microsecond=0)
    earliest = later(later(now, -MAX_AGO).replace(second=0, microsecond=0), timedelta(minutes=1))
    return earliest, latest


def default_ended(now: datetime) -> datetime:
    """The form starts at "now", to the minute: most discharges are started just after the procedure."""
    return now.replace(second=0, microsecond=0)


def ended_problem(ended: datetime, now: datetime) -> str:
    """Why ``ended`` cannot be the procedure's end time, or ``""`` if it can."""
    if elapsed(now, ended) > FUTURE_SLACK:
        return "That time is in the future: set when the procedure actually ended."
    if elapsed(ended, now) > MAX_AGO:
        return "That is more than 24 hours ago: the kiosk is for same-day discharges."
    return ""


def step_ended(current: datetime, minutes: int, now: datetime) -> datetime:
    """``current`` moved by ``minutes``, kept within the limits.

    Small steps land on the 5-minute grid (14:37 -5 -> 14:35, +5 -> 14:40) so a few taps reach a round time;
    whole-hour steps keep the minutes.
    """
    target = later(current, timedelta(minutes=minutes))
    if minutes % 60:
        grid = TIME_STEP_MINUTES
        floor = target.replace(second=0, microsecond=0) - timedelta(minutes=target.minute % grid)
        if minutes < 0 and floor != target.replace(second=0, microsecond=0):
            target = floor + timedelta(minutes=grid)
        else:
            target = floor
    earliest, latest = ended_limits(now)
    if elapsed(target, earliest) > timedelta(0):
        return earliest
    return latest if elapsed(latest, target) > timedelta(0) else target


def describe_ended(ended: datetime, now: datetime) -> str:
    """``"14:35 today (25 minutes ago)"``: the clock time as the nurse thinks of it, and how long ago."""
    if ended.date() == now.date():
        day = "today"
    elif ended.date() == now.date() - timedelta(days=1):
        day = "yesterday"
    else:
        day = ended.strftime("%a %d %b")
    minutes = round(elapsed(ended, now).total_seconds() / 60)
    if minutes < -1:
        ago = f"in {-minutes} minutes"
    elif minutes <= 1:
        ago = "just now"
    elif minutes < 120:
        ago = f"{minutes} minutes ago"
    else:
        ago = f"{minutes // 60} h {minutes % 60:02d} min ago"
    return f"{ended:%H:%M} {day} ({ago})"


# --- a name the sheet cannot print ------------------------------------------------------------------------


def unprintable_name_warning(name: str) -> str:
    """A warning for the nurse when the name holds characters no font of the sheet has, or ``""``.

    Not an error: the name is still the patient's name as typed (and is stored so), but the sheet would show
    empty boxes for those characters, so the nurse can add the name in Latin letters before handing over.
    English names never load the sheet's fonts (only a character beyond ASCII can be missing).
    """
    if name.isascii():
        return ""
    from kiosk.sheet.fonts import unprintable  # reportlab: loaded only for a name that needs the check

    missing = sorted(unprintable(name))
    if not missing:
        return ""
    shown = " ".join(missing[:8]) + (" ..." if len(missing) > 8 else "")
    return (
        f"The sheet cannot print some characters of this name ({shown}): they would show as empty boxes. "
        "Add the name in Latin letters too, e.g. in brackets, so the printed sheet can be checked against the "
        "wristband."
    )
