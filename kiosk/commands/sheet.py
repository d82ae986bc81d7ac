"""``main.py sheet``: print a sample discharge sheet from the shipped content to a PDF file.

For leaflet authors, to proof their wording exactly as a patient will get it (with the clock times worked out),
and for nurses and IT, to check the printer and the large-print version. The sample record is made up here and
never stored; it is built from the loaded procedure, content hash included, exactly as a real discharge is.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Procedure
    from kiosk.record.model import DischargeRecord

NAME = "sheet"
HELP = "write a sample discharge sheet (PDF) for a procedure, to proof the wording or test the printer"

SAMPLE_RECORD_ID = "SAMPLE-0001"


class _FactorNames:
    """The patient factors' names (``--factor``'s choices), from the one list in ``kiosk.content.model``.

    Read only when argparse checks a ``--factor`` or prints the help: the kiosk's start builds this parser too,
    and importing the content model there cost about 8 ms of the cold start (issue 19).
    """

    def _names(self) -> tuple[str, ...]:
        from kiosk.content.model import Factor

        return tuple(factor.value for factor in Factor)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()


FACTORS = _FactorNames()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written as year-month-day, e.g. 1948-03-03") from None


def _moment(text: str) -> datetime:
    try:
        moment = datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time written as \"YYYY-MM-DD HH:MM\"") from None
    return moment  # wall-clock time in the ward's zone (config.toml), attached in run()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--procedure", required=True, metavar="ID", help="the procedure's id (its file name)")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="where to write the sheet")
    parser.add_argument("--name", default="Margaret Anne Thompson", help="the patient's name")
    parser.add_argument("--dob", type=_date, default=date(1948, 3, 3), metavar="YYYY-MM-DD", help="date of birth")
    parser.add_argument("--hospital-number", default="RK123456", metavar="NUMBER")
    parser.add_argument(
        "--ended",
        type=_moment,
        metavar='"YYYY-MM-DD HH:MM"',
        help="when the procedure ended (default: now); the sheet's clock times count from here",
    )
    parser.add_argument("--side-level", default="", metavar="TEXT", help='side and level, e.g. "Left L5"')
    parser.add_argument(
        "--factor",
        action="append",
        choices=FACTORS,
        default=[],
        metavar="FACTOR",  # not {a,b,...}: argparse would list the choices while the parser is built
        help="a personal factor that changes the advice (%(choices)s); repeat for more than one",
    )
    parser.add_argument("--escort-name", metavar="NAME", help="who takes the patient home and stays with them")
    parser.add_argument("--escort-relationship", default="Family member", metavar="TEXT")
    parser.add_argument("--escort-phone", metavar="PHONE", help="the escort's phone number")
    parser.add_argument("--large-print", action="store_true", help="the large-print version (16-18 pt text)")
    parser.add_argument("--reprint", action="store_true", help="mark the sheet REPRINT")
    parser.add_argument(
        "--language",
        default="en",
        metavar="CODE",
        help="print the content in this language (pl, ro, pa, ur, ar), warnings and numbers also in English; "
        "a draft translation is used, as draft content is, and the sheet says DRAFT",
    )


def _fail(message: str) -> int:
    print(f"main.py sheet: {message}", file=sys.stderr)
    return 2


def sample_record(args: argparse.Namespace, procedure: Procedure, now: datetime) -> DischargeRecord:
    """A made-up discharge for ``procedure``, shaped like one from the record store; raises ValidationError."""
    from kiosk.content.model import Factor
    from kiosk.discharge.new_discharge import prefilled_medicines
    from kiosk.record.fields import normalise_phone
    from kiosk.record.model import DischargeRecord, Escort, Patient
    from kiosk.record.timeline import escort_until

    ended = args.ended.replace(tzinfo=now.tzinfo) if args.ended else now.replace(second=0, microsecond=0)
    factors = frozenset(Factor(factor) for factor in args.factor)
    escort = None
    if args.escort_name or args.escort_phone:
        phone, display = normalise_phone(args.escort_phone or "")
        escort = Escort(
            name=args.escort_name or "",
            relationship=args.escort_relationship,
            phone=phone,
            phone_display=display,
            stays_until=escort_until(procedure, ended, now.tzinfo, factors),
        )
    return DischargeRecord(
        record_id=SAMPLE_RECORD_ID,
        created_at=now,
        patient=Patient(name=args.name, date_of_birth=args.dob, hospital_number=args.hospital_number),
        procedure_id=procedure.id,
        procedure_version=procedure.document.version,
        content_hash=procedure.content_hash,
        procedure_ended=ended,
        side_level=args.side_level,
        medicines=prefilled_medicines(procedure, factors),  # as the nurse's form prefills them for these factors
        factors=factors,
        large_print=args.large_print,
        escort=escort,
        no_escort_reason=None if escort else "sample sheet: no escort given",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.clock import SystemClock
    from kiosk.config import load_config
    from kiosk.content.loader import load_library
    from kiosk.errors import KioskError
    from kiosk.sheet import build_sheet

    if args.escort_phone and not args.escort_name:
        return _fail("--escort-phone needs --escort-name too")
    try:
        config = load_config()
    except KioskError as exc:
        return _fail(str(exc))
    now = SystemClock(config.zone).now()
    library = load_library(today=now.date())
    try:
        procedure = library.get(args.procedure)
    except KeyError:
        known = ", ".join(library.ids()) or "none: run 'main.py check' to see why"
        return _fail(f"there is no procedure '{args.procedure}' (known: {known})")
    if procedure.review_state(now.date()) == "expired":
        print(
            f"main.py sheet: note: the review date of '{procedure.id}' has passed; the sheet says REVIEW OVERDUE",
            file=sys.stderr,
        )
    if procedure.document.is_draft:
        print(
            f"main.py sheet: note: '{procedure.id}' is not approved yet; the sheet says DRAFT - not yet approved",
            file=sys.stderr,
        )
    if args.language != "en":
        from dataclasses import replace

        from kiosk.content.localised import localise

        # A proof, like the DRAFT content it may show: a draft translation is printed, marked DRAFT.
        config = replace(config, allow_drafts=True)
        localised = localise(procedure, args.language, allow_drafts=True)
        if localised.fallback:
            print(f"main.py sheet: note: printed in English: {localised.fallback}", file=sys.stderr)
        elif localised.is_draft_translation:
            print(
                f"main.py sheet: note: the '{args.language}' translation is a DRAFT; the sheet says so", file=sys.stderr
            )
    try:
        record = sample_record(args, procedure, now)
        pdf = build_sheet(record, procedure, config, printed_at=now, reprint=args.reprint, language=args.language)
    except KioskError as exc:
        return _fail(str(exc))
    try:
        args.out.write_bytes(pdf)
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror or exc}")
    print(f"{args.out}: {procedure.title}, {'large print' if args.large_print else 'normal print'}, {len(pdf):,} bytes")
    return 0
