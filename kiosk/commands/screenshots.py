"""``main.py screenshots DIR``: a complete demo discharge offscreen, one PNG per screen, in order.

Two discharges with a demo nurse and demo patients, one per shipped procedure: the first walks every screen
(with one wrong answer and the "Are you still there?" warning), the second answers "Nobody is staying with me"
so the nurse records a reason. Everything runs for real (records in a throw-away data folder, the sheet, the
print service: the ``KioskPDF`` test printer when CUPS has it, else the outbox only); nothing touches the ward's
own data. Used for the README and for reviewing every screen after a change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

NAME = "screenshots"
HELP = "run a demo discharge offscreen and save a PNG of every screen (01-start.png, ...)"

DEMO_NURSE = "Sam Okafor"
DEMO_PIN = "730519"
DEMO_NOW = datetime(2026, 11, 23, 14, 30)
TEST_QUEUE = "KioskPDF"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", type=Path, help="where the PNG files go (created if missing)")
    parser.add_argument(
        "--printer",
        metavar="QUEUE",
        default=None,
        help=f"CUPS queue to print the demo sheets on (default: {TEST_QUEUE} if it is ready, else outbox only)",
    )
    parser.add_argument(
        "--text-size",
        choices=("normal", "large", "largest"),
        default="",
        help="the text size both demo patients choose on the welcome screen (default: normal, then large)",
    )
    parser.add_argument("--size", default="1280x800", help="screen size in pixels, WIDTHxHEIGHT (default 1280x800)")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        width, height = (int(part) for part in str(args.size).lower().split("x"))
    except ValueError:
        print(f"screenshots: --size must look like 1280x800, not {args.size!r}", file=sys.stderr)
        return 2
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9]-*.png"):
        old.unlink()
    saved_data_dir = os.environ.get("KIOSK_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as scratch:
        # The demo's records, sheets and preview live in a throw-away data folder, never the ward's.
        os.environ["KIOSK_DATA_DIR"] = scratch
        try:
            from PySide6.QtCore import qInstallMessageHandler

            from kiosk.app import qt_message_to_log
            from kiosk.ui.demo import DemoRun

            qInstallMessageHandler(qt_message_to_log)
            count = DemoRun(folder, (width, height), args.printer, text_size=args.text_size).run()
        finally:
            if saved_data_dir is None:
                os.environ.pop("KIOSK_DATA_DIR", None)
            else:
                os.environ["KIOSK_DATA_DIR"] = saved_data_dir
    print(f"saved {count} screenshots in {folder}")
    return 0


SHIPPED_DEMO = ("nerve-root-block", "nerve-root-injection")
DEMO_PEOPLE: tuple[tuple[str, date, str, str], ...] = (
    ("Margaret Oyelaran-Smith", date(1948, 3, 9), "RHQ1234567", "9434765919"),
    ("Tomasz Wiśniewski", date(1961, 7, 30), "RHQ7654321", ""),
)


def demo_patients() -> list[tuple[str, str, date, str, str]]:
    """(procedure id, name, date of birth, hospital number, NHS number) for the demo discharges.

    The shipped procedures, one patient each; with ``--procedures DIR`` (an author's draft folder), one demo
    discharge per procedure in that folder, so the author sees every screen of their own file.
    """
    from kiosk.content.loader import load_library

    ids = load_library().ids()
    chosen = [pid for pid in SHIPPED_DEMO if pid in ids] if set(SHIPPED_DEMO) <= set(ids) else list(ids)
    return [(pid, *DEMO_PEOPLE[index % len(DEMO_PEOPLE)]) for index, pid in enumerate(chosen)]


def demo_ended() -> datetime:
    return DEMO_NOW - timedelta(minutes=45)
