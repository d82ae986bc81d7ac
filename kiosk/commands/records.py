"""``main.py records``: the ward's records tools: verify the audit trail, export for audit, purge old records."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.records import RecordStore

NAME = "records"
HELP = "discharge records: verify the audit trail, export a date range to CSV, purge past the retention period"
ACTIONS = ("verify", "export", "purge", "accept-loss", "migrate", "add-kiosk")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-21") from exc


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=ACTIONS,
        help="verify: SQLite's integrity checks, then re-compute the audit chain (exit 1 when damaged, lost or at "
        "the first bad row); export: one CSV row per discharge; purge: delete discharges past the retention period, "
        "with their sheets; accept-loss: once 'records were lost' was investigated and the newest backup restored, "
        "record the loss and let the kiosk write again (record ids still never repeat); migrate (with --central "
        "--dsn): bring the central store's schema up to date; add-kiosk (with --central --dsn --role --ward "
        "--kiosk-id): a login role for one kiosk, its password from KIOSK_CENTRAL_PASSWORD",
    )
    parser.add_argument("--from", dest="start", type=_date, metavar="DATE", help="export: first day (2026-11-01)")
    parser.add_argument("--to", dest="end", type=_date, metavar="DATE", help="export: last day, included")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="export: the CSV file to write")
    parser.add_argument(
        "--days", type=int, metavar="N", help="purge: keep N days (default: retention_days in config.toml)"
    )
    parser.add_argument(
        "--central",
        action="store_true",
        help="run against the central PostgreSQL store: every kiosk of this ward (see docs/DEPLOYMENT.md)",
    )
    parser.add_argument(
        "--dsn", metavar="CONNINFO", help="--central: connect with this libpq string (IT's admin role) instead"
    )
    parser.add_argument("--ward", metavar="WARD", help="export --central --dsn: only this ward; add-kiosk: its ward")
    parser.add_argument("--role", metavar="ROLE", help="add-kiosk: the kiosk's PostgreSQL login role")
    parser.add_argument("--kiosk-id", metavar="ID", help="add-kiosk: the kiosk's records.kiosk_id")


def run(args: argparse.Namespace) -> int:
    from kiosk.config import ward_clock
    from kiosk.errors import KioskError
    from kiosk.records import RecordStore

    if args.action == "export" and not (args.start and args.end and args.csv):
        print("records export: give --from DATE --to DATE --csv FILE", file=sys.stderr)
        return 2
    if args.days is not None and args.days < 0:
        print("records purge: --days must be 0 or more", file=sys.stderr)
        return 2
    if args.central:
        from kiosk.commands.central_records import run_central

        return run_central(args)
    if args.action in ("migrate", "add-kiosk"):
        print(f"records {args.action}: only for the central store (--central --dsn CONNINFO)", file=sys.stderr)
        return 2
    if args.action == "verify":
        return _verify()
    try:
        with RecordStore.open(clock=ward_clock()) as store:
            if args.action == "accept-loss":
                known, kept = store.accept_loss()
                print(
                    f"recorded: the head file knew {known} audit rows, the database has {kept}; "
                    f"{known - kept} rows are lost for good. The kiosk may write again (restart it)."
                )
                return 0
            if args.action == "export":
                count = store.export_csv(args.start, args.end, args.csv)
                print(f"exported {count} discharges from {args.start} to {args.end} to {args.csv}")
                return 0
            return _purge(store, args.days)
    except (KioskError, ValueError) as exc:
        from kiosk.commands.failure import print_failure

        return print_failure(f"records {args.action}", exc)


def _verify() -> int:
    """SQLite's integrity and foreign-key checks, then the chain (issue 13 F5). Whatever a damaged file does,
    the answer is a plain message and a non-zero exit, never a traceback: exit 1 when something is wrong with
    the records, 2 when the file cannot even be opened as a records database."""
    from kiosk.errors import KioskError
    from kiosk.records import RecordStore

    try:
        with RecordStore.open() as store:
            report = store.verify_audit()
    except KioskError as exc:
        print(f"records verify: {exc.title}", file=sys.stderr)
        if exc.hint:
            print(f"  {exc.hint}", file=sys.stderr)
        return 2
    except Exception as exc:  # a damaged page can make any reader fail: it is still "damaged", not a crash
        print(
            f"records verify: damaged: the records database could not be read ({type(exc).__name__})", file=sys.stderr
        )
        return 1
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def _purge(store: RecordStore, days: int | None) -> int:
    from kiosk.config import load_config
    from kiosk.records.retention import purge

    config = load_config()
    keep = days if days is not None else config.retention_days
    result = purge(store, keep, keep_unsent=config.central)
    print(
        f"purged {result.discharges} discharges started before {result.cutoff} and {result.files} sheets "
        f"(keeping {keep} days)"
    )
    if not result.wal_emptied:
        print("  note: another program was reading; the write-ahead log will be emptied when it closes")
    return 0
